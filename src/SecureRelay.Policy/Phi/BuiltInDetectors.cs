using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Factories and validators of the built-in detectors.</summary>
internal static class BuiltInDetectors
{
    /// <summary>Detector names with their default weights. A message is PHI when the summed weight of
    /// fired detectors reaches the threshold (default 1.0): a direct identifier or a clinical document
    /// format alone is enough; supporting evidence (codes, terms, provider ids) needs company.</summary>
    public static IReadOnlyDictionary<string, double> DefaultWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["ssn"] = 1.0,
        ["mbi"] = 1.0,
        ["mrn"] = 1.0,
        ["dob"] = 1.0,
        ["hl7v2"] = 1.0,
        ["fhir"] = 1.0,
        ["ccda"] = 1.0,
        ["phi_table"] = 1.0,
        ["x12"] = 1.0,
        ["member_id"] = 0.5,
        ["patient_name"] = 0.6,
        ["icd10"] = 0.6,
        ["lab_result"] = 0.6,
        ["vital_signs"] = 0.6,
        ["encounter_date"] = 0.5,
        ["result_disclosure"] = 0.6,
        ["cpt"] = 0.4,
        ["ndc"] = 0.4,
        ["medication"] = 0.4,
        ["diagnosis"] = 0.4,
        ["npi"] = 0.3,
        ["dea"] = 0.3,
    };

    public static PhiDetector Create(string name, double weight, ClassifierSettings settings) => name switch
    {
        "ssn" => new SsnDetector(weight),
        "mbi" => new RegexDetector(name, weight, Patterns.Mbi(), (m, text) => StandsAlone(m, text) && m.Value.Count(c => c == '-') is 0 or 2 && Checksums.IsValidMbi(m.Value), p => p.MbiShape),
        "mrn" => new AnyRegexDetector(name, weight, [Patterns.MrnLabelled(), .. settings.MrnPatterns]),
        "member_id" => new MemberIdDetector(weight, settings.MemberIdPatterns),
        "dob" => new RegexDetector(name, weight, Patterns.DobLabelled(), (m, _) => IsPlausibleDate(m, birth: true)),
        "encounter_date" => new RegexDetector(name, weight, Patterns.EncounterDate(), (m, _) => IsPlausibleDate(m, birth: false)),
        "icd10" => new Icd10Detector(weight),
        "cpt" => new LabelledCodeDetector(name, weight, Patterns.CptLabel(), Patterns.CptCode(), 60, _ => true),
        "ndc" => new LabelledCodeDetector(name, weight, Patterns.NdcLabel(), Patterns.NdcCode(), 60, _ => true),
        "npi" => new LabelledCodeDetector(name, weight, Patterns.NpiLabel(), Patterns.TenDigits(), 40, v => Checksums.IsValidNpi(v)),
        "dea" => new LabelledCodeDetector(name, weight, Patterns.DeaLabel(), Patterns.DeaNumber(), 40, v => Checksums.IsValidDea(v)),
        "medication" => new RegexDetector(name, weight, settings.MedicationRegex, mayFire: Shortcut(settings.MedicationShortcut)),
        "diagnosis" => new RegexDetector(name, weight, settings.DiagnosisRegex, mayFire: Shortcut(settings.DiagnosisShortcut)),

        // Every unit of the value contains '%' or '/', except "sec" (whose letters have only ASCII case variants).
        "lab_result" => new RegexDetector(name, weight, Patterns.LabResult(), IsIndividualResult, HasLabUnit),
        "vital_signs" => new RegexDetector(name, weight, Patterns.VitalSigns(), IsIndividualResult),
        "x12" => new X12Detector(weight),
        "result_disclosure" => new RegexDetector(name, weight, Patterns.ResultDisclosure()),
        "patient_name" => new RegexDetector(name, weight, Patterns.PatientLabel()),
        "hl7v2" => new Hl7Detector(weight),
        "fhir" => new RegexDetector(name, weight, Patterns.FhirResource()),
        "ccda" => new RegexDetector(name, weight, Patterns.Ccda()),
        "phi_table" => new IdentifierTableDetector(weight),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown detector"),
    };

    private static Func<TextProfile, bool>? Shortcut(TermShortcut? shortcut) =>
        shortcut is null ? null : p => shortcut.MayMatch(p.Text);

    private static bool HasLabUnit(TextProfile p) =>
        p.Text.AsSpan().IndexOfAny('%', '/') >= 0 || p.Text.AsSpan().ContainsAny(Sec);

    /// <summary>"sec" under ordinal case-insensitive comparison, searched vectorized: string.Contains
    /// with OrdinalIgnoreCase takes a scalar path when globalization is invariant (perf: 10 % of the
    /// relay's CPU at 100 KB).</summary>
    private static readonly SearchValues<string> Sec = SearchValues.Create(["sec"], StringComparison.OrdinalIgnoreCase);

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

    private sealed class SsnDetector(double weight) : PhiDetector("ssn", weight)
    {
        // Ssn needs its 3-2-4 digit shape; SsnLabelled needs a run of nine digits (and is itself cheap:
        // a literal-prefixed backtracking search).
        public override bool MayFire(TextProfile profile) =>
            profile.SsnShape || (profile.NineDigitRun && Patterns.SsnLabelled().IsMatch(profile.Text));

        public override bool Detect(string text)
        {
            foreach (Match m in Patterns.Ssn().Matches(text))
            {
                var v = m.ValueSpan;
                if (StandsAlone(m, text) && Checksums.IsValidSsn(Num(v[..3]), Num(v[4..6]), Num(v[7..])))
                {
                    return true;
                }
            }

            foreach (Match m in Patterns.SsnLabelled().Matches(text))
            {
                var v = m.Groups[1].ValueSpan;
                if (Checksums.IsValidSsn(Num(v[..3]), Num(v[3..5]), Num(v[5..])))
                {
                    return true;
                }
            }

            return false;
        }

        private static int Num(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private sealed class MemberIdDetector(double weight, IReadOnlyList<Regex> extra) : PhiDetector("member_id", weight)
    {
        public override bool Detect(string text)
        {
            if (extra.Any(r => r.IsMatch(text)))
            {
                return true;
            }

            foreach (Match m in Patterns.MemberIdLabelled().Matches(text))
            {
                // "Rewards member #" and the like are retail programmes: look just before the label.
                var from = Math.Max(0, m.Index - 40);
                if (!Patterns.RetailMembership().IsMatch(text.AsSpan(from, m.Index - from + Math.Min(m.Length, 30)).ToString()))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>ICD-10-CM codes count right after a diagnosis label, or when three or more distinct
    /// dotted codes appear (a problem list), because single bare codes look like part numbers.</summary>
    private sealed class Icd10Detector(double weight) : PhiDetector("icd10", weight)
    {
        // The labelled path needs a label (the same cheap expression CodeAfterLabel starts with); the
        // problem-list path needs three places where a dotted code could start.
        public override bool MayFire(TextProfile profile) =>
            profile.ThreeDottedIcd10Candidates || Patterns.Icd10Label().IsMatch(profile.Text);

        public override bool Detect(string text)
        {
            if (CodeAfterLabel(text, Patterns.Icd10Label(), Patterns.Icd10(), 80, _ => true))
            {
                return true;
            }

            var dotted = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Patterns.Icd10Dotted().Matches(text))
            {
                // The letter sits just before the match (the expression looks behind for it).
                if (dotted.Add(text.Substring(m.Index - 1, m.Length + 1)) && dotted.Count >= 3)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A delimited header row naming an identifier column (dob, mrn, ssn, member id...),
    /// followed by a row with a digit: a patient list or export.</summary>
    private sealed class IdentifierTableDetector(double weight) : PhiDetector("phi_table", weight)
    {
        public override bool Detect(string text)
        {
            foreach (Match m in Patterns.IdentifierColumn().Matches(text))
            {
                var lineEnd = text.IndexOf('\n', m.Index);
                if (lineEnd < 0)
                {
                    return false; // the last line: no data row follows, nor any later column name
                }

                var lineStart = m.Index == 0 ? 0 : text.LastIndexOf('\n', m.Index - 1) + 1;
                if (text.AsSpan(lineStart, lineEnd - lineStart).IndexOfAny(",\t;|") < 0)
                {
                    continue;
                }

                var next = text.AsSpan(lineEnd + 1);
                var nextEnd = next.IndexOf('\n');
                foreach (var c in nextEnd < 0 ? next : next[..nextEnd])
                {
                    if (char.IsDigit(c))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>X12 health transactions (eligibility, claims, remittance) always identify a member.</summary>
    private sealed class X12Detector(double weight) : PhiDetector("x12", weight)
    {
        public override bool Detect(string text) =>
            Patterns.X12Interchange().IsMatch(text) && Patterns.X12Patient().IsMatch(text);
    }

    private sealed class Hl7Detector(double weight) : PhiDetector("hl7v2", weight)
    {
        // Hl7Header is (?:^|[\r\n])MSH\|\^~\\& without IgnoreCase: the literal must occur.
        public override bool MayFire(TextProfile profile) => profile.Text.Contains("MSH|^~\\&", StringComparison.Ordinal);

        public override bool Detect(string text) =>
            Patterns.Hl7Header().IsMatch(text) && Patterns.Hl7PatientSegment().IsMatch(text);
    }
}
