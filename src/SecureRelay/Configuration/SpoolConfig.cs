namespace SecureRelay.Configuration;

/// <summary>Spool settings (<c>spool:</c>).</summary>
public sealed class SpoolConfig
{
    /// <summary>The AES-256 key file (created 0600 on first run). Default: <c>DATA_DIR/keys/spool.key</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Below this much free disk space MAIL gets <c>452 4.3.1</c>.</summary>
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;
}
