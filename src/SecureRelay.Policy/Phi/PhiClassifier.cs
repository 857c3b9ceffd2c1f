using MimeKit;

namespace SecureRelay.Policy.Phi;

/// <summary>
/// Decides whether a message carries PHI. Explicit signals win (the <c>X-SecureRelay-Classification</c>
/// header, subject tags, sender rules); otherwise weighted detectors run over the text of every MIME
/// part. Fails closed: any error, bound or timeout yields uncertain (never clean). Thread-safe; cheap enough to run before
/// the <c>250</c> reply.
/// </summary>
public sealed class PhiClassifier
{
    private const double Epsilon = 1e-9;

    /// <summary>Messages up to this size, in a seekable stream, are parsed on the caller's thread.</summary>
    private const long InlineBytes = 256 * 1024;

    /// <summary>Creates a classifier with the given settings.</summary>
    public PhiClassifier(ClassifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;

        // Run every detector once now, so that regex compilation and JIT happen at load or reload
        // rather than inside the first message's time budget (which would fail it closed). Both ways:
        // exhaustively (the shortcuts might skip an expression on this text) and with the shortcuts.
        try
        {
            Detect(WarmUpText, MessageCategory.Unspecified, ClassificationBudget.Unlimited, exhaustive: true);
            Detect(WarmUpText, MessageCategory.Unspecified, ClassificationBudget.Unlimited);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A starved machine: the warm-up only saves time later, and real messages still fail closed.
        }
    }

    /// <summary>The correspondent's evidence: decided from the addresses, never searched for in the text.</summary>
    private static readonly PhiDetector CorrespondentEvidence = new DelegateDetector(Correspondent.Name, EvidenceSide.Who, 0.4, _ => -1);

    /// <summary>Finds a clinical term in a sentence about the writer or the reader.</summary>
    private PersonalHealthDetector OwnCare => _ownCare ??= new PersonalHealthDetector(1.0, Settings.ClinicalTerms, Settings.Lexicon);

    private PersonalHealthDetector? _ownCare;

    private const string WarmUpText = "Patient: Warm Up, DOB 01/02/1970, MRN 1234567, dx E11.9, HbA1c: 7.0 %, NPI 1234567893, DEA AB1234563, CPT 99213, NDC 0002-8215-01\nname,dob\nA,1";

    /// <summary>The classifier with built-in settings.</summary>
    public static PhiClassifier Default { get; } = new(ClassifierSettings.Default);

    /// <summary>The settings in use.</summary>
    public ClassifierSettings Settings { get; }

    /// <summary>Parses (bounded by <see cref="ClassifierLimits.MaxMessageBytes"/>) and classifies a
    /// message within <see cref="ClassifierLimits.Timeout"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled
    /// (a timeout is not an exception: it classifies as uncertain).</exception>
    public async Task<Classification> ClassifyAsync(Stream message, MessageEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var (parsed, classification) = await AnalyzeAsync(message, envelope, cancellationToken).ConfigureAwait(false);
        parsed?.Dispose();
        return classification;
    }

    /// <summary>Classifies a parsed message within <see cref="ClassifierLimits.Timeout"/>.</summary>
    public Task<Classification> ClassifyAsync(MimeMessage message, MessageEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        return RunBounded(budget => Classify(message, envelope, budget), cancellationToken);
    }

    /// <summary>Runs only the content detectors over a text (no signals, no time bound beyond the
    /// per-expression timeout). For tools and tests.</summary>
    public Classification ClassifyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Detect(text, MessageCategory.Unspecified, ClassificationBudget.Unlimited);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Failed("timeout", MessageCategory.Unspecified);
        }
    }

    /// <summary>Parses and classifies; the parsed message is returned for the facts (null when parsing failed)
    /// and the caller disposes it. Work abandoned at the time bound meets a disposed message (or capture)
    /// and fails; its result is ignored anyway.</summary>
    internal async Task<(MimeMessage? Message, Classification Classification)> AnalyzeAsync(Stream message, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        MimeMessage? parsed = null;
        if (message.CanSeek && message.Length - message.Position <= InlineBytes)
        {
            // A small message already in memory parses in well under a millisecond, on the caller's thread,
            // and so is classified when reading it is text work only (every step checks the budget, every
            // expression has its own timeout): no thread hop, no timer. Documents go to RunBounded.
            var budget = new ClassificationBudget(Settings.Limits.Timeout, cancellationToken);
            var inline = Guarded(
                () =>
                {
                    parsed = ParseOrFail(message, budget);
                    return MessageTextExtractor.ReadsOnlyText(parsed, Settings.Limits) ? Classify(parsed, envelope, budget) : null;
                },
                cancellationToken);
            if (inline is not null)
            {
                return (parsed, inline);
            }

            var documents = parsed!;
            return (parsed, await RunBounded(b => Classify(documents, envelope, b), cancellationToken).ConfigureAwait(false));
        }

        var classification = await RunBounded(
            budget =>
            {
                parsed = ParseOrFail(message, budget);
                return Classify(parsed, envelope, budget);
            },
            cancellationToken).ConfigureAwait(false);
        return (parsed, classification);
    }

    private MimeMessage ParseOrFail(Stream message, ClassificationBudget budget)
    {
        MimeMessage parsed;
        try
        {
            parsed = Parse(message, budget.Token);
        }
        catch (FormatException e)
        {
            throw new ClassificationFailedException("parse_error", e);
        }

        budget.Check();
        return parsed;
    }

    /// <summary>Parses within <see cref="ClassifierLimits.MaxMessageBytes"/>. A seekable stream whose remaining
    /// length is within the limit cannot trip the bound, so it is parsed in place (persistent): the parts'
    /// content stays a view of the caller's stream, read only during this call, instead of a copy of every
    /// body byte. Any other stream goes through <see cref="BoundedReadStream"/>, which fails past the limit.</summary>
    internal MimeMessage Parse(Stream message, CancellationToken cancellationToken)
    {
        if (message.CanSeek && message.Length - message.Position <= Settings.Limits.MaxMessageBytes)
        {
            return MimeMessage.Load(message, persistent: true, cancellationToken);
        }

        using var bounded = new BoundedReadStream(message, Settings.Limits.MaxMessageBytes);
        return MimeMessage.Load(bounded, cancellationToken);
    }

    private async Task<Classification> RunBounded(Func<ClassificationBudget, Classification> work, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(Settings.Limits.Timeout);
        var budget = new ClassificationBudget(Settings.Limits.Timeout, source.Token, source);
        var task = Task.Run(() => Guarded(() => work(budget), cancellationToken)!, CancellationToken.None);
        try
        {
            // Work that ignores the token (a parser inside one page) must not hold the reply: stop waiting at the
            // deadline, which OCR moves by the time it took (OCR has its own bound, classifier.ocr.max_message_ms).
            while (true)
            {
                try
                {
                    return await task.WaitAsync(budget.Remaining + TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException) when (budget.Remaining > TimeSpan.Zero)
                {
                    // OCR moved the deadline while we waited: wait on.
                }
            }
        }
        catch (TimeoutException)
        {
            return Failed("timeout", MessageCategory.Unspecified);
        }
    }

    /// <summary>Runs classification work, turning every way it can fail into a fail-closed (PHI) result.
    /// Only the caller's own cancellation escapes.</summary>
    private Classification? Guarded(Func<Classification?> work, CancellationToken cancellationToken)
    {
        try
        {
            return work();
        }
        catch (ClassificationFailedException e)
        {
            return Failed(e.Reason, MessageCategory.Unspecified);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Failed("timeout", MessageCategory.Unspecified);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed("timeout", MessageCategory.Unspecified);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Fail closed: an unexpected error in a parser must never let PHI out unprotected.
            return Failed("error:" + e.GetType().Name, MessageCategory.Unspecified);
        }
    }

    private Classification Classify(MimeMessage message, MessageEnvelope envelope, ClassificationBudget budget)
    {
        var category = MessageCategory.Unspecified;
        if (MessageCategories.TryParse(message.Headers[PolicyHeaders.Category], out var headerCategory))
        {
            category = headerCategory;
        }
        else if (Settings.SenderRules.FirstOrDefault(r => r.Category is not null && r.Matches(envelope)) is { Category: { } ruleCategory })
        {
            category = ruleCategory;
        }

        // Signals that raise protection are open to everyone.
        var header = message.Headers[PolicyHeaders.Classification]?.Trim().ToLowerInvariant();
        if (header == "phi")
        {
            return Signal(PhiVerdict.Phi, "header", category, ClassificationSource.Header);
        }

        var subject = message.Subject ?? "";
        if (Settings.SubjectTags.Any(t => subject.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            return Signal(PhiVerdict.Phi, "subject_tag", category, ClassificationSource.SubjectTag);
        }

        // Lowering protection is a privilege: only authenticated users the policy names.
        if (header == "none" && envelope.AuthenticatedUser is { } user && Settings.NoneHeaderUsers.Contains(user, StringComparer.Ordinal))
        {
            return Signal(PhiVerdict.Clean, "header", category, ClassificationSource.Header);
        }

        var verdictRule = Settings.SenderRules.FirstOrDefault(r => r.IsPhi is not null && r.Matches(envelope));
        if (verdictRule is { IsPhi: { } isPhi })
        {
            return Signal(isPhi ? PhiVerdict.Phi : PhiVerdict.Clean, "sender_rule:" + verdictRule.Name, category, ClassificationSource.SenderRule);
        }

        // Content that could not be read (an image, a scanned or encrypted document, an unknown archive)
        // may hold PHI that a recipient can see: what was read decides if it is PHI, else uncertain.
        var extracted = MessageTextExtractor.Extract(message, Settings, budget);
        var verdict = Detect(extracted.Text, category, budget);

        // Mail to or from one person about their own care: the address identifies them. Asked only when the text
        // alone is clean, so the common paths (nothing personal, or already protected) pay nothing for it.
        if (verdict.Verdict == PhiVerdict.Clean && Correspondent.IsIndividual(message, Settings.Lexicon) && OwnCare.FindOwnCare(extracted.Text) >= 0)
        {
            verdict = Detect(extracted.Text, category, budget, individual: true);
        }

        verdict = verdict.Verdict == PhiVerdict.Clean && extracted.Unreadable.Count > 0
            ? verdict with { Verdict = PhiVerdict.Uncertain, Signal = "unreadable:" + (extracted.Unreadable.FirstOrDefault(r => r != "ocr_text") ?? extracted.Unreadable[0]) }
            : verdict;

        // The statistical detector (Phi/Linear) can only raise a clean verdict; null when policy turns it off.
        return Settings.Model?.Raise(verdict, extracted, Settings.Lexicon) ?? verdict;
    }

    /// <summary>Runs every detector without the <see cref="PhiDetector.MayFire"/> shortcut (tests prove
    /// the shortcut changes nothing by comparing with this).</summary>
    internal Classification ClassifyTextExhaustively(string text) =>
        Detect(text, MessageCategory.Unspecified, ClassificationBudget.Unlimited, exhaustive: true);

    /// <summary>Runs the detectors over the text. <paramref name="individual"/>: the message is to or from one
    /// person (<see cref="Correspondent"/>), WHO evidence of the reader's kind taken from the addresses.</summary>
    private Classification Detect(string text, MessageCategory category, ClassificationBudget budget, bool exhaustive = false, bool individual = false)
    {
        var fired = new List<(PhiDetector Detector, Evidence Evidence)>();
        if (individual)
        {
            fired.Add((CorrespondentEvidence, new Evidence(Correspondent.Name, EvidenceSide.Who, CorrespondentEvidence.Weight, 0)));
        }

        var profile = new TextProfile(text);
        var whoDone = false;
        var whatDone = false;
        foreach (var detector in Settings.Detectors)
        {
            budget.Check();

            // Record formats and WHO run first. With nobody identifiable (WHO exactly 0) the verdict is
            // clean whatever the health content, so WHAT and counter-evidence are not computed.
            if (!whoDone && detector.Side is EvidenceSide.What or EvidenceSide.Against)
            {
                whoDone = true;
                if (!fired.Exists(f => f.Detector.Side is EvidenceSide.Who or EvidenceSide.Record))
                {
                    break;
                }
            }

            // Counter-evidence only lowers WHAT: with no health content at all it cannot change the verdict.
            if (!whatDone && detector.Side is EvidenceSide.Against)
            {
                whatDone = true;
                if (!fired.Exists(f => f.Detector.Side is EvidenceSide.What or EvidenceSide.Record || f.Detector.AlsoWhat > 0))
                {
                    break;
                }
            }

            if (exhaustive || detector.MayFire(profile))
            {
                var at = detector.Find(text);
                if (at >= 0)
                {
                    fired.Add((detector, new Evidence(detector.Name, detector.Side, detector.Weight, at)));
                }
            }
        }

        budget.Check();
        return Weigh(fired, category);
    }

    /// <summary>WHO × WHAT. A clinical record format is PHI on its own. Otherwise PHI needs both sides at
    /// the threshold. A person known only as the reader ("Dear Ana") counts only with facts about a person's
    /// care, not with codes or vocabulary (a coding Q&amp;A to a colleague is about no one); and a name with
    /// vocabulary alone (a staff event about a flu clinic) is clean, not uncertain. Counter-evidence
    /// (bulk mail, generic greetings, statistics, invoices, job posts, recalls, adverts, auto-replies) cancels
    /// vocabulary and halves facts, but never cancels a strong identifier: an identifier with health content
    /// is at least uncertain. Uncertain is also one side at the threshold and the other half-way with no
    /// counter-evidence, and a bare SSN or MBI. Evidence that no human is concerned (an animal's care, stated
    /// synthetic records) cancels WHAT and record formats, still not a strong identifier. The correspondent
    /// (mail to or from one person about their own care) counts like a reader named by a greeting.</summary>
    private Classification Weigh(List<(PhiDetector Detector, Evidence Evidence)> fired, MessageCategory category)
    {
        var evidence = fired.ConvertAll(f => f.Evidence);
        var noHuman = fired.Exists(f => BuiltInDetectors.CancelsWhat(f.Detector.Name));
        double who = 0, subjects = 0, specific = 0, personal = 0, general = 0, bound = 0;
        var against = 0;
        var strongId = false;
        var bareId = false;
        foreach (var (detector, e) in fired)
        {
            switch (e.Side)
            {
                case EvidenceSide.Record when !noHuman:
                    return new Classification(PhiVerdict.Phi, Settings.Threshold, Settings.Threshold, evidence, category, ClassificationSource.Content);
                case EvidenceSide.Who:
                    who += e.Weight;
                    subjects += e.Detector is "addressee" or "personal_framing" or Correspondent.Name ? 0 : e.Weight;
                    bound = Math.Min(Settings.Threshold, bound + detector.AlsoWhat);
                    strongId |= e.Weight >= Settings.Threshold && e.Detector is not ("person_name" or "prose_name" or "addressee" or Correspondent.Name);
                    bareId |= e.Detector is "ssn" or "mbi";
                    break;
                case EvidenceSide.What when detector.Specific:
                    specific += e.Weight;
                    personal += e.Detector == "icd10" ? 0 : e.Weight;
                    break;
                case EvidenceSide.What:
                    general += e.Weight;
                    break;
                case EvidenceSide.Against:
                    against++;
                    break;
            }
        }

        // A strong identifier keeps what it came with even in stated test data or an animal's care: a sender's
        // claim must not let a real identifier out in the clear (so raw is taken first).
        var raw = specific + general + bound;
        if (noHuman)
        {
            specific = general = personal = bound = 0;
        }

        if (against > 0)
        {
            var factor = against == 1 ? 0.5 : 0.25;
            general = 0;
            specific *= factor;
            personal *= factor;
        }

        // Known only as the reader: only facts about someone's care count.
        var named = subjects >= Settings.Threshold - Epsilon;
        var what = Math.Round(named ? specific + general + bound : personal + bound, 4);
        var facts = named ? specific + bound : personal + bound;
        who = Math.Round(who, 4);
        var t = Settings.Threshold - Epsilon;
        var verdict =
            who >= t && what >= t ? PhiVerdict.Phi
            : (strongId && raw >= t / 2) || bareId
              || (against == 0 && ((who >= t && facts >= t / 2) || (what >= t && who >= 0.4 - Epsilon))) ? PhiVerdict.Uncertain
            : PhiVerdict.Clean;
        return new Classification(verdict, who, what, evidence, category, ClassificationSource.Content);
    }

    private Classification Signal(PhiVerdict verdict, string signal, MessageCategory category, ClassificationSource source)
    {
        var side = verdict == PhiVerdict.Clean ? 0 : Settings.Threshold;
        return new Classification(verdict, side, side, [], category, source, signal);
    }

    /// <summary>Content that could not be read, a limit or an error: never clean.</summary>
    private Classification Failed(string reason, MessageCategory category) =>
        new(PhiVerdict.Uncertain, 0, 0, [], category, ClassificationSource.Failure, "failure:" + reason);
}
