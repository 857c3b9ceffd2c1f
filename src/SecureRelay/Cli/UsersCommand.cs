using System.CommandLine;
using SecureRelay.Users;

namespace SecureRelay.Cli;

/// <summary><c>securerelay users hash</c>: prints a salted PBKDF2 hash for <c>users[].password_hash</c>.</summary>
public static class UsersCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (first line) instead of prompting." };
        var hash = new Command("hash", "Print a password hash for users[].password_hash in securerelay.yaml.") { fromStdin };
        hash.SetAction(parse =>
        {
            var password = parse.GetValue(fromStdin) ? Console.In.ReadLine() : Prompt();
            if (string.IsNullOrEmpty(password))
            {
                parse.InvocationConfiguration.Error.WriteLine("error: empty password");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(PasswordHasher.Hash(password));
            return 0;
        });
        return new Command("users", "Manage SMTP AUTH users.") { hash };
    }

    private static string? Prompt()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password: ");
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return buffer.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
            {
                buffer.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
    }
}
