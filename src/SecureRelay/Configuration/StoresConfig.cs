using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Configuration;

/// <summary>Where the consent store and the suppression list live (<c>stores:</c>).</summary>
public sealed class StoresConfig
{
    /// <summary>Consent (recorded marketing authorizations); default <c>DATA_DIR/stores/consent.db</c>.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? ConsentDb { get; set; }

    /// <summary>Suppression list; default <c>DATA_DIR/stores/suppression.db</c>.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? SuppressionDb { get; set; }
}
