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
