#!/usr/bin/env python3
"""Synthetic e-mail corpus for a PHI classifier: mail from payers, pharmacies,
billing companies, employers and suppliers (PHI families + clean look-alikes).

Usage:  python3 generate.py --split dev|blind --out DIR
        python3 generate.py --list-families        (markdown table for README)

Standard library only, deterministic (fixed seeds per split).
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import sys
import zipfile
import zlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from xml.sax.saxutils import escape as xesc

SEEDS = {"dev": 20240611, "blind": 77130977}
PER_FAMILY = {"dev": 9, "blind": 7}

# --------------------------------------------------------------------------
# Pools. Index 0 = dev, index 1 = blind (names are split by alternation).
# --------------------------------------------------------------------------
FIRST = [
    ("Ana", "f"), ("Marcus", "m"), ("Grace", "f"), ("Will", "m"), ("Hope", "f"), ("Rose", "f"),
    ("Bill", "m"), ("Faith", "f"), ("June", "f"), ("Joy", "f"), ("Mark", "m"), ("Destiny", "f"),
    ("Summer", "f"), ("Drew", "u"), ("Sunny", "u"), ("Art", "m"), ("Priya", "f"), ("Rahul", "m"),
    ("Aisha", "f"), ("Oluwaseun", "m"), ("Chidi", "m"), ("Ngozi", "f"), ("Kwame", "m"), ("Amara", "f"),
    ("Wei", "u"), ("Mei", "f"), ("Hiroshi", "m"), ("Yuki", "f"), ("Min-jun", "m"), ("Ji-woo", "u"),
    ("Thanh", "u"), ("Linh", "f"), ("Dmitri", "m"), ("Olga", "f"), ("Katarzyna", "f"), ("Piotr", "m"),
    ("Svetlana", "f"), ("Bogdan", "m"), ("Jose", "m"), ("Maria", "f"), ("Guadalupe", "f"), ("Luis", "m"),
    ("Carmen", "f"), ("Alejandro", "m"), ("Xiomara", "f"), ("Yesenia", "f"), ("Tom", "m"), ("Dana", "u"),
    ("Megan", "f"), ("Kevin", "m"), ("Patricia", "f"), ("Harold", "m"), ("Beverly", "f"), ("Tyrone", "m"),
    ("Shanice", "f"), ("DeShawn", "m"), ("Latoya", "f"), ("Fatima", "f"), ("Omar", "m"), ("Yusuf", "m"),
    ("Leila", "f"), ("Mohammed", "m"), ("Anjali", "f"), ("Sanjay", "m"), ("Deepa", "f"), ("Arjun", "m"),
    ("Ravi", "m"), ("Nadia", "f"), ("Emeka", "m"), ("Folake", "f"), ("Tariq", "m"), ("Ingrid", "f"),
    ("Sven", "m"), ("Colleen", "f"), ("Brendan", "m"), ("Siobhan", "f"), ("Mateo", "m"), ("Camila", "f"),
    ("Hector", "m"), ("Ivy", "f"), ("Pearl", "f"), ("Jasmine", "f"), ("Robin", "u"), ("Sky", "u"),
    ("Bao", "m"), ("Kofi", "m"), ("Abebe", "m"), ("Tsegaye", "f"), ("Lakshmi", "f"), ("Gustavo", "m"),
    ("Renata", "f"), ("Rusty", "m"), ("Precious", "f"), ("Lucky", "m"), ("Bonnie", "f"), ("Chip", "m"),
]
LAST = [
    "Okafor", "Nguyen", "Patel", "Kim", "Garcia", "Hernandez", "Kowalski", "Ivanova", "Smith", "Johnson",
    "Washington", "Mensah", "Adeyemi", "Chen", "Tanaka", "Park", "Tran", "Singh", "Sharma", "Reddy",
    "Haddad", "Rahman", "Abdi", "Novak", "Petrov", "Rodriguez", "Lopez", "Martinez", "O'Brien", "Murphy",
    "Sullivan", "Brown", "Jackson", "Williams", "Davis", "Baker", "Fox", "Hill", "Rivers", "Banks",
    "Stone", "Bell", "Young", "Castillo", "Delgado", "Moreno", "Fernandes", "Silva", "Yamamoto", "Zhang",
    "Liu", "Huang", "Wu", "Choi", "Lee", "Gupta", "Iyer", "Nair", "Chowdhury", "Khan",
    "Ali", "Hassan", "Mbeki", "Nkemelu", "Osei", "Asante", "Bekele", "Tesfaye", "Lindqvist", "Johansson",
    "Ruiz", "Vega", "Soto", "Cruz", "Flores", "Reyes", "Morales", "Ortiz", "Gutierrez", "Kaur",
    "Dubois", "Rossi", "Esposito", "Kuznetsov", "Volkov", "Horvat", "Nowak", "Wisniewski", "Dlamini", "Ndlovu",
    "Price", "Summers", "Winter", "Love", "King", "Person",
]
CLIN_LAST = ["Albright", "Bhatt", "Cardenas", "Dimitrov", "Eze", "Feld", "Goldberg", "Hosseini", "Ito",
             "Jablonski", "Kariuki", "Lindgren", "Mahmoud", "Nakamura", "Oyelaran", "Prakash", "Quintero",
             "Rosenthal", "Sato", "Thibodeaux", "Umeh", "Varga", "Whitfield", "Xu", "Yilmaz", "Zielinski"]
CLIN_FIRST = ["Alan", "Beatriz", "Chen", "Daniel", "Elena", "Farah", "George", "Hannah", "Imran", "Julia",
              "Karthik", "Laura", "Miguel", "Nora", "Owen", "Paula", "Rajesh", "Sofia", "Tomas", "Uma"]

ORGS = {
    "payer": ([("Bluecrest Health Plan", "bluecresthealth.com", "BCH"), ("Meridian Mutual Insurance", "meridianmutual.com", "XMM"),
               ("Cascadia Health Alliance", "cascadiahealth.org", "CHA"), ("Pinnacle Care Insurance Co.", "pinnaclecare.com", "PCI")],
              [("Northstar Benefit Partners", "northstarbenefits.com", "NSB"), ("Evergreen Health Assurance", "evergreenha.com", "EHA"),
               ("Lakeshore Medical Plan", "lakeshoremp.org", "LMP"), ("Sun Valley HMO", "sunvalleyhmo.com", "SVH")]),
    "pharmacy": ([("Corner Rx", "cornerrx.com"), ("Walgrove Pharmacy", "walgrove.com"), ("HealthMart on 5th", "healthmart5th.com"),
                  ("Kessler Family Pharmacy", "kesslerrx.com")],
                 [("Valley Apothecary", "valleyapothecary.com"), ("RiteWell Pharmacy", "ritewell.com"),
                  ("Farmacia San Miguel", "farmaciasanmiguel.com"), ("Goodlife Drug", "goodlifedrug.com")]),
    "mailorder": ([("ScriptDirect Home Delivery", "scriptdirect.com"), ("CareRx Specialty Pharmacy", "carerxspecialty.com")],
                  [("MedExpress Home Delivery", "medexpressrx.com"), ("Accordia Specialty Pharmacy", "accordiasp.com")]),
    "billing": ([("Apex Revenue Solutions", "apexrevenue.com"), ("MedBill Partners", "medbillpartners.com")],
                [("Clearpoint Patient Billing", "clearpointbilling.com"), ("Summit RCM Services", "summitrcm.com")]),
    "collector": ([("Consolidated Recovery Group", "crgcollect.com"), ("First Meridian Credit Services", "fmcredit.com")],
                  [("Allegiant Credit Services", "allegiantcs.com"), ("Keystone Receivables LLC", "keystonerec.com")]),
    "provider": (["Riverside Regional Medical Center", "Lakeside Behavioral Health", "Northgate Orthopedics",
                  "St. Brendan's Hospital", "Harmony Women's Health", "Westfield Oncology Associates",
                  "Bayview Gastroenterology", "Clearwater Urgent Care"],
                 ["Mercy Ridge Hospital", "Cedar Grove Psychiatry", "Summit Sports Medicine", "Holy Name Medical Center",
                  "Pacific Heart & Vascular", "Brookside Pediatrics", "Tri-Valley Cancer Institute", "Oak Hollow Sleep Center"]),
    "employer": ([("Harbor Logistics Inc.", "harborlogistics.com"), ("Tri-County School District", "tricountysd.org"),
                  ("Bellwether Foods", "bellwetherfoods.com")],
                 [("Granite Manufacturing", "granitemfg.com"), ("Summit Hospitality Group", "summithg.com"),
                  ("Keystone Senior Living", "keystonesl.com")]),
    "supplier": ([("MedSupply Direct", "medsupplydirect.com"), ("Henley Surgical Distributors", "henleysurgical.com")],
                 [("Allied Clinical Products", "alliedclinical.com"), ("NorthPoint Medical Supply", "northpointmed.com")]),
    "broker": ([("Crestview Benefits Group", "crestviewbenefits.com"), ("Ashby & Cole Insurance Services", "ashbycole.com")],
               [("Halvorsen Insurance Brokers", "halvorsenins.com"), ("BrightPath Benefits", "brightpathbenefits.com")]),
    "tpa": ([("BenefitWorks TPA", "benefitworks.com")], [("FlexAdmin Solutions", "flexadmin.com")]),
    "disability": ([("Guardian Oak Life", "guardianoak.com")], [("Liberty Crest Disability", "libertycrest.com")]),
    "wc": ([("Keystone Mutual Workers Comp", "keystonemutualwc.com")], [("Sentinel Comp Insurance", "sentinelcomp.com")]),
    "occ": ([("WorkWell Occupational Health", "workwellocc.com")], [("PrimeOcc Health", "primeocc.com")]),
    "clinic": (["Westside Family Clinic", "Eastlake Dialysis Center", "Pine Street Dental", "Riverbend Urgent Care"],
               ["Maplewood Surgery Center", "Northside Pediatrics", "Harborview Dermatology", "Elm Court Rehab"]),
    "vendor": ([("ClaimBridge Clearinghouse", "claimbridge.com"), ("Optima Coding Partners", "optimacoding.com")],
               [("RemitLink EDI", "remitlink.com"), ("Veritas Audit Services", "veritasaudit.com")]),
}
PERSONAL = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "comcast.net", "proton.me"]
CITIES = [("Springfield", "IL", "627"), ("Tacoma", "WA", "984"), ("Dayton", "OH", "454"), ("Fresno", "CA", "937"),
          ("Worcester", "MA", "016"), ("Knoxville", "TN", "379"), ("Aurora", "CO", "800"), ("Laredo", "TX", "780"),
          ("Durham", "NC", "277"), ("Paterson", "NJ", "075"), ("Boise", "ID", "837"), ("Tulsa", "OK", "741")]
STREETS = ["Maple Ave", "Oak St", "Linden Blvd", "Cedar Ct", "Harbor Rd", "Elm St", "Kingsley Dr", "Pinecrest Ln",
           "Washington St", "Mission Rd", "Sycamore Way", "Juniper Pl", "Lakeview Ter", "Ridge Rd"]
AREA = ["312", "617", "503", "713", "404", "614", "559", "208", "919", "973", "918", "720", "865"]

# (cpt, claim description, plain description, lo, hi, icd10, dx plain)
PROCS = [
    ("99213", "Office visit, est. patient, low MDM", "office visit", 120, 260, "I10", "essential hypertension"),
    ("99214", "Office visit, est. patient, mod MDM", "follow-up visit", 180, 340, "E11.65", "type 2 diabetes with hyperglycemia"),
    ("45378", "Colonoscopy, diagnostic", "colonoscopy", 1400, 3200, "K57.30", "diverticulosis of large intestine"),
    ("29881", "Knee arthroscopy w/ meniscectomy", "knee arthroscopy", 4200, 9800, "S83.241A", "tear of medial meniscus, right knee"),
    ("73721", "MRI lower extremity joint w/o dye", "MRI of the knee", 900, 2600, "M25.561", "pain in right knee"),
    ("72148", "MRI lumbar spine w/o contrast", "lumbar spine MRI", 1100, 2900, "M54.16", "lumbar radiculopathy"),
    ("90837", "Psychotherapy, 60 min", "therapy session", 150, 260, "F33.1", "major depressive disorder, recurrent"),
    ("90834", "Psychotherapy, 45 min", "counseling session", 120, 210, "F41.1", "generalized anxiety disorder"),
    ("97110", "Therapeutic exercise, ea 15 min", "physical therapy", 60, 140, "M75.101", "rotator cuff tear, right shoulder"),
    ("77067", "Screening mammography, bilat", "screening mammogram", 250, 480, "Z12.31", "breast cancer screening"),
    ("66984", "Cataract surgery w/ IOL", "cataract surgery", 3200, 6200, "H25.11", "age-related nuclear cataract, right eye"),
    ("27447", "Total knee arthroplasty", "knee replacement", 28000, 52000, "M17.11", "primary osteoarthritis, right knee"),
    ("47562", "Laparoscopic cholecystectomy", "gallbladder removal", 9000, 21000, "K80.20", "gallstones"),
    ("59510", "Cesarean delivery, routine care", "C-section delivery", 12000, 24000, "O82", "cesarean delivery"),
    ("96413", "Chemo IV infusion, 1st hour", "chemotherapy infusion", 800, 2400, "C50.911", "malignant neoplasm of right breast"),
    ("93306", "Echo TTE complete w/ Doppler", "echocardiogram", 900, 2200, "I48.91", "atrial fibrillation"),
    ("43239", "EGD with biopsy", "upper endoscopy", 1600, 3600, "K21.9", "GERD"),
    ("87491", "Chlamydia, amplified probe", "STI test", 90, 220, "Z11.3", "screening for sexually transmitted infections"),
    ("80053", "Comprehensive metabolic panel", "blood work", 45, 180, "N18.30", "chronic kidney disease stage 3"),
    ("99284", "ED visit, moderate-high severity", "emergency room visit", 900, 2800, "R07.9", "chest pain"),
    ("20610", "Arthrocentesis/inj, major joint", "knee injection", 220, 520, "M17.12", "osteoarthritis, left knee"),
    ("95810", "Polysomnography, attended", "sleep study", 1800, 3800, "G47.33", "obstructive sleep apnea"),
    ("H0020", "Methadone administration", "opioid treatment program visit", 40, 120, "F11.20", "opioid dependence"),
    ("A0427", "ALS emergency ambulance transport", "ambulance transport", 900, 2400, "S72.001A", "fracture of right femoral neck"),
]
EXTRAS = [("36415", "Venipuncture", 15, 40), ("85025", "CBC w/ auto diff", 20, 70), ("J1100", "Dexamethasone inj 1 mg", 5, 25),
          ("A4550", "Surgical tray", 30, 90), ("96372", "Ther/proph injection SC/IM", 40, 95), ("81001", "Urinalysis w/ micro", 12, 45)]

# (generic, brand, strength, qty, condition)
DRUGS = [
    ("sertraline", "Zoloft", "50 mg tablet", 30, "depression"),
    ("escitalopram", "Lexapro", "10 mg tablet", 30, "anxiety"),
    ("metformin ER", "Glucophage XR", "500 mg tablet", 180, "type 2 diabetes"),
    ("atorvastatin", "Lipitor", "20 mg tablet", 90, "high cholesterol"),
    ("lisinopril", "Zestril", "10 mg tablet", 90, "high blood pressure"),
    ("levothyroxine", "Synthroid", "75 mcg tablet", 90, "hypothyroidism"),
    ("bupropion XL", "Wellbutrin XL", "150 mg tablet", 30, "depression"),
    ("quetiapine", "Seroquel", "100 mg tablet", 60, "bipolar disorder"),
    ("buprenorphine-naloxone", "Suboxone", "8 mg-2 mg film", 28, "opioid use disorder"),
    ("emtricitabine-tenofovir", "Truvada", "200-300 mg tablet", 30, "HIV pre-exposure prophylaxis"),
    ("adalimumab", "Humira", "40 mg/0.4 mL pen", 2, "rheumatoid arthritis"),
    ("insulin glargine", "Lantus SoloStar", "100 units/mL pen", 15, "type 1 diabetes"),
    ("semaglutide", "Ozempic", "1 mg/dose pen", 1, "type 2 diabetes"),
    ("albuterol HFA", "ProAir", "90 mcg inhaler", 1, "asthma"),
    ("methylphenidate ER", "Concerta", "36 mg tablet", 30, "ADHD"),
    ("apixaban", "Eliquis", "5 mg tablet", 60, "atrial fibrillation"),
    ("lamotrigine", "Lamictal", "100 mg tablet", 60, "epilepsy"),
    ("valacyclovir", "Valtrex", "1 g tablet", 30, "herpes"),
    ("etanercept", "Enbrel", "50 mg/mL SureClick", 4, "psoriatic arthritis"),
    ("fluoxetine", "Prozac", "20 mg capsule", 30, "depression"),
    ("tamoxifen", "Soltamox", "20 mg tablet", 30, "breast cancer"),
    ("estradiol", "Estrace", "1 mg tablet", 30, "menopause symptoms"),
    ("naltrexone", "Revia", "50 mg tablet", 30, "alcohol use disorder"),
    ("dupilumab", "Dupixent", "300 mg/2 mL pen", 2, "atopic dermatitis"),
    ("lithium carbonate", "Lithobid", "300 mg tablet", 90, "bipolar disorder"),
]
SURGERIES = ["knee replacement", "hip replacement", "gallbladder surgery", "hernia repair", "rotator cuff repair",
             "spinal fusion", "hysterectomy", "carpal tunnel release", "cardiac ablation", "ACL reconstruction",
             "thyroidectomy", "bariatric surgery", "mastectomy", "cataract surgery", "appendectomy"]
CONDITIONS = ["breast cancer treatment (chemotherapy)", "major depressive disorder", "Crohn's disease flare-ups",
              "chronic migraines", "a lumbar disc herniation", "pregnancy complications (preeclampsia)",
              "post-concussion syndrome", "multiple sclerosis", "recovery from a heart attack",
              "alcohol use disorder (residential treatment)", "a fractured ankle", "long COVID",
              "generalized anxiety disorder", "kidney transplant evaluation", "rheumatoid arthritis"]
INJURIES = [("right wrist", "distal radius fracture", "S52.501A", "fell from a step stool and landed on an outstretched hand"),
            ("lower back", "lumbar strain", "S39.012A", "felt a pull in the lower back lifting a case of product from a pallet"),
            ("left hand", "laceration requiring 6 sutures", "S61.412A", "was cut by a box cutter while breaking down cartons"),
            ("right shoulder", "rotator cuff strain", "S46.011A", "strained the right shoulder reaching overhead to stock a shelf"),
            ("left knee", "contusion and sprain", "S83.92XA", "twisted the left knee stepping off the truck"),
            ("both eyes", "chemical splash irritation", "T26.91XA", "got cleaning chemical in both eyes while refilling a dispenser"),
            ("right ankle", "grade II sprain", "S93.401A", "slipped on the wet floor in the cooler"),
            ("head", "concussion without loss of consciousness", "S06.0X0A", "was struck on the head by a falling box"),
            ("left foot", "crush injury, 2 fractured toes", "S92.502A", "had a pallet jack roll over the left foot")]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# --------------------------------------------------------------------------
# Attachment builders
# --------------------------------------------------------------------------
ZDT = (2025, 1, 6, 9, 30, 0)


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZDT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(rows, sheet="Sheet1", shared=True):
    strings, sidx = [], {}
    out = []
    for r, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{r}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif shared:
                v = str(v)
                if v not in sidx:
                    sidx[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{sidx[v]}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xesc(str(v))}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 f'<sheetData>{"".join(out)}</sheetData></worksheet>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else '')
          + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<sheets><sheet name="{xesc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else '')
              + '</Relationships>')
    files = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
             ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", sheet_xml)]
    if shared:
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f'<si><t xml:space="preserve">{xesc(s)}</t></si>' for s in strings) + '</sst>')
        files.append(("xl/sharedStrings.xml", sst))
    return _zip(files)


def make_docx(paragraphs):
    body = []
    for p in paragraphs:
        bold = p.startswith("**")
        t = p.strip("*")
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        body.append(f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{xesc(t)}</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def _pdf_str(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines, compress=True, title=None):
    """One-page-per-56-lines PDF, Helvetica text, optional FlateDecode."""
    pages = [lines[i:i + 56] for i in range(0, max(len(lines), 1), 56)] or [[]]
    objs = {}
    n_pages = len(pages)
    # object numbering: 1 catalog, 2 pages, 3 font, then (page, content) pairs
    kids = []
    for i, pl in enumerate(pages):
        pnum, cnum = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{pnum} 0 R")
        ops = ["BT", "/F1 10 Tf", "13 TL", "54 740 Td"]
        if title and i == 0:
            ops += ["/F1 14 Tf", f"({_pdf_str(title)}) Tj", "/F1 10 Tf", "T*", "T*"]
        for ln in pl:
            ops.append(f"({_pdf_str(ln)}) Tj T*")
        ops.append("ET")
        stream = ("\n".join(ops) + "\n").encode("latin-1")
        if compress:
            data = zlib.compress(stream)
            objs[cnum] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        else:
            objs[cnum] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream"
        objs[pnum] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                      f"/Resources << /Font << /F1 3 0 R >> >> /Contents {cnum} 0 R >>").encode()
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode()
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += f"{n} 0 obj\n".encode() + objs[n] + b"\nendobj\n"
    xref = len(out)
    total = max(objs) + 1
    out += f"xref\n0 {total}\n".encode() + b"0000000000 65535 f \n"
    for n in range(1, total):
        out += f"{offsets[n]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {total} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    parts, cur = [], b""
    limit = 75
    for ch in line:
        cb = ch.encode("utf-8")
        if len(cur) + len(cb) > limit:
            parts.append(cur.decode("utf-8"))
            cur = b""
            limit = 74
        cur += cb
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def _ics_esc(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(summary, start, minutes, description, location, organizer, attendees, uid, method="REQUEST"):
    end = start + dt.timedelta(minutes=minutes)
    f = "%Y%m%dT%H%M%S"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Exchange Calendar//EN", f"METHOD:{method}",
             "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{(start - dt.timedelta(days=3)).strftime(f)}Z",
             f"DTSTART;TZID=America/Chicago:{start.strftime(f)}", f"DTEND;TZID=America/Chicago:{end.strftime(f)}",
             f"SUMMARY:{_ics_esc(summary)}", f"DESCRIPTION:{_ics_esc(description)}", f"LOCATION:{_ics_esc(location)}",
             f"ORGANIZER;CN={_ics_esc(organizer[0])}:mailto:{organizer[1]}"]
    for a in attendees:
        lines.append(f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={_ics_esc(a[0])}:mailto:{a[1]}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(l) for l in lines) + "\r\n").encode("utf-8")


def make_csv(rows, delim=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def text_table(rows, sep="  "):
    widths = [max(len(str(r[i])) for r in rows if i < len(r)) for i in range(max(len(r) for r in rows))]
    out = []
    for r in rows:
        out.append(sep.join(str(v).ljust(widths[i]) for i, v in enumerate(r)).rstrip())
    return "\n".join(out)


def html_table(rows, border=True):
    st = ' style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px"'
    td = ' style="border:1px solid #ccc;padding:4px 8px"' if border else ' style="padding:4px 8px"'
    h = [f"<table{st}>"]
    for i, r in enumerate(rows):
        tag = "th" if i == 0 else "td"
        h.append("<tr>" + "".join(f"<{tag}{td}>{xesc(str(v))}</{tag}>" for v in r) + "</tr>")
    h.append("</table>")
    return "\n".join(h)


def m(x):
    return f"${x:,.2f}"


def html_page(inner, brand=None, color="#1d4f91"):
    head = (f'<div style="background:{color};color:#fff;padding:14px 20px;font:bold 18px Arial,sans-serif">{xesc(brand)}</div>'
            if brand else "")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0;background:#f4f4f4\">"
            f'<div style="max-width:640px;margin:0 auto;background:#fff">{head}'
            f'<div style="padding:18px 20px;font:14px/1.5 Arial,sans-serif;color:#222">{inner}</div></div></body></html>')


def paras(text):
    return "".join(f"<p>{xesc(p).replace(chr(10), '<br>')}</p>" for p in text.strip().split("\n\n"))


# --------------------------------------------------------------------------
# Context: per-split random helpers
# --------------------------------------------------------------------------
class Org:
    def __init__(self, t):
        self.name, self.domain = t[0], t[1]
        self.prefix = t[2] if len(t) > 2 else t[1][:3].upper()


class Person:
    pass


class Ctx:
    def __init__(self, split):
        self.split = split
        self.blind = split == "blind"
        self.rng = random.Random(SEEDS[split])
        i = 1 if self.blind else 0
        self.firsts = FIRST[i::2]
        self.lasts = LAST[i::2]
        self.clin_first = CLIN_FIRST[i::2]
        self.clin_last = CLIN_LAST[i::2]
        self.i = i
        self.maxdate = None
        self.fut = None

    # basic
    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def digits(self, n):
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def letters(self, n):
        return "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))

    def org(self, kind):
        v = ORGS[kind][self.i]
        x = self.pick(v)
        return Org(x) if isinstance(x, tuple) else x

    def payer(self):
        return self.org("payer")

    def provider(self):
        return self.org("provider")

    def date(self, start=(2024, 3, 1), days=600, track=True):
        d = dt.date(*start) + dt.timedelta(days=self.rng.randint(0, days))
        if track:
            self.maxdate = d if self.maxdate is None else max(self.maxdate, d)
        return d

    def future(self, lo=30, hi=90):
        """A date after the message's send date (announcements, upcoming events)."""
        if self.maxdate is None:
            self.maxdate = dt.date(2024, 5, 1) + dt.timedelta(days=self.rng.randint(0, 520))
        f = self.maxdate + dt.timedelta(days=self.rng.randint(lo, hi))
        self.fut = f if self.fut is None else min(self.fut, f)
        return f

    def sent(self, lo=4, hi=25):
        if self.maxdate is None:
            self.maxdate = dt.date(2024, 5, 1) + dt.timedelta(days=self.rng.randint(0, 520))
        base = self.maxdate
        if self.fut is not None:  # must go out before any announced/upcoming date
            room = max((self.fut - base).days - 1, 0)
            hi = min(hi, room)
            lo = min(lo, hi)
        d = base + dt.timedelta(days=self.rng.randint(lo, hi))
        return dt.datetime(d.year, d.month, d.day, self.rng.randint(6, 20), self.rng.randint(0, 59),
                           self.rng.randint(0, 59), tzinfo=dt.timezone(dt.timedelta(hours=self.pick([-5, -6, -7, -8, -4]))))

    def person(self, amin=19, amax=84):
        p = Person()
        p.first, p.g = self.pick(self.firsts)
        p.last = self.pick(self.lasts)
        p.mi = self.pick("ABCDEFGHJKLMNPRSTW")
        p.full = f"{p.first} {p.last}"
        age = self.rng.randint(amin, amax)
        p.dob = dt.date(2025 - age, self.rng.randint(1, 12), self.rng.randint(1, 28))
        p.hon = {"f": "Ms.", "m": "Mr."}.get(p.g, "")
        p.formal = f"{p.hon} {p.last}" if p.hon else p.full
        base = (p.first + "." + p.last).lower().replace("'", "").replace("-", "")
        style = self.rng.randint(0, 3)
        local = [base, base.replace(".", "") + self.digits(2), p.first[0].lower() + p.last.lower().replace("'", ""),
                 p.first.lower().replace("-", "") + "_" + self.digits(4)][style]
        p.email = f"{local}@{self.pick(PERSONAL)}"
        city = self.pick(CITIES)
        p.street = f"{self.rng.randint(12, 9890)} {self.pick(STREETS)}" + (f", Apt {self.rng.randint(1, 40)}{self.pick('ABCD')}" if self.chance(0.3) else "")
        p.city = f"{city[0]}, {city[1]} {city[2]}{self.digits(2)}"
        p.phone = f"({self.pick(AREA)}) {self.rng.randint(201, 989)}-{self.digits(4)}"
        return p

    def cond_for(self, p, pool):
        bad = ("pregnan", "maternity", "childbirth", "hysterectomy", "C-section", "IVF", "mastectomy") if p.g != "f" else ()
        return self.pick([x for x in pool if not any(b.lower() in x.lower() for b in bad)])

    def proc_for(self, p):
        age = 2025 - p.dob.year
        bad = set()
        if p.g != "f":
            bad |= {"59510", "77067"}
        if age < 18:
            bad |= {"59510", "27447", "66984", "96413", "77067", "H0020", "45378", "93306", "95810", "87491"}
        if age < 40:
            bad |= {"66984", "27447"}
        return self.pick([x for x in PROCS if x[0] not in bad])

    def child(self, parent):
        c = self.person(1, 17)
        c.last = parent.last
        c.full = f"{c.first} {c.last}"
        return c

    def colleague(self, domain):
        p = self.person(25, 64)
        local = (p.first[0] + p.last).lower().replace("'", "").replace("-", "")
        p.email = f"{local}@{domain}"
        return p

    def clinician(self, title=True):
        n = f"{self.pick(self.clin_first)} {self.pick(self.clin_last)}"
        return (f"Dr. {n}" if self.chance(0.6) else f"{n}, {self.pick(['MD', 'DO', 'NP', 'PA-C', 'MD'])}") if title else n

    # identifiers
    def member_id(self, payer=None):
        pre = payer.prefix if payer else self.letters(3)
        k = self.rng.randint(0, 3)
        if k == 0:
            return f"{pre}{self.digits(9)}"
        if k == 1:
            return f"{pre}{self.digits(8)}-0{self.rng.randint(1, 4)}"
        if k == 2:
            return f"{self.pick('WUHM')}{self.digits(9)}"
        return f"{pre[0]}{self.digits(3)}-{self.digits(3)}-{self.digits(4)}"

    def claim_no(self):
        k = self.rng.randint(0, 2)
        if k == 0:
            return f"{self.rng.randint(24, 25)}{self.digits(3)}{self.digits(8)}"
        if k == 1:
            return f"CLM-{self.digits(4)}-{self.digits(6)}"
        return f"E{self.digits(11)}"

    def rx_no(self):
        k = self.rng.randint(0, 2)
        return [self.digits(7), f"{self.digits(4)}-{self.digits(7)}", f"RX{self.digits(8)}"][k]

    def ssn(self):
        area = self.rng.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def acct(self):
        return self.pick([f"{self.digits(9)}", f"G{self.digits(8)}", f"HAR {self.digits(10)}", f"{self.letters(2)}-{self.digits(7)}"])

    def npi(self):
        return "1" + self.digits(9)

    def group_no(self):
        return self.pick([f"{self.digits(6)}", f"GRP-{self.digits(5)}", f"{self.letters(2)}{self.digits(5)}"])

    def tollfree(self):
        return f"1-{self.pick(['800', '855', '866', '877', '888'])}-{self.rng.randint(200, 989)}-{self.digits(4)}"

    def dob_str(self, d, style=None):
        s = self.rng.randint(0, 7) if style is None else style
        return [f"{d:%m/%d/%Y}", f"{d.month}-{d.day}-{d:%y}", f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
                f"{d:%Y-%m-%d}", f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}", f"{d:%m%d%Y}",
                f"{d.month}/{d.day}/{d.year}", f"{d:%d.%m.%Y}"][s]

    def dob_line(self, d):
        k = self.rng.randint(0, 6)
        if k == 0:
            return f"Date of birth on file: {self.dob_str(d, 0)}"
        if k == 1:
            return f"DOB {self.dob_str(d, 1)}"
        if k == 2:
            return f"DOB: {self.dob_str(d, self.pick([0, 3, 6]))}"
        if k == 3:
            return f"D.O.B. {self.dob_str(d, self.pick([4, 6]))}"
        if k == 4:
            return f"Birth date: {self.dob_str(d, self.pick([0, 2, 3]))}"
        if k == 5:
            return f"Date of Birth: {self.dob_str(d, 5)}"
        return f"Member DOB: {self.dob_str(d, 6)}"

    def svc_lines(self, proc, extra=None):
        lines = []
        items = [(proc[0], proc[1], proc[3], proc[4])]
        n = self.rng.randint(0, 2) if extra is None else extra
        for e in self.rng.sample(EXTRAS, n):
            items.append(e)
        for code, desc, lo, hi in items:
            billed = round(self.rng.uniform(lo, hi), 2)
            allowed = round(billed * self.rng.uniform(0.32, 0.78), 2)
            if self.chance(0.15):
                paid, resp = 0.0, allowed
            else:
                ratio = self.pick([0.8, 0.9, 0.7, 1.0])
                paid = round(allowed * ratio, 2)
                resp = round(allowed - paid, 2)
            lines.append(dict(cpt=code, desc=desc, billed=billed, allowed=allowed, paid=paid, resp=resp))
        return lines

    def sig(self, name, title, org, phone=None):
        ph = phone or f"({self.pick(AREA)}) {self.rng.randint(201, 989)}-{self.digits(4)}"
        style = self.rng.randint(0, 3)
        if style == 0:
            return f"\n\n{name}\n{title}\n{org}\n{ph}"
        if style == 1:
            return f"\n\nThanks,\n{name.split()[0]}\n\n--\n{name} | {title}\n{org} | Direct {ph}"
        if style == 2:
            return f"\n\nBest regards,\n\n{name}\n{title}, {org}\nP: {ph}"
        return f"\n\nRegards,\n{name}\n{org}"


def spec(subject, frm, to, text=None, html=None, atts=None, form="text", cc=None, headers=None):
    return dict(subject=subject, frm=frm, to=to, text=text, html=html, atts=atts or [], form=form, cc=cc,
                headers=headers or {})


def att(filename, data, ctype):
    mt, st = ctype.split("/")
    return (filename, data, mt, st)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# ==========================================================================
# PHI families
# ==========================================================================
def f_eob(c, v):
    p = c.person(); pay = c.payer(); mid = c.member_id(pay); clm = c.claim_no()
    prov = c.provider(); doc = c.clinician(); dos = c.date()
    proc = c.proc_for(p); lines = c.svc_lines(proc)
    tb = sum(l["billed"] for l in lines); ta = sum(l["allowed"] for l in lines)
    tp = sum(l["paid"] for l in lines); tr = sum(l["resp"] for l in lines)
    frm = (f"{pay.name}", c.pick([f"noreply@{pay.domain}", f"eob-notify@{pay.domain}", f"memberservices@{pay.domain}"]))
    if v == 0:
        rows = [["Service", "Billed", "Allowed", "Plan paid", "You owe"]] + \
               [[f"{l['cpt']} {l['desc']}", m(l["billed"]), m(l["allowed"]), m(l["paid"]), m(l["resp"])] for l in lines] + \
               [["TOTAL", m(tb), m(ta), m(tp), m(tr)]]
        text = (f"{pay.name.upper()}\nEXPLANATION OF BENEFITS -- THIS IS NOT A BILL\n\n"
                f"Member: {p.full}\nMember ID: {mid}     Group: {c.group_no()}\nClaim number: {clm}\n"
                f"Provider: {doc}, {prov}\nDate of service: {dos:%m/%d/%Y}\nClaim received: {dos + dt.timedelta(days=c.rng.randint(3, 20)):%m/%d/%Y}\n\n"
                f"{text_table(rows)}\n\n"
                f"Amount you may owe the provider: {m(tr)}\n"
                f"Deductible met this plan year: {m(c.rng.randint(200, 3000))} of {m(c.pick([1500, 3000, 4500, 6000]))}\n\n"
                f"If you disagree with how this claim was processed, you may request an appeal within 180 days of this notice. "
                f"Member Services: {c.tollfree()} (TTY 711), Monday-Friday 8am-8pm.\n")
        subj = c.pick(["Your Explanation of Benefits", f"EOB available - claim {clm}", "A claim was processed on your account",
                       "Claim processed: statement of benefits"])
        return spec(subj, frm, (p.full, p.email), text=text, form="text")
    if v == 1:
        body = (f"Hi {p.first},\n\nA claim from {prov} for services on {dos:%B %d, %Y} has finished processing. "
                f"Your Explanation of Benefits (EOB) is attached as a PDF. Based on your plan, you may owe {m(tr)} "
                f"directly to the provider.\n\nThis is not a bill. Please wait for a statement from your provider before paying.\n\n"
                f"{pay.name} Member Services\n{c.tollfree()}")
        pdf = [pay.name, "Explanation of Benefits", "", f"Member name: {p.full}", f"Member ID: {mid}",
               c.dob_line(p.dob), f"Claim #: {clm}", f"Rendering provider: {doc}", f"Facility: {prov}",
               f"Diagnosis: {proc[5]} {proc[6]}", "", "Code   Description                        Billed     Allowed    Paid      Your share"]
        for l in lines:
            pdf.append(f"{l['cpt']:<6} {l['desc'][:34]:<34} {m(l['billed']):>10} {m(l['allowed']):>10} {m(l['paid']):>9} {m(l['resp']):>9}")
        pdf += ["", f"Total you may owe: {m(tr)}", "", "Appeal rights: You may appeal within 180 days. See reverse for instructions."]
        fn = c.pick([f"EOB_{clm}.pdf", f"eob_{dos:%Y%m%d}.pdf", "ExplanationOfBenefits.pdf"])
        return spec(c.pick(["Your EOB is ready", "New Explanation of Benefits", f"Claim update for {p.first}"]), frm, (p.full, p.email),
                    text=body, html=html_page(paras(body), pay.name),
                    atts=[att(fn, make_pdf(pdf, compress=c.chance(0.6)), "application/pdf")], form="pdf")
    if v == 2:
        sub = p if p.dob.year < 2000 else c.person(30, 60)
        kid = c.child(sub)
        proc = c.proc_for(kid); lines = c.svc_lines(proc); tr = sum(l["resp"] for l in lines)
        rows = [["Date", "Service", "Provider charge", "Plan discount", "Plan paid", "Your responsibility"]] + \
               [[f"{dos:%m/%d/%y}", f"{l['desc']} ({l['cpt']})", m(l["billed"]), m(l["billed"] - l["allowed"]), m(l["paid"]), m(l["resp"])] for l in lines]
        inner = (f"<p>Dear {xesc(sub.first)},</p><p>We processed a claim for a member of your household. Details are below.</p>"
                 f"<p><b>Subscriber:</b> {xesc(sub.full)}<br><b>Patient:</b> {xesc(kid.full)} (dependent)<br>"
                 f"<b>Patient {xesc(c.dob_line(kid.dob))}</b><br><b>ID:</b> {mid}<br><b>Claim:</b> {clm}<br>"
                 f"<b>Provider:</b> {xesc(prov)}</p>{html_table(rows)}"
                 f"<p>Total patient responsibility: <b>{m(tr)}</b></p><p style=\"font-size:11px;color:#666\">THIS IS NOT A BILL. "
                 f"Keep this statement for your records.</p>")
        text = (f"Dear {sub.first},\n\nWe processed a claim for a member of your household.\n\nSubscriber: {sub.full}\n"
                f"Patient: {kid.full} (dependent)\nPatient {c.dob_line(kid.dob)}\nID: {mid}\nClaim: {clm}\nProvider: {prov}\n\n"
                + text_table(rows) + f"\n\nTotal patient responsibility: {m(tr)}\nTHIS IS NOT A BILL.\n")
        return spec(c.pick(["Claim processed for a family member", "Your statement of benefits", "Explanation of Benefits - dependent claim"]),
                    frm, (sub.full, sub.email), text=text, html=html_page(inner, pay.name, "#0b6e4f"), form="html")
    # v3 compact pipe layout
    rows = [f"{dos:%Y-%m-%d} | {l['cpt']} | {l['desc']} | {m(l['billed'])} | {m(l['paid'])} | {m(l['resp'])}" for l in lines]
    text = (f"CLAIM SUMMARY\n=============\nInsured: {p.last.upper()}, {p.first.upper()} {p.mi}\n{c.dob_line(p.dob)}\n"
            f"Subscriber no.: {mid}\nICN: {clm}\nBilling provider: {prov} (NPI {c.npi()})\nPrimary dx: {proc[5]}\n\n"
            "DOS | Proc | Description | Charge | Paid | Member resp.\n" + "\n".join(rows) +
            f"\n\nClaim status: {c.pick(['PAID', 'PAID', 'PARTIALLY PAID', 'ADJUSTED'])}\nRemark: {c.pick(['N130 Consult plan benefit documents', 'MA18 Claim forwarded to supplemental insurer', 'PR-1 Deductible amount', 'PR-3 Co-payment amount'])}\n\n"
            f"Questions? Visit the member portal or call {c.tollfree()}.")
    return spec(c.pick([f"Claim {clm} finalized", "Claim summary available", "Your claim has been processed"]), frm,
                (p.full, p.email), text=text, form="text")


def f_denial(c, v):
    p = c.person(); pay = c.payer(); mid = c.member_id(pay); clm = c.claim_no()
    prov = c.provider(); doc = c.clinician(); dos = c.date(); proc = c.proc_for(p)
    reason = c.pick([("not medically necessary based on the information submitted", "CO-50"),
                     ("prior authorization was required but not obtained", "CO-197"),
                     ("the provider is out of network for your plan", "CO-242"),
                     ("the service is considered experimental or investigational", "CO-55"),
                     ("the frequency limit for this service has been exceeded", "CO-119")])
    frm = (f"{pay.name} Appeals & Grievances", f"correspondence@{pay.domain}")
    if v == 0:
        text = (f"Dear {p.formal},\n\nWe reviewed claim {clm} submitted by {prov} for {proc[2]} (CPT {proc[0]}) "
                f"provided on {dos:%B %d, %Y}. We are unable to pay this claim because {reason[0]}.\n\n"
                f"Member ID: {mid}\nAmount billed: {m(c.rng.uniform(proc[3], proc[4]))}\nAmount paid: $0.00\n\n"
                f"You have the right to appeal this decision within 180 days. To appeal, send a letter explaining why you "
                f"think the decision is wrong, along with any medical records from {doc}, to:\n\n{pay.name}\nAttn: Appeals Unit\n"
                f"PO Box {c.rng.randint(1000, 99999)}\n{c.pick(CITIES)[0]}\n\nYou may also ask for the clinical criteria used in this decision free of charge.\n\n"
                f"Sincerely,\nUtilization Management\n{pay.name}")
        return spec(c.pick(["Important information about your claim", "Claim denial notice", f"Re: Claim {clm}"]),
                    frm, (p.full, p.email), text=text)
    if v == 1:
        body = (f"Dear {p.first},\n\nPlease see the attached letter regarding a recent claim. "
                f"If you have questions, call the number on the back of your ID card.\n\n{pay.name}")
        doc_p = [f"**{pay.name}", f"{dos + dt.timedelta(days=21):%B %d, %Y}", "", p.full, p.street, p.city, "",
                 f"**Notice of Adverse Benefit Determination", f"Member: {p.full}    ID: {mid}", c.dob_line(p.dob),
                 f"Claim number: {clm}", f"Service: {proc[2]} ({proc[0]}) on {dos:%m/%d/%Y}", f"Provider: {doc}, {prov}",
                 f"Diagnosis submitted: {proc[5]} - {proc[6]}", "",
                 f"Decision: Denied. Reason: {reason[0]} (adjustment code {reason[1]}).",
                 "You may request an internal appeal within 180 days of receiving this notice. You may also request an "
                 "external review by an independent review organization after the internal appeal process.", "",
                 "Utilization Review Department"]
        return spec(c.pick(["Letter regarding your claim", "Correspondence from your health plan", "Document available: claim decision"]),
                    frm, (p.full, p.email), text=body,
                    atts=[att(c.pick(["DenialLetter.docx", f"ABD_{clm}.docx", "claim_letter.docx"]), make_docx(doc_p), DOCX)], form="docx")
    if v == 2:
        text = (f"NOTICE OF ADVERSE BENEFIT DETERMINATION\n\nInsured: {p.full}\n{c.dob_line(p.dob)}\nPolicy/ID: {mid}\n"
                f"Claim #: {clm}\nDate(s) of service: {dos:%m/%d/%Y}\nService: {proc[1]} ({proc[0]})\nDx: {proc[5]}\n"
                f"Rendering: {doc}\n\nDetermination: DENIED\nReason code: {reason[1]} -- {reason[0]}\n"
                f"Reviewer: {c.clinician()}, Medical Director\n\n"
                f"Your rights: You or your authorized representative may file an appeal within 180 days. Expedited review is "
                f"available if waiting could seriously jeopardize your health. Call {c.tollfree()}.\n")
        return spec(c.pick(["Adverse benefit determination", "Coverage decision on your recent claim", "Claim decision - action may be required"]),
                    frm, (p.full, p.email), text=text)
    # v3 forwarded by member to broker/HR with own note
    hr_org = c.org("employer")
    hr = c.colleague(hr_org.domain)
    note = c.pick([
        f"Hi {hr.first}, can you help me understand why this got denied? My doctor said the {proc[2]} was necessary and I already had it done. "
        f"I really can't pay this out of pocket.\n\nThanks,\n{p.first}",
        f"{hr.first} - forwarding the letter I got from {pay.name}. They denied my {proc[2]} from {dos:%B}. Is there someone at the "
        f"broker who can push on this? Member ID is {mid} if you need it.\n\n{p.full}",
        f"hi {hr.first.lower()}, sorry to bother you again. insurance denied the claim for my {proc[2]}. what do i do next?? \n\n- {p.first}"])
    orig = (f"Dear {p.formal},\n\nYour claim {clm} for {proc[2]} on {dos:%m/%d/%Y} with {prov} was denied: {reason[0]}.\n"
            f"Member ID: {mid}\n\nYou may appeal within 180 days.\n\n{pay.name}")
    text = (note + f"\n\n---------- Forwarded message ---------\nFrom: {frm[0]} <{frm[1]}>\nDate: {dos + dt.timedelta(days=30):%a, %b %d, %Y}\n"
            f"Subject: Claim denial notice\nTo: <{p.email}>\n\n" + orig)
    return spec(c.pick(["Fwd: Claim denial notice", "FW: claim denied - help?", "Fwd: Important information about your claim"]),
                (p.full, p.email), (hr.full, hr.email), text=text, form="forwarded")


def f_prior_auth(c, v):
    p = c.person(); pay = c.payer(); mid = c.member_id(pay); proc = c.proc_for(p)
    drug = c.pick(DRUGS); doc = c.clinician(); prov = c.provider()
    ref = c.pick([f"PA-{c.digits(8)}", f"{c.letters(2)}{c.digits(9)}", f"AUTH{c.digits(7)}"])
    d0 = c.date()
    frm = (f"{pay.name} Utilization Management", f"um-notify@{pay.domain}")
    if v == 0:
        office = c.colleague(c.pick(["northgateortho.com", "riversiderm.org", "bayviewgi.com", "westfieldonc.com"]))
        text = (f"PRIOR AUTHORIZATION DETERMINATION\n\nStatus: APPROVED\nAuthorization #: {ref}\n\nMember: {p.last}, {p.first}\n"
                f"{c.dob_line(p.dob)}\nMember ID: {mid}\n\nRequesting provider: {doc} (NPI {c.npi()})\nServicing facility: {prov}\n"
                f"Requested service: {proc[1]} ({proc[0]})\nDiagnosis: {proc[5]} {proc[6]}\nApproved units: 1\n"
                f"Valid: {d0:%m/%d/%Y} - {d0 + dt.timedelta(days=90):%m/%d/%Y}\n\n"
                "Authorization is not a guarantee of payment. Benefits are subject to eligibility on the date of service.\n")
        return spec(c.pick([f"Auth {ref} approved", "Prior authorization decision", f"PA determination - {p.last}"]),
                    frm, (office.full, office.email), text=text)
    if v == 1:
        text = (f"Dear {p.first} {p.last},\n\nYour prescriber, {doc}, asked us to cover {drug[1]} ({drug[0]} {drug[2]}) for you. "
                f"After reviewing the information we received, we are unable to approve this request at this time.\n\n"
                f"Why: Our coverage criteria for {drug[1]} require documentation that you have tried and failed at least one "
                f"preferred alternative for {drug[4]}. We did not receive this documentation.\n\n"
                f"What you can do: Talk to your prescriber about a preferred alternative, or ask them to send more information. "
                f"You can also appeal within 65 days.\n\nReference: {ref}\nMember ID: {mid}\n\n{pay.name} Pharmacy Services")
        return spec(c.pick(["About your prescription coverage request", f"Coverage request for {drug[1]}", "Pharmacy prior authorization update"]),
                    (f"{pay.name} Pharmacy", f"rx-coverage@{pay.domain}"), (p.full, p.email), text=text)
    if v == 2:
        status = c.pick(["APPROVED", "DENIED", "PARTIALLY APPROVED"])
        body = c.pick([f"Attached is the determination for request {ref} submitted on {d0:%m/%d/%Y}. Please retain for your records.",
                       f"A decision has been made on authorization request {ref}. The decision letter is attached (PDF).",
                       f"Please find the UM decision letter attached. Ref {ref}."]) + f"\n\n{pay.name} Utilization Management\nFax {c.tollfree()}"
        office = c.colleague(c.pick(["summitsportsmed.com", "pacificheart.org", "oakhollowsleep.com", "cedargrovepsych.com"]))
        pdf = [f"{pay.name} - Utilization Management", f"Date: {d0 + dt.timedelta(days=3):%m/%d/%Y}", "", f"RE: {p.full}",
               f"Member ID {mid}", c.dob_line(p.dob), f"Reference {ref}", "", f"Requested: {proc[1]} (CPT {proc[0]})",
               f"Diagnosis: {proc[5]} - {proc[6]}", f"Ordering provider: {doc}", f"Determination: {status}", "",
               "Clinical rationale: Documentation reviewed against plan medical policy.",
               "Criteria met; conservative therapy of at least 6 weeks was documented." if status != "DENIED" else
               "Criteria not met: conservative therapy of at least 6 weeks was not documented.",
               "", f"Reviewer: {c.clinician()}, Physician Reviewer"]
        return spec(c.pick([f"UM determination {ref}", "Authorization decision letter", f"Decision: {ref}"]), frm,
                    (office.full, office.email), text=body,
                    atts=[att(f"{ref}.pdf", make_pdf(pdf, compress=c.chance(0.5)), "application/pdf")], form="pdf")
    # v3 status report table for a clinic
    clinic = c.provider()
    rows = [["Ref", "Member", "DOB", "Service", "Status", "Updated"]]
    for _ in range(c.rng.randint(3, 7)):
        q = c.person(); pr = c.proc_for(q)
        rows.append([f"{c.letters(1)}{c.digits(7)}", f"{q.last.upper()}, {q.first.upper()}", c.dob_str(q.dob, 0), f"{pr[0]} {pr[2]}",
                     c.pick(["APPROVED", "PENDED - NEED CLINICALS", "IN REVIEW", "DENIED", "APPROVED", "WITHDRAWN"]),
                     f"{c.date():%m/%d}"])
    text = (f"Daily Prior Authorization Status Report\nProvider: {clinic}\nRun date: {c.maxdate + dt.timedelta(days=1):%m/%d/%Y} 06:00\n\n" + text_table(rows) +
            "\n\nPended requests will close in 14 days if clinical documentation is not received. Upload via the provider portal.")
    return spec(c.pick(["PA status report", f"Authorization status - {clinic}", "Daily auth report"]),
                (f"{pay.name} Provider Portal", f"portal@{pay.domain}"), ("Referral Coordinator", f"referrals@{slug(clinic)}.org"),
                text=text)


def f_pickup(c, v):
    p = c.person(); ph = c.org("pharmacy"); drug = c.pick(DRUGS); rx = c.rx_no()
    store = f"{c.rng.randint(100, 9800)} {c.pick(STREETS)}"
    d = c.date(); dl = c.future(3, 12)
    frm = (ph.name, c.pick([f"alerts@{ph.domain}", f"no-reply@{ph.domain}", f"pharmacy@{ph.domain}"]))
    if v == 0:
        text = c.pick([
            f"Hi {p.first}, your prescription for {drug[0]} is ready at {ph.name}, {store}. Rx #{rx}. Please pick up by {dl:%m/%d}. Reply STOP to opt out.",
            f"{ph.name}: {p.first}, your Rx for {drug[0].upper()} {drug[2]} is ready for pickup at our {store} location. Questions? Call us.",
            f"Good news {p.first}! Your {drug[1]} refill is ready at {ph.name} ({store}). Copay: {m(c.pick([0, 4.99, 10, 15, 35, 47.5]))}."])
        return spec(c.pick(["Your prescription is ready", "Ready for pickup", f"{ph.name}: order ready"]), frm, (p.full, p.email), text=text)
    if v == 1:
        rows = [["Rx #", "Medication", "Qty", "Your price"], [rx, f"{drug[0].title()} {drug[2]}", str(drug[3]), m(c.rng.uniform(0, 60))]]
        if c.chance(0.4):
            d2 = c.pick(DRUGS)
            rows.append([c.rx_no(), f"{d2[0].title()} {d2[2]}", str(d2[3]), m(c.rng.uniform(0, 40))])
        inner = (f"<h2 style=\"margin:0 0 8px\">{xesc(p.first)}, your order is ready</h2>"
                 f"<p>Your prescription order is ready for pickup at <b>{xesc(ph.name)}</b>, {xesc(store)}.</p>{html_table(rows)}"
                 f"<p>Pick up by <b>{dl:%A, %B %d}</b>. Drive-thru open until 9 pm.</p>"
                 f"<p style=\"font-size:11px;color:#777\">You are receiving this email because you signed up for prescription alerts.</p>")
        return spec(c.pick(["Your order is ready for pickup", "Prescription ready", "Order ready at your pharmacy"]), frm, (p.full, p.email),
                    html=html_page(inner, ph.name, "#b3121f"), form="html")
    if v == 2:
        text = (f"READY FOR PICKUP\n\nRx {rx} ({drug[0].upper()} {drug[2].upper()}, QTY {drug[3]}) for {p.first[0]}. {p.last.upper()} "
                f"is ready at {ph.name} store #{c.digits(4)}, {store}.\n\nPharmacy hours: Mon-Fri 9-9, Sat 9-6, Sun 10-5.\n"
                f"Insurance billed: {c.pick(['yes', 'yes', 'pending'])}. Please bring photo ID.\n\nMsg&data rates may apply.")
        return spec(c.pick([f"Rx {rx} ready", "Pickup notice", "Prescription ready for pickup"]), frm, (p.full, p.email), text=text)
    text = c.pick([
        f"Reminder: {p.first}, your {drug[0]} ({drug[1]}) has been waiting for you since {d:%m/%d}. If it isn't picked up by "
        f"{dl:%m/%d}, we'll return it to stock and you'll need to request a new fill.\n\n{ph.name}, {store}",
        f"Hello {p.full},\n\nWe noticed your prescription for {drug[0]} {drug[2]} (Rx {rx}) is still ready for pickup. "
        f"Prescriptions not picked up within 14 days are returned to stock.\n\nThank you for choosing {ph.name}."])
    return spec(c.pick(["Don't forget your prescription", "Still waiting for you", "Reminder: prescription ready"]), frm,
                (p.full, p.email), text=text)


def f_mailorder(c, v):
    p = c.person(); mo = c.org("mailorder"); drug = c.pick(DRUGS); rx = c.rx_no()
    order = f"{c.digits(3)}-{c.digits(7)}"; trk = "1Z" + c.letters(3) + c.digits(13)
    d = c.date()
    frm = (mo.name, c.pick([f"orders@{mo.domain}", f"shipping@{mo.domain}", f"noreply@{mo.domain}"]))
    if v == 0:
        inner = (f"<p>Hi {xesc(p.first)},</p><p>Good news - your order <b>#{order}</b> has shipped and should arrive by "
                 f"<b>{d + dt.timedelta(days=3):%A, %B %d}</b>.</p>"
                 + html_table([["Item", "Rx", "Qty", "Days supply"], [f"{drug[1]} ({drug[0]}) {drug[2]}", rx, str(drug[3]), "90"]])
                 + f"<p>Tracking: <a href=\"https://track.example-carrier.com/{trk}\">{trk}</a></p>"
                 "<p>Your package is shipped in discreet packaging. Keep medications at room temperature unless labeled otherwise.</p>")
        return spec(c.pick(["Your order has shipped", f"Order #{order} is on its way", "Shipping confirmation"]), frm, (p.full, p.email),
                    html=html_page(inner, mo.name, "#5b2a86"), form="html")
    if v == 1:
        text = (f"Order #{order} for {p.full} shipped {d:%m/%d/%Y} via {c.pick(['UPS Ground', 'USPS Priority', 'FedEx 2Day'])}.\n\n"
                f"Contents:\n  Rx {rx}  {drug[0].upper()} {drug[2]}  qty {drug[3]}\n"
                + (f"  Rx {c.rx_no()}  {c.pick(DRUGS)[0].upper()}  qty 90\n" if c.chance(0.5) else "")
                + f"\nShip to: {p.street}, {p.city}\nTracking #: {trk}\nBalance charged to card ending {c.digits(4)}: {m(c.rng.uniform(0, 120))}\n\n"
                "Need to change your delivery address? Call us at least 24 hours before delivery.")
        return spec(c.pick(["Shipment notification", f"Shipped: order {order}", "Your mail-order prescription shipped"]), frm,
                    (p.full, p.email), text=text)
    if v == 2:
        cold = c.pick([d_ for d_ in DRUGS if d_[0] in ("adalimumab", "insulin glargine", "etanercept", "semaglutide", "dupilumab")])
        text = (f"Dear {p.first},\n\nWe were unable to deliver your refrigerated shipment of {cold[1]} ({cold[0]} {cold[2]}) on "
                f"{d:%B %d}. The carrier reported: {c.pick(['No one available to sign', 'Address not accessible', 'Weather delay'])}.\n\n"
                f"Because this medication must stay cold, please call our specialty care team at {c.tollfree()} today so we can "
                f"arrange redelivery or a replacement. Do not use the medication if the package arrives warm.\n\n"
                f"Patient: {p.full}\n{c.dob_line(p.dob)}\nOrder: {order}\n\nSpecialty Care Team\n{mo.name}")
        return spec(c.pick(["Action needed: delivery exception", "We missed you - refrigerated delivery", "Delivery problem with your order"]),
                    frm, (p.full, p.email), text=text)
    rows = [["Medication", "Qty", "Member cost"], [f"{drug[0]} {drug[2]}", str(drug[3]), m(c.rng.uniform(5, 95))]]
    d2 = c.pick(DRUGS)
    rows.append([f"{d2[0]} {d2[2]}", str(d2[3]), m(c.rng.uniform(0, 45))])
    inner = (f"<p><b>Order confirmation</b></p><p>Member: {xesc(p.full)}<br>{xesc(c.dob_line(p.dob))}<br>Order #: {order}<br>"
             f"Estimated ship date: {d + dt.timedelta(days=2):%m/%d/%Y}</p>{html_table(rows)}"
             "<p>We'll email you again when your order ships. Refills can be requested up to 10 days early.</p>")
    text = (f"Order confirmation\n\nMember: {p.full}\n{c.dob_line(p.dob)}\nOrder #: {order}\n\n" + text_table(rows))
    return spec(c.pick(["We received your order", "Order confirmation", "Refill request received"]), frm, (p.full, p.email),
                text=text, html=html_page(inner, mo.name, "#00607a"), form="html")


def f_billing_stmt(c, v):
    p = c.person(); bc = c.org("billing"); prov = c.provider(); proc = c.proc_for(p); dos = c.date()
    acct = c.acct(); lines = c.svc_lines(proc, c.rng.randint(1, 3))
    ins = sum(l["paid"] for l in lines); adj = sum(l["billed"] - l["allowed"] for l in lines)
    bal = sum(l["resp"] for l in lines) or round(c.rng.uniform(20, 400), 2)
    frm = (f"{prov} Billing Office", c.pick([f"statements@{bc.domain}", f"billing@{bc.domain}"]))
    due = dos + dt.timedelta(days=c.rng.randint(45, 75))
    if v == 0:
        rows = [["Date", "Description", "Charges", "Ins. paid", "Adjust.", "Balance"]]
        for l in lines:
            rows.append([f"{dos:%m/%d/%y}", f"{l['cpt']} {l['desc']}", m(l["billed"]), f"-{m(l['paid'])}",
                         f"-{m(l['billed'] - l['allowed'])}", m(l["resp"])])
        text = (f"{prov}\nPATIENT STATEMENT\nServiced by {bc.name} on behalf of {prov}\n\nStatement date: {due - dt.timedelta(days=30):%m/%d/%Y}\n"
                f"Account #: {acct}\nPatient name: {p.full}\nGuarantor: {p.full}\n\n" + text_table(rows) +
                f"\n\nAMOUNT DUE: {m(bal)}   PAY BY: {due:%m/%d/%Y}\n\nPay online at pay.{bc.domain} or call {c.tollfree()}. "
                "Financial assistance is available for qualifying patients.")
        return spec(c.pick(["Your statement is available", f"Statement for account {acct}", "Patient statement"]), frm,
                    (p.full, p.email), text=text)
    if v == 1:
        body = (f"Hi {p.first},\n\nYour latest statement from {prov} is attached. Amount due: {m(bal)} by {due:%m/%d/%Y}.\n\n"
                f"Pay online at pay.{bc.domain} using account number {acct}.\n\n{bc.name}, billing agent for {prov}")
        pdf = [prov, "Statement of account", "", f"Patient: {p.full}", f"Account: {acct}", f"{p.street}", p.city, "",
               "DOS        Code    Description                         Charge      Ins pmt     Adj"]
        for l in lines:
            pdf.append(f"{dos:%m/%d/%Y} {l['cpt']:<7} {l['desc'][:34]:<34} {m(l['billed']):>10} {m(l['paid']):>10} {m(l['billed'] - l['allowed']):>10}")
        pdf += ["", f"Primary diagnosis: {proc[5]}", f"Insurance billed: {c.payer().name}", f"Patient balance: {m(bal)}",
                f"Due date: {due:%m/%d/%Y}"]
        return spec(c.pick(["Your billing statement", f"{prov}: statement ready", "Statement attached"]), frm, (p.full, p.email),
                    text=body, atts=[att(f"Statement_{acct.replace(' ', '')}.pdf", make_pdf(pdf, compress=c.chance(0.5)), "application/pdf")],
                    form="pdf")
    if v == 2:
        inner = (f"<p>Hello {xesc(p.first)},</p><p>Your statement from <b>{xesc(prov)}</b> is ready.</p>"
                 f"<table style=\"font:14px Arial\"><tr><td>Visit</td><td><b>{xesc(proc[2].capitalize())}</b> on {dos:%m/%d/%Y}</td></tr>"
                 f"<tr><td>Account</td><td>{acct}</td></tr><tr><td>Balance due</td><td><b>{m(bal)}</b></td></tr>"
                 f"<tr><td>Due</td><td>{due:%B %d, %Y}</td></tr></table>"
                 f"<p><a href=\"https://pay.{bc.domain}/\" style=\"background:#0a66c2;color:#fff;padding:8px 14px;text-decoration:none\">View &amp; pay</a></p>"
                 "<p style=\"font-size:11px;color:#777\">Questions about your bill? Reply to this email or call Patient Financial Services.</p>")
        return spec(c.pick(["Your statement is ready", "New balance on your account", "Billing statement available"]), frm,
                    (p.full, p.email), html=html_page(inner, bc.name, "#0a66c2"), form="html")
    par = p if p.dob.year < 1998 else c.person(28, 55)
    kid = c.child(par)
    ped = c.pick(["Brookside Pediatrics", "Children's Therapy Network", "Little Oaks Pediatric ENT", "KidsCare Urgent Care"])
    kproc = c.pick([("Tympanostomy tube insertion", "69436"), ("Speech therapy eval", "92523"), ("Strep A rapid test", "87880"),
                    ("Fracture care, forearm", "25560"), ("ADHD follow-up visit", "99214"), ("Asthma nebulizer treatment", "94640")])
    amt = round(c.rng.uniform(35, 680), 2)
    text = (f"Guarantor: {par.full}\nPatient: {kid.full}    DOB {c.dob_str(kid.dob, c.pick([0, 1, 6]))}\nAccount: {acct}\n\n"
            f"{ped}\n{dos:%m/%d/%Y}  {kproc[1]}  {kproc[0]}  {m(amt * 2.4)}\n"
            f"            Insurance payment      -{m(amt * 1.1)}\n            Contractual adj.       -{m(amt * 0.3)}\n"
            f"Balance due: {m(amt)}\n\nWe offer interest-free payment plans. Reply to set one up.\n\n{bc.name}")
    return spec(c.pick([f"Statement for {kid.first}", "Pediatric statement", "Balance due"]), frm, (par.full, par.email), text=text)


def f_collections(c, v):
    p = c.person(); col = c.org("collector"); prov = c.provider(); proc = c.proc_for(p); dos = c.date((2023, 1, 1), 500)
    c.date(tuple((dos + dt.timedelta(days=150)).timetuple()[:3]), 200)  # letter goes out months after the service
    acct = c.acct(); bal = round(c.rng.uniform(180, 6400), 2); ref = f"{c.letters(2)}{c.digits(8)}"
    frm = (col.name, c.pick([f"notices@{col.domain}", f"accounts@{col.domain}"]))
    mini = ("This communication is from a debt collector. This is an attempt to collect a debt and any information obtained "
            "will be used for that purpose.")
    if v == 0:
        text = (f"Dear {p.full},\n\n{mini}\n\nOriginal creditor: {prov}\nCreditor account #: {acct}\nOur reference: {ref}\n"
                f"Service date: {dos:%m/%d/%Y}\nDescription of service: {proc[2]} ({proc[0]})\nBalance: {m(bal)}\n\n"
                f"Unless you notify us within 30 days after receiving this notice that you dispute the validity of this debt, "
                f"we will assume it is valid.\n\nCall {c.tollfree()} Mon-Fri 8-8 ET.\n\n{col.name}")
        return spec(c.pick(["Notice regarding your account", f"Account {ref}", "Important notice about a balance"]), frm,
                    (p.full, p.email), text=text)
    if v == 1:
        pct = c.pick([40, 50, 60, 65])
        text = (f"{p.formal},\n\nWe are authorized to offer you a settlement on your account with {prov} for "
                f"{proc[2]} on {dos:%B %d, %Y}. Pay {m(bal * pct / 100)} ({pct}% of the {m(bal)} balance) by "
                f"{c.future(20, 45):%m/%d/%Y} and the account will be considered settled in full.\n\n"
                f"Reference: {ref}\n\n{mini}\n\nResolution Department\n{col.name}")
        return spec(c.pick(["Settlement offer", "Limited-time offer to resolve your balance", f"Resolve account {ref}"]), frm,
                    (p.full, p.email), text=text)
    if v == 2:
        text = (f"FINAL NOTICE\n\nRe: {p.full}\n{c.dob_line(p.dob)}\nAccount for services at {prov}\nTreatment: {proc[2]}, {dos:%m/%d/%Y}\n"
                f"Amount owed: {m(bal)}\n\nWe have not received payment or a response to our previous letters. If this balance is not "
                f"resolved within 15 days, the account may be reported to the credit bureaus (medical debt under $500 is not reported).\n\n"
                f"{mini}\n\nPay at {col.domain}/pay  Ref {ref}")
        return spec(c.pick(["FINAL NOTICE", "Final notice before further action", f"Second notice - ref {ref}"]), frm,
                    (p.full, p.email), text=text)
    inner = (f"<p>{xesc(p.full)}<br>{xesc(p.street)}<br>{xesc(p.city)}</p><h3>Validation Notice</h3>"
             f"<p>{xesc(col.name)} is a debt collector. We are trying to collect a debt that you owe to <b>{xesc(prov)}</b>.</p>"
             + html_table([["As of", "You owed", "Between then and now"], [f"{dos:%m/%d/%Y}", m(bal * 1.15), f"insurance paid {m(bal * 0.15)}"],
                           ["Total now", m(bal), ""]])
             + f"<p>Itemization: {xesc(proc[1])} ({proc[0]}), {dos:%m/%d/%Y}.</p><p>{xesc(mini)}</p>")
    return spec(c.pick(["Validation notice", "Information about a debt", "Your account has been placed with us"]), frm,
                (p.full, p.email), html=html_page(inner, col.name, "#444"), form="html")


def slug(s):
    return "".join(ch for ch in s.lower() if ch.isalnum())[:22]


def f_fmla(c, v):
    emp = c.org("employer"); e = c.person(22, 64); e.email = f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"
    hr = c.colleague(emp.domain); d0 = c.future(7, 40) if v in (0, 1, 3) else c.date(); weeks = c.rng.randint(2, 12)
    eid = f"{c.pick(['E', 'EMP', ''])}{c.digits(6)}"
    surg = c.cond_for(e, SURGERIES); cond = c.cond_for(e, CONDITIONS)
    if v == 0:
        text = (f"Hi {e.first},\n\nYour request for FMLA leave has been approved. Leave is designated as FMLA-qualifying from "
                f"{d0:%m/%d/%Y} through {d0 + dt.timedelta(weeks=weeks):%m/%d/%Y} for your scheduled {surg} and recovery.\n\n"
                f"A few reminders:\n- Your health insurance continues during leave; your premium share will be billed to you.\n"
                f"- Please send a fitness-for-duty / return-to-work note from your surgeon before your first day back.\n"
                f"- Let me know if the surgery date changes.\n\nWishing you a smooth recovery."
                + c.sig(hr.full, c.pick(["HR Generalist", "Leave Administrator", "Benefits Specialist"]), emp.name))
        return spec(c.pick(["FMLA approval", "Your leave request", "Re: leave paperwork"]), (hr.full, hr.email), (e.full, e.email), text=text)
    if v == 1:
        body = (f"{e.first},\n\nAttached is your FMLA Designation Notice. Please review, and reach out with any questions."
                + c.sig(hr.full, "Human Resources", emp.name))
        docp = ["**Designation Notice (Family and Medical Leave Act)", f"Employer: {emp.name}", f"Employee: {e.full}   Employee ID: {eid}",
                "", 
                f"We have reviewed your request for leave under the FMLA and the certification completed by your health care provider.",
                f"Your leave for a serious health condition ({cond}) is approved and will be designated as FMLA leave.",
                f"Leave period: {d0:%m/%d/%Y} to {d0 + dt.timedelta(weeks=weeks):%m/%d/%Y} ({c.pick(['continuous', 'continuous', 'reduced schedule'])}).",
                "You will be required to present a fitness-for-duty certificate to be restored to employment.",
                f"Certifying provider: {c.clinician()}", "", "Human Resources Department"]
        return spec(c.pick(["FMLA Designation Notice", "Leave designation - please review", "Your FMLA paperwork"]),
                    (hr.full, hr.email), (e.full, e.email), text=body,
                    atts=[att(c.pick(["WH-382_Designation.docx", f"FMLA_{e.last}.docx", "DesignationNotice.docx"]), make_docx(docp), DOCX)], form="docx")
    if v == 2:
        ep = c.pick(["chronic migraines", "Crohn's disease", "epileptic seizures", "sickle cell crises", "lupus flares", "panic attacks"])
        text = (f"Employee: {e.full} (ID {eid})\nDept: {c.pick(['Warehouse', 'Finance', 'Facilities', 'Food Service', 'Transportation', 'Housekeeping'])}\n"
                f"Leave type: Intermittent FMLA\nCondition: {ep}\nCertified frequency: up to {c.rng.randint(1, 4)} episodes per month, "
                f"{c.rng.randint(1, 3)} day(s) each\nCertification period: {d0:%m/%d/%Y} - {d0 + dt.timedelta(days=180):%m/%d/%Y}\n\n"
                f"Supervisor: please code absences related to this condition as FMLA-INT in the timekeeping system and do not apply attendance points. "
                f"Do not ask the employee for medical details.\n\nThanks,\n{hr.full}\nLeave Administration")
        sup = c.colleague(emp.domain)
        return spec(c.pick([f"Intermittent leave - {e.last}", "Approved intermittent FMLA", "Leave approval for your team member"]),
                    (hr.full, hr.email), (sup.full, sup.email), text=text, cc=(e.full, e.email) if c.chance(0.4) else None)
    mgr = c.colleague(emp.domain)
    pp = c.pick([x for x in [("a hysterectomy", "gynecologist"), ("chemo", "oncologist"), ("back surgery", "spine surgeon"),
                             ("a heart cath", "cardiologist"), ("dialysis access surgery", "kidney doctor"), ("an inpatient rehab stay", "psychiatrist"),
                             ("radiation", "oncologist")] if e.g == "f" or "hysterectomy" not in x[0]])
    inner_note = c.pick([
        f"Hi {mgr.first},\n\nI wanted to give you a heads up that I'm scheduled for {pp[0]} on {d0:%B %d}. My {pp[1]} says I'll need about "
        f"{weeks} weeks off. What forms do I need to fill out?\n\nThanks,\n{e.first}",
        f"{mgr.first} - my {pp[1]} wants to start {pp[0]} the week of {d0:%B %d}. I'd like to keep working part time if possible. Can we talk?\n\n{e.first}"])
    note = c.pick([f"{hr.first}, forwarding from {e.first}. Can you send {e.first} the FMLA packet? Please keep this between us.",
                   f"Hi {hr.first} - see below from {e.first} on my team. What's the next step for leave?",
                   "FYI - see below. Let me know how you want to handle coverage while " + e.first + " is out."])
    text = (note + c.sig(mgr.full, "Operations Manager", emp.name) + f"\n\n-----Original Message-----\nFrom: {e.full} <{e.email}>\n"
            f"Sent: {d0 - dt.timedelta(days=20):%A, %B %d, %Y} 8:14 AM\nTo: {mgr.full} <{mgr.email}>\nSubject: time off\n\n" + inner_note)
    return spec(c.pick(["FW: time off", "Fwd: time off", "FW: time off - leave question"]), (mgr.full, mgr.email), (hr.full, hr.email),
                text=text, form="forwarded")


def f_leave_note(c, v):
    emp = c.org("employer"); e = c.person(22, 64); e.email = f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"
    mgr = c.colleague(emp.domain); d0 = c.future(3, 30); surg = c.cond_for(e, SURGERIES)
    if v == 0:
        team = f"team-{c.pick(['ops', 'ap', 'dispatch', 'science', 'claims', 'kitchen'])}@{emp.domain}"
        text = c.pick([
            f"Hi all,\n\nHeads up: {e.first} will be out starting {d0:%A %m/%d} for {dict(f='her', m='his').get(e.g, 'their')} {surg}. "
            f"Expected back in about {c.rng.randint(2, 8)} weeks. Please route anything urgent for {e.first} to me in the meantime, and feel free to "
            f"sign the card at the front desk.\n\nThanks,\n{mgr.first}",
            f"Team -\n\n{e.full} is having {surg} on {d0:%m/%d} and will be on leave through the end of the month. {c.pick(['Sunny', 'Drew', 'Robin', 'Pat'])} "
            f"will cover {e.first}'s accounts. Let's send good thoughts!\n\n{mgr.full}"])
        return spec(c.pick([f"{e.first} out of office", "Coverage while out", f"{e.first}'s leave"]), (mgr.full, mgr.email),
                    ("Team", team), text=text)
    if v == 1:
        pay = c.colleague(emp.domain)
        rsn = c.cond_for(e, ["childbirth (C-section)", "childbirth (vaginal delivery)", "own serious health condition - cardiac", "surgery - " + surg,
                      "own serious health condition - behavioral health"])
        text = (f"Payroll,\n\nPlease set up the following short-term disability leave:\n\nEmployee: {e.full}\nEmployee ID: {c.digits(6)}\n"
                f"Leave start: {d0:%m/%d/%Y}\nReason: {rsn}\nSTD benefit: 60% of base, 7-day elimination period\n"
                f"Expected return: {d0 + dt.timedelta(weeks=c.rng.randint(6, 12)):%m/%d/%Y}\n\nPlease stop the 401(k) deferral while unpaid."
                + c.sig(mgr.full, "HR Business Partner", emp.name))
        return spec(c.pick(["STD setup", f"Leave set-up - {e.last}", "New STD case for payroll"]), (mgr.full, mgr.email),
                    (pay.full, pay.email), text=text)
    if v == 2:
        pp = c.pick([x for x in [("an ablation for my AFib", "cardiologist"), ("a biopsy on my thyroid", "endocrinologist"),
                                 ("my second round of IVF retrieval", "fertility doctor"), ("a colonoscopy", "GI doctor"),
                                 ("a sleep study overnight", "pulmonologist"), ("an MRI for the seizures", "neurologist")] if e.g == "f" or "IVF" not in x[0]])
        orig = (f"Hi {mgr.first},\n\nMy {pp[1]} wants me to have {pp[0]} on {d0:%B %d}. Can I use PTO for {d0:%A} and the following day? "
                f"I'll make sure the {c.pick(['month-end close', 'schedule', 'shipments', 'lesson plans'])} is covered.\n\nThanks,\n{e.first}")
        reply = c.pick([f"Of course, {e.first}. Take the time you need and let me know how it goes.",
                        f"No problem - approved in Workday. Hope everything goes well {e.first}.",
                        "Yes, approved. Feel better!"])
        text = (reply + f"\n\n{mgr.first}\n\nOn {d0 - dt.timedelta(days=9):%a, %b %d, %Y} at 9:{c.rng.randint(10, 59)} AM {e.full} <{e.email}> wrote:\n"
                + "\n".join("> " + l for l in orig.split("\n")))
        return spec("Re: PTO request", (mgr.full, mgr.email), (e.full, e.email), text=text, form="reply")
    # v3: calendar block
    days = c.rng.randint(5, 30)
    start = dt.datetime(d0.year, d0.month, d0.day, 8, 0)
    desc = c.pick([f"{e.first} out for {surg} recovery. Back approx {d0 + dt.timedelta(days=days):%m/%d}. Contact {mgr.first} for coverage.",
                   f"OOO - {e.full} - post-op ({surg}). No meetings please."])
    ics = make_ics(f"OOO: {e.full} - {surg} recovery", start, 600,
                   desc, "Out of office", (mgr.full, mgr.email), [(e.full, e.email), ("Team", f"team@{emp.domain}")],
                   f"{c.digits(10)}@{emp.domain}")
    text = f"{mgr.first} has shared a calendar event with you.\n\n{desc}\n"
    return spec(f"Invitation: OOO - {e.first} {e.last[0]}.", (mgr.full, mgr.email), ("Team", f"team@{emp.domain}"), text=text,
                atts=[att("invite.ics", ics, "text/calendar")], form="ics")


def f_workers_comp(c, v):
    emp = c.org("employer"); wc = c.org("wc"); e = c.person(19, 66); inj = c.pick(INJURIES); d0 = c.date()
    clm = f"WC-{c.digits(2)}-{c.digits(6)}"; hr = c.colleague(emp.domain)
    uc = c.pick(["Clearwater Urgent Care", "Concentra-style Occ Clinic", "Mercy Ridge ER", "WorkWell Occupational Health", "Summit Sports Medicine"])
    if v == 0:
        text = (f"FIRST REPORT OF INJURY\n\nEmployer: {emp.name}\nEmployee: {e.full}\n{c.dob_line(e.dob)}\nSSN (last 4): {c.digits(4)}\n"
                f"Job title: {c.pick(['Forklift operator', 'Line cook', 'Custodian', 'CNA', 'Teacher aide', 'Warehouse associate'])}\n"
                f"Date/time of injury: {d0:%m/%d/%Y} {c.rng.randint(6, 22)}:{c.pick(['05', '20', '45', '30'])}\n"
                f"Body part: {inj[0]}\nNature of injury: {inj[1]}\nHow it happened: Employee {inj[3]}.\n"
                f"Initial treatment: {uc}, {d0:%m/%d/%Y}\nLost time: {c.pick(['Yes', 'No', 'Unknown'])}\n\nReported by: {hr.full}")
        return spec(c.pick(["First report of injury", f"FROI - {e.last}", "New WC claim submission"]), (hr.full, hr.email),
                    ("Claims Intake", f"newclaims@{wc.domain}"), text=text)
    if v == 1:
        adj = c.colleague(wc.domain)
        text = (f"Hi {hr.first},\n\nUpdate on the claim below:\n\nClaimant: {e.full}\nClaim #: {clm}\nDOI: {d0:%m/%d/%Y}\n\n"
                f"The treating physician ({c.clinician()}) diagnosed {inj[1]} of the {inj[0]} (ICD {inj[2]}). "
                f"{c.pick(['PT 2x/week for 4 weeks has been authorized.', 'An IME is scheduled for next month.', 'Surgery consult requested; pending UR.', 'MMI expected in 6 weeks.'])} "
                f"TTD benefits are being paid at {m(c.rng.uniform(380, 900))}/week.\n\nPlease let me know if modified duty is available."
                + c.sig(adj.full, "Claims Adjuster", wc.name))
        return spec(c.pick([f"Claim {clm} update", f"RE: {e.last} WC claim", "Workers comp status update"]), (adj.full, adj.email),
                    (hr.full, hr.email), text=text)
    if v == 2:
        text = (f"{c.pick(['Hi', 'Hello', 'Team'])},\n\nIncident report for today. Employee {e.full} (badge #{c.digits(5)}) {inj[3]} at about "
                f"{c.rng.randint(7, 11)}:{c.pick(['10', '35', '50'])} this morning. {e.first} was taken to {uc}, where they found a {inj[1]}. "
                f"{e.first} was sent home and is off work until cleared by the clinic.\n\nWitness statements attached to the OSHA log. I'll file the FROI with {wc.name} today."
                + c.sig(hr.full, "Safety Coordinator", emp.name))
        gm = c.colleague(emp.domain)
        return spec(c.pick(["Incident report", f"Injury on {d0:%m/%d}", "Employee injury today"]), (hr.full, hr.email), (gm.full, gm.email), text=text)
    adj = c.colleague(wc.domain)
    body = f"Please see attached claim status letter for claim {clm}.{c.sig(adj.full, 'Claims Representative', wc.name)}"
    pdf = [wc.name, "Workers' Compensation Claim Status", "", f"Claim number: {clm}", f"Injured worker: {e.full}", c.dob_line(e.dob),
           f"SSN: XXX-XX-{c.digits(4)}", f"Employer: {emp.name}", f"Date of injury: {d0:%m/%d/%Y}", f"Injury: {inj[1]}, {inj[0]}",
           "", f"Status: {c.pick(['Accepted - medical only', 'Accepted - indemnity', 'Under investigation', 'Denied - not work related'])}",
           f"Authorized treating provider: {c.clinician()}", "", "If you disagree with this decision you may request a hearing."]
    return spec(c.pick([f"Claim {clm} status letter", "WC claim letter", "Claim determination"]), (adj.full, adj.email), (hr.full, hr.email),
                text=body, atts=[att(f"{clm}_status.pdf", make_pdf(pdf, compress=c.chance(0.5)), "application/pdf")], form="pdf")


def f_rtw(c, v):
    emp = c.org("employer"); e = c.person(21, 66); d0 = c.date(); hr = c.colleague(emp.domain); sup = c.colleague(emp.domain)
    surg = c.cond_for(e, SURGERIES)
    lbs = c.pick([10, 15, 20, 25, 35])
    restr = c.rng.sample([f"No lifting over {lbs} lbs", "No ladder or scaffold climbing", "Sit/stand at will", "No use of left hand",
                          "No driving company vehicles while on narcotic pain medication", "Max 6 hours/day for 2 weeks",
                          "No overhead reaching with right arm", "Must wear walking boot", "No repetitive bending or twisting"], 3)
    if v == 0:
        text = (f"RTW status for {e.full}:\n\nCleared to return {d0:%m/%d} with temporary restrictions following {surg}:\n"
                + "\n".join(f"  - {r}" for r in restr) +
                f"\n\nRestrictions in place until re-evaluation on {d0 + dt.timedelta(days=28):%m/%d/%Y} with {c.clinician()}.\n"
                f"Please confirm modified duty is available." + c.sig(hr.full, "Disability & Leave Specialist", emp.name))
        return spec(c.pick([f"RTW - {e.last}", "Return to work with restrictions", f"{e.first} {e.last} cleared to return"]),
                    (hr.full, hr.email), (sup.full, sup.email), text=text)
    if v == 1:
        body = (f"Hi {hr.first},\n\nAttached is the completed fitness-for-duty form for {e.first} {e.last}.\n\n{c.pick(['Thanks', 'Regards'])},\n"
                f"{c.clinician()}'s office\n{c.provider()}")
        docp = ["**Work Status Report", f"Employee: {e.full}", c.dob_line(e.dob), f"Employer: {emp.name}", f"Date of visit: {d0:%m/%d/%Y}",
                f"Diagnosis: {c.pick(['s/p', 'status post'])} {surg}", "",
                f"Work status: {c.pick(['Modified duty', 'Full duty, no restrictions', 'Off work until next visit', 'Modified duty'])}",
                "Restrictions:"] + [f"- {r}" for r in restr] + [f"Next appointment: {d0 + dt.timedelta(days=21):%m/%d/%Y}", "",
                                                                 f"Provider signature: {c.clinician()}"]
        return spec(c.pick(["Fitness for duty form", f"Work status - {e.last}", "FFD paperwork"]),
                    (f"{c.provider()} Front Desk", f"frontdesk@{c.pick(['northgateortho.com', 'summitsportsmed.com', 'workwellocc.com', 'primeocc.com'])}"),
                    (hr.full, hr.email), text=body, atts=[att(f"WorkStatus_{e.last}.docx", make_docx(docp), DOCX)], form="docx")
    if v == 2:
        text = (f"Dear {e.first},\n\nWe received the work status note from your physician dated {d0:%m/%d/%Y}. Based on the restrictions listed "
                f"({'; '.join(r.lower() for r in restr)}), we are pleased to offer you a temporary modified-duty assignment in "
                f"{c.pick(['inventory control', 'the front office', 'quality inspection', 'training'])} at your regular rate of pay, "
                f"starting {c.future(3, 10):%A, %B %d}.\n\nPlease sign and return this offer within 3 business days."
                + c.sig(hr.full, "Return-to-Work Coordinator", emp.name))
        return spec(c.pick(["Modified duty offer", "Transitional duty assignment", "Offer of light duty"]), (hr.full, hr.email),
                    (e.full, e.email), text=text)
    q = (f"Hi {hr.first}, quick question - {e.first} is back Monday. Can {c.pick(['they', 'he', 'she'])} run the {c.pick(['pallet jack', 'dish line', 'front register', 'bus route'])} "
         f"or do we need to keep {e.first} at the desk?\n\n{sup.first}")
    a = (f"Hi {sup.first},\n\n{e.first}'s note from the surgeon (post-{surg}) says:\n" + "\n".join(f"- {r}" for r in restr) +
         f"\n\nSo desk work only for now. Re-check in 4 weeks.\n\n{hr.first}")
    text = a + f"\n\nFrom: {sup.full} <{sup.email}>\nSent: {d0:%A, %B %d, %Y}\nTo: {hr.full}\nSubject: {e.first} coming back\n\n" + q
    return spec(f"RE: {e.first} coming back", (hr.full, hr.email), (sup.full, sup.email), text=text, form="reply")


def f_emp_health(c, v):
    emp = c.org("employer"); occ = c.org("occ"); e = c.person(20, 66); d0 = c.date(); eid = c.digits(6)
    hr = c.colleague(emp.domain); nurse = c.colleague(occ.domain)
    if v == 0:
        mm = c.pick([0, 0, 0, 2, 4, 12]); res = "POSITIVE - referred for chest x-ray" if mm >= 10 else "NEGATIVE"
        text = (f"TB SCREENING RESULT\n\nEmployee: {e.full}\nEmployee ID: {eid}\n{c.dob_line(e.dob)}\nDepartment: {c.pick(['Nursing', 'Dietary', 'Housekeeping', 'Maintenance', 'Front Desk'])}\n\n"
                f"Test: Tuberculin skin test (PPD), right forearm\nPlaced: {d0:%m/%d/%Y}  Read: {d0 + dt.timedelta(days=2):%m/%d/%Y}\n"
                f"Induration: {mm} mm\nInterpretation: {res}\nNext annual screening due: {d0 + dt.timedelta(days=365):%m/%Y}\n\n"
                f"Read by: {nurse.full}, RN")
        return spec(c.pick(["TB test result", f"PPD read - {e.last}", "Annual TB screening"]), (nurse.full, nurse.email), (hr.full, hr.email), text=text)
    if v == 1:
        res = c.pick(["NEGATIVE", "NEGATIVE", "NEGATIVE-DILUTE (recollect)", "POSITIVE - amphetamines (MRO verified, valid prescription on file - reported NEGATIVE)", "POSITIVE - marijuana metabolite"])
        text = (f"Pre-employment drug screen result\n\nDonor: {e.last}, {e.first}\nDonor ID: XXX-XX-{c.digits(4)}\nSpecimen ID: {c.digits(9)}\n"
                f"Collected: {d0:%m/%d/%Y} at {occ.name}\nPanel: {c.pick(['10-panel urine', '5-panel DOT', '9-panel + alcohol'])}\n"
                f"Result: {res}\nMRO: {c.clinician()}\n\nReason for test: {c.pick(['Pre-employment', 'Post-accident', 'Random', 'Reasonable suspicion'])}")
        return spec(c.pick(["Drug screen result", f"DS result {e.last}", "Screening results available"]), (occ.name, f"results@{occ.domain}"),
                    (hr.full, hr.email), text=text)
    if v == 2:
        f2 = c.future(1, 3); start = dt.datetime(f2.year, f2.month, f2.day, c.rng.randint(7, 15), c.pick([0, 15, 30, 45]))
        desc = (f"TB skin test READ for {e.full} (ID {eid}). PPD was placed {start - dt.timedelta(days=2):%m/%d}. "
                "Must be read 48-72 hours after placement or the test has to be repeated. Bring badge.")
        ics = make_ics(f"PPD read - {e.full}", start, 15, desc, f"Employee Health, {c.pick(['Room 114', 'B-wing', 'Suite 200'])}",
                       (nurse.full, nurse.email), [(e.full, f"{slug(e.first)}.{slug(e.last)}@{emp.domain}")], f"{c.digits(12)}@{occ.domain}")
        return spec(f"Invitation: PPD read - {e.first} {e.last}", (nurse.full, nurse.email),
                    (e.full, f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"), text=f"Employee Health has scheduled your appointment.\n\n{desc}",
                    atts=[att("invite.ics", ics, "text/calendar")], form="ics")
    src = c.pick(["HIV-negative, HCV-negative, HBsAg-negative source", "source patient unknown", "source patient HCV antibody positive"])
    text = (f"Hi {e.first},\n\nFollowing up on your needlestick exposure on {d0:%m/%d/%Y}. Your baseline labs (HIV, hepatitis B surface antibody, "
            f"hepatitis C) were all negative, and your hep B titer shows immunity. Source status: {src}.\n\n"
            f"Your next follow-up labs are due at 6 weeks ({d0 + dt.timedelta(weeks=6):%m/%d}) and 6 months. "
            f"{c.pick(['Please continue the PEP regimen until finished.', 'PEP was not indicated.', 'Call us if you develop fever or rash.'])}\n\n"
            f"{nurse.full}, RN\n{occ.name} - Employee Health")
    return spec(c.pick(["Follow-up after your exposure", "Bloodborne pathogen exposure follow-up", "Your lab results"]), (nurse.full, nurse.email),
                (e.full, f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"), text=text)


def f_disability(c, v):
    ins = c.org("disability"); e = c.person(24, 64); d0 = c.date(); clm = f"{c.digits(8)}"
    cond = c.cond_for(e, CONDITIONS); emp = c.org("employer"); cm = c.colleague(ins.domain)
    if v == 0:
        text = (f"Dear {e.first} {e.last},\n\nShort Term Disability claim #{clm}\n\nWe have approved your claim for benefits from "
                f"{d0:%m/%d/%Y} through {d0 + dt.timedelta(days=42):%m/%d/%Y}, based on the medical information provided by "
                f"{c.clinician()} regarding your {cond}. Your weekly benefit is {m(c.rng.uniform(420, 1400))}.\n\n"
                "To extend benefits beyond this date, we will need updated records from your provider at least 7 days before it ends."
                + c.sig(cm.full, "Disability Case Manager", ins.name, c.tollfree()))
        return spec(c.pick(["Your disability claim decision", f"STD claim {clm} - approved", "Claim update"]), (cm.full, cm.email),
                    (e.full, e.email), text=text)
    if v == 1:
        inner = (f"<p>Hi {xesc(e.first)},</p><p>We need additional medical information to continue reviewing your claim "
                 f"<b>#{clm}</b>. Please ask your provider to send records of treatment for <b>{xesc(cond)}</b> since {d0:%m/%d/%Y}, including "
                 "office notes, test results and current restrictions.</p><p>Due date: "
                 f"<b>{d0 + dt.timedelta(days=30):%B %d, %Y}</b>. Upload via the claimant portal or fax {c.tollfree()}.</p>")
        return spec(c.pick(["Action needed on your claim", "We need more information", "Claim request: medical records"]),
                    (ins.name, f"noreply@{ins.domain}"), (e.full, e.email), html=html_page(inner, ins.name, "#23395d"), form="html")
    if v == 2:
        body = f"Dear {e.first},\n\nYour Long Term Disability decision letter is attached.\n\n{ins.name} Claims"
        pdf = [ins.name, "Long Term Disability - Approval", "", f"Claimant: {e.full}", c.dob_line(e.dob), f"Claim number: {clm}",
               f"Employer/Policyholder: {emp.name}", "", f"We have approved your LTD claim effective {d0:%m/%d/%Y}.",
               f"Disabling condition: {cond}", f"Gross monthly benefit: {m(c.rng.uniform(1800, 6200))}",
               "Offsets: Social Security Disability (estimated) - you must apply for SSDI.", "",
               f"Case manager: {cm.full}, {c.tollfree()}"]
        return spec(c.pick(["LTD decision letter", "Your claim decision", f"Claim {clm}: letter attached"]), (cm.full, cm.email),
                    (e.full, e.email), text=body, atts=[att(f"LTD_{clm}.pdf", make_pdf(pdf, compress=c.chance(0.5)), "application/pdf")], form="pdf")
    hr = c.colleague(emp.domain)
    text = (f"Employer notification - {ins.name}\n\nEmployee: {e.full}\nClaim #: {clm}\nClaim type: {c.pick(['STD', 'LTD', 'STD'])}\n"
            f"Status: {c.pick(['Approved', 'Extended', 'Closed - returned to work', 'Pending medical'])}\nDisability date: {d0:%m/%d/%Y}\n"
            f"Condition category: {c.cond_for(e, ['Musculoskeletal', 'Mental/nervous', 'Maternity', 'Cardiovascular', 'Neoplasm'])}\n"
            f"Estimated return to work: {d0 + dt.timedelta(days=c.rng.randint(20, 90)):%m/%d/%Y}\n\n"
            "Please do not contact the employee's provider directly. Direct questions to the case manager.")
    return spec(c.pick([f"Claim status change - {e.last}", "Employer notification", "Disability claim update"]),
                (ins.name, f"employer-notify@{ins.domain}"), (hr.full, hr.email), text=text)


def f_roster(c, v):
    pay = c.payer(); prov = c.provider(); cm = c.colleague(pay.domain); rcpt = c.colleague(slug(prov) + ".org")
    n = c.rng.randint(6, 18)
    mon = c.pick(MONTHS)
    people = [c.person(18, 90) for _ in range(n)]
    if v == 0:
        rows = [["Last, First", "DOB", "Member ID", "Diagnosis", "PCP", "Risk score"]]
        for q in people:
            pr = c.proc_for(q)
            rows.append([f"{q.last}, {q.first}", c.dob_str(q.dob, 0), c.member_id(pay), f"{pr[5]} {pr[6]}", c.clinician(False),
                         round(c.rng.uniform(0.4, 4.9), 2)])
        body = (f"Hi {rcpt.first},\n\nAttached is the {mon} care management roster for your attributed members. Please review the high-risk "
                f"members before Thursday's huddle." + c.sig(cm.full, "Care Management Nurse", pay.name))
        return spec(c.pick([f"{mon} care management roster", "Attributed member list", "Roster for huddle"]), (cm.full, cm.email),
                    (rcpt.full, rcpt.email), text=body, atts=[att(f"cm_roster_{mon.lower()}.csv", make_csv(rows), "text/csv")], form="csv")
    if v == 1:
        rows = [["Member Name", "Date of Birth", "Subscriber ID", "Condition", "Last ED Visit", "Outreach status"]]
        for q in people:
            rows.append([f"{q.last}, {q.first}", c.dob_str(q.dob, 3), c.member_id(pay),
                         c.pick(["CHF", "COPD", "Type 2 diabetes, uncontrolled", "ESRD on dialysis", "Schizophrenia", "Opioid use disorder", "CKD 4", "Asthma, severe persistent"]),
                         f"{c.date():%m/%d/%Y}", c.pick(["Reached", "Left VM", "No answer x3", "Declined", "Enrolled"])])
        body = (f"{rcpt.first},\n\nHigh utilizer list for {mon} is attached (xlsx). {c.pick(['Let me know who you can take.', 'Same format as last month.', 'Please update the outreach column.'])}"
                + c.sig(cm.full, "Population Health Analyst", pay.name))
        return spec(c.pick(["High utilizer list", f"{mon} outreach list", "Updated member list"]), (cm.full, cm.email), (rcpt.full, rcpt.email),
                    text=body, atts=[att(f"HighUtilizers_{mon[:3]}.xlsx", make_xlsx(rows, "Members", shared=True), XLSX)], form="xlsx")
    if v == 2:
        rows = [["MEMBER_LAST", "MEMBER_FIRST", "DOB", "MBR_ID", "GAP", "DUE_DATE"]]
        for q in people:
            rows.append([q.last.upper(), q.first.upper(), c.dob_str(q.dob, 6), c.member_id(pay),
                         c.pick(["Diabetic eye exam overdue", "HbA1c > 9 - no follow-up", "Statin adherence < 80%", "Colorectal screening due",
                                 "Post-discharge visit (CHF) not done", "Depression screening positive - no f/u"]), f"{c.date():%m/%d/%Y}"])
        body = (f"Attached are open care gaps for members attributed to {prov}. Closing these before year end counts toward your quality bonus."
                + c.sig(cm.full, "Provider Quality Liaison", pay.name))
        return spec(c.pick(["Open care gaps", "Quality gap report", "Gaps in care - action list"]), (cm.full, cm.email), (rcpt.full, rcpt.email),
                    text=body, atts=[att("care_gaps.xlsx", make_xlsx(rows, "Gaps", shared=False), XLSX)], form="xlsx")
    emp = c.org("employer")
    rows = [["Subscriber ID", "Nombre/Name", "Birth Date", "Chronic condition", "Program"]]
    for q in people:
        rows.append([c.member_id(pay), f"{q.last}, {q.first}", c.dob_str(q.dob, 1),
                     c.pick(["Hypertension", "Diabetes", "Depression", "Asthma", "Back pain", "Pregnancy - high risk", "Obesity (BMI 40+)"]),
                     c.pick(["Disease mgmt", "Maternity", "Behavioral health", "Lifestyle coaching"])])
    body = (f"Hello,\n\nPer the vendor agreement, here is the monthly enrollment file for the {emp.name} chronic condition program. "
            "Semicolon-delimited as requested." + c.sig(cm.full, "Vendor Data Coordinator", pay.name))
    return spec(c.pick(["Monthly program enrollment file", "Enrollment file", "Program roster"]), (cm.full, cm.email),
                ("Program Ops", f"ops@{c.pick(['healthcoachco.com', 'wellpathcoaching.com', 'thrivecare.io'])}"), text=body,
                atts=[att("enrollment_file.csv", make_csv(rows, ";"), "text/csv")], form="csv")


def f_claims_export(c, v):
    pay = c.payer(); bc = c.org("billing"); analyst = c.colleague(bc.domain); rc = c.colleague(pay.domain)
    n = c.rng.randint(8, 25)
    recs = []
    for _ in range(n):
        q = c.person(); pr = c.proc_for(q); l = c.svc_lines(pr, 0)[0]
        recs.append((q, pr, l, c.date(), c.claim_no(), c.member_id(pay)))
    if v == 0:
        rows = [["claim_id", "member_id", "member_name", "dob", "dos", "cpt", "icd10", "billed", "paid"]]
        for q, pr, l, d, clm, mid in recs:
            rows.append([clm, mid, f"{q.first} {q.last}", f"{q.dob:%Y-%m-%d}", f"{d:%Y-%m-%d}", pr[0], pr[5], f"{l['billed']:.2f}", f"{l['paid']:.2f}"])
        body = f"Claims extract for {c.pick(MONTHS)} attached. Filtered to {c.provider()}.{c.sig(analyst.full, 'Data Analyst', bc.name)}"
        return spec(c.pick(["Claims extract", "Monthly claims export", "Claims file - as requested"]), (analyst.full, analyst.email),
                    (rc.full, rc.email), text=body, atts=[att("claims_export.csv", make_csv(rows), "text/csv")], form="csv")
    if v == 1:
        rows = [["Status", "Denial reason", "Patient Last", "Patient First", "Acct", "Svc Date", "Proc", "Dx", "Charge"]]
        for q, pr, l, d, clm, mid in recs:
            rows.append([c.pick(["DENIED", "DENIED", "PENDED"]), c.pick(["CO-16 missing info", "CO-197 no auth", "CO-50 med necessity", "PR-204 not covered", "CO-29 timely filing"]),
                         q.last, q.first, c.acct(), f"{d:%m/%d/%Y}", pr[0], pr[5], f"{l['billed']:.2f}"])
        body = (f"Hi {rc.first},\n\nHere's the denial worklist for the week. {c.pick(['The CO-197s are mostly from the new ortho group.', 'Most of these need corrected claims.', 'Can we set up a call to go through these?'])}"
                + c.sig(analyst.full, "AR Specialist", bc.name))
        return spec(c.pick(["Denial worklist", "Denials this week", "Open denials - please review"]), (analyst.full, analyst.email),
                    (rc.full, rc.email), text=body, atts=[att(f"denials_{c.date():%Y%m%d}.csv", make_csv(rows), "text/csv")], form="csv")
    if v == 2:
        rows = [["Member", "ID", "DOS", "CPT", "Dx", "Billed", "Status"]]
        for q, pr, l, d, clm, mid in recs[:8]:
            rows.append([f"{q.last}, {q.first[0]}.", mid, f"{d:%m/%d/%y}", pr[0], pr[5], m(l["billed"]), c.pick(["Paid", "Denied", "Pending", "Paid"])])
        text = (f"{rc.first},\n\nPasting the claims we discussed on the call since the portal export is broken:\n\n" + text_table(rows, " | ") +
                f"\n\nCan you have someone reprocess the denied ones?" + c.sig(analyst.full, "Billing Manager", bc.name))
        return spec(c.pick(["Claims for reprocessing", "RE: claims we discussed", "Claim list"]), (analyst.full, analyst.email), (rc.full, rc.email),
                    text=text)
    rows = [["Claim #", "Subscriber", "Patient", "Patient DOB", "Date of Service", "Procedure", "Diagnosis", "Allowed", "Paid"]]
    for q, pr, l, d, clm, mid in recs:
        rows.append([clm, mid, f"{q.last}, {q.first}", c.dob_str(q.dob, 0), f"{d:%m/%d/%Y}", f"{pr[0]} {pr[1]}", f"{pr[5]} {pr[6]}",
                     l["allowed"], l["paid"]])
    body = (f"Attached is the paid claims detail you requested for the audit sample ({n} claims)."
            + c.sig(rc.full, "Provider Data Analyst", pay.name))
    return spec(c.pick(["Audit sample - paid claims detail", "Paid claims detail", "Claims detail for audit"]), (rc.full, rc.email),
                (analyst.full, analyst.email), text=body, atts=[att("paid_claims_detail.xlsx", make_xlsx(rows, "Claims", c.chance(0.5)), XLSX)], form="xlsx")


def _x12_835(c, pay, provname, recs, check):
    segs = [f"ISA*00*          *00*          *ZZ*{pay.prefix}{c.digits(6)}     *ZZ*{c.digits(9)}      *{c.date():%y%m%d}*1422*^*00501*{c.digits(9)}*0*P*:",
            f"GS*HP*{pay.prefix}*{c.digits(9)}*{c.date():%Y%m%d}*1422*{c.rng.randint(1, 9999)}*X*005010X221A1", "ST*835*0001",
            f"BPR*I*{sum(r[2]['paid'] for r in recs):.2f}*C*ACH*CCP*01*{c.digits(9)}*DA*{c.digits(10)}*1{c.digits(9)}**01*{c.digits(9)}*DA*{c.digits(8)}*{c.date():%Y%m%d}",
            f"TRN*1*{check}*1{c.digits(9)}", f"N1*PR*{pay.name.upper()}", f"N1*PE*{provname.upper()}*XX*{c.npi()}"]
    for i, (q, pr, l, d, clm, mid) in enumerate(recs, 1):
        segs += [f"LX*{i}", f"CLP*{c.digits(8)}*1*{l['billed']:.2f}*{l['paid']:.2f}*{l['resp']:.2f}*12*{clm}*11*1",
                 f"NM1*QC*1*{q.last.upper()}*{q.first.upper()}*{q.mi}***MI*{mid}", f"DTM*232*{d:%Y%m%d}",
                 f"SVC*HC:{pr[0]}*{l['billed']:.2f}*{l['paid']:.2f}**1", f"DTM*472*{d:%Y%m%d}",
                 f"CAS*CO*45*{l['billed'] - l['allowed']:.2f}"]
        if l["resp"]:
            segs.append(f"CAS*PR*{c.pick(['1', '2', '3'])}*{l['resp']:.2f}")
        segs.append(f"AMT*B6*{l['allowed']:.2f}")
    segs += [f"SE*{len(segs) - 1}*0001", "GE*1*1", f"IEA*1*{c.digits(9)}"]
    return "~\n".join(segs) + "~\n"


def f_remit(c, v):
    pay = c.payer(); prov = c.provider(); bc = c.org("billing"); rc = c.colleague(bc.domain)
    recs = []
    for _ in range(c.rng.randint(2, 7)):
        q = c.person(); pr = c.proc_for(q); l = c.svc_lines(pr, 0)[0]
        recs.append((q, pr, l, c.date(), c.claim_no(), c.member_id(pay)))
    check = c.digits(10)
    frm = (f"{pay.name} EDI", f"edi@{pay.domain}")
    if v == 0:
        text = (f"ERA for check/EFT {check} follows (raw 835). Please reconcile.\n\n" + _x12_835(c, pay, prov, recs, check))
        return spec(c.pick([f"835 remittance {check}", "ERA - raw 835", "Electronic remittance advice"]), frm, (rc.full, rc.email),
                    text=text, form="x12")
    if v == 1:
        rows = [["Patient name", "Acct", "ICN", "DOS", "Proc", "Billed", "Allowed", "Paid", "Reason"]]
        for q, pr, l, d, clm, mid in recs:
            rows.append([f"{q.last.upper()}, {q.first.upper()}", c.digits(7), clm, f"{d:%m%d%y}", pr[0], f"{l['billed']:.2f}",
                         f"{l['allowed']:.2f}", f"{l['paid']:.2f}", c.pick(["CO45", "CO45 PR2", "PR1", "CO45 PR3", "CO97"])])
        text = (f"REMITTANCE ADVICE        {pay.name.upper()}\nPAYEE: {prov.upper()}    NPI {c.npi()}\nCHECK/EFT #: {check}   DATE: {c.date():%m/%d/%Y}\n\n"
                + text_table(rows) + f"\n\nTOTAL PAID: {m(sum(r[2]['paid'] for r in recs))}\n")
        return spec(c.pick(["Remittance advice", f"RA {check}", "Payment remittance detail"]), frm, (rc.full, rc.email), text=text)
    if v == 2:
        x = _x12_835(c, pay, prov, recs, check).encode()
        body = c.pick([f"Attached ERA file for EFT trace {check}.", f"835 attached - trace {check}. Auto-posting failed, please post manually.",
                       f"Resending ERA {check} per your request."]) + "\n\n" + f"{pay.name} EDI Support"
        return spec(c.pick([f"ERA file {check}", "835 file attached", "Resend: ERA"]), frm, (rc.full, rc.email), text=body,
                    atts=[att(f"{check}.835", x, "text/plain")], form="x12")
    rows = [["Patient", "Member ID", "Service date", "Procedure", "Billed", "Paid", "Patient resp."]]
    for q, pr, l, d, clm, mid in recs:
        rows.append([q.full, mid, f"{d:%m/%d/%Y}", f"{pr[0]} - {pr[2]}", m(l["billed"]), m(l["paid"]), m(l["resp"])])
    inner = (f"<p>Payment of <b>{m(sum(r[2]['paid'] for r in recs))}</b> was issued to {xesc(prov)} (EFT {check}).</p>" + html_table(rows) +
             "<p style=\"font-size:11px\">Log in to the provider portal to download the full 835.</p>")
    return spec(c.pick(["Payment issued - ERA summary", "Your remittance summary", f"EFT {check} summary"]), frm, (rc.full, rc.email),
                html=html_page(inner, pay.name + " Provider Payments", "#375623"), form="html")


# ---------------- blind-only PHI families ----------------
def f_spanish_rx(c, v):
    p = c.person(); drug = c.pick(DRUGS); rx = c.rx_no(); d = c.date()
    ES = {"depression": "depresión", "anxiety": "ansiedad", "type 2 diabetes": "diabetes tipo 2", "high blood pressure": "presión alta",
          "asthma": "asma", "hypothyroidism": "hipotiroidismo", "high cholesterol": "colesterol alto"}
    if v == 0:
        ph = c.org("pharmacy")
        text = (f"Hola {p.first}, su receta de {drug[0]} {drug[2]} está lista para recoger en {ph.name}. Rx #{rx}. "
                f"Recójala antes del {c.future(3, 10):%d/%m}. Responda ALTO para no recibir más mensajes.")
        return spec(c.pick(["Su receta está lista", "Receta lista para recoger"]), (ph.name, f"avisos@{ph.domain}"), (p.full, p.email),
                    text=text, form="spanish")
    if v == 1:
        mo = c.org("mailorder")
        text = (f"Estimado/a {p.full}:\n\nSu pedido #{c.digits(8)} fue enviado el {d:%d/%m/%Y}. Contenido:\n\n  {drug[1]} ({drug[0]}) {drug[2]} - cantidad {drug[3]}\n\n"
                f"Número de rastreo: 1Z{c.letters(3)}{c.digits(12)}\nLlegará en 2 a 4 días hábiles. Si el medicamento requiere refrigeración, "
                f"guárdelo en el refrigerador al recibirlo.\n\nAtentamente,\nServicio al Cliente de {mo.name}")
        return spec(c.pick(["Su pedido fue enviado", "Confirmación de envío"]), (mo.name, f"envios@{mo.domain}"), (p.full, p.email),
                    text=text, form="spanish")
    if v == 2:
        ph = c.org("pharmacy")
        cond = ES.get(drug[4], drug[4])
        text = (f"Recordatorio de resurtido\n\n{p.first}, es hora de resurtir su {drug[0]} (Rx {rx}), que usa para {cond}.\n"
                f"Fecha de nacimiento registrada: {p.dob:%d/%m/%Y}\n\nPuede pedirlo por la aplicación o llamando a la farmacia. "
                f"No deje de tomar su medicamento sin hablar con su médico.\n\n{ph.name}")
        return spec("Es hora de resurtir su receta", (ph.name, f"recordatorios@{ph.domain}"), (p.full, p.email), text=text, form="spanish")
    pay = c.payer(); pr = c.proc_for(p); l = c.svc_lines(pr, 0)[0]; prov = c.provider()
    text = (f"EXPLICACIÓN DE BENEFICIOS - ESTO NO ES UNA FACTURA\n\nAfiliado: {p.full}\nNúmero de identificación: {c.member_id(pay)}\n"
            f"Proveedor: {prov}\nFecha de servicio: {d:%d/%m/%Y}\nServicio: {pr[1]} ({pr[0]})\n\nCargo: {m(l['billed'])}\n"
            f"Pagado por el plan: {m(l['paid'])}\nUsted podría deber: {m(l['resp'])}\n\nSi no está de acuerdo, puede apelar dentro de 180 días.\n{pay.name}")
    return spec("Su explicación de beneficios", (pay.name, f"noreply@{pay.domain}"), (p.full, p.email), text=text, form="spanish")


def f_appeal(c, v):
    p = c.person(); pay = c.payer(); mid = c.member_id(pay); clm = c.claim_no(); pr = c.proc_for(p); d = c.date()
    case = f"APL-{c.digits(7)}"; frm = (f"{pay.name} Appeals", f"appeals@{pay.domain}")
    if v == 0:
        text = (f"Claimant: {p.full}\nMember ID: {mid}\nAppeal #: {case}\nRe: Claim {clm} ({pr[2]}, {d:%m/%d/%Y})\n\n"
                f"We received your appeal on {d + dt.timedelta(days=40):%m/%d/%Y}. A reviewer who was not involved in the original decision "
                f"will review your request, including the letter from {c.clinician()} and your records. We will send a written decision within 30 days.\n\n"
                f"Appeals Unit, {pay.name}")
        return spec(c.pick(["We received your appeal", f"Appeal {case} acknowledgment", "Appeal acknowledgment"]), frm, (p.full, p.email), text=text)
    if v == 1:
        text = (f"Dear {p.formal},\n\nGood news: after reviewing your appeal ({case}), we have OVERTURNED our earlier decision on claim {clm} for "
                f"{pr[2]} performed on {d:%B %d, %Y}. The medical director found that the service was medically necessary for your "
                f"{pr[6]}. The claim will be reprocessed within 15 business days and you will receive a new Explanation of Benefits.\n\n"
                f"Sincerely,\n{pay.name} Appeals & Grievances")
        return spec(c.pick(["Your appeal decision", f"Appeal {case} - decision", "Decision on your appeal"]), frm, (p.full, p.email), text=text)
    if v == 2:
        body = f"Please see the attached notice about your right to external review.\n\n{pay.name}"
        docp = ["**Notice of Final Internal Adverse Benefit Determination", f"Claimant: {p.full}", c.dob_line(p.dob), f"Member ID: {mid}",
                f"Appeal: {case}", f"Service: {pr[1]} ({pr[0]}), date of service {d:%m/%d/%Y}", f"Diagnosis: {pr[5]} {pr[6]}", "",
                "Your internal appeal was denied. You have the right to request an external review by an Independent Review "
                "Organization within 4 months of receiving this notice.", "", "Appeals & Grievances Department"]
        return spec(c.pick(["Final appeal decision", "Notice of external review rights"]), frm, (p.full, p.email), text=body,
                    atts=[att(f"{case}.docx", make_docx(docp), DOCX)], form="docx")
    inner = (f"<p>Dear {xesc(p.first)},</p><p>Thank you for contacting us. We have logged your grievance <b>{case}</b> about "
             f"{c.pick(['the wait time to see a specialist for your', 'billing you received for your', 'the denial of coverage for your'])} "
             f"<b>{xesc(pr[2])}</b> at {xesc(c.provider())}.</p><p>Insured: {xesc(p.full)} | ID {mid}</p>"
             "<p>We will respond in writing within 30 calendar days.</p>")
    return spec(c.pick(["Grievance received", f"Grievance {case}"]), frm, (p.full, p.email), html=html_page(inner, pay.name, "#6b2737"), form="html")


def f_hsa(c, v):
    tpa = c.org("tpa"); p = c.person(22, 64); d = c.date(); amt = round(c.rng.uniform(25, 900), 2)
    ref = f"{c.digits(10)}"; frm = (tpa.name, c.pick([f"claims@{tpa.domain}", f"noreply@{tpa.domain}"]))
    merch = c.pick(["Valley Orthodontics", "Cedar Grove Psychiatry", "Summit Physical Therapy", "Harborview Dermatology",
                    "Bright Smile Dental", "Oak Hollow Sleep Center", "LensCrafters-style Vision Center", "Fertility Partners of the Valley"])
    if v == 0:
        text = (f"Beneficiary: {p.full}\nAccount: Health FSA\nCard transaction {ref}: {m(amt)} at {merch} on {d:%m/%d/%Y}\n\n"
                "IRS rules require us to verify that this purchase was an eligible medical expense. Please upload an itemized receipt "
                "or Explanation of Benefits showing the patient name, date of service, type of service and amount within 45 days, or "
                "your card may be suspended.\n\n" + tpa.name)
        return spec(c.pick(["Receipt needed for a card purchase", "Action required: substantiate your FSA card swipe"]), frm, (p.full, p.email), text=text)
    if v == 1:
        dr = c.pick(DRUGS)
        text = (f"Hi {p.first},\n\nYour reimbursement request #{ref} has been approved.\n\nExpense: Prescription - {dr[1]} ({dr[0]})\n"
                f"Provider: {c.org('pharmacy').name}\nDate of service: {d:%m/%d/%Y}\nAmount reimbursed: {m(amt / 4)}\n\n"
                f"Funds will be deposited to your account ending in {c.digits(4)} within 2 business days.\n\n{tpa.name}")
        return spec("Your reimbursement was approved", frm, (p.full, p.email), text=text)
    if v == 2:
        svc = c.pick(["teeth whitening", "cosmetic Botox injections", "gym membership for weight loss", "laser hair removal"])
        text = (f"Dear {p.full},\n\nWe're unable to approve claim {ref} for {m(amt)} ({svc}, {merch}, {d:%m/%d/%Y}). This expense is not eligible "
                "unless accompanied by a Letter of Medical Necessity from your provider describing the medical condition being treated.\n\n"
                f"Participant ID: {c.digits(9)}\n\n{tpa.name} Claims Team")
        return spec("Claim denied - more information needed", frm, (p.full, p.email), text=text)
    rows = [["Date", "Patient", "Provider", "Service", "Amount", "Status"]]
    kid = c.child(p)
    for _ in range(c.rng.randint(4, 9)):
        who = c.pick([p.full, kid.full])
        rows.append([f"{c.date():%m/%d/%Y}", who, c.pick(["Brookside Pediatrics", "Summit Physical Therapy", "Cedar Grove Psychiatry", "RiteWell Pharmacy", "Bright Smile Dental"]),
                     c.pick(["Office visit copay", "Physical therapy", "Psychotherapy session", "Rx copay", "Orthodontia", "Allergy shots"]),
                     f"{c.rng.uniform(15, 300):.2f}", c.pick(["Paid", "Paid", "Pending docs", "Denied"])])
    body = f"Hi {p.first},\n\nAs requested, your {d.year} HSA/FSA claim history is attached.\n\n{tpa.name} Participant Services"
    return spec("Your claim history", frm, (p.full, p.email), text=body, atts=[att(f"claim_history_{d.year}.csv", make_csv(rows), "text/csv")], form="csv")


def f_accident(c, v):
    p = c.person(); pay = c.payer(); mid = c.member_id(pay); d = c.date(); inj = c.pick(INJURIES)
    ref = f"SUB-{c.digits(7)}"; frm = (f"{pay.name} Recovery Unit", f"subrogation@{pay.domain}")
    if v == 0:
        body = (f"Dear {p.formal},\n\nOur records show that you received treatment for a {inj[1]} ({inj[0]}) on {d:%m/%d/%Y} at "
                f"{c.provider()}. To process these claims, we need to know whether the injury was related to an accident. Please complete "
                f"the attached questionnaire within 30 days.\n\nReference: {ref}\nMember ID: {mid}\n\n{pay.name}")
        pdf = ["Accident / Injury Questionnaire", f"Insured: {p.full}", c.dob_line(p.dob), f"Member ID: {mid}", f"Date of treatment: {d:%m/%d/%Y}",
               f"Diagnosis code on claim: {inj[2]}", "", "1. Was this injury the result of an accident?  [ ] Yes  [ ] No",
               "2. Where did it occur?  [ ] Work  [ ] Auto  [ ] Home  [ ] Other", "3. Is another party or insurer responsible?",
               "4. Have you retained an attorney?", "", "Signature ____________________  Date ________"]
        return spec(c.pick(["Information needed about your recent treatment", "Accident questionnaire"]), frm, (p.full, p.email), text=body,
                    atts=[att("AccidentQuestionnaire.pdf", make_pdf(pdf, compress=False), "application/pdf")], form="pdf")
    if v == 1:
        text = (f"Hello {p.first},\n\nWe processed claims for emergency care you received on {d:%B %d, %Y} for a {inj[1]}. Please reply to this email "
                "with answers to these questions:\n\n1) How did the injury happen?\n2) Was a motor vehicle involved? If so, who is the auto insurer?\n"
                "3) Did the injury happen at work?\n\nIf we do not hear from you, claims may be pended.\n\n"
                f"Ref {ref}\nRecovery Services, {pay.name}")
        return spec("Questions about your injury claim", frm, (p.full, p.email), text=text)
    if v == 2:
        atty = c.person(30, 70)
        text = (f"Dear Counsel,\n\nRE: Our insured/Your client: {p.full}\n{c.dob_line(p.dob)}\nDate of loss: {d:%m/%d/%Y}\nOur reference: {ref}\n\n"
                f"{pay.name} has paid {m(c.rng.uniform(2500, 48000))} in medical benefits related to treatment of your client's {inj[1]} of the {inj[0]}. "
                "Please accept this letter as notice of our lien/reimbursement interest. An itemized payment ledger is available on request.\n\n"
                f"Sincerely,\nSubrogation Specialist\n{pay.name}")
        return spec(f"Notice of lien - {p.last} - {ref}", frm, (f"{atty.full}, Esq.", f"{slug(atty.last)}@{slug(atty.last)}law.com"), text=text)
    inner = (f"<p>Hi {xesc(p.first)},</p><p>We noticed a recent claim for <b>{xesc(inj[1])}</b> treatment on {d:%m/%d/%Y}. "
             "Was this injury caused by an accident? A quick 2-minute survey helps us make sure the right insurer pays.</p>"
             f"<p>Member ID: {mid}</p><p><a href=\"https://{pay.domain}/accident-survey\">Start the survey</a></p>")
    return spec("Quick question about a recent claim", frm, (p.full, p.email), html=html_page(inner, pay.name, "#7a4b00"), form="html")


# ==========================================================================
# CLEAN families (look-alikes)
# ==========================================================================
def f_quote(c, v):
    br = c.org("broker"); agent = c.colleague(br.domain); emp = c.org("employer"); hr = c.colleague(emp.domain); pay = c.payer()
    rates = [round(c.rng.uniform(480, 760), 2)]
    rates += [round(rates[0] * f, 2) for f in (2.05, 1.82, 2.9)]
    if v == 0:
        rows = [["Tier", "Current", "Renewal", "Change"]]
        for t, r in zip(["Employee only", "Employee + spouse", "Employee + child(ren)", "Family"], rates):
            rows.append([t, m(r), m(r * 1.087), "+8.7%"])
        text = (f"Hi {hr.first},\n\nAttached and summarized below is the {c.date().year + 1} renewal from {pay.name} for {emp.name} "
                f"({c.rng.randint(40, 400)} enrolled). The initial ask came in at +{c.pick(['11.2', '9.8', '14.5'])}%; we negotiated down to +8.7%.\n\n"
                + text_table(rows) + "\n\nWe also marketed to two other carriers; comparison to follow Friday." + c.sig(agent.full, "Senior Account Executive", br.name))
        pdf = [f"{pay.name} - Group Renewal", f"Group: {emp.name}", ""] + [f"{r[0]:<24}{r[1]:>12}{r[2]:>12}" for r in rows]
        return spec(c.pick(["Medical renewal", f"{emp.name} renewal - first look", "Renewal quote attached"]), (agent.full, agent.email),
                    (hr.full, hr.email), text=text, atts=[att("Renewal_Quote.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    if v == 1:
        p = c.person(24, 62)
        inner = (f"<p>Hi {xesc(p.first)},</p><p>Thanks for shopping with us! Here's your personalized quote for <b>{xesc(pay.name)} Silver PPO 3500</b>:</p>"
                 + html_table([["", "Silver PPO 3500"], ["Monthly premium", m(rates[0] * 0.6)], ["Deductible", "$3,500"], ["Specialist visit", "$60 copay"],
                               ["Generic drugs", "$15"], ["Out-of-pocket max", "$8,700"]])
                 + "<p>Your quote is valid for 30 days. Open enrollment ends January 15.</p>")
        return spec(c.pick(["Your health insurance quote", f"{p.first}, your quote is ready", "Quote saved"]), (pay.name + " Sales", f"quotes@{pay.domain}"),
                    (p.full, p.email), html=html_page(inner, pay.name, "#2d6a4f"), form="html")
    if v == 2:
        rows = [["Carrier", "Plan", "Deductible", "EE", "EE+Sp", "EE+Ch", "Family"]]
        for _ in range(4):
            pp = c.payer(); base = c.rng.uniform(450, 780)
            rows.append([pp.name, c.pick(["PPO 1500", "HDHP 3300", "HMO 500", "EPO 2000"]), c.pick([500, 1500, 2000, 3300]),
                         round(base, 2), round(base * 2.1, 2), round(base * 1.85, 2), round(base * 2.95, 2)])
        text = (f"{hr.first},\n\nMarketing results attached. {c.pick(['Lowest total cost is the HDHP option with an HSA seed.', 'Incumbent is still most competitive on the PPO.', 'Happy to walk through it Tuesday.'])}"
                + c.sig(agent.full, "Benefits Consultant", br.name))
        return spec(c.pick(["Carrier comparison", "Marketing results", "Spreadsheet - medical options"]), (agent.full, agent.email),
                    (hr.full, hr.email), text=text, atts=[att("Carrier_Comparison.xlsx", make_xlsx(rows, "Options", c.chance(0.5)), XLSX)], form="xlsx")
    p = c.person(24, 70)
    text = (f"Hi {p.first},\n\nFollowing up on our call - here are the dental plan options for you and your family:\n\n"
            f"  Dental Basic: {m(c.rng.uniform(22, 38))}/mo  - cleanings 100%, fillings 50%\n  Dental Plus:  {m(c.rng.uniform(45, 70))}/mo  - cleanings 100%, fillings 80%, ortho 50% to $1,500\n\n"
            "No waiting period on preventive care. Let me know which you'd like and I'll send the application."
            + c.sig(agent.full, "Licensed Agent", br.name))
    return spec(c.pick(["Dental plan options", "Quote follow-up", "The plans we discussed"]), (agent.full, agent.email), (p.full, p.email), text=text)


def f_plancompare(c, v):
    pay = c.payer(); emp = c.org("employer"); hr = c.colleague(emp.domain)
    if v == 0:
        rows = [["", "Bronze", "Silver", "Gold"], ["Deductible", "$7,000", "$4,000", "$1,000"], ["Primary care", "$50 after ded.", "$35", "$20"],
                ["Specialist", "40%", "$70", "$45"], ["ER visit", "40%", "$450", "$300"], ["Monthly premium (age 40)", "$388", "$472", "$561"]]
        inner = ("<h2>Find the plan that fits your life</h2><p>Whether you rarely see a doctor or manage an ongoing condition, there's a "
                 f"{xesc(pay.name)} plan for you.</p>" + html_table(rows) + "<p>Compare plans in minutes. Financial help may be available.</p>"
                 "<p style=\"font-size:10px;color:#888\">Premiums shown are examples for a non-smoker, age 40. Your rate may vary. Unsubscribe.</p>")
        return spec(c.pick(["Bronze, Silver or Gold?", "Compare plans for 2026", "Which plan is right for you?"]), (pay.name, f"news@{pay.domain}"),
                    ("", f"subscriber{c.digits(5)}@{c.pick(PERSONAL)}"), html=html_page(inner, pay.name, "#005a9c"), form="html")
    if v == 1:
        text = (f"All,\n\nSeveral of you asked how the PPO and HDHP compare for next year. A few scenarios:\n\n"
                "Example 1: A single employee with two office visits and a generic prescription pays about $90/yr out of pocket on the PPO and "
                "about $310 on the HDHP, but saves $1,150 in premium on the HDHP.\n"
                "Example 2: A family with a planned knee MRI ($1,200) and physical therapy would likely hit the HDHP deductible.\n\n"
                "The company contributes $750/$1,500 to your HSA on the HDHP. Use the calculator in the benefits portal to run your own numbers."
                + c.sig(hr.full, "Benefits Manager", emp.name))
        return spec(c.pick(["PPO vs HDHP - examples", "Comparing the medical plans", "Plan comparison for open enrollment"]),
                    (hr.full, hr.email), ("All Employees", f"allstaff@{emp.domain}"), text=text)
    if v == 2:
        pdf = [f"{emp.name} - 2026 Medical Plan Summary", "", "Feature                 PPO 500        HDHP 3300       HMO Select",
               "Deductible (ind/fam)    $500/$1,000    $3,300/$6,600   $0", "Coinsurance             20%            10%             n/a",
               "PCP visit               $25            ded then 10%    $15", "Specialist              $50            ded then 10%    $40",
               "Urgent care             $75            ded then 10%    $50", "Tier 1/2/3 Rx           $10/$40/$70    ded then 10%    $10/$35/$60",
               "", "This is a summary only. The Summary of Benefits and Coverage (SBC) governs."]
        text = f"Hi everyone,\n\nThe side-by-side plan summary for 2026 is attached.{c.sig(hr.full, 'HR Coordinator', emp.name)}"
        return spec(c.pick(["2026 plan summary", "Side-by-side medical plans"]), (hr.full, hr.email), ("All Staff", f"all@{emp.domain}"),
                    text=text, atts=[att("2026_Plan_Summary.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    inner = ("<p>Dear Neighbor,</p><p>Turning 65 soon? You have choices. Our Medicare Advantage plans include $0 primary care visits, "
             "dental, vision and hearing, plus a fitness membership.</p><ul><li>$0 monthly premium plans available</li><li>Part D prescription coverage included</li>"
             "<li>Over-the-counter allowance every quarter</li></ul><p>Call a licensed agent: " + c.tollfree() + " (TTY 711), 8am-8pm, 7 days a week.</p>"
             "<p style=\"font-size:10px\">We do not offer every plan available in your area. Contact Medicare.gov or 1-800-MEDICARE for information on all options.</p>")
    return spec(c.pick(["Turning 65? Know your options", "Medicare made simple", "Free seminar: Medicare basics"]), (pay.name + " Medicare", f"medicare@{pay.domain}"),
                ("", f"resident{c.digits(4)}@{c.pick(PERSONAL)}"), html=html_page(inner, pay.name, "#8a1538"), form="html")


def f_open_enroll(c, v):
    emp = c.org("employer"); hr = c.colleague(emp.domain); d = c.future(3, 30)
    if v == 0:
        text = (f"Hi everyone,\n\nOpen enrollment runs {d:%B %d} through {d + dt.timedelta(days=14):%B %d}. This is your once-a-year chance to change "
                "medical, dental, vision, FSA and life insurance elections.\n\nWhat's new:\n- Dental annual max increases to $2,000\n"
                "- New virtual mental health benefit (8 free sessions)\n- FSA limit rises to $3,300\n\nIf you do nothing, your current elections roll over "
                "EXCEPT the FSA, which you must re-elect." + c.sig(hr.full, "Benefits Team", emp.name))
        return spec(c.pick(["Open enrollment starts Monday", "Reminder: open enrollment", "Benefits open enrollment is here"]), (hr.full, hr.email),
                    ("All Employees", f"allemployees@{emp.domain}"), text=text)
    if v == 1:
        inner = (f"<h2>Open Enrollment {d.year + 1}</h2><p><b>{d:%b %d} - {d + dt.timedelta(days=14):%b %d}</b></p>"
                 "<p>Log in to the benefits portal to review your elections. Remember to verify your dependents and beneficiaries.</p>"
                 "<p>Questions? Join a virtual info session or email the benefits team.</p>")
        return spec(c.pick(["Open Enrollment is open!", "Action needed: review your benefits"]), (f"{emp.name} Benefits", f"benefits@{emp.domain}"),
                    ("All Staff", f"allstaff@{emp.domain}"), html=html_page(inner, emp.name, "#00695c"), form="html")
    if v == 2:
        start = dt.datetime(d.year, d.month, d.day, 11, 30)
        desc = ("Meet the carriers! Representatives from medical, dental, vision and the EAP will be on site. Flu shots available "
                "from the pharmacy table. Lunch provided for the first 100 attendees.")
        ics = make_ics(f"{d.year + 1} Benefits Fair", start, 150, desc, "Main cafeteria", (hr.full, hr.email),
                       [("All Employees", f"allemployees@{emp.domain}")], f"{c.digits(10)}@{emp.domain}")
        return spec(f"Invitation: {d.year + 1} Benefits Fair", (hr.full, hr.email), ("All Employees", f"allemployees@{emp.domain}"),
                    text=desc, atts=[att("invite.ics", ics, "text/calendar")], form="ics")
    text = (f"LAST DAY for open enrollment is {d:%A}!\n\nFAQ from this week:\nQ: Can I add my newborn later?\nA: Yes - births are a qualifying "
            "life event; add within 30 days.\nQ: Does the HDHP cover preventive care before the deductible?\nA: Yes, 100%.\n"
            "Q: Can I use my FSA for glasses?\nA: Yes.\n\nOnly about 60% of you have confirmed elections so far." + c.sig(hr.full, "HR", emp.name))
    return spec(c.pick(["Last day: open enrollment", "OE closes Friday - FAQ"]), (hr.full, hr.email), ("All Staff", f"all@{emp.domain}"), text=text)


SUPPLIES = [("GLV-NTR-M", "Nitrile exam gloves, powder-free, medium, 100/bx", 7.45), ("GLV-NTR-L", "Nitrile exam gloves, large, 100/bx", 7.45),
            ("SYR-3ML-LL", "Syringe 3 mL Luer-Lock, sterile, 100/bx", 14.20), ("NDL-25G-1", "Hypodermic needle 25G x 1\", 100/bx", 9.80),
            ("CATH-FOL-16", "Foley catheter 16Fr 5cc silicone, ea", 3.95), ("CATH-IV-22", "IV catheter 22G x 1\" safety, 50/bx", 61.00),
            ("GZE-4X4-ST", "Gauze sponge 4x4 12-ply sterile, 25/tray", 4.10), ("MSK-L3", "Procedure mask ASTM level 3, 50/bx", 8.60),
            ("ALC-PREP-M", "Alcohol prep pads medium, 200/bx", 3.25), ("SHRP-1QT", "Sharps container 1 qt red", 2.80),
            ("TGA-900", "Tegaderm transparent dressing 6x7cm, 100/bx", 48.90), ("URN-CUP-90", "Specimen cup 90 mL sterile, 100/cs", 22.50),
            ("BP-CUFF-ADL", "Disposable BP cuff adult, 20/cs", 31.00), ("EKG-ELEC", "ECG electrodes foam, 600/cs", 39.75)]


def f_supply_invoice(c, v):
    sup = c.org("supplier"); clinic = c.org("clinic"); buyer = c.colleague(slug(clinic) + ".com"); rep = c.colleague(sup.domain)
    inv = f"INV-{c.digits(7)}"; po = f"PO{c.digits(6)}"; d = c.date()
    items = [(s, c.rng.randint(1, 40)) for s in c.rng.sample(SUPPLIES, c.rng.randint(3, 8))]
    sub = sum(s[2] * q for s, q in items); ship = round(c.rng.uniform(0, 45), 2)
    if v == 0:
        rows = [["SKU", "Description", "Qty", "Unit", "Ext"]] + [[s[0], s[1], q, f"{s[2]:.2f}", f"{s[2] * q:.2f}"] for s, q in items]
        text = (f"Invoice {inv} for PO {po} is attached. Ship to: {clinic}, Attn: {buyer.full}.\n\nSubtotal {m(sub)} | Freight {m(ship)} | "
                f"Total due {m(sub + ship)} | Terms Net 30\n\nThank you for your business!" + c.sig(rep.full, "Customer Service", sup.name))
        return spec(c.pick([f"Invoice {inv}", f"{sup.name} invoice for {po}", "Your invoice"]), (rep.full, rep.email), (buyer.full, buyer.email),
                    text=text, atts=[att(f"{inv}.csv", make_csv(rows), "text/csv")], form="csv")
    if v == 1:
        pdf = [sup.name, f"INVOICE {inv}", f"Date: {d:%m/%d/%Y}    PO: {po}    Terms: Net 30", f"Bill to: {clinic}, Accounts Payable",
               f"Ship to: {clinic}, Attn {buyer.full}, Materials Mgmt", "", "SKU           Description                                    Qty    Unit      Ext"]
        pdf += [f"{s[0]:<13} {s[1][:46]:<46} {q:>4} {s[2]:>8.2f} {s[2] * q:>9.2f}" for s, q in items]
        pdf += ["", f"Subtotal {m(sub)}   Freight {m(ship)}   TOTAL {m(sub + ship)}", "Remit to: Lockbox 44120, Chicago IL"]
        text = f"Hello {buyer.first},\n\nPlease find invoice {inv} attached.{c.sig(rep.full, 'Accounts Receivable', sup.name)}"
        return spec(c.pick([f"Invoice {inv} from {sup.name}", "Invoice attached", f"{po} - invoice"]), (rep.full, rep.email), (buyer.full, buyer.email),
                    text=text, atts=[att(f"{inv}.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    if v == 2:
        rows = [["Line", "Item #", "Description", "Qty ordered", "Qty shipped", "Backorder", "Unit price"]]
        for i, (s, q) in enumerate(items, 1):
            shp = q if c.chance(0.75) else max(0, q - c.rng.randint(1, q))
            rows.append([i, s[0], s[1], q, shp, q - shp, s[2]])
        text = (f"Hi {buyer.first},\n\nPacking list for {po} attached. {c.pick(['Two lines are backordered until next week.', 'Everything shipped complete.', 'Foley catheters are on allocation - partial shipment.'])}"
                + c.sig(rep.full, "Order Management", sup.name))
        return spec(c.pick([f"Packing list {po}", "Shipment confirmation", f"Order {po} shipped"]), (rep.full, rep.email), (buyer.full, buyer.email),
                    text=text, atts=[att(f"PackingList_{po}.xlsx", make_xlsx(rows, "PackingList", c.chance(0.5)), XLSX)], form="xlsx")
    rows = [["Item", "Description", "Qty", "Status"]] + [[s[0], s[1], q, c.pick(["Shipped", "Shipped", "Backordered - ETA 2 wks", "Substituted"])] for s, q in items]
    inner = (f"<p>Hi {xesc(buyer.first)},</p><p>Thank you for order <b>{po}</b> for {xesc(clinic)}.</p>" + html_table(rows) +
             f"<p>Order total: <b>{m(sub + ship)}</b></p><p>Questions? Contact your rep {xesc(rep.full)}.</p>")
    return spec(c.pick(["Order confirmation", f"We received order {po}", "Your order status"]), (sup.name, f"orders@{sup.domain}"),
                (buyer.full, buyer.email), html=html_page(inner, sup.name, "#1f4e79"), form="html")


def f_coding_memo(c, v):
    comp = c.colleague(c.pick(["riversiderm.org", "mercyridge.org", "westsidefamily.com", "apexrevenue.com", "summitrcm.com"]))
    org = c.pick(["Revenue Integrity", "Coding & Compliance", "HIM Department", "Compliance Office"])
    if v == 0:
        text = ("Coders and providers,\n\nReminder on diabetes coding following the recent audit:\n\n"
                "- Use E11.65 (type 2 DM with hyperglycemia) only when the provider documents 'uncontrolled' or 'poorly controlled' with hyperglycemia.\n"
                "- E11.9 should not be used when complications are documented; link CKD with E11.22 + N18.x.\n"
                "- Long-term insulin use: add Z79.4; oral hypoglycemics Z79.84.\n\n"
                "For E/M, 99214 requires moderate MDM: e.g., one chronic illness with exacerbation, or prescription drug management.\n"
                f"Audit accuracy this quarter was {c.rng.randint(86, 97)}%." + c.sig(comp.full, "Coding Education Specialist", org))
        return spec(c.pick(["Coding reminder: diabetes", "Audit follow-up - E11 codes", "Coding tip of the week"]), (comp.full, comp.email),
                    ("Coding Team", f"coding@{comp.email.split('@')[1]}"), text=text)
    if v == 1:
        age = c.rng.randint(45, 80)
        text = ("Case study for Thursday's education session (hypothetical):\n\n"
                f"A {age}-year-old established patient presents for follow-up of hypertension and stage 3a CKD. BP is elevated; the provider "
                "increases lisinopril and orders a BMP.\n\nCorrect coding: I12.9 + N18.31, E/M 99214 (chronic illness with progression; "
                "prescription drug management). Do NOT code I10 separately when CKD is present - the combination code presumes the link.\n\n"
                "Bring your questions!" + c.sig(comp.full, "Coding Manager", org))
        return spec(c.pick(["Case study - HTN with CKD", "Education session prep", "Thursday coding huddle"]), (comp.full, comp.email),
                    ("Coders", f"coders@{comp.email.split('@')[1]}"), text=text)
    if v == 2:
        docp = ["**Modifier 25 Tip Sheet", "Use modifier 25 on an E/M service only when it is significant and separately identifiable from a procedure performed the same day.",
                "Example: 20610 (major joint injection) + 99213-25 when the provider also evaluates a new, unrelated problem.",
                "Not appropriate: E/M solely to decide on the minor procedure (0-10 day global).", "",
                "**Common denials", "CO-4: modifier inconsistent with procedure code", "CO-97: payment included in allowance for another service", "",
                "Questions: Coding Compliance"]
        text = f"Hi team,\n\nUpdated modifier 25 tip sheet attached. Please replace the old version at your workstation.{c.sig(comp.full, 'Coding Auditor', org)}"
        return spec(c.pick(["Modifier 25 tip sheet", "Updated tip sheet", "Modifier guidance"]), (comp.full, comp.email),
                    ("Coding", f"coding@{comp.email.split('@')[1]}"), text=text, atts=[att("Mod25_TipSheet.docx", make_docx(docp), DOCX)], form="docx")
    text = ("CODING Q&A DIGEST - Week of " + f"{c.date():%B %d}\n\n"
            "Q: Can we bill 96372 with an office visit?\nA: Yes, if the E/M is separately identifiable; append 25 to the E/M.\n\n"
            "Q: Screening colonoscopy turned diagnostic - which code?\nA: Report 45380/45385 with modifier PT (Medicare) or 33 (commercial) and Z12.11 first.\n\n"
            "Q: Z11.3 vs Z20.2 for STI testing?\nA: Z11.3 for screening without exposure; Z20.2 for known contact/exposure.\n\n"
            "Q: Is F32.A billable?\nA: Yes - depression, unspecified, since FY2022." + c.sig(comp.full, "Coding Educator", org))
    return spec("Coding Q&A digest", (comp.full, comp.email), ("Coding Staff", f"codingstaff@{comp.email.split('@')[1]}"), text=text)


def f_newsletter(c, v):
    vend = c.org("vendor"); ed = c.colleague(vend.domain)
    if v == 0:
        inner = ("<h2>RCM Insider - Monthly</h2><h3>1. Denials are up 11% year over year</h3><p>Industry data show prior-authorization denials (CO-197) "
                 "are the fastest-growing category. Front-end eligibility checks remain the best defense.</p>"
                 "<h3>2. FY2026 ICD-10-CM updates</h3><p>New codes include expanded options for obesity classes (E66.811-E66.813) and "
                 "additional social determinants (Z59.x).</p><h3>3. Webinar</h3><p>Join us for 'Clean Claims in 30 Minutes' next Wednesday.</p>"
                 "<p style=\"font-size:10px;color:#888\">You are receiving this because you subscribed. Unsubscribe | Privacy</p>")
        return spec(c.pick(["RCM Insider: denials on the rise", "This month in revenue cycle", "RCM Insider - new ICD-10 codes"]),
                    (f"{vend.name} Newsletter", f"news@{vend.domain}"), ("", f"billing@{c.pick(['westsidefamily.com', 'riversiderm.org', 'mercyridge.org'])}"),
                    html=html_page(inner, vend.name, "#333"), form="html")
    if v == 1:
        text = ("BILLING BRIEFS\n\n* Medicare telehealth flexibilities extended; continue POS 10 with modifier 95 where required.\n"
                "* CPT 99459 (pelvic exam add-on) - several payers still not recognizing it; hold and monitor.\n"
                "* Reminder: the No Surprises Act good-faith estimate applies to self-pay patients scheduled 3+ days out.\n"
                "* Tip: A/R over 90 days should be under 15% of total A/R.\n\nShare with your team!" + c.sig(ed.full, "Editor", vend.name))
        return spec(c.pick(["Billing Briefs", "Billing Briefs - quick hits", "This week's billing briefs"]), (ed.full, ed.email),
                    ("Subscribers", f"list@{vend.domain}"), text=text)
    if v == 2:
        inner = ("<h2>Coding Corner</h2><p><b>Spotlight: Annual wellness visits.</b> G0438/G0439 require a health risk assessment. "
                 "Don't forget the advance care planning add-on 99497 with modifier 33.</p><p><b>Top 5 denied codes this quarter:</b> "
                 "99214, 97110, 90837, 80053, 71046.</p><p><b>Did you know?</b> Z71.89 can support counseling visits when no other "
                 "diagnosis applies.</p>")
        return spec(c.pick(["Coding Corner: wellness visits", "Coding Corner - Q3", "Top denied codes this quarter"]),
                    (f"{vend.name}", f"insights@{vend.domain}"), ("", f"pfs@{c.pick(['holyname.org', 'pacificheart.org', 'brooksidepeds.com'])}"),
                    html=html_page(inner, "Coding Corner", "#5c3d99"), form="html")
    text = ("Revenue Cycle Roundup\n\nKPIs for the region this month (all facilities combined):\n  Days in A/R: 41.2\n  Clean claim rate: 93.8%\n"
            "  Denial rate: 8.4%\n  Point-of-service collections: $1.2M\n\nShout-out to the Central Scheduling team for hitting 98% insurance "
            "verification. Next month: focus on registration errors." + c.sig(ed.full, "Director, Revenue Cycle", "Regional Business Office"))
    return spec("Revenue Cycle Roundup", (ed.full, ed.email), ("RCM All", f"rcm-all@{vend.domain}"), text=text)


def f_bulletin(c, v):
    pay = c.payer(); d = c.future(20, 75)
    frm = (f"{pay.name} Provider Relations", f"providernews@{pay.domain}")
    to = ("Network Providers", f"providers@{pay.domain}")
    if v == 0:
        text = (f"PROVIDER BULLETIN {d:%Y}-{c.rng.randint(10, 99)}\n\nEffective {d + dt.timedelta(days=30):%B %d, %Y}, prior authorization will be required for the following "
                "outpatient services for commercial members:\n\n  72148 MRI lumbar spine w/o contrast\n  73721 MRI joint lower extremity\n"
                "  95810 Polysomnography\n  29881 Knee arthroscopy/meniscectomy\n\nRequests submitted through the portal receive a decision in 2 business days. "
                "Claims for services without an approved authorization will be denied (CO-197).")
        return spec(c.pick(["Provider bulletin: new prior authorization requirements", "Network update - PA list changes"]), frm, to, text=text)
    if v == 1:
        pdf = [f"{pay.name} Medical Policy Update", f"Policy: MP-{c.digits(3)} Bariatric Surgery", f"Effective {d:%m/%d/%Y}", "",
               "Criteria: BMI >= 40, or BMI >= 35 with at least one obesity-related comorbidity (e.g. E11.x, I10, G47.33).",
               "Documentation of a multidisciplinary evaluation within 12 months.", "Procedures: 43644, 43775, 43645.", "",
               "Questions: contact your provider relations representative."]
        text = f"Dear Provider,\n\nPlease see the attached medical policy update.\n\n{pay.name} Provider Relations"
        return spec(c.pick(["Medical policy update", "Policy revision notice"]), frm, to, text=text,
                    atts=[att(f"MP_update_{d:%Y%m}.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    if v == 2:
        inner = (f"<h3>Reimbursement Policy Update: Modifier 25</h3><p>Beginning {d:%B %d, %Y}, {xesc(pay.name)} will reduce reimbursement "
                 "by 50% for E/M services billed with modifier 25 on the same date as a minor procedure (0- or 10-day global), unless "
                 "documentation supports a significant, separately identifiable service.</p><p>Affected codes include 99212-99215 with "
                 "11102-11107, 17000, 20610.</p>")
        return spec("Reimbursement policy update: modifier 25", frm, to, html=html_page(inner, pay.name + " Provider News", "#00467f"), form="html")
    text = (f"Network notice\n\n{c.provider()} will leave the {pay.name} commercial network on {d:%B %d, %Y}. Members in active "
            "treatment may qualify for continuity of care for up to 90 days. Please help members identify in-network alternatives. "
            "An updated directory is available on the provider portal.")
    return spec(c.pick(["Network change notice", "Provider network update"]), frm, to, text=text)


def f_recall(c, v):
    ph = c.org("pharmacy"); rph = c.colleague(ph.domain); lot = f"{c.letters(1)}{c.digits(5)}"
    drug = c.pick(["Metformin HCl ER 500 mg", "Losartan potassium 50 mg", "Ranitidine 150 mg", "Valsartan 160 mg",
                   "Levothyroxine 50 mcg", "Insulin pen needles 32G 4mm", "Albuterol sulfate inhalation solution"])
    issue = c.pick(["N-nitrosodimethylamine (NDMA) above the acceptable intake limit", "subpotency", "failed dissolution testing",
                    "mislabeling (wrong strength on carton)", "potential microbial contamination"])
    base = (f"{c.pick(['Manufacturer', 'Labeler'])} is voluntarily recalling lot {lot} (exp {c.date((2025, 6, 1), 500, track=False):%m/%Y}) of {drug} "
            f"to the {c.pick(['retail', 'consumer', 'pharmacy'])} level due to {issue}. NDC {c.digits(5)}-{c.digits(3)}-{c.digits(2)}.\n"
            "Pharmacies should quarantine affected stock and return via the reverse distributor. To date, no adverse events have been reported.")
    if v == 0:
        text = (f"Team - please pull any of this lot from the shelves today and put it in the quarantine bin." + c.sig(rph.full, "Pharmacist in Charge", ph.name)
                + f"\n\n---------- Forwarded message ---------\nFrom: Recall Notifications <recalls@{c.pick(['mckessonalerts.example', 'cardinal-notify.example', 'abc-rx.example'])}>\n"
                f"Subject: URGENT: Drug recall - {drug}\n\n{base}")
        return spec(f"Fwd: URGENT: Drug recall - {drug}", (rph.full, rph.email), ("Pharmacy staff", f"staff@{ph.domain}"), text=text, form="forwarded")
    if v == 1:
        text = (f"FYI below. We don't stock this NDC at our location but check the back room." + c.sig(rph.full, "Pharmacy Manager", ph.name)
                + f"\n\nBegin forwarded message:\n\n> From: Distributor Quality <quality@wholesale.example>\n> Subject: Recall notice - {drug}\n>\n"
                + "\n".join("> " + l for l in base.split("\n")))
        return spec(f"FW: Recall notice - {drug}", (rph.full, rph.email), ("Techs", f"techs@{ph.domain}"), text=text, form="forwarded")
    if v == 2:
        sup = c.org("supplier")
        text = (f"RECALL NOTIFICATION - ACTION REQUIRED\n\n{base}\n\nPlease complete and return the response form within 10 business days even "
                f"if you have no affected product.\n\nQuality Assurance\n{sup.name}")
        return spec(f"Recall notification: {drug} lot {lot}", (f"{sup.name} QA", f"qa@{sup.domain}"), (ph.name, f"purchasing@{ph.domain}"), text=text)
    mgr = c.colleague(ph.domain)
    text = (f"Do we have any patients on this lot? Please run the dispensing report and let me know how many fills we did since March. "
            f"We may need to call them." + c.sig(mgr.full, "District Pharmacy Supervisor", ph.name)
            + f"\n\n---------- Forwarded message ---------\nFrom: FDA Recalls <recalls@fda-notify.example>\nSubject: {drug} recall\n\n{base}")
    return spec(f"Fwd: {drug} recall", (mgr.full, mgr.email), (rph.full, rph.email), text=text, form="forwarded")


def f_fda(c, v):
    doc = c.colleague(c.pick(["riversiderm.org", "mercyridge.org", "holyname.org", "bluecresthealth.com", "northstarbenefits.com"]))
    topic = c.pick([("fluoroquinolone antibiotics", "disabling tendon, nerve and CNS side effects; reserve for patients with no alternatives"),
                    ("montelukast (Singulair)", "a Boxed Warning about serious neuropsychiatric events, including suicidal thoughts"),
                    ("GLP-1 receptor agonists", "reports of illegally marketed compounded semaglutide with dosing errors"),
                    ("zolpidem, eszopiclone, zaleplon", "a Boxed Warning for complex sleep behaviors such as sleepwalking"),
                    ("SGLT2 inhibitors", "rare cases of Fournier's gangrene of the perineum"),
                    ("clozapine", "removal of the REMS program requirement for ANC reporting")])
    base = (f"FDA Drug Safety Communication\n\nFDA is requiring/announcing {topic[1]} for {topic[0]}. Health care professionals should discuss "
            "the risks and benefits with patients and report adverse events to MedWatch. Patients should not stop taking their medicine without "
            "talking to their health care professional.")
    if v == 0:
        text = (c.pick(["FYI for the P&T committee.", "Sharing for awareness - see below.", "Please review before Thursday."])
                + c.sig(doc.full, c.pick(["Clinical Pharmacist", "Pharmacy Director", "Medical Director"]), "Pharmacy & Therapeutics")
                + f"\n\n---------- Forwarded message ---------\nFrom: FDA MedWatch <medwatch@fda-notify.example>\nSubject: Drug Safety Communication - {topic[0]}\n\n{base}")
        return spec(f"Fwd: Drug Safety Communication - {topic[0]}", (doc.full, doc.email), ("P&T", f"pt-committee@{doc.email.split('@')[1]}"), text=text, form="forwarded")
    if v == 1:
        text = (f"MedWatch - The FDA Safety Information and Adverse Event Reporting Program\n\n{topic[0].upper()}: Safety labeling change\n\n{base}\n\n"
                "Read the full communication on FDA.gov.")
        return spec(f"MedWatch: {topic[0]} safety labeling change", ("FDA MedWatch", "medwatch@fda-notify.example"), (doc.full, doc.email), text=text)
    if v == 2:
        text = (f"see below re: {topic[0]}. we should add a hard stop in the EHR?\n\n{doc.first}\n\n"
                f"-----Original Message-----\nFrom: Drug Information Service\nSent: {c.date():%m/%d/%Y}\nSubject: Safety update\n\n{base}")
        return spec(f"FW: Safety update - {topic[0]}", (doc.full, doc.email), ("Informatics", f"informatics@{doc.email.split('@')[1]}"), text=text, form="forwarded")
    inner = f"<p><b>Safety alert: {xesc(topic[0])}</b></p>" + paras(base) + "<p>Pharmacy & Therapeutics Committee</p>"
    return spec(f"Safety alert: {topic[0]}", (doc.full, doc.email), ("Medical Staff", f"medstaff@{doc.email.split('@')[1]}"),
                html=html_page(inner, "Clinical Pharmacy Update", "#a4262c"), form="html")


def f_pharm_ad(c, v):
    ph = c.org("pharmacy"); d = c.date()
    frm = (ph.name, f"deals@{ph.domain}"); to = ("", f"customer{c.digits(6)}@{c.pick(PERSONAL)}")
    if v == 0:
        inner = ("<h2>This week's deals</h2><ul><li>Buy 1 get 1 50% off all vitamins & supplements</li><li>$5 off $25 cold & flu</li>"
                 "<li>Allergy relief 24-ct: $9.99</li><li>Flu shots: $0 with most insurance - walk-ins welcome</li></ul>"
                 f"<p>Valid {d:%m/%d} - {d + dt.timedelta(days=6):%m/%d}. While supplies last.</p><p style=\"font-size:10px\">Unsubscribe</p>")
        return spec(c.pick(["This week's deals inside", "BOGO vitamins + more", "Weekly ad"]), frm, to, html=html_page(inner, ph.name, "#c8102e"), form="html")
    if v == 1:
        text = (f"THIS WEEK AT {ph.name.upper()}\n\n- 20% off diabetic care supplies (glucose meters, test strips, lancets)\n- Blood pressure monitors from $29.99\n"
                "- Free blood pressure checks every Saturday 10-2\n- COVID & flu vaccines: no appointment needed\n\nShow this email at checkout.")
        return spec("This week's savings", frm, to, text=text)
    if v == 2:
        inner = ("<h2>Ofertas de la semana</h2><ul><li>Vitaminas: compre 1 y lleve el 2º a mitad de precio</li><li>Pruebas de glucosa: 20% de descuento</li>"
                 "<li>Vacuna contra la gripe: $0 con la mayoría de los seguros</li></ul><p>¡Le esperamos!</p>")
        return spec("Ofertas de esta semana", frm, to, html=html_page(inner, ph.name, "#c8102e"), form="spanish")
    text = (f"Back-to-school savings at {ph.name}!\n\nSports physicals at our in-store clinic: $39\nSunscreen, first-aid kits and hand sanitizer 30% off\n"
            "Refill your family's prescriptions in one trip with Rx Sync - ask our pharmacists.\n\nOffer ends Sunday.")
    return spec("Back-to-school savings", frm, to, text=text)


def f_coupon(c, v):
    ph = c.org("pharmacy"); p = c.person(); d = c.date()
    frm = (f"{ph.name} Rewards", f"rewards@{ph.domain}")
    if v == 0:
        text = (f"Hi {p.first},\n\nYou've earned ${c.pick([3, 5, 10])} in Rewards! Use it on almost anything in store or online by {d:%m/%d/%Y}.\n\n"
                f"Rewards member #{c.digits(11)}\n\nExclusions apply: prescriptions, alcohol, tobacco, gift cards.")
        return spec(c.pick(["You've earned Rewards!", f"{p.first}, your reward is ready"]), frm, (p.full, p.email), text=text)
    if v == 1:
        inner = (f"<h2>Happy birthday, {xesc(p.first)}!</h2><p>Celebrate with <b>20% off</b> your next purchase of regular-price items. "
                 f"Valid through {d + dt.timedelta(days=30):%B %d}.</p><p>Coupon code: BDAY{c.digits(4)}</p>")
        return spec(c.pick(["A birthday treat for you", f"Happy birthday {p.first}!"]), frm, (p.full, p.email), html=html_page(inner, ph.name, "#e0115f"), form="html")
    if v == 2:
        text = (f"{p.full}\nRewards statement for {c.pick(MONTHS)}\n\nPoints earned: {c.rng.randint(100, 3000)}\nPoints balance: {c.rng.randint(1000, 9000)}\n"
                "Next reward at 5,000 points.\n\nTip: Scan your card every visit - even for photo prints!")
        return spec("Your Rewards statement", frm, (p.full, p.email), text=text)
    items = c.rng.sample([("AA batteries 8pk", 9.99), ("Greeting card", 4.49), ("Bottled water 24pk", 5.99), ("Phone charger", 14.99),
                          ("Chocolate bar", 1.79), ("Paper towels", 6.49), ("Shampoo 12oz", 7.29), ("Photo prints x20", 5.80)], 4)
    text = (f"Thanks for shopping, {p.first}!\n\nReceipt - {ph.name} store #{c.digits(4)} - {d:%m/%d/%Y} {c.rng.randint(8, 21)}:{c.digits(2)[:1]}5\n\n"
            + "\n".join(f"{n:<24}{m(x):>8}" for n, x in items) + f"\n{'Subtotal':<24}{m(sum(x for _, x in items)):>8}\n\n"
            "Paid VISA ****" + c.digits(4) + "\nRewards earned: 45 points")
    return spec("Your e-receipt", frm, (p.full, p.email), text=text)


def f_wellness(c, v):
    emp = c.org("employer"); hr = c.colleague(emp.domain); d = c.future(5, 40)
    if v == 0:
        inner = ("<h2>Step it up!</h2><p>Join the 6-week <b>10,000 Steps Challenge</b> starting next month. Form a team of 4-6 coworkers, "
                 "sync your tracker, and compete for prizes. Top team wins extra PTO!</p><p>Registration closes Friday.</p>")
        return spec(c.pick(["Join the steps challenge", "Wellness challenge kicks off soon"]), (f"{emp.name} Wellness", f"wellness@{emp.domain}"),
                    ("All Employees", f"all@{emp.domain}"), html=html_page(inner, "Be Well at " + emp.name, "#3a7d44"), form="html")
    if v == 1:
        text = (f"Free biometric screenings on site {d:%A, %B %d}, 7am-1pm in Conference Room B.\n\nThe 15-minute screening includes blood pressure, "
                "cholesterol, glucose and BMI. Results are confidential and are NOT shared with the company. Participants earn a $200 "
                "premium credit.\n\nSign up via the link on the intranet." + c.sig(hr.full, "Wellness Coordinator", emp.name))
        return spec("Free biometric screenings next week", (hr.full, hr.email), ("All Staff", f"allstaff@{emp.domain}"), text=text)
    if v == 2:
        start = dt.datetime(d.year, d.month, d.day, 12, 0)
        desc = "Lunch & learn: Managing stress and burnout, presented by our EAP provider. Bring your lunch; cameras optional."
        ics = make_ics("Lunch & Learn: Managing Stress", start, 45, desc, "Microsoft Teams", (hr.full, hr.email),
                       [("All Employees", f"all@{emp.domain}")], f"{c.digits(10)}@{emp.domain}")
        return spec("Invitation: Lunch & Learn - Managing Stress", (hr.full, hr.email), ("All Employees", f"all@{emp.domain}"),
                    text=desc, atts=[att("invite.ics", ics, "text/calendar")], form="ics")
    p = c.person(22, 64)
    text = (f"Hi {p.first},\n\nYou're eligible to earn $50 by completing your annual health assessment by {d:%B %d}. It takes about 10 minutes. "
            "Your individual answers are private and never shared with your employer.\n\nLog in at wellness portal.\n\nYour Well-being Team")
    return spec(f"{p.first}, earn $50 this month", ("Well-being Team", f"hello@{c.pick(['thrivecare.io', 'wellpathcoaching.com'])}"), (p.full, p.email), text=text)


def f_formulary(c, v):
    pay = c.payer(); d = c.future(20, 70)
    changes = c.rng.sample([("Januvia", "Tier 2", "Tier 3"), ("Symbicort", "Tier 2", "Non-formulary (generic budesonide/formoterol preferred)"),
                            ("Humira", "Preferred", "Non-preferred (biosimilar adalimumab-adaz preferred)"), ("Lantus", "Tier 2", "Tier 3 (Semglee preferred)"),
                            ("Xarelto", "Tier 3", "Tier 2"), ("Vyvanse", "Tier 3", "Tier 2 (generic available)"), ("Ozempic", "Tier 2", "Tier 2 + prior authorization")], 4)
    if v == 0:
        text = (f"Dear Member,\n\nEffective January 1, {d.year + 1}, the following changes will be made to your prescription drug list:\n\n"
                + "\n".join(f"  {a}: {b} -> {cc}" for a, b, cc in changes) +
                "\n\nIf you take one of these medications, talk to your doctor about alternatives. Members currently taking a drug that is being "
                f"removed may request a formulary exception.\n\n{pay.name} Pharmacy Benefits")
        return spec("Important changes to your drug list", (pay.name, f"pharmacy@{pay.domain}"), ("Member", f"members@{pay.domain}"), text=text)
    if v == 1:
        inner = ("<p>Dear Member,</p><p>Your plan's formulary is changing on January 1.</p>" + html_table([["Drug", "Current", "New"]] + [list(x) for x in changes])
                 + "<p>Questions? Call the number on your member ID card.</p>")
        return spec("Formulary update for next year", (pay.name, f"noreply@{pay.domain}"), ("", f"subscriber{c.digits(5)}@{c.pick(PERSONAL)}"),
                    html=html_page(inner, pay.name, "#3d5a80"), form="html")
    if v == 2:
        pdf = [f"{pay.name} - {d.year + 1} Formulary Changes", ""] + [f"{a:<12} {b:<12} -> {cc}" for a, b, cc in changes] + ["",
               "Transition fills: up to 30 days for members currently on therapy."]
        return spec("Formulary changes (PDF)", (pay.name, f"pharmacy@{pay.domain}"), ("Member", f"members@{pay.domain}"),
                    text="Please see the attached formulary change notice.", atts=[att("formulary_changes.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    text = (f"Dear Prescriber,\n\nAs a courtesy, we're notifying network prescribers of upcoming formulary changes effective {d:%m/%d/%Y}:\n\n"
            + "\n".join(f"- {a}: now {cc}" for a, b, cc in changes) +
            "\n\nAffected members will receive a letter 60 days in advance. PA forms are available on the provider portal.\n\n"
            f"{pay.name} Pharmacy & Therapeutics")
    return spec("Prescriber notice: formulary changes", (pay.name, f"pt@{pay.domain}"), ("Prescribers", f"prescribers@{pay.domain}"), text=text)


def f_aggregate(c, v):
    br = c.org("broker"); agent = c.colleague(br.domain); emp = c.org("employer"); hr = c.colleague(emp.domain)
    cats = ["Musculoskeletal", "Cancer", "Cardiovascular", "Mental health", "Maternity", "Diabetes", "Respiratory", "Other"]
    if v == 0:
        rows = [["Condition category", "Claimants", "Claims", "Paid", "PMPM"]]
        for cat in cats:
            rows.append([cat, c.rng.randint(11, 200), c.rng.randint(80, 3000), round(c.rng.uniform(20000, 900000), 2), round(c.rng.uniform(3, 90), 2)])
        text = (f"Hi {hr.first},\n\nQuarterly claims experience (de-identified, categories with fewer than 10 claimants suppressed) attached."
                + c.sig(agent.full, "Analytics Consultant", br.name))
        return spec(c.pick(["Q3 claims experience", "Quarterly claims report", "Claims utilization summary"]), (agent.full, agent.email), (hr.full, hr.email),
                    text=text, atts=[att("claims_experience.csv", make_csv(rows), "text/csv")], form="csv")
    if v == 1:
        rows = [["Month", "Members", "Medical paid", "Rx paid", "Total PMPM", "Loss ratio"]]
        for i in range(12):
            rows.append([MONTHS[i][:3], c.rng.randint(380, 420), round(c.rng.uniform(140000, 260000), 2), round(c.rng.uniform(40000, 90000), 2),
                         round(c.rng.uniform(420, 700), 2), round(c.rng.uniform(0.7, 1.05), 3)])
        text = f"{hr.first},\n\nMonthly experience workbook for the renewal discussion is attached.{c.sig(agent.full, 'Account Manager', br.name)}"
        return spec("Experience workbook", (agent.full, agent.email), (hr.full, hr.email), text=text,
                    atts=[att("Experience_12mo.xlsx", make_xlsx(rows, "Experience", c.chance(0.5)), XLSX)], form="xlsx")
    if v == 2:
        text = (f"Hi {hr.first},\n\nHighlights from the annual utilization review:\n\n- Top cost driver: musculoskeletal (19% of paid), driven by knee and spine surgery\n"
                f"- {c.rng.randint(180, 260)} members have a diabetes diagnosis; 71% are adherent to medications\n- ER visits per 1,000: {c.rng.randint(140, 260)} "
                "(benchmark 180)\n- Specialty Rx is 48% of pharmacy spend\n- Two high-cost claimants over $250K (no further detail per HIPAA)\n\n"
                "Recommend adding a musculoskeletal point solution." + c.sig(agent.full, "Clinical Consultant", br.name))
        return spec(c.pick(["Annual utilization highlights", "Utilization review summary"]), (agent.full, agent.email), (hr.full, hr.email), text=text)
    rows = [["Metric", "This year", "Prior year", "Benchmark"], ["Inpatient admits/1,000", "52", "61", "58"], ["ER visits/1,000", "188", "202", "180"],
            ["Generic dispensing rate", "87%", "85%", "88%"], ["Preventive visit rate", "46%", "41%", "50%"], ["Avg paid per claimant", "$6,842", "$6,210", "$7,000"]]
    inner = "<p><b>Plan dashboard (aggregate)</b></p>" + html_table(rows) + "<p>Data are de-identified and aggregated.</p>"
    return spec("Plan dashboard", (agent.full, agent.email), (hr.full, hr.email), html=html_page(inner, br.name, "#264653"), form="html")


def f_vendor_renewal(c, v):
    vend = c.org("vendor"); am = c.colleague(vend.domain); buyer = c.colleague(c.pick(["riversiderm.org", "mercyridge.org", "apexrevenue.com", "summitrcm.com"]))
    d = c.future(30, 120)
    if v == 0:
        text = (f"Hi {buyer.first},\n\nYour {vend.name} agreement renews on {d:%B %d, %Y}. Renewal terms:\n\n- Claims submission: $0.28/claim (unchanged)\n"
                "- ERA/835 retrieval: included\n- Real-time eligibility: $0.12/transaction (was $0.15)\n- 3-year term with 3% annual cap\n\n"
                "Let me know if you'd like to schedule a review call." + c.sig(am.full, "Account Manager", vend.name))
        return spec(c.pick(["Contract renewal", f"{vend.name} renewal terms", "Your agreement renews soon"]), (am.full, am.email), (buyer.full, buyer.email), text=text)
    if v == 1:
        docp = [f"**Amendment No. {c.rng.randint(2, 6)} to Master Services Agreement", f"Between {vend.name} and Customer", f"Effective {d:%m/%d/%Y}", "",
                "1. Term. The term is extended for thirty-six (36) months.", "2. Fees. Exhibit B is replaced in its entirety.",
                "3. Business Associate Agreement. The existing BAA remains in full force.", "", "Signature: ______________________"]
        text = f"{buyer.first},\n\nAttached is the renewal amendment for signature.{c.sig(am.full, 'Contracts', vend.name)}"
        return spec("Renewal amendment for signature", (am.full, am.email), (buyer.full, buyer.email), text=text,
                    atts=[att("MSA_Amendment.docx", make_docx(docp), DOCX)], form="docx")
    if v == 2:
        text = (f"{buyer.first},\n\nFollowing up on the PBM contract renewal. Proposed terms:\n  Brand retail: AWP-19.5%\n  Generic retail: AWP-84%\n"
                "  Specialty: AWP-21%\n  Rebates: 100% pass-through, guaranteed $210 PMPY\n  Admin fee: $0\n\nFinal pricing due by end of month."
                + c.sig(am.full, "Pharmacy Consultant", vend.name))
        return spec("PBM renewal - proposed terms", (am.full, am.email), (buyer.full, buyer.email), text=text)
    pdf = [f"{vend.name} - Renewal Order Form", f"Order date {d:%m/%d/%Y}", "", "Service                         Annual fee",
           "Coding audit (quarterly)        $18,400", "Denial analytics module         $6,000", "Education webinars (6)          $2,400", "",
           "Total annual                    $26,800"]
    return spec("Renewal order form", (am.full, am.email), (buyer.full, buyer.email), text=f"Hi {buyer.first}, renewal order form attached.",
                atts=[att("RenewalOrderForm.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")


def f_expense(c, v):
    emp = c.org("employer"); e = c.person(24, 64); e.email = f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"; mgr = c.colleague(emp.domain)
    d = c.date(); er = f"ER-{c.digits(5)}"
    conf = c.pick(["HFMA Annual Conference", "AHIP 2025", "Regional Payer Summit", "HIMSS Global Health Conference", "State Benefits Forum"])
    lines = [(f"{d:%m/%d/%Y}", "Airfare", round(c.rng.uniform(220, 640), 2)), (f"{d:%m/%d/%Y}", "Hotel (3 nights)", round(c.rng.uniform(480, 900), 2)),
             (f"{d:%m/%d/%Y}", "Registration - " + conf, round(c.rng.uniform(600, 1400), 2)), (f"{d:%m/%d/%Y}", "Meals", round(c.rng.uniform(60, 180), 2)),
             (f"{d:%m/%d/%Y}", "Rideshare", round(c.rng.uniform(20, 90), 2))]
    if v == 0:
        rows = [["Employee", e.full], ["Report", er], ["Purpose", conf], [], ["Date", "Category", "Amount"]] + [list(x) for x in lines]
        text = f"Hi {mgr.first},\n\nMy expense report for {conf} is attached for approval.\n\nThanks,\n{e.first}"
        return spec(f"Expense report {er}", (e.full, e.email), (mgr.full, mgr.email), text=text,
                    atts=[att(f"{er}.xlsx", make_xlsx(rows, "Expenses", c.chance(0.5)), XLSX)], form="xlsx")
    if v == 1:
        text = (f"Hi {e.first},\n\nYour expense report {er} ({conf}) for {m(sum(x[2] for x in lines))} has been approved and will be reimbursed in the "
                "next payroll cycle.\n\nConcur Notifications")
        return spec(f"Approved: {er}", ("Expense Notifications", f"expenses@{emp.domain}"), (e.full, e.email), text=text)
    if v == 2:
        rows = [["Date", "Merchant", "Category", "Amount", "Receipt"]] + [[x[0], c.pick(["Delta", "Marriott", "Uber", "Panera", "Conference Reg"]), x[1], f"{x[2]:.2f}", "Y"] for x in lines]
        text = f"{mgr.first} - CSV export of my trip expenses ({conf}) attached since the tool is down.\n\n{e.full}"
        return spec(f"Trip expenses - {conf}", (e.full, e.email), (mgr.full, mgr.email), text=text,
                    atts=[att("expenses.csv", make_csv(rows), "text/csv")], form="csv")
    text = (f"Hi {e.first},\n\nYour expense report {er} was returned: the rideshare charge on {d:%m/%d} is missing an itemized receipt, and meals "
            "over $75/day need attendee names. Please fix and resubmit.\n\nThanks,\nAccounts Payable")
    return spec(f"Returned: {er}", ("Accounts Payable", f"ap@{emp.domain}"), (e.full, e.email), text=text)


# ---------------- blind-only clean families ----------------
def f_portal(c, v):
    pay = c.payer(); d = c.future(3, 20) if v != 3 else None
    when = "" if d is None else f"{d:%A, %B %d} from 11:00 PM to 4:00 AM ET"
    if v == 0:
        text = (f"Scheduled maintenance: the member portal and mobile app will be unavailable {when}. Claims, ID cards and provider search "
                f"will be offline during this window. We apologize for any inconvenience.\n\n{pay.name}")
        return spec("Scheduled maintenance notice", (pay.name, f"noreply@{pay.domain}"), ("Member", f"members@{pay.domain}"), text=text)
    if v == 1:
        inner = f"<p><b>Provider portal outage</b></p><p>Eligibility and claim status inquiries will be unavailable {when}. Use the IVR for urgent checks.</p>"
        return spec("Provider portal maintenance", (pay.name + " Provider Services", f"portal@{pay.domain}"), ("Providers", f"providers@{pay.domain}"),
                    html=html_page(inner, pay.name, "#444"), form="html")
    if v == 2:
        emp = c.org("employer"); hr = c.colleague(emp.domain)
        text = (f"Heads up: the benefits enrollment portal is moving to a new vendor. Log-ins will change on {d:%B %d}. You'll get an activation email "
                f"from noreply@benefitsportal.example - it is legitimate." + c.sig(hr.full, "HRIS Analyst", emp.name))
        return spec("Benefits portal changing", (hr.full, hr.email), ("All Employees", f"all@{emp.domain}"), text=text)
    p = c.person(); d = c.date()
    text = (f"Hi {p.first},\n\nYour password for the {pay.name} member portal was changed on {d:%m/%d/%Y}. If you didn't make this change, call "
            f"us at {c.tollfree()} right away.\n\n{pay.name} Security")
    return spec("Your password was changed", (pay.name, f"security@{pay.domain}"), (p.full, p.email), text=text)


def f_payroll(c, v):
    emp = c.org("employer"); e = c.person(22, 64); e.email = f"{slug(e.first)}.{slug(e.last)}@{emp.domain}"; hr = c.colleague(emp.domain)
    d = c.future(3, 20) if v == 1 else c.date()
    if v == 0:
        text = (f"Hi {e.first},\n\nYour {d.year} Form W-2 is now available in the employee self-service portal. Employees who consented to electronic "
                "delivery will not receive a paper copy.\n\nPayroll Department")
        return spec("Your W-2 is available", ("Payroll", f"payroll@{emp.domain}"), (e.full, e.email), text=text)
    if v == 1:
        text = (f"{e.first},\n\nThis confirms your direct deposit change effective the {d:%m/%d} pay date: account ending {c.digits(4)} at "
                f"{c.pick(['Chase', 'Wells Fargo', 'a credit union', 'Bank of America'])}. If you did not request this, contact Payroll immediately.\n\nPayroll")
        return spec("Direct deposit change confirmation", ("Payroll", f"payroll@{emp.domain}"), (e.full, e.email), text=text)
    if v == 2:
        text = (f"Hi {e.first},\n\nAs of this pay period you have {c.rng.randint(8, 160)} hours of PTO and {c.rng.randint(0, 40)} hours of floating holiday. "
                f"Reminder: up to 40 hours carry over into next year.{c.sig(hr.full, 'HR Assistant', emp.name)}")
        return spec("Your PTO balance", (hr.full, hr.email), (e.full, e.email), text=text)
    text = (f"Hi {e.first},\n\nCongratulations on your {c.rng.randint(1, 25)}-year work anniversary with {emp.name}! Your recognition points have been "
            f"added to your account. Thanks for everything you do.{c.sig(hr.full, 'People Team', emp.name)}")
    return spec("Happy work anniversary!", (hr.full, hr.email), (e.full, e.email), text=text)


def f_pharm_hours(c, v):
    ph = c.org("pharmacy"); d = c.future(5, 40)
    frm = (ph.name, f"info@{ph.domain}"); to = ("", f"customer{c.digits(6)}@{c.pick(PERSONAL)}")
    if v == 0:
        text = (f"Holiday hours at {ph.name}:\n\n  {d:%A %m/%d}: 9am-5pm (pharmacy closed 1:30-2pm)\n  {d + dt.timedelta(days=1):%A %m/%d}: CLOSED\n\n"
                "Need a refill before the holiday? Request it by Tuesday.")
        return spec("Holiday hours", frm, to, text=text)
    if v == 1:
        text = (f"We're moving! Starting {d:%B %d}, our pharmacy will be located at {c.rng.randint(100, 999)} {c.pick(STREETS)}, just two blocks away. "
                "All prescriptions will transfer automatically - no action needed. The new location has a drive-thru!")
        return spec(f"{ph.name} is moving", frm, to, text=text)
    if v == 2:
        inner = "<p>Now open: <b>24-hour drive-thru pharmacy</b>. Plus, text REFILL to 55xxx to order refills anytime.</p>"
        return spec("Now open 24 hours", frm, to, html=html_page(inner, ph.name, "#c8102e"), form="html")
    text = (f"Dear Customer,\n\nAfter 31 years, our {c.pick(CITIES)[0]} store will close on {d:%B %d}. Your prescription files will be transferred to "
            f"our nearest location. Thank you for your loyalty.\n\n{ph.name}")
    return spec("Store closing notice", frm, to, text=text)


def f_fee_schedule(c, v):
    pay = c.payer(); d = c.future(30, 120); prel = c.colleague(pay.domain); office = c.colleague(c.pick(["northgateortho.com", "westsidefamily.com", "brooksidepeds.com"]))
    codes = c.rng.sample(PROCS, 8)
    if v == 0:
        rows = [["CPT/HCPCS", "Description", "Current rate", "New rate"]] + [[p_[0], p_[1], round(p_[3] * 0.5, 2), round(p_[3] * 0.52, 2)] for p_ in codes]
        text = f"Hi {office.first},\n\nAttached is the {d.year + 1} fee schedule for your practice (commercial PPO).{c.sig(prel.full, 'Provider Contracting', pay.name)}"
        return spec(f"{d.year + 1} fee schedule", (prel.full, prel.email), (office.full, office.email), text=text,
                    atts=[att("FeeSchedule.xlsx", make_xlsx(rows, "Fees", c.chance(0.5)), XLSX)], form="xlsx")
    if v == 1:
        text = (f"Fee schedule update effective {d:%m/%d/%Y}:\n\n" + "\n".join(f"  {p_[0]:<6} {p_[1]:<40} {m(p_[3] * 0.5)}" for p_ in codes)
                + f"\n\nRates apply to in-network professional claims.\n\n{pay.name} Provider Contracting")
        return spec("Fee schedule update", (pay.name, f"contracting@{pay.domain}"), (office.full, office.email), text=text)
    if v == 2:
        pdf = [f"{pay.name} - Professional Fee Schedule", f"Effective {d:%m/%d/%Y}", ""] + [f"{p_[0]:<7}{p_[1]:<42}{m(p_[3] * 0.5):>10}" for p_ in codes]
        return spec("Fee schedule (PDF)", (prel.full, prel.email), (office.full, office.email), text="Fee schedule attached.",
                    atts=[att("FeeSchedule.pdf", make_pdf(pdf, c.chance(0.5)), "application/pdf")], form="pdf")
    inner = "<p>Proposed rate increase for your renewal:</p>" + html_table([["Code", "Proposed"]] + [[p_[0], m(p_[3] * 0.55)] for p_ in codes])
    return spec("Proposed rates for renewal", (prel.full, prel.email), (office.full, office.email), html=html_page(inner, pay.name, "#333"), form="html")


# ==========================================================================
# Registry
# ==========================================================================
# (family slug, label, function, blind_only)
FAMILIES = [
    ("eob-statement", "phi", f_eob, False),
    ("claim-denial", "phi", f_denial, False),
    ("prior-auth", "phi", f_prior_auth, False),
    ("pharmacy-pickup", "phi", f_pickup, False),
    ("mailorder-shipment", "phi", f_mailorder, False),
    ("billing-statement", "phi", f_billing_stmt, False),
    ("collections-notice", "phi", f_collections, False),
    ("fmla-approval", "phi", f_fmla, False),
    ("employer-leave-note", "phi", f_leave_note, False),
    ("workers-comp", "phi", f_workers_comp, False),
    ("return-to-work", "phi", f_rtw, False),
    ("employee-health", "phi", f_emp_health, False),
    ("disability-claim", "phi", f_disability, False),
    ("member-roster", "phi", f_roster, False),
    ("claims-export", "phi", f_claims_export, False),
    ("remittance", "phi", f_remit, False),
    ("spanish-rx-eob", "phi", f_spanish_rx, True),
    ("appeal-grievance", "phi", f_appeal, True),
    ("fsa-hsa-substantiation", "phi", f_hsa, True),
    ("accident-subrogation", "phi", f_accident, True),
    ("insurance-quote", "clean", f_quote, False),
    ("plan-comparison", "clean", f_plancompare, False),
    ("open-enrollment", "clean", f_open_enroll, False),
    ("supply-invoice", "clean", f_supply_invoice, False),
    ("coding-memo", "clean", f_coding_memo, False),
    ("billing-newsletter", "clean", f_newsletter, False),
    ("payer-bulletin", "clean", f_bulletin, False),
    ("drug-recall", "clean", f_recall, False),
    ("fda-safety", "clean", f_fda, False),
    ("pharmacy-ad", "clean", f_pharm_ad, False),
    ("pharmacy-loyalty", "clean", f_coupon, False),
    ("wellness-marketing", "clean", f_wellness, False),
    ("formulary-change", "clean", f_formulary, False),
    ("aggregate-claims", "clean", f_aggregate, False),
    ("vendor-renewal", "clean", f_vendor_renewal, False),
    ("expense-report", "clean", f_expense, False),
    ("portal-maintenance", "clean", f_portal, True),
    ("payroll-notice", "clean", f_payroll, True),
    ("pharmacy-hours", "clean", f_pharm_hours, True),
    ("fee-schedule", "clean", f_fee_schedule, True),
]

# families whose dev split uses a non-default pair of variants (blind always uses the complement)
DEV_VARIANTS = {"open-enrollment": [0, 2], "employee-health": [0, 2], "remittance": [1, 2], "pharmacy-ad": [1, 2]}

FWD_NOTES = (["FYI", "See below.", "Forwarding for your records.", "Can you take a look at this?", "fyi - not sure what to do with this one",
              "Sending this your way."],
             ["Please see below.", "Passing this along.", "Fwd for visibility.", "Thoughts?", "Sending this over - let me know if you need anything else.",
              "Adding you for awareness."])
REPLY_NOTES = (["Thanks, received.", "Got it, thank you!", "Thanks - will review today.", "Thank you!"],
               ["Received, thanks.", "Thank you. Noted.", "Appreciate it - I'll follow up.", "ok thanks"])
DISCLAIMERS = (["CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may "
                "contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited.",
                "This message may contain protected health information. If you received it in error, please notify the sender and delete it.",
                "Please consider the environment before printing this e-mail.",
                "Sent from my iPhone"],
               ["The information in this email is intended only for the addressee and may be confidential. If you are not the intended "
                "recipient, please delete this message and notify the sender.",
                "NOTICE: This communication may include information protected under HIPAA. Unauthorized redistribution is prohibited.",
                "Get Outlook for Android",
                "This mailbox is not monitored. Please do not reply to this message."])
TYPOS = [("please", "plese"), ("receive", "recieve"), ("received", "recieved"), ("separate", "seperate"), (" the ", " teh "),
         (" your ", " yuor "), ("information", "infomation"), ("business", "buisness"), ("immediately", "immediatly"),
         ("questions", "quesitons"), ("schedule", "schedlue")]


def _domain(addr):
    return addr.split("@")[-1]


def apply_wrappers(c, s):
    i = c.i
    r = c.rng.random()
    orig_form = s["form"]
    if r < 0.12 and s["form"] not in ("forwarded", "reply"):
        fw = c.colleague(_domain(s["to"][1]) if not any(_domain(s["to"][1]) == p for p in PERSONAL) else c.pick(PERSONAL))
        fw_from = s["to"]
        dest = c.colleague(c.pick([_domain(s["to"][1]), "gmail.com", "outlook.com"]) if _domain(s["to"][1]) not in PERSONAL else _domain(s["frm"][1]))
        note = c.pick(FWD_NOTES[i])
        hdr = (f"---------- Forwarded message ---------\nFrom: {s['frm'][0]} <{s['frm'][1]}>\nDate: {c.sent(0, 3):%a, %b %d, %Y at %I:%M %p}\n"
               f"Subject: {s['subject']}\nTo: {fw_from[0]} <{fw_from[1]}>\n")
        if s["text"]:
            s["text"] = f"{note}\n\n{fw_from[0].split(' ')[0] if fw_from[0] else ''}\n\n{hdr}\n{s['text']}"
        if s["html"]:
            h = f"<p>{xesc(note)}</p><div style=\"font:12px Arial;color:#555\">{xesc(hdr).replace(chr(10), '<br>')}</div>"
            s["html"] = s["html"].replace("<body style=\"margin:0;background:#f4f4f4\">", "<body style=\"margin:0;background:#f4f4f4\">" + h, 1)
        s["subject"] = c.pick(["Fwd: ", "FW: ", "Fw: "]) + s["subject"]
        s["frm"] = (fw_from[0] or fw.full, fw_from[1])
        s["to"] = (dest.full, dest.email)
        if orig_form in ("text", "html"):
            s["form"] = "forwarded"
    elif r < 0.19 and s["text"] and not s["html"] and s["form"] not in ("forwarded", "reply"):
        note = c.pick(REPLY_NOTES[i])
        who = s["to"][0].split(" ")[0] if s["to"][0] else ""
        quoted = "\n".join("> " + l for l in s["text"].split("\n"))
        s["text"] = f"{note}\n\n{who}\n\nOn {c.sent(0, 3):%a, %b %d, %Y at %I:%M %p}, {s['frm'][0]} <{s['frm'][1]}> wrote:\n{quoted}"
        s["subject"] = "Re: " + s["subject"]
        s["frm"], s["to"] = s["to"], s["frm"]
        s["headers"]["In-Reply-To"] = f"<{c.digits(14)}@{_domain(s['to'][1])}>"
        if orig_form == "text":
            s["form"] = "reply"
    if c.chance(0.3):
        d = c.pick(DISCLAIMERS[i])
        if s["text"]:
            s["text"] += "\n\n" + ("--\n" if c.chance(0.5) else "") + d
        if s["html"]:
            s["html"] = s["html"].replace("</body>", f"<p style=\"font-size:10px;color:#888;padding:0 20px\">{xesc(d)}</p></body>")
    if c.chance(0.1) and s["text"]:
        cands = [t for t in TYPOS if t[0] in s["text"]]
        if cands:
            a, b = c.pick(cands)
            s["text"] = s["text"].replace(a, b, 1)
    return s


def build_eml(c, s):
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr(s["frm"]) if s["frm"][0] else s["frm"][1]
    msg["To"] = formataddr(s["to"]) if s["to"][0] else s["to"][1]
    if s.get("cc"):
        msg["Cc"] = formataddr(s["cc"])
    msg["Subject"] = s["subject"]
    msg["Date"] = format_datetime(c.sent())
    msg["Message-ID"] = f"<{c.digits(12)}.{c.letters(6).lower()}@{_domain(s['frm'][1])}>"
    for k, v in s["headers"].items():
        msg[k] = v
    if c.chance(0.3):
        msg["X-Mailer"] = c.pick(["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "SendGrid", "Salesforce Marketing Cloud", "Mimecast"])
    text = s["text"].replace("\r\n", "\n") if s["text"] else None
    if text and s["html"]:
        msg.set_content(text)
        msg.add_alternative(s["html"], subtype="html")
    elif s["html"]:
        msg.set_content(s["html"], subtype="html")
    else:
        msg.set_content(text or "")
    for fn, data, mt, st in s["atts"]:
        params = {"method": "REQUEST"} if st == "calendar" else None
        msg.add_attachment(data, maintype=mt, subtype=st, filename=fn, params=params)
    random.seed(c.rng.random())  # MIME boundaries use the global RNG
    return msg.as_bytes()


def generate(split, out):
    c = Ctx(split)
    os.makedirs(out, exist_ok=True)
    jobs = []
    for slug_, label, fn, blind_only in FAMILIES:
        if blind_only and split == "dev":
            continue
        vs = [0, 1, 2, 3] if blind_only else DEV_VARIANTS.get(slug_, [0, 1]) if split == "dev" else \
            [k for k in range(4) if k not in DEV_VARIANTS.get(slug_, [0, 1])]
        seq = [vs[k % len(vs)] for k in range(PER_FAMILY[split])]
        c.rng.shuffle(seq)
        for v in seq:
            jobs.append((slug_, label, fn, v))
    c.rng.shuffle(jobs)
    rows = []
    for n, (slug_, label, fn, v) in enumerate(jobs, 1):
        c.maxdate = None
        c.fut = None
        s = fn(c, v)
        s = apply_wrappers(c, s)
        data = build_eml(c, s)
        name = f"{n:04d}.eml"
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        rows.append((name, label, slug_, s["form"]))
    with open(os.path.join(out, "manifest.tsv"), "w", newline="") as f:
        f.write("file\tlabel\tfamily\tform\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "blind"])
    ap.add_argument("--out")
    ap.add_argument("--list-families", action="store_true")
    a = ap.parse_args()
    if a.list_families:
        print("| family | label | splits |")
        print("|---|---|---|")
        for slug_, label, fn, bo in FAMILIES:
            dv = DEV_VARIANTS.get(slug_, [0, 1]); bv = [k for k in range(4) if k not in dv]
            print(f"| {slug_} | {label} | {'blind only (variants 0-3)' if bo else f'dev (variants {dv[0]},{dv[1]}) + blind (variants {bv[0]},{bv[1]})'} |")
        return
    if not a.split or not a.out:
        ap.error("--split and --out are required")
    rows = generate(a.split, a.out)
    by = {}
    for _, label, fam, _f in rows:
        by[label] = by.get(label, 0) + 1
    print(f"{a.split}: {len(rows)} messages -> {a.out}  " + ", ".join(f"{k}={v}" for k, v in sorted(by.items())))


if __name__ == "__main__":
    main()
