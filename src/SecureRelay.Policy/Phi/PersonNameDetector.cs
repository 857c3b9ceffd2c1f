using System.Text.RegularExpressions;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>A person's name found by its context: a greeting ("Dear Rosa", "Hi Tom"), an honorific ("Mr.
/// Okafor", "Sra. Gómez"), a role label ("Member:", "Employee:", "Student:", "Name:", "Paciente:"), a
/// "Last, First" table cell or a "First Last |" row, a relation ("parent/guardian of Jayden"). The token
/// must be in the names list (or follow an honorific) and not be a generic addressee ("Dear Patient");
/// clinicians ("Dear Dr. Lee") are not the subject of PHI.</summary>
internal sealed class PersonNameDetector(double weight, Lexicon lexicon, bool addressee = false) : PhiDetector(addressee ? "addressee" : "person_name", EvidenceSide.Who, weight)
{
    /// <summary>Words that follow a greeting or label without naming anyone.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "patient", "patients", "member", "members", "customer", "customers", "friend", "friends", "team", "colleague", "colleagues",
        "all", "everyone", "everybody", "sir", "madam", "madame", "parent", "parents", "family", "families", "valued", "neighbor",
        "neighbors", "neighbour", "subscriber", "subscribers", "provider", "providers", "doctor", "doctors", "nurse", "nurses", "staff",
        "partner", "partners", "client", "clients", "employee", "employees", "student", "students", "guardian", "guardians",
        "caregiver", "caregivers", "resident", "residents", "there", "folks", "hiring", "recruiter", "manager", "applicant",
        "candidate", "participant", "participants", "reader", "readers", "user", "users", "admin", "support", "billing", "pharmacy",
        "clinic", "office", "practice", "department", "hr", "benefits", "human", "new", "future", "current", "fellow", "health",
        "paciente", "pacientes", "cliente", "clientes", "amigo", "amiga", "amigos", "socio", "socios", "asegurado", "asegurada",
        "afiliado", "afiliada", "familia", "padres", "padre", "madre", "señor", "señora", "equipo", "todos", "vecino", "vecinos",
        "colega", "colegas", "estimado", "estimada", "morning", "afternoon", "evening", "again", "thanks", "thank", "good",
        "coordinator", "director", "representative", "agent", "vendor", "supplier", "contractor", "accounts", "payable",
        "receivable", "sales", "service", "services", "account", "holder", "policyholder", "insured", "beneficiary", "valued",
        "plan", "care", "medical", "dental", "vision", "wellness", "committee", "board", "group", "council", "physician", "physicians",
        "attending", "unit", "floor", "building", "room", "conference", "date", "time", "type", "address", "phone", "email", "number",
        "id", "code", "status", "total", "amount", "description", "subject", "n/a", "none", "unknown", "tbd", "pending",
        "hi", "hello", "hey", "dear", "hola", "ok", "okay", "yes", "no", "re", "fw", "fwd", "attn", "from", "to", "cc", "sent",
        "please", "regards", "best", "cheers", "sincerely", "welcome", "congratulations", "happy", "sorry", "update", "reminder",
        "san", "santa", "saint", "st", "mount", "mt", "lake", "fort", "port", "north", "south", "east", "west", "los", "las", "el",
        "la", "del", "de", "villa", "puerto", "santo", "united", "american", "national", "general", "memorial", "regional",
        "community", "university", "county", "city", "valley", "river", "park", "hill", "hills", "springs", "grove", "summit",

        // Function words the names list also holds ("The", "Now", "And", "You").
        "the", "and", "now", "for", "with", "this", "that", "new", "all", "but", "not", "you", "are", "was", "has", "have",
        "can", "our", "your", "his", "her", "their", "its", "if", "when", "then", "so", "also", "just", "only", "here", "today",
        "tomorrow", "yesterday", "next", "last", "each", "every", "any", "some", "after", "before", "per", "see", "note", "thank",
    };

    /// <summary>Job titles and the like that follow "Sr." without naming anyone.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "director", "manager", "vice", "analyst", "engineer", "associate", "account", "executive", "consultant", "specialist",
        "coordinator", "developer", "administrator", "advisor", "accountant", "recruiter", "buyer", "scientist", "editor", "nurse",
    };

    public override int Find(string text) => addressee ? FindAddressee(text) : FindSubject(text);

    /// <summary>A generic greeting ("Dear Member", "Dear Valued Customer", "Estimada comunidad"): mass mail.</summary>
    public static int FindGenericGreeting(string text)
    {
        foreach (Match m in EvidencePatterns.Greeting().Matches(text))
        {
            if (IsGeneric(m.Groups["name"].ValueSpan) && !m.Groups["hon"].Success)
            {
                return m.Index;
            }
        }

        return -1;
    }

    /// <summary>The reader named by a greeting: the health information must be about "you" to count.</summary>
    private int FindAddressee(string text)
    {
        var best = -1;
        foreach (Match m in EvidencePatterns.Greeting().Matches(text))
        {
            var hon = m.Groups["hon"];
            if (hon.Success && IsClinicianTitle(hon.ValueSpan))
            {
                continue;
            }

            var name = m.Groups["name"].ValueSpan;
            if (IsGeneric(name) || (hon.Success ? !IsPersonalHonorific(hon.ValueSpan) && !NameLike(name) : !NameLike(name)))
            {
                continue;
            }

            best = Earliest(best, m.Index);
            break;
        }

        foreach (Match m in EvidencePatterns.BareGreeting().Matches(text))
        {
            var name = m.Groups["name"].ValueSpan;
            if (!IsGeneric(name) && lexicon.IsName(name))
            {
                best = Earliest(best, m.Index);
                break;
            }
        }

        return best;
    }

    /// <summary>A person the message is about: labels, honorifics, table cells, relations, full names in prose.</summary>
    private int FindSubject(string text)
    {
        var best = -1;
        foreach (Match m in EvidencePatterns.FullName().Matches(text))
        {
            var first = m.Groups["first"].ValueSpan;
            var last = m.Groups["last"].ValueSpan;
            if (AfterTitle(text, m.Index))
            {
                continue;
            }

            var after = m.Groups["after"];
            var next = text.AsSpan(after.Index, Math.Min(24, text.Length - after.Index));
            var labelLike = after.ValueSpan.TrimStart() is ":";
            // The first name must be one; an everyday word as first name ("Now", "Will") needs an unambiguous surname.
            if (IsGeneric(first) || IsGeneric(last) || !lexicon.IsName(first) || !(lexicon.IsName(last) || !lexicon.IsWord(last))
                || (lexicon.IsWord(first) ? !lexicon.IsUnambiguousName(last) && !(labelLike && lexicon.IsName(last)) && (lexicon.IsWord(last) || last.Contains('-'))
                    : !(labelLike || lexicon.IsUnambiguousName(first) || lexicon.IsUnambiguousName(last) || !lexicon.IsWord(last)))
                || EvidencePatterns.Credential().IsMatch(next.ToString())
                || (after.ValueSpan.TrimStart() is "," && next.TrimStart(", \t").Length > 0 && char.IsUpper(next.TrimStart(", \t")[0])))
            {
                // A name with a credential is a clinician's; "Name, Department" is a signature or an assignee.
                continue;
            }

            best = Earliest(best, m.Index);
            break;
        }

        foreach (Match m in EvidencePatterns.Honorific().Matches(text))
        {
            var name = m.Groups["name"].ValueSpan;
            if (!IsGeneric(name) && !Titles.Contains(name.ToString()) && (m.Groups["hon"].ValueSpan is not "Sr" || lexicon.IsName(name)))
            {
                best = Earliest(best, m.Index);
                break;
            }
        }

        foreach (Match m in EvidencePatterns.RoleLabel().Matches(text))
        {
            var first = m.Groups["first"].ValueSpan;
            var last = m.Groups["last"];
            if (IsGeneric(first) || (last.Success && IsGeneric(last.ValueSpan)))
            {
                continue;
            }

            // A role label and a name token; with a second token, one of the two must be a known name.
            if (m.Groups["hon"].Success || lexicon.IsName(first) || (last.Success && lexicon.IsName(last.ValueSpan)) || (!last.Success && NameLike(first)))
            {
                best = Earliest(best, m.Index);
                break;
            }
        }

        best = Earliest(best, FindPair(text, EvidencePatterns.LastFirstCell()));
        best = Earliest(best, FindPair(text, EvidencePatterns.CapitalName()));
        best = Earliest(best, FindPair(text, EvidencePatterns.NameAtLineEnd()));
        best = Earliest(best, FindPair(text, EvidencePatterns.NameCell()));
        foreach (Match m in EvidencePatterns.Relation().Matches(text))
        {
            var name = m.Groups["name"].ValueSpan;
            if (!IsGeneric(name) && NameLike(name))
            {
                best = Earliest(best, m.Index);
                break;
            }
        }

        return best;
    }

    private int FindPair(string text, Regex pattern)
    {
        foreach (Match m in pattern.Matches(text))
        {
            var first = m.Groups["first"].ValueSpan;
            var last = m.Groups["last"].ValueSpan;
            if (!IsGeneric(first) && !IsGeneric(last) && lexicon.IsName(first) && lexicon.IsName(last)
                && (lexicon.IsUnambiguousName(first) || lexicon.IsUnambiguousName(last)))
            {
                return m.Index;
            }
        }

        return -1;
    }

    /// <summary>Where the context already says a name follows: a known name, or a capitalised word that
    /// is not an everyday word ("Zanele").</summary>
    private bool NameLike(ReadOnlySpan<char> token) => lexicon.IsName(token) || !lexicon.IsWord(token);

    /// <summary>The match follows "Dr.", "Nurse", "Dear", "Hi" ...: a clinician, or a greeting (the addressee's detector).</summary>
    internal static bool AfterTitle(string text, int index)
    {
        var from = Math.Max(0, index - 8);
        return EvidencePatterns.TitleBefore().IsMatch(text.AsSpan(from, index - from).ToString());
    }

    private static int Earliest(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);

    private static bool IsGeneric(ReadOnlySpan<char> token) => Generic.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    private static bool IsClinicianTitle(ReadOnlySpan<char> hon) =>
        hon is "Dr" or "Dra" or "Doctor" or "Prof" or "Rev";

    private static bool IsPersonalHonorific(ReadOnlySpan<char> hon) =>
        hon is "Mr" or "Mrs" or "Ms" or "Mx" or "Mister" or "Sra" or "Srta" or "Don" or "Doña" or "Miss";
}
