using System.Text.RegularExpressions;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Extraction.Ocr;
using SecureRelay.Policy.Phi.Lexicons;
using SecureRelay.Policy.Phi.Linear;
using SecureRelay.Policy.Model;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Policy;

/// <summary>Loads <c>policy.yaml</c> strictly and validates its meaning (method names, regexes, groups,
/// codes); every problem is a <see cref="ConfigurationException"/> with <c>file:line:col</c>.</summary>
public static class PolicyCompiler
{
    /// <summary>Time limit of each admin-written regular expression match.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Regex EnhancedCode = new(@"^[245]\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant);

    /// <summary>Loads and compiles a policy file.</summary>
    /// <exception cref="ConfigurationException">The file is missing or wrong.</exception>
    public static CompiledPolicy Load(string path) => Compile(StrictYaml.Load<PolicyDocument>(path));

    /// <summary>Parses and compiles policy text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="ConfigurationException">The text is wrong.</exception>
    public static CompiledPolicy Parse(string text, string file) => Compile(StrictYaml.Parse<PolicyDocument>(text, file));

    /// <summary>Validates and compiles a loaded document.</summary>
    /// <exception cref="ConfigurationException">A value is wrong.</exception>
    public static CompiledPolicy Compile(LoadedYaml<PolicyDocument> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var doc = loaded.Value;
        if (doc.Version != 1)
        {
            throw loaded.Error("version", $"unsupported version {doc.Version}; expected 1");
        }

        var defaults = doc.Defaults ?? new DefaultsOptions();
        var phiMethods = defaults.PhiMethods is null
            ? [DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow]
            : Methods(loaded, "defaults.phi_methods", defaults.PhiMethods, forPhi: true);
        var uncertainMethods = defaults.UncertainMethods is null
            ? [DeliveryMethod.TlsVerified, DeliveryMethod.Tls, DeliveryMethod.Escrow]
            : Methods(loaded, "defaults.uncertain_methods", defaults.UncertainMethods, forPhi: true);
        var otherMethods = defaults.OtherMethods is null ? [DeliveryMethod.Opportunistic] : Methods(loaded, "defaults.other_methods", defaults.OtherMethods, forPhi: false);

        var senders = new List<SenderRule>();
        for (var i = 0; i < (doc.Senders?.Count ?? 0); i++)
        {
            senders.Add(Sender(loaded, $"senders[{i}]", doc.Senders![i]));
        }

        var classifier = Classifier(loaded, doc.Classifier ?? new ClassifierOptions(), senders);

        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, members) in doc.Groups ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('.', StringComparison.Ordinal))
            {
                throw loaded.Error($"groups.{name}", "group names must be non-empty and contain no dots");
            }

            groups[name] = AddressList(loaded, $"groups.{name}", members);
        }

        var domains = new List<DomainSettings>();
        for (var i = 0; i < (doc.Domains?.Count ?? 0); i++)
        {
            var d = Domain(loaded, $"domains[{i}]", doc.Domains![i]);
            if (domains.Any(x => string.Equals(x.Domain, d.Domain, StringComparison.OrdinalIgnoreCase)))
            {
                throw loaded.Error($"domains[{i}].domain", $"domain '{d.Domain}' is listed twice");
            }

            domains.Add(d);
        }

        var rules = new List<PolicyRule>();
        for (var i = 0; i < (doc.Rules?.Count ?? 0); i++)
        {
            var rule = Rule(loaded, $"rules[{i}]", doc.Rules![i], groups);
            if (rules.Any(r => r.Name == rule.Name))
            {
                throw loaded.Error($"rules[{i}].name", $"rule name '{rule.Name}' is used twice");
            }

            rules.Add(rule);
        }

        var marketing = doc.Marketing ?? new MarketingOptions();
        if (string.IsNullOrWhiteSpace(marketing.ConsentScope))
        {
            throw loaded.Error("marketing.consent_scope", "consent_scope must not be empty");
        }

        return new CompiledPolicy(loaded.File, new PhiClassifier(classifier), phiMethods, uncertainMethods, otherMethods, defaults.SignSmime, groups, domains, rules,
            marketing.RequireAuthorization, marketing.ApplySuppression, marketing.ConsentScope);
    }

    private static List<DeliveryMethod> Methods(LoadedYaml<PolicyDocument> loaded, string path, List<string> names, bool forPhi)
    {
        if (names.Count == 0)
        {
            throw loaded.Error(path, "the method list must not be empty");
        }

        var methods = new List<DeliveryMethod>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!DeliveryMethods.TryParse(names[i], out var method))
            {
                throw loaded.Error($"{path}[{i}]", $"unknown delivery method '{names[i]}'; expected one of {string.Join(", ", DeliveryMethods.Names)}");
            }

            if (methods.Contains(method.Value))
            {
                throw loaded.Error($"{path}[{i}]", $"delivery method '{names[i]}' is listed twice");
            }

            if (forPhi && method == DeliveryMethod.Opportunistic)
            {
                throw loaded.Error($"{path}[{i}]", "'opportunistic' may send in plaintext and is never allowed for PHI");
            }

            methods.Add(method.Value);
        }

        return methods;
    }

    private static SenderRule Sender(LoadedYaml<PolicyDocument> loaded, string path, SenderRuleOptions o)
    {
        var senders = AddressList(loaded, $"{path}.sender", o.Sender);
        var domains = DomainList(loaded, $"{path}.sender_domain", o.SenderDomain);
        var users = o.AuthUser ?? [];
        if (senders.Count == 0 && domains.Count == 0 && users.Count == 0)
        {
            throw loaded.Error(path, "a sender rule needs sender, sender_domain or auth_user");
        }

        bool? isPhi = o.Classification switch
        {
            null => null,
            "phi" => true,
            "none" => false,
            _ => throw loaded.Error($"{path}.classification", $"classification must be 'phi' or 'none', not '{o.Classification}'"),
        };
        MessageCategory? category = null;
        if (o.Category is not null)
        {
            category = Category(loaded, $"{path}.category", o.Category);
        }

        if (isPhi is null && category is null)
        {
            throw loaded.Error(path, "a sender rule must set classification or category");
        }

        return new SenderRule(o.Name ?? path, senders, domains, users, isPhi, category);
    }

    private static ClassifierSettings Classifier(LoadedYaml<PolicyDocument> loaded, ClassifierOptions o, IReadOnlyList<SenderRule> senders)
    {
        var allowNone = o.AllowNoneHeader ?? [];
        for (var i = 0; i < allowNone.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(allowNone[i]))
            {
                throw loaded.Error($"classifier.allow_none_header[{i}]", "user names must not be empty");
            }
        }

        var threshold = o.Threshold ?? 1.0;
        if (threshold is <= 0 or > 100 || double.IsNaN(threshold))
        {
            throw loaded.Error("classifier.threshold", "threshold must be greater than 0 and at most 100");
        }

        var weights = new Dictionary<string, double>(BuiltInDetectors.DefaultWeights, StringComparer.Ordinal);
        foreach (var (name, d) in o.Detectors ?? [])
        {
            var path = $"classifier.detectors.{name}";
            if (!weights.ContainsKey(name) && !BuiltInDetectors.DefaultWeights.ContainsKey(name))
            {
                throw loaded.Error(path, $"unknown detector '{name}'; expected one of {string.Join(", ", BuiltInDetectors.DefaultWeights.Keys)}");
            }

            if (d?.Weight is { } w)
            {
                if (w is < 0 or > 100 || double.IsNaN(w))
                {
                    throw loaded.Error($"{path}.weight", "weight must be between 0 and 100");
                }

                weights[name] = w;
            }

            if (d?.Enabled == false)
            {
                weights.Remove(name);
            }
        }

        var mrn = Regexes(loaded, "classifier.mrn_patterns", o.MrnPatterns, TimeSpan.FromMilliseconds(Patterns.TimeoutMs));
        var member = Regexes(loaded, "classifier.member_id_patterns", o.MemberIdPatterns, TimeSpan.FromMilliseconds(Patterns.TimeoutMs));
        var tags = o.SubjectTags ?? ["[secure]", "[encrypt]"];
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]))
            {
                throw loaded.Error($"classifier.subject_tags[{i}]", "subject tags must not be empty");
            }
        }

        var l = o.Limits ?? new ClassifierLimitsOptions();
        var d0 = ClassifierLimits.Default;
        var limits = new ClassifierLimits(
            Positive(loaded, "classifier.limits.max_text_chars", l.MaxTextChars ?? d0.MaxTextChars),
            Positive(loaded, "classifier.limits.max_message_bytes", l.MaxMessageBytes ?? d0.MaxMessageBytes),
            TimeSpan.FromMilliseconds(Positive(loaded, "classifier.limits.timeout_ms", l.TimeoutMs ?? (long)d0.Timeout.TotalMilliseconds)),
            (int)Positive(loaded, "classifier.limits.max_mime_depth", l.MaxMimeDepth ?? d0.MaxMimeDepth),
            (int)Positive(loaded, "classifier.limits.max_parts", l.MaxParts ?? d0.MaxParts),
            (int)Positive(loaded, "classifier.limits.max_pdf_pages", l.MaxPdfPages ?? d0.MaxPdfPages));
        return new ClassifierSettings(threshold, weights, mrn, member, o.MedicationTerms ?? [], o.DiagnosisTerms ?? [], tags,
            o.AllowNoneHeader ?? [], limits, senders, LoadLexicon(loaded, o.Lexicons))
        { Ocr = Ocr(loaded, o.Ocr), Model = ModelDetector(loaded, o.Model) };
    }

    private static OcrSettings Ocr(LoadedYaml<PolicyDocument> loaded, OcrOptions? o)
    {
        var d = OcrSettings.Default;
        o ??= new OcrOptions();
        var languages = o.Languages ?? [.. d.Languages];
        if (languages.Count == 0)
        {
            throw loaded.Error("classifier.ocr.languages", "name at least one Tesseract language (eng, spa, ...)");
        }

        for (var i = 0; i < languages.Count; i++)
        {
            if (string.IsNullOrEmpty(languages[i]) || !languages[i].All(c => char.IsAsciiLetterLower(c) || c == '_'))
            {
                throw loaded.Error($"classifier.ocr.languages[{i}]", $"'{languages[i]}' is not a Tesseract language code (eng, spa, chi_sim)");
            }
        }

        var settings = new OcrSettings(
            o.Enabled ?? d.Enabled,
            languages,
            TimeSpan.FromMilliseconds(Positive(loaded, "classifier.ocr.timeout_ms", o.TimeoutMs ?? (long)d.ImageTimeout.TotalMilliseconds)),
            TimeSpan.FromMilliseconds(Positive(loaded, "classifier.ocr.max_message_ms", o.MaxMessageMs ?? (long)d.MessageTimeout.TotalMilliseconds)),
            (int)Positive(loaded, "classifier.ocr.max_images", o.MaxImages ?? d.MaxImages),
            Positive(loaded, "classifier.ocr.max_image_bytes", o.MaxImageBytes ?? d.MaxImageBytes),
            Positive(loaded, "classifier.ocr.max_pixels", o.MaxPixels ?? d.MaxPixels),
            (int)Positive(loaded, "classifier.ocr.max_concurrency", o.MaxConcurrency ?? d.MaxConcurrency),
            string.IsNullOrWhiteSpace(o.Command) ? d.Command : Path(loaded, o.Command)!);
        try
        {
            return ClassifierSettings.Verified(settings);
        }
        catch (OcrEngineMissingException e)
        {
            throw loaded.Error(o.Command is not null ? "classifier.ocr.command" : o.Languages is not null ? "classifier.ocr.languages" : "classifier", e.Message);
        }
    }

    private static LinearDetector? ModelDetector(LoadedYaml<PolicyDocument> loaded, ClassifierModelOptions? o)
    {
        if (o?.Threshold is { } t && (t is <= 0 or >= 1 || double.IsNaN(t)))
        {
            throw loaded.Error("classifier.model.threshold", "threshold is a probability: greater than 0 and less than 1");
        }

        if (o?.Enabled == false)
        {
            return null;
        }

        var model = LinearModel.Default;
        return new LinearDetector(model, o?.Threshold ?? model.Threshold);
    }

    private static Lexicon LoadLexicon(LoadedYaml<PolicyDocument> loaded, LexiconOptions? o)
    {
        var d = LexiconPaths.Default;
        var paths = o is null ? d : new LexiconPaths(
            Path(loaded, o.Names) ?? d.Names, Path(loaded, o.EnglishWords) ?? d.EnglishWords,
            Path(loaded, o.MedicalTerms) ?? d.MedicalTerms, Path(loaded, o.SpanishWords) ?? d.SpanishWords);
        var missing = paths.Missing().ToList();
        if (missing.Count > 0)
        {
            var (key, path) = missing[0];
            throw loaded.Error(o is null ? "classifier" : $"classifier.lexicons.{key}",
                $"word list '{path}' is not installed (run scripts/lexicons.sh): {string.Join(", ", missing.Select(m => m.Key))} missing; the classifier would miss PHI without it");
        }

        return Lexicon.Load(paths);
    }

    /// <summary>A path from the policy, relative to the policy file's directory.</summary>
    private static string? Path(LoadedYaml<PolicyDocument> loaded, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.IO.Path.IsPathRooted(value) || !File.Exists(loaded.File) ? value
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(loaded.File))!, value));

    private static DomainSettings Domain(LoadedYaml<PolicyDocument> loaded, string path, DomainOptions o)
    {
        if (!AddressPatterns.IsValidDomainPattern(o.Domain) || o.Domain == "*")
        {
            throw loaded.Error($"{path}.domain", $"'{o.Domain}' is not a domain (use example.org or *.example.org)");
        }

        var tls = o.RequireTls?.ToLowerInvariant() switch
        {
            null or "false" or "no" => TlsRequirement.None,
            "true" or "yes" or "any" => TlsRequirement.Any,
            "verified" => TlsRequirement.Verified,
            _ => throw loaded.Error($"{path}.require_tls", $"require_tls must be false, true, any or verified, not '{o.RequireTls}'"),
        };
        // Delivery limits were validated here and then read by nothing; their one home is securerelay.yaml.
        if (o.MaxConnections is not null)
        {
            throw loaded.Error($"{path}.max_connections", $"max_connections moved to securerelay.yaml: delivery.domains.{o.Domain}.max_connections");
        }

        if (o.MaxMessagesPerMinute is not null)
        {
            throw loaded.Error($"{path}.max_messages_per_minute", $"max_messages_per_minute moved to securerelay.yaml: delivery.domains.{o.Domain}.rate_per_second (messages per second)");
        }

        if (o.MaxRecipientsPerMessage is not null)
        {
            throw loaded.Error($"{path}.max_recipients_per_message", "max_recipients_per_message is not supported (it was never enforced); remove it");
        }

        var methods = o.Methods is null ? null : Methods(loaded, $"{path}.methods", o.Methods, forPhi: false);
        return new DomainSettings(o.Domain.ToLowerInvariant(), tls, methods,
            o.MaxMessageSize is { } size ? Positive(loaded, $"{path}.max_message_size", size) : null);
    }

    private static PolicyRule Rule(LoadedYaml<PolicyDocument> loaded, string path, RuleOptions o, Dictionary<string, IReadOnlyList<string>> groups)
    {
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            throw loaded.Error(path, "every rule needs a name");
        }

        var action = o.Action switch
        {
            null or "deliver" => RuleAction.Deliver,
            "reject" => RuleAction.Reject,
            "hold" => RuleAction.Hold,
            _ => throw loaded.Error($"{path}.action", $"action must be deliver, reject or hold, not '{o.Action}'"),
        };
        var m = o.Match ?? new MatchOptions();
        var mp = $"{path}.match";
        var ruleGroups = m.RecipientGroup ?? [];
        for (var i = 0; i < ruleGroups.Count; i++)
        {
            if (!groups.ContainsKey(ruleGroups[i]))
            {
                throw loaded.Error($"{mp}.recipient_group[{i}]", $"unknown recipient group '{ruleGroups[i]}'");
            }
        }

        var headers = new List<KeyValuePair<string, Regex>>();
        foreach (var (name, pattern) in m.Headers ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => c is <= ' ' or ':' or > '~'))
            {
                throw loaded.Error($"{mp}.headers", $"'{name}' is not a header field name");
            }

            headers.Add(new(name, UserRegex(loaded, $"{mp}.headers.{name}", pattern)));
        }

        var categories = new List<MessageCategory>();
        for (var i = 0; i < (m.Category?.Count ?? 0); i++)
        {
            categories.Add(Category(loaded, $"{mp}.category[{i}]", m.Category![i]));
        }

        if (m.MinScore is < 0 || m.MaxScore is < 0)
        {
            throw loaded.Error(m.MinScore is < 0 ? $"{mp}.min_score" : $"{mp}.max_score", "scores are not negative");
        }

        if (m.MinSize is < 0 || m.MaxSize is < 0)
        {
            throw loaded.Error(m.MinSize is < 0 ? $"{mp}.min_size" : $"{mp}.max_size", "sizes are not negative");
        }

        IReadOnlyList<DeliveryMethod>? methods = null;
        if (o.Methods is not null)
        {
            if (action != RuleAction.Deliver)
            {
                throw loaded.Error($"{path}.methods", $"methods apply to action deliver, not {o.Action}");
            }

            methods = Methods(loaded, $"{path}.methods", o.Methods, forPhi: m.Phi == true);
        }

        PolicyRejection? rejection = null;
        if (o.Reject is not null && action != RuleAction.Reject)
        {
            throw loaded.Error($"{path}.reject", "reject: is only valid with action: reject");
        }

        if (action == RuleAction.Reject)
        {
            rejection = Rejection(loaded, $"{path}.reject", o.Reject);
        }

        return new PolicyRule(o.Name)
        {
            Senders = AddressList(loaded, $"{mp}.sender", m.Sender),
            SenderDomains = DomainList(loaded, $"{mp}.sender_domain", m.SenderDomain),
            AuthUsers = m.AuthUser ?? [],
            RecipientDomains = DomainList(loaded, $"{mp}.recipient_domain", m.RecipientDomain),
            RecipientGroups = ruleGroups,
            Headers = headers,
            Subject = m.Subject is null ? null : UserRegex(loaded, $"{mp}.subject", m.Subject),
            Phi = m.Phi,
            MinScore = m.MinScore,
            MaxScore = m.MaxScore,
            Categories = categories,
            MinSize = m.MinSize,
            MaxSize = m.MaxSize,
            Action = action,
            Methods = methods,
            Rejection = rejection,
            SignSmime = o.SignSmime,
            RequireTls = o.RequireTls,
        };
    }

    private static PolicyRejection Rejection(LoadedYaml<PolicyDocument> loaded, string path, RejectOptions? o)
    {
        if (o is null)
        {
            return PolicyRejection.RuleDefault;
        }

        if (o.Code is < 400 or > 599)
        {
            throw loaded.Error($"{path}.code", $"reply code must be 4xx or 5xx, not {o.Code}");
        }

        var enhanced = o.Enhanced ?? (o.Code >= 500 ? "5.7.1" : "4.7.1");
        if (!EnhancedCode.IsMatch(enhanced) || enhanced[0] != (char)('0' + (o.Code / 100)))
        {
            throw loaded.Error($"{path}.enhanced", $"enhanced code '{enhanced}' must look like {o.Code / 100}.7.1 and match the reply code class");
        }

        var text = o.Text ?? PolicyRejection.RuleDefault.Text;
        if (text.Length is 0 or > 400 || text.Any(c => c is < ' ' or > '~'))
        {
            throw loaded.Error($"{path}.text", "reply text must be 1-400 printable ASCII characters");
        }

        return new PolicyRejection(o.Code, enhanced, text);
    }

    private static MessageCategory Category(LoadedYaml<PolicyDocument> loaded, string path, string value) =>
        MessageCategories.TryParse(value, out var category) && value == category.ToName()
            ? category
            : throw loaded.Error(path, $"unknown category '{value}'; expected one of {string.Join(", ", MessageCategories.Names)}");

    private static List<string> AddressList(LoadedYaml<PolicyDocument> loaded, string path, List<string>? values)
    {
        values ??= [];
        for (var i = 0; i < values.Count; i++)
        {
            if (!AddressPatterns.IsValidAddressPattern(values[i] ?? ""))
            {
                throw loaded.Error($"{path}[{i}]", $"'{values[i]}' is not an address or pattern (user@example.org, *@example.org, @example.org)");
            }
        }

        return values;
    }

    private static List<string> DomainList(LoadedYaml<PolicyDocument> loaded, string path, List<string>? values)
    {
        values ??= [];
        for (var i = 0; i < values.Count; i++)
        {
            if (!AddressPatterns.IsValidDomainPattern(values[i] ?? ""))
            {
                throw loaded.Error($"{path}[{i}]", $"'{values[i]}' is not a domain or pattern (example.org, *.example.org, *)");
            }
        }

        return values;
    }

    private static List<Regex> Regexes(LoadedYaml<PolicyDocument> loaded, string path, List<string>? patterns, TimeSpan timeout)
    {
        var list = new List<Regex>();
        for (var i = 0; i < (patterns?.Count ?? 0); i++)
        {
            list.Add(UserRegex(loaded, $"{path}[{i}]", patterns![i], timeout));
        }

        return list;
    }

    private static Regex UserRegex(LoadedYaml<PolicyDocument> loaded, string path, string? pattern, TimeSpan? timeout = null)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw loaded.Error(path, "the regular expression must not be empty");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout ?? RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw loaded.Error(path, $"bad regular expression: {e.Message}");
        }
    }

    private static long Positive(LoadedYaml<PolicyDocument> loaded, string path, long value) =>
        value > 0 ? value : throw loaded.Error(path, $"must be greater than 0, not {value}");
}
