using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy;

/// <summary>What the policy engine knows about one message: envelope, headers, classification.
/// Holds the subject and header values for rule matching; never log them.</summary>
public sealed class MessageFacts
{
    /// <summary>Creates facts from parts (tests, tools).</summary>
    public MessageFacts(MessageEnvelope envelope, Phi.Classification classification, IReadOnlyList<KeyValuePair<string, string>> headers, bool requireTlsRequested = false)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(headers);
        Envelope = envelope;
        Classification = classification;
        Headers = headers;
        RequireTlsRequested = requireTlsRequested;
        Subject = GetHeader("Subject") ?? "";
    }

    /// <summary>The envelope.</summary>
    public MessageEnvelope Envelope { get; }

    /// <summary>The PHI classification.</summary>
    public Phi.Classification Classification { get; }

    /// <summary>Header fields in order, values decoded and unfolded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The decoded subject (empty when absent).</summary>
    public string Subject { get; }

    /// <summary>The client asked for REQUIRETLS (RFC 8689) on MAIL FROM.</summary>
    public bool RequireTlsRequested { get; }

    /// <summary>Builds facts from a parsed message.</summary>
    public static MessageFacts FromMessage(MimeMessage message, MessageEnvelope envelope, Phi.Classification classification, bool requireTlsRequested = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MessageFacts(envelope, classification, [.. message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value ?? ""))], requireTlsRequested);
    }

    /// <summary>Parses (bounded), classifies (bounded, fail closed) and builds facts from raw message bytes.
    /// Headers are empty when the message could not be parsed; the classification is then PHI.</summary>
    public static async Task<MessageFacts> AnalyzeAsync(Stream message, MessageEnvelope envelope, PhiClassifier classifier, bool requireTlsRequested = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var (parsed, classification) = await classifier.AnalyzeAsync(message, envelope, cancellationToken).ConfigureAwait(false);
        if (parsed is null)
        {
            return new MessageFacts(envelope, classification, [], requireTlsRequested);
        }

        // MimeKit's messages, parts and contents have finalizers: one left to the GC survives a collection
        // with its whole tree (headers, address lists, part streams) and is only freed by a later one.
        using (parsed)
        {
            return FromMessage(parsed, envelope, classification, requireTlsRequested);
        }
    }

    /// <summary>The first value of a header field, or null.</summary>
    public string? GetHeader(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>All values of a header field.</summary>
    public IEnumerable<string> GetHeaders(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
}
