using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Each detector on its own: positives, look-alike negatives and checksum rules.</summary>
public class DetectorTests
{
    // Each detector on its own: the classifier skips WHAT detectors when nobody is identifiable.
    private static IReadOnlyList<string> Fired(string text) =>
        [.. PhiClassifier.Default.Settings.Detectors.Where(d => d.Find(text) >= 0).Select(d => d.Name)];

    [TestCase("1234567893", true)]   // the CMS example NPI
    [TestCase("1245319599", true)]
    [TestCase("1234567890", false)]
    [TestCase("3234567893", false)]  // must start with 1 or 2
    [TestCase("123456789", false)]
    public void Npi_LuhnWithPrefix(string npi, bool valid) => Assert.That(Checksums.IsValidNpi(npi), Is.EqualTo(valid));

    [TestCase("AB1234563", true)]   // 1+3+5 + 2*(2+4+6) = 33 -> 3
    [TestCase("BJ6125341", true)]   // 6+2+3 + 2*(1+5+4) = 31 -> 1
    [TestCase("AB1234564", false)]
    [TestCase("IB1234563", false)]  // I is not a registrant type
    [TestCase("AB123456", false)]
    public void Dea_Checksum(string dea, bool valid) => Assert.That(Checksums.IsValidDea(dea), Is.EqualTo(valid));

    [TestCase("1EG4-TE5-MK73", true)]  // the CMS example MBI
    [TestCase("1EG4TE5MK73", true)]
    [TestCase("0EG4TE5MK73", false)]   // first digit 1-9
    [TestCase("1SG4TE5MK73", false)]   // S is never used
    [TestCase("1EG4TE5MK7", false)]
    [TestCase("1EG4TEXMK73", false)]   // position 7 is a digit
    public void Mbi_Format(string mbi, bool valid) => Assert.That(Checksums.IsValidMbi(mbi), Is.EqualTo(valid));

    [TestCase(123, 45, 6789, true)]
    [TestCase(0, 45, 6789, false)]
    [TestCase(666, 45, 6789, false)]
    [TestCase(900, 45, 6789, false)]
    [TestCase(123, 0, 6789, false)]
    [TestCase(123, 45, 0, false)]
    public void Ssn_Ranges(int area, int group, int serial, bool valid) => Assert.That(Checksums.IsValidSsn(area, group, serial), Is.EqualTo(valid));

    [TestCase("Employee SSN 123-45-6789 on file", "ssn")]
    [TestCase("social security number: 123456789", "ssn")]
    [TestCase("MBI: 1EG4-TE5-MK73", "mbi")]
    [TestCase("Rendering provider NPI 1234567893", "npi")]
    [TestCase("Prescriber DEA: AB1234563", "dea")]
    [TestCase("MRN: 00482913", "mrn")]
    [TestCase("Medical record number 7731002", "mrn")]
    [TestCase("Subscriber ID: XWZ123456789", "member_id")]
    [TestCase("DOB 04/12/1961", "dob")]
    [TestCase("Date of birth: March 3, 1950", "dob")]
    [TestCase("born 1961-04-12 in Ohio", "dob")]
    [TestCase("Admission date: 02/01/2025", "encounter_date")]
    [TestCase("dx E11.9", "icd10")]
    [TestCase("Problem list: I10, E78.5, N18.3 reviewed", "icd10")]
    [TestCase("codes J45.901 and F41.1 and M17.11", "icd10")]
    [TestCase("CPT 99214 billed", "cpt")]
    [TestCase("NDC 0002-8215-01 dispensed", "ndc")]
    [TestCase("started metformin last week", "medication")]
    [TestCase("history of atrial fibrillation", "diagnosis")]
    [TestCase("HbA1c: 8.2 %", "lab_result")]
    [TestCase("potassium came back at 5.9 mEq/L", "lab_result")]
    [TestCase("Patient: Jane Roe", "patient_name")]
    [TestCase("Re: patient John Smith", "patient_name")]
    [TestCase("Your biopsy from May came back positive", "result_disclosure")]
    [TestCase("MSH|^~\\&|EPIC|A|B|C|202501010000||ADT^A01|1|P|2.5\rPID|1||123^^^A^MR||Roe^Jane", "hl7v2")]
    [TestCase("{\"resourceType\" : \"Observation\", \"status\": \"final\"}", "fhir")]
    [TestCase("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/></Patient>", "fhir")]
    [TestCase("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><templateId root=\"2.16.840.1.113883.10.20.22.1.1\"/>", "ccda")]
    [TestCase("name,dob,mrn\nJane Roe,1961-04-12,00482913", "phi_table")]
    [TestCase("ISA*00*          *00*~\nNM1*IL*1*ROE*JANE****MI*XWZ123456789~", "x12")]
    [TestCase("Home visit: BP 150/95, pulse 88 bpm", "vital_signs")]
    [TestCase("SpO2 91% on room air", "vital_signs")]
    [TestCase("Paciente: Maria Lopez", "patient_name")]
    [TestCase("Fecha de nacimiento: 04/12/1961", "dob")]
    [TestCase("Dr. Roe reviewed your MRI. It shows a small tear", "result_disclosure")]
    public void Fires(string text, string detector) => Assert.That(Fired(text), Does.Contain(detector));

    [TestCase("Reference 000-12-3456", "ssn")]
    [TestCase("Reference 666-12-3456", "ssn")]
    [TestCase("Ticket 912-12-3456", "ssn")]
    [TestCase("Ticket 123-00-3456", "ssn")]
    [TestCase("Call 555-123-4567 or 555 123 4567", "ssn")]
    [TestCase("ZIP 12345-6789", "ssn")]
    [TestCase("Part 1-123-45-6789-0", "ssn")]
    [TestCase("Voucher 1SG4-TE5-MK73", "mbi")]
    [TestCase("NPI 1234567890", "npi")]
    [TestCase("Call 2125551234 today", "npi")]
    [TestCase("DEA AB1234564", "dea")]
    [TestCase("Order AB1234563 shipped", "dea")]
    [TestCase("Order number: 00482913", "mrn")]
    [TestCase("Rewards member ID: 88123456", "member_id")]
    [TestCase("Loyalty club member number 55512345", "member_id")]
    [TestCase("Order date 04/12/1961", "dob")]
    [TestCase("DOB 02/30/1961", "dob")]
    [TestCase("DOB 04/12/2999", "dob")]
    [TestCase("Born on the Fourth of July", "dob")]
    [TestCase("Model E11.9 replacement filter", "icd10")]
    [TestCase("room B12 and hall C50", "icd10")]
    [TestCase("ZIP 99214", "cpt")]
    [TestCase("Part 0002-8215-01", "ndc")]
    [TestCase("keep your A1C below 7%", "lab_result")]
    [TestCase("mean LDL was 131 mg/dL in adults", "lab_result")]
    [TestCase("control level 1 target glucose 112 mg/dL", "lab_result")]
    [TestCase("Patient: {{first_name}} {{last_name}}", "patient_name")]
    [TestCase("Your test results are available in the portal", "result_disclosure")]
    [TestCase("MSH|^~\\&|A|B|C|D|2025||ACK^A01|1|P|2.5.1\rMSA|AA|1", "hl7v2")]
    [TestCase("{\"resourceType\": \"CapabilityStatement\"}", "fhir")]
    [TestCase("<ClinicalDocument>draft</ClinicalDocument>", "ccda")]
    [TestCase("sku,description,qty\nE11.9,filter,4", "phi_table")]
    [TestCase("ISA*00*          *00*~\nNM1*85*2*RIVERSIDE CLINIC*****XX*1234567893~", "x12")]
    [TestCase("keep your BP under 120/80", "vital_signs")]
    [TestCase("target BP 120/80 for most adults", "vital_signs")]
    [TestCase("Schedule your MRI today. It shows you care", "result_disclosure")]
    public void DoesNotFire(string text, string detector) => Assert.That(Fired(text), Does.Not.Contain(detector));

    [Test]
    public void IssueExample_IsPhi()
    {
        var c = PhiClassifier.Default.ClassifyText("Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9");
        Assert.Multiple(() =>
        {
            Assert.That(c.IsPhi, Is.True);
            Assert.That(c.Detectors, Is.SupersetOf(new[] { "dob", "mrn", "icd10", "patient_name" }));
            Assert.That(c.ToString(), Does.Not.Contain("Jane").And.Not.Contain("00482913"));
        });
    }

    [Test]
    public void SupportingEvidenceAlone_IsNotPhi()
    {
        Assert.That(PhiClassifier.Default.ClassifyText("Diabetes awareness month: ask about metformin.").IsPhi, Is.False);
        Assert.That(PhiClassifier.Default.ClassifyText("Our group NPI 1234567893 was revalidated.").IsPhi, Is.False);
    }

    [Test]
    public void OrganisationPatternsAndWeights_AreConfigurable()
    {
        var policy = PolicyCompiler.Parse("""
            classifier:
              threshold: 0.5
              mrn_patterns: ['\bRFM-\d{6}\b']
              medication_terms: [zorblatide]
              detectors:
                dob: { enabled: false }
                medication: { weight: 0.5 }
            """, "p.yaml");
        var c = policy.Classifier;
        Assert.Multiple(() =>
        {
            Assert.That(c.ClassifyText("chart RFM-123456").Detectors, Does.Contain("mrn"));
            Assert.That(c.ClassifyText("DOB 04/12/1961").Detectors, Does.Not.Contain("dob"));
            Assert.That(c.ClassifyText("Employee: Ana Ruiz is on zorblatide twice daily").IsPhi, Is.True);
            Assert.That(PhiClassifier.Default.ClassifyText("Employee: Ana Ruiz is on zorblatide twice daily").Verdict, Is.EqualTo(PhiVerdict.Clean));
        });
    }
}
