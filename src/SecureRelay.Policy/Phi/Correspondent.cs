using MimeKit;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>The person a message is to or from. Mail to or from one person about their own care identifies
/// them by the address alone, name or no name: a patient writing to a clinic about "my results", a clinic
/// writing to a patient's mailbox about "your crown". An individual mailbox is a single sender or a single
/// To: address whose display name or local part holds a name from the names list and no role word
/// (<c>nursing@</c>, <c>noreply@</c>, <c>"Billing Team"</c> are organisations). WHO evidence of the reader's
/// kind: it counts only with facts about someone's care, never with vocabulary alone.</summary>
internal static class Correspondent
{
    /// <summary>The detector name in explanations.</summary>
    public const string Name = "correspondent";

    /// <summary>Words of a mailbox that belong to a role, a department or a machine, not a person.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "no", "reply", "donotreply", "do", "not", "info", "information", "support", "help", "helpdesk", "servicedesk", "service",
        "services", "admin", "office", "frontdesk", "front", "desk", "billing", "records", "nursing", "nurse", "nurses", "team", "staff", "hr",
        "benefits", "payroll", "alerts", "alert", "notify", "notification", "notifications", "news", "newsletter", "hello", "contact", "mail",
        "mailer", "postmaster", "appointments", "appointment", "scheduling", "schedule", "pharmacy", "lab", "labs", "results", "portal", "care",
        "careteam", "fax", "reception", "clinic", "health", "healthoffice", "marketing", "sales", "updates", "digest", "list", "members",
        "member", "customer", "customerservice", "accounts", "claims", "queue", "system", "bot", "daemon", "root", "webmaster", "events",
        "community", "group", "department", "dept", "center", "centre", "hospital", "medical", "dental", "practice", "association",
        "foundation", "society", "committee", "club", "school", "district", "university", "college", "inc", "llc", "llp", "ltd", "corp",
        "company", "app", "store", "shop", "deals", "offers", "promo", "rewards", "security", "it", "ops", "monitor", "monitoring",
        "reports", "report", "print", "printer", "scanner", "jobs", "careers", "recruiting", "talent", "hiring", "press", "media",
    };

    /// <summary>True when the message is from one person, or to one person.</summary>
    public static bool IsIndividual(MimeMessage message, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.From.Count == 1 && message.From[0] is MailboxAddress from && IsPerson(from, lexicon))
            || (message.To.Count == 1 && message.To[0] is MailboxAddress to && IsPerson(to, lexicon));
    }

    /// <summary>A mailbox whose display name, else local part, reads as a person's name.</summary>
    internal static bool IsPerson(MailboxAddress mailbox, Lexicon lexicon)
    {
        var display = mailbox.Name?.Trim() ?? "";
        if (display.Length > 0)
        {
            return ReadsAsName(display.Split([' ', '\t', ',', '.', '"', '\''], StringSplitOptions.RemoveEmptyEntries), lexicon, display: true);
        }

        var local = mailbox.LocalPart ?? "";
        return ReadsAsName(local.Split(['.', '_', '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], StringSplitOptions.RemoveEmptyEntries), lexicon, display: false);
    }

    private static bool ReadsAsName(string[] tokens, Lexicon lexicon, bool display)
    {
        if (tokens.Length is 0 or > 4)
        {
            return false;
        }

        var names = 0;
        foreach (var token in tokens)
        {
            if (RoleWords.Contains(token))
            {
                return false;
            }

            if (token.Length >= 2 && lexicon.IsName(token))
            {
                names++;
            }
        }

        // A display name is a person's when it has two name-like tokens ("Ana Ruiz"); a local part when one of
        // its parts is a name ("ana.ruiz", "aruiz72" does not count: one token, not a name).
        return display ? tokens.Length >= 2 && names >= 1 && tokens.All(t => char.IsUpper(t[0])) : names >= 1;
    }
}
