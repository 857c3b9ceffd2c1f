using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecureRelay.Policy.Yaml;

/// <summary>
/// Loads snake_case YAML into typed options strictly: unknown keys, duplicate keys, wrong types and
/// syntax errors are <see cref="ConfigurationException"/>s with <c>file:line:col</c>, never a silent
/// default. Shared by <c>securerelay.yaml</c> and <c>policy.yaml</c>.
/// </summary>
public static class StrictYaml
{
    /// <summary>The largest configuration file accepted (every read has a limit).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Reads and deserializes a file.</summary>
    /// <exception cref="ConfigurationException">The file is missing, too large or wrong.</exception>
    public static LoadedYaml<T> Load<T>(string path)
        where T : new()
        => Parse<T>(ReadText(path), path);

    /// <summary>Reads a configuration file (at most <see cref="MaxFileBytes"/>).</summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or too large.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new ConfigurationException(path, 1, 1, $"file is larger than {MaxFileBytes} bytes");
            }

            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ConfigurationException(path, 1, 1, e.Message, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ConfigurationException(path, 1, 1, e.Message, e);
        }
    }

    /// <summary>Parses YAML text into its node tree (null for an empty document); syntax errors and
    /// duplicate keys are reported at the parser's marks.</summary>
    /// <exception cref="ConfigurationException">The text is not one well-formed YAML document.</exception>
    public static YamlNode? ParseTree(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                throw new ConfigurationException(file, (int)second.Line, (int)second.Column, "only one YAML document is allowed");
            }

            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(file, (int)e.Start.Line, (int)e.Start.Column, Describe(e), e);
        }
    }

    /// <summary>Deserializes YAML text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is not a valid document of type <typeparamref name="T"/>.</exception>
    public static LoadedYaml<T> Parse<T>(string text, string file)
        where T : new()
    {
        var root = ParseTree(text, file);
        T? value;
        try
        {
            value = Deserializer.Deserialize<T>(text);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(file, (int)e.Start.Line, (int)e.Start.Column, Describe(e), e);
        }

        return new LoadedYaml<T>(value ?? new T(), file, root);
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps the useful message (unknown property, bad value) in an inner exception
        // and prefixes positions; keep the innermost reason and drop the duplicated location.
        Exception inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var message = inner.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        return message.ReplaceLineEndings(" ");
    }
}
