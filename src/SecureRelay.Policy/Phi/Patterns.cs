using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>The built-in regular expressions (source generated, each with a match timeout so that a
/// pathological input cannot stall the classifier; a timeout classifies as uncertain).</summary>
internal static partial class Patterns
{
    internal const int TimeoutMs = 1000;

    // SSN: 3-2-4 with dashes or spaces. Neighbours (not inside a longer dashed code) are checked in
    // code so that the expression stays free of lookarounds and runs as a DFA.
    [GeneratedRegex(@"\b(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeoutMs)]
    internal static partial Regex Ssn();

    // Unformatted 9 digits right after an SSN label.
    [GeneratedRegex(@"\b(?:SSN|SS\#|social\s+security(?:\s+(?:number|no\.?|\#))?)\W{0,6}(\d{9})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex SsnLabelled();

    // MBI: 11 characters, optional dashes after the 4th and 7th (both or neither, checked in code).
    // Backtracking (source generated) on purpose: every character position has at most one way to
    // match, so nothing can blow up, and it runs ~7x faster than the DFA here (it skips to a digit
    // followed by an MBI letter; measured 3 us vs 22 us on 10 KB of text).
    [GeneratedRegex(@"\b[1-9][ACDEFGHJKMNPQRTUVWXY][ACDEFGHJKMNPQRTUVWXY0-9]\d-?[ACDEFGHJKMNPQRTUVWXY][ACDEFGHJKMNPQRTUVWXY0-9]\d-?[ACDEFGHJKMNPQRTUVWXY]{2}\d{2}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Mbi();

    [GeneratedRegex(@"\bNPI\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex NpiLabel();

    [GeneratedRegex(@"(?<!\d)[12]\d{9}(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex TenDigits();

    [GeneratedRegex(@"\bDEA\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex DeaLabel();

    [GeneratedRegex(@"\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex DeaNumber();

    internal static Regex MrnLabelled() => MrnLabelledRegex;

    internal static Regex MemberIdLabelled() => MemberIdLabelledRegex;

    // Words that show a membership number belongs to a retail or loyalty programme, not a health plan.
    [GeneratedRegex(@"\b(?:rewards?|loyalty|points|club|frequent|gym|fitness|library|airline|miles|ExtraCare|card\s*holder)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex RetailMembership();

    private const string DatePattern =
        @"(?:(?<m>\d{1,2})[/.-](?<d>\d{1,2})[/.-](?<y>\d{4}|\d{2})(?!\d)" +
        @"|(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)" +
        @"|(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})" +
        @"|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?<y>\d{4}))";

    [GeneratedRegex(@"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth(?:\s+on\s+file)?|birth\s*date|born(?:\s+on)?|fecha\s+de\s+nac(?:imiento|\.)?|F\.\s?(?:de\s+)?nac\.?|nacid[oa](?:\s+el)?)\W{0,6}(?:is\s+|of\s+|el\s+)?(?:\(?[mdy/]{6,10}\)?\s*)?" + DatePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex DobLabelled();

    // A full name followed by a date in parentheses: "Kwame Lindqvist (07/25/1971)" — how charts and lists write a birth date.
    internal static Regex NameWithBirthDate() => NameWithBirthDateRegex;

    // Linear time: it may start at every capital letter.
    private static readonly Regex NameWithBirthDateRegex = new(@"\b\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+\s*\(\s*(?:DOB:?\s*|b\.\s*)?(?<m>\d{1,2})[/.-](?<d>\d{1,2})[/.-](?<y>\d{4})\s*\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));

    [GeneratedRegex(@"\b(?:date\s+of\s+service|DOS|service\s+date|admission\s+date|admitted(?:\s+on)?|discharge\s+date|discharged(?:\s+on)?|date\s+of\s+visit|visit\s+date|date\s+of\s+injury|encounter\s+date)\b\W{0,6}(?:is\s+|was\s+)?" + DatePattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex EncounterDate();

    // ICD-10-CM: letter (not U), digit, digit or A/B, optional dot and 1-4 characters. The match
    // starts at the digit, with the letter checked behind it: the search then jumps between digits
    // (rare in prose) instead of trying every capital letter, which made this the costliest
    // detector (158 us of 259 us on 10 KB of text). The code is the letter before the match + the match.
    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9.])[A-TV-Z])\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?![A-Za-z0-9]|\.\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Icd10();

    // The same codes with the dot and decimals required (problem lists count only dotted codes).
    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9.])[A-TV-Z])\d[0-9AB]\.[0-9A-TV-Z]{1,4}(?![A-Za-z0-9]|\.\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Icd10Dotted();

    internal static Regex Icd10Label() => Icd10LabelRegex;

    internal static Regex CptLabel() => CptLabelRegex;

    [GeneratedRegex(@"(?<![\d.-])(?:\d{4}[0-9FTU]|[A-V]\d{4})(?![\d.-])", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex CptCode();

    [GeneratedRegex(@"\bNDC\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex NdcLabel();

    [GeneratedRegex(@"(?<![\d-])(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2}|\d{11})(?![\d-])", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex NdcCode();

    [GeneratedRegex(@"\b(?:Hb\s?A1c|A1c|glucose|LDL|HDL|cholesterol|triglycerides|creatinine|eGFR|TSH|free\s+T4|hemoglobin|hgb|hematocrit|hct|WBC|RBC|platelets?|potassium|sodium|ALT|AST|PSA|INR|BUN|vitamin\s+D|ferritin|troponin|BNP|CRP|viral\s+load|CD4)\b(?:\s*[:=]\s*|\s+(?:(?:level|count|result|value|came\s+back|returned|was|is|of|at)\s+){0,4}(?:[:=]\s*)?)(?<v>\d+(?:\.\d+)?)\s*(?:mg/dL|mmol/L|%|g/dL|mIU/L|uIU/mL|µIU/mL|K/uL|x\s?10\^?9/L|mEq/L|U/L|IU/L|ng/mL|pg/mL|mL/min(?:/1\.73\s?m2)?|copies/mL|cells/mm3|sec)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeoutMs)]
    internal static partial Regex LabResult();

    // Vital signs of a person: "BP 150/95", "pulse 112 bpm", "SpO2 91%", "temp 101.3 F".
    [GeneratedRegex(@"\b(?:BP|blood\s+pressure)\s*(?:was\s+|is\s+|of\s+|[:=]\s*)?\d{2,3}/\d{2,3}\b|\b(?:HR|pulse|heart\s+rate)\s*(?:was\s+|is\s+|of\s+|[:=]\s*)?\d{2,3}\s*(?:bpm|/min)|\bSpO2\s*(?:was\s+|is\s+|[:=]\s*)?\d{2,3}\s*%|\b(?:temp|temperature)\s*(?:was\s+|is\s+|of\s+|[:=]\s*)?\d{2,3}(?:\.\d)?\s*°?\s*[FC]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex VitalSigns();

    // ASC X12 interchange header, and the segments that name a subscriber/patient or give a birth date.
    [GeneratedRegex(@"\bISA\*", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex X12Interchange();

    [GeneratedRegex(@"\b(?:NM1\*(?:IL|QC)\*1\*|DMG\*D8\*\d{8})", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex X12Patient();

    // Words before a lab value that make it a population statistic or a target, not a person's result.
    [GeneratedRegex(@"\b(?:mean|average|median|target|goal|typical|normal|reference|expected|aim\s+for|keep\s+(?:your|the))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex LabNonIndividual();

    // A result told to a person: "your biopsy ... came back positive", "your CT scan showed".
    [GeneratedRegex(@"\byour\s+(?:recent\s+|latest\s+)?(?:biopsy|mammogram|MRI|CT\s+scan|x-ray|ultrasound|lab\s+(?:work|results?)|test\s+results?|blood\s+(?:work|test)|pathology\s+report|screening|culture|scan)\b(?:[^.]{0,60}?|\.\s+(?:it|this|the\s+(?:report|result|scan|image|study))\s+)\b(?:showed|shows|came\s+back|was\s+(?:positive|abnormal)|were\s+(?:positive|abnormal)|indicates?|revealed|confirm(?:s|ed))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex ResultDisclosure();

    [GeneratedRegex(@"\b(?:(?i:patient(?:\s+name)?|pt(?:\s+name)?|resident|client\s+name|paciente|nombre\s+del\s+paciente)\s*[:\-]|(?i:re\s*:\s*(?:patient|pt\.?)))\s*(?:(?i:mr|mrs|ms|miss)\.?\s+)?(?:[A-Z][a-z'-]+,?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'-]+|[A-Z][A-Z'-]+,\s*[A-Z][A-Za-z'-]+)", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex PatientLabel();

    // An identifier column name in a delimited header row (the row and the data row after it are
    // checked in code: the former single expression backtracked over every delimited line, 143 us on
    // 13 KB of ordinary prose).
    internal static Regex IdentifierColumn() => IdentifierColumnRegex;

    [GeneratedRegex(@"(?:^|[\r\n])MSH\|\^~\\&", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Hl7Header();

    [GeneratedRegex(@"(?:^|[\r\n])(?:PID|PV1|OBX|NK1|IN1|DG1|RXE|RXO|ORC)\|", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Hl7PatientSegment();

    [GeneratedRegex(@"""resourceType""\s*:\s*""(?:Patient|Observation|Condition|Encounter|MedicationRequest|MedicationStatement|MedicationDispense|DiagnosticReport|AllergyIntolerance|Procedure|Immunization|Claim|ClaimResponse|ExplanationOfBenefit|Coverage|CarePlan|DocumentReference|ServiceRequest|RelatedPerson)""|<(?:Patient|Observation|Condition|Encounter|MedicationRequest|DiagnosticReport|AllergyIntolerance|Procedure|Immunization|Claim|ExplanationOfBenefit|Coverage)\s+xmlns=""http://hl7\.org/fhir""", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex FhirResource();

    [GeneratedRegex(@"<ClinicalDocument\b[^>]*\bxmlns\s*=\s*""urn:hl7-org:v3""|<templateId\s+root\s*=\s*""2\.16\.840\.1\.113883\.10\.20\.22\.1\.\d+""", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex Ccda();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex HtmlScriptStyle();

    [GeneratedRegex(@"<(?:br|/p|/div|/tr|/li|/h\d|/td|/th)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex HtmlBreak();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex HtmlTag();

    // Linear time (NonBacktracking): long case-insensitive alternations the backtracking engine tried at every position.
    private static readonly Regex IdentifierColumnRegex = new(@"\b(?:dob|date[ _]of[ _]birth|birth[ _]?date|mrn|medical[ _]record(?:[ _](?:number|no))?|ssn|member[ _]?id|subscriber[ _]?id|patient[ _]?(?:id|name)|patient|member|subscriber|claimant|insured|employee[ _]name|student[ _]name|paciente|afiliado)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));
    private static readonly Regex MrnLabelledRegex = new(@"\b(?:MRN|M\.R\.N\.?|medical\s+record\s*(?:number|no\.?|\#)?|chart\s*(?:number|no\.?|\#)|patient\s+(?:id|identifier|number|no\.?|\#|acct\.?|account)|pt\s+id|expediente(?:\s+(?:n[uú]m(?:ero)?\.?|no\.?))?|historia\s+cl[ií]nica|n[uú]mero\s+de\s+paciente)\s*(?:is\s+)?[:\#]?\s*\#?\s*([A-Z]{0,3}-?\d[\dA-Z-]{3,14})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));
    private static readonly Regex MemberIdLabelledRegex = new(@"\b(?:member|subscriber|insured|beneficiary|medicaid|medicare|policy\s*holder|health\s+plan|plan\s+member)\s*(?:id|identification|number|no\.?|\#)\s*[:\#]?\s*([A-Z]{0,4}\d[A-Z0-9-]{4,16})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));
    private static readonly Regex Icd10LabelRegex = new(@"\b(?:ICD(?:-?10)?(?:-CM)?|dx|diagnos[ie]s|diag|assessment|impression|problem\s+list)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));
    private static readonly Regex CptLabelRegex = new(@"\b(?:CPT|HCPCS|procedure\s+codes?|proc\s+code)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(TimeoutMs));
}
