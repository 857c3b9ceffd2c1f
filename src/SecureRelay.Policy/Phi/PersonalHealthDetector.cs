using System.Text.RegularExpressions;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>A clinical term made someone's: "your colonoscopy", "her hip replacement", "my CPAP",
/// "Jayden's asthma", "su biopsia", "following spinal fusion", "s/p ACL reconstruction"; or put in a
/// time ("MRI on October 22", "colonoscopy ... Monday, June 16"); or given a dose ("naltrexone 50 mg").
/// A person may also be the subject of the sentence that holds the term: "I'll be out Friday for a
/// colonoscopy", "Hana has exercise-induced asthma", "my dad started dialysis", "ela está com diabetes";
/// unless the sentence speaks of people in general or of a possibility ("anyone whose son has asthma").
/// Specific WHAT evidence: a fact about a person's care.</summary>
internal sealed partial class PersonalHealthDetector(double weight, ClinicalTermIndex index, Lexicon lexicon) : PhiDetector("personal_health", EvidenceSide.What, weight, specific: true)
{
    /// <summary>How many words before a clinical term a sentence's subject may stand.</summary>
    private const int SubjectWindow = 10;

    /// <summary>Pronouns that make a person the subject of a sentence, in English, Spanish and Portuguese.</summary>
    private static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "im", "ive", "me", "myself", "he", "she", "he's", "she’s", "she's", "he’s",
        "him", "himself", "herself", "yo", "él", "ella", "eu", "ele",
    };

    /// <summary>Relatives, who are someone in particular after a possessive ("my dad", "su hija", "minha mãe").</summary>
    private static readonly HashSet<string> Relatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "mom", "mum", "mother", "dad", "father", "son", "daughter", "husband", "wife", "partner", "brother", "sister", "grandma", "grandpa",
        "grandmother", "grandfather", "aunt", "uncle", "stepson", "stepdaughter", "fiancé", "fiancée", "boyfriend", "girlfriend", "kid",
        "baby", "mamá", "papá", "madre", "padre", "hijo", "hija", "esposo", "esposa", "abuela", "abuelo", "hermano", "hermana", "mãe", "pai",
        "filho", "filha", "marido", "avó", "avô", "irmão", "irmã",
    };

    /// <summary>Possessives before a relative.</summary>
    private static readonly HashSet<string> Possessives = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "his", "her", "our", "their", "your", "mi", "su", "tu", "nuestro", "nuestra", "minha", "meu", "nossa", "nosso", "sua", "seu",
    };

    /// <summary>The writer or the reader: first- and second-person words.</summary>
    private static readonly HashSet<string> Correspondents = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "im", "ive", "my", "myself", "you", "your", "you're", "you’re",
        "yourself", "yo", "mi", "mis", "me", "tu", "tus", "su", "sus", "usted", "eu", "minha", "meu", "você", "seu", "sua",
    };

    /// <summary>Words that make a sentence about people in general, a condition or a possibility.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "if", "whether", "anyone", "anybody", "everyone", "everybody", "people", "patients", "adults", "those", "many", "most", "percent",
        "residents", "employees", "members", "students", "families", "individuals", "someone", "somebody", "whoever", "si", "quien", "quienes", "personas", "pacientes", "todos", "pessoas", "quem",
    };

    /// <summary>Words a clinical term may follow (within three words) to be about someone.</summary>
    private static readonly HashSet<string> Owners = new(StringComparer.OrdinalIgnoreCase)
    {
        "your", "you", "his", "her", "their", "my", "su", "sus", "mi", "usted", "after", "following", "recovering", "s/p", "post-op", "postop",
        "tras", "después", "despues",
    };

    /// <summary>Offset of a clinical term whose sentence is about the writer or the reader ("I'll be out Friday
    /// for a colonoscopy", "your biopsy"), or -1: what makes mail to or from one person about their own care.</summary>
    public int FindOwnCare(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('a', 'z'))
        {
            return -1; // no lower-case word: no pronoun either (smtp-source's filler, a code dump)
        }

        var (words, hits) = index.Scan(text);
        var w = 0;
        foreach (var hit in hits)
        {
            while (w < words.Count && words[w].Start < hit.Start)
            {
                w++;
            }

            if (hit.Clear && w < words.Count && words[w].Start == hit.Start && !IsGeneral(text, words, w) && HasSubject(text, words, w, Correspondents, names: false))
            {
                return hit.Start;
            }
        }

        return -1;
    }

    public override int Find(string text)
    {
        var (words, hits) = index.Scan(text);
        if (hits.Count == 0)
        {
            return -1;
        }

        var wordAt = new Dictionary<int, int>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            wordAt[words[i].Start] = i;
        }

        foreach (var hit in hits)
        {
            if (!hit.Clear || !wordAt.TryGetValue(hit.Start, out var w))
            {
                continue;
            }

            // An owner word (or a possessive name, or "s/p") up to three words before, within the sentence.
            for (var k = w - 1; k >= Math.Max(0, w - 3); k--)
            {
                var (s, e) = words[k];
                var word = text.AsSpan(s, e - s);
                if (text.AsSpan(e, words[k + 1].Start - e).IndexOfAny(".!?\n") >= 0)
                {
                    break;
                }

                var historyOf = word is "of" && k > 0 && text.AsSpan(words[k - 1].Start, words[k - 1].End - words[k - 1].Start) is "history" or "hx" or "History";
                if (historyOf || Owners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
                    || (word is "p" && s >= 2 && text.AsSpan(s - 2, 2) is "s/"))
                {
                    return s;
                }
            }

            if (HasSubject(text, words, w, Subjects, names: true) && !IsGeneral(text, words, w))
            {
                return hit.Start;
            }

            // A form or calendar field whose value is clinical: "SUMMARY: CT chest (lung screening)", "reason=oncology".
            var lineStart = text.LastIndexOf('\n', Math.Max(0, hit.Start - 1)) + 1;
            if (hit.Start - lineStart <= 60 && FieldLabel().IsMatch(text.AsSpan(lineStart, hit.Start - lineStart).ToString()))
            {
                return hit.Start;
            }

            // A date or a dose close after the term.
            var tail = text.AsSpan(hit.End, Math.Min(48, text.Length - hit.End)).ToString();
            if (DateOrDose().IsMatch(tail))
            {
                return hit.Start;
            }
        }

        return -1;
    }

    /// <summary>The sentence holding the term, up to it, speaks of people in general or of a possibility.</summary>
    private static bool IsGeneral(string text, List<(int Start, int End)> words, int w)
    {
        for (var k = w - 1; k >= 0 && k >= w - 3 * SubjectWindow; k--)
        {
            var (s, e) = words[k];
            if (text.AsSpan(e, words[k + 1].Start - e).IndexOfAny(".!?\n") >= 0)
            {
                return false;
            }

            if (Generic.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, e - s)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word of <paramref name="subjects"/> (or, with <paramref name="names"/>, a name from the names
    /// list) stands before the term in its sentence, within <see cref="SubjectWindow"/> words.</summary>
    private bool HasSubject(string text, List<(int Start, int End)> words, int w, HashSet<string> subjects, bool names)
    {
        for (var k = w - 1; k >= 0 && k >= w - SubjectWindow; k--)
        {
            var (s, e) = words[k];
            if (text.AsSpan(e, words[k + 1].Start - e).IndexOfAny(".!?\n") >= 0)
            {
                return false;
            }

            var word = text.AsSpan(s, e - s);
            if (subjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || (names && (IsNamedSubject(text, words, k, word) || IsRelative(text, words, k, word))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A relative after a possessive: "my dad", "su hija".</summary>
    private static bool IsRelative(string text, List<(int Start, int End)> words, int k, ReadOnlySpan<char> word) =>
        k > 0 && Relatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        && Possessives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(words[k - 1].Start, words[k - 1].End - words[k - 1].Start));

    /// <summary>A name from the names list followed by a verb: "Hana has", "Jae's been", "Kai is".</summary>
    private bool IsNamedSubject(string text, List<(int Start, int End)> words, int k, ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0]) || word.Length < 2 || k + 1 >= words.Count)
        {
            return false;
        }

        var name = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        var next = text.AsSpan(words[k + 1].Start, words[k + 1].End - words[k + 1].Start);
        return (name.Length < word.Length || Verbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next))
            && !Calendar.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && lexicon.IsUnambiguousName(name);
    }

    /// <summary>Capitalised words the names list holds that name a time, not a person ("November is ... Month").</summary>
    private static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "enero", "febrero", "marzo", "abril", "mayo",
        "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves",
        "viernes", "sábado", "domingo", "christmas", "easter", "thanksgiving",
    };

    /// <summary>Verbs that make the name before them a sentence's subject.</summary>
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "had", "is", "was", "got", "gets", "been", "started", "needs", "needed", "takes", "took", "went", "goes", "found", "learned",
        "tested", "broke", "fell", "hurt", "tiene", "tuvo", "está", "estuvo", "fue", "empezó", "tem", "teve", "foi", "começou",
    };

    [GeneratedRegex(@"(?:^|[;,|]\s*)[ \t>*]*(?i:summary|description|appointment(?:\s+type)?|reason(?:\s+for\s+(?:visit|test|referral|leave))?|procedure|visit(?:\s+type)?|service|exam|test|treatment|basis|condition|motivo|cita|servicio|tratamiento|keywords|comments|subject|re)\s*[:=]", RegexOptions.CultureInvariant, Patterns.TimeoutMs)]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"^[^.!?\n]{0,40}?\b(?:on|for|at|is|was|scheduled|dated|el|para)\s+(?:\w+,?\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+de\s+\w+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|tomorrow\b|today\b|ma[ñn]ana\b|\d{4}-\d{2}-\d{2}\b)|^\s*(?:[\w()/-]+\s+){0,2}?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|mL|units?|IU|g)\b|^[^.!?\n]{0,20}?\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\s*(?:tablets?|tabs?|capsules?|caps)\b|^\s*(?:cycle|round|day|week|dose)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.TimeoutMs)]
    private static partial Regex DateOrDose();
}
