using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Expressions of the WHO × WHAT detectors: names found by context, personal framing, care
/// events, lab values in ordinary phrasing, and counter-evidence. English and Spanish. Source generated,
/// each with a match timeout; none has nested quantifiers.</summary>
internal static partial class EvidencePatterns
{
    private const int TimeoutMs = Patterns.TimeoutMs;

    // Linear-time (NonBacktracking) expressions: these have many alternatives or start at every capital
    // letter, which the backtracking engine tried position by position (milliseconds per 10 KB).
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMs);

    private static Regex NewLarge(string pattern, RegexOptions options)
    {
        // The documented .NET switch for NonBacktracking's automaton bound; read when a regex is built.
        AppContext.SetData("REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE", 200_000);
        return new Regex(pattern, options, Timeout);
    }

    private static readonly Regex LabKeywordRegex = new(
        @"\b(?:free\s+T4|vitamin\s+D|Hb\s?A1c|A1c|glucose|blood\s+sugar|LDL|HDL|cholesterol|triglycerides|creatinine|eGFR|GFR|TSH|T4|hemoglobin|hgb|hematocrit|hct|WBC|RBC|platelets?|potassium|sodium|calcium|chloride|ALT|AST|PSA|INR|BUN|vitamin|B12|ferritin|troponin|BNP|CRP|ESR|viral\s+load|CD4|bilirubin|albumin|lipase|amylase|magnesium|phosphorus|uric\s+acid|cortisol|hCG|blood\s+pressure|BP|pulse|heart\s+rate|SpO2|oxygen\s+saturation|O2\s+sat|temp(?:erature)?|BMI|peak\s+flow|FEV1|glucosa|colesterol|hemoglobina|presi[oó]n\s+arterial|triglic[eé]ridos|az[uú]car|HbA1c|viral)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);

    // A capitalised name token: "Rosa", "O'Neil", "Nguyen-Tran", "Gómez".
    private const string NameToken = @"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}";

    /// <summary>A greeting at the start of a line (quoted replies included), then an optional honorific and a name.</summary>
    internal static Regex Greeting() => GreetingRegex;

    /// <summary>A name opening a line and addressing its reader: "Renata, your order is ready".</summary>
    internal static Regex BareGreeting() => BareGreetingRegex;

    /// <summary>A full name inside a sentence (not alone on a signature line): "Dawn Moreau is on leave",
    /// "status for Anjali Yamamoto:", "Luis Washington (Acct ...)".</summary>
    internal static Regex FullName() => FullNameRegex;

    /// <summary>A clinician's credential after a name: "Nadia Bauer, RN".</summary>
    internal static Regex Credential() => CredentialRegex();

    /// <summary>An honorific and a name anywhere: "Mr. Okafor", "Sra. Gómez" (case-sensitive: "MS" is a disease).</summary>
    internal static Regex Honorific() => HonorificRegex;

    /// <summary>A role label and what follows it: "Member: Ana Ruiz", "Employee name - Tom Berg", "Paciente: ...".</summary>
    internal static Regex RoleLabel() => RoleLabelRegex;

    /// <summary>A "Last, First" table cell (pipe, tab, semicolon or CSV delimited; quotes allowed).</summary>
    internal static Regex LastFirstCell() => LastFirstCellRegex;

    /// <summary>A table row whose first cells are "First | Last" or "First Last |" (HTML tables become pipes).</summary>
    internal static Regex NameCell() => NameCellRegex;

    /// <summary>A relation naming someone: "parent/guardian of Jayden", "your daughter Mia", "su hijo Mateo".</summary>
    internal static Regex Relation() => RelationRegex;

    /// <summary>A name as the subject of a sentence about them: "Marcus has missed", "Priya will be out".</summary>
    internal static Regex ProseName() => ProseNameRegex;

    /// <summary>A medication with a dose: "sertralina 100 mg", "Ozempic (semaglutide) 1 mg", "warfarin 7.5 mg".
    /// Not a lab unit (mg/dL).</summary>
    internal static Regex MedicationDose() => MedicationDoseRegex();

    /// <summary>An all-capitals name ahead of a colon or comma, as appointment texts and lists write them: "VIKRAM BOATENG: appt".</summary>
    internal static Regex CapitalName() => CapitalNameRegex;

    /// <summary>A full name at the end of a line after "for", "of", "regarding": "Post-operative instructions for Ludmila Fleming".</summary>
    internal static Regex NameAtLineEnd() => NameAtLineEndRegex;

    /// <summary>What follows a name when the sentence is about the person's care.</summary>
    internal static Regex CareVerb() => CareVerbRegex();

    /// <summary>A title just before a name (checked on the few characters ahead of a match): a clinician's,
    /// or a greeting's.</summary>
    [GeneratedRegex(@"\b(?:Dr|Dra|Doctor|Nurse|Prof|Coach|Dear|Hi|Hello)\.?[ \t]$", RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex TitleBefore();

    /// <summary>The names of the tests and measurements <see cref="LabValue"/> and <see cref="Patterns.LabResult"/>
    /// start with: a cheap linear search that decides whether they need to run at all.</summary>
    internal static Regex LabKeyword() => LabKeywordRegex;

    /// <summary>A street address line.</summary>
    internal static Regex StreetAddress() => StreetAddressRegex();

    /// <summary>A North American phone number.</summary>
    internal static Regex Phone() => PhoneRegex();

    /// <summary>Health information framed as someone's: "your results", "her surgery", "sus resultados".</summary>
    internal static Regex PersonalFraming() => PersonalFramingRegex();

    /// <summary>A fact about someone's care: a result, a visit, a pick-up, a scheduled procedure, leave for
    /// an operation, a bill for a service. English and Spanish.</summary>
    internal static Regex CareEvent() => CareEventRegex;

    /// <summary>A named test or measurement followed closely by a value: "A1c from 3/14 was 8.5%", "LDL 162
    /// mg/dL (ref &lt;100) H", "Glucose: 212". The value is not part of a date or a longer number.</summary>
    [GeneratedRegex(@"\b(?:Hb\s?A1c|A1c|glucose|blood\s+sugar|LDL|HDL|cholesterol|triglycerides|creatinine|eGFR|GFR|TSH|free\s+T4|T4|hemoglobin|hgb|hematocrit|hct|WBC|RBC|platelets?|potassium|sodium|calcium|chloride|ALT|AST|PSA|INR|BUN|vitamin\s+[BD]\d{0,2}|B12|ferritin|troponin|BNP|CRP|ESR|viral\s+load|CD4|bilirubin|albumin|lipase|amylase|magnesium|phosphorus|uric\s+acid|cortisol|hCG|blood\s+pressure|BP|pulse|heart\s+rate|SpO2|oxygen\s+saturation|O2\s+sat|temp(?:erature)?|BMI|peak\s+flow|FEV1|glucosa|colesterol|hemoglobina|presi[oó]n\s+arterial|triglic[eé]ridos|az[uú]car\s+en\s+(?:la\s+)?sangre)\b[^\n.;]{0,40}?(?<![\d/.,:<>≤≥-]|[<>≤≥]\s|(?:under|over|below|above)\s)(?<v>\d{1,3}(?:\.\d{1,2})?)(?![\d/]|[.,]\d|-\d|:\d|\s*(?:/\s*(?:cs|bx|box|case|pk|pack|ea)|x\d|\s*(?:count|ct|pack|per)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    internal static partial Regex LabValue();

    /// <summary>A prescription number after its label: "Rx #: 4831-5189261", "Rx RX92218953".</summary>
    internal static Regex RxNumber() => RxNumberRegex();

    /// <summary>A clinical field of a record or form, with content: "Dx: s/p ACL reconstruction",
    /// "Interpretation: NEGATIVE", "Nature of injury: crush injury", "Motivo de consulta: ...".</summary>
    internal static Regex ClinicalField() => ClinicalFieldRegex();

    /// <summary>Bulk mail: unsubscribe links, browser views, subscription wording.</summary>
    internal static Regex BulkMail() => BulkMailRegex();

    /// <summary>Population wording: statistics about groups, not a person.</summary>
    internal static Regex Population() => PopulationRegex;

    /// <summary>Business-to-business paperwork: purchase orders, SKUs, quantities.</summary>
    internal static Regex Commercial() => CommercialRegex();

    /// <summary>Job postings, continuing education, events.</summary>
    internal static Regex Event() => EventRegex();

    /// <summary>Product recalls and safety communications.</summary>
    internal static Regex Recall() => RecallRegex();

    /// <summary>Stated de-identification or aggregation.</summary>
    internal static Regex Deidentified() => DeidentifiedRegex();

    /// <summary>Automatic replies.</summary>
    internal static Regex OutOfOffice() => OutOfOfficeRegex();

    /// <summary>Advertising and recruitment wording.</summary>
    internal static Regex Advertising() => AdvertisingRegex;

    private static readonly Regex GreetingRegex = new(@"(?m)^[ \t>]*(?:Dear|Hi|Hiya|Hello|Hey|Good\s+(?:morning|afternoon|evening)|Greetings|Attn:?|Attention:?|Estimad[oa]s?|Querid[oa]s?|Hola|Buen[oa]s\s+(?:d[ií]as|tardes))[ \t,]+(?:(?<hon>Mr|Mrs|Ms|Miss|Mx|Mister|Sr|Sra|Srta|Dr|Dra|Doctor|Prof|Rev|Don|Doña)\.?[ \t]+)?(?<name>" + NameToken + @")(?:[ \t]+(?<last>" + NameToken + "))?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex BareGreetingRegex = new(@"(?m)(?:^[ \t>]*|[:–-][ \t]+)(?<name>" + NameToken + @"),[ \t]+(?:your|you|we|this|thank|thanks|here|just|please|tu|su|le|gracias)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex FullNameRegex = new(@"\b(?<first>\p{Lu}\p{Ll}[\p{Ll}'’-]*)[ \t](?:\p{Lu}\.[ \t])?(?<last>\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L})(?<after>[ \t]*[(,:;]|[ \t]+\p{Ll}|'s|’s)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    [GeneratedRegex(@"^,?[ \t]*(?:MD|M\.D\.|DO|RN|BSN|NP|PA|PA-C|PT|DPT|OT|OTR|DDS|DMD|LCSW|LMFT|LPC|PhD|PsyD|MSW|OD|CNM|FNP|APRN|PharmD|RPh|CMA|LPN|MA|CRNA|DC|DNP|MPH)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CredentialRegex();

    private static readonly Regex HonorificRegex = new(@"\b(?<hon>Mr|Mrs|Ms|Mx|Sra|Srta|Sr)\.?[ \t]+(?<name>" + NameToken + ")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex RoleLabelRegex = new(@"(?i:\b(?:patient(?:'s)?(?:\s+(?:full\s+)?name)?|pt(?:\.|\s+name)?|member(?:\s+name)?|subscriber(?:\s+name)?|insured(?:\s+name)?|policy\s*holder|beneficiary|claimant|employee(?:\s+name)?|student(?:\s+name)?|child(?:'s)?\s+name|resident(?:\s+name)?|client(?:\s+name)?|name|full\s+name|patient\s*/\s*member|dependent(?:\s+name)?|enrollee|participant|guarantor|responsible\s+party|worker|injured\s+worker|attendee|pt|donor|athlete|player|camper|child|individual|afiliad[oa]|titular|paciente|nombre(?:\s+(?:del\s+paciente|completo))?|asegurad[oa]|beneficiari[oa]|emplead[oa]|estudiante|alumn[oa]))[ \t]*[:#–-][ \t]*(?:(?<hon>Mr|Mrs|Ms|Mx|Sr|Sra|Srta)\.?[ \t]+)?(?:(?<last>" + NameToken + @"),[ \t]*(?<first>" + NameToken + ")|(?<first>" + NameToken + @")(?:[ \t]+(?:\p{Lu}\.?[ \t]+)?(?<last>" + NameToken + "))?)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex LastFirstCellRegex = new(@"(?m)(?:^[ \t>]*|[|\t;,]|[ \t]{2,})[ \t]*""?(?<last>" + NameToken + @"),[ \t]*(?<first>" + NameToken + @")(?:[ \t]+\p{Lu}\.?)?""?(?:[ \t]*[|\t;,]|[ \t]{2,}|[ \t]*$)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex NameCellRegex = new(@"(?m)^[ \t]*\|?[ \t]*(?<first>" + NameToken + @")[ \t]+(?<last>" + NameToken + @")[ \t]*[|\t][^|\t\n]*[|\t]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex RelationRegex = new(@"\b(?i:(?:parent|guardian|parent\s*/\s*guardian|mother|father|mom|dad)\s+(?:or\s+guardian\s+)?of|(?:del|de\s+la|al|a\s+la)\s+(?:abuel[oa]|pap[aá]|mam[aá]|padre|madre|herman[oa]|t[ií][oa]|hij[oa]|espos[oa]|señora|señor)|(?:your|his|her|their|my|our|su|mi|tu|nuestr[oa])\s+(?:son|daughter|child|student|teen|grandson|granddaughter|husband|wife|spouse|partner|dependent|mom|mother|dad|father|brother|sister|grandmother|grandfather|grandma|grandpa|aunt|uncle|hij[oa]|niñ[oa]|espos[oa]|pap[aá]|padre|mam[aá]|madre|herman[oa]|abuel[oa]|t[ií][oa]))[ \t,]+(?<name>" + NameToken + ")", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex ProseNameRegex = new(@"\b(?<name>\p{Lu}\p{Ll}[\p{L}'’-]*)(?:\s+(?<last>\p{Lu}\p{Ll}[\p{L}'’-]*)|\s\p{Lu}\.)?(?:'s|’s)?\s+(?<verb>has|had|was|is|will|missed|tested|needs|came|went|reported|presented|complained|started|received|underwent|continues|did|does|should|may|might|must|seems|appears|remains|returned|developed|experienced|suffered|fell|broke|injured|sprained|tore|began|stopped|takes|took|uses|used|can't|cannot|won't|isn't|wasn't|ha|fue|está|estuvo|tiene|tuvo|presenta|presentó|necesita|sufrió|requiere)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    [GeneratedRegex(@"\b\p{L}[\p{L}-]{3,}(?:\s+\([\p{L}-]+\))?\s+\d+(?:\.\d+)?\s?(?:mg|mcg|µg|mEq|units?|IU)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex MedicationDoseRegex();

    private static readonly Regex CapitalNameRegex = new(@"(?m)(?:^|[|\t]|\s{2,})[ \t>]*(?<first>\p{Lu}{2,})[ \t]+(?<last>\p{Lu}{2,}(?:-\p{Lu}{2,})?)[ \t]*[:,(]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    private static readonly Regex NameAtLineEndRegex = new(@"(?m)\b(?:for|of|regarding|about|patient|para|de)[ \t]+(?<first>\p{Lu}\p{Ll}[\p{L}'’-]*)[ \t](?:\p{Lu}\.[ \t])?(?<last>\p{Lu}[\p{Ll}'’-]*\p{L})[ \t]*\r?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
    [GeneratedRegex(@"^(?:has|had|was|is|were)?\s*(?:been\s+|not\s+)?(?:missed|tested|seen|diagnosed|admitted|discharged|hospitali[sz]ed|treated|underwent|reported|presented|complained|prescribed|referred|injured|recovering|scheduled\s+for|having\s+(?:a\s+|an\s+)?surgery)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CareVerbRegex();

    [GeneratedRegex(@"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}.'-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Ter|Terrace|Pkwy|Parkway|Cir|Circle|Hwy|Highway)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex StreetAddressRegex();

    [GeneratedRegex(@"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"\b(?:your|his|her|their|my|su|sus)\s+(?:[\p{L}-]+\s+){0,2}?(?:appointments?|visits?|sessions?|exams?|imaging|results?|tests?|labs?|lab\s+work|bloodwork|biopsy|scan|x-rays?|MRI|mammogram|prescriptions?|medications?|meds|refills?|surgery|procedure|operation|diagnosis|treatment|therapy|condition|symptoms|claims?|bills?|statement|care|recovery|pregnancy|vaccinations?|vaccines?|immunizations?|screening|dose|dosage|infusion|chemo(?:therapy)?|injury|illness|allergy|allergies|health\s+record|medical\s+record|chart|cita|citas|resultados?|receta|recetas|medicamentos?|cirugía|tratamiento|diagnóstico|embarazo|consulta|examen|análisis|prueba|pruebas|vacuna)\b|\byou\s+(?:were|have\s+been|are\s+being|are)\s+(?:seen|diagnosed|treated|prescribed|admitted|discharged|referred|tested|screened|scheduled|due\s+for|approved\s+for|enrolled)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PersonalFramingRegex();

    // One linear pass for all of them: the automaton is larger than the default bound (10,000 nodes),
    // which is raised for this process (the DFA is built lazily, state by state, as text needs it).
    private static readonly Regex CareEventRegex = NewLarge(
        @"\b(?:prescriptions?|rx|refills?|medications?)\b[^.\n]{0,80}\bready\b|\bready\s+for\s+pick\s*-?\s*up\b[^.\n]{0,60}\b(?:prescription|rx|pharmacy|refill)" +
        @"|\b(?:results?|biopsy|scan|tests?|labs?|lab\s+work|bloodwork|culture|screening|pathology|mammogram|x-ray|MRI|CT|ultrasound|pap|swab|panel)\b[^.\n]{0,60}?\b(?:came\s+back|returned|(?:is|was|are|were|showed?|shows|indicated?|revealed)\s+(?:normal|abnormal|positive|negative|benign|malignant|elevated|low|high|clear|inconclusive|within\s+normal|consistent\s+with|a\s|an\s|signs?\s+of|no\s+signs?))" +
        @"|\b(?:tested|screened|came\s+back)\s+(?:positive|negative)\b|\bdiagnosed\s+(?:with|a|an|as|her|him|them)\b|\b(?:is|are|was)\s+having\s+(?:a\s+|an\s+|her\s+|his\s+)?(?:[\w-]+\s+){0,2}?(?:surgery|procedure|operation|fusion|replacement|biopsy|colonoscopy|treatment|chemo\w*|infusion|transplant)\b|\b(?:is|was|were|been|being)\s+(?:seen|treated|admitted|discharged|hospitali[sz]ed|evaluated|examined|referred|prescribed|diagnosed|vaccinated|immunized|sent\s+home|picked\s+up\s+early)\b" +
        @"|\bmissed\s+(?:\w+\s+){0,2}(?:sessions?|appointments?|visits?|doses?|therapy|treatments?|infusions?)\b|\bno[- ]show\b" +
        @"|\b(?:scheduled|booked|confirmed|set\s+up|referred)\s+(?:for|with|to)\s+(?:\w+\s+){0,3}?(?:surgery|procedure|colonoscopy|endoscopy|mammogram|biopsy|MRI|CT|ultrasound|infusion|chemotherapy|dialysis|therapy|session|appointment|visit|consultation|follow-?up|cleaning|extraction|root\s+canal|vaccination|physical|evaluation|assessment|screening|counsel+ing|specialist|cardiolog\w*|oncolog\w*|dermatolog\w*|neurolog\w*|psychiatr\w*|orthop\w*|urolog\w*)" +
        @"|\byour\s+(?:[\w-]+\s+){0,3}?(?:appointment|visit|session|consultation|procedure|surgery|exam|cleaning|follow-?up|check-?up|physical)\s+(?:is|has\s+been|was)\s+(?:confirmed|scheduled|booked|set|rescheduled|moved|cancel+ed|coming\s+up|tomorrow|on|at)" +
        @"|\b(?:appointment|visit|session)\b[^.\n]{0,80}\b(?:cardiolog|oncolog|dermatolog|neurolog|psychiatr|psycholog|counsel+|therap|orthop|obstetric|gyn|urolog|gastro|endocrin|pulmon|rheumat|nephrolog|hematolog|infectious|behavioral\s+health|mental\s+health|dental|dentist|orthodont|podiatr|ophthalm|optometr|audiolog|surgeon|surgery|colonoscopy|mammogram|prenatal|fertility|dialysis|infusion|chemo|radiation|sleep\s+study|allerg|physical\s+therapy|pediatric|wound|vaccin|immuniz)" +
        @"|\b(?:after|following|recovering\s+from|due\s+to|because\s+of|for)\s+(?:his|her|their|a|an|my|your)\s+(?:[\w-]+\s+){0,2}?(?:surgery|replacement|procedure|operation|treatment|diagnosis|injury|illness|condition|chemotherapy|delivery|pregnancy|concussion|fracture|stroke|heart\s+attack|hospitali[sz]ation|rehab\w*|transplant|biopsy|flare|seizure|migraine|asthma)" +
        @"|\b(?:medical|FMLA|sick|disability|maternity|paternity)\s+leave\b|\breturn[\s-]to[\s-]work\s+(?:restrictions?|note|clearance)|\bwork\s+restrictions?\b|\bworkers'?\s+comp(?:ensation)?\s+claim\b" +
        @"|\bthank(?:s|\s+you)\s+for\s+(?:visiting|your\s+visit|coming\s+in|choosing)\b[^.\n]{0,60}\b(?:dental|clinic|medical|health|hospital|therapy|care|dentistry|orthodontics|pediatrics|practice|physicians|urgent)" +
        @"|\b(?:treatment|care)\s+plan\s+(?:for|reviewed|we\s+discussed|recommended)|\b(?:at|during)\s+your\s+(?:last\s+|recent\s+)?(?:visit|appointment|cleaning|exam|check-?up|session)\b" +
        @"|\b(?:account|balance|bill|statement|services?|charges?)\s+(?:with|at|from)\s+[^.\n]{0,40}\b(?:hospital|clinic|medical|health|orthop\w*|dental|dentistry|pediatrics|radiology|imaging|laborator\w+|urgent\s+care|physicians|surg\w+|cardiology|oncology|dermatology|therapy|anesthesia)" +
        @"|\byou\s+were\s+(?:recently\s+)?(?:a\s+)?(?:patient|seen|treated|admitted)\b|\b(?:care|treatment|services)\s+you\s+received\b|\b(?:note|letter|work\s+status(?:\s+note)?)\s+from\s+your\s+(?:physician|doctor|provider|surgeon|therapist)" +
        @"|\byour\s+(?:recent\s+)?(?:visit|stay|admission|procedure|surgery|treatment)\s+(?:on|at|with|to|in|dated|about)\b|\byour\s+(?:[\w-]+\s+){0,2}?(?:appointment|appt|follow-?up|exam|consultation|session)\s+with\s+(?:Dr\.?|Doctor|Dra\.?)\s|\btooth\s*#\s?\d{1,2}\b|\bteeth\s*#\s?\d" +
        @"|\b(?:appt|appointment)\s+(?:at|with)\s+[^.\n]{0,60}\b(?:allerg|cardio|onco|derma|neuro|psych|ortho|uro|gastro|endo|pulm|rheum|nephro|hemat|pediatr|ob|gyn|dental|eye|ent|imaging|radiolog|mammo|infusion|dialysis|wound|sleep)\w*|\btreatment\s+of\s+(?:your|his|her|their|the\s+patient's)\b" +
        @"|\b(?:date\s+of\s+service|amount\s+billed|patient\s+responsibility|allowed\s+amount|you\s+may\s+owe|explanation\s+of\s+benefits|claim\s+(?:number|#|no\.?)|prior\s+authori[sz]ation\s+(?:was|has\s+been|is)\s+(?:approved|denied))" +
        @"|\b(?:su\s+cita|sus\s+resultados|su\s+receta|resultados\s+de\s+(?:laboratorio|su|sus|la)|fue\s+(?:diagnosticad[oa]|atendid[oa]|hospitalizad[oa]|operad[oa])|di[oó]\s+positivo|sali[oó]\s+(?:positivo|negativo|benign[oa]|normal)|est[aá]\s+list[oa]\s+para\s+recoger|embarazada|su\s+tratamiento|su\s+medicamento|fecha\s+de\s+servicio)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    [GeneratedRegex(@"\b(?:Rx|Rx\s*(?:#|number|no\.?)|prescription\s*(?:#|number|no\.?)|receta\s*(?:#|n[uú]m(?:ero)?\.?))\s*:?\s*(?:RX)?[A-Z]{0,3}-?\d[\d-]{5,14}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RxNumberRegex();

    [GeneratedRegex(@"(?m)(?:^|[|\t]|\s{2,})[ \t>*]*(?i:dx|diagnos[ie]s|assessment|impression|interpretation|findings?|result|results|test\s+result|chief\s+complaint|reason\s+for\s+(?:visit|referral|leave|absence)|nature\s+of\s+(?:injury|illness)|body\s+part(?:\s+injured)?|injury|procedure|procedures?\s+performed|treatment\s+plan|plan\s+of\s+care|medications?|allergies|history\s+of\s+present\s+illness|HPI|restrictions|work\s+restrictions|condition|diagn[oó]stico|motivo\s+de\s+(?:consulta|la\s+visita)|resultado|tratamiento|alergias)[ \t]*:[ \t]*[\p{L}\d]", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ClinicalFieldRegex();

    [GeneratedRegex(@"\bunsubscribe\b|\bview\s+(?:this\s+(?:email|message)\s+)?(?:in|on)\s+(?:your\s+|a\s+)?(?:web\s+)?browser|\bmanage\s+(?:your\s+)?(?:email\s+)?(?:preferences|subscriptions?)|\bto\s+stop\s+receiving\b|\bopt[\s-]out\b|\bdarse\s+de\s+baja\b|\brecib(?:es|e)\s+este\s+correo\b|\bpara\s+no\s+recibir\s+m[aá]s\b|\bcancelar\s+(?:la\s+)?suscripci[oó]n\b|\bupdate\s+your\s+subscription", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BulkMailRegex();

    private static readonly Regex PopulationRegex = new(@"\b\d{1,3}(?:\.\d)?\s?%\s+of\s+(?:all\s+|our\s+)?(?:patients|adults|people|members|americans|children|women|men|residents|respondents|participants|cases|employees|seniors|hospitals|clinics)\b|\bper\s+100,?000\b|\b(?:prevalence|incidence|readmission\s+rates?|mortality\s+rates?|(?:infection|vaccination|screening|death|obesity|diabetes|cancer)\s+rates?)\b|\bstudies\s+(?:show|suggest|have\s+shown)\b|\baccording\s+to\s+(?:the\s+)?(?:CDC|WHO|NIH|FDA|AHA|ADA|CMS)\b|\bmillion\s+(?:americans|people|adults|children)\b|\b(?:la\s+)?(?:prevalencia|incidencia|tasa\s+de)\b|\bseg[uú]n\s+(?:los\s+)?(?:CDC|datos)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);

    [GeneratedRegex(@"\b(?:SKU|item\s+(?:no\.?|#|number)|unit\s+(?:price|cost)|purchase\s+order|PO\s*(?:#|number|no\.?)|PO\s?\d{4,}|net\s+30|net\s+60|remit\s+to|part\s+(?:no\.?|#|number)|case\s+pack)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CommercialRegex();

    [GeneratedRegex(@"\b(?:we\s*(?:'re|’re|\s+are)\s+hiring|job\s+(?:description|posting|opening)|apply\s+(?:now|today|online|here)|sign[\s-]on\s+bonus|competitive\s+(?:salary|pay|compensation)|years?\s+of\s+experience|full[\s-]time\s+position|part[\s-]time\s+position|open\s+position|CME|continuing\s+(?:medical\s+)?education|grand\s+rounds|webinar|register\s+(?:now|today|here|by)|CE\s+credits?|AMA\s+PRA|symposium|keynote|vacante|post[uú]late)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EventRegex();

    [GeneratedRegex(@"\b(?:recall(?:ed|s)?|lot\s+(?:numbers?|#|no\.?)|FDA\s+(?:safety|alert|announcement|communication|warning|approval|approved)|MedWatch|product\s+withdrawal|safety\s+alert|retiro\s+del\s+mercado)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RecallRegex();

    [GeneratedRegex(@"\b(?:de-?identified|aggregated?\s+(?:data|results|figures|counts)|no\s+(?:patient\s+|individual\s+)?identifiers|anonymi[sz]ed|summary\s+statistics|population[\s-]level|datos\s+agregados|anonimizad[oa]s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DeidentifiedRegex();

    [GeneratedRegex(@"\b(?:automatic\s+reply|auto[\s-]?reply|I\s+am\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|away)|I\s+will\s+be\s+(?:out\s+of\s+(?:the\s+)?office|away)|I'm\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|away)|limited\s+access\s+to\s+(?:my\s+)?e-?mail|estoy\s+fuera\s+de\s+la\s+oficina|respuesta\s+autom[aá]tica)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex OutOfOfficeRegex();

    private static readonly Regex AdvertisingRegex = new(@"\b(?:limited\s+time|special\s+offer|\d{1,2}\s?%\s+off|save\s+\$|coupons?|promo(?:tion)?\s+code|buy\s+one|free\s+shipping|shop\s+now|ask\s+your\s+doctor\s+(?:if|about)|side\s+effects\s+(?:may\s+)?include|you\s+may\s+qualify|may\s+be\s+eligible\s+for\s+(?:a|our)\s+(?:clinical\s+)?(?:study|trial)|clinical\s+(?:trial|study|research)|participants\s+(?:needed|wanted)|compensation\s+(?:for\s+(?:your\s+)?time|up\s+to)|(?:looking|seeking)\s+for\s+volunteers|research\s+study|\d+-week\s+study|take\s+(?:the|our)\s+[\w-]+\s+screener|get\s+a\s+(?:free\s+)?quote|monthly\s+premiums?|plans?\s+starting\s+at|open\s+enrollment|book\s+(?:online|now|today)|schedule\s+(?:your|an?)\s+(?:[\w-]+\s+){0,3}?today|saves?\s+lives|oferta|descuento|promoci[oó]n|estudio\s+cl[ií]nico)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);

}
