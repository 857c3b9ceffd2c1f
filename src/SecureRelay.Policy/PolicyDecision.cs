using System.Text;

namespace SecureRelay.Policy;

/// <summary>The policy outcome for a message: per-recipient methods, a message-level reject or hold,
/// flags, the classification summary and a human explanation (no PHI: detector names only).</summary>
public sealed class PolicyDecision
{
    internal PolicyDecision(Phi.Classification classification, IReadOnlyList<RecipientDecision> recipients, IReadOnlyList<string> explanation)
    {
        Classification = classification;
        Recipients = recipients;
        Explanation = explanation;
        // One reply answers DATA for all recipients: any refused recipient refuses the message, so
        // the application learns of it rather than PHI being partially delivered.
        Rejection = recipients.Select(r => r.Rejection).FirstOrDefault(r => r is not null);
        Hold = Rejection is null && recipients.Any(r => r.Hold);
    }

    /// <summary>The classification summary.</summary>
    public Phi.Classification Classification { get; }

    /// <summary>One entry per recipient, in the order given.</summary>
    public IReadOnlyList<RecipientDecision> Recipients { get; }

    /// <summary>The SMTP refusal for the whole message (the first refused recipient's), or null to accept.</summary>
    public PolicyRejection? Rejection { get; }

    /// <summary>Accept and quarantine the message for an admin.</summary>
    public bool Hold { get; }

    /// <summary>Any recipient is to be signed with S/MIME.</summary>
    public bool SignSmime => Recipients.Any(r => r.SignSmime);

    /// <summary>Any recipient requires TLS to the next hop.</summary>
    public bool RequireTls => Recipients.Any(r => r.RequireTls);

    /// <summary>Why, one line per step, for <c>securerelay policy test</c> and logs.</summary>
    public IReadOnlyList<string> Explanation { get; }

    /// <summary>The typed record of this decision that travels with the message (recipients in
    /// envelope order): what delivery and the audit read.</summary>
    public DecisionRecord ToRecord()
    {
        var c = Classification;
        return new DecisionRecord
        {
            Verdict = c.VerdictClass,
            Score = c.Score,
            Detectors = c.Detectors,
            Category = c.Category,
            Recipients = [.. Recipients.Select(r => new RecipientDecisionRecord
            {
                Rule = r.RuleName,
                Methods = r.Methods,
                SignSmime = r.SignSmime,
                RequireTls = r.RequireTls,
                DomainTls = r.Domain?.RequireTls ?? TlsRequirement.None,
            })],
        };
    }

    /// <summary>The stable text form used by <c>policy test</c> and golden files.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append("classification: ").Append(Classification).Append('\n');
        foreach (var e in Classification.Evidence)
        {
            // Detector names, sides, weights and offsets into the extracted text: never the text itself.
            sb.Append("  evidence: ").Append(e.Side.ToString().ToLowerInvariant()).Append(' ').Append(e.Detector)
              .Append(" weight=").Append(e.Weight.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture))
              .Append(" at=").Append(e.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append("decision: ").Append(Rejection is not null ? "reject " + Rejection : Hold ? "hold" : "accept").Append('\n');
        foreach (var r in Recipients)
        {
            sb.Append("recipient ").Append(r.Recipient).Append(": rule=").Append(r.RuleName);
            if (r.Rejection is not null)
            {
                sb.Append(" reject=\"").Append(r.Rejection).Append('"');
            }
            else
            {
                sb.Append(" methods=").Append(string.Join(',', r.Methods.Select(m => m.ToName())));
            }

            if (r.Hold)
            {
                sb.Append(" hold");
            }

            if (r.SignSmime)
            {
                sb.Append(" sign_smime");
            }

            if (r.RequireTls)
            {
                sb.Append(" require_tls");
            }

            sb.Append('\n');
        }

        foreach (var line in Explanation)
        {
            sb.Append("  why: ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
