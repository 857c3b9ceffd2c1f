namespace SecureRelay.Policy.Yaml;

/// <summary>A configuration file is wrong. <see cref="Exception.Message"/> reads
/// <c>file:line:col: reason</c>, the form editors and <c>securerelay check</c> print.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for a place in a file.</summary>
    public ConfigurationException(string file, int line, int column, string reason, Exception? innerException = null)
        : base($"{file}:{line}:{column}: {reason}", innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file name as given.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
