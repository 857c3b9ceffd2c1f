#!/usr/bin/env python3
"""Writes the labelled classifier corpus: phi/*.eml (must classify as PHI) and clean/*.eml
(look-alikes that must not). Synthetic data only: every name, number and date is invented.
Deterministic (fixed seed); re-run after editing and commit the output so reviewers see the files.

    python3 generate_corpus.py        # from this directory
"""
import base64
import io
import os
import random
import shutil
import zipfile
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

R = random.Random(20261123)
HERE = os.path.dirname(os.path.abspath(__file__))

FIRST = ["Jane", "John", "Maria", "Ahmed", "Li", "Grace", "Samuel", "Olivia", "Noah", "Fatima", "Carlos", "Aisha", "Peter",
         "Hannah", "Luis", "Mei", "David", "Sofia", "Kwame", "Elena", "Tomas", "Priya", "Robert", "Yuki", "Ines", "Omar"]
LAST = ["Roe", "Smith", "Gonzalez", "Khan", "Wei", "Okafor", "Brown", "Nguyen", "Miller", "Haddad", "Rossi", "Johnson",
        "Kowalski", "Ibrahim", "Silva", "Tanaka", "Petrov", "Murphy", "Lindqvist", "Mensah", "Garcia", "Patel", "O'Neil"]
CLINICS = ["Riverside Family Medicine", "Northgate Cardiology", "Lakeview Endocrinology", "St. Brigid Hospital",
           "Harbor Behavioral Health", "Maple Street Pediatrics", "Summit Oncology Associates", "Valley Kidney Center"]
DX = [("type 2 diabetes", "E11.9"), ("hypertension", "I10"), ("hyperlipidemia", "E78.5"), ("major depressive disorder", "F32.1"),
      ("chronic kidney disease", "N18.3"), ("asthma exacerbation", "J45.901"), ("atrial fibrillation", "I48.91"),
      ("hypothyroidism", "E03.9"), ("COPD", "J44.9"), ("breast cancer", "C50.911"), ("generalized anxiety disorder", "F41.1"),
      ("opioid use disorder", "F11.20"), ("heart failure", "I50.9"), ("osteoarthritis", "M17.11"), ("HIV", "B20")]
MEDS = ["metformin 500 mg", "lisinopril 10 mg", "atorvastatin 40 mg", "sertraline 50 mg", "levothyroxine 75 mcg",
        "apixaban 5 mg", "insulin glargine 20 units", "albuterol inhaler", "buprenorphine 8 mg", "furosemide 40 mg",
        "tamoxifen 20 mg", "escitalopram 10 mg", "amlodipine 5 mg", "Biktarvy"]
LABS = [("HbA1c", "{:.1f} %", (5.5, 11.0)), ("Glucose", "{:.0f} mg/dL", (70, 260)), ("LDL", "{:.0f} mg/dL", (60, 210)),
        ("Creatinine", "{:.2f} mg/dL", (0.6, 3.2)), ("Potassium", "{:.1f} mEq/L", (3.1, 6.1)), ("TSH", "{:.2f} mIU/L", (0.2, 9.0)),
        ("Hemoglobin", "{:.1f} g/dL", (8.5, 16.5)), ("eGFR", "{:.0f} mL/min/1.73m2", (18, 110)), ("PSA", "{:.1f} ng/mL", (0.3, 12))]
CPT = ["99213", "99214", "99215", "93000", "80053", "83036", "90837", "71046", "36415", "G0439"]
NDC = ["0002-8215-01", "0069-0152-30", "50090-2875-0", "68180-0517-01", "0378-0212-01", "00093-7214-56"]
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"
SENDER_DOMAINS = ["clinic.example", "ehr.example", "billing.example", "pharmacy.example", "lab.example", "payer.example"]
CLEAN_DOMAINS = ["shop.example", "news.example", "corp.example", "bank.example", "travel.example", "dev.example", "events.example"]


def name():
    return f"{R.choice(FIRST)} {R.choice(LAST)}"


def date(start_year, end_year):
    d = datetime(start_year, 1, 1) + timedelta(days=R.randrange((end_year - start_year) * 365))
    return d


def fmt_date(d, style=None):
    style = style if style is not None else R.randrange(5)
    return [f"{d.month:02d}/{d.day:02d}/{d.year}", f"{d.month}/{d.day}/{d.year}", d.strftime("%Y-%m-%d"),
            d.strftime("%B %d, %Y").replace(" 0", " "), d.strftime("%d %b %Y")][style]


def dob():
    return fmt_date(date(1930, 2015))


def mrn():
    return R.choice(["", "", "MR", "A"]) + "".join(R.choice("0123456789") for _ in range(R.choice([6, 7, 8, 9])))


def ssn_valid():
    while True:
        area = R.randrange(1, 900)
        if area != 666:
            return f"{area:03d}-{R.randrange(1, 100):02d}-{R.randrange(1, 10000):04d}"


def ssn_invalid():
    kind = R.randrange(4)
    area = [0, 666, R.randrange(900, 1000), R.randrange(1, 600)][kind]
    group = 0 if kind == 3 else R.randrange(1, 100)
    return f"{area:03d}-{group:02d}-{R.randrange(1, 10000):04d}"


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def npi(valid=True):
    while True:
        n = R.choice("12") + "".join(R.choice("0123456789") for _ in range(9))
        if luhn_ok("80840" + n) == valid:
            return n


def dea(valid=True):
    first = R.choice("ABFGM")
    second = R.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    d = [R.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    if not valid:
        check = (check + R.randrange(1, 10)) % 10
    return first + second + "".join(map(str, d)) + str(check)


def mbi(dashes=None):
    L = lambda: R.choice(MBI_LETTERS)
    X = lambda: R.choice(MBI_LETTERS + "0123456789")
    N = lambda: R.choice("0123456789")
    s = [R.choice("123456789"), L(), X(), N(), L(), X(), N(), L(), L(), N(), N()]
    s = "".join(s)
    if dashes if dashes is not None else R.random() < 0.5:
        return f"{s[:4]}-{s[4:7]}-{s[7:]}"
    return s


def member_id():
    return R.choice(["XWZ", "HPN", "U", "BCB", ""]) + "".join(R.choice("0123456789") for _ in range(9))


def lab_line():
    label, fmt, (lo, hi) = R.choice(LABS)
    return f"{label}: {fmt.format(R.uniform(lo, hi))}"


# ---------------------------------------------------------------- PDF / DOCX writers (tiny, valid)

def pdf_bytes(lines):
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = "BT /F1 11 Tf 50 760 Td 14 TL\n" + "".join(f"({esc(l)}) Tj T*\n" for l in lines) + "ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(lines):
    from xml.sax.saxutils import escape
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(l)}</w:t></w:r></w:p>" for l in lines)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{body}</w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)]:
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


# ---------------------------------------------------------------- message writer

BASE_TIME = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def eml(seq, sender_domain, subject, body, html=False, attachments=()):
    sender = f"{R.choice(['noreply', 'alerts', 'office', 'billing', 'team', 'info', 'dr.' + R.choice(LAST).lower().replace(chr(39), '')])}@{sender_domain}"
    to = f"{R.choice(FIRST).lower()}.{R.choice(LAST).lower().replace(chr(39), '')}@{R.choice(['partner.example', 'mail.example', 'hospital.example', 'home.example'])}"
    when = BASE_TIME + timedelta(minutes=seq * 17)
    headers = [f"From: <{sender}>", f"To: <{to}>", f"Subject: {subject}", f"Date: {format_datetime(when)}",
               f"Message-ID: <corpus-{seq:04d}@{sender_domain}>", "MIME-Version: 1.0"]
    ctype = "text/html" if html else "text/plain"
    if not attachments:
        return "\r\n".join(headers + [f"Content-Type: {ctype}; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body.replace("\n", "\r\n")]) + "\r\n"
    boundary = f"=_corpus_{seq:04d}"
    parts = [f"Content-Type: multipart/mixed; boundary=\"{boundary}\"", "", "This is a multi-part message in MIME format.",
             f"--{boundary}", f"Content-Type: {ctype}; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body.replace("\n", "\r\n")]
    for filename, mime, data in attachments:
        if mime == "message/rfc822":
            # RFC 2046 5.2.1: message/rfc822 is never base64 encoded; it is embedded as is.
            parts += [f"--{boundary}", "Content-Type: message/rfc822", "Content-Disposition: inline", "", data.rstrip("\r\n")]
            continue
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        b64 = base64.encodebytes(raw).decode("ascii").replace("\n", "\r\n").rstrip("\r\n")
        parts += [f"--{boundary}", f"Content-Type: {mime}; name=\"{filename}\"", "Content-Transfer-Encoding: base64",
                  f"Content-Disposition: attachment; filename=\"{filename}\"", "", b64]
    parts.append(f"--{boundary}--")
    return "\r\n".join(headers + parts) + "\r\n"


def html_table(rows):
    cells = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return f"<html><head><style>td {{ padding: 4px }}</style></head><body><table>{cells}</table><p>Regards,<br>{R.choice(CLINICS)}</p></body></html>"


# ---------------------------------------------------------------- PHI messages

def phi_clinical_note():
    dx, icd = R.choice(DX)
    lines = [f"Patient: {name()}", f"DOB: {dob()}", f"MRN: {mrn()}", f"Visit date: {fmt_date(date(2024, 2025))}",
             f"Assessment: {dx} ({icd})", f"Plan: continue {R.choice(MEDS)}; recheck in 3 months."]
    middle = lines[1:4]
    R.shuffle(middle)
    lines[1:4] = middle
    return "note", R.choice(SENDER_DOMAINS), R.choice(["Visit note", "Clinic note for review", "Progress note", "Today's visit"]), "\n".join(lines)


def phi_example_line():
    n = name()
    return "oneliner", "ehr.example", R.choice(["FYI", "Quick question", "Chart update"]), \
        f"Patient: {n}, DOB {fmt_date(date(1940, 2000), 0)}, MRN {mrn()}, dx {R.choice(DX)[1]}\nPlease review before Friday."


def phi_lab_result():
    n = name()
    rows = [lab_line() for _ in range(R.randrange(2, 5))]
    intro = R.choice([f"Results for {n} (DOB {dob()}):", f"Lab report - patient {n}, date of birth {dob()}",
                      f"Patient name: {n}\nCollected: {fmt_date(date(2024, 2025))}", f"Pt: {n}  MRN {mrn()}"])
    return "lab", "lab.example", R.choice(["Lab results", "Your results are ready", "Critical value", "Results"]), intro + "\n" + "\n".join(rows)


def phi_lab_html():
    n = name()
    rows = [("Patient", n), ("Date of birth", dob())] + [tuple(lab_line().split(": ")) for _ in range(3)]
    return "lab-html", "lab.example", "Lab report", html_table(rows), True


def phi_referral_prose():
    n = name()
    dx, icd = R.choice(DX)
    d = date(1935, 2010)
    body = R.choice([
        f"Dear Dr. {R.choice(LAST)},\n\nI am referring my patient {n} (born {fmt_date(d)}) for evaluation of poorly controlled {dx}. "
        f"Current medications include {R.choice(MEDS)} and {R.choice(MEDS)}.\n\nThank you,\nDr. {R.choice(LAST)}",
        f"Hello,\n\nPlease see {n}, date of birth {fmt_date(d)}, who was diagnosed with {dx} last spring. "
        f"The patient is on {R.choice(MEDS)}.\n\nBest,\n{R.choice(CLINICS)}",
        f"Referral: {n}\nDOB {fmt_date(d)}\nReason: {dx}, ICD-10 {icd}\nInsurance member ID {member_id()}",
    ])
    return "referral", "clinic.example", R.choice(["Referral", "New referral", "Consult request"]), body


def phi_claim():
    n = name()
    dx, icd = R.choice(DX)
    body = (f"Claim status update\nMember ID: {member_id()}\nPatient: {n}\nDate of service: {fmt_date(date(2024, 2025))}\n"
            f"CPT: {R.choice(CPT)}\nDiagnosis codes: {icd}, {R.choice(DX)[1]}\nAllowed amount: ${R.randrange(40, 400)}.00")
    return "claim", "payer.example", R.choice(["Claim update", "Explanation of benefits", "Claim denied - action needed"]), body


def phi_prior_auth():
    body = (f"Prior authorization request\nSubscriber ID {member_id()}\nProcedure code {R.choice(CPT)}\n"
            f"ICD-10: {R.choice(DX)[1]}\nRequested by NPI {npi()}\nDate of service {fmt_date(date(2025, 2026))}")
    return "prior-auth", "payer.example", "Prior auth", body


def phi_rx():
    n = name()
    med = R.choice(MEDS)
    body = (f"New prescription\nPatient: {n}\nDOB: {dob()}\nRx: {med}, take as directed, #30, refills 2\n"
            f"NDC {R.choice(NDC)}\nPrescriber DEA {dea()}  NPI {npi()}")
    return "rx", "pharmacy.example", R.choice(["eRx", "Prescription", "Refill request"]), body


def phi_rx_short():
    body = (f"Refill for {R.choice(MEDS)} approved for {name()} (DOB {dob()}). Pick up at the counter after 3 pm.")
    return "rx-short", "pharmacy.example", "Refill approved", body


def phi_ssn_enrollment():
    n = name()
    body = R.choice([
        f"Benefits enrollment form\nEmployee: {n}\nSSN: {ssn_valid()}\nPlan: PPO family\nDependents: 2",
        f"Hi,\nplease update the record of {n}; the social security number on file should be {ssn_valid()}.\nThanks",
        f"Applicant {n}, SSN {ssn_valid().replace('-', '')}, requests coverage effective {fmt_date(date(2025, 2026))}.",
    ])
    return "ssn", R.choice(["billing.example", "payer.example"]), R.choice(["Enrollment", "Record correction", "Application"]), body


def phi_mbi():
    n = name()
    body = R.choice([
        f"Eligibility response\nBeneficiary: {n}\nMBI: {mbi()}\nPart A: active\nPart B: active",
        f"The Medicare number for {n} is {mbi()}. Please bill Part B.",
        f"Medicare Beneficiary Identifier {mbi()} verified on {fmt_date(date(2025, 2026))}.",
    ])
    return "mbi", "billing.example", R.choice(["Eligibility", "Medicare info", "Coverage verified"]), body


def hl7_message():
    n = name().split(" ")
    d = date(1940, 2010)
    segs = [f"MSH|^~\\&|EPIC|RIVERSIDE|LABSYS|LAB|{R.randrange(2024, 2026)}0301120000||{R.choice(['ADT^A01', 'ORU^R01', 'ADT^A08'])}|MSG{R.randrange(10**6)}|P|2.5.1",
            f"PID|1||{mrn()}^^^RIV^MR||{n[1]}^{n[0]}||{d.strftime('%Y%m%d')}|{R.choice('FM')}",
            f"PV1|1|O|CLINIC^101^1"]
    if R.random() < 0.6:
        segs.append(f"OBX|1|NM|4548-4^Hemoglobin A1c^LN||{R.uniform(5, 11):.1f}|%|4.0-5.6|H|||F")
    return "\r".join(segs)


def phi_hl7():
    if R.random() < 0.5:
        return "hl7-body", "ehr.example", "Interface message", hl7_message()
    return "hl7-attachment", "ehr.example", "Batch", "See attached.", False, [("msg.hl7", R.choice(["application/hl7-v2", "text/plain", "application/octet-stream"]), hl7_message())]


def fhir_json():
    n = name().split(" ")
    kind = R.choice(["Patient", "Observation", "Condition", "MedicationRequest"])
    if kind == "Patient":
        return ('{\n  "resourceType": "Patient",\n  "id": "' + str(R.randrange(10**6)) + '",\n  "name": [{"family": "' + n[1] +
                '", "given": ["' + n[0] + '"]}],\n  "birthDate": "' + date(1940, 2015).strftime("%Y-%m-%d") + '"\n}')
    return ('{"resourceType":"' + kind + '","id":"x' + str(R.randrange(10**5)) + '","subject":{"reference":"Patient/' + str(R.randrange(10**6)) +
            '"},"status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]}}')


def phi_fhir():
    if R.random() < 0.4:
        return "fhir-body", "ehr.example", "FHIR export", fhir_json()
    mime = R.choice(["application/fhir+json", "application/json"])
    return "fhir-attachment", "ehr.example", "Export", "Resources attached.", False, [("resource.json", mime, fhir_json())]


def phi_fhir_xml():
    body = (f'<Patient xmlns="http://hl7.org/fhir"><id value="{R.randrange(10**5)}"/><name><family value="{R.choice(LAST)}"/>'
            f'<given value="{R.choice(FIRST)}"/></name><birthDate value="{date(1940, 2015).strftime("%Y-%m-%d")}"/></Patient>')
    return "fhir-xml", "ehr.example", "Patient record", "Attached.", False, [("patient.xml", "application/fhir+xml", body)]


def phi_ccda():
    n = name().split(" ")
    doc = ('<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:sdtc="urn:hl7-org:sdtc">\n'
           '  <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>\n'
           '  <templateId root="2.16.840.1.113883.10.20.22.1.2" extension="2015-08-01"/>\n'
           f'  <recordTarget><patientRole><patient><name><given>{n[0]}</given><family>{n[1]}</family></name>'
           f'<birthTime value="{date(1940, 2010).strftime("%Y%m%d")}"/></patient></patientRole></recordTarget>\n</ClinicalDocument>\n')
    return "ccda", "ehr.example", R.choice(["Continuity of care document", "CCD", "Transition of care"]), \
        "Summary of care attached.", False, [(R.choice(["ccd.xml", "summary.xml", "toc.ccda"]), R.choice(["application/xml", "text/xml"]), doc)]


def phi_discharge():
    dx, icd = R.choice(DX)
    a = date(2024, 2025)
    body = (f"Discharge summary\nPatient: {name()}\nAdmission date: {fmt_date(a)}\nDischarge date: {fmt_date(a + timedelta(days=R.randrange(1, 9)))}\n"
            f"Principal diagnosis: {dx}\nDischarge medications: {R.choice(MEDS)}, {R.choice(MEDS)}\nFollow-up with PCP in 1 week.")
    return "discharge", "clinic.example", "Discharge summary", body


def phi_behavioral():
    dx, icd = R.choice([d for d in DX if d[1].startswith("F")])
    body = (f"Client name: {name()}\nSession date: {fmt_date(date(2025, 2026))}\nDiagnosis: {dx} ({icd})\n"
            "Client reports improved sleep; continue weekly CBT.")
    return "behavioral", "clinic.example", "Session note", body


def phi_nurse_message():
    n = name()
    label, fmt, (lo, hi) = R.choice(LABS)
    body = R.choice([
        f"Re: patient {n} - {label.lower()} came back at {fmt.format(R.uniform(lo, hi))} this morning. Can you call the family?",
        f"Patient: {n}. {label} {fmt.format(R.uniform(lo, hi))}; started {R.choice(MEDS)}. Please advise.",
        f"Pt: {n} is asking whether {R.choice(MEDS)} can be taken with {R.choice(MEDS)} given her {R.choice(DX)[0]}.",
    ])
    return "nurse", "clinic.example", R.choice(["Call back", "Question", "Urgent"]), body


def phi_patient_csv():
    rows = ["name,dob,mrn,diagnosis"] + [f"{name()},{date(1940, 2015).strftime('%Y-%m-%d')},{mrn()},{R.choice(DX)[1]}" for _ in range(R.randrange(3, 8))]
    return "csv", "ehr.example", "Weekly list", "Attached is this week's list.", False, [("patients.csv", R.choice(["text/csv", "application/octet-stream"]), "\n".join(rows))]


def phi_pdf():
    n = name()
    lines = [R.choice(CLINICS), "Laboratory Report", f"Patient: {n}", f"DOB: {fmt_date(date(1940, 2010), 0)}", f"MRN: {mrn()}"] + [lab_line() for _ in range(3)]
    return "pdf", "lab.example", R.choice(["Report attached", "Lab report", "Document"]), "Please find the report attached.", False, [("report.pdf", "application/pdf", pdf_bytes(lines))]


def phi_docx():
    n = name()
    dx, icd = R.choice(DX)
    lines = ["Referral letter", f"Re: {n}", f"Date of birth: {fmt_date(date(1940, 2010))}", f"Diagnosis: {dx} ({icd})", f"Medications: {R.choice(MEDS)}"]
    return "docx", "clinic.example", "Referral letter", "Letter attached.", False, [("referral.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes(lines))]


def phi_forwarded():
    inner = phi_clinical_note()
    inner_msg = f"From: <dr.{R.choice(LAST).lower().replace(chr(39), '')}@clinic.example>\r\nSubject: {inner[2]}\r\nContent-Type: text/plain\r\n\r\n{inner[3]}\r\n"
    return "forwarded", "clinic.example", "Fwd: " + inner[2], "Forwarding for your records.", False, [("forwarded.eml", "message/rfc822", inner_msg)]


def phi_subject_tag():
    return "tagged", R.choice(SENDER_DOMAINS), R.choice(["[secure] Documents", "[encrypt] follow-up", "Results [SECURE]"]), \
        "Please see the information we discussed on the phone."


def phi_appointment_with_id():
    body = (f"Appointment confirmation for {name()} (DOB {dob()}): oncology infusion at {R.choice(CLINICS)} on "
            f"{fmt_date(date(2025, 2026))}. Bring your insurance card.")
    return "appt-phi", "clinic.example", "Appointment confirmation", body


def phi_dental():
    body = (f"Patient name: {name()}\nProcedure: crown, tooth 14\nCDT D2740\nInsured ID: {member_id()}\nDate of service: {fmt_date(date(2024, 2025))}")
    return "dental", "billing.example", "Pre-determination", body


def phi_prose_result():
    last = R.choice(LAST)
    label, fmt, (lo, hi) = R.choice(LABS[:6])
    body = R.choice([
        f"{R.choice(['Mrs.', 'Mr.', 'Ms.'])} {last}'s {label} was {fmt.format(R.uniform(lo, hi))} at the last visit, so we increased the {R.choice(MEDS).split(' ')[0]}.",
        f"Following up on {R.choice(FIRST)} {last}: {label.lower()} is {fmt.format(R.uniform(lo, hi))} today and she stopped taking {R.choice(MEDS).split(' ')[0]} last week.",
    ])
    return "prose-result", "clinic.example", R.choice(["Follow-up", "Update", "re: our call"]), body


def phi_result_letter():
    dx = R.choice(["breast cancer", "melanoma", "hepatitis C", "HIV", "pneumonia", "chlamydia"])
    test = R.choice(["biopsy", "blood work", "test results", "CT scan", "pathology report"])
    body = (f"Dear {R.choice(['Mr.', 'Ms.', 'Mrs.'])} {R.choice(LAST)},\n\nYour {test} from {fmt_date(date(2025, 2026))} "
            f"{R.choice(['came back positive for', 'showed signs of', 'indicates'])} {dx}. Dr. {R.choice(LAST)} would like to discuss next steps; "
            f"please call {phone()}.\n\n{R.choice(CLINICS)}")
    return "result-letter", "clinic.example", R.choice(["Your results", "Please call us", "Message from your care team"]), body


PHI = [(phi_clinical_note, 16), (phi_example_line, 6), (phi_lab_result, 14), (phi_lab_html, 6), (phi_referral_prose, 14), (phi_claim, 10),
       (phi_prior_auth, 8), (phi_rx, 8), (phi_rx_short, 5), (phi_ssn_enrollment, 9), (phi_mbi, 8), (phi_hl7, 8), (phi_fhir, 8),
       (phi_fhir_xml, 3), (phi_ccda, 5), (phi_discharge, 6), (phi_behavioral, 5), (phi_nurse_message, 8), (phi_patient_csv, 4),
       (phi_pdf, 5), (phi_docx, 4), (phi_forwarded, 3), (phi_subject_tag, 3), (phi_appointment_with_id, 4), (phi_dental, 3),
       (phi_prose_result, 6), (phi_result_letter, 5)]


# ---------------------------------------------------------------- look-alike non-PHI messages

def phone():
    return R.choice([f"({R.randrange(200, 999)}) {R.randrange(200, 999)}-{R.randrange(10000):04d}",
                     f"{R.randrange(200, 999)}-{R.randrange(200, 999)}-{R.randrange(10000):04d}",
                     f"+1 {R.randrange(200, 999)} {R.randrange(200, 999)} {R.randrange(10000):04d}",
                     f"1{R.randrange(200, 999)}{R.randrange(200, 999)}{R.randrange(10000):04d}"])


def tracking():
    return R.choice([f"1Z{''.join(R.choice('0123456789ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(16))}",
                     "9400" + "".join(R.choice("0123456789") for _ in range(18)),
                     "".join(R.choice("0123456789") for _ in range(12))])


def clean_order():
    d = date(2024, 2026)
    body = (f"Thanks for your order!\nOrder number: {R.randrange(10**6, 10**7)}-{R.randrange(10, 99)}\nOrder date: {fmt_date(d)}\n"
            f"Item: {R.choice(['Model E11.9 replacement filter', 'Cable K50.1 (2 m)', 'Lamp type B12', 'Filter cartridge J45.9', 'Gasket C50.2'])}\n"
            f"SKU: {R.choice(['E11-9', 'T40.2-A', 'R10.9X', 'B20-01'])}\nQuestions? Call {phone()}.")
    return "order", "shop.example", R.choice(["Your order", "Order confirmation", "We received your order"]), body


def clean_shipping():
    body = (f"Your package is on the way.\nTracking number: {tracking()}\nEstimated delivery: {fmt_date(date(2025, 2026))}\n"
            f"Ship to ZIP {R.randrange(10000, 99999)}-{R.randrange(1000, 9999)}\nCarrier phone {phone()}")
    return "shipping", "shop.example", R.choice(["Shipped", "Out for delivery", "Delivery update"]), body


def clean_invoice():
    body = (f"Invoice INV-{R.randrange(2023, 2026)}-{R.randrange(10000):04d}\nPO number: 45{R.randrange(10**7, 10**8)}\n"
            f"Invoice date: {fmt_date(date(2024, 2026))}\nDue date: {fmt_date(date(2024, 2026))}\n"
            f"Customer reference: {ssn_invalid()}\nAccount: {R.randrange(100, 999)}-{R.randrange(10, 99)}-{R.randrange(10000, 99999)}\n"
            f"Amount due: ${R.randrange(100, 90000)}.{R.randrange(100):02d}\nRemit to lockbox {R.randrange(10000, 99999)}.")
    return "invoice", R.choice(["corp.example", "shop.example"]), "Invoice", body


def clean_appointment_reminder():
    d = date(2025, 2026)
    body = R.choice([
        f"Hi,\nThis is a reminder of your appointment on {fmt_date(d)} at {R.randrange(8, 17)}:{R.choice(['00', '15', '30', '45'])}. "
        f"Please arrive 10 minutes early. Reply C to confirm or call {phone()} to reschedule.",
        f"Dear patient,\nYou have an upcoming visit on {fmt_date(d)}. Please bring a photo ID and your insurance card.\n{R.choice(CLINICS)}",
        f"Reminder: your appointment is scheduled for {fmt_date(d)}. Parking is available in Garage B. To cancel, call {phone()}.",
    ])
    return "reminder", "clinic.example", R.choice(["Appointment reminder", "Upcoming visit", "See you soon"]), body


def clean_newsletter():
    dx = R.choice(DX)[0]
    body = R.choice([
        f"November is awareness month for {dx}. Learn about risk factors, screening and healthy habits at our free seminar on {fmt_date(date(2025, 2026))}.",
        f"Health tips: staying active can help manage {dx}. Ask your doctor whether medicines such as {R.choice(MEDS).split(' ')[0]} are right for you.",
        f"Our new {R.choice(['cardiology', 'endocrinology', 'sleep', 'wellness'])} center opens {fmt_date(date(2025, 2026))}! "
        f"Free blood pressure checks, flu shots and nutrition classes. Call {phone()}.",
        f"Research roundup: a study of 4,000 adults found that people with {dx} who walked daily had fewer hospital visits. Keep your A1C below 7% and your LDL under 100 mg/dL.",
    ])
    return "newsletter", "news.example", R.choice(["Health newsletter", "Stay well", "This month in health"]), body


def clean_hr():
    body = R.choice([
        f"Team,\nOpen enrollment starts {fmt_date(date(2025, 2026))}. Review your plan options on the benefits portal. Questions: {phone()}.",
        f"Please join us to celebrate birthdays of the month on {fmt_date(date(2025, 2026))} in the 3rd floor lounge. Cake provided!",
        f"Your password expires on {fmt_date(date(2025, 2026))}. Employee ID {R.randrange(10000, 99999)} - change it at the self-service portal.",
        f"Reminder: timesheets for the pay period ending {fmt_date(date(2025, 2026))} are due Monday. Cost center {R.randrange(1000, 9999)}-{R.randrange(100, 999)}.",
    ])
    return "hr", "corp.example", R.choice(["Open enrollment", "Celebration", "Password expiry", "Timesheets"]), body


def clean_dev():
    body = R.choice([
        f"Build 2025.{R.randrange(1, 12)}.{R.randrange(1, 30)} failed: error E1102 in module K50.1-loader; see ticket OPS-{R.randrange(1000, 9999)}.",
        "The HL7 interface spec: every message starts with an MSH segment, then PID for patient demographics. Field separator is the pipe. No sample data in email please.",
        '{"resourceType": "CapabilityStatement", "status": "active", "fhirVersion": "4.0.1", "format": ["json"]}',
        '{"resourceType": "Organization", "name": "Riverside Family Medicine", "telecom": [{"system": "phone", "value": "555-0100"}]}',
        f"Deploy window {fmt_date(date(2025, 2026))} 02:00-04:00 UTC. Hosts 10.0.{R.randrange(255)}.{R.randrange(255)}, port 2525. Commit {''.join(R.choice('0123456789abcdef') for _ in range(12))}.",
        "MSH|^~\\&|TEST|TEST|TEST|TEST|20250101000000||ACK^A01|1|P|2.5.1\rMSA|AA|1",
        f"Log excerpt: user id {R.randrange(10**5, 10**6)} code=200 dur=12ms trace={''.join(R.choice('0123456789abcdef') for _ in range(16))}",
    ])
    return "dev", "dev.example", R.choice(["Build failure", "Interface notes", "Deploy", "Config sample", "Logs"]), body


def clean_supplier_catalog():
    items = "\n".join(f"NDC {ndc}  {R.choice(['Humalog 10 mL vial', 'Lantus SoloStar pen', 'amoxicillin 500 mg caps', 'atorvastatin 20 mg tabs'])}  ${R.randrange(5, 400)}.00"
                      for ndc in R.sample(NDC, 3))
    return "catalog", "shop.example", "Price list update", f"Updated wholesale price list for pharmacies:\n{items}\nOrders ship within 2 business days."


def clean_billing_bulletin():
    body = R.choice([
        f"Fee schedule update: CPT {R.choice(CPT)} will be reimbursed at ${R.randrange(50, 200)}.{R.randrange(100):02d} starting {fmt_date(date(2025, 2026))}.",
        f"Coding webinar on {fmt_date(date(2025, 2026))}: new ICD-10-CM codes for the fiscal year and common documentation errors.",
        f"Our group NPI {npi()} has been re-validated. No action needed.",
        f"DEA registration renewal for the clinic is due {fmt_date(date(2025, 2026))}. Certificate {dea()} expires then.",
    ])
    return "bulletin", "billing.example", R.choice(["Fee schedule", "Webinar", "Revalidation", "Renewal"]), body


def clean_loyalty():
    body = R.choice([
        f"Rewards member ID: {R.randrange(10**7, 10**8)}\nYou have 1,240 points. Save 20% on vitamins and ibuprofen this week!",
        f"Welcome to the club! Your loyalty member number is {R.randrange(10**7, 10**8)}. Show it at checkout.",
        f"Frequent flyer member #{R.choice('ABCDEFGH')}{R.randrange(10**6, 10**7)}: you earned 3,200 miles on flight UA {R.randrange(100, 2000)}.",
        f"Gym membership: member ID {R.randrange(10**5, 10**6)}; your plan renews {fmt_date(date(2025, 2026))}.",
    ])
    return "loyalty", "shop.example", R.choice(["Your rewards", "Welcome", "Miles earned", "Renewal"]), body


def clean_bank():
    body = (f"Your statement for account ending {R.randrange(1000, 9999)} is ready. Statement date: {fmt_date(date(2025, 2026))}.\n"
            f"Routing number 0{R.randrange(10**7, 10**8)}. Card ending {R.randrange(1000, 9999)}. Questions: {phone()}")
    return "bank", "bank.example", "Statement ready", body


def clean_travel():
    code = "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(6))
    body = (f"Booking confirmed. Confirmation code: {code}\nFlight {R.choice(['UA', 'DL', 'AA'])} {R.randrange(100, 2999)} departs {fmt_date(date(2025, 2026))}\n"
            f"Seat {R.randrange(1, 40)}{R.choice('ABCDEF')}  Ticket {R.randrange(10**12, 10**13)}\nTraveler loyalty no. {R.randrange(10**8, 10**9)}")
    return "travel", "travel.example", "Trip confirmation", body


def clean_event():
    body = R.choice([
        f"Save the date: annual gala on {fmt_date(date(2025, 2026))}. RSVP by calling {phone()}.",
        f"Film night: 'Born on the Fourth of July' screening Friday. Doors open 7 pm, room B12.",
        f"Conference registration #{R.randrange(10**5, 10**6)} confirmed for {fmt_date(date(2025, 2026))}. Badge pickup at hall C50.",
    ])
    return "event", "events.example", R.choice(["Save the date", "Film night", "Registration"]), body


def clean_supply_order():
    body = (f"Supply order {R.randrange(10**5, 10**6)} for {R.choice(CLINICS)}:\n- exam gloves (M) x 20 boxes\n- glucose meter test strips x 12\n"
            f"- sharps containers x 4\nDelivery date: {fmt_date(date(2025, 2026))}\nAccount manager: {phone()}")
    return "supplies", "shop.example", "Supply order", body


def clean_lab_qc():
    body = (f"QC log {fmt_date(date(2025, 2026))}: control level 1 glucose 112 mg/dL (expected 100-130), control level 2 within range. "
            f"Analyzer serial {R.randrange(10**6, 10**7)}. No action required.")
    return "lab-qc", "lab.example", "QC log", body


def clean_html_marketing():
    rows = [("Offer", "20% off"), ("Code", f"SAVE{R.randrange(10, 99)}"), ("Valid until", fmt_date(date(2025, 2026))), ("Store", R.choice(['Main St', 'Harbor Mall']))]
    return "html-promo", "shop.example", "Weekend sale", html_table(rows), True


def clean_pdf_invoice():
    lines = ["ACME Medical Supply", f"Invoice {R.randrange(10**5, 10**6)}", f"Date: {fmt_date(date(2024, 2026), 0)}", "Exam table paper x 12", f"Total: ${R.randrange(100, 999)}.00"]
    return "pdf-invoice", "shop.example", "Invoice attached", "Invoice attached.", False, [("invoice.pdf", "application/pdf", pdf_bytes(lines))]


def clean_docx_minutes():
    lines = ["Staff meeting minutes", f"Date: {fmt_date(date(2025, 2026))}", "Attendees: front desk, billing, nursing",
             "Topics: new phone system, parking, holiday schedule", "Next meeting in two weeks"]
    return "docx-minutes", "corp.example", "Minutes", "Minutes attached.", False, [("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes(lines))]


def clean_csv_inventory():
    rows = ["sku,description,qty,reorder_date"] + [f"{R.choice('ABEKT')}{R.randrange(10, 99)}.{R.randrange(10)},{R.choice(['gauze', 'tape', 'masks', 'gowns'])},{R.randrange(1, 500)},{date(2025, 2026).strftime('%Y-%m-%d')}" for _ in range(6)]
    return "csv-inventory", "shop.example", "Inventory", "Inventory export attached.", False, [("inventory.csv", "text/csv", "\n".join(rows))]


def clean_image():
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    return "image", "corp.example", "Logo", "New logo attached.", False, [("logo.png", "image/png", png)]


def clean_public_health():
    body = (f"County report: flu cases rose 12% in week {R.randrange(1, 52)}. Vaccination clinics run through {fmt_date(date(2025, 2026))}. "
            "Hand washing and staying home when sick remain the best prevention.")
    return "public-health", "news.example", "Weekly report", body


def clean_invalid_ids():
    body = R.choice([
        f"Test data for QA (all invalid on purpose): SSN {ssn_invalid()}, NPI {npi(valid=False)}, DEA {dea(valid=False)}.",
        f"Serial numbers: {ssn_invalid()}, {ssn_invalid()}. Contact {phone()}.",
        f"Voucher {R.choice('ABCDEFGH')}{R.randrange(10**6, 10**7)}X and gift card {R.randrange(10**15, 10**16)}.",
    ])
    return "invalid-ids", "dev.example", R.choice(["QA data", "Serials", "Voucher"]), body


def clean_coverage_bulletin():
    dx, icd = R.choice(DX)
    body = R.choice([
        f"Coverage update: ICD-10 {icd} ({dx}) now qualifies for remote patient monitoring starting {fmt_date(date(2025, 2026))}.",
        f"Among adults with {dx} in our region, mean LDL was {R.randrange(100, 160)} mg/dL in the {R.randrange(2020, 2025)} survey.",
        f"Drug information: {R.choice(MEDS).split(' ')[0]} is commonly prescribed for {dx}. Talk to your pharmacist about side effects.",
        f"Case study for Grand Rounds: a 54-year-old with {dx} treated with {R.choice(MEDS).split(' ')[0]}. All welcome, lunch provided.",
        f"We are hiring: RN for our {dx} program. Experience with {R.choice(MEDS).split(' ')[0]} titration preferred. Apply by {fmt_date(date(2025, 2026))}.",
    ])
    return "bulletin-hard", R.choice(["payer.example", "news.example", "corp.example"]), R.choice(["Coverage update", "Survey", "Drug info", "Grand Rounds", "Job opening"]), body


def clean_portal_notice():
    body = R.choice([
        "You have a new message from your care team. Log in to the patient portal to read it. For your privacy, we do not include details in email.",
        "Your test results are available in the patient portal. Log in to view them.",
        "Schedule your mammogram today - screening saves lives. Book online or call us.",
        "Template preview: Patient: {{first_name}} {{last_name}}, DOB: {{dob}}, MRN: {{mrn}} (placeholders are filled by the EHR).",
    ])
    return "portal", "clinic.example", R.choice(["New message", "Results available", "Screening", "Template preview"]), body


CLEAN = [(clean_order, 14), (clean_shipping, 12), (clean_invoice, 12), (clean_appointment_reminder, 14), (clean_newsletter, 14),
         (clean_hr, 10), (clean_dev, 12), (clean_supplier_catalog, 6), (clean_billing_bulletin, 10), (clean_loyalty, 10),
         (clean_bank, 6), (clean_travel, 8), (clean_event, 6), (clean_supply_order, 5), (clean_lab_qc, 4), (clean_html_marketing, 5),
         (clean_pdf_invoice, 4), (clean_docx_minutes, 3), (clean_csv_inventory, 3), (clean_image, 2), (clean_public_health, 4),
         (clean_invalid_ids, 8),
         (clean_coverage_bulletin, 12), (clean_portal_notice, 8)]


# ---------------------------------------------------------------- holdout set
# Written after the detectors were frozen, with phrasing the detectors were not tuned on. Its
# figures are printed beside the main corpus so that the main figures' optimism is visible.

def h_phi_home_health():
    return "home-health", "clinic.example", "Visit summary", (
        f"Home visit for {name()} today: BP 150/95, wound on left heel healing, continue {R.choice(MEDS)}. "
        f"Daughter asks about {R.choice(DX)[0]} diet.")


def h_phi_pharmacy_fax():
    return "fax", "pharmacy.example", "RX REFILL REQUEST", (
        f"RX REFILL REQUEST\nPt name: {name()}\nD.O.B. {fmt_date(date(1930, 2010), 0)}\nDrug: {R.choice(MEDS)}\nQty: 90  Refills: 3")


def h_phi_critical_call():
    return "critical", "lab.example", "CRITICAL", f"Critical value: K+ 6.4 for {name()}, MRN#{mrn()}. Called to RN at {R.randrange(1, 12)}:{R.randrange(10, 59)}."


def h_phi_dental():
    return "dental-premed", "clinic.example", "Pre-med", (
        f"Patient {name()}, birthdate {dob()}, needs pre-medication with amoxicillin before the cleaning because of a heart valve replacement.")


def h_phi_immunization():
    return "immunization", "clinic.example", "Immunization record", (
        f"Immunization record for {name()} (born {fmt_date(date(2010, 2020))}): MMR x2, Tdap {fmt_date(date(2022, 2025))}, influenza {fmt_date(date(2024, 2025))}.")


def h_phi_x12():
    last, first = R.choice(LAST).upper(), R.choice(FIRST).upper()
    return "x12", "payer.example", "271", (
        f"ISA*00*          *00*          *ZZ*PAYER*ZZ*CLINIC*250301*1200*^*00501*000000001*0*P*:~\n"
        f"NM1*IL*1*{last}*{first}****MI*{member_id()}~\nDMG*D8*{date(1940, 2010).strftime('%Y%m%d')}*F~\nEB*1*IND*30~")


def h_phi_spanish():
    return "spanish", "clinic.example", "Cita", (
        f"Paciente: {name()}\nFecha de nacimiento: {fmt_date(date(1940, 2010), 0)}\nDiagnóstico: diabetes tipo 2. Continuar metformina.")


def h_phi_tsv():
    rows = ["Patient Name\tDOB\tInsurance ID"] + [f"{name()}\t{fmt_date(date(1940, 2010), 0)}\t{member_id()}" for _ in range(4)]
    return "tsv", "billing.example", "Aging report", "Attached.", False, [("aging.tsv", "text/tab-separated-values", "\n".join(rows))]


def h_phi_portal_reply():
    return "portal-reply", "clinic.example", "Re: my question", (
        f"Hi {R.choice(FIRST)}, Dr. {R.choice(LAST)} reviewed your MRI. It shows a small herniated disc at L4-L5; "
        f"she recommends physical therapy and {R.choice(['ibuprofen', 'gabapentin', 'prednisone'])} for two weeks.")


def h_phi_claim_denial():
    return "denial", "payer.example", "Claim denied", (
        f"Claim {R.randrange(10**9, 10**10)} for {name()} was denied: procedure code {R.choice(CPT)} requires prior authorization. "
        f"Member number {member_id()}.")


def h_clean_hipaa_training():
    return "training", "corp.example", "HIPAA training", (
        "Reminder: annual HIPAA training is due. Identifiers include names, dates of birth, medical record numbers, "
        "SSNs and health plan member IDs. Never email them unencrypted.")


def h_clean_car_service():
    return "car", "shop.example", "Service reminder", (
        f"VIN 1HGCM82633A00{R.randrange(1000, 9999)}: last service date {fmt_date(date(2024, 2025))}. Oil change due at 45,000 miles.")


def h_clean_school():
    return "school", "events.example", "Enrollment", (
        f"Student ID {R.randrange(10**6, 10**7)} enrolled for fall. Orientation on {fmt_date(date(2025, 2026))}. Immunization forms are due at the nurse's office.")


def h_clean_press_release():
    return "press", "news.example", "Press release", (
        f"The FDA approved {R.choice(['semaglutide', 'tirzepatide', 'empagliflozin'])} for a new indication. In trials, patients with "
        f"{R.choice(['obesity', 'type 2 diabetes', 'heart failure'])} saw an average HbA1c reduction of 1.4 %.")


def h_clean_reagent():
    return "reagent", "shop.example", "Lot notice", (
        f"Reagent lot {R.randrange(1000, 9999)}-{R.randrange(100, 999)}-{R.randrange(10, 99)} (glucose assay) expires {fmt_date(date(2026, 2027))}. "
        "Replace calibrators with the new lot.")


def h_clean_practitioner_json():
    return "practitioner", "dev.example", "Directory sync", (
        '{"resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "' + npi() + '"}], '
        '"name": [{"family": "' + R.choice(LAST) + '"}]}')


def h_clean_birthday():
    return "birthday", "shop.example", "Happy birthday month", (
        f"Members born in {R.choice(['April', 'May', 'June'])} get 10% off all vitamins. Use code BDAY{R.randrange(10, 99)} before {fmt_date(date(2025, 2026))}.")


def h_clean_meeting():
    return "meeting", "corp.example", "Agenda", (
        f"Agenda for {fmt_date(date(2025, 2026))}: 1) patient satisfaction survey results (4.6/5), 2) new check-in kiosks, "
        "3) flu vaccine clinic staffing, 4) parking.")


def h_clean_wellness_challenge():
    return "wellness", "corp.example", "Step challenge", (
        f"Team step challenge: {R.randrange(50, 300)} employees joined! Average 8,200 steps a day. "
        "Blood pressure screening in the lobby Thursday, no appointment needed.")


def h_clean_pharmacy_hours():
    return "pharmacy-hours", "pharmacy.example", "Holiday hours", (
        f"Our pharmacy is closed on {fmt_date(date(2025, 2026))}. Refills can be requested in the app. Call {phone()} for the on-call pharmacist.")


HOLDOUT_PHI = [(h_phi_home_health, 3), (h_phi_pharmacy_fax, 3), (h_phi_critical_call, 3), (h_phi_dental, 3), (h_phi_immunization, 3),
               (h_phi_x12, 3), (h_phi_spanish, 2), (h_phi_tsv, 3), (h_phi_portal_reply, 3), (h_phi_claim_denial, 3)]
HOLDOUT_CLEAN = [(h_clean_hipaa_training, 3), (h_clean_car_service, 3), (h_clean_school, 3), (h_clean_press_release, 3), (h_clean_reagent, 3),
                 (h_clean_practitioner_json, 3), (h_clean_birthday, 3), (h_clean_meeting, 3), (h_clean_wellness_challenge, 3), (h_clean_pharmacy_hours, 3)]


def write(label, generators):
    folder = os.path.join(HERE, *label.split("/"))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    seq = 0
    for gen, count in generators:
        for _ in range(count):
            seq += 1
            result = gen()
            kind, domain, subject, body = result[:4]
            html = result[4] if len(result) > 4 else False
            attachments = result[5] if len(result) > 5 else ()
            offset = {"phi": 0, "clean": 5000, "holdout/phi": 8000, "holdout/clean": 9000}[label]
            text = eml(seq + offset, domain, subject, body, html, attachments)
            with open(os.path.join(folder, f"{seq:03d}-{kind}.eml"), "w", encoding="utf-8", newline="") as f:
                f.write(text)
    return seq


if __name__ == "__main__":
    p = write("phi", PHI)
    c = write("clean", CLEAN)
    R.seed(4242)
    hp = write("holdout/phi", HOLDOUT_PHI)
    hc = write("holdout/clean", HOLDOUT_CLEAN)
    print(f"wrote {p} PHI and {c} clean messages; holdout {hp} PHI and {hc} clean")
