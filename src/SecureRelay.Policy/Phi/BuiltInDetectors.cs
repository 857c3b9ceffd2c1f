using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Factories and validators of the built-in detectors.</summary>
internal static class BuiltInDetectors
{
    /// <summary>What each built-in detector says and its default weight. PHI needs an identifiable person
    /// (WHO ≥ threshold) and health information about them (WHAT ≥ threshold); a clinical record format is
    /// PHI on its own. Specific WHAT is a fact about someone's care; general WHAT is vocabulary, which
    /// counter-evidence (bulk mail, statistics, invoices) cancels.</summary>
    internal static IReadOnlyDictionary<string, DetectorSpec> Specs { get; } = new Dictionary<string, DetectorSpec>(StringComparer.Ordinal)
    {
        // WHO: strong identifiers. An MRN, a health-plan member number or a "Patient:" label also says the
        // person is someone's patient or member.
        ["ssn"] = new(EvidenceSide.Who, 1.0),
        ["mbi"] = new(EvidenceSide.Who, 1.0, AlsoWhat: 0.5),
        ["mrn"] = new(EvidenceSide.Who, 1.0, AlsoWhat: 0.5),
        ["rx_number"] = new(EvidenceSide.Who, 1.0, AlsoWhat: 0.5),
        ["dob"] = new(EvidenceSide.Who, 1.0),
        ["member_id"] = new(EvidenceSide.Who, 1.0, AlsoWhat: 0.5),
        ["patient_name"] = new(EvidenceSide.Who, 1.0, AlsoWhat: 0.5),
        ["person_name"] = new(EvidenceSide.Who, 1.0),
        ["addressee"] = new(EvidenceSide.Who, 1.0),
        ["prose_name"] = new(EvidenceSide.Who, 0.6),
        ["address_phone"] = new(EvidenceSide.Who, 0.4),
        ["personal_framing"] = new(EvidenceSide.Who, 0.4),

        // Clinical record formats.
        ["hl7v2"] = new(EvidenceSide.Record, 1.0),
        ["fhir"] = new(EvidenceSide.Record, 1.0),
        ["ccda"] = new(EvidenceSide.Record, 1.0),
        ["x12"] = new(EvidenceSide.Record, 1.0),
        ["phi_table"] = new(EvidenceSide.Record, 1.0),

        // WHAT: facts about someone's care.
        ["care_event"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["personal_health"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["medication_dose"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["clinical_field"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["lab_result"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["vital_signs"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["result_disclosure"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["encounter_date"] = new(EvidenceSide.What, 1.0, Specific: true),
        ["icd10"] = new(EvidenceSide.What, 1.0, Specific: true),

        // WHAT: vocabulary.
        ["cpt"] = new(EvidenceSide.What, 0.5),
        ["ndc"] = new(EvidenceSide.What, 0.5),
        ["medication"] = new(EvidenceSide.What, 0.5),
        ["diagnosis"] = new(EvidenceSide.What, 0.5),
        ["clinical_terms"] = new(EvidenceSide.What, 0.5),
        ["npi"] = new(EvidenceSide.What, 0.2),
        ["dea"] = new(EvidenceSide.What, 0.2),

        // Counter-evidence (the weight is unused: any one cancels general WHAT and halves specific WHAT).
        ["bulk_mail"] = new(EvidenceSide.Against, 1.0),
        ["generic_greeting"] = new(EvidenceSide.Against, 1.0),
        ["population"] = new(EvidenceSide.Against, 1.0),
        ["commercial"] = new(EvidenceSide.Against, 1.0),
        ["event"] = new(EvidenceSide.Against, 1.0),
        ["recall"] = new(EvidenceSide.Against, 1.0),
        ["deidentified"] = new(EvidenceSide.Against, 1.0),
        ["out_of_office"] = new(EvidenceSide.Against, 1.0),
        ["advertising"] = new(EvidenceSide.Against, 1.0),

        // Counter-evidence that the health content is about no identifiable human (an animal, a synthetic test
        // record): cancels WHAT and record formats entirely; a strong identifier alone still makes it uncertain.
        ["animal_patient"] = new(EvidenceSide.Against, 1.0),
        ["synthetic_data"] = new(EvidenceSide.Against, 1.0),
        ["public_news"] = new(EvidenceSide.Against, 1.0),
    };

    /// <summary>Counter-evidence that no human patient is concerned: WHAT and record formats do not count.</summary>
    internal static bool CancelsWhat(string detector) => detector is "animal_patient" or "synthetic_data";

    /// <summary>Detector names with their default weights.</summary>
    public static IReadOnlyDictionary<string, double> DefaultWeights { get; } =
        Specs.ToDictionary(s => s.Key, s => s.Value.Weight, StringComparer.Ordinal);

    /// <summary>Labels some identifier detectors need (compared ignoring case), so that a text with no
    /// lower-case letter (smtp-source's filler, a code dump) is not searched for them in vain.</summary>
    private static readonly SearchValues<string> UpperCaseLabels = SearchValues.Create(
        ["dob", "d.o.b", "born", "birth", "fecha", "nac", "mrn", "m.r.n", "medical", "historia", "numero", "número", "patient", "pt", "chart",
         "member", "subscriber", "insured", "beneficiary", "medicare", "medicaid", "policy", "health", "plan", "resident", "client", "nombre",
         "re", "rx", "prescription", "receta", "your", "you ", "his ", "her ", "their", "my ", "su ", "sus ", "paciente", "expediente"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Necessary conditions of the WHO detectors: a name needs a separator; a greeting, a name in prose
    /// or an address needs a lower-case letter; an identifier needs a lower-case letter or one of its labels.</summary>
    private static Func<TextProfile, bool>? Gate(string name, ClassifierSettings settings) => name switch
    {
        "person_name" or "phi_table" => p => p.HasSeparator,
        "addressee" => p => p.HasLowercase && p.HasSeparator,
        "prose_name" or "address_phone" => p => p.HasLowercase,
        "dob" => p => p.HasLowercase || p.Contains(UpperCaseLabels) || p.Text.Contains('('),
        "mrn" when settings.MrnPatterns.Count == 0 => p => p.HasLowercase || p.Contains(UpperCaseLabels),
        "member_id" when settings.MemberIdPatterns.Count == 0 => p => p.HasLowercase || p.Contains(UpperCaseLabels),
        "patient_name" or "rx_number" or "personal_framing" => p => p.HasLowercase || p.Contains(UpperCaseLabels),
        _ => null,
    };

    public static PhiDetector Create(string name, double weight, ClassifierSettings settings)
    {
        var detector = CreateUngated(name, weight, settings);
        return Gate(name, settings) is { } gate ? new GatedDetector(detector, gate) : detector;
    }

    private static PhiDetector CreateUngated(string name, double weight, ClassifierSettings settings)
    {
        var spec = Specs[name];
        var who = EvidenceSide.Who;
        var what = EvidenceSide.What;
        var against = EvidenceSide.Against;
        var lexicon = settings.Lexicon;
        return name switch
        {
            "ssn" => new SsnDetector(weight),
            "mbi" => new RegexDetector(name, who, weight, Patterns.Mbi(), (m, text) => StandsAlone(m, text) && m.Value.Count(c => c == '-') is 0 or 2 && Checksums.IsValidMbi(m.Value), p => p.MbiShape, alsoWhat: spec.AlsoWhat),
            "mrn" => new AnyRegexDetector(name, who, weight, [Patterns.MrnLabelled(), .. settings.MrnPatterns], spec.AlsoWhat),
            "member_id" => new MemberIdDetector(weight, settings.MemberIdPatterns, spec.AlsoWhat),
            "dob" => new AnyMatchDetector(name, who, weight, [Patterns.DobLabelled(), Patterns.NameWithBirthDate()], m => IsPlausibleDate(m, birth: true)),
            "patient_name" => new RegexDetector(name, who, weight, Patterns.PatientLabel(), alsoWhat: spec.AlsoWhat),
            "rx_number" => new RegexDetector(name, who, weight, EvidencePatterns.RxNumber(), alsoWhat: spec.AlsoWhat),
            "person_name" => new PersonNameDetector(weight, lexicon),
            "addressee" => new PersonNameDetector(weight, lexicon, addressee: true),
            "generic_greeting" => new DelegateDetector(name, against, weight, PersonNameDetector.FindGenericGreeting),
            "prose_name" => new ProseNameDetector(weight, lexicon),
            "address_phone" => new AddressPhoneDetector(weight),
            "personal_framing" => new RegexDetector(name, who, weight, EvidencePatterns.PersonalFraming()),
            "hl7v2" => new Hl7Detector(weight),
            "fhir" => new RegexDetector(name, EvidenceSide.Record, weight, Patterns.FhirResource()),
            "ccda" => new RegexDetector(name, EvidenceSide.Record, weight, Patterns.Ccda()),
            "x12" => new X12Detector(weight),
            "phi_table" => new IdentifierTableDetector(weight),
            "care_event" => new RegexDetector(name, what, weight, EvidencePatterns.CareEvent(), specific: true),
            "personal_health" => new PersonalHealthDetector(weight, settings.ClinicalTerms, lexicon),
            "medication_dose" => new RegexDetector(name, what, weight, EvidencePatterns.MedicationDose(), (m, text) => !IsRateUnit(text, m.Index + m.Length), specific: true),
            "clinical_field" => new RegexDetector(name, what, weight, EvidencePatterns.ClinicalField(), specific: true),
            "lab_result" => new LabResultDetector(weight),
            "vital_signs" => new RegexDetector(name, what, weight, Patterns.VitalSigns(), IsIndividualResult, specific: true),
            "result_disclosure" => new RegexDetector(name, what, weight, Patterns.ResultDisclosure(), specific: true),
            "encounter_date" => new RegexDetector(name, what, weight, Patterns.EncounterDate(), (m, _) => IsPlausibleDate(m, birth: false), specific: true),
            "icd10" => new Icd10Detector(weight),
            "cpt" => new LabelledCodeDetector(name, what, weight, Patterns.CptLabel(), Patterns.CptCode(), 60, _ => true),
            "ndc" => new LabelledCodeDetector(name, what, weight, Patterns.NdcLabel(), Patterns.NdcCode(), 60, _ => true),
            "npi" => new LabelledCodeDetector(name, what, weight, Patterns.NpiLabel(), Patterns.TenDigits(), 40, v => Checksums.IsValidNpi(v)),
            "dea" => new LabelledCodeDetector(name, what, weight, Patterns.DeaLabel(), Patterns.DeaNumber(), 40, v => Checksums.IsValidDea(v)),
            "medication" => new RegexDetector(name, what, weight, settings.MedicationRegex, mayFire: Shortcut(settings.MedicationShortcut)),
            "diagnosis" => new RegexDetector(name, what, weight, settings.DiagnosisRegex, mayFire: Shortcut(settings.DiagnosisShortcut)),
            "clinical_terms" => new ClinicalTermsDetector(weight, settings.ClinicalTerms),
            "bulk_mail" => new RegexDetector(name, against, weight, EvidencePatterns.BulkMail()),
            "population" => new RegexDetector(name, against, weight, EvidencePatterns.Population()),
            "commercial" => new RegexDetector(name, against, weight, EvidencePatterns.Commercial()),
            "event" => new RegexDetector(name, against, weight, EvidencePatterns.Event()),
            "recall" => new RegexDetector(name, against, weight, EvidencePatterns.Recall()),
            "deidentified" => new RegexDetector(name, against, weight, EvidencePatterns.Deidentified()),
            "out_of_office" => new RegexDetector(name, against, weight, EvidencePatterns.OutOfOffice()),
            "advertising" => new RegexDetector(name, against, weight, EvidencePatterns.Advertising()),
            "animal_patient" => new WordGroupsDetector(name, against, weight, CounterVocabulary.AnimalPatient, 2, settings.ClinicalTerms),
            "synthetic_data" => new WordGroupsDetector(name, against, weight, CounterVocabulary.Synthetic, 1, settings.ClinicalTerms),
            "public_news" => new WordGroupsDetector(name, against, weight, CounterVocabulary.PublicNews, 2, settings.ClinicalTerms),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown detector"),
        };
    }

    private static Func<TextProfile, bool>? Shortcut(TermShortcut? shortcut) =>
        shortcut is null ? null : p => shortcut.MayMatch(p.Text);

    /// <summary>"mg/dL", "units/kg" after a dose-like match: a concentration or a rate, not a dose.</summary>
    private static bool IsRateUnit(string text, int end)
    {
        var tail = text.AsSpan(end, Math.Min(8, text.Length - end)).TrimStart();
        return tail.StartsWith("/", StringComparison.Ordinal);
    }

    /// <summary>A lab value preceded closely by "mean", "target", "normal"... is a statistic or a goal.</summary>
    private static bool IsIndividualResult(Match m, string text)
    {
        var from = Math.Max(0, m.Index - 30);
        return !Patterns.LabNonIndividual().IsMatch(text.AsSpan(from, m.Index - from + Math.Min(m.Length, 12)).ToString());
    }

    /// <summary>The match is not part of a longer dashed or alphanumeric code (1-123-45-6789-0).</summary>
    private static bool StandsAlone(Match m, string text)
    {
        static bool Joins(char c) => c == '-' || char.IsAsciiLetterOrDigit(c);
        var end = m.Index + m.Length;
        return (m.Index == 0 || !Joins(text[m.Index - 1]) || (text[m.Index - 1] == '-' && (m.Index < 2 || !char.IsAsciiLetterOrDigit(text[m.Index - 2]))))
            && (end == text.Length || !Joins(text[end]) || (text[end] == '-' && (end + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[end + 1]))));
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date groups form a real calendar date; birth dates lie between 1900 and today.</summary>
    internal static bool IsPlausibleDate(Match m, bool birth)
    {
        int month;
        if (m.Groups["mon"].Success)
        {
            month = Array.IndexOf(MonthNames, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
        }
        else if (!int.TryParse(m.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out month))
        {
            return false;
        }

        if (!int.TryParse(m.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(m.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var now = DateTime.UtcNow;
        if (m.Groups["y"].Length == 2)
        {
            year += year + 2000 > now.Year ? 1900 : 2000;
        }

        if (month is < 1 or > 12 || year is < 1900 or > 2200 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        return !birth || new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc) <= now;
    }

    private sealed class SsnDetector(double weight) : PhiDetector("ssn", EvidenceSide.Who, weight)
    {
        // Ssn needs its 3-2-4 digit shape; SsnLabelled needs a run of nine digits (and is itself cheap:
        // a literal-prefixed backtracking search).
        public override bool MayFire(TextProfile profile) =>
            profile.SsnShape || (profile.NineDigitRun && Patterns.SsnLabelled().IsMatch(profile.Text));

        public override int Find(string text)
        {
            foreach (Match m in Patterns.Ssn().Matches(text))
            {
                var v = m.ValueSpan;
                if (StandsAlone(m, text) && Checksums.IsValidSsn(Num(v[..3]), Num(v[4..6]), Num(v[7..])))
                {
                    return m.Index;
                }
            }

            foreach (Match m in Patterns.SsnLabelled().Matches(text))
            {
                var v = m.Groups[1].ValueSpan;
                if (Checksums.IsValidSsn(Num(v[..3]), Num(v[3..5]), Num(v[5..])))
                {
                    return m.Index;
                }
            }

            return -1;
        }

        private static int Num(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private sealed class MemberIdDetector(double weight, IReadOnlyList<Regex> extra, double alsoWhat) : PhiDetector("member_id", EvidenceSide.Who, weight, alsoWhat: alsoWhat)
    {
        public override int Find(string text)
        {
            foreach (var r in extra)
            {
                var e = r.Match(text);
                if (e.Success)
                {
                    return e.Index;
                }
            }

            foreach (Match m in Patterns.MemberIdLabelled().Matches(text))
            {
                // "Rewards member #" and the like are retail programmes: look just before the label.
                var from = Math.Max(0, m.Index - 40);
                if (!Patterns.RetailMembership().IsMatch(text.AsSpan(from, m.Index - from + Math.Min(m.Length, 30)).ToString()))
                {
                    return m.Index;
                }
            }

            return -1;
        }
    }

    /// <summary>A named test or measurement with a value, in a lab report's layout ("HbA1c 7.2 %") or in
    /// ordinary phrasing ("your A1c from 3/14 was 8.5%", "LDL 162 mg/dL (ref &lt;100) H"), unless the words
    /// just before make it a statistic or a target.</summary>
    private sealed class LabResultDetector(double weight) : PhiDetector("lab_result", EvidenceSide.What, weight, specific: true)
    {
        // Both expressions start with a test name; a linear search for one decides whether they run.
        public override bool MayFire(TextProfile profile) => EvidencePatterns.LabKeyword().IsMatch(profile.Text);

        /// <summary>The two expressions anchored where a test name was found: they run only there.</summary>
        private static readonly Regex[] Anchored =
            [.. new[] { Patterns.LabResult(), EvidencePatterns.LabValue() }.Select(r => new Regex(@"\G(?:" + r + ")", r.Options & ~RegexOptions.NonBacktracking, r.MatchTimeout))];

        public override int Find(string text)
        {
            foreach (Match name in EvidencePatterns.LabKeyword().Matches(text))
            {
                foreach (var regex in Anchored)
                {
                    var m = regex.Match(text, name.Index);
                    if (m.Success && IsIndividualResult(m, text))
                    {
                        return m.Index;
                    }
                }
            }

            return -1;
        }
    }

    /// <summary>ICD-10-CM codes count right after a diagnosis label, or when three or more distinct
    /// dotted codes appear (a problem list), because single bare codes look like part numbers.</summary>
    private sealed class Icd10Detector(double weight) : PhiDetector("icd10", EvidenceSide.What, weight, specific: true)
    {
        // The labelled path needs a label (the same cheap expression CodeAfterLabel starts with); the
        // problem-list path needs three places where a dotted code could start.
        public override bool MayFire(TextProfile profile) =>
            profile.ThreeDottedIcd10Candidates || Patterns.Icd10Label().IsMatch(profile.Text);

        public override int Find(string text)
        {
            var labelled = CodeAfterLabel(text, Patterns.Icd10Label(), Patterns.Icd10(), 80, _ => true);
            if (labelled >= 0)
            {
                return labelled;
            }

            var dotted = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Patterns.Icd10Dotted().Matches(text))
            {
                // The letter sits just before the match (the expression looks behind for it).
                if (dotted.Add(text.Substring(m.Index - 1, m.Length + 1)) && dotted.Count >= 3)
                {
                    return m.Index - 1;
                }
            }

            return -1;
        }
    }

    /// <summary>A delimited header row naming an identifier column (dob, mrn, ssn, member id...),
    /// followed by a row with a digit: a patient list or export.</summary>
    private sealed class IdentifierTableDetector(double weight) : PhiDetector("phi_table", EvidenceSide.Record, weight)
    {
        public override int Find(string text)
        {
            foreach (Match m in Patterns.IdentifierColumn().Matches(text))
            {
                var lineEnd = text.IndexOf('\n', m.Index);
                if (lineEnd < 0)
                {
                    return -1; // the last line: no data row follows, nor any later column name
                }

                var lineStart = m.Index == 0 ? 0 : text.LastIndexOf('\n', m.Index - 1) + 1;
                // A header row: at least three cells, delimited or aligned ("Dear Patient," is not one).
                var header = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
                var delimiters = header.Count(',') + header.Count('\t') + header.Count(';') + header.Count('|');
                // A name-only column ("Patient", "Member") needs a wider table than an identifier column ("DOB").
                var needed = m.Value.ToLowerInvariant() is "patient" or "member" or "subscriber" or "claimant" or "insured" or "paciente" or "afiliado" ? 2 : 1;
                if ((delimiters < needed && header.Count("  ") < 2) || header.Contains('$') || (needed == 2 && header.ContainsAnyInRange('0', '9')))
                {
                    continue; // a header row names columns: no prices, and no numbers beside a bare "Patient"
                }

                // ... and the identifier is a column name, not a word in a sentence.
                var line = text.AsSpan(lineStart, lineEnd - lineStart);
                var at = m.Index - lineStart;
                var cellStart = line[..at].LastIndexOfAny(",\t;|") + 1;
                var gap = line[..at].LastIndexOf("  ", StringComparison.Ordinal);
                cellStart = Math.Max(cellStart, gap < 0 ? 0 : gap + 2);
                var rest = line[(at + m.Length)..];
                var cellEnd = rest.IndexOfAny(",\t;|");
                var gapAfter = rest.IndexOf("  ", StringComparison.Ordinal);
                cellEnd = cellEnd < 0 ? (gapAfter < 0 ? rest.Length : gapAfter) : gapAfter < 0 ? cellEnd : Math.Min(cellEnd, gapAfter);
                if (at + m.Length + cellEnd - cellStart > 32)
                {
                    continue;
                }

                var next = text.AsSpan(lineEnd + 1).TrimStart("\r\n \t>");
                var nextEnd = next.IndexOf('\n');
                foreach (var c in nextEnd < 0 ? next : next[..nextEnd])
                {
                    if (char.IsDigit(c))
                    {
                        return lineStart;
                    }
                }
            }

            return -1;
        }
    }

    /// <summary>X12 health transactions (eligibility, claims, remittance) always identify a member.</summary>
    private sealed class X12Detector(double weight) : PhiDetector("x12", EvidenceSide.Record, weight)
    {
        public override int Find(string text)
        {
            var header = Patterns.X12Interchange().Match(text);
            return header.Success && Patterns.X12Patient().IsMatch(text) ? header.Index : -1;
        }
    }

    private sealed class Hl7Detector(double weight) : PhiDetector("hl7v2", EvidenceSide.Record, weight)
    {
        // Hl7Header is (?:^|[\r\n])MSH\|\^~\\& without IgnoreCase: the literal must occur.
        public override bool MayFire(TextProfile profile) => profile.Text.Contains("MSH|^~\\&", StringComparison.Ordinal);

        public override int Find(string text)
        {
            var header = Patterns.Hl7Header().Match(text);
            return header.Success && Patterns.Hl7PatientSegment().IsMatch(text) ? header.Index : -1;
        }
    }
}
