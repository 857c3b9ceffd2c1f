namespace SecureRelay.Policy.Phi;

/// <summary>Clinical words that are also everyday English or Spanish ("biopsy", "asthma", "surgery",
/// "embarazo"). The medical word list (Hunspell en-med) holds them too, but no word list can tell them from
/// "daughter" or "order", which it also holds; so these few hundred are named here, and the lexicon
/// supplies the technical vocabulary ("sertraline", "cholecystectomy") that is not everyday language.</summary>
internal static class ClinicalVocabulary
{
    /// <summary>Procedures, tests, conditions, treatments and specialties, lower case, one or two words.</summary>
    public static IReadOnlyList<string> Terms { get; } =
    [
        // procedures and tests
        "colonoscopy", "endoscopy", "biopsy", "mammogram", "mammography", "ultrasound", "sonogram", "x-ray", "xray", "mri", "ct scan",
        "pet scan", "pet ct", "ct angiogram", "dexa scan", "bone density", "lung screening", "cancer screening", "low-dose ct", "ct chest", "ekg", "ecg", "echocardiogram", "stress test", "bloodwork", "blood work", "blood test", "urinalysis", "pap smear",
        "pap test", "vaccination", "vaccine", "immunization", "flu shot", "booster", "injection", "infusion", "transfusion", "dialysis",
        "chemotherapy", "chemo", "radiation therapy", "surgery", "operation", "amputation", "appendectomy", "tonsillectomy",
        "hysterectomy", "mastectomy", "lumpectomy", "cesarean", "c-section", "transplant", "stent", "bypass", "angioplasty",
        "catheterization", "implant", "crown", "filling", "root canal", "extraction", "dentures", "braces", "physical therapy",
        "occupational therapy", "speech therapy", "counseling", "counselling", "psychotherapy", "therapy session", "rehab",
        "rehabilitation", "detox", "prenatal", "postpartum", "colposcopy", "cystoscopy", "arthroscopy", "laparoscopy",
        "knee replacement", "hip replacement", "spinal fusion", "shoulder replacement", "acl reconstruction", "reconstruction", "fusion", "release", "sleep study", "cpap", "physical exam",
        "well-child", "checkup", "check-up", "screening", "drug screen", "drug test", "tb test", "skin test", "ppd", "titer",
        "lab work", "labs", "pathology", "cultures", "strep test", "covid test", "pcr", "swab", "inhaler", "nebulizer", "epipen",
        "insulin", "antibiotic", "antibiotics", "antidepressant", "steroid", "steroids", "painkiller", "opioid", "prescription",
        "medication", "dosage", "pills", "meds", "stitches", "sutures", "cast", "splint", "crutches", "walking boot", "wheelchair",
        // conditions
        "asthma", "diabetes", "diabetic", "prediabetes", "cancer", "tumor", "tumour", "leukemia", "lymphoma", "melanoma", "stroke",
        "seizure", "seizures", "epilepsy", "migraine", "migraines", "concussion", "fracture", "fractured", "sprain", "sprained",
        "torn", "arthritis", "hypertension", "high blood pressure", "depression", "depressive", "anxiety", "panic attacks", "adhd",
        "autism", "dementia", "alzheimer's", "pneumonia", "bronchitis", "influenza", "covid", "covid-19", "strep", "strep throat",
        "infection", "uti", "std", "sti", "hiv", "hepatitis", "pregnancy", "pregnant", "miscarriage", "infertility", "ivf", "obesity",
        "allergy", "allergies", "allergic", "anaphylaxis", "eczema", "psoriasis", "ulcer", "hernia", "gallstones", "kidney stones",
        "cataract", "cataracts", "glaucoma", "anemia", "lupus", "cirrhosis", "copd", "emphysema", "sleep apnea", "apnea", "insomnia",
        "bipolar", "schizophrenia", "ptsd", "ocd", "eating disorder", "anorexia", "bulimia", "addiction", "alcoholism",
        "substance use", "overdose", "injury", "injuries", "wound", "laceration", "rash", "fever", "lice", "pinkeye",
        "conjunctivitis", "ear infection", "tonsillitis", "mononucleosis", "chickenpox", "measles", "shingles", "tuberculosis",
        "scoliosis", "cavity", "cavities", "gingivitis", "periodontal", "periodontitis", "diagnosis", "diagnosed", "symptoms",
        "suicidal", "self-harm", "heart attack", "heart failure", "atrial fibrillation", "afib", "cardiac", "arrhythmia",
        "dvt", "blood clot", "thyroid", "hypothyroidism", "osteoporosis", "carpal tunnel", "tendonitis", "herniated", "disc",
        "whiplash", "back pain", "chronic pain", "neuropathy", "sickle cell", "cystic fibrosis", "multiple sclerosis",
        "parkinson's", "crohn's", "colitis", "celiac", "ibs", "gerd", "reflux", "kidney disease", "ckd", "hiv-positive",
        "pain", "numbness", "tingling", "swelling", "dizziness", "nausea", "headache", "headaches", "bleeding", "office visit",
        "positive", "malignant", "benign", "metastatic", "stage", "remission", "relapse", "hospice", "palliative",
        // specialties and settings
        "cardiology", "oncology", "dermatology", "neurology", "psychiatry", "psychiatric", "psychology", "orthopedics",
        "orthopaedics", "orthopedic", "obstetrics", "gynecology", "ob-gyn", "obgyn", "urology", "gastroenterology", "endocrinology",
        "pulmonology", "rheumatology", "nephrology", "hematology", "pediatrics", "behavioral health", "mental health", "dental",
        "orthodontics", "podiatry", "ophthalmology", "optometry", "audiology", "urgent care", "emergency room", "er visit",
        "icu", "inpatient", "outpatient", "discharge", "discharged", "admitted", "hospitalized", "hospitalization", "telehealth",
        // Spanish
        "diabetes", "cáncer", "asma", "embarazo", "embarazada", "presión alta", "hipertensión", "depresión", "ansiedad", "biopsia",
        "mamografía", "colonoscopía", "colonoscopia", "cirugía", "análisis de sangre", "radiografía", "ecografía", "ultrasonido",
        "quimioterapia", "diálisis", "vacuna", "vacunación", "infección", "gripe", "receta", "medicamento", "medicamentos",
        "insulina", "diagnóstico", "glucosa", "colesterol", "prenatal", "patología", "tumor", "fractura", "lesión", "alergia",
        "convulsiones", "migraña", "alzheimer", "demencia", "dosis", "lumbar strain", "artritis", "neumonía", "terapia", "consulta médica", "urgencias", "hospitalizado",
        "hospitalizada", "tratamiento", "síntomas", "glucómetro", "urología", "cardiología", "oncología", "pediatría",
        "ginecología", "obstetricia", "psiquiatría", "psicología", "ortopedia", "dermatología", "neurología", "endocrinología",
    ];
}
