using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Configuration;

/// <summary>The audit trail (<c>audit:</c>): one JSON object per line per recipient outcome, with its
/// security receipt (method, TLS version, cipher, validation, fingerprints); never content.</summary>
public sealed class AuditConfig
{
    /// <summary>The JSON-lines file; default <c>DATA_DIR/audit/audit.jsonl</c>.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? Path { get; set; }
}
