namespace SecureRelay.Policy.Phi;

/// <summary>Reading the message for classification hit an error or a bound; the classifier turns it
/// into an uncertain verdict (fail closed: never clean). The reason is a short token, never message content.</summary>
internal sealed class ClassificationFailedException(string reason, Exception? inner = null)
    : Exception("classification failed: " + reason, inner)
{
    public string Reason { get; } = reason;
}
