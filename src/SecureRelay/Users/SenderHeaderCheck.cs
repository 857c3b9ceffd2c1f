using MimeKit;

namespace SecureRelay.Users;

/// <summary>
/// Checks the author headers of a message an authenticated user submits: every address in every
/// <c>From:</c> and <c>Sender:</c> header must be in a domain the user may use. Receivers judge a
/// message (DMARC, what the reader sees) by <c>From:</c>, not by MAIL FROM, so a user who could
/// write any <c>From:</c> could impersonate any tenant of the relay.
/// </summary>
public static class SenderHeaderCheck
{
    private static readonly string[] Checked = ["From", "Sender"];

    /// <summary>Returns the reply text for the first address the user may not use, or null when
    /// every address is allowed. <paramref name="content"/> is the message from its first byte;
    /// only its header section is read. When <paramref name="truncated"/> says the copy stopped
    /// early and the header section did not end inside it, the check fails closed.</summary>
    public static string? FindForeign(UserDirectory users, string userName, Stream content, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(content);
        var parser = new MimeParser(content, MimeFormat.Entity, persistent: false);
        HeaderList headers;
        try
        {
            headers = parser.ParseHeaders();
        }
        catch (FormatException)
        {
            return "Error: message header section is malformed";
        }

        if (truncated && parser.Position >= content.Length)
        {
            return "Error: message header section too large to check its sender";
        }

        foreach (var header in headers)
        {
            var name = Array.Find(Checked, n => header.Field.Equals(n, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                continue;
            }

            if (!InternetAddressList.TryParse(header.RawValue, out var list))
            {
                return $"Error: {name}: header is not a valid address list";
            }

            foreach (var mailbox in list.Mailboxes)
            {
                if (string.IsNullOrEmpty(mailbox.Domain) || !users.MayUseDomain(userName, mailbox.Domain))
                {
                    return $"<{mailbox.Address}>: {name}: header address rejected: not owned by user {userName}";
                }
            }
        }

        return null;
    }
}
