#!/usr/bin/env python3
"""Blind evaluation corpus: mail sent by AUTOMATED SYSTEMS (EHR, labs, portals,
pharmacies, telehealth, claims, interface engines, wearables, fax gateways...).

Standard library only, deterministic.

    python3 generate.py --split blind --out DIR     (>= 300 messages)
    python3 generate.py --split dev   --out DIR     (40 messages, other seeds)

Writes DIR/NNNN.eml (RFC 5322, CRLF) and DIR/manifest.tsv
(file, label, family, form).  Labels follow the product definition:
phi = health information about an identifiable person (whoever sends it).
"""
import argparse
import base64
import csv
import datetime as dt
import email.policy
import email.utils
import hashlib
import html
import io
import json
import os
import random
import zipfile
from email.message import EmailMessage

# ---------------------------------------------------------------------------
# Reference data (all invented)
# ---------------------------------------------------------------------------
FIRST_F = ["Ana", "Hope", "Faith", "Grace", "Joy", "Dawn", "Summer", "April", "June", "Ivy",
           "Holly", "Rose", "Amara", "Thi Lan", "Mei", "Yuki", "Priya", "Fatima", "Aisha",
           "Ngozi", "Olga", "Ingrid", "Lucia", "Siobhan", "Keiko", "Marisol", "Zainab",
           "Leilani", "Destiny", "Precious", "Sunny", "Wren", "Bich Ngoc", "Chiamaka",
           "Dolores", "Esperanza", "Halona", "Agnieszka", "Rania", "Soo-ah", "Tamar",
           "Paz", "Pearl", "Robin", "Sky", "Lakshmi", "Nadia", "Beatriz", "Ebony"]
FIRST_M = ["Will", "Bill", "Mark", "Grant", "Victor", "Rusty", "Guy", "Cash", "Rich", "Major",
           "Chase", "Hunter", "Carlos", "Thanh", "Wei", "Hiroshi", "Rajesh", "Omar", "Tunde",
           "Kwame", "Dmitri", "Lars", "Mateo", "Ciaran", "Kenji", "Jamal", "Ahmed", "Kai",
           "Tomasz", "Yusuf", "Deshawn", "Bao", "Chinedu", "Aarav", "Ezra", "Santiago",
           "Miles", "Frank", "Earnest", "Sterling", "Dong-hyun", "Ibrahim", "Lorenzo",
           "Nikolai", "Abebe", "Tariq", "Joaquin", "Rocky", "Sonny"]
LAST = ["Ruiz", "Okafor", "Nguyen", "Kowalski", "Patel", "Haddad", "Tanaka", "Adeyemi",
        "Svensson", "O'Brien", "Dubois", "Zhang", "Kim", "Abubakar", "Castillo", "Ivanova",
        "Mwangi", "Nakamura", "Fernandes", "Goldberg", "Yilmaz", "Khan", "Begay", "Kealoha",
        "Petrov", "Singh", "Ortiz", "Lindqvist", "Mensah", "Chatterjee", "Moreau", "Ito",
        "Da Silva", "Novak", "Horvath", "Wojcik", "Rahman", "Brown", "Green", "Young",
        "King", "Price", "Banks", "Bishop", "Baker", "Hill", "Wolf", "Stone", "Fox",
        "Rivers", "Winter", "Day", "Love", "Sweet", "Black", "Hardy", "Bell", "Law",
        "Tran", "Pham", "Oyelaran", "Achterberg", "Van der Berg", "Mahlangu", "Sato",
        "Gutierrez-Lopez", "Al-Masri", "Nwosu", "Kaur", "Eriksen", "Delacroix", "Mbeki",
        "Quispe", "Tsosie", "Lefebvre", "Bianchi", "Schwartz", "MacLeod", "Park", "Choi"]
ORGS = [("Riverbend Health", "riverbendhealth.org", "MyRiverbend"),
        ("Northgate Medical Center", "northgatemc.org", "Northgate MyChart"),
        ("Saint Brigid Hospital", "stbrigid.org", "Brigid HealthLink"),
        ("Cedar Valley Health", "cedarvalleyhealth.com", "CedarConnect"),
        ("Bayfront Medical Group", "bayfrontmg.com", "Bayfront Patient Portal"),
        ("Tri-County Regional Hospital", "tricountyregional.org", "TCR FollowMyHealth"),
        ("Willow Creek Family Medicine", "willowcreekfm.com", "Willow Creek Portal"),
        ("Mesa Verde Health System", "mesaverdehealth.org", "MesaVerde MyHealth"),
        ("Harborview Community Clinic", "harborviewcc.org", "Harborview CareLink"),
        ("Kessler Orthopedic Associates", "kesslerortho.com", "Kessler PatientPoint")]
DOCTORS = ["Priya Raman", "Samuel Osei", "Helen Fitzgerald", "Marco Bellini", "Grace Liu",
           "Ahmad Farouk", "Rebecca Stein", "Tomoko Hayashi", "David Achebe", "Laura Jimenez",
           "Viktor Hale", "Nkechi Obi", "Brian O'Connell", "Sunita Rao", "Elena Popescu",
           "Jonah Whitfield", "Carmen Aguilar", "Hyun-woo Lee", "Patrick Mbatha", "Ruth Adler"]
NURSES = ["Kim Alvarez, RN", "Tasha Greene, RN", "Paul Nowak, RN", "Esi Boateng, RN",
          "Megan Ward, LPN", "Luis Romero, RN, CCM", "Anjali Mehta, RN, BSN", "Colleen Byrne, RN"]
PHARMACIES = [("Corner Drug #1182", "cornerdrug.com", "(412) 555-0187"),
              ("MedPlus Pharmacy #0457", "medplusrx.com", "(303) 555-0144"),
              ("ValueRx #2290", "valuerx.com", "(614) 555-0121"),
              ("HomeScripts Mail Order Pharmacy", "homescripts.com", "(800) 555-0199"),
              ("Greenleaf Apothecary", "greenleafapothecary.com", "(503) 555-0163"),
              ("Sunshine Drug & Wellness #34", "sunshinedrug.com", "(305) 555-0110")]
PAYERS = [("Keystone Mutual Health", "keystonemutual.com"),
          ("Blue Meridian Health Plan", "bluemeridian.com"),
          ("Summit CarePlan", "summitcareplan.com"),
          ("Prairie State Medicaid MCO", "prairiestatemco.org"),
          ("Pacific Crest Health Insurance", "pacificcresthealth.com")]
LABS = [("Quantum Diagnostics", "quantumdx.com"), ("Pinnacle Reference Laboratory", "pinnaclelab.com"),
        ("Meridian Pathology Partners", "meridianpath.com")]
DEPTS = [("Gastroenterology", "Colonoscopy", "Nothing to eat after midnight. Begin bowel prep at 5 PM the evening before."),
         ("Cardiology", "Echocardiogram", "Wear a two-piece outfit. No caffeine for 12 hours before your test."),
         ("Radiology", "MRI Lumbar Spine without contrast", "Remove all metal objects. Tell staff if you have a pacemaker."),
         ("Oncology Infusion Center", "Chemotherapy infusion (cycle 3, day 1)", "Labs will be drawn 1 hour before infusion."),
         ("Behavioral Health", "New patient intake - depression/anxiety", "Please complete the PHQ-9 and GAD-7 questionnaires before arriving."),
         ("Obstetrics", "20-week anatomy ultrasound", "Drink 32 oz of water one hour before your appointment."),
         ("Dermatology", "Mohs surgery - left cheek", "Plan to be here most of the day. Do not wear makeup."),
         ("Orthopedics", "Post-op visit, right total knee replacement", "Bring your walker and list of current medications."),
         ("Endocrinology", "Diabetes follow-up with A1c", "Bring your glucose meter or CGM reader."),
         ("Sleep Medicine", "In-lab polysomnography (sleep study)", "Arrive at 8:30 PM. Bring pajamas and your usual medications."),
         ("Infectious Disease", "HIV care follow-up", "Labs (viral load, CD4) ordered for the same day."),
         ("Urology", "Cystoscopy", "Please arrive with a comfortably full bladder."),
         ("Pulmonology", "Pulmonary function test", "Do not use your rescue inhaler for 4 hours before testing."),
         ("Physical Therapy", "PT evaluation - rotator cuff tear", "Wear loose clothing that allows access to your shoulder.")]
DRUGS = [("Sertraline", "50 mg tablet", "depression"), ("Metformin ER", "500 mg tablet", "type 2 diabetes"),
         ("Lisinopril", "10 mg tablet", "hypertension"), ("Atorvastatin", "40 mg tablet", "high cholesterol"),
         ("Levothyroxine", "75 mcg tablet", "hypothyroidism"), ("Adderall XR", "20 mg capsule", "ADHD"),
         ("Eliquis (apixaban)", "5 mg tablet", "atrial fibrillation"), ("Biktarvy", "50/200/25 mg tablet", "HIV-1"),
         ("Ozempic (semaglutide)", "1 mg/0.75 mL pen", "type 2 diabetes"), ("Humira (adalimumab)", "40 mg/0.4 mL pen", "rheumatoid arthritis"),
         ("Lamotrigine", "100 mg tablet", "bipolar disorder"), ("Buprenorphine/naloxone", "8 mg/2 mg film", "opioid use disorder"),
         ("Albuterol HFA", "90 mcg inhaler", "asthma"), ("Tamoxifen", "20 mg tablet", "breast cancer"),
         ("Quetiapine", "100 mg tablet", "schizophrenia"), ("Prednisone", "10 mg tablet", "COPD exacerbation"),
         ("Insulin glargine (Lantus)", "100 units/mL pen", "type 1 diabetes"), ("Finasteride", "1 mg tablet", "hair loss"),
         ("Escitalopram", "10 mg tablet", "generalized anxiety"), ("Valacyclovir", "1 g tablet", "herpes simplex")]
IND_ICD = {"depression": "F32.A", "type 2 diabetes": "E11.9", "hypertension": "I10", "high cholesterol": "E78.5", "hypothyroidism": "E03.9",
           "ADHD": "F90.2", "atrial fibrillation": "I48.91", "HIV-1": "B20", "rheumatoid arthritis": "M06.9", "bipolar disorder": "F31.9",
           "opioid use disorder": "F11.20", "asthma": "J45.909", "breast cancer": "C50.919", "schizophrenia": "F20.9", "COPD exacerbation": "J44.1",
           "type 1 diabetes": "E10.9", "hair loss": "L65.9", "generalized anxiety": "F41.1", "herpes simplex": "B00.9"}
TESTS = [("TSH", 0.4, 4.5, "mIU/L", 1), ("Hemoglobin A1c", 4.0, 5.6, "%", 1), ("Potassium", 3.5, 5.1, "mmol/L", 1),
         ("Sodium", 136, 145, "mmol/L", 0), ("Creatinine", 0.6, 1.3, "mg/dL", 2), ("LDL Cholesterol", 0, 99, "mg/dL", 0),
         ("Hemoglobin", 12.0, 16.0, "g/dL", 1), ("Platelets", 150, 400, "K/uL", 0), ("WBC", 4.0, 11.0, "K/uL", 1),
         ("ALT", 7, 56, "U/L", 0), ("Ferritin", 30, 400, "ng/mL", 0), ("PSA", 0.0, 4.0, "ng/mL", 2),
         ("Vitamin D, 25-OH", 30, 100, "ng/mL", 0), ("Troponin I, hs", 0, 34, "ng/L", 0), ("INR", 0.9, 1.1, "", 1),
         ("eGFR", 60, 120, "mL/min/1.73m2", 0), ("Glucose, fasting", 70, 99, "mg/dL", 0), ("Magnesium", 1.7, 2.2, "mg/dL", 1)]
CONDS = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
         ("F32.1", "Major depressive disorder, single episode, moderate"), ("J45.40", "Moderate persistent asthma, uncomplicated"),
         ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("C50.912", "Malignant neoplasm of unsp. site of left female breast"),
         ("I48.91", "Unspecified atrial fibrillation"), ("N18.3", "Chronic kidney disease, stage 3"),
         ("G47.33", "Obstructive sleep apnea"), ("F41.1", "Generalized anxiety disorder"), ("K50.90", "Crohn's disease, unspecified"),
         ("B20", "Human immunodeficiency virus [HIV] disease"), ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"),
         ("M05.79", "Rheumatoid arthritis with rheumatoid factor, multiple sites"), ("F10.20", "Alcohol dependence, uncomplicated"),
         ("J44.1", "COPD with (acute) exacerbation"), ("L40.0", "Psoriasis vulgaris"), ("E03.9", "Hypothyroidism, unspecified")]
CPTS = [("99214", "Office visit, est. patient, moderate"), ("99203", "Office visit, new patient, low"),
        ("45378", "Colonoscopy, diagnostic"), ("93306", "Echocardiography, complete TTE"),
        ("72148", "MRI lumbar spine w/o contrast"), ("80053", "Comprehensive metabolic panel"),
        ("90837", "Psychotherapy, 60 min"), ("97110", "Therapeutic exercise, each 15 min"),
        ("27447", "Total knee arthroplasty"), ("96413", "Chemo admin, IV infusion, first hour"),
        ("99285", "Emergency dept visit, high severity"), ("83036", "Hemoglobin A1c"),
        ("77067", "Screening mammography, bilateral"), ("95810", "Polysomnography, attended")]
DENIALS = [("CO-197", "Precertification/authorization absent"), ("CO-50", "Not medically necessary"),
           ("CO-16", "Claim lacks information"), ("CO-29", "Timely filing limit expired"),
           ("PR-1", "Deductible amount"), ("CO-97", "Bundled with another service"), ("CO-11", "Dx inconsistent with procedure")]
STREETS = ["Maple Ave", "Oak Street", "Cedar Ln", "Harbor Blvd", "Elm Ct", "Sunset Dr", "Pine Ridge Rd",
           "Mill Street", "Lakeview Terrace", "Birch Way", "Church St", "Prospect Ave", "Orchard Rd", "Willow Bend"]
CITIES = [("Pittsburgh", "PA", "152"), ("Denver", "CO", "802"), ("Columbus", "OH", "432"), ("Portland", "OR", "972"),
          ("Miami", "FL", "331"), ("Albuquerque", "NM", "871"), ("Tacoma", "WA", "984"), ("Raleigh", "NC", "276"),
          ("Madison", "WI", "537"), ("Tucson", "AZ", "857"), ("Hilo", "HI", "967"), ("Dayton", "OH", "454")]
MAILDOMS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com", "proton.me", "comcast.net"]

DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.",
    "This message may contain protected health information (PHI) that is privileged and confidential under HIPAA (45 CFR Parts 160 and 164). If you received it in error, notify the sender immediately and delete it.",
    "This is an automated message. Please do not reply to this e-mail; replies to this address are not monitored.",
    "Do not reply to this email. This mailbox is not monitored. For medical emergencies call 911.",
    "The information transmitted is intended only for the person or entity to which it is addressed. Retransmission or other use by persons other than the intended recipient is prohibited.",
    "You are receiving this email because of your account settings. To change notification preferences, sign in and visit Settings > Notifications.",
]


def esc(s):
    return html.escape(s, quote=True)


# ---------------------------------------------------------------------------
# File builders (real, openable files)
# ---------------------------------------------------------------------------
def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(rows, sheet="Sheet1"):
    def cell(ref, v):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return '<c r="%s"><v>%s</v></c>' % (ref, v)
        return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, esc(str(v)))
    xml_rows = []
    for ri, row in enumerate(rows):
        cells = "".join(cell(col_letter(ci) + str(ri + 1), v) for ci, v in enumerate(row))
        xml_rows.append('<row r="%d">%s</row>' % (ri + 1, cells))
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 '<sheetData>%s</sheetData></worksheet>' % "".join(xml_rows))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % esc(sheet),
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    return _zip(files)


def make_docx(paragraphs):
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(p) for p in paragraphs)
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>' % body,
    }
    return _zip(files)


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content.encode("utf-8"))
    return buf.getvalue()


def make_pdf(lines, title="Document"):
    def pesc(s):
        s = s.encode("latin-1", "replace").decode("latin-1")
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    pages = [lines[i:i + 56] for i in range(0, max(len(lines), 1), 56)] or [[]]
    objs = []  # index 0 -> obj 1
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(None)  # pages placeholder
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for pg in pages:
        parts = ["BT /F1 10 Tf 13 TL 50 760 Td"]
        for ln in pg:
            parts.append("(%s) Tj T*" % pesc(ln))
        parts.append("ET")
        stream = "\n".join(parts).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_no = len(objs)
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_no).encode())
        kids.append(len(objs))
    objs[1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode()
    objs.append(("<< /Title (%s) /Producer (corpus-generator) >>" % pesc(title)).encode("latin-1"))
    info_no = len(objs)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, info_no, xref)
    return bytes(out)


def ics_fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur = [], b""
    for ch in line:
        cb = ch.encode("utf-8")
        limit = 75 if not out else 74
        if len(cur) + len(cb) > limit:
            out.append(cur.decode("utf-8"))
            cur = b""
        cur += cb
    out.append(cur.decode("utf-8"))
    return "\r\n ".join(out)


def ics_text(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(uid, start, minutes, summary, location, description, organizer, method="REQUEST"):
    end = start + dt.timedelta(minutes=minutes)
    f = "%Y%m%dT%H%M%S"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Scheduling System//Appointments 4.2//EN",
             "METHOD:" + method, "BEGIN:VEVENT", "UID:" + uid,
             "DTSTAMP:" + (start - dt.timedelta(days=7)).strftime(f) + "Z",
             "DTSTART;TZID=America/New_York:" + start.strftime(f),
             "DTEND;TZID=America/New_York:" + end.strftime(f),
             "SUMMARY:" + ics_text(summary), "LOCATION:" + ics_text(location),
             "DESCRIPTION:" + ics_text(description), "ORGANIZER;CN=" + organizer[0] + ":mailto:" + organizer[1],
             "STATUS:CONFIRMED", "BEGIN:VALARM", "TRIGGER:-PT24H", "ACTION:DISPLAY",
             "DESCRIPTION:Reminder", "END:VALARM", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(ics_fold(l) for l in lines) + "\r\n").encode("utf-8")


def make_csv(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------
# Generator context
# ---------------------------------------------------------------------------
class G:
    def __init__(self, rng, base):
        self.r = rng
        self.base = base

    def choice(self, seq):
        return self.r.choice(seq)

    def person(self, sex=None):
        r = self.r
        sex = sex or r.choice("FM")
        first = r.choice(FIRST_F if sex == "F" else FIRST_M)
        last = r.choice(LAST)
        dob = dt.date(r.randint(1936, 2019), r.randint(1, 12), r.randint(1, 28))
        city = r.choice(CITIES)
        p = {
            "first": first, "last": last, "sex": sex, "dob": dob,
            "mrn": self.mrn(), "name": first + " " + last,
            "lf": (last + ", " + first).upper() if r.random() < 0.6 else last + ", " + first,
            "street": "%d %s" % (r.randint(12, 9870), r.choice(STREETS)),
            "city": city[0], "state": city[1], "zip": city[2] + "%02d" % r.randint(0, 99),
            "phone": "(%d) 555-%04d" % (r.choice([412, 303, 614, 503, 305, 505, 253, 919, 608, 520, 808, 937]), r.randint(100, 199)),
            "member": r.choice(["XKM", "BMH", "SCP", "W", "ZGP"]) + "%09d" % r.randint(10 ** 8, 10 ** 9 - 1),
        }
        local = r.choice(["%s.%s", "%s%s", "%s_%s%d", "%s%s%d"])
        parts = (first.lower().replace(" ", "").replace("-", ""), last.lower().replace(" ", "").replace("'", "").replace("-", ""))
        if local.count("%") == 3:
            local = local % (parts[0], parts[1], r.randint(1, 99))
        else:
            local = local % parts
        p["email"] = local + "@" + r.choice(MAILDOMS)
        return p

    def mrn(self):
        r = self.r
        return r.choice(["%02d-%04d" % (r.randint(10, 99), r.randint(1000, 9999)),
                         "E%07d" % r.randint(10 ** 6, 10 ** 7 - 1),
                         "%08d" % r.randint(10 ** 6, 10 ** 8 - 1),
                         "MR%06d" % r.randint(10 ** 5, 10 ** 6 - 1)])

    def when(self, lo=-30, hi=30):
        d = self.base + dt.timedelta(days=self.r.randint(lo, hi))
        return dt.datetime(d.year, d.month, d.day, self.r.choice([7, 8, 9, 10, 11, 13, 14, 15, 16]), self.r.choice([0, 15, 30, 45]))

    def dfmt(self, d):
        return d.strftime(self.r.choice(["%m/%d/%Y", "%b %d, %Y", "%Y-%m-%d", "%A, %B %d, %Y", "%d-%b-%Y"]))

    def tfmt(self, d):
        return d.strftime("%I:%M %p").lstrip("0")

    def org(self):
        return self.r.choice(ORGS)

    def doctor(self):
        return self.r.choice(DOCTORS)

    def lab_value(self, test, abnormal=None):
        name, lo, hi, unit, dec = test
        r = self.r
        if abnormal is None:
            abnormal = r.random() < 0.6
        span = hi - lo if hi > lo else 1
        if abnormal:
            if r.random() < 0.7 or lo == 0:
                v = hi + span * r.uniform(0.05, 0.9)
                flag = "H"
            else:
                v = lo - span * r.uniform(0.05, 0.4)
                flag = "L"
        else:
            v = r.uniform(lo + span * 0.1, hi - span * 0.1)
            flag = ""
        v = round(max(v, 0), dec)
        if dec == 0:
            v = int(v)
        return v, flag

    def typo(self, s, p=0.35):
        """Occasionally swap two adjacent letters inside one longish word."""
        if self.r.random() > p:
            return s
        words = s.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if not idx:
            return s
        i = self.r.choice(idx)
        w = words[i]
        j = self.r.randint(1, len(w) - 3)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        return " ".join(words)

    def disclaimer(self, p=0.6):
        if self.r.random() < p:
            return "\n\n" + self.r.choice(DISCLAIMERS)
        return ""

    def ref(self, prefix="", n=8):
        return prefix + "".join(self.r.choice("0123456789") for _ in range(n))


def addr(name, email_):
    return email.utils.formataddr((name, email_))


def text_to_html(text, title=None):
    paras = [p for p in text.split("\n\n")]
    body = "".join("<p>%s</p>" % esc(p).replace("\n", "<br>\n") for p in paras)
    head = "<title>%s</title>" % esc(title) if title else ""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8">%s</head>'
            '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">%s</body></html>' % (head, body))


def table_html(header, rows):
    th = "".join("<th style=\"text-align:left;border-bottom:1px solid #999;padding:4px\">%s</th>" % esc(h) for h in header)
    trs = "".join("<tr>%s</tr>" % "".join("<td style=\"padding:4px\">%s</td>" % esc(str(c)) for c in row) for row in rows)
    return "<table cellspacing=\"0\">%s%s</table>" % ("<tr>%s</tr>" % th, trs)


def table_text(header, rows):
    cols = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cols) for i in range(len(header))]
    out = []
    for k, r in enumerate(cols):
        out.append("  ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# Attachment helper tuples: (filename, maintype, subtype, bytes, kind)
def att_pdf(name, lines, title="Document"):
    return (name, "application", "pdf", make_pdf(lines, title), "pdf")


def att_csv(name, rows):
    return (name, "text", "csv", make_csv(rows), "csv")


def att_xlsx(name, rows, sheet="Sheet1"):
    return (name, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", make_xlsx(rows, sheet), "xlsx")


def att_docx(name, paras):
    return (name, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", make_docx(paras), "docx")


def att_ics(name, data):
    return (name, "text", "calendar", data, "ics")


def att_json(name, obj):
    return (name, "application", "json", json.dumps(obj, indent=2).encode("utf-8"), "json")


def att_xml(name, text):
    return (name, "application", "xml", text.encode("utf-8"), "xml")


def att_hl7(name, segments):
    return (name, "application", "octet-stream", "\r".join(segments).encode("utf-8") + b"\r", "hl7")


# ---------------------------------------------------------------------------
# PHI families
# ---------------------------------------------------------------------------
def M(frm, to, subject, text, html_=None, atts=None, headers=None, cc=None):
    return {"from": frm, "to": to, "subject": subject, "text": text, "html": html_,
            "atts": atts or [], "headers": headers or {}, "cc": cc}


def noreply(org, local="noreply"):
    return addr(org[0], "%s@%s" % (local, org[1]))


def clin_email(g, org, name=None):
    name = name or g.doctor()
    local = name.lower().replace("'", "").split()
    return name, "%s.%s@%s" % (local[0][0], local[-1], org[1])


def f_ehr_result(g, v):
    org = g.org()
    p = g.person()
    dname, demail = clin_email(g, org)
    t = g.choice(TESTS)
    val, flag = g.lab_value(t)
    d = g.when(-5, 0)
    if v == 0:
        subj = "New result for %s (MRN %s): %s %s %s" % (p["lf"], p["mrn"], t[0], val, flag)
        body = ("In Basket notification - Results\n\nPatient: %s\nMRN: %s   DOB: %s\nTest: %s\nResult: %s %s %s (ref %s-%s)\n"
                "Collected: %s %s\nOrdering provider: %s, MD\n\nPlease review and acknowledge in the EHR."
                % (p["lf"], p["mrn"], p["dob"].strftime("%m/%d/%Y"), t[0], val, t[3], flag, t[1], t[2],
                   d.strftime("%m/%d/%Y"), g.tfmt(d), dname)) + g.disclaimer()
        return M(noreply(org, "inbasket"), addr("Dr. " + dname, demail), subj, body)
    if v == 1:
        panel = g.r.sample(TESTS, 5)
        rows = []
        for tt in panel:
            vv, ff = g.lab_value(tt, abnormal=g.r.random() < 0.35)
            rows.append([tt[0], vv, tt[3], ff or "", "%s-%s" % (tt[1], tt[2])])
        hdr = ["Component", "Value", "Units", "Flag", "Ref range"]
        subj = "Results available: %s - %s" % (p["last"].upper(), g.choice(["CMP", "Basic panel", "Lab panel", "Annual labs"]))
        intro = "The following results were finalized for %s (DOB %s, MRN %s):" % (p["name"], p["dob"].strftime("%m/%d/%Y"), p["mrn"])
        text = intro + "\n\n" + table_text(hdr, rows) + "\n\nResulting lab: %s\n" % g.choice(LABS)[0] + g.disclaimer()
        htm = "<html><body><p>%s</p>%s<p>Resulting lab: %s</p></body></html>" % (esc(intro), table_html(hdr, rows), esc(g.choice(LABS)[0]))
        return M(noreply(org, "results"), addr(dname, demail), subj, text, htm)
    if v == 2:
        t = g.choice([x for x in TESTS if x[0] in ("Potassium", "Troponin I, hs", "INR", "Hemoglobin", "Sodium", "Platelets")])
        val, flag = g.lab_value(t, abnormal=True)
        nurse = g.choice(NURSES)
        subj = g.choice(["CRITICAL VALUE ALERT - %s" % p["lf"], "** Critical lab value ** MRN %s" % p["mrn"], "Crit value: %s %s" % (t[0], val)])
        body = ("*** CRITICAL VALUE NOTIFICATION ***\n\nPatient: %s\nDOB: %s  Sex: %s\nMRN: %s  Location: %s\n\n%s: %s %s (%sH)\n"
                "Critical limit exceeded. Value called to %s at %s; read-back verified.\n\nLIS auto-notification - %s"
                % (p["lf"], p["dob"].strftime("%m/%d/%Y"), p["sex"], p["mrn"], g.choice(["4 WEST-412B", "ED-17", "ICU-08", "OUTPT"]),
                   t[0], val, t[3], flag[:1], nurse, g.tfmt(d), g.choice(LABS)[0]))
        return M(addr("LIS Alerts", "lis-alerts@" + org[1]), addr(dname, demail), subj, body + g.disclaimer(0.4))
    if v == 3:
        dx = g.choice(["Tubular adenoma, no high-grade dysplasia", "Invasive ductal carcinoma, grade 2, ER/PR positive, HER2 negative",
                       "Basal cell carcinoma, nodular type, margins clear", "Benign fibroadenoma", "Chronic gastritis; H. pylori organisms identified",
                       "Papillary thyroid carcinoma, 1.1 cm"])
        spec = g.choice(["Colon, sigmoid, biopsy", "Breast, left, core biopsy", "Skin, left cheek, shave", "Stomach, antrum, biopsy", "Thyroid, right lobe, FNA"])
        subj = "Final pathology report signed - %s" % g.choice([p["lf"], "MRN " + p["mrn"], "Accession S24-%05d" % g.r.randint(1000, 99999)])
        body = ("Pathology report has been finalized.\n\nPatient: %s   MRN: %s   DOB: %s\nAccession: S24-%05d\nSpecimen: %s\n\n"
                "FINAL DIAGNOSIS:\n  %s\n\nElectronically signed by %s, MD (Pathology)\nThe complete report is available in the chart."
                % (p["name"], p["mrn"], p["dob"].strftime("%m/%d/%Y"), g.r.randint(1000, 99999), spec, dx, g.doctor()))
        return M(noreply(g.choice(LABS), "copath"), addr(dname, demail), subj, body + g.disclaimer())
    if v == 4:
        t = g.choice(TESTS)
        val, flag = g.lab_value(t)
        word = {"H": "high", "L": "low", "": "normal"}[flag]
        subj = g.choice(["Your test result is ready", "New test result: %s" % t[0], "%s, a result is available" % p["first"]])
        body = ("Hi %s,\n\nA new result from %s has been released to you.\n\n%s: %s %s (%s)\nStandard range: %s - %s %s\n\n"
                "Dr. %s has reviewed this result. %s\n\nSign in to %s to see your full results history.\n\n%s"
                % (p["first"], d.strftime("%B %d"), t[0], val, t[3], word, t[1], t[2], t[3], g.doctor(),
                   g.choice(["No changes to your treatment are needed at this time.", "Keep up the good work!"]) if not flag else
                   g.choice(["Please schedule a follow-up visit to discuss.", "We will repeat this test in 3 months.", "Our office will call you to adjust your medication."]),
                   org[2], org[0]))
        return M(noreply(org), addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body) if g.r.random() < 0.5 else None)
    # v == 5 imaging
    imp = g.choice(["1.2 cm spiculated nodule in the right upper lobe, suspicious for malignancy. Recommend PET-CT.",
                    "Acute appendicitis without perforation.", "Small left pleural effusion. No pneumothorax.",
                    "L4-L5 disc herniation with moderate right foraminal stenosis.", "Nonobstructing 4 mm left renal calculus."])
    exam = g.choice(["CT CHEST W CONTRAST", "CT ABDOMEN/PELVIS W CONTRAST", "XR CHEST 2 VIEWS", "MRI L-SPINE WO", "CT RENAL STONE PROTOCOL"])
    subj = "Rad report final: %s - %s" % (exam, p["lf"])
    body = ("RADIOLOGY REPORT - FINAL\nPatient: %s  MRN: %s  Acc#: RA%07d\nExam: %s  Date: %s\n\nIMPRESSION:\n%s\n\nDictated by: %s, MD"
            % (p["lf"], p["mrn"], g.r.randint(10 ** 6, 10 ** 7 - 1), exam, d.strftime("%m/%d/%Y"), imp, g.doctor()))
    return M(addr("PowerScribe Notifications", "ris-noreply@" + org[1]), addr(dname, demail), subj, body + g.disclaimer())


def f_portal_message(g, v):
    org = g.org()
    p = g.person()
    doc = g.doctor()
    if v == 0:
        lab, drug = g.choice([("TSH", ("Levothyroxine", "88 mcg tablet")), ("A1c", ("Metformin ER", "1000 mg")), ("LDL cholesterol", ("Atorvastatin", "40 mg")),
                              ("potassium", ("Lisinopril", "10 mg")), ("INR", ("Warfarin", "5 mg")), ("lithium level", ("Lithium carbonate", "300 mg")),
                              ("viral load", ("Biktarvy", "1 tablet daily")), ("ferritin", ("Ferrous sulfate", "325 mg"))])
        subj = g.choice(["Message from Dr. %s" % doc.split()[-1], "RE: Lab results", "New message from your care team"])
        msg = g.typo("Hi %s, your recent labs came back and your %s was %s. I'd like you to %s %s %s and we will recheck in %s. Let us know if you have side effects." % (
            p["first"], lab, g.choice(["a bit off", "higher than last time", "improved", "slightly low"]), g.choice(["continue", "start", "increase your dose to"]),
            drug[0], drug[1], g.choice(["6 weeks", "3 months", "2 weeks"])))
        body = ("%s sent you a message in %s:\n\n----\n%s\n\n%s\n----\n\nTo reply, sign in to %s." % (
            "Dr. " + doc, org[2], msg, "Dr. " + doc, org[2]))
        return M(noreply(org, "portal"), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.5), text_to_html(body) if g.r.random() < 0.4 else None)
    if v == 1:
        drug = g.choice(DRUGS)
        symptom = g.choice(["dizzy and lightheaded", "a dry cough that won't stop", "really bad nausea", "trouble sleeping and feeling jittery", "a rash on my arms"])
        subj = "New patient message: %s (MRN %s) - %s" % (p["lf"], p["mrn"], g.choice(["Medication question", "Side effects", "Question for doctor"]))
        pm = g.typo("Hello, I have been %s since starting the %s last week. Should I keep taking it? Thanks, %s" % (symptom, drug[0].split()[0].lower(), p["first"]), 0.6)
        body = ("Patient Advice Request\n\nFrom: %s\nMRN: %s  DOB: %s\nPCP: %s\nSubject: %s\n\nMessage:\n%s\n\nRouted to: %s pool" % (
            p["lf"], p["mrn"], p["dob"].strftime("%m/%d/%Y"), doc, subj.split(" - ")[-1], pm, g.choice(["Internal Medicine RN", "Family Med Triage", "Clinic B Nursing"])))
        return M(noreply(org, "inbasket"), addr("Clinic Triage Pool", "triage@" + org[1]), subj, body + g.disclaimer())
    if v == 2:
        drug = g.choice(DRUGS)
        subj = g.choice(["Your prescription renewal request", "Refill request update", "Medication renewal approved"])
        body = ("Dear %s,\n\nYour request to renew %s %s has been %s by %s.\n%s\n\n%s Care Team\n" % (
            p["first"] + " " + p["last"], drug[0], drug[1], g.choice(["approved", "sent to your pharmacy", "reviewed"]), "Dr. " + doc,
            g.choice(["It was sent to your preferred pharmacy on file.", "You will need an office visit before further refills.", "Please allow 2 business days."]),
            org[0]))
        return M(noreply(org, "portal"), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 3:
        c = g.r.sample(CONDS, 2)
        drug = g.choice(DRUGS)
        subj = "After Visit Summary - %s" % g.when(-10, -1).strftime("%m/%d/%Y")
        body = ("%s,\n\nThank you for visiting %s. Here is a summary of today's visit.\n\nDiagnoses addressed:\n - %s\n - %s\n\n"
                "Medication changes:\n - START %s %s\n\nFollow up: %s\n\nProvider: %s" % (
                    p["name"], org[0], c[0][1], c[1][1], drug[0], drug[1], g.choice(["4 weeks", "3 months", "as needed"]), doc))
        return M(noreply(org), addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body, subj))
    # v4 html with quoted original
    orig = g.typo("Is it normal to still have swelling in my %s two weeks after the %s?" % (
        g.choice(["knee", "ankle", "wrist"]), g.choice(["surgery", "procedure", "arthroscopy"])), 0.6)
    reply = "Hi %s, some swelling is expected for up to 6 weeks. Keep icing and elevating. If it becomes red or hot, call us right away. - %s" % (p["first"], g.choice(NURSES))
    subj = "RE: Swelling after surgery"
    text = "You have a reply from %s Orthopedics:\n\n%s\n\n> On %s, %s wrote:\n> %s\n" % (
        org[0], reply, g.when(-3, -1).strftime("%m/%d/%Y"), p["name"], orig)
    htm = ("<html><body><p>You have a reply from <b>%s Orthopedics</b>:</p><p>%s</p><blockquote style='border-left:2px solid #ccc;padding-left:8px'>"
           "On %s, %s wrote:<br>%s</blockquote></body></html>" % (esc(org[0]), esc(reply), g.when(-3, -1).strftime("%m/%d/%Y"), esc(p["name"]), esc(orig)))
    return M(noreply(org, "messages"), addr(p["name"], p["email"]), subj, text + g.disclaimer(), htm)


def f_appointment(g, v):
    org = g.org()
    p = g.person()
    dep = g.choice(DEPTS)
    d = g.when(2, 40)
    doc = g.doctor()
    loc = "%s, %s, Suite %d, %d %s" % (org[0], dep[0], g.r.randint(100, 450), g.r.randint(100, 999), g.choice(STREETS))
    if v == 0:
        subj = "Appointment confirmed: %s on %s" % (dep[1], d.strftime("%m/%d"))
        body = ("Dear %s,\n\nYour appointment is confirmed.\n\nWhat: %s\nWhen: %s at %s\nWith: Dr. %s\nWhere: %s\n\nHow to prepare: %s\n\n"
                "Need to cancel? Call %s at least 24 hours ahead." % (p["name"], dep[1], g.dfmt(d), g.tfmt(d), doc, loc, dep[2], "(800) 555-01%02d" % g.r.randint(0, 99)))
        return M(noreply(org, "appointments"), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 1:
        subj = "Reminder: %s appointment %s" % (dep[0], g.choice(["tomorrow", "in 3 days", "next week"]))
        body = "Hello %s,\n\nThis is a reminder of your %s appointment (%s) with %s on %s at %s.\n\n%s\n\nReply C to confirm or R to reschedule." % (
            p["first"], dep[0], dep[1], "Dr. " + doc, g.dfmt(d), g.tfmt(d), dep[2])
        return M(noreply(org, "reminders"), addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body, subj))
    if v == 2:
        subj = "Your visit: %s - %s" % (dep[0], d.strftime("%b %d, %Y"))
        body = "Hi %s,\n\nAttached is a calendar invitation for your %s (%s) on %s at %s.\n\n%s\n\n%s Scheduling" % (
            p["first"], dep[1], dep[0], g.dfmt(d), g.tfmt(d), dep[2], org[0])
        ics = make_ics("appt-%s@%s" % (g.ref("", 10), org[1]), d, g.choice([30, 45, 60, 90]),
                       "%s - %s" % (dep[1], p["name"]), loc, "Patient: %s. MRN %s. %s" % (p["name"], p["mrn"], dep[2]),
                       (org[0] + " Scheduling", "appointments@" + org[1]))
        return M(noreply(org, "appointments"), addr(p["name"], p["email"]), subj, body + g.disclaimer(), None, [att_ics("appointment.ics", ics)])
    if v == 3:
        nd = d + dt.timedelta(days=g.r.randint(2, 9))
        subj = "Your appointment has been rescheduled"
        body = ("%s %s,\n\nYour %s appointment in %s originally scheduled for %s has been moved to %s at %s due to provider availability.\n\n"
                "Provider: %s\nLocation: %s\n\nWe apologize for the inconvenience." % (
                    g.choice(["Dear", "Hello"]), p["name"], dep[1], dep[0], g.dfmt(d), g.dfmt(nd), g.tfmt(nd), doc, loc))
        return M(noreply(org, "scheduling"), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    # v4: confirmation sent to referring office about a patient
    dname, demail = clin_email(g, org)
    subj = "Referral scheduled - %s - %s" % (p["lf"], dep[0])
    body = ("Referral status update\n\nPatient: %s (DOB %s)\nReferred to: %s - %s\nScheduled: %s %s\nReason for referral: %s\nReferral #: RF-%s\n\nThis is an automated notice from the referral management system."
            % (p["lf"], p["dob"].strftime("%m/%d/%Y"), dep[0], doc, d.strftime("%m/%d/%Y"), g.tfmt(d), g.choice(CONDS)[1], g.ref("", 7)))
    return M(noreply(org, "referrals"), addr(dname, demail), subj, body + g.disclaimer())


def f_pharmacy_refill(g, v):
    ph = g.choice(PHARMACIES)
    p = g.person()
    drug = g.choice(DRUGS)
    rx = "%07d" % g.r.randint(10 ** 6, 10 ** 7 - 1)
    d = g.when(-2, 3)
    frm = addr(ph[0].split(" #")[0], "rx-notify@" + ph[1])
    if v == 0:
        subj = g.choice(["Your prescription is ready for pickup", "Ready for pickup: %s" % drug[0], "%s, your Rx is ready" % p["first"]])
        body = ("Hi %s,\n\nGood news! Your prescription is ready at %s.\n\n%s %s\nRx #%s   Qty: %d\nCopay: $%.2f\n\n"
                "Pick up by %s or it will be returned to stock.\nPharmacy phone: %s" % (
                    p["first"], ph[0], drug[0], drug[1], rx, g.choice([30, 60, 90]), g.r.choice([0, 4.99, 10, 15, 35, 47.5]),
                    (d + dt.timedelta(days=10)).strftime("%m/%d"), ph[2]))
        return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body) if g.r.random() < 0.5 else None)
    if v == 1:
        subj = "Auto Refill scheduled"
        body = ("%s %s,\n\nThe following prescription is scheduled to be auto-refilled on %s:\n\n  * %s (%s) - Rx %s - prescribed by Dr. %s\n\n"
                "If you no longer need this medication, reply STOP or manage Auto Refill in the app." % (
                    g.choice(["Dear", "Hello"]), p["name"], g.dfmt(d), drug[0], drug[1], rx, g.doctor()))
        return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 2:
        subj = "Refill request sent to your prescriber"
        body = ("Hello %s,\n\nYou have no refills remaining for %s %s (Rx %s). We have faxed a renewal request to Dr. %s on %s.\n"
                "We'll text you once it's approved.\n\n%s  %s" % (p["first"], drug[0], drug[1], rx, g.doctor(), d.strftime("%m/%d/%Y"), ph[0], ph[2]))
        return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 3:
        trk = "1Z%s" % g.ref("", 16)
        subj = "Your order has shipped - Order %s" % g.ref("", 8)
        body = ("Hi %s,\n\nYour mail-order prescription is on its way.\n\nItem: %s %s, %d-day supply\nRx: %s\nShip to: %s, %s, %s %s\nTracking: %s\n"
                "Keep refrigerated: %s\n\nQuestions? %s" % (p["first"], drug[0], drug[1], g.choice([30, 90]), rx, p["street"], p["city"], p["state"], p["zip"], trk,
                                                          "Yes" if "pen" in drug[1] else "No", ph[2]))
        return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer())
    # v4 insurance rejection
    subj = "Action needed on your prescription"
    body = ("Dear %s,\n\nWe tried to fill %s %s (Rx %s) but your insurance (%s) returned: %s.\n"
            "Your prescriber may need to submit a prior authorization. Cash price: $%.2f.\n\nCall us at %s." % (
                p["name"], drug[0], drug[1], rx, g.choice(PAYERS)[0], g.choice(["Refill too soon", "Prior authorization required", "Non-formulary drug", "Quantity limit exceeded"]),
                g.r.uniform(18, 950), ph[2]))
    return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer())


def f_pharmacy_transfer(g, v):
    ph, other = g.r.sample(PHARMACIES, 2)
    p = g.person()
    drugs = g.r.sample(DRUGS, g.r.randint(1, 3))
    frm = addr(ph[0].split(" #")[0] + " Pharmacy", "transfers@" + ph[1])
    lst = "\n".join("  - %s %s (new Rx #%07d)" % (x[0], x[1], g.r.randint(10 ** 6, 10 ** 7 - 1)) for x in drugs)
    if v == 0:
        subj = "Your prescription transfer is complete"
        body = "Hi %s,\n\nWe've transferred the following from %s to %s:\n%s\n\nYou can now request refills here." % (p["first"], other[0], ph[0], lst)
    elif v == 1:
        subj = "We received your transfer request"
        body = ("Dear %s,\n\nThanks for choosing %s. We have contacted %s (%s) to transfer:\n%s\n\nTransfers usually take 1-2 business days. "
                "Some prescriptions (for example, controlled substances) may require a new prescription from your doctor." % (p["name"], ph[0], other[0], other[2], lst))
    elif v == 2:
        subj = "Transfer on hold - more information needed"
        body = ("Hello %s,\n\nWe could not complete the transfer of %s %s because the prescription at %s has no refills left. "
                "Please ask Dr. %s to send a new prescription.\n\nDOB on file: %s" % (p["first"], drugs[0][0], drugs[0][1], other[0], g.doctor(), p["dob"].strftime("%m/%d/%Y")))
    else:
        subj = "Welcome to %s - your prescriptions" % ph[0].split(" #")[0]
        body = ("Welcome, %s!\n\nYour profile is set up. Medications transferred in:\n%s\n\nAllergies on file: %s\nPreferred pickup: %s\n" % (
            p["name"], lst, g.choice(["Penicillin", "Sulfa", "None known", "Codeine"]), ph[0]))
    return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body) if g.r.random() < 0.4 else None)


def f_telehealth(g, v):
    platform = g.choice([("CareNow Video", "carenowvideo.com"), ("TeleDoc Direct", "teledocdirect.com"), ("MDLink Virtual Care", "mdlinkvirtual.com"), ("Amwell-style VisitNow", "visitnow.health")])
    p = g.person()
    doc = g.doctor()
    reason, c, drug = g.choice([
        ("sinus pressure and congestion x10 days", ("J01.90", "Acute sinusitis, unspecified"), ("Amoxicillin-clavulanate", "875 mg tablet")),
        ("burning with urination", ("N39.0", "Urinary tract infection"), ("Nitrofurantoin", "100 mg capsule")),
        ("sore throat and fever", ("J02.0", "Streptococcal pharyngitis"), ("Amoxicillin", "500 mg capsule")),
        ("low mood, poor sleep", ("F32.1", "Major depressive disorder, moderate"), ("Sertraline", "50 mg tablet")),
        ("medication review - blood pressure", ("I10", "Essential hypertension"), ("Amlodipine", "5 mg tablet")),
        ("itchy red eye", ("H10.33", "Acute conjunctivitis, bilateral"), ("Polymyxin B/trimethoprim", "ophthalmic drops")),
        ("cold sores", ("B00.1", "Herpesviral vesicular dermatitis"), ("Valacyclovir", "1 g tablet")),
        ("wheezing after a cold", ("J45.41", "Moderate persistent asthma with exacerbation"), ("Prednisone", "40 mg x 5 days"))])
    d = g.when(-3, 0)
    lines = ["VISIT SUMMARY", "Patient: %s   DOB: %s" % (p["name"], p["dob"].strftime("%m/%d/%Y")), "Visit date: %s (video)" % d.strftime("%m/%d/%Y"),
             "Clinician: %s, %s" % (doc, g.choice(["MD", "DO", "NP", "PA-C"])), "", "Reason for visit: %s" % reason,
             "Assessment: %s (%s)" % (c[1], c[0]), "Plan: %s %s as directed" % (drug[0], drug[1]), "Follow up if symptoms worsen or do not improve in 3-5 days."]
    if v == 0:
        subj = "Your visit summary from %s" % d.strftime("%B %d")
        body = "Hi %s,\n\nThanks for using %s. Here is your visit summary:\n\n%s\n\nThe %s" % (p["first"], platform[0], "\n".join(lines[2:]), platform[0] + " team")
        return M(addr(platform[0], "no-reply@" + platform[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 1:
        subj = "Visit summary attached"
        body = "Hello %s,\n\nYour visit summary is attached as a PDF. Your prescription for %s was sent to your pharmacy.\n\n%s" % (p["first"], drug[0], platform[0])
        return M(addr(platform[0], "summaries@" + platform[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(), None,
                 [att_pdf("VisitSummary_%s.pdf" % d.strftime("%Y%m%d"), lines, "Visit Summary")])
    if v == 2:
        subj = "Your virtual visit with %s" % doc
        body = "%s\n\n%s" % ("\n".join(lines), "Questions? Message your clinician in the app.")
        htm = "<html><body><h2>Visit summary</h2>%s</body></html>" % "".join("<p>%s</p>" % esc(l) for l in lines if l)
        return M(addr(platform[0], "no-reply@" + platform[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(), htm)
    subj = "Documentation for your %s visit" % g.choice(["telehealth", "e-visit", "online"])
    body = "Dear %s,\n\nAttached is the clinician note from your visit on %s, including work/school excuse.\n" % (p["name"], d.strftime("%m/%d/%Y"))
    paras = lines + ["", "Work/School note: %s may return on %s." % (p["name"], (d + dt.timedelta(days=2)).strftime("%m/%d/%Y"))]
    return M(addr(platform[0], "care@" + platform[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(), None,
             [att_docx("Visit_Note_%s.docx" % p["last"].replace(" ", ""), paras)])


def _claim_rows(g, n, kind):
    rows = []
    for _ in range(n):
        p = g.person()
        cpt = g.choice(CPTS)
        c = g.choice(CONDS)
        dos = g.when(-90, -10).strftime("%m/%d/%Y")
        amt = round(g.r.uniform(45, 12000), 2)
        if kind == "denial":
            den = g.choice(DENIALS)
            rows.append(["CLM%09d" % g.r.randint(10 ** 8, 10 ** 9 - 1), p["last"] + ", " + p["first"], p["member"], p["dob"].strftime("%m/%d/%Y"),
                         dos, cpt[0], c[0], amt, den[0], den[1]])
        elif kind == "aging":
            rows.append([p["mrn"], p["last"] + ", " + p["first"], g.choice(PAYERS)[0], dos, cpt[0], cpt[1], amt, g.choice(["31-60", "61-90", "91-120", "120+"])])
        elif kind == "era":
            paid = round(amt * g.r.uniform(0.2, 0.8), 2)
            rows.append([p["last"].upper() + "^" + p["first"].upper(), p["member"], dos, cpt[0], c[0], amt, paid, round(amt - paid, 2), g.choice(["CO-45", "PR-2", "PR-3", "CO-45;PR-1"])])
        else:  # unbilled / charge lag
            rows.append([p["mrn"], p["name"], dos, g.choice(DEPTS)[0], cpt[0], c[0] + " " + c[1], g.r.randint(3, 40), g.choice(["Missing dx", "Coding hold", "Provider unsigned", "Auth pending"])])
    return rows


CLAIM_HEADERS = {
    "denial": ["Claim ID", "Patient", "Member ID", "DOB", "DOS", "CPT", "ICD10", "Billed", "CARC", "Denial reason"],
    "aging": ["MRN", "Patient", "Payer", "DOS", "CPT", "Description", "Balance", "Aging bucket"],
    "era": ["Patient", "Member ID", "DOS", "CPT", "Dx", "Billed", "Paid", "Adj", "Adj codes"],
    "unbilled": ["MRN", "Patient name", "DOS", "Department", "CPT", "Diagnosis", "Days unbilled", "Hold reason"],
}


def _claims_export(g, v, fmt):
    org = g.org()
    kind = ["denial", "aging", "era", "unbilled"][v % 4]
    n = g.r.randint(5, 14)
    rows = _claim_rows(g, n, kind)
    titles = {"denial": "Daily Denials Report", "aging": "A/R Aging Detail", "era": "ERA Remittance Detail", "unbilled": "DNFB / Unbilled Encounters"}
    d = g.when(-1, 0)
    fname = "%s_%s.%s" % (titles[kind].replace(" ", "_").replace("/", "-"), d.strftime("%Y%m%d"), fmt)
    staff = g.person()
    subj = g.choice(["[Scheduled Report] %s - %s" % (titles[kind], d.strftime("%m/%d/%Y")), "%s %s" % (titles[kind], d.strftime("%Y-%m-%d")),
                     "Report ready: %s (%d rows)" % (titles[kind], n)])
    body = ("This report was generated automatically by %s Revenue Cycle Reporting.\n\nReport: %s\nRun date: %s\nRows: %d\nFilter: %s\n\n"
            "The file is attached. Contact the report owner to change the subscription." % (
                org[0], titles[kind], d.strftime("%m/%d/%Y %H:%M"), n, g.choice(["All payers", "Commercial", "Medicaid MCO", "Dept = Cardiology"])))
    body += g.disclaimer(0.8)
    data = [CLAIM_HEADERS[kind]] + rows
    att = att_csv(fname, data) if fmt == "csv" else att_xlsx(fname, data, titles[kind][:30])
    return M(addr("RCM Reports", "reports@" + org[1]), addr(staff["name"], "%s.%s@%s" % (staff["first"][0].lower(), staff["last"].lower().replace(" ", "").replace("'", ""), org[1])),
             subj, body, None, [att])


def f_claims_csv(g, v):
    return _claims_export(g, v, "csv")


def f_claims_xlsx(g, v):
    return _claims_export(g, v, "xlsx")


def hl7_msg(g, p, mtype, synthetic=False):
    ts = g.when(-2, 0).strftime("%Y%m%d%H%M")
    ctrl = g.ref("", 9)
    fac = g.choice(["RIVERBEND", "NGMC", "STBRIGID", "CVH", "TCRH"])
    segs = ["MSH|^~\\&|%s|%s|%s|%s|%s||%s|%s|%s|2.5.1" % (g.choice(["EPIC", "CERNER", "LABSYS", "MEDITECH"]), fac, g.choice(["RHAPSODY", "HIE", "RCM", "ANCILLARY"]), fac, ts, mtype, ctrl, "T" if synthetic else "P"),
            "PID|1||%s^^^%s^MR||%s^%s^%s||%s|%s|||%s^^%s^%s^%s||%s" % (p["mrn"], fac, p["last"].upper(), p["first"].upper(), g.choice(["A", "M", "", "J"]),
                                                               p["dob"].strftime("%Y%m%d"), p["sex"], p["street"], p["city"], p["state"], p["zip"], p["phone"])]
    if mtype.startswith("ADT"):
        c = g.choice(CONDS)
        segs += ["PV1|1|I|4W^412^B^%s||||%s^%s^%s|||MED||||1|||%s^%s|IP|V%s" % (fac, g.r.randint(1000, 9999), *g.doctor().split()[::-1][:2], g.r.randint(1000, 9999), "HOSP", g.ref("", 8)),
                 "DG1|1||%s^%s^I10||%s|A" % (c[0], c[1], ts)]
    elif mtype.startswith("ORU"):
        segs.append("OBR|1|%s|%s|80048^BASIC METABOLIC PANEL^CPT|||%s" % (g.ref("", 7), g.ref("", 7), ts))
        for i, t in enumerate(g.r.sample(TESTS, 3)):
            val, flag = g.lab_value(t)
            segs.append("OBX|%d|NM|%s^%s^LN||%s|%s|%s-%s|%s|||F" % (i + 1, g.ref("", 5) + "-" + str(g.r.randint(0, 9)), t[0], val, t[3], t[1], t[2], flag or "N"))
    elif mtype.startswith("ORM"):
        cpt = g.choice(CPTS)
        segs += ["ORC|NW|%s||||||||||%s^%s" % (g.ref("", 8), g.r.randint(1000, 9999), g.doctor().split()[-1].upper()),
                 "OBR|1|%s||%s^%s^CPT|||%s" % (g.ref("", 8), cpt[0], cpt[1].upper(), ts), "DG1|1||%s^%s^I10" % g.choice(CONDS)]
    else:  # SIU
        dep = g.choice(DEPTS)
        segs += ["SCH|%s||||||%s^%s|||30|MIN" % (g.ref("", 7), dep[1].upper(), dep[0].upper()), "AIL|1||%s^%s" % (dep[0].upper().replace(" ", "_"), fac)]
    return segs


def f_hl7(g, v):
    org = g.org()
    p = g.person()
    mtype = ["ADT^A01", "ORU^R01", "ORM^O01", "SIU^S12", "ORU^R01"][v % 5]
    segs = hl7_msg(g, p, mtype)
    engine = g.choice(["Rhapsody", "Mirth Connect", "Cloverleaf", "Corepoint"])
    to = addr("Interface Team", "interfaces@" + org[1])
    frm = addr("%s Alerts" % engine, "%s-alerts@%s" % (engine.split()[0].lower(), org[1]))
    if v in (0, 2):
        subj = "[%s] Message error on channel %s - %s" % (engine, g.choice(["ADT_OUT_HIE", "LAB_RESULTS_IN", "ORDERS_TO_RIS", "SCHED_OUT"]), g.choice(["AR - application reject", "Validation failed", "Mapping exception"]))
        body = ("Alert generated %s\nChannel: %s\nError: %s\n\nOriginal message:\n%s\n\n-- automated alert, do not reply" % (
            g.when(-1, 0).strftime("%Y-%m-%d %H:%M:%S"), subj.split("channel ")[1].split(" ")[0],
            g.choice(["PV1-3 location not found in lookup table", "Required field PID-8 missing", "Duplicate control ID", "Downstream ACK timeout after 3 retries"]),
            "\n".join(segs)))
        return M(frm, to, subj, body + g.disclaimer(0.5))
    if v == 1:
        subj = "Quarantined message attached (%s) - %s" % (mtype, g.ref("MSG", 6))
        body = "A message was moved to the error queue. The raw HL7 is attached for troubleshooting.\n\nControl ID: %s\nReason: %s" % (
            segs[0].split("|")[9], g.choice(["Unknown OBX-3 code", "Patient not found (PID-3)", "Encoding error"]))
        return M(frm, to, subj, body + g.disclaimer(), None, [att_hl7("error_%s.hl7" % g.ref("", 6), segs)])
    if v == 3:
        name = g.person()
        subj = "FW: SIU feed issue - appointment not crossing"
        body = ("%s,\n\nCan you look at this one? Copied the message from the error log below. Patient called saying her appt wasn't in the portal.\n\n%s\n\nThanks,\n%s\nApplication Analyst\n\n"
                "-----Original Message-----\nFrom: %s Alerts\nSubject: SIU^S12 rejected\n\n%s" % (
                    g.choice(["Team", "Hi all", "Rosa"]), "", name["name"], engine, "\n".join(segs)))
        return M(addr(name["name"], "%s.%s@%s" % (name["first"].lower().replace(" ", ""), name["last"].lower().replace(" ", "").replace("'", ""), org[1])), to, subj, g.typo(body, 0.2) + g.disclaimer())
    subj = "ORU replay report - %d messages resent" % g.r.randint(1, 5)
    body = "The following message was replayed to %s after outage:\n\n%s\n" % (g.choice(["HIE", "Portal", "Registry"]), "\n".join(segs))
    return M(frm, to, subj, body + g.disclaimer())


def fhir_bundle(g, p, synthetic=False):
    c = g.choice(CONDS)
    t = g.choice(TESTS)
    val, flag = g.lab_value(t)
    drug = g.choice(DRUGS)
    pid = g.ref("", 6) if not synthetic else "example-test-0001"
    return {"resourceType": "Bundle", "type": "collection", "timestamp": g.when(-1, 0).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "entry": [
                {"resource": {"resourceType": "Patient", "id": pid,
                              "identifier": [{"system": "urn:oid:1.2.840.114350.1.13.%d" % g.r.randint(100, 999), "value": p["mrn"]}],
                              "name": [{"family": p["last"], "given": [p["first"]]}], "gender": {"F": "female", "M": "male"}[p["sex"]],
                              "birthDate": p["dob"].isoformat(),
                              "address": [{"line": [p["street"]], "city": p["city"], "state": p["state"], "postalCode": p["zip"]}]}},
                {"resource": {"resourceType": "Condition", "subject": {"reference": "Patient/" + pid},
                              "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c[0], "display": c[1]}]},
                              "clinicalStatus": {"coding": [{"code": "active"}]}}},
                {"resource": {"resourceType": "Observation", "status": "final", "subject": {"reference": "Patient/" + pid},
                              "code": {"text": t[0]}, "valueQuantity": {"value": val, "unit": t[3]},
                              "interpretation": [{"coding": [{"code": flag or "N"}]}]}},
                {"resource": {"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": {"reference": "Patient/" + pid},
                              "medicationCodeableConcept": {"text": "%s %s" % drug[:2]}}}]}


def f_fhir(g, v):
    org = g.org()
    p = g.person()
    b = fhir_bundle(g, p)
    app = g.choice(["HealthSync API", "CarePath Integration Hub", "FHIR Gateway", "Interop Services"])
    to = addr(g.choice(["Integration Engineering", "Data Exchange Team", "Analytics Ops"]), "integration@" + org[1])
    frm = addr(app, "fhir-notify@" + org[1])
    if v == 0:
        subj = "Subscription notification: Patient/%s updated" % b["entry"][0]["resource"]["id"]
        body = "Subscription %s fired (criteria: Observation?status=final).\n\nPayload:\n%s" % (g.ref("sub-", 5), json.dumps(b["entry"][2]["resource"] | {"subject": {"reference": "Patient/%s" % b["entry"][0]["resource"]["id"], "display": p["name"]}}, indent=2))
        return M(frm, to, subj, body + g.disclaimer(0.4))
    if v == 1:
        subj = "Bulk $export job %s complete - sample attached" % g.ref("", 6)
        body = "Your export job completed.\nResources: Patient, Condition, Observation, MedicationRequest\nA sample bundle is attached for validation."
        return M(frm, to, subj, body + g.disclaimer(), None, [att_json("bundle_sample_%s.json" % g.ref("", 4), b)])
    if v == 2:
        subj = "Validation failed: MedicationRequest for %s" % p["lf"]
        body = "Resource failed profile validation (us-core-medicationrequest):\n - medication[x]: coding missing\n\n%s\n\nPatient: %s (%s)" % (
            json.dumps(b["entry"][3]["resource"], indent=2), p["name"], p["mrn"])
        return M(frm, to, subj, body + g.disclaimer())
    subj = "Patient access API - record delivered to third-party app"
    body = ("Audit notice: The following record was delivered via Patient Access API to app '%s'.\n\n%s" % (
        g.choice(["MyHealthWallet", "CareClipboard", "PillPal"]), json.dumps(b, indent=1)[:1800] + "\n..."))
    return M(frm, to, subj, body + g.disclaimer())


def ccda_xml(g, p, title):
    c = g.choice(CONDS)
    drug = g.choice(DRUGS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n'
            '  <templateId root="2.16.840.1.113883.10.20.22.1.2"/>\n  <title>%s</title>\n'
            '  <effectiveTime value="%s"/>\n  <recordTarget><patientRole>\n    <id extension="%s" root="2.16.840.1.113883.19.5"/>\n'
            '    <addr><streetAddressLine>%s</streetAddressLine><city>%s</city><state>%s</state><postalCode>%s</postalCode></addr>\n'
            '    <patient><name><given>%s</given><family>%s</family></name>\n      <administrativeGenderCode code="%s"/><birthTime value="%s"/></patient>\n'
            '  </patientRole></recordTarget>\n  <component><structuredBody>\n'
            '    <component><section><title>Problems</title><text><list><item>%s (%s)</item></list></text></section></component>\n'
            '    <component><section><title>Medications</title><text><list><item>%s %s</item></list></text></section></component>\n'
            '  </structuredBody></component>\n</ClinicalDocument>\n' % (
                esc(title), g.when(-3, 0).strftime("%Y%m%d"), p["mrn"], esc(p["street"]), p["city"], p["state"], p["zip"],
                esc(p["first"]), esc(p["last"]), p["sex"], p["dob"].strftime("%Y%m%d"), esc(c[1]), c[0], esc(drug[0]), esc(drug[1])))


def f_ccda(g, v):
    org, other = g.r.sample(ORGS, 2)
    p = g.person()
    dname, demail = clin_email(g, org)
    title = ["Continuity of Care Document", "Referral Note", "Discharge Summary", "Transition of Care Summary"][v % 4]
    xml = ccda_xml(g, p, title)
    hisp = g.choice(["DataMotion Direct", "SecureExchange HISP", "Updox Direct", "KONZA Direct"])
    frm = addr(other[0] + " via " + hisp, "direct@direct." + other[1])
    to = addr(dname, demail.replace("@", "@direct."))
    if v == 0:
        subj = "Direct message: %s for %s" % (title, p["lf"])
        body = "You have received a Direct secure message.\n\nFrom: %s\nPatient: %s  DOB: %s\nAttachment: CCD.xml\n" % (other[0], p["name"], p["dob"].strftime("%m/%d/%Y"))
        return M(frm, to, subj, body + g.disclaimer(), None, [att_xml("CCD_%s.xml" % p["last"].replace(" ", ""), xml)])
    if v == 1:
        subj = "Referral packet - %s" % p["last"]
        body = "Attached referral note (C-CDA) and human-readable PDF for patient %s, referred for %s." % (p["name"], g.choice(DEPTS)[0])
        pdf = att_pdf("ReferralNote.pdf", [l.strip() for l in xml.replace("<", " <").split("\n") if "<title>" in l or "<item>" in l or "family" in l], title)
        return M(frm, to, subj, body + g.disclaimer(), None, [att_xml("ReferralNote.xml", xml), pdf])
    if v == 2:
        subj = "Discharge summary delivered - %s" % p["mrn"]
        body = "The following document was delivered to your Direct inbox. Snippet:\n\n" + xml + g.disclaimer()
        return M(frm, to, subj, body)
    subj = "Transition of care summary (encounter %s)" % g.ref("", 8)
    body = ("Automated ToC summary from %s.\nPatient: %s\nDischarged: %s\nDischarge diagnosis: %s\nFollow-up with PCP within 7 days.\n" % (
        other[0], p["lf"], g.when(-4, -1).strftime("%m/%d/%Y"), g.choice(CONDS)[1]))
    return M(frm, to, subj, body + g.disclaimer(), text_to_html(body), [att_xml("ToC.xml", xml)])


def f_wearable(g, v):
    p = g.person()
    d = g.when(-2, 0)
    greet = g.choice(["Hi %s," % p["first"], "Hello %s!" % p["first"], "Dear %s," % p["name"], ""])
    if v == 0:
        app = g.choice([("GlucoTrack", "glucotrack.io"), ("SteadySugar CGM", "steadysugar.com"), ("DexLink Clarity-style", "dexlink.app")])
        tir = g.r.randint(38, 88)
        subj = g.choice(["Your weekly glucose report", "Your CGM summary: %d%% time in range" % tir, "Weekly Insights for %s" % p["first"]])
        body = ("%s\n\nHere's your glucose summary for %s - %s:\n\nAverage glucose: %d mg/dL\nTime in range (70-180): %d%%\nTime below 70: %d%%\n"
                "GMI (est. A1c): %.1f%%\nLows overnight: %d\n\nTip: Share this report with your diabetes care team." % (
                    greet, (d - dt.timedelta(days=7)).strftime("%b %d"), d.strftime("%b %d"), g.r.randint(118, 212), tir, g.r.randint(1, 9),
                    g.r.uniform(6.2, 9.4), g.r.randint(0, 5)))
        return M(addr(app[0], "reports@" + app[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.3), text_to_html(body, subj))
    if v == 1:
        app = g.choice([("PulseWatch", "pulsewatch.com"), ("HeartBeat+ Rhythm", "heartbeatplus.com"), ("KardioBand", "kardioband.io")])
        subj = g.choice(["Irregular rhythm notification", "Possible AFib detected", "We noticed an irregular heart rhythm"])
        body = ("%s\n\nYour watch identified signs of an irregular rhythm suggestive of atrial fibrillation on %s at %s (%d episodes, longest %d min).\n"
                "Average heart rate during episodes: %d bpm.\n\nIf you have not been diagnosed with AFib by a physician, talk to your doctor." % (
                    greet or "Hi,", d.strftime("%b %d"), g.tfmt(d), g.r.randint(1, 6), g.r.randint(4, 95), g.r.randint(95, 148)))
        return M(addr(app[0], "alerts@" + app[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.4))
    if v == 2:
        app = g.choice([("SleepWell CPAP", "sleepwellcpap.com"), ("AirRest myAir-style", "airrest.com"), ("DreamMate", "dreammate.health")])
        ahi = round(g.r.uniform(1.2, 18.5), 1)
        subj = "Your monthly sleep therapy report"
        body = ("%s\n\nTherapy summary for %s:\n  Nights used: %d of 30\n  Avg usage: %.1f hours/night\n  AHI (events/hour): %s\n  Mask leak: %s\n\n"
                "Your equipment provider and sleep physician can see this report. Device SN %s." % (
                    greet, d.strftime("%B %Y"), g.r.randint(14, 30), g.r.uniform(3.2, 7.9), ahi, g.choice(["Good", "High", "Fair"]), g.ref("", 11)))
        return M(addr(app[0], "noreply@" + app[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.3))
    if v == 3:
        app = g.choice([("CuffSmart BP", "cuffsmart.com"), ("PressureLog", "pressurelog.app")])
        rows = [[(d - dt.timedelta(days=i)).strftime("%m/%d"), "%d/%d" % (g.r.randint(128, 172), g.r.randint(78, 104)), g.r.randint(58, 96)] for i in range(7)]
        subj = "%s's blood pressure report" % p["first"]
        text = "%s\n\nYour readings this week averaged in the Stage 2 hypertension range.\n\n%s\n\nShare with your doctor from the app." % (
            greet, table_text(["Date", "BP (mmHg)", "Pulse"], rows))
        return M(addr(app[0], "hello@" + app[1]), addr(p["name"], p["email"]), subj, text + g.disclaimer(0.3), None,
                 [att_pdf("BP_Report_%s.pdf" % d.strftime("%Y%m"), ["Blood Pressure Report - %s" % p["name"], ""] + ["%s   %s   %s" % tuple(r) for r in rows], "BP Report")])
    app = g.choice([("PulseWatch", "pulsewatch.com"), ("KardioBand", "kardioband.io")])
    subj = "ECG recording shared with you"
    body = ("%s shared an ECG recording with you.\n\nRecorded: %s %s\nClassification: %s\nHeart rate: %d bpm\n\nThe PDF is attached." % (
        p["name"], d.strftime("%m/%d/%Y"), g.tfmt(d), g.choice(["Atrial fibrillation", "Sinus rhythm with PVCs", "Inconclusive - high heart rate"]), g.r.randint(55, 150)))
    dname, demail = clin_email(g, g.org())
    return M(addr(app[0], "share@" + app[1]), addr(dname, demail), subj, body + g.disclaimer(0.3), None,
             [att_pdf("ECG_%s.pdf" % d.strftime("%Y-%m-%d"), ["ECG Report", "Name: %s  DOB: %s" % (p["name"], p["dob"].strftime("%m/%d/%Y")), body.split("\n")[3]], "ECG")])


def f_genetic(g, v):
    p = g.person()
    lab = g.choice([("HelixGene Labs", "helixgene.com"), ("Ancestral Health DNA", "ancestralhealth.com"), ("GenomeCare Diagnostics", "genomecaredx.com"), ("Invita-style Genetics", "invitagenetics.com")])
    if v == 0:
        subj = g.choice(["Your Health Predisposition report is ready", "New report: %s" % g.choice(["BRCA1/BRCA2 (selected variants)", "Late-onset Alzheimer's (APOE)", "Hereditary hemochromatosis"])])
        res = g.choice(["One variant detected in BRCA1 (185delAG). This variant is associated with increased risk of breast and ovarian cancer.",
                        "You have one copy of the APOE e4 variant, associated with a slightly increased risk of late-onset Alzheimer's disease.",
                        "Two copies of the HFE C282Y variant detected. You are at increased risk of iron overload."])
        body = "Hi %s,\n\n%s\n\nWe recommend discussing this result with a genetic counselor. Book a free session in your account.\n\n%s" % (p["first"], res, lab[0])
        return M(addr(lab[0], "reports@" + lab[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.4), text_to_html(body, subj))
    if v == 1:
        dname, demail = clin_email(g, g.org())
        gene = g.choice([("MLH1", "c.1852_1854del (p.Lys618del)", "Likely pathogenic"), ("CFTR", "c.1521_1523del (F508del)", "Pathogenic, heterozygous"),
                         ("TP53", "c.743G>A (p.Arg248Gln)", "Pathogenic"), ("BRCA2", "c.7007G>A", "Variant of uncertain significance")])
        subj = "Report available: %s - Order %s" % (p["lf"], g.ref("GC", 7))
        lines = ["GENETIC TEST REPORT", "Patient: %s  DOB: %s  Sex: %s" % (p["name"], p["dob"].strftime("%m/%d/%Y"), p["sex"]),
                 "Ordering clinician: %s" % dname, "Test: %s" % g.choice(["Hereditary Cancer Panel (84 genes)", "Lynch syndrome panel", "CF carrier screen"]),
                 "RESULT: %s %s - %s" % gene, "Interpretation: genetic counseling recommended."]
        body = "A report for your patient %s is now available. The PDF is attached.\n\nResult summary: %s %s (%s)" % (p["name"], gene[0], gene[1], gene[2])
        return M(addr(lab[0] + " Portal", "clinician-portal@" + lab[1]), addr(dname, demail), subj, body + g.disclaimer(), None,
                 [att_pdf("GeneticReport_%s.pdf" % g.ref("", 6), lines, "Genetic Test Report")])
    if v == 2:
        subj = "Your carrier screening results"
        partner = g.person()
        body = ("Dear %s,\n\nYour expanded carrier screening (%d conditions) is complete. You were found to be a carrier for %s.\n"
                "Your partner, %s, %s.\n\nA genetic counselor will call you within 2 business days." % (
                    p["name"], g.choice([274, 176, 301]), g.choice(["spinal muscular atrophy (SMA)", "cystic fibrosis", "Tay-Sachs disease", "sickle cell disease"]),
                    partner["first"], g.choice(["has not yet been tested", "tested negative for this condition"])))
        return M(addr(lab[0], "results@" + lab[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    subj = "Pharmacogenomic report for %s" % p["first"]
    gene = g.choice([("CYP2C19", "*2/*2", "Poor metabolizer - clopidogrel may be less effective"), ("CYP2D6", "*4/*4", "Poor metabolizer - avoid codeine"),
                     ("SLCO1B1", "*5/*5", "Increased myopathy risk with simvastatin")])
    body = "Hello %s,\n\nYour PGx results:\n  %s %s - %s\n\nShow this report to your pharmacist and prescribers." % (p["first"], *gene)
    return M(addr(lab[0], "pgx@" + lab[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(), None,
             [att_pdf("PGx_Report.pdf", ["Pharmacogenomic Report", "Name: %s   DOB: %s" % (p["name"], p["dob"].strftime("%m/%d/%Y")), "%s %s: %s" % gene], "PGx")])


def f_rpm_alert(g, v):
    org = g.org()
    p = g.person()
    nurse = g.choice(NURSES)
    plat = g.choice(["CareSignal RPM", "VitalBridge", "HomeWatch Monitoring", "TeleCare 360"])
    d = g.when(-1, 0)
    to = addr(nurse.split(",")[0], "%s@%s" % (nurse.split(",")[0].lower().replace(" ", "."), org[1]))
    frm = addr(plat, "alerts@" + plat.lower().replace(" ", "") + ".com")
    if v == 0:
        w = g.r.uniform(1.5, 3.2)
        subj = "RPM ALERT (HF program): %s weight +%.1f kg/48h" % (p["lf"], w)
        body = "Alert: Weight gain threshold exceeded\nPatient: %s  MRN: %s\nProgram: Heart Failure RPM\nToday: %.1f kg  (48h ago: %.1f kg)\nSymptoms reported: %s\n\nAcknowledge in dashboard." % (
            p["name"], p["mrn"], 80 + w, 80.0, g.choice(["increased shortness of breath", "ankle swelling", "none"]))
    elif v == 1:
        s = g.r.randint(82, 88)
        subj = "Low SpO2 reading - %s" % p["first"] + " " + p["last"][0] + "."
        body = "Threshold alert %s\n\n%s (DOB %s) recorded SpO2 %d%% at %s (threshold 90%%). COPD home monitoring program.\nPulse: %d\n" % (
            g.ref("A", 6), p["name"], p["dob"].strftime("%m/%d/%Y"), s, g.tfmt(d), g.r.randint(88, 118))
    elif v == 2:
        subj = "High BP alert: %s" % p["lf"]
        body = "Patient %s (MRN %s) submitted BP %d/%d at %s. Hypertension protocol: call patient within 4 hours.\nLast 3 readings: %s" % (
            p["name"], p["mrn"], g.r.randint(172, 205), g.r.randint(101, 124), g.tfmt(d), ", ".join("%d/%d" % (g.r.randint(150, 180), g.r.randint(90, 110)) for _ in range(3)))
    elif v == 3:
        subj = "Glucose out of range - %s" % p["lf"]
        body = "CGM alert for %s (%s): glucose %d mg/dL %s for %d minutes. Insulin pump: %s. Diabetes RPM care team notified." % (
            p["name"], p["mrn"], g.r.choice([48, 52, 61, 312, 355, 401]), g.choice(["sustained", "falling rapidly", "rising"]), g.r.randint(20, 120), g.choice(["connected", "no data"]))
    else:
        subj = "Remote device transmission: %s - %s" % (g.choice(["ICD", "Pacemaker", "ILR"]), p["lf"])
        body = ("Device clinic notification\nPatient: %s  DOB: %s\nDevice: %s\nEvent: %s\nBattery: %.1f years\n\nReview transmission in the device portal." % (
            p["name"], p["dob"].strftime("%m/%d/%Y"), g.choice(["dual-chamber ICD", "leadless pacemaker", "implantable loop recorder"]),
            g.choice(["AT/AF burden 14% since last check", "VT episode treated with ATP", "Missed scheduled transmission (3 days)"]), g.r.uniform(2, 9)))
    return M(frm, to, subj, body + g.disclaimer(), text_to_html(body, subj) if g.r.random() < 0.4 else None)


def f_eligibility(g, v):
    payer = g.choice(PAYERS)
    org = g.org()
    p = g.person()
    staff = g.person()
    svc = g.choice([("MH", "Mental Health - outpatient psychotherapy"), ("30", "Health Benefit Plan Coverage - for scheduled total knee arthroplasty"),
                    ("PT", "Physical Therapy - 12 of 20 visits used"), ("78", "Chemotherapy"), ("AI", "Substance Abuse - outpatient"), ("BT", "Gynecological - prenatal care")])
    to = addr(staff["name"], "registration@" + org[1])
    frm = addr(g.choice(["Availity-style Eligibility", "ClearPath Clearinghouse", "Eligibility Engine"]), "eligibility@" + g.choice(["clearpathedi.com", "eligengine.net", payer[1]]))
    if v == 0:
        subj = "Eligibility response: %s - ACTIVE" % p["lf"]
        body = ("270/271 Eligibility Response\n\nPayer: %s\nMember: %s\nMember ID: %s   DOB: %s\nGroup: %s\nCoverage: Active (%s)\nService type: %s %s\n"
                "Copay: $%d   Deductible remaining: $%d\nProvider: %s\nScheduled: %s\n" % (
                    payer[0], p["name"], p["member"], p["dob"].strftime("%m/%d/%Y"), g.ref("G", 6), g.choice(["PPO", "HMO", "EPO"]), svc[0], svc[1],
                    g.choice([20, 35, 50, 75]), g.r.randint(0, 3000), org[0], g.choice(DEPTS)[1]))
        return M(frm, to, subj, body + g.disclaimer())
    if v == 1:
        rows = [["Member", p["name"]], ["Member ID", p["member"]], ["DOB", p["dob"].strftime("%m/%d/%Y")], ["Status", "Active"], ["Benefit", svc[1]],
                ["Coinsurance", "%d%%" % g.choice([10, 20, 30])], ["Visits remaining", str(g.r.randint(0, 20))]]
        subj = "Benefits verification complete - %s" % p["member"]
        text = "Benefits verification results for your %s appointment:\n\n%s" % (g.choice(DEPTS)[0], "\n".join("%s: %s" % tuple(r) for r in rows))
        htm = "<html><body><p>Benefits verification results:</p>%s</body></html>" % table_html(["Field", "Value"], rows)
        return M(frm, to, subj, text + g.disclaimer(), htm)
    if v == 2:
        cpt = g.choice(CPTS)
        subj = "Real-time estimate: %s for %s" % (cpt[0], p["last"])
        body = ("Patient estimate generated\nPatient: %s   DOB %s\nPlan: %s (%s)\nProcedure: %s %s\nAllowed: $%.2f  Patient responsibility: $%.2f\nPrior auth required: %s" % (
            p["lf"], p["dob"].strftime("%m/%d/%Y"), payer[0], p["member"], cpt[0], cpt[1], g.r.uniform(200, 9000), g.r.uniform(0, 2500), g.choice(["Yes", "No"])))
        return M(frm, to, subj, body + g.disclaimer())
    segs = ["ISA*00*          *00*          *ZZ*%s*ZZ*%s*%s*1200*^*00501*%s*0*P*:~" % (payer[1][:8].upper(), org[1][:8].upper(), g.when(-1, 0).strftime("%y%m%d"), g.ref("", 9)),
            "ST*271*0001*005010X279A1~", "NM1*IL*1*%s*%s****MI*%s~" % (p["last"].upper(), p["first"].upper(), p["member"]),
            "DMG*D8*%s*%s~" % (p["dob"].strftime("%Y%m%d"), p["sex"]), "EB*1*IND*%s**%s~" % (svc[0], g.choice(["PPO", "HMO"])),
            "MSG*%s~" % svc[1], "SE*7*0001~"]
    subj = "271 response (raw) - trace %s" % g.ref("", 10)
    body = "Raw X12 271 returned for inquiry:\n\n" + "\n".join(segs)
    return M(frm, to, subj, body + g.disclaimer(0.4))


def _fax_header(g):
    return g.choice(["eFax Corporate", "RingCentral Fax", "Concord Fax", "SRFax", "FaxMaker"])


def f_prior_auth_fax(g, v):
    org = g.org()
    payer = g.choice(PAYERS)
    p = g.person()
    drug = g.choice(DRUGS)
    c = g.choice(CONDS)
    if g.r.random() < 0.6:
        svc = drug[0] + " " + drug[1]
        c = (IND_ICD.get(drug[2], "R69"), drug[2][0].upper() + drug[2][1:])
    else:
        cpt = g.choice(CPTS)
        svc = "CPT %s %s" % cpt
    svc_name = g.choice(["Fax Inbox", "Fax Server"])
    fsvc = _fax_header(g)
    pages = g.r.randint(2, 9)
    caller = "(%d) 555-%04d" % (g.r.choice([800, 866, 877, 888]), g.r.randint(100, 199))
    frm = addr(fsvc, "fax-noreply@" + fsvc.lower().replace(" ", "") + ".com")
    to = addr("Prior Auth Team", "priorauth@" + org[1])
    if v == 0:
        cover = ["PRIOR AUTHORIZATION REQUEST - FAX COVER", "To: %s  Fax: %s" % (payer[0], caller), "From: %s" % org[0],
                 "Patient: %s   DOB: %s" % (p["name"], p["dob"].strftime("%m/%d/%Y")), "Member ID: %s" % p["member"],
                 "Requested: %s" % svc, "Diagnosis: %s %s" % (c[0], c[1]), "Pages: %d (incl. cover)" % pages, "URGENT - expedited review requested"]
        subj = "Fax received from %s - %d pages" % (caller, pages)
        body = ("You have received a %d page fax.\n\nCaller ID: %s\nReceived: %s\nOCR preview (page 1):\n  %s\n" % (
            pages, caller, g.when(-1, 0).strftime("%m/%d/%Y %I:%M %p"), "\n  ".join(cover[:7])))
        return M(frm, to, subj, body + g.disclaimer(0.5), None, [att_pdf("fax_%s.pdf" % g.ref("", 10), cover, "Fax")])
    if v in (1, 2):
        decision = "APPROVED" if v == 1 else "DENIED"
        lines = ["%s - Utilization Management" % payer[0], "AUTHORIZATION DETERMINATION: %s" % decision, "Member: %s  ID: %s" % (p["name"], p["member"]),
                 "DOB: %s" % p["dob"].strftime("%m/%d/%Y"), "Service: %s" % svc, "Diagnosis: %s" % c[0],
                 ("Auth #: PA%s  Valid through %s" % (g.ref("", 8), g.when(60, 180).strftime("%m/%d/%Y"))) if v == 1 else "Reason: criteria not met - step therapy required"]
        subj = "%s: Fax from %s (%d pg)" % (svc_name, payer[0], len(lines) // 3 + 1)
        body = "Inbound fax delivered to %s.\nSender: %s\nPages: %d\n\nThe fax image is attached as PDF." % (to, payer[0], 2)
        return M(frm, to, subj, body + g.disclaimer(0.5), None, [att_pdf("PA_%s_%s.pdf" % (decision.lower(), g.ref("", 6)), lines, "PA Determination")])
    if v == 3:
        subj = "Request for additional clinical information - %s" % p["lf"]
        body = ("%s\nCOVERMYMEDS-style notification\n\nA prior authorization for %s (patient %s, DOB %s) requires additional information:\n"
                "  Q1. List formulary alternatives tried and failed (drug, dates, outcome).\n  Q2. Current %s diagnosis date?\n\nRespond by %s." % (
                    payer[0], drug[0], p["name"], p["dob"].strftime("%m/%d/%Y"), c[1], g.when(2, 5).strftime("%m/%d/%Y")))
        return M(addr("ePA Notifications", "epa@" + payer[1]), to, subj, body + g.disclaimer())
    # v4: legacy fax gateway: raw, sloppy MIME built elsewhere (flag)
    cover = ["FAX COVER SHEET", "Patient: %s  DOB %s" % (p["name"], p["dob"].strftime("%m/%d/%Y")), "Re: Prior auth %s" % svc, "Dx: %s" % c[1], "Pages: %d" % pages]
    subj = "Fax from %s" % caller
    body = "Fax received %s\r\nFrom: %s\r\nPages: %d\r\n\r\nPage 1 text:\r\n%s\r\n" % (g.when(-1, 0).strftime("%d.%m.%Y %H:%M"), caller, pages, "\r\n".join(cover))
    m = M(frm, to, subj, body, None, [att_pdf("FAX%s.PDF" % g.ref("", 6), cover, "Fax")])
    m["legacy"] = True
    return m


def f_home_infusion(g, v):
    org = ("Apex Home Infusion", "apexinfusion.com") if g.r.random() < 0.5 else ("CareFlow Infusion Services", "careflowinfusion.com")
    d = g.when(1, 7)
    therapies = ["Vancomycin 1.25 g IV q12h", "Ceftriaxone 2 g IV daily", "IVIG 40 g monthly", "TPN 1800 mL nightly", "Remicade 400 mg q8wk",
                 "Ertapenem 1 g IV daily", "Milrinone 0.375 mcg/kg/min continuous", "Daptomycin 600 mg IV daily"]
    if v in (0, 2):
        rows = []
        for i in range(g.r.randint(5, 10)):
            p = g.person()
            rows.append([(d + dt.timedelta(days=i % 4)).strftime("%m/%d"), p["last"] + ", " + p["first"], "%s, %s" % (p["street"], p["city"]), p["phone"],
                         g.choice(therapies), g.choice(NURSES).split(",")[0], g.choice(["Delivery", "Nurse visit + dressing change", "Delivery + PICC care", "Labs (CBC, CMP, vanc trough)"])])
        hdr = ["Date", "Patient", "Address", "Phone", "Therapy", "Nurse", "Visit type"]
        subj = "%s schedule - week of %s" % (g.choice(["Delivery/Nursing", "Route", "Driver & RN"]), d.strftime("%m/%d/%Y"))
        body = "Attached is the delivery and nursing schedule for the week of %s. %d stops. Please confirm by end of day.\n\nScheduling System\n%s" % (d.strftime("%m/%d"), len(rows), org[0])
        att = att_csv("schedule_%s.csv" % d.strftime("%Y%m%d"), [hdr] + rows) if v == 0 else att_xlsx("schedule_%s.xlsx" % d.strftime("%Y%m%d"), [hdr] + rows, "Schedule")
        staff = g.person()
        return M(addr(org[0] + " Scheduling", "scheduling@" + org[1]), addr(staff["name"], "field-team@" + org[1]), subj, body + g.disclaimer(), None, [att])
    p = g.person()
    th = g.choice(therapies)
    if v == 1:
        subj = "Your infusion delivery is scheduled"
        body = ("Hi %s,\n\nYour next delivery of %s and supplies (saline flushes, heparin, tubing) is scheduled for %s between %s.\n"
                "Someone 18+ must be home to sign. Keep medication refrigerated.\n\nYour home nurse visit: %s\n\n%s Pharmacy" % (
                    p["first"], th, g.dfmt(d), g.choice(["8am-12pm", "12pm-4pm", "4pm-8pm"]), g.dfmt(d + dt.timedelta(days=1)), org[0]))
        return M(addr(org[0], "noreply@" + org[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    subj = "Delivery manifest - %s - %s" % (p["lf"], d.strftime("%m/%d"))
    rows = [[th, "7 doses"], ["0.9% NaCl flush 10 mL", "30"], ["Heparin 100 u/mL 5 mL", "14"], ["PICC dressing kit", "2"]]
    text = "Patient: %s  DOB %s\nAddress: %s, %s %s\n\n%s" % (p["name"], p["dob"].strftime("%m/%d/%Y"), p["street"], p["city"], p["zip"], table_text(["Item", "Qty"], rows))
    htm = "<html><body><p>Patient: %s<br>Address: %s</p>%s</body></html>" % (esc(p["name"]), esc(p["street"]), table_html(["Item", "Qty"], rows))
    return M(addr(org[0] + " Dispatch", "dispatch@" + org[1]), addr("Courier Desk", "courier@" + org[1]), subj, text + g.disclaimer(), htm)


def f_system_job_patient(g, v):
    org = g.org()
    p = g.person()
    doc = g.doctor()
    d = g.when(-1, 0)
    doct = g.choice(["Discharge_Summary", "Lab_Results", "Op_Note", "Consult_Psychiatry", "Path_Report", "Echo_Report", "HIV_Viral_Load"])
    fname = "%s_%s_%s.pdf" % (doct, p["last"].upper().replace(" ", ""), p["first"].upper().replace(" ", ""))
    to = addr("Help Desk Queue", "servicedesk@" + org[1])
    if v == 0:
        subj = "Fax transmission FAILED: %s" % fname
        body = ("Outbound fax job %s failed after 3 attempts.\n\nDocument: %s\nPatient: %s  MRN: %s\nDestination: Dr. %s  (fax %s)\nError: No answer / busy\n"
                "Please verify the fax number and resend from the chart." % (g.ref("", 6), fname, p["lf"], p["mrn"], doc, "(555) 555-%04d" % g.r.randint(100, 199)))
        return M(addr("RightFax Server", "rightfax@" + org[1]), to, subj, body + g.disclaimer())
    if v == 1:
        subj = "Print job stuck on %s" % g.choice(["4W-NURS-PRN02", "ED-LBL-01", "ONC-CLINIC-MFP"])
        body = "Print queue alert\nJob: %s\nOwner: %s\nPages: %d\nStatus: Error - paper jam (tray 2)\nSubmitted: %s\n" % (
            fname, g.choice(NURSES).split(",")[0], g.r.randint(2, 12), d.strftime("%m/%d/%Y %H:%M"))
        return M(addr("PrintWatch", "printwatch@" + org[1]), to, subj, body + g.disclaimer(0.4))
    if v == 2:
        subj = "Scan indexing exceptions (%d)" % g.r.randint(2, 4)
        rows = [[g.ref("", 7), "%s, %s" % (x["last"], x["first"]), x["dob"].strftime("%m/%d/%Y"), g.choice(["Consent - Surgery", "Outside records - Oncology", "Mammogram report", "Psych eval"]), g.choice(["MRN mismatch", "Unreadable barcode", "Duplicate"])]
                for x in [p] + [g.person() for _ in range(g.r.randint(1, 3))]]
        body = "The following scanned documents could not be auto-indexed:\n\n%s\n\nHIM Capture Service" % table_text(["Batch", "Patient", "DOB", "Doc type", "Exception"], rows)
        return M(addr("HIM Capture", "capture@" + org[1]), addr("HIM Indexing", "him@" + org[1]), subj, body + g.disclaimer())
    subj = "Report distribution failure - %s" % doct.replace("_", " ")
    body = "Could not deliver %s for %s (DOB %s, encounter %s) to %s, %s: no valid delivery endpoint.\nRoute manually.\n" % (
        doct.replace("_", " ").lower(), p["name"], p["dob"].strftime("%m/%d/%Y"), g.ref("", 9), doc, g.choice(["MD", "DO"]))
    return M(addr("Document Distribution", "docdist@" + org[1]), to, subj, body + g.disclaimer())


def f_survey(g, v):
    org = g.org()
    p = g.person()
    doc = g.doctor()
    dep = g.choice(DEPTS)
    d = g.when(-7, -1)
    vendor = g.choice(["PressPoint Surveys", "CareFeedback", "Qualtrics-style PX", "VoiceOfPatient"])
    frm = addr(org[0] + " (via %s)" % vendor, "survey@" + vendor.lower().replace(" ", "").replace("-", "") + ".com")
    if v == 0:
        subj = "How was your visit with Dr. %s?" % doc.split()[-1]
        body = "Dear %s,\n\nThank you for choosing %s %s. Please tell us about your visit with Dr. %s on %s.\n\n[Take the 3-minute survey]\n\nYour feedback is confidential." % (
            p["name"], org[0], dep[0], doc, d.strftime("%B %d"))
    elif v == 1:
        subj = "Tell us about your Emergency Department visit"
        body = "Hi %s,\n\nOur records show you were seen in the %s Emergency Department on %s. We'd like to hear about your experience.\n" % (p["first"], org[0], g.dfmt(d))
    elif v == 2:
        subj = "%s, rate your %s experience" % (p["first"], dep[1].split(" (")[0].split(" -")[0])
        body = "Hello %s,\n\nYou recently had a %s at %s. On a scale of 0-10, how likely are you to recommend us?\n\n0 1 2 3 4 5 6 7 8 9 10\n" % (p["first"], dep[1], org[0])
    else:
        subj = "Your stay at %s" % org[0]
        body = "Dear %s,\n\nWe hope you are recovering well after your stay on our %s unit (%s - %s). Please complete this short survey about your care.\n" % (
            p["name"], g.choice(["Labor & Delivery", "Cardiac", "Orthopedic Surgery", "Inpatient Psychiatry", "Oncology"]), (d - dt.timedelta(days=3)).strftime("%m/%d"), d.strftime("%m/%d"))
    return M(frm, addr(p["name"], p["email"]), subj, body + g.disclaimer(0.6), text_to_html(body, subj) if g.r.random() < 0.6 else None)


def f_billing_statement(g, v):
    org = g.org()
    p = g.person()
    d = g.when(-60, -10)
    svc = g.choice(["Emergency Department visit", "MRI lumbar spine", "Colonoscopy with biopsy", "Outpatient psychotherapy (4 sessions)",
                    "Chemotherapy infusion", "Labor and delivery", "Physical therapy (6 visits)", "Allergy testing"])
    amt = g.r.uniform(25, 4200)
    acct = g.ref("", 9)
    if v == 0:
        subj = "Your %s statement is ready" % org[0]
        body = ("Hello %s,\n\nA new statement is available.\n\nAccount: %s\nDate of service: %s\nService: %s\nAmount due: $%.2f\nDue date: %s\n\nPay online or call Patient Financial Services." % (
            p["first"], acct, d.strftime("%m/%d/%Y"), svc, amt, (d + dt.timedelta(days=45)).strftime("%m/%d/%Y")))
        return M(noreply(org, "billing"), addr(p["name"], p["email"]), subj, body + g.disclaimer(), text_to_html(body, subj))
    if v == 1:
        subj = "Payment received - thank you"
        body = "Dear %s,\n\nWe received your payment of $%.2f on account %s for %s on %s. Remaining balance: $%.2f.\n" % (
            p["name"], amt, acct, svc, d.strftime("%m/%d/%Y"), g.r.uniform(0, 300))
        return M(noreply(org, "billing"), addr(p["name"], p["email"]), subj, body + g.disclaimer())
    if v == 2:
        payer = g.choice(PAYERS)
        subj = "New Explanation of Benefits available"
        lines = ["EXPLANATION OF BENEFITS - THIS IS NOT A BILL", "Member: %s   ID: %s" % (p["name"], p["member"]), "Claim: %s" % g.ref("", 12),
                 "Provider: %s" % org[0], "Service: %s  (%s)" % (svc, d.strftime("%m/%d/%Y")), "Billed $%.2f  Plan paid $%.2f  You may owe $%.2f" % (amt * 3, amt * 2, amt)]
        body = "Hi %s,\n\nAn EOB for a claim from %s (date of service %s) is ready. Open the attached PDF or sign in.\n" % (p["first"], org[0], d.strftime("%m/%d/%Y"))
        return M(addr(payer[0], "eob@" + payer[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(), None, [att_pdf("EOB_%s.pdf" % d.strftime("%Y%m%d"), lines, "EOB")])
    subj = "FINAL NOTICE - account %s" % acct
    body = "%s,\n\nYour balance of $%.2f for %s at %s (%s) is past due. Contact us within 10 days to avoid referral to collections.\n\n%s Patient Accounts" % (
        p["name"], amt, svc, org[0], d.strftime("%m/%d/%Y"), g.choice(["Meridian Recovery Services", org[0]]))
    return M(noreply(org, "accounts"), addr(p["name"], p["email"]), subj, body + g.disclaimer())


# ---------------------------------------------------------------------------
# CLEAN families (hard look-alikes)
# ---------------------------------------------------------------------------
def f_portal_no_content(g, v):
    org = g.org()
    p = g.person()
    greet = g.choice(["Dear %s," % p["name"], "Hi %s," % p["first"], "Hello,", "Dear Patient,"])
    if v == 0:
        subj = g.choice(["You have a new message", "New message in %s" % org[2], "%s: new secure message" % org[0]])
        body = "%s\n\nYou have a new message in %s. For your privacy, the message content is not included in this email.\nPlease log in to read it: https://portal.%s/login\n" % (greet, org[2], org[1])
    elif v == 1:
        subj = "A new document is available"
        body = "%s\n\nA new document has been posted to your %s account. Sign in to view it.\n\nhttps://portal.%s\n" % (greet, org[2], org[1])
    elif v == 2:
        subj = "There is new information in your account"
        body = "%s\n\nThere is new information available in %s. To protect your privacy we do not include details in email. Log in with your username and password to view.\n" % (greet, org[2])
    elif v == 3:
        subj = "Your %s contact preferences were updated" % org[2]
        body = "%s\n\nThe email address and mobile number on your %s account were updated on %s. If you did not make this change, call %s.\n" % (
            greet, org[2], g.when(-1, 0).strftime("%m/%d/%Y"), "(800) 555-01%02d" % g.r.randint(0, 99))
    else:
        subj = "Weekly activity digest"
        body = "%s\n\nThere has been activity in your %s account this week (%d new item(s)). Sign in to review. Notifications can be managed under Account Settings.\n" % (greet, org[2], g.r.randint(1, 4))
    return M(noreply(org, "portal"), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.7), text_to_html(body, subj) if g.r.random() < 0.6 else None)


def f_password_reset(g, v):
    org = g.org()
    p = g.person()
    code = "%06d" % g.r.randint(0, 999999)
    if v == 0:
        subj = "Reset your %s password" % org[2]
        body = "Hi %s,\n\nWe received a request to reset the password for your %s account (username: %s).\nClick the link below within 30 minutes:\nhttps://portal.%s/reset?t=%s\n\nIf you didn't request this, ignore this email." % (
            p["first"], org[2], p["email"].split("@")[0], org[1], g.ref("", 20))
    elif v == 1:
        subj = "Your verification code: %s" % code
        body = "Your %s one-time verification code is %s. It expires in 10 minutes. Never share this code, even with our staff." % (org[2], code)
    elif v == 2:
        subj = "Account locked after failed sign-in attempts"
        body = "Hello %s,\n\nYour %s account was locked after 5 unsuccessful sign-in attempts on %s. Use Forgot Password to unlock it or call the help line." % (
            p["name"], org[2], g.when(-1, 0).strftime("%m/%d/%Y %I:%M %p"))
    else:
        subj = "New sign-in to your account"
        body = "Hi %s,\n\nWe noticed a new sign-in to %s from %s on %s (IP %d.%d.%d.%d). If this was you, no action is needed." % (
            p["first"], org[2], g.choice(["Chrome on Windows", "Safari on iPhone", "the Android app"]), g.when(-1, 0).strftime("%b %d at %I:%M %p"),
            g.r.randint(20, 220), g.r.randint(0, 255), g.r.randint(0, 255), g.r.randint(1, 254))
    return M(noreply(org, "security"), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.6), text_to_html(body, subj) if g.r.random() < 0.5 else None)


def f_it_alert(g, v):
    org = g.org()
    d = g.when(-1, 0)
    host = g.choice(["epic-prd-app04", "pacs-arch-02", "lis-db01", "hl7-engine-prd", "citrix-sf-03", "fax-gw-01", "rhapsody-prd"])
    tool = g.choice(["Nagios", "SolarWinds Orion", "Zabbix", "Datadog", "PRTG"])
    to = addr("IT Operations", "itops@" + org[1])
    frm = addr(tool, "%s@monitor.%s" % (tool.split()[0].lower(), org[1]))
    if v == 0:
        q = g.r.randint(1200, 9000)
        subj = "** PROBLEM alert - %s/LAB_RESULTS_IN queue depth is CRITICAL **" % host
        body = "Notification Type: PROBLEM\nService: HL7 inbound queue LAB_RESULTS_IN\nHost: %s\nState: CRITICAL\nInfo: %d messages pending (threshold 500); oldest message age 00:%02d:%02d\nDate/Time: %s\n" % (
            host, q, g.r.randint(10, 59), g.r.randint(0, 59), d.strftime("%a %b %d %H:%M:%S %Z %Y").strip())
    elif v == 1:
        pct = g.r.randint(91, 99)
        subj = "[WARN] Disk usage %d%% on %s:/data" % (pct, host)
        body = "Host: %s\nVolume: /data (DICOM archive)\nUsage: %d%% (%.1f TB of %.1f TB)\nTrend: full in ~%d days\nRunbook: KB0012%03d" % (
            host, pct, 38.2 * pct / 100, 38.2, g.r.randint(3, 20), g.r.randint(0, 999))
    elif v == 2:
        subj = "RECOVERY: %s - Citrix logon duration OK" % host
        body = "Service recovered at %s. Average logon duration 14.2s (threshold 30s). Affected: Epic Hyperspace published app, %d sessions." % (d.strftime("%H:%M"), g.r.randint(120, 900))
    elif v == 3:
        subj = "Certificate expiring in %d days: fhir.%s" % (g.r.randint(5, 30), org[1])
        body = "The TLS certificate for fhir.%s (patient access API) expires on %s.\nIssuer: %s\nSerial: %s\nOwner: Integration team. Renew via the PKI portal." % (
            org[1], g.when(5, 30).strftime("%Y-%m-%d"), g.choice(["DigiCert", "Sectigo", "Internal CA"]), g.ref("", 16))
    else:
        subj = "Backup job summary - %s" % d.strftime("%Y-%m-%d")
        rows = [[h, g.choice(["Success", "Success", "Warning"]), "%.1f GB" % g.r.uniform(20, 900)] for h in ["epic-clarity-db", "lis-db01", "pacs-arch-02", "portal-web01"]]
        body = "Nightly backup results:\n\n%s\n\nNo patient data is included in this notification." % table_text(["Job", "Status", "Size"], rows)
    return M(frm, to, subj, body + g.disclaimer(0.5))


def f_maintenance(g, v):
    org = g.org()
    d = g.when(2, 20)
    sysn = g.choice(["Epic", "Cerner Millennium", "Sunquest LIS", "PowerScribe", "the patient portal", "PACS", "Pyxis"])
    if v == 0:
        subj = "PLANNED DOWNTIME: %s - %s 02:00-05:00" % (sysn, d.strftime("%a %m/%d"))
        body = ("All staff,\n\n%s will be unavailable on %s from 02:00 to 05:00 for an upgrade.\n\nDuring downtime:\n - Use downtime forms and BCA read-only reports\n"
                " - Lab results will be phoned for critical values\n - Pharmacy will verify orders from paper\n\nIS Communications" % (sysn, g.dfmt(d)))
        return M(addr("IS Communications", "is-comms@" + org[1]), addr("All Staff", "allstaff@" + org[1]), subj, body + g.disclaimer(0.5), text_to_html(body, subj))
    if v == 1:
        subj = "Scheduled maintenance: %s" % org[2]
        body = "Dear %s user,\n\n%s will be undergoing scheduled maintenance on %s from 11 PM to 3 AM ET. You will not be able to message your care team, view results or request appointments during this window. If you need care, call your clinic or 911 in an emergency.\n" % (
            org[2], org[2], g.dfmt(d))
        return M(noreply(org, "portal"), addr("%s Users" % org[2], "undisclosed-recipients@" + org[1]), subj, body + g.disclaimer(0.5))
    if v == 2:
        subj = "Network maintenance - %s campus" % g.choice(["North", "Main", "Westside"])
        body = "Network Services will replace core switches on %s between 01:00 and 04:00. Wireless, VoIP and Vocera may drop for up to 10 minutes. Clinical devices on wired connections are not affected.\nChange: CHG00%05d" % (
            g.dfmt(d), g.r.randint(0, 99999))
    else:
        subj = "Downtime complete - %s restored" % sysn
        body = "%s has been restored as of %s. Please enter any downtime documentation within 24 hours. Thank you for your patience.\n\nIS Service Desk x4357" % (sysn, d.strftime("%H:%M"))
    return M(addr("IS Service Desk", "servicedesk@" + org[1]), addr("Clinical Staff", "clinical-all@" + org[1]), subj, body + g.disclaimer(0.5))


def f_marketing(g, v):
    org = g.org()
    sub = g.person()
    brand = g.choice([("VitaBloom Supplements", "vitabloom.com"), ("FitForge", "fitforge.com"), ("CalmNest Meditation", "calmnest.app"), ("PureStep Footwear", "purestep.com")])
    unsub = "\n\nYou are receiving this because you subscribed at %s. Unsubscribe: https://%s/u/%s\n%s, %d %s, %s" % (
        "our website", org[1] if v < 2 else brand[1], g.ref("", 10), org[0] if v < 2 else brand[0], g.r.randint(100, 999), g.choice(STREETS), g.choice(CITIES)[0])
    if v == 0:
        subj = g.choice(["Spring Health Newsletter: 5 tips for heart health", "Healthy Living - %s" % g.when().strftime("%B %Y")])
        body = "HEALTHY LIVING from %s\n\n* Know your numbers: blood pressure under 120/80 is considered normal.\n* Colorectal cancer screening now starts at age 45.\n* Flu vaccines are available at all primary care locations.\n* Recipe: Mediterranean chickpea salad\n\nFind a doctor: https://%s/find" % (org[0], org[1])
    elif v == 1:
        subj = "Now open: %s Urgent Care - %s" % (org[0], g.choice(CITIES)[0])
        body = "We're excited to announce our new urgent care at %d %s. Open 8am-8pm, 7 days a week. Walk-ins welcome; save your spot online. X-ray and lab on site." % (g.r.randint(100, 999), g.choice(STREETS))
    elif v == 2:
        subj = g.choice(["%s, 25%% off your next order" % sub["first"], "Our Immunity Bundle is back", "Last chance: free shipping ends tonight"])
        body = "Hi %s,\n\nStock up on %s's best sellers: Vitamin D3 2000 IU, Magnesium Glycinate, Elderberry Gummies. Use code SPRING25 at checkout.\n\n*These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease." % (sub["first"], brand[0])
    elif v == 3:
        subj = "Webinar: Managing stress at work (free)"
        body = "Join %s and licensed therapist %s for a free 45-minute webinar on stress and sleep. Thursday at noon ET. Register: https://%s/webinar" % (brand[0], g.doctor(), brand[1])
    else:
        subj = "Did you know? Heart attack symptoms in women"
        body = "February is Heart Month. Women are more likely than men to experience nausea, back or jaw pain during a heart attack. Learn the signs and call 911. Read more on the %s blog." % org[0]
    frm = noreply(org, "news") if v in (0, 1, 4) else addr(brand[0], "hello@" + brand[1])
    to = addr(sub["name"], sub["email"])
    return M(frm, to, subj, body + unsub, text_to_html(body + unsub, subj) if g.r.random() < 0.7 else None)


def f_deid_export(g, v):
    org = g.org()
    analyst = g.person()
    to = addr(analyst["name"], "%s.%s@%s" % (analyst["first"][0].lower(), analyst["last"].lower().replace(" ", "").replace("'", ""), org[1]))
    frm = addr(g.choice(["Research Data Warehouse", "REDCap", "i2b2 Query Tool", "TriNetX-style Export"]), "rdw-noreply@" + org[1])
    rows = [["study_id", "age_band", "sex", "dx_group", "hba1c_baseline", "hba1c_6mo", "arm"]]
    for _ in range(g.r.randint(8, 16)):
        rows.append(["S%05d" % g.r.randint(0, 99999), g.choice(["18-29", "30-44", "45-64", "65-79", "80+"]), g.choice("FM"), g.choice(["T2DM", "T2DM+CKD", "T2DM+HTN"]),
                     round(g.r.uniform(6.5, 11), 1), round(g.r.uniform(6.0, 10), 1), g.choice(["A", "B"])])
    note = "Dataset has been de-identified per the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)): no names, dates (year only), geographic subdivisions smaller than state, or record numbers. Study IDs are random and not derived from MRNs."
    irb = "IRB-%d-%04d" % (g.r.choice([2023, 2024]), g.r.randint(1, 9999))
    if v == 0:
        subj = "Data export ready - %s (de-identified)" % irb
        body = "Your requested export for protocol %s is attached (%d rows).\n\n%s" % (irb, len(rows) - 1, note)
        return M(frm, to, subj, body + g.disclaimer(0.4), None, [att_csv("deid_extract_%s.csv" % irb, rows)])
    if v == 1:
        subj = "Cohort count results - query %s" % g.ref("Q", 5)
        crit = g.choice(["Adults with type 2 diabetes and CKD stage 3, 2019-2023", "Patients with COPD admitted 2+ times in 12 months", "Pediatric asthma ED visits 2022-2023"])
        body = "Query: %s\n\nTotal patients: %s\nBy sex: F %d%%, M %d%%\nMedian age: %d\nCounts under 11 are suppressed.\n\nAggregate counts only; no patient-level data was returned." % (
            crit, "{:,}".format(g.r.randint(800, 30000)), g.r.randint(40, 60), g.r.randint(40, 60), g.r.randint(30, 70))
        return M(frm, to, subj, body + g.disclaimer(0.4))
    if v == 2:
        subj = "REDCap: Data export for project '%s'" % g.choice(["Post-op delirium registry", "Sepsis bundle QI", "CGM adherence pilot"])
        body = "A de-identified data export (Remove all tagged identifier fields; shift dates) was created by %s. File attached.\n\n%s" % (analyst["name"], note)
        return M(addr("REDCap", "redcap@" + org[1]), to, subj, body, None, [att_xlsx("export_deid.xlsx", rows, "deid")])
    subj = "Monthly de-identified registry extract submitted"
    body = "The monthly extract for the %s registry was transmitted to the coordinating center (%d records, de-identified, Safe Harbor). Submission ID %s.\n" % (
        g.choice(["NSQIP-style surgical quality", "state cancer surveillance summary", "cardiac rehab outcomes"]), g.r.randint(200, 5000), g.ref("", 8))
    return M(frm, to, subj, body + g.disclaimer(0.5))


def f_dashboard(g, v):
    org = g.org()
    d = g.when(-2, 0)
    to = addr("Quality Leadership", "quality-leaders@" + org[1])
    frm = addr(g.choice(["Tableau Server", "Power BI Subscriptions", "Qlik NPrinting"]), "bi-noreply@" + org[1])
    units = ["4 West", "5 East", "MICU", "SICU", "Ortho/Neuro", "Cardiac Stepdown", "Peds"]
    if v == 0:
        rows = [[u, "%d%%" % g.r.randint(62, 98), g.r.randint(0, 3), "%.1f" % g.r.uniform(0, 2.5)] for u in g.r.sample(units, 5)]
        hdr = ["Unit", "Sepsis bundle compliance", "CLABSI (count)", "Falls/1000 pt days"]
        subj = "Quality Scorecard - %s" % d.strftime("%B %Y")
    elif v == 1:
        rows = [[h, g.r.randint(8, 60), "%d min" % g.r.randint(12, 90), "%d min" % g.r.randint(120, 400)] for h in ["00-06", "06-12", "12-18", "18-24"]]
        hdr = ["Hour block", "Arrivals", "Door-to-provider", "Median LOS"]
        subj = "ED Throughput Daily - %s" % d.strftime("%m/%d/%Y")
    elif v == 2:
        rows = [[c, "%.1f%%" % g.r.uniform(8, 22), g.r.randint(40, 400)] for c in ["Heart failure", "COPD", "Pneumonia", "AMI", "Hip/Knee"]]
        hdr = ["Cohort", "30-day readmission rate", "Index admissions"]
        subj = "Readmissions dashboard refresh (Q%d)" % g.r.randint(1, 4)
    else:
        rows = [[u, g.r.randint(10, 32), g.r.randint(0, 6), g.r.randint(0, 5)] for u in g.r.sample(units, 5)]
        hdr = ["Unit", "Census", "Pending discharges", "Open beds"]
        subj = "House census snapshot %s %s" % (d.strftime("%m/%d"), g.choice(["07:00", "15:00", "23:00"]))
    text = "%s\n\n%s\n\nAggregate data; no patient identifiers. View interactive dashboard on the BI portal." % (subj, table_text(hdr, rows))
    htm = "<html><body><h3>%s</h3>%s<p style='color:#666'>Aggregate data; no patient identifiers.</p></body></html>" % (esc(subj), table_html(hdr, rows))
    return M(frm, to, subj, text + g.disclaimer(0.5), htm)


def f_release_notes(g, v):
    org = g.org()
    ver = "%d.%d.%d" % (g.r.choice([2023, 2024]), g.r.randint(1, 12), g.r.randint(0, 9))
    vendor = g.choice(["Epic", "Oracle Health", "athenaOne", "eClinicalWorks", "MEDITECH Expanse", "NextGen"])
    items = g.r.sample(["Results Review: trended lab values now display reference ranges and H/L flags inline.",
                        "In Basket: new 'Patient Advice Request' folder sorting by age.",
                        "Orders: HbA1c and TSH added to the Diabetes and Thyroid order panels.",
                        "Medication reconciliation: allergy warnings now show reaction severity.",
                        "Scheduling: colonoscopy prep instructions auto-attach to appointment letters.",
                        "Portal: patients can now complete the PHQ-9 before behavioral health visits.",
                        "Fixed: MRN field truncated to 8 characters on printed wristbands.",
                        "Fixed: duplicate critical value pages for potassium results."], 5)
    subj = "%s %s release notes - go-live %s" % (vendor, ver, g.when(5, 30).strftime("%m/%d"))
    body = "%s version %s\n\nWhat's new:\n%s\n\nTraining tip sheets are on the intranet. Questions: %s Clinical Informatics." % (vendor, ver, "\n".join("  - " + i for i in items), org[0])
    frm = addr("Clinical Informatics", "informatics@" + org[1])
    to = addr("Clinical Staff", "clinical-all@" + org[1])
    if v == 0:
        return M(frm, to, subj, body + g.disclaimer(0.4))
    if v == 1:
        return M(frm, to, subj, "Release notes attached.\n" + g.disclaimer(0.4), None, [att_docx("ReleaseNotes_%s.docx" % ver, body.split("\n"))])
    if v == 2:
        return M(frm, to, subj, body, text_to_html(body, subj))
    return M(addr(vendor + " Customer Success", "updates@" + vendor.lower().split()[0].replace("-", "") + ".com"), to, subj, "See attached PDF.\n" + g.disclaimer(0.4), None,
             [att_pdf("release_%s.pdf" % ver, body.split("\n"), "Release Notes")])


def f_synthetic(g, v):
    org = g.org()
    tp = {"first": g.choice(["Test", "Patient", "Demo", "Training"]), "last": g.choice(["Test", "Zztest", "Patient", "Sandbox"]), "sex": g.choice("FM"),
          "dob": dt.date(1900 + g.r.randint(0, 1) * 100, 1, 1), "mrn": "TEST%05d" % g.r.randint(0, 99999), "street": "123 Test St",
          "city": "Anytown", "state": "ZZ", "zip": "00000", "phone": "(555) 555-0000", "member": "TEST000000000"}
    tp["name"] = tp["first"] + " " + tp["last"]
    tp["lf"] = (tp["last"] + ", " + tp["first"]).upper()
    banner = g.choice(["*** TEST ENVIRONMENT (TST) - SYNTHETIC DATA ONLY - NOT A REAL PATIENT ***", "[NON-PRODUCTION] This message was generated in the SUPPORT environment using fictitious test patients.",
                       "TRAINING DOMAIN - all patients are fictional demo records."])
    to = addr("Interface Team", "interfaces@" + org[1])
    frm = addr("Mirth Connect TEST", "mirth-tst@" + org[1])
    if v == 0:
        segs = hl7_msg(g, tp, "ORU^R01", synthetic=True)
        subj = "[TST] Interface validation run - ORU sample"
        body = "%s\n\nSample message used for unit testing channel LAB_RESULTS_IN (test patient %s):\n\n%s\n" % (banner, tp["lf"], "\n".join(segs))
        return M(frm, to, subj, body + g.disclaimer(0.4))
    if v == 1:
        b = fhir_bundle(g, tp, synthetic=True)
        subj = "Sandbox: FHIR conformance test bundle"
        body = "%s\n\nThe attached bundle uses synthetic Synthea-style data for app certification. Patient 'Test Patient' does not exist." % banner
        return M(addr("Developer Sandbox", "sandbox@dev." + org[1]), addr("App Developers", "devs@" + org[1]), subj, body, None, [att_json("test_bundle.json", b)])
    if v == 2:
        subj = "Training environment refreshed - demo patients"
        rows = [["TRN%04d" % i, "%s, %s" % (g.choice(["Zztest", "Training", "Demo"]), g.choice(["Adult", "Peds", "Ob", "Surg"]) + str(i)), g.choice(["Diabetes scenario", "CHF admission", "Post-op day 1"])] for i in range(1, 6)]
        body = "%s\n\nThe PLY/training environment was refreshed. Use these fictional patients for class exercises:\n\n%s\n\nDo not enter real patient information in training." % (
            banner, table_text(["MRN", "Name", "Scenario"], rows))
        return M(addr("Epic Training Team", "training@" + org[1]), addr("Trainers", "trainers@" + org[1]), subj, body + g.disclaimer(0.4))
    subj = "Automated regression results: %d passed, %d failed" % (g.r.randint(120, 400), g.r.randint(0, 6))
    body = "%s\n\nSuite: results-routing-e2e\nEnvironment: TST\nSynthetic patients used: ZZTEST,ALPHA; ZZTEST,BRAVO; ZZTEST,CHARLIE\nFailed: test_critical_potassium_page (expected page within 60s)\n" % banner
    return M(addr("CI Pipeline", "ci@" + org[1]), addr("QA Team", "qa@" + org[1]), subj, body)


def f_firmware(g, v):
    mfr = g.choice([("Meridian Infusion Systems", "meridianinfusion.com", "Sapphire-IV pump"), ("Corvita Monitoring", "corvita.com", "CV-700 patient monitor"),
                    ("AeroVent Medical", "aerovent.com", "AV-3 ventilator"), ("GlucoSense Devices", "glucosense.com", "GS receiver")])
    ver = "%d.%d.%d" % (g.r.randint(2, 9), g.r.randint(0, 12), g.r.randint(0, 40))
    org = g.org()
    to = addr("Clinical Engineering", "biomed@" + org[1])
    if v == 0:
        subj = "Firmware %s available for %s" % (ver, mfr[2])
        body = "Customer notification\n\nFirmware %s for the %s is now available. Fixes: occlusion alarm latency, drug library sync timeout. Install via the device management server. Affected serial range: %s-%s.\n" % (
            ver, mfr[2], g.ref("", 6), g.ref("", 6))
    elif v == 1:
        subj = "Cybersecurity advisory: %s (CVE-2024-%04d)" % (mfr[2], g.r.randint(1000, 9999))
        body = "A vulnerability in the Wi-Fi module of the %s may allow unauthorized network access. No patient harm has been reported. Apply patch %s and segment devices on a clinical VLAN." % (mfr[2], ver)
    elif v == 2:
        subj = "Field Safety Notice - %s" % mfr[2]
        body = "URGENT FIELD SAFETY NOTICE\n\nSoftware versions prior to %s may display an incorrect battery remaining estimate. Please inspect all units at your facility and complete the online acknowledgment form (link below). No action required from patients." % ver
    else:
        subj = "Device management server maintenance - %s" % mfr[0]
        body = "The %s cloud device management service will be offline %s 01:00-03:00 UTC. Devices continue to operate normally; drug library and firmware pushes will queue." % (mfr[0], g.when(3, 14).strftime("%m/%d"))
    return M(addr(mfr[0], "customer-notices@" + mfr[1]), to, subj, body + g.disclaimer(0.5), text_to_html(body, subj) if g.r.random() < 0.5 else None)


def f_otc_shipping(g, v):
    p = g.person()
    shop = g.choice([("HealthMart Online", "healthmartonline.com"), ("WellShop", "wellshop.com"), ("CornerDrug.com", "cornerdrug.com"), ("Vitality Store", "vitalitystore.com")])
    items = g.r.sample(["Digital oral thermometer", "Adhesive bandages, 100 ct", "SPF 50 sunscreen lotion", "Vitamin C 500 mg, 100 ct", "Hand sanitizer 3-pack",
                        "Electric toothbrush heads (4)", "Reusable ice pack", "Travel first aid kit", "Lip balm 4-pack", "Cotton swabs 500 ct"], g.r.randint(1, 3))
    order = g.ref("", 9)
    trk = "9400%s" % g.ref("", 18)
    lst = "\n".join("  %d x %s" % (g.r.randint(1, 3), i) for i in items)
    if v == 0:
        subj = "Your order #%s has shipped" % order
        body = "Hi %s,\n\nGood news - your order is on the way!\n\n%s\n\nTracking: %s\nShip to: %s, %s, %s\n" % (p["first"], lst, trk, p["street"], p["city"], p["state"])
    elif v == 1:
        subj = "Delivered: order #%s" % order
        body = "Hello %s, your package was delivered on %s and left at the front door.\n\n%s\n" % (p["first"], g.when(-1, 0).strftime("%b %d"), lst)
    elif v == 2:
        subj = "Out for delivery today"
        body = "%s, your %s order #%s is out for delivery.\n\n%s" % (p["first"], shop[0], order, lst)
    else:
        subj = "Item backordered - order #%s" % order
        body = "Dear %s,\n\n%s is temporarily out of stock and will ship separately in 5-7 days. The rest of your order has shipped. No action is needed.\n" % (p["name"], items[0])
    return M(addr(shop[0], "orders@" + shop[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.3), text_to_html(body, subj) if g.r.random() < 0.6 else None)


def f_erx_invoice(g, v):
    vend = g.choice([("ScriptLink ePrescribing", "scriptlink.com"), ("RxWire Network", "rxwire.net"), ("DrFirst-style Rcopia", "rcopiahub.com")])
    org = g.org()
    inv = g.ref("INV-", 7)
    period = g.when(-30, -5).strftime("%B %Y")
    lines = ["INVOICE %s" % inv, "Bill to: %s, Accounts Payable" % org[0], "Period: %s" % period,
             "ePrescribing licenses (%d prescribers) @ $%.2f" % (g.r.randint(5, 120), g.choice([29.0, 35.0, 49.0])),
             "EPCS two-factor tokens: %d" % g.r.randint(2, 30), "Transaction fees: %s" % "{:,}".format(g.r.randint(1000, 60000)),
             "Total due: $%s" % "{:,.2f}".format(g.r.uniform(900, 18000)), "Terms: Net 30"]
    to = addr("Accounts Payable", "ap@" + org[1])
    frm = addr(vend[0] + " Billing", "billing@" + vend[1])
    if v == 0:
        return M(frm, to, "Invoice %s - %s" % (inv, period), "Please find attached your invoice for %s.\n" % period + g.disclaimer(0.4), None, [att_pdf("%s.pdf" % inv, lines, "Invoice")])
    if v == 1:
        return M(frm, to, "Payment receipt - %s" % inv, "Thank you. We received ACH payment of %s for invoice %s.\n" % (lines[6].split(": ")[1], inv) + g.disclaimer(0.4))
    if v == 2:
        rows = [["Prescriber", "NPI", "New Rx", "Renewals", "EPCS"]] + [["Dr. " + g.doctor(), "1%09d" % g.r.randint(0, 10 ** 9 - 1), g.r.randint(40, 900), g.r.randint(10, 400), g.r.randint(0, 60)] for _ in range(6)]
        return M(frm, to, "Monthly usage statement - %s" % period, "Usage statement attached (transaction counts by prescriber; no patient data).\n", None, [att_csv("usage_%s.csv" % period.replace(" ", "_"), rows)])
    return M(frm, to, "Subscription renewal notice", "Your %s subscription renews on %s. Annual amount: $%s. Update billing contacts in the admin console.\n" % (
        vend[0], g.when(20, 60).strftime("%m/%d/%Y"), "{:,.2f}".format(g.r.uniform(5000, 60000))) + g.disclaimer(0.4))


def f_cme(g, v):
    doc = g.doctor()
    org = g.org()
    prov = g.choice([("MedEd Online", "mededonline.org"), ("Academy CME Portal", "academycme.org"), ("CardioLearn", "cardiolearn.com")])
    course = g.choice(["Management of Type 2 Diabetes: 2024 Update", "Opioid Prescribing and Pain Management (DEA MATE)", "Recognizing Sepsis Early",
                       "Atrial Fibrillation Anticoagulation Strategies", "Depression Screening in Primary Care"])
    credits = g.choice([0.75, 1.0, 1.5, 2.0, 8.0])
    to = addr("Dr. " + doc, "%s.%s@%s" % (doc.split()[0].lower(), doc.split()[-1].lower().replace("'", ""), org[1]))
    frm = addr(prov[0], "certificates@" + prov[1])
    if v == 0:
        return M(frm, to, "Your CME certificate: %s" % course, "Dear Dr. %s,\n\nCongratulations on completing '%s'. Your certificate for %.2f AMA PRA Category 1 Credit(s)(TM) is attached.\n" % (doc.split()[-1], course, credits) + g.disclaimer(0.3),
                 None, [att_pdf("CME_Certificate.pdf", ["CERTIFICATE OF COMPLETION", "This certifies that", doc + ", MD", "completed", course, "%.2f AMA PRA Category 1 Credits" % credits, "Date: %s" % g.when(-3, 0).strftime("%m/%d/%Y")], "Certificate")])
    if v == 1:
        return M(frm, to, "Your CME transcript", "Dr. %s, your transcript for %d shows %.1f credits earned. Download it from your account.\n" % (doc.split()[-1], g.r.choice([2023, 2024]), g.r.uniform(10, 60)) + g.disclaimer(0.3))
    if v == 2:
        return M(frm, to, "Reminder: claim your credits", "Hi %s, you attended '%s' but have not completed the evaluation. Claim your %.1f credits before %s.\n" % (doc.split()[0], course, credits, g.when(5, 30).strftime("%m/%d")), text_to_html("Hi %s, claim your credits for %s." % (doc.split()[0], course)))
    return M(frm, to, "MOC points reported to the Board", "We reported %d MOC Part II points for '%s' to the ABIM on your behalf.\n" % (int(credits * 2) or 1, course) + g.disclaimer(0.3))


def f_slot_broadcast(g, v):
    org = g.org()
    d = g.when(1, 10)
    if v == 0:
        subj = "Flu shot clinic - appointments available %s" % d.strftime("%m/%d")
        body = "Employee Health has openings for flu vaccination on %s, 7am-3pm, Conference Room B. Book a 5-minute slot in the scheduler. Walk-ins welcome." % g.dfmt(d)
        to = addr("All Employees", "all-employees@" + org[1])
    elif v == 1:
        subj = "Open MRI and CT slots this week - referring offices"
        body = "%s Imaging has same-week availability:\n  MRI: %d slots (Tue/Thu evenings)\n  CT: %d slots\n  DEXA: %d slots\nFax orders to (555) 555-0%03d or order electronically." % (
            org[0], g.r.randint(4, 20), g.r.randint(3, 15), g.r.randint(2, 10), g.r.randint(100, 199))
        to = addr("Referring Providers", "referring-offices@lists." + org[1])
    elif v == 2:
        subj = "Same-day sick visits available today"
        body = "Need to be seen today? %s has same-day appointments available at %s locations. Schedule online or call. For emergencies call 911." % (org[0], g.choice(["3", "all", "4"]))
        to = addr("Subscribers", "newsletter@" + org[1])
    else:
        subj = "Community vaccine clinic - %s" % g.dfmt(d)
        body = "Free COVID-19 and flu vaccines for ages 6 months+. Saturday 9-1 at %s Community Center. Appointments encouraged; %d slots remain." % (g.choice(CITIES)[0], g.r.randint(20, 200))
        to = addr("Community list", "community@lists." + org[1])
    return M(noreply(org, "scheduling"), to, subj, body + g.disclaimer(0.4), text_to_html(body, subj) if g.r.random() < 0.5 else None)


def f_vet(g, v):
    owner = g.person()
    pet = g.choice([("Bella", "dog"), ("Mochi", "cat"), ("Tucker", "dog"), ("Luna", "cat"), ("Biscuit", "dog"), ("Pepper", "rabbit"), ("Ziggy", "cat"), ("Hope", "dog")])
    clinic = g.choice([("Paws & Claws Veterinary Hospital", "pawsclaws.vet"), ("Lakeside Animal Clinic", "lakesideanimal.com"), ("PetScript Pharmacy", "petscript.com")])
    drug = g.choice(["Apoquel 16 mg", "Carprofen 75 mg", "Methimazole 5 mg", "Gabapentin 100 mg (for cats)", "Bravecto chews", "Proin 50 mg"])
    if v == 0:
        subj = "%s's prescription is ready" % pet[0]
        body = "Hi %s,\n\n%s's refill of %s is ready for pickup at %s. Rx #%s. Remember to give with food.\n\nWoof & purrs,\nThe %s team" % (owner["first"], pet[0], drug, clinic[0], g.ref("V", 6), clinic[0].split()[0])
    elif v == 1:
        subj = "Reminder: %s is due for vaccines" % pet[0]
        body = "Dear %s,\n\nOur records show your %s %s is due for %s on %s. Book online or call us.\n" % (owner["name"], pet[1], pet[0], g.choice(["rabies and DHPP", "FVRCP", "Bordetella", "annual wellness exam and heartworm test"]), g.when(3, 30).strftime("%m/%d"))
    elif v == 2:
        subj = "Lab results for %s" % pet[0]
        body = "Hi %s,\n\n%s's bloodwork came back: BUN and creatinine are mildly elevated, consistent with early kidney disease common in older %ss. Dr. %s recommends a renal diet and recheck in 3 months.\n\nPatient: %s (%s, %d yrs)" % (
            owner["first"], pet[0], pet[1], g.doctor().split()[-1], pet[0], pet[1], g.r.randint(6, 15))
    else:
        subj = "Pet insurance claim processed"
        body = "Hello %s, your claim for %s (%s) - %s - was processed. Reimbursement of $%.2f sent to your bank account." % (
            owner["first"], pet[0], pet[1], g.choice(["cruciate ligament surgery", "ear infection treatment", "dental cleaning with extractions"]), g.r.uniform(80, 2400))
    return M(addr(clinic[0], "noreply@" + clinic[1]), addr(owner["name"], owner["email"]), subj, body + g.disclaimer(0.3), text_to_html(body, subj) if g.r.random() < 0.5 else None)


def f_claims_batch(g, v):
    org = g.org()
    ch = g.choice(["ClearPath EDI", "Waystar-style Clearinghouse", "Change Gateway", "TriZetto-style Gateway"])
    batch = g.when(-1, 0).strftime("%Y%m%d") + "-%02d" % g.r.randint(1, 12)
    n = g.r.randint(80, 1500)
    rej = g.r.randint(0, 12)
    to = addr("Billing Office", "billing-team@" + org[1])
    frm = addr(ch, "edi-reports@" + ch.lower().split()[0].replace("-", "") + ".com")
    if v == 0:
        subj = "999 Acknowledgment - batch %s ACCEPTED" % batch
        body = "Functional acknowledgment received\nBatch: %s\nTransaction sets: %d\nStatus: A (Accepted)\nSubmitter ID: %s" % (batch, n, g.ref("", 9))
    elif v == 1:
        subj = "277CA summary for batch %s" % batch
        body = "Claims accepted by payer: %d\nClaims rejected: %d\nTotal charges accepted: $%s\n\nRejected claim detail is available in the clearinghouse portal (login required)." % (n - rej, rej, "{:,.2f}".format(g.r.uniform(20000, 900000)))
    elif v == 2:
        rows = [[pname, g.r.randint(5, 300), "$%s" % "{:,.2f}".format(g.r.uniform(1000, 90000)), g.r.randint(0, 4)] for pname, _ in PAYERS]
        subj = "Daily clearinghouse activity report - %s" % batch[:8]
        body = "Submissions by payer:\n\n%s\n\nTotals only. No claim-level data." % table_text(["Payer", "Claims", "Charges", "Rejects"], rows)
    else:
        subj = "ERA/EFT received - deposit $%s" % "{:,.2f}".format(g.r.uniform(5000, 250000))
        body = "An 835 remittance was received from %s.\nTrace number: %s\nClaims in remittance: %d\nPost via the auto-posting queue." % (g.choice(PAYERS)[0], g.ref("", 15), g.r.randint(10, 300))
    return M(frm, to, subj, body + g.disclaimer(0.5))


def f_app_update(g, v):
    p = g.person()
    app = g.choice([("StrideFit", "stridefit.com"), ("PulseWatch", "pulsewatch.com"), ("SleepWell", "sleepwellcpap.com"), ("GlucoTrack", "glucotrack.io")])
    if v == 0:
        subj = "We're updating our Terms of Service and Privacy Policy"
        body = "Hi %s,\n\nWe've updated the %s Terms of Service and Privacy Policy effective %s. Highlights: clearer data export options, new controls for sharing with third parties. No action required.\n" % (
            p["first"], app[0], g.when(10, 40).strftime("%B %d, %Y"))
    elif v == 1:
        subj = "New in %s: dark mode and widgets" % app[0]
        body = "Hello!\n\nVersion %d.%d brings dark mode, home screen widgets and faster syncing. Update from the App Store or Google Play." % (g.r.randint(3, 9), g.r.randint(0, 20))
    elif v == 2:
        subj = "Your receipt from %s" % app[0]
        body = "Thanks %s! Receipt #%s\n%s Plus (annual) ........ $%.2f\nPaid with Visa ending %04d\nRenews %s" % (
            p["first"], g.ref("", 8), app[0], g.choice([39.99, 59.99, 79.99]), g.r.randint(0, 9999), g.when(330, 365).strftime("%m/%d/%Y"))
    else:
        subj = "Scheduled service interruption"
        body = "%s sync will be briefly unavailable on %s from 1-2 AM PT while we upgrade servers. Your device will continue recording and sync afterwards." % (app[0], g.when(2, 10).strftime("%b %d"))
    return M(addr(app[0], "team@" + app[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.4), text_to_html(body, subj) if g.r.random() < 0.6 else None)


def f_hr_benefits(g, v):
    emp = g.choice([("Granite Logistics", "granitelogistics.com"), ("Bluewater Credit Union", "bluewatercu.org"), ("Northwind Schools", "northwindschools.org")])
    p = g.person()
    vendor = g.choice(["BenefitsHub", "Workday", "ADP"])
    to = addr(p["name"], "%s.%s@%s" % (p["first"].lower().replace(" ", ""), p["last"].lower().replace(" ", "").replace("'", ""), emp[1]))
    frm = addr("%s Benefits (via %s)" % (emp[0], vendor), "benefits-noreply@" + emp[1])
    if v == 0:
        subj = "Open Enrollment ends %s - make your elections" % g.when(5, 20).strftime("%B %d")
        body = "Hi %s,\n\nOpen Enrollment for %d benefits is open. Review medical, dental and vision plans and make elections in %s. If you do nothing, your current elections roll over (except FSA).\n" % (p["first"], g.r.choice([2024, 2025]), vendor)
    elif v == 1:
        subj = "Reminder: use your FSA funds"
        body = "Dear %s,\n\nThe deadline to submit %d FSA claims is %s. Check your balance in the %s portal. Eligible expenses include copays, glasses and many OTC items.\n" % (p["name"], g.r.choice([2023, 2024]), g.when(10, 60).strftime("%m/%d/%Y"), vendor)
    elif v == 2:
        subj = "Join the Spring Step Challenge!"
        body = "Teams of 5, four weeks, prizes for the top teams. Sign up through the wellness portal by Friday. Participation is voluntary and individual results are never shared with your manager."
    else:
        subj = "Your total rewards statement is ready"
        body = "Hi %s, your annual Total Rewards Statement (salary, retirement match, and the employer share of health premiums) is now available in %s.\n" % (p["first"], vendor)
    return M(frm, to, subj, body + g.disclaimer(0.4), text_to_html(body, subj) if g.r.random() < 0.5 else None)


def f_fax_confirm(g, v):
    org = g.org()
    fsvc = _fax_header(g)
    num = "(%d) 555-%04d" % (g.r.choice([412, 303, 614, 800]), g.r.randint(100, 199))
    user = g.person()
    to = addr(user["name"], "%s.%s@%s" % (user["first"][0].lower(), user["last"].lower().replace(" ", "").replace("'", ""), org[1]))
    frm = addr(fsvc, "fax-noreply@" + fsvc.lower().replace(" ", "") + ".com")
    if v == 0:
        subj = "Fax delivered to %s" % num
        body = "Your fax was successfully delivered.\n\nTo: %s\nPages: %d\nDuration: 0:%02d\nJob ID: %s\nCompleted: %s" % (num, g.r.randint(1, 12), g.r.randint(10, 59), g.ref("", 8), g.when(-1, 0).strftime("%m/%d/%Y %I:%M %p"))
    elif v == 1:
        subj = "Fax failed - will retry"
        body = "We were unable to deliver your fax to %s (reason: line busy). Attempt 1 of 3. Next retry in 5 minutes.\nJob ID: %s" % (num, g.ref("", 8))
    elif v == 2:
        subj = "New fax received (%d pages)" % g.r.randint(1, 15)
        body = "You have received a new fax in your inbox from %s. For security, the document is not attached. Log in to the fax portal to view it.\n" % num
    else:
        subj = "Monthly fax usage summary"
        body = "Account: %s\nPages sent: %s\nPages received: %s\nPlan: %s pages/month\n" % (org[0], "{:,}".format(g.r.randint(500, 9000)), "{:,}".format(g.r.randint(500, 20000)), "{:,}".format(25000))
    return M(frm, to, subj, body + g.disclaimer(0.6))


def f_secure_mail(g, v):
    org = g.org()
    p = g.person()
    tool = g.choice(["Zix Secure Message", "Virtru", "Proofpoint Encryption", "Paubox", "DataMotion SecureMail"])
    sender = g.person()
    greet = g.choice(["Hello %s," % p["first"], "Dear %s," % p["name"], "Hello,"])
    if v == 0:
        subj = "[Secure] You have received a secure message"
        body = "%s\n\n%s (%s) has sent you a secure message via %s.\nClick to read: https://securemail.%s/m/%s\n\nThe message will expire in 30 days." % (
            greet, sender["name"], org[0], tool, org[1], g.ref("", 16))
    elif v == 1:
        subj = "Read receipt: your secure message was opened"
        body = "The secure message you sent on %s was opened by the recipient on %s." % (g.when(-3, -1).strftime("%m/%d/%Y"), g.when(-1, 0).strftime("%m/%d/%Y %I:%M %p"))
    elif v == 2:
        subj = "Secure message expiring soon"
        body = "%s\n\nA secure message from %s will expire in 3 days. Sign in to %s to open or save it before then." % (greet, org[0], tool)
    else:
        subj = "Complete your secure mail registration"
        body = "%s\n\nTo read encrypted messages from %s, create your %s password. Registration link: https://securemail.%s/register" % (greet, org[0], tool, org[1])
    return M(addr(tool, "securemail@" + org[1]), addr(p["name"], p["email"]), subj, body + g.disclaimer(0.6), text_to_html(body, subj) if g.r.random() < 0.5 else None)


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------
FAMILIES = [
    # name, label, fn, n_variants
    ("ehr_result_notification", "phi", f_ehr_result, 6),
    ("portal_message_with_content", "phi", f_portal_message, 5),
    ("appointment_confirmation_dept", "phi", f_appointment, 5),
    ("pharmacy_refill_notice", "phi", f_pharmacy_refill, 5),
    ("pharmacy_transfer_notice", "phi", f_pharmacy_transfer, 4),
    ("telehealth_visit_summary", "phi", f_telehealth, 4),
    ("claims_export_csv", "phi", f_claims_csv, 4),
    ("claims_export_xlsx", "phi", f_claims_xlsx, 4),
    ("hl7v2_message_in_mail", "phi", f_hl7, 5),
    ("fhir_json_payload", "phi", f_fhir, 4),
    ("ccda_direct_message", "phi", f_ccda, 4),
    ("wearable_health_report", "phi", f_wearable, 5),
    ("genetic_test_result", "phi", f_genetic, 4),
    ("remote_monitoring_alert", "phi", f_rpm_alert, 5),
    ("insurance_eligibility_response", "phi", f_eligibility, 4),
    ("prior_auth_fax_to_email", "phi", f_prior_auth_fax, 5),
    ("home_infusion_schedule", "phi", f_home_infusion, 4),
    ("system_job_with_patient_document", "phi", f_system_job_patient, 4),
    ("post_visit_survey_invite", "phi", f_survey, 4),
    ("patient_billing_statement", "phi", f_billing_statement, 4),
    ("portal_notification_no_content", "clean", f_portal_no_content, 5),
    ("portal_password_reset", "clean", f_password_reset, 4),
    ("it_monitoring_alert", "clean", f_it_alert, 5),
    ("system_maintenance_notice", "clean", f_maintenance, 4),
    ("health_brand_marketing", "clean", f_marketing, 5),
    ("deidentified_research_export", "clean", f_deid_export, 4),
    ("aggregate_quality_dashboard", "clean", f_dashboard, 4),
    ("ehr_release_notes", "clean", f_release_notes, 4),
    ("synthetic_test_data", "clean", f_synthetic, 4),
    ("device_firmware_notice", "clean", f_firmware, 4),
    ("otc_shipping_notice", "clean", f_otc_shipping, 4),
    ("eprescribing_vendor_invoice", "clean", f_erx_invoice, 4),
    ("cme_certificate", "clean", f_cme, 4),
    ("appointment_slot_broadcast", "clean", f_slot_broadcast, 4),
    ("veterinary_pet_notice", "clean", f_vet, 4),
    ("claims_batch_status_aggregate", "clean", f_claims_batch, 4),
    ("health_app_product_update", "clean", f_app_update, 4),
    ("employer_benefits_broadcast", "clean", f_hr_benefits, 4),
    ("fax_delivery_confirmation", "clean", f_fax_confirm, 4),
    ("secure_mail_wrapper_notice", "clean", f_secure_mail, 4),
]

FWD_NOTES = ["FYI - see below.", "Forwarding for your records.", "Can you take a look at this? Thx", "fyi", "See below. Let me know if you need anything else.",
             "Not sure who owns this - forwarding.", "Please file.", "Sending this along as discussed."]


def forwardize(g, m, date):
    """Wrap an automated message as forwarded or replied-to by its human recipient."""
    rname, raddr = email.utils.parseaddr(m["to"])
    grp = ("team", "desk", "queue", "pool", "staff", "leadership", "office", "providers", "users", "list", "indexing", "subscribers", "employees", "trainers", "developers", "payable", "engineering", "operations")
    if not rname or rname.lower().startswith(("all ", "clinical", "it ", "interface", "help", "billing", "quality", "rcm", "referring")) or any(w in rname.lower() for w in grp):
        rname = g.person()["name"]
    dom = raddr.split("@")[-1]
    other = g.person()
    to = addr(other["name"], "%s.%s@%s" % (other["first"].lower().replace(" ", ""), other["last"].lower().replace(" ", "").replace("'", ""), dom))
    style = g.choice(["fwd", "fwd", "reply"])
    sig = "\n\n%s%s" % (rname, g.choice(["", "\nSent from my iPhone", "\n" + g.choice(["Billing Specialist", "Practice Manager", "Registration", "Analyst II", ""])]))
    if style == "fwd":
        hdr = "---------- Forwarded message ---------\nFrom: %s\nDate: %s\nSubject: %s\nTo: %s\n\n" % (m["from"], email.utils.format_datetime(date), m["subject"], m["to"])
        text = g.typo(g.choice(FWD_NOTES), 0.3) + sig + "\n\n" + hdr + m["text"]
        subj = "Fwd: " + m["subject"] if g.r.random() < 0.5 else "FW: " + m["subject"]
    else:
        quoted = "\n".join("> " + l for l in m["text"].split("\n"))
        text = g.typo(g.choice(["Got it, thanks.", "Is this right? Please confirm.", "Received - will follow up.", "Why did I get this?"]), 0.3) + sig + \
            "\n\nOn %s, %s wrote:\n%s" % (date.strftime("%a, %b %d, %Y at %I:%M %p"), m["from"], quoted)
        subj = "Re: " + m["subject"]
        m["from"], to = to, m["from"]
        m["from"] = addr(rname, raddr)
    m.update({"from": addr(rname, raddr), "to": to, "subject": subj, "text": text, "html": None, "_fwd": style})
    return m


def build_eml(g, m, date, msgid):
    atts = m["atts"]
    if m.get("legacy"):
        return build_legacy(g, m, date, msgid)
    msg = EmailMessage()
    msg["From"] = m["from"]
    msg["To"] = m["to"]
    if m.get("cc"):
        msg["Cc"] = m["cc"]
    msg["Subject"] = m["subject"]
    msg["Date"] = email.utils.format_datetime(date)
    msg["Message-ID"] = msgid
    if not m.get("_fwd"):
        if g.r.random() < 0.5:
            msg["Auto-Submitted"] = "auto-generated"
        if g.r.random() < 0.3:
            msg["X-Mailer"] = g.choice(["Epic Notification Service 10.2", "NotifyHub/3.1", "Amazon SES", "SendGrid", "Mirth Connect 4.4.1", "Postfix"])
        if g.r.random() < 0.2:
            msg["Precedence"] = "bulk"
    for k, val in m["headers"].items():
        msg[k] = val
    msg.set_content(m["text"] if m["text"].endswith("\n") else m["text"] + "\n")
    if m.get("html"):
        msg.add_alternative(m["html"], subtype="html")
    for fname, mt, st, data, kind in atts:
        msg.add_attachment(data, maintype=mt, subtype=st, filename=fname)
    # deterministic boundaries
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary("==_Part_%d_%s" % (i, hashlib.sha1((msgid + str(i)).encode()).hexdigest()[:20]))
    return msg.as_bytes(policy=email.policy.SMTP.clone(max_line_length=998))


def build_legacy(g, m, date, msgid):
    """Old fax gateway: no MIME-Version, undeclared 8-bit text, sloppy header case."""
    b = "FAXGW_%s" % hashlib.sha1(msgid.encode()).hexdigest()[:16]
    fname, mt, st, data, kind = m["atts"][0]
    b64 = base64.encodebytes(data).decode("ascii").replace("\n", "\r\n")
    head = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-Id: %s\r\nX-Fax-Gateway: FaxGW 2.1 (legacy)\r\n"
            "content-type: multipart/mixed; boundary=\"%s\"\r\n\r\n" % (m["from"], m["to"], m["subject"], email.utils.format_datetime(date), msgid, b))
    body = m["text"].replace("\r\n", "\n").replace("\n", "\r\n") + "\r\nM\xe9decin traitant / Processed by FaxGW\r\n"
    raw = (head + "--%s\r\ncontent-type: text/plain\r\n\r\n" % b).encode("ascii") + body.encode("latin-1") + \
        ("\r\n--%s\r\nContent-Type: application/pdf; name=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s--%s--\r\n" % (b, fname, b64, b)).encode("ascii")
    return raw


def generate(split, out):
    if split == "blind":
        seed, base, per_family = "blind-2024", dt.date(2024, 5, 15), 8
    else:
        seed, base, per_family = "dev-2024-alt", dt.date(2024, 9, 10), 1
    os.makedirs(out, exist_ok=True)
    items = []
    for fam, label, fn, nv in FAMILIES:
        for k in range(per_family):
            rng = random.Random("%s|%s|%d" % (seed, fam, k))
            g = G(rng, base)
            v = k % nv if split == "blind" else rng.randrange(nv)
            m = fn(g, v)
            date = g.when(-1, 0) + dt.timedelta(minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
            date = date.replace(tzinfo=dt.timezone(dt.timedelta(hours=rng.choice([-4, -5, -7, -10, 0]))))
            if not m.get("legacy") and rng.random() < 0.12:
                m = forwardize(g, m, date - dt.timedelta(hours=rng.randint(1, 30)))
            dom = email.utils.parseaddr(m["from"])[1].split("@")[-1] or "localhost"
            msgid = "<%s@%s>" % (hashlib.sha1(("%s|%s|%d" % (seed, fam, k)).encode()).hexdigest()[:24], dom)
            data = build_eml(g, m, date, msgid)
            form = "legacy_raw" if m.get("legacy") else ("alt" if m.get("html") else "plain")
            kinds = [a[4] for a in m["atts"]]
            if kinds:
                form += "+" + "+".join(kinds)
            if m.get("_fwd"):
                form += "+" + m["_fwd"]
            items.append((data, label, fam, form))
    order = random.Random(seed + "|order")
    order.shuffle(items)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as mf:
        mf.write("file\tlabel\tfamily\tform\n")
        for i, (data, label, fam, form) in enumerate(items, 1):
            fn = "%04d.eml" % i
            with open(os.path.join(out, fn), "wb") as f:
                f.write(data)
            mf.write("%s\t%s\t%s\t%s\n" % (fn, label, fam, form))
    return len(items)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["blind", "dev"], default="blind")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    n = generate(a.split, a.out)
    print("wrote %d messages to %s" % (n, a.out))


if __name__ == "__main__":
    main()
