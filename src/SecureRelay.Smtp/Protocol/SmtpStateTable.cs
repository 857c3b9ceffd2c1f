using System.Collections.Frozen;

namespace SecureRelay.Smtp.Protocol;

/// <summary>
/// The SMTP state machine as data (after cosullivan/SmtpServer <c>SmtpStateTable</c>): for each state,
/// the commands allowed in it and the state a successful command moves to. A command not listed for
/// the current state is answered <c>503 5.5.1</c> with the state's reason, without running it.
/// </summary>
internal static class SmtpStateTable
{
    private static readonly SmtpVerb[] Anytime = [SmtpVerb.Noop, SmtpVerb.Quit, SmtpVerb.Vrfy, SmtpVerb.Help];

    private static readonly FrozenDictionary<SmtpState, StateEntry> Table = new Dictionary<SmtpState, StateEntry>
    {
        [SmtpState.Initial] = new(
            "Error: send HELO/EHLO first",
            new()
            {
                [SmtpVerb.Ehlo] = SmtpState.Ready,
                [SmtpVerb.Helo] = SmtpState.Ready,
                [SmtpVerb.Rset] = SmtpState.Initial,
                [SmtpVerb.StartTls] = SmtpState.Initial,
            }),
        [SmtpState.Ready] = new(
            "Error: need MAIL command",
            new()
            {
                [SmtpVerb.Ehlo] = SmtpState.Ready,
                [SmtpVerb.Helo] = SmtpState.Ready,
                [SmtpVerb.Mail] = SmtpState.MailFrom,
                [SmtpVerb.Rset] = SmtpState.Ready,
                [SmtpVerb.StartTls] = SmtpState.Initial,   // RFC 3207 §4.2: forget everything, EHLO again
                [SmtpVerb.Auth] = SmtpState.Ready,
            }),
        [SmtpState.MailFrom] = new(
            "Error: need RCPT command",
            new()
            {
                [SmtpVerb.Ehlo] = SmtpState.Ready,
                [SmtpVerb.Helo] = SmtpState.Ready,
                [SmtpVerb.Rcpt] = SmtpState.RcptTo,
                [SmtpVerb.Rset] = SmtpState.Ready,
            },
            new() { [SmtpVerb.Mail] = "Error: nested MAIL command", [SmtpVerb.Auth] = "Error: MAIL transaction in progress", [SmtpVerb.StartTls] = "Error: MAIL transaction in progress" }),
        [SmtpState.RcptTo] = new(
            "Error: bad sequence of commands",
            new()
            {
                [SmtpVerb.Ehlo] = SmtpState.Ready,
                [SmtpVerb.Helo] = SmtpState.Ready,
                [SmtpVerb.Rcpt] = SmtpState.RcptTo,
                [SmtpVerb.Data] = SmtpState.Ready,
                [SmtpVerb.Bdat] = SmtpState.Chunking,
                [SmtpVerb.BdatLast] = SmtpState.Ready,
                [SmtpVerb.Rset] = SmtpState.Ready,
            },
            new() { [SmtpVerb.Mail] = "Error: nested MAIL command", [SmtpVerb.Auth] = "Error: MAIL transaction in progress", [SmtpVerb.StartTls] = "Error: MAIL transaction in progress" }),
        [SmtpState.Chunking] = new(
            "Error: BDAT transfer in progress",
            new()
            {
                [SmtpVerb.Bdat] = SmtpState.Chunking,
                [SmtpVerb.BdatLast] = SmtpState.Ready,
                [SmtpVerb.Rset] = SmtpState.Ready,
                [SmtpVerb.Ehlo] = SmtpState.Ready,
                [SmtpVerb.Helo] = SmtpState.Ready,
            }),
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="verb"/> may run in <paramref name="state"/>; <paramref name="next"/>
    /// is the state after it succeeds (unchanged for commands allowed anywhere).</summary>
    public static bool TryGetTransition(SmtpState state, SmtpVerb verb, out SmtpState next)
    {
        if (Table[state].Transitions.TryGetValue(verb, out next))
        {
            return true;
        }

        next = state;
        return Array.IndexOf(Anytime, verb) >= 0;
    }

    /// <summary>The <c>503 5.5.1</c> reply for <paramref name="verb"/> arriving in <paramref name="state"/>.</summary>
    public static SmtpReply OutOfSequence(SmtpState state, SmtpVerb verb)
    {
        var entry = Table[state];
        var text = entry.Reasons is not null && entry.Reasons.TryGetValue(verb, out var reason) ? reason : entry.DefaultReason;
        return new SmtpReply(503, "5.5.1", text);
    }

    /// <summary>The states and verbs the table knows, for tests that walk it.</summary>
    public static IEnumerable<SmtpState> States => Table.Keys;

    private sealed record StateEntry(string DefaultReason, Dictionary<SmtpVerb, SmtpState> Transitions, Dictionary<SmtpVerb, string>? Reasons = null);
}
