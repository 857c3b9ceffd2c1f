using SecureRelay.Cli;

namespace SecureRelay;

/// <summary>Entry point of the <c>securerelay</c> executable.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the verb.</summary>
    public static Task<int> Main(string[] args)
    {
        // Every verb may create files under data_dir (run, consent, suppress, escrow): none may be
        // readable by others.
        Hosting.DataDirectoryPermissions.RestrictUmask();

        // sendmail's command line (-fsender, -oi, options ending at the first recipient) is not
        // System.CommandLine's syntax: it is parsed on its own, whether the verb is named or the
        // program runs through a link named sendmail (as /usr/sbin/sendmail for cron and PHP).
        if (SendmailCommand.InvokedAsSendmail())
        {
            return SendmailCommand.RunAsync(args);
        }

        if (args is [SendmailCommand.LinkName, ..])
        {
            return SendmailCommand.RunAsync(args[1..]);
        }

        return CommandLine.Build().Parse(args).InvokeAsync();
    }
}
