using System.Text.RegularExpressions;
using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>The detector shortcut (<see cref="PhiDetector.MayFire"/> over a <see cref="TextProfile"/>) never
/// changes a result: whenever it skips a detector, running that detector would not have fired it.</summary>
public class PrefilterTests
{
    private static string CorpusDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    /// <summary>Phrases from the detector tests and near misses of every shortcut: shapes one character
    /// off, keywords inside words, case variants, and the non-ASCII characters that make a text conservative.</summary>
    private static readonly string[] Edges =
    [
        "Employee SSN 123-45-6789 on file", "social security number: 123456789", "SS# 123456789", "ssn:123456789", "x123-45-6789",
        "123 45 6789", "123-45 6789", "12-345-6789", "1234-56-7890", "MBI: 1EG4-TE5-MK73", "1EG4TE5MK73", "x1EG4TE5MK73", "0EG4TE5MK73",
        "dx E11.9", "Problem list: I10, E78.5, N18.3 reviewed", "codes J45.901 and F41.1 and M17.11", "J45.901 F41.1 M17.11",
        "J45.901 F41.1 M1A.11", "X45.901,F41.1;M17.11", "ICD-10: E119", "diagnoses: E11.9", "HbA1c: 8.2 %", "Hb A1c 7.1%", "hba1c 7.1%",
        "A1C 7 %", "potassium came back at 5.9 mEq/L", "platelets 250 K/uL", "free T4 1.2 ng/dL", "vitamin D 30 ng/mL", "viral load 200 copies/mL",
        "CD4 500 cells/mm3", "ALT 40 U/L", "last ALT: 40 U/L", "started metformin last week", "started METFORMIN", "insulin   glargine daily",
        "insulin\nglargine", "history of atrial fibrillation", "Alzheimer's disease", "end-stage renal disease", "fracture of the wrist",
        "type 2 diabetes", "HIV", "archive", "MSH|^~\\&|EPIC|A|B|C|202501010000||ADT^A01|1|P|2.5\rPID|1||123^^^A^MR||Roe^Jane",
        "msh|^~\\&|x\rPID|1", "on \u212Aeytruda", "SSN \u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669", "123-45-\u0666789",
        "HbA1c: \u0668.2 %", "J45.901 F41.1 M\u0661\u0667.11", "Caf\u00e9 metformin", "Na\u00efve DOB 04/12/1961",
        "\u212Aeytruda started", "x\u212Aeytruda", "\u00e9metformin", "metformin", "1XXmetformin", "\r\nwarfarin", "INR 2 sec", "INR 2 SEC",
        "INR 2 Sec.", "glucose 100 mg/dL", "glucose 100", "A1c 7%", "XXXX\r\n12XXXX\r\n", "_lupus", "-lupus", "lupus",
    ];

    private static IEnumerable<string> CorpusTexts()
    {
        var settings = PolicyTestData.Patient.Settings;
        foreach (var file in Directory.GetFiles(CorpusDir, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var message = MimeMessage.Load(file);
            yield return MessageTextExtractor.Extract(message, settings, ClassificationBudget.Unlimited).Text;
        }
    }

    private static IEnumerable<string> Variants(string text)
    {
        yield return text;
        yield return text.ToUpperInvariant();
        yield return text.ToLowerInvariant();
        foreach (var line in text.Split('\n'))
        {
            yield return line;
        }
    }

    /// <summary>The result, or the exception a detector throws (SsnDetector parses non-ASCII digits and
    /// throws, which the classifier turns into a fail-closed verdict: the shortcut must keep that too).</summary>
    private static string Outcome<T>(Func<T> run)
    {
        try
        {
            var result = run();
            return result is Classification c ? $"{c.IsPhi} {c.Score} {string.Join(',', c.Detectors)}" : $"{result}";
        }
        catch (FormatException e)
        {
            return "throws " + e.GetType().Name;
        }
    }

    [Test]
    public void Shortcut_SkipsOnlyDetectorsThatWouldNotFire_AndKeepsEveryResult()
    {
        var classifier = PolicyTestData.Patient;
        var texts = CorpusTexts().Concat(Edges).SelectMany(Variants).Distinct(StringComparer.Ordinal).ToList();
        Assert.That(texts, Has.Count.GreaterThan(1000));
        var skipped = 0;
        foreach (var text in texts)
        {
            var profile = new TextProfile(text);
            foreach (var detector in classifier.Settings.Detectors)
            {
                if (!detector.MayFire(profile))
                {
                    skipped++;
                    Assert.That(Outcome(() => detector.Find(text) >= 0), Is.EqualTo("False"), $"{detector.Name} skipped but fires (or throws) on: {text}");
                }
            }

            Assert.That(Outcome(() => classifier.ClassifyText(text)), Is.EqualTo(Outcome(() => classifier.ClassifyTextExhaustively(text))), text);
        }

        Assert.That(skipped, Is.GreaterThan(texts.Count), "the shortcut is in effect");
    }

    [Test]
    public void Shortcut_SkipsTheCostlyDetectorsOnFiller()
    {
        var filler = string.Concat(Enumerable.Range(1, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(78, 'X') + "\r\n"));
        var profile = new TextProfile(filler);
        var mayFire = PolicyTestData.Patient.Settings.Detectors.Where(d => d.MayFire(profile)).Select(d => d.Name).ToList();
        Assert.That(mayFire, Has.None.AnyOf("ssn", "mbi", "hl7v2", "icd10", "medication", "diagnosis"));
    }

    [Test]
    public void TermShortcut_IsExactOnTextsWithFewWordStarts()
    {
        var classifier = PolicyTestData.Patient;
        string[] texts =
        [
            "XXXX\n12XXXX metformin", "XXXX\nMETFORMIN\n", "\u212Aeytruda", "x\u212Aeytruda", "benchmark\n\n1XXXX\n2XXXX", "1XXXX\nxarelto",
            "1XXXX\nXarelto2", "insulin\n\t glargine", "insulinglargine", "atrial  fibrillation.", "Alzheimer's disease", "Alzheimer'sdisease",
            "\u00e9metformin", "_metformin", "-metformin-", "metformin_", "type 2 diabetes", "type 2 diabetesX",
        ];
        foreach (var text in texts)
        {
            Assert.That(Outcome(() => classifier.ClassifyText(text)), Is.EqualTo(Outcome(() => classifier.ClassifyTextExhaustively(text))), text);
        }

        // With a person named, the WHAT detectors run and the shortcut must not hide the term.
        Assert.That(classifier.ClassifyText("Patient: Ana Ruiz\nXXXX\nXXXX metformin").Detectors, Does.Contain("medication"));
        Assert.That(classifier.ClassifyText("Patient: Ana Ruiz\nstarted \u212Aeytruda").Detectors, Does.Contain("medication"));
    }

    [Test]
    public void NonAsciiDigits_MakeTheProfileConservative()
    {
        Assert.That(new TextProfile("SSN \u0661\u0662\u0663").Conservative, Is.True);
        Assert.That(new TextProfile("Caf\u00e9 au lait 123").Conservative, Is.False);
        var arabic = new TextProfile("ref \u0661\u0662\u0663-45-6789");
        Assert.That((arabic.SsnShape, arabic.MbiShape, arabic.ThreeDottedIcd10Candidates), Is.EqualTo((true, true, true)));
    }

    /// <summary>The lab unit shortcut looks for "sec" with ASCII case folding, and the term shortcut lists ASCII
    /// case variants plus U+212A KELVIN SIGN for k: that must be every non-ASCII character the expressions'
    /// case-insensitive matching equates with an ASCII letter.</summary>
    [Test]
    public void CaseInsensitiveMatching_EquatesOnlyKelvinSignWithAnAsciiLetter()
    {
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        Regex[] probes = [new("^[a-z]$", options), new("^[a-z]$", options | RegexOptions.NonBacktracking)];
        var found = new List<string>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            var s = ((char)c).ToString();
            if (probes.Any(p => p.IsMatch(s)))
            {
                found.Add($"U+{c:X4}");
            }
        }

        Assert.That(found, Is.EqualTo(new[] { "U+212A" }));
        Assert.That(new Regex("^k$", options).IsMatch("\u212A"), Is.True);
    }

    /// <summary>The digit facts hold only if the profile knows every non-ASCII character <c>\d</c> accepts.</summary>
    [Test]
    public void NonAsciiDigitList_HoldsEveryCharacterBackslashDMatches()
    {
        var known = new HashSet<char>(TextProfile.BuildNonAsciiDigits());
        var digit = new Regex(@"^\d$", RegexOptions.CultureInvariant);
        var missing = new List<string>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (digit.IsMatch(((char)c).ToString()) && !known.Contains((char)c))
            {
                missing.Add($"U+{c:X4}");
            }
        }

        Assert.That(missing, Is.Empty);
        Assert.That(known, Has.Count.GreaterThan(300));
    }
}
