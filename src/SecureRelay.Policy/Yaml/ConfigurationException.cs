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

    /// <summary>Creates one exception for several problems (all found in one pass, so that an admin
    /// fixes them all at once); <see cref="Exception.Message"/> has one <c>file:line:col: reason</c> line
    /// per problem, and the location properties are those of the first.</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationException> errors)
        : base(string.Join('\n', (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Message)))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("at least one error is needed", nameof(errors));
        }

        File = errors[0].File;
        Line = errors[0].Line;
        Column = errors[0].Column;
        Reason = errors[0].Reason;
        Errors = errors;
    }

    /// <summary>Every problem found (one element when the exception was made for one place).</summary>
    public IReadOnlyList<ConfigurationException> Errors { get; } = [];

    /// <summary>The file name as given.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
