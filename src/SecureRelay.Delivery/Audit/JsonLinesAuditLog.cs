using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureRelay.Delivery.Audit;

/// <summary>
/// <see cref="IAuditLog"/> as a JSON Lines file: one object per line with snake_case keys, opened
/// for append (readers may tail it: <see cref="FileShare.Read"/>), flushed after every record.
/// Thread-safe. Rotation is left to the operator (copytruncate is not safe; restart after moving).
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private bool _disposed;

    /// <summary>Opens (creating directories and the file as needed) <paramref name="path"/> for appending.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or directory is not writable.</exception>
    public JsonLinesAuditLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        Path = full;
        _stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, FileOptions.None);
    }

    /// <summary>The absolute path of the log file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Write(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] line = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Write(line);
            _stream.Write(NewLine);
            _stream.Flush();
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Dispose();
        }
    }
}
