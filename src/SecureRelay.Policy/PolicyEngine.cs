using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy;

/// <summary>
/// Turns message facts and recipients into a <see cref="PolicyDecision"/> under the current policy of a
/// <see cref="PolicyStore"/> (or a fixed <see cref="CompiledPolicy"/>). Thread-safe.
/// </summary>
public sealed class PolicyEngine
{
    private readonly Func<CompiledPolicy> _policy;
    private readonly IConsentLookup? _consent;
    private readonly ISuppressionLookup? _suppression;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>An engine following the store's current policy (hot reload).</summary>
    public PolicyEngine(PolicyStore store, IConsentLookup? consent = null, ISuppressionLookup? suppression = null, TimeProvider? time = null, ILogger<PolicyEngine>? logger = null)
        : this(() => store.Current, consent, suppression, time, logger)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    /// <summary>An engine with a fixed policy. Without a consent store, marketing with PHI is refused (fail closed).</summary>
    public PolicyEngine(CompiledPolicy policy, IConsentLookup? consent = null, ISuppressionLookup? suppression = null, TimeProvider? time = null, ILogger<PolicyEngine>? logger = null)
        : this(() => policy, consent, suppression, time, logger)
    {
        ArgumentNullException.ThrowIfNull(policy);
    }

    private PolicyEngine(Func<CompiledPolicy> policy, IConsentLookup? consent, ISuppressionLookup? suppression, TimeProvider? time, ILogger? logger)
    {
        _policy = policy;
        _consent = consent;
        _suppression = suppression;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The policy the next evaluation uses.</summary>
    public CompiledPolicy Policy => _policy();

    /// <summary>Parses and classifies a message (bounded, fail closed) with the current policy's classifier.</summary>
    public Task<MessageFacts> AnalyzeAsync(Stream message, MessageEnvelope envelope, bool requireTlsRequested = false, CancellationToken cancellationToken = default) =>
        MessageFacts.AnalyzeAsync(message, envelope, Policy.Classifier, requireTlsRequested, cancellationToken);

    /// <summary>Decides per recipient: first matching rule, its methods (or the domain's, or the defaults
    /// by PHI verdict), domain TLS and size rules, marketing consent and suppression.</summary>
    public PolicyDecision Evaluate(MessageFacts facts, IReadOnlyList<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(recipients);
        var policy = _policy();
        var c = facts.Classification;
        var why = new List<string> { string.Create(System.Globalization.CultureInfo.InvariantCulture, $"classified {c.VerdictName} by {c.SourceName} (who {c.Who:0.00}, what {c.What:0.00}, threshold {policy.Classifier.Settings.Threshold:0.00})") };
        var decisions = new List<RecipientDecision>(recipients.Count);
        foreach (var recipient in recipients)
        {
            try
            {
                decisions.Add(EvaluateRecipient(policy, facts, recipient, why));
            }
            catch (RegexMatchTimeoutException e)
            {
                decisions.Add(Deferred(recipient, "a rule expression timed out", e, why));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not ArgumentException)
            {
                // A consent or suppression store failed: defer (4xx) rather than guess either way.
                decisions.Add(Deferred(recipient, "a consent or suppression lookup failed", e, why));
            }
        }

        return new PolicyDecision(c, decisions, why);
    }

    private RecipientDecision Deferred(string recipient, string step, Exception e, List<string> why)
    {
        PolicyLog.EvaluationFailed(_logger, step, e);
        why.Add($"{recipient}: deferred: {step}");
        return new RecipientDecision(recipient, "(error)", [], PolicyRejection.TemporaryFailure, false, false, false, null);
    }

    private RecipientDecision EvaluateRecipient(CompiledPolicy policy, MessageFacts facts, string recipient, List<string> why)
    {
        var c = facts.Classification;
        var domainName = AddressPatterns.DomainOf(recipient);
        var domain = policy.FindDomain(domainName);
        var rule = policy.Rules.FirstOrDefault(r => r.Matches(facts, recipient, policy.Groups));
        var ruleName = rule?.Name ?? "(default)";
        var signSmime = rule?.SignSmime ?? policy.SignSmime;
        var requireTls = (rule?.RequireTls ?? false) || facts.RequireTlsRequested;
        why.Add(rule is null
            ? $"{recipient}: no rule matched; default {(c.IsPhi ? "PHI" : "non-PHI")} methods"
            : $"{recipient}: rule '{rule.Name}' matched ({rule.DescribeConditions()}) action {rule.Action.ToString().ToLowerInvariant()}");

        RecipientDecision Refuse(PolicyRejection rejection, string reason)
        {
            why.Add($"{recipient}: refused: {reason}");
            return new RecipientDecision(recipient, ruleName, [], rejection, false, signSmime, requireTls, domain);
        }

        if (rule?.Action == RuleAction.Reject)
        {
            return Refuse(rule.Rejection ?? PolicyRejection.RuleDefault, $"rule '{rule.Name}'");
        }

        if (domain?.MaxMessageSize is { } max && facts.Envelope.Size > max)
        {
            return Refuse(PolicyRejection.TooBigForDomain, $"size {facts.Envelope.Size} exceeds {max} for domain {domain.Domain}");
        }

        if (c.Category == MessageCategory.Marketing)
        {
            if (policy.ApplySuppression && _suppression?.IsSuppressed(recipient) == true)
            {
                return Refuse(PolicyRejection.Suppressed, "marketing to a suppressed recipient");
            }

            if (c.IsPhi && policy.RequireMarketingAuthorization
                && _consent?.HasAuthorization(recipient, policy.ConsentScope, _time.GetUtcNow()) != true)
            {
                return Refuse(PolicyRejection.MarketingWithoutAuthorization, $"marketing with PHI and no recorded '{policy.ConsentScope}' authorization");
            }

            if (c.IsPhi)
            {
                why.Add($"{recipient}: marketing authorization on record");
            }
        }

        var (defaultSource, defaultMethods) = c.Verdict switch
        {
            PhiVerdict.Phi => ("defaults.phi_methods", policy.PhiMethods),
            PhiVerdict.Uncertain => ("defaults.uncertain_methods", policy.UncertainMethods),
            _ => ("defaults.other_methods", policy.OtherMethods),
        };
        var source = rule?.Methods is not null ? "rule" : domain?.Methods is not null ? $"domain {domain.Domain}" : defaultSource;
        var methods = (rule?.Methods ?? domain?.Methods ?? defaultMethods).ToList();
        if (c.IsProtected && methods.Remove(DeliveryMethod.Opportunistic))
        {
            why.Add($"{recipient}: opportunistic removed (never for {c.VerdictName} content)");
        }

        if (methods.Count == 0)
        {
            source = c.IsPhi ? "defaults.phi_methods" : "defaults.uncertain_methods";
            methods = [.. c.IsPhi ? policy.PhiMethods : policy.UncertainMethods];
        }

        if (domain is { RequireTls: not TlsRequirement.None })
        {
            methods = ApplyTlsRequirement(methods, domain.RequireTls);
            why.Add($"{recipient}: domain {domain.Domain} requires {(domain.RequireTls == TlsRequirement.Verified ? "verified " : "")}TLS");
        }

        why.Add($"{recipient}: methods from {source}: {string.Join(',', methods.Select(m => m.ToName()))}");
        var hold = rule?.Action == RuleAction.Hold;
        if (hold)
        {
            why.Add($"{recipient}: held for review by rule '{ruleName}'");
        }

        return new RecipientDecision(recipient, ruleName, methods, null, hold, signSmime, requireTls, domain);
    }

    private static List<DeliveryMethod> ApplyTlsRequirement(List<DeliveryMethod> methods, TlsRequirement requirement)
    {
        var result = new List<DeliveryMethod>();
        foreach (var m in methods)
        {
            var replaced = m switch
            {
                DeliveryMethod.Opportunistic when requirement == TlsRequirement.Any => DeliveryMethod.Tls,
                DeliveryMethod.Opportunistic or DeliveryMethod.Tls when requirement == TlsRequirement.Verified => DeliveryMethod.TlsVerified,
                _ => m,
            };
            if (!result.Contains(replaced))
            {
                result.Add(replaced);
            }
        }

        return result;
    }
}
