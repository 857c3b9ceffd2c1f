using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Security.Escrow;

/// <summary>
/// Settings of the escrow store and its notices (YAML section <c>escrow:</c>, snake_case keys).
/// </summary>
public sealed class EscrowOptions
{
    /// <summary>SQLite database file (<c>database_path</c>); default <c>{data_dir}/escrow/escrow.db</c> set by the host.</summary>
    [DataType("path")]
    public string DatabasePath { get; set; } = "data/escrow/escrow.db";

    /// <summary>
    /// Master key file (<c>key_file</c>), created 0600 on first run. Keep it outside the data
    /// directory so a copy of the database alone reveals nothing.
    /// </summary>
    [DataType("path")]
    public string KeyFile { get; set; } = "keys/escrow.key";

    /// <summary>Days a message stays available (<c>expiry_days</c>, default 30).</summary>
    public int ExpiryDays { get; set; } = 30;

    /// <summary>Largest message accepted into escrow in bytes (<c>max_message_bytes</c>, default 50 MiB).</summary>
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Base URL of the escrow portal (<c>portal_base_url</c>); notices link to <c>{portal_base_url}/m/{token}</c>.</summary>
    public string PortalBaseUrl { get; set; } = "https://localhost:8443";

    /// <summary>From address of the notice email (<c>notice_sender</c>).</summary>
    public string NoticeSender { get; set; } = "no-reply@localhost";

    /// <summary>
    /// Name shown in the notice as the sender (<c>sender_organisation</c>); when empty, the sender's
    /// domain is shown instead.
    /// </summary>
    public string? SenderOrganisation { get; set; }

    /// <summary>Checks the values: one (YAML key relative to <c>escrow:</c>, message) pair per problem, empty when valid.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            yield return ("database_path", "must be set");
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            yield return ("key_file", "must be set");
        }

        if (ExpiryDays is < 1 or > 3650)
        {
            yield return ("expiry_days", "must be between 1 and 3650");
        }

        if (MaxMessageBytes < 1)
        {
            yield return ("max_message_bytes", "must be positive");
        }

        if (!Uri.TryCreate(PortalBaseUrl, UriKind.Absolute, out var portal)
            || (portal.Scheme != Uri.UriSchemeHttps && !(portal.Scheme == Uri.UriSchemeHttp && portal.IsLoopback)))
        {
            yield return ("portal_base_url", "must be an absolute https URL (http only for loopback)");
        }

        if (!MimeKit.MailboxAddress.TryParse(NoticeSender, out _))
        {
            yield return ("notice_sender", "must be an email address");
        }
    }

    /// <summary>Throws for the first problem <see cref="Validate"/> finds.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names its key.</exception>
    public void ThrowIfInvalid()
    {
        foreach (var (key, message) in Validate())
        {
            throw new ArgumentException($"escrow.{key} {message}");
        }
    }
}
