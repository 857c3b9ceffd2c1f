namespace SecureRelay.Policy.Phi;

/// <summary>Built-in term lists (extended by <c>classifier.medication_terms</c> / <c>diagnosis_terms</c>).
/// Terms are matched as whole words, case-insensitively.</summary>
internal static class MedicalTerms
{
    public static IReadOnlyList<string> Medications { get; } =
    [
        "metformin", "insulin glargine", "insulin lispro", "insulin aspart", "Lantus", "Humalog", "Novolog", "glipizide", "glyburide",
        "sitagliptin", "Januvia", "empagliflozin", "Jardiance", "semaglutide", "Ozempic", "liraglutide", "lisinopril", "losartan",
        "amlodipine", "hydrochlorothiazide", "metoprolol", "carvedilol", "atorvastatin", "rosuvastatin", "simvastatin", "warfarin",
        "apixaban", "Eliquis", "rivaroxaban", "Xarelto", "clopidogrel", "levothyroxine", "Synthroid", "sertraline", "fluoxetine",
        "escitalopram", "citalopram", "bupropion", "venlafaxine", "duloxetine", "trazodone", "quetiapine", "aripiprazole",
        "risperidone", "olanzapine", "lithium carbonate", "lamotrigine", "levetiracetam", "gabapentin", "pregabalin", "oxycodone",
        "hydrocodone", "morphine sulfate", "fentanyl", "buprenorphine", "Suboxone", "methadone", "naltrexone", "tramadol",
        "alprazolam", "lorazepam", "clonazepam", "diazepam", "zolpidem", "adalimumab", "Humira", "etanercept", "methotrexate",
        "prednisone", "albuterol", "fluticasone", "montelukast", "omeprazole", "pantoprazole", "tamoxifen", "letrozole",
        "anastrozole", "cisplatin", "carboplatin", "paclitaxel", "pembrolizumab", "Keytruda", "biktarvy", "Truvada", "emtricitabine",
        "tenofovir", "dolutegravir", "sofosbuvir", "Epclusa", "amoxicillin", "azithromycin", "doxycycline", "ciprofloxacin",
        "nitrofurantoin", "valacyclovir", "furosemide", "spironolactone", "enoxaparin", "heparin", "epoetin", "donepezil",
        "memantine", "Adderall", "methylphenidate", "lisdexamfetamine", "estradiol", "medroxyprogesterone", "testosterone cypionate",
    ];

    public static IReadOnlyList<string> Diagnoses { get; } =
    [
        "type 2 diabetes", "type 1 diabetes", "diabetes mellitus", "diabetic ketoacidosis", "hypertension", "hyperlipidemia",
        "coronary artery disease", "congestive heart failure", "heart failure", "atrial fibrillation", "myocardial infarction",
        "COPD", "chronic obstructive pulmonary disease", "asthma exacerbation", "pneumonia", "sepsis", "chronic kidney disease",
        "end-stage renal disease", "cirrhosis", "hepatitis C", "hepatitis B", "HIV", "AIDS", "tuberculosis", "syphilis",
        "chlamydia", "gonorrhea", "major depressive disorder", "depression", "bipolar disorder", "schizophrenia",
        "generalized anxiety disorder", "PTSD", "post-traumatic stress disorder", "opioid use disorder", "alcohol use disorder",
        "substance use disorder", "anorexia nervosa", "dementia", "Alzheimer's disease", "Parkinson's disease", "multiple sclerosis",
        "epilepsy", "seizure disorder", "stroke", "breast cancer", "prostate cancer", "lung cancer", "colon cancer", "melanoma",
        "lymphoma", "leukemia", "carcinoma", "metastatic", "malignant neoplasm", "hypothyroidism", "hyperthyroidism",
        "rheumatoid arthritis", "lupus", "Crohn's disease", "ulcerative colitis", "osteoporosis", "osteoarthritis", "obesity",
        "sleep apnea", "pregnancy", "gestational diabetes", "preeclampsia", "miscarriage", "infertility", "fracture of",
        "concussion", "autism spectrum disorder", "ADHD", "suicidal ideation", "anemia", "sickle cell",
    ];
}
