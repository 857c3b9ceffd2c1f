#!/usr/bin/env python3
"""Blind evaluation corpus generator: the business side of health care.

Python 3 standard library only. Deterministic: fixed seeds, fixed zip
timestamps, explicit MIME boundaries -> two runs give byte-identical output.

  python3 generate.py --split blind --out DIR   (~500 messages)
  python3 generate.py --split dev   --out DIR   (~60 messages, other seeds)
"""
import argparse
import csv
import hashlib
import io
import os
import random
import re
import sys
import textwrap
import zipfile
from datetime import date, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

# ----------------------------------------------------------------------------
# pools
# ----------------------------------------------------------------------------
FIRST = """Aaliyah Adebayo Aiko Alejandro Amara Anh Arjun Beatriz Chidi Chioma Dmitri
Elif Emeka Farah Fatima Giorgos Hamza Hyun-woo Ifeoma Ingrid Jamal Jia Kalani Kenji
Keisha Lakshmi Leilani Luz Malik Mariam Mateo Mei Ngozi Nikolai Oksana Omar Priya Quang
Rashid Rosalind Santiago Siobhan Soo-jin Tariq Thandiwe Tomasz Wei Xochitl Yaw Yusuf
Zainab Zeynep DeShawn Tamika Brandon Kristen Doug Marjorie Walt Carol Hope Joy Grace
Faith Will Rose Bill Summer Hunter Mark Frank Destiny Dawn Ivy Rich Chase Sunny Precious
Star Honor Major Justice Sage River Autumn April June Art Pat Penny Gene Sky Miles Rocky
Ruby Pearl Crystal Brook Hazel Olive Jade Cliff Dale Glen Heath""".split()
LAST = """Okafor Nguyen Tran Haddad Patel Ramírez Kowalski Yamamoto Abernathy Oyelaran
Mendoza Singh Kaur Chen Liu Park Kim Ivanova Petrov Al-Masri Begay Yazzie Tsosie O'Neill
MacLeod Fernández Gallagher Achebe Mensah Boateng Haile Tesfaye Nakamura Sato Horvat Novak
Dubois Laurent Rossi Esposito Goldberg Schwartz Abdi Warsame Hassan Rahman Chowdhury Begum
Reyes Santos Kealoha Mahoe Zapata Gutierrez Nwosu Kapoor Iyer Sorensen Lindqvist Brown
Price Cash Love Day Moody Best King Young Banks Rich Hope Sharp Stone Field Wise Little Good
Bishop Fox Baker Street Hale Knight Rivers Short Page Story Walker Bell Small Strong Winter
Frost Lake Mills Cook Hunter Marsh Snow""".split() + ["Dela Cruz", "Van der Berg", "St. John"]
MIDDLE = list("ABCDEFGHJKLMNPRSTW")

PAYERS = [("Bluewater Health Plan", "bluewaterhp.com"), ("Cedar Mutual Health", "cedarmutual.com"),
          ("Keystone Anchor Health", "keystoneanchor.org"), ("Northgate Care Alliance", "northgatecare.com"),
          ("Sunvale Health Insurance", "sunvalehealth.com"), ("Prairie Commonwealth Health", "pchealthplan.org"),
          ("Harbor & Pine Benefits", "harborpine.com"), ("Tidewell Community Health Plan", "tidewellchp.org")]
PROVIDERS = [("Riverside Orthopedic Group", "riversideortho.com"), ("Lakeshore Regional Medical Center", "lakeshoreregional.org"),
             ("Mesa Verde Family Medicine", "mesaverdefm.com"), ("St. Brigid's Hospital", "stbrigids.org"),
             ("Copperleaf Cardiology Associates", "copperleafheart.com"), ("Evergreen Behavioral Health", "evergreenbh.org"),
             ("Northfield Gastroenterology", "northfieldgi.com"), ("Bayview Imaging Center", "bayviewimaging.com"),
             ("Quarry Hill Oncology", "quarryhillonc.com"), ("Saguaro Sleep & Pulmonary", "saguarosleep.com"),
             ("Three Rivers Physical Therapy", "threeriverspt.com"), ("Greenway Dermatology", "greenwayderm.com"),
             ("Clearview Eye Institute", "clearvieweye.com")]
PBMS = [("ScriptLine Pharmacy Services", "scriptline-rx.com"), ("Apothecary Direct Mail Order", "apodirect.com"),
        ("MedPath Rx Benefits", "medpathrx.com")]
EMPLOYERS = [("Halvorsen Logistics", "halvorsenlog.com"), ("Brightwater Credit Union", "brightwatercu.org"),
             ("Tanager Software", "tanagersoft.io"), ("Oakridge School District", "oakridgesd.k12.us"),
             ("Meridian Foods Inc.", "meridianfoods.com"), ("Caldera Engineering", "caldera-eng.com"),
             ("Pelican Bay Hotels", "pelicanbayhotels.com"), ("Ironwood Manufacturing", "ironwoodmfg.com")]
LAWFIRMS = [("Delgado & Whitcombe LLP", "dwlaw.com"), ("Okonkwo Injury Law", "okonkwoinjury.com"),
            ("Barrett Fong Attorneys", "barrettfong.com"), ("Lindqvist Marsh PLLC", "lmpllc.com")]
BILLERS = [("Summit Revenue Services", "summitrev.com"), ("ClearPath Patient Billing", "clearpathbilling.com"),
           ("Granite Medical Billing", "granitemb.com")]
COLLECTORS = [("Allied Recovery Associates", "alliedrecovery.net"), ("Northstar Credit Management", "northstarcm.com")]
LIFEINS = [("Sentinel Life Assurance", "sentinellife.com"), ("Cornerstone Mutual Life", "cornerstonemutual.com"),
           ("Beacon Income Protection", "beaconincome.com")]
HEALTHDEPTS = [("Marlow County Health Department", "marlowcounty.gov"), ("Riverbend Public Health District", "riverbendphd.gov")]
VENDORS = [("Medline-Star Surgical Supply", "medlinestar.com"), ("Crescent Diagnostics Supply", "crescentdx.com"),
           ("Pinecrest Linen Services", "pinecrestlinen.com"), ("Orbit Health IT", "orbithealthit.com")]
FREEMAIL = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me", "comcast.net"]
CITIES = [("Springfield", "IL", "627"), ("Tucson", "AZ", "857"), ("Dayton", "OH", "454"), ("Fresno", "CA", "937"),
          ("Albany", "NY", "122"), ("Boise", "ID", "837"), ("Macon", "GA", "312"), ("Duluth", "MN", "558"),
          ("El Paso", "TX", "799"), ("Tacoma", "WA", "984"), ("Hilo", "HI", "967"), ("Gallup", "NM", "873")]
STREETS = ["Maple Ave", "W 4th St", "Old Mill Rd", "Kinsey Ct", "Laurel Dr", "Route 9", "Beacon St", "Juniper Ln",
           "E Broadway", "Quail Run", "Cottonwood Blvd", "Harbor View Ter"]

# (diagnosis, ICD-10)
DX = [("type 2 diabetes mellitus", "E11.9"), ("essential hypertension", "I10"),
      ("major depressive disorder, recurrent, moderate", "F33.1"), ("low back pain with sciatica", "M54.41"),
      ("primary osteoarthritis, right knee", "M17.11"), ("rheumatoid arthritis", "M06.9"),
      ("COPD", "J44.9"), ("malignant neoplasm of left breast", "C50.912"),
      ("obstructive sleep apnea", "G47.33"), ("generalized anxiety disorder", "F41.1"),
      ("plaque psoriasis", "L40.0"), ("migraine without aura", "G43.009"), ("Crohn's disease", "K50.90"),
      ("atrial fibrillation", "I48.91"), ("chronic kidney disease, stage 3a", "N18.31"),
      ("complete rotator cuff tear, right shoulder", "M75.121"), ("multiple sclerosis", "G35"),
      ("moderate persistent asthma", "J45.40"), ("hypothyroidism", "E03.9"),
      ("opioid use disorder, in sustained remission", "F11.21"), ("atopic dermatitis", "L20.9"),
      ("lumbar disc herniation", "M51.26"), ("PTSD", "F43.10"), ("heart failure with reduced EF", "I50.22"),
      ("mixed hyperlipidemia", "E78.2"), ("calculus of gallbladder with chronic cholecystitis", "K80.10"),
      ("age-related nuclear cataract, right eye", "H25.11"), ("chest pain, unspecified", "R07.9")]
# (procedure, CPT/HCPCS, typical charge)
PROC = [("MRI lumbar spine without contrast", "72148", 1840), ("total knee arthroplasty", "27447", 38900),
        ("colonoscopy with biopsy", "45380", 2650), ("polysomnography (sleep study)", "95810", 3120),
        ("CT abdomen and pelvis with contrast", "74177", 2210), ("physical therapy evaluation", "97161", 240),
        ("arthroscopic rotator cuff repair", "29827", 14200), ("transthoracic echocardiogram", "93306", 1480),
        ("diagnostic mammogram", "77066", 410), ("psychotherapy, 60 minutes", "90837", 210),
        ("upper GI endoscopy with biopsy", "43239", 2380), ("exercise stress test", "93015", 690),
        ("laparoscopic cholecystectomy", "47562", 16750), ("cataract removal with lens implant", "66984", 5400),
        ("emergency department visit, high complexity", "99285", 1960), ("office visit, established patient", "99214", 265),
        ("ground ambulance, advanced life support", "A0427", 1425), ("chemotherapy infusion, first hour", "96413", 980),
        ("lumbar epidural steroid injection", "62323", 1650), ("genetic testing, BRCA1/2 full sequence", "81162", 4100)]
# (drug, indication index into DX, days supply)

DRUGS = [("Humira (adalimumab) 40 mg/0.4 mL pen", 5), ("Ozempic (semaglutide) 1 mg pen", 0),
         ("Eliquis (apixaban) 5 mg tablet", 13), ("atorvastatin 40 mg tablet", 24), ("sertraline 100 mg tablet", 2),
         ("Lantus (insulin glargine) SoloStar pen", 0), ("Dupixent (dupilumab) 300 mg pen", 20),
         ("Spiriva Respimat 2.5 mcg inhaler", 6), ("levothyroxine 75 mcg tablet", 18),
         ("buprenorphine/naloxone 8 mg/2 mg film", 19), ("Stelara (ustekinumab) 90 mg syringe", 12),
         ("Jardiance (empagliflozin) 10 mg tablet", 23), ("Otezla (apremilast) 30 mg tablet", 10),
         ("Nurtec ODT (rimegepant) 75 mg", 11), ("Ocrevus (ocrelizumab) infusion", 16),
         ("Xeljanz (tofacitinib) 5 mg tablet", 5), ("lisinopril 20 mg tablet", 1), ("Symbicort 160/4.5 inhaler", 17)]


# coherent (diagnosis, procedure, provider) combinations: (DX index, CPT/HCPCS, provider names)
CASES = [
    (0, "99214", ["Mesa Verde Family Medicine"]), (1, "99214", ["Mesa Verde Family Medicine", "Copperleaf Cardiology Associates"]),
    (1, "93306", ["Copperleaf Cardiology Associates"]), (2, "90837", ["Evergreen Behavioral Health"]),
    (3, "72148", ["Riverside Orthopedic Group", "Bayview Imaging Center"]), (3, "62323", ["Riverside Orthopedic Group"]),
    (3, "97161", ["Three Rivers Physical Therapy"]), (4, "27447", ["Riverside Orthopedic Group", "Lakeshore Regional Medical Center"]),
    (4, "97161", ["Three Rivers Physical Therapy"]), (5, "99214", ["Mesa Verde Family Medicine", "Lakeshore Regional Medical Center"]),
    (6, "99214", ["Saguaro Sleep & Pulmonary"]), (7, "77066", ["Bayview Imaging Center"]), (7, "96413", ["Quarry Hill Oncology"]),
    (7, "81162", ["Quarry Hill Oncology"]), (7, "99214", ["Quarry Hill Oncology"]), (8, "95810", ["Saguaro Sleep & Pulmonary"]),
    (9, "90837", ["Evergreen Behavioral Health"]), (10, "99214", ["Greenway Dermatology"]), (11, "99214", ["Mesa Verde Family Medicine"]),
    (12, "45380", ["Northfield Gastroenterology"]), (12, "43239", ["Northfield Gastroenterology"]),
    (12, "74177", ["Bayview Imaging Center", "Lakeshore Regional Medical Center"]), (13, "93306", ["Copperleaf Cardiology Associates"]),
    (13, "93015", ["Copperleaf Cardiology Associates"]), (14, "99214", ["Lakeshore Regional Medical Center"]),
    (15, "29827", ["Riverside Orthopedic Group"]), (15, "97161", ["Three Rivers Physical Therapy"]),
    (16, "99214", ["Lakeshore Regional Medical Center"]), (17, "99214", ["Saguaro Sleep & Pulmonary"]),
    (18, "99214", ["Mesa Verde Family Medicine"]), (19, "90837", ["Evergreen Behavioral Health"]), (20, "99214", ["Greenway Dermatology"]),
    (21, "72148", ["Bayview Imaging Center", "Riverside Orthopedic Group"]), (21, "62323", ["Riverside Orthopedic Group"]),
    (22, "90837", ["Evergreen Behavioral Health"]), (23, "93306", ["Copperleaf Cardiology Associates"]),
    (23, "99285", ["Lakeshore Regional Medical Center", "St. Brigid's Hospital"]), (23, "A0427", ["St. Brigid's Hospital"]),
    (24, "99214", ["Mesa Verde Family Medicine"]), (25, "47562", ["Lakeshore Regional Medical Center", "St. Brigid's Hospital"]),
    (25, "74177", ["St. Brigid's Hospital"]), (26, "66984", ["Clearview Eye Institute"]),
    (27, "99285", ["St. Brigid's Hospital", "Lakeshore Regional Medical Center"]), (27, "93015", ["Copperleaf Cardiology Associates"]),
]
NO_PA = ("99285", "99214", "A0427", "97161")
INPATIENT = [(23, "Lakeshore Regional Medical Center"), (23, "St. Brigid's Hospital"), (6, "Lakeshore Regional Medical Center"),
             (13, "St. Brigid's Hospital"), (12, "Lakeshore Regional Medical Center"), (2, "Evergreen Behavioral Health"),
             (19, "Evergreen Behavioral Health"), (25, "St. Brigid's Hospital"), (14, "Lakeshore Regional Medical Center"),
             (27, "St. Brigid's Hospital"), (22, "Evergreen Behavioral Health")]
IMAGING = [x for x in PROC if x[1] in ("72148", "74177", "77066", "93306")]


def case(r, prov=None, pa=False):
    """Return (provider name, provider domain, procedure tuple, diagnosis tuple) that fit together."""
    pool = [c for c in CASES if (not pa or c[1] not in NO_PA) and (prov is None or prov in c[2])]
    if not pool:
        pool = [c for c in CASES if prov is None or prov in c[2]] or CASES
    di, code, provs = pick(r, pool)
    name = prov if prov is not None else pick(r, provs)
    dom = [x[1] for x in PROVIDERS if x[0] == name][0]
    return name, dom, [x for x in PROC if x[1] == code][0], DX[di]


def inpatient(r):
    di, fac = pick(r, INPATIENT)
    return fac, DX[di]

CONF_DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended "
    "recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, "
    "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the "
    "sender by reply e-mail and destroy all copies of the original message.",
    "This message may contain protected health information (PHI) that is privileged and confidential under "
    "HIPAA (45 CFR Parts 160 and 164). If you received this in error, notify the sender immediately and delete it.",
    "The information in this email is intended only for the addressee. If you are not the addressee, you are "
    "hereby notified that any disclosure, copying or distribution is strictly prohibited.",
    "[EXTERNAL EMAIL] Do not click links or open attachments unless you recognize the sender.",
    "Please consider the environment before printing this e-mail.",
    "Nothing in this message is intended to constitute an electronic signature unless a specific statement "
    "to the contrary is included.",
]

# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------

def pick(r, seq):
    return seq[r.randrange(len(seq))]


def person(r, with_middle=None):
    f, l = pick(r, FIRST), pick(r, LAST)
    if r.random() < 0.15:
        l2 = pick(r, LAST)
        if l2 != l:
            l = l + "-" + l2
    mid = pick(r, MIDDLE) if (with_middle if with_middle is not None else r.random() < 0.3) else ""
    byear = r.randint(1942, 2006)
    dob = date(byear, r.randint(1, 12), r.randint(1, 28))
    return {"first": f, "last": l, "mid": mid, "dob": dob,
            "full": f + (" " + mid + ". " if mid else " ") + l, "short": f + " " + l}


def kid(r, last):
    f = pick(r, FIRST)
    dob = date(r.randint(2008, 2021), r.randint(1, 12), r.randint(1, 28))
    return {"first": f, "last": last, "mid": "", "dob": dob, "full": f + " " + last, "short": f + " " + last}


def slug(s):
    s = s.lower().replace("'", "").replace(" ", "").replace(".", "")
    s = s.replace("á", "a").replace("é", "e").replace("í", "i").replace("ó", "o").replace("ú", "u").replace("ñ", "n")
    return re.sub(r"[^a-z0-9-]", "", s)


def personal_addr(r, p):
    f, l = slug(p["first"]), slug(p["last"].split("-")[0])
    style = r.randrange(6)
    local = [f + "." + l, f[0] + l, f + l[:3] + str(r.randint(1, 99)), l + "." + f, f + "_" + l + str(r.randint(60, 99)),
             f + str(r.randint(100, 9999))][style]
    return local + "@" + pick(r, FREEMAIL)


def work_addr(r, p, domain):
    f, l = slug(p["first"]), slug(p["last"].split("-")[0])
    return pick(r, [f + "." + l, f[0] + l, f + l[0], l + f[0]]) + "@" + domain


def rdate(r, start=date(2025, 6, 1), span=540):
    return start + timedelta(days=r.randrange(span))


def fdate(r, d, style=None):
    style = r.randrange(6) if style is None else style
    if style == 0:
        return d.strftime("%m/%d/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return d.strftime("%B ") + str(d.day) + d.strftime(", %Y")
    if style == 3:
        return str(d.day) + d.strftime(" %b %Y")
    if style == 4:
        return "%d/%d/%s" % (d.month, d.day, d.strftime("%y"))
    return d.strftime("%b ") + str(d.day) + d.strftime(", %Y")


def digits(r, n):
    return "".join(str(r.randrange(10)) for _ in range(n))


def letters(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def member_id(r):
    s = r.randrange(6)
    if s == 0:
        return letters(r, 3) + digits(r, 9)
    if s == 1:
        return "M-" + digits(r, 4) + "-" + digits(r, 4)
    if s == 2:
        return "W" + digits(r, 8) + "01"
    if s == 3:
        return digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4) + "-0" + str(r.randint(1, 4))
    if s == 4:
        return letters(r, 2) + digits(r, 7)
    return "1" + digits(r, 10) + letters(r, 1)


def claim_no(r):
    s = r.randrange(4)
    return [digits(r, 4) + "-" + digits(r, 6) + "-" + digits(r, 2), "CLM" + digits(r, 10),
            digits(r, 2) + letters(r, 1) + digits(r, 9), "E" + digits(r, 12)][s]


def ref_no(r, prefix=""):
    return prefix + pick(r, [digits(r, 8), letters(r, 2) + "-" + digits(r, 6), digits(r, 4) + "-" + digits(r, 4) + letters(r, 1),
                             letters(r, 3) + digits(r, 5)])


def mrn(r):
    return pick(r, ["MRN " + digits(r, 8), "MRN: " + digits(r, 3) + "-" + digits(r, 3) + "-" + digits(r, 3),
                    "Acct# " + digits(r, 9), "Patient ID " + letters(r, 1) + digits(r, 7)])


def npi(r):
    return "1" + digits(r, 9)


def money(x):
    return "${:,.2f}".format(x)


def phone(r):
    return "(%s) %s-%s" % (pick(r, ["312", "520", "937", "559", "518", "208", "478", "218", "915", "253", "808", "505", "800", "888"]),
                           digits(r, 3), digits(r, 4))


def address(r):
    c = pick(r, CITIES)
    return "%d %s" % (r.randint(12, 9800), pick(r, STREETS)), "%s, %s %s%s" % (c[0], c[1], c[2], digits(r, 2))


def _id(r, s):
    return s


def typo(r, text, rate=0.04):
    """Human-style noise: swapped letters, dropped apostrophes, lower-case i."""
    out = []
    for w in re.split(r"(\s+)", text):
        if w.strip() and r.random() < rate and len(w) > 3 and w.isalpha():
            i = r.randrange(len(w) - 1)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif w == "I" and r.random() < 0.25:
            w = "i"
        elif "'" in w and r.random() < 0.3:
            w = w.replace("'", "")
        out.append(w)
    return "".join(out)


def disclaimer(r, p=0.5):
    return ("\n\n" + pick(r, CONF_DISCLAIMERS)) if r.random() < p else ""


def sig(r, p, title, org, ph=True):
    lines = [pick(r, ["", "--", "Thanks,", "Regards,", "Best,", "Sincerely,", "Thank you,"]), p["full"] if r.random() < 0.5 else p["short"], title, org]
    if ph:
        ln = pick(r, ["Phone: ", "P: ", "Tel ", "Direct: "]) + phone(r)
        if r.random() < 0.35:
            ln += pick(r, ["  |  Fax: ", "  F: ", "\nFax "]) + phone(r)
        lines.append(ln)
    return "\n".join(x for x in lines if x is not None).lstrip("\n")


def esc_html(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_table(headers, rows, style=True):
    st = ' style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px"' if style else ""
    cell = ' style="border:1px solid #bbb;padding:4px 8px"' if style else ""
    h = "".join("<th%s>%s</th>" % (cell, esc_html(str(x))) for x in headers)
    b = "".join("<tr>" + "".join("<td%s>%s</td>" % (cell, esc_html(str(x))) for x in row) + "</tr>\n" for row in rows)
    return '<table%s border="1" cellspacing="0">\n<thead><tr>%s</tr></thead>\n<tbody>\n%s</tbody></table>' % (st, h, b)


def html_doc(title, body_html, brand="#1d4e89"):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n"
            "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">\n"
            "<div style=\"background:%s;color:#fff;padding:10px 16px;font-size:18px\">%s</div>\n"
            "<div style=\"padding:12px 16px\">\n%s\n</div></body></html>\n") % (esc_html(title), brand, esc_html(title), body_html)


def paras_html(text):
    return "\n".join("<p>%s</p>" % esc_html(p).replace("\n", "<br>") for p in text.split("\n\n") if p.strip())


def table_text(headers, rows):
    w = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = lambda row: "  ".join(str(x).ljust(w[i]) for i, x in enumerate(row)).rstrip()
    return "\n".join([line(headers), "  ".join("-" * x for x in w)] + [line(rw) for rw in rows])

# ----------------------------------------------------------------------------
# attachment builders (real, openable files)
# ----------------------------------------------------------------------------
ZIP_TS = (2026, 1, 5, 9, 30, 0)


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def xml_esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def make_csv(headers, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(headers)
    for row in rows:
        w.writerow(row)
    return buf.getvalue().encode("utf-8")


def _col(n):
    s = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def make_xlsx(sheets):
    """sheets: list of (name, headers, rows). Strings inline, numbers numeric."""
    wb_sheets, rels, ct, files = [], [], [], []
    for i, (name, headers, rows) in enumerate(sheets, 1):
        xml_rows = []
        for ri, row in enumerate([headers] + list(rows), 1):
            cells = []
            for ci, v in enumerate(row):
                ref = "%s%d" % (_col(ci), ri)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, ' s="1"' if ri == 1 else "", v))
                else:
                    cells.append('<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">%s</t></is></c>'
                                 % (ref, ' s="1"' if ri == 1 else "", xml_esc(v)))
            xml_rows.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
        sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 '<sheetData>%s</sheetData></worksheet>') % "".join(xml_rows)
        files.append(("xl/worksheets/sheet%d.xml" % i, sheet))
        wb_sheets.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (xml_esc(name[:31]), i, i))
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i)
    n = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (n + 1))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                     '%s</Types>') % "".join(ct)
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets>%s</sheets></workbook>') % "".join(wb_sheets)
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>') % "".join(rels)
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
              '</styleSheet>')
    return _zip([("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                 ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", wb_rels),
                 ("xl/styles.xml", styles)] + files)


def make_docx(blocks):
    """blocks: str paragraph | ('h', text) | ('table', [rows]) | ('field', label, value)."""
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def run(t, bold=False):
        return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ("<w:rPr><w:b/></w:rPr>" if bold else "", xml_esc(t))

    body = []
    for b in blocks:
        if isinstance(b, str):
            body.append("<w:p>%s</w:p>" % run(b))
        elif b[0] == "h":
            body.append('<w:p><w:pPr><w:spacing w:before="200" w:after="100"/></w:pPr>%s</w:p>' % run(b[1], True))
        elif b[0] == "field":
            body.append("<w:p>%s%s</w:p>" % (run(b[1] + ": ", True), run(b[2])))
        elif b[0] == "table":
            rows = []
            for ri, row in enumerate(b[1]):
                cells = "".join('<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>' % run(str(c), ri == 0) for c in row)
                rows.append("<w:tr>%s</w:tr>" % cells)
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
                        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
                        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
                        '</w:tblPr>%s</w:tbl><w:p/>' % "".join(rows))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
                '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
                '</w:body></w:document>') % (W, "".join(body))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    return _zip([("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)])


def _pdf_str(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines, title="Document"):
    """Simple multi-page PDF (Helvetica text) with a correct xref table."""
    wrapped = []
    for ln in lines:
        if ln.startswith("#"):
            wrapped.append(ln)
            continue
        wrapped.extend(textwrap.wrap(ln, 92) or [""])
    pages = [wrapped[i:i + 52] for i in range(0, len(wrapped), 52)] or [[""]]
    objs = []  # index 0 -> obj 1
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(None)  # pages, filled later
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for pg in pages:
        ops = ["BT", "/F1 10 Tf", "14 TL", "60 750 Td"]
        for ln in pg:
            if ln.startswith("#"):
                ops += ["/F2 12 Tf", "(%s) Tj" % _pdf_str(ln.lstrip("# ")), "T*", "/F1 10 Tf"]
            else:
                ops += ["(%s) Tj" % _pdf_str(ln), "T*"]
        ops.append("ET")
        stream = ("\n".join(ops) + "\n").encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        content_id = len(objs)
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content_id).encode())
        kids.append(len(objs))
    objs[1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode()
    objs.append(("<< /Title (%s) /Producer (DocGen 2.3) /CreationDate (D:20260105093000Z) >>" % _pdf_str(title)).encode("latin-1"))
    info_id = len(objs)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objs) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, info_id, xref)
    return bytes(out)


def ics_fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line + "\r\n"
    parts, cur, limit = [], b"", 75
    for ch in line:
        cb = ch.encode("utf-8")
        if len(cur) + len(cb) > limit:
            parts.append(cur)
            cur, limit = b" ", 75
        cur += cb
    parts.append(cur)
    return "\r\n".join(p.decode("utf-8") for p in parts) + "\r\n"


def ics_text(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(events, prodid="-//Clinical Research Scheduling//EN", uid_seed="x"):
    """events: list of dict(start datetime, minutes, summary, location, description)."""
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + prodid, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for i, e in enumerate(events):
        st = e["start"]
        en = st + timedelta(minutes=e.get("minutes", 60))
        uid = hashlib.sha1(("%s-%d" % (uid_seed, i)).encode()).hexdigest()[:20]
        out += ["BEGIN:VEVENT", "UID:%s@sched.example" % uid, "DTSTAMP:20260105T093000Z",
                "DTSTART:" + st.strftime("%Y%m%dT%H%M%S"), "DTEND:" + en.strftime("%Y%m%dT%H%M%S"),
                "SUMMARY:" + ics_text(e["summary"]), "LOCATION:" + ics_text(e.get("location", "")),
                "DESCRIPTION:" + ics_text(e.get("description", "")), "END:VEVENT"]
    out.append("END:VCALENDAR")
    return "".join(ics_fold(x) for x in out).encode("utf-8")


MIME_BY_EXT = {
    "csv": "text/csv", "pdf": "application/pdf", "ics": "text/calendar", "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain", "edi": "application/edi-x12",
}

# ----------------------------------------------------------------------------
# message assembly
# ----------------------------------------------------------------------------
from email.headerregistry import Address

FAMILIES = []  # (name, label, func)


def family(name, label):
    def deco(fn):
        FAMILIES.append((name, label, fn))
        return fn
    return deco


def addr(name, email_addr):
    local, dom = email_addr.split("@")
    return Address(display_name=name or "", username=local, domain=dom)


def msg_datetime(r, d=None):
    d = d or rdate(r)
    tz = timezone(timedelta(hours=pick(r, [-10, -8, -7, -6, -5, -4, 0])))
    return datetime(d.year, d.month, d.day, r.randint(6, 21), r.randrange(60), r.randrange(60), tzinfo=tz)


def fwd_block(r, frm, to, when, subject, body, outlook=None):
    outlook = r.random() < 0.5 if outlook is None else outlook
    if outlook:
        head = ("\n\n________________________________\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n\n"
                % (frm[0], frm[1], when.strftime("%A, %B %d, %Y %I:%M %p"), to[0] + " <" + to[1] + ">", subject))
    else:
        head = ("\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: %s <%s>\n\n"
                % (frm[0], frm[1], when.strftime("%a, %b %d, %Y at %I:%M %p"), subject, to[0], to[1]))
    return head + body


def quote_block(r, frm, when, body):
    if r.random() < 0.5:
        return "\n\nOn %s, %s <%s> wrote:\n" % (when.strftime("%a, %b %d, %Y at %I:%M %p"), frm[0], frm[1]) + \
            "\n".join("> " + x if x else ">" for x in body.split("\n"))
    return ("\n\n-----Original Message-----\nFrom: %s <%s>\nSent: %s\nSubject: %s\n\n" %
            (frm[0], frm[1], when.strftime("%m/%d/%Y %I:%M %p"), "(see below)")) + body


def build(spec, r):
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = addr(*spec["frm"])
    m["To"] = [addr(*t) for t in spec["to"]]
    if spec.get("cc"):
        m["Cc"] = [addr(*t) for t in spec["cc"]]
    m["Subject"] = spec["subject"]
    when = spec.get("when") or msg_datetime(r)
    m["Date"] = format_datetime(when)
    dom = spec["frm"][1].split("@")[1]
    m["Message-ID"] = "<%s.%s@%s>" % (when.strftime("%Y%m%d%H%M%S"), hashlib.sha1(repr(r.random()).encode()).hexdigest()[:16], dom)
    if spec.get("thread") == "reply":
        m["In-Reply-To"] = "<%s@%s>" % (hashlib.md5(repr(r.random()).encode()).hexdigest()[:20], pick(r, FREEMAIL))
    for k, v in spec.get("headers", {}).items():
        m[k] = v
    text, html = spec.get("text"), spec.get("html")
    if spec.get("html_only"):
        m.set_content(html, subtype="html")
    else:
        m.set_content(text)
        if html:
            m.add_alternative(html, subtype="html")
    for fn, data in spec.get("atts", []):
        ext = fn.rsplit(".", 1)[1].lower()
        mt, st = MIME_BY_EXT[ext].split("/")
        m.add_attachment(data, maintype=mt, subtype=st, filename=fn)
    if spec.get("eml_att") is not None:
        m.add_attachment(spec["eml_att"])
    n = 0
    for part in m.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary("=_b%d_%s" % (n, hashlib.sha1(repr(r.random()).encode()).hexdigest()[:24]))
    forms = ["html" if spec.get("html_only") else ("text+html" if html else "text")]
    if spec.get("thread"):
        forms.append(spec["thread"])
    forms += [fn.rsplit(".", 1)[1].lower() for fn, _ in spec.get("atts", [])]
    if spec.get("eml_att") is not None:
        forms.append("eml")
    return m.as_bytes(policy=policy.SMTP), "+".join(forms)


def inner_eml(r, frm, to, subject, text, when):
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = addr(*frm)
    m["To"] = addr(*to)
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = "<%s@%s>" % (hashlib.sha1(repr(r.random()).encode()).hexdigest()[:18], frm[1].split("@")[1])
    m.set_content(text)
    return m

# ============================================================================
# PHI families
# ============================================================================

def hello(r, p, formal=None):
    formal = r.random() < 0.5 if formal is None else formal
    if formal:
        return pick(r, ["Dear %s %s," % (pick(r, ["Mr.", "Ms.", "Mx."]), p["last"]), "Dear %s:" % p["full"], "Dear Member,"])
    return pick(r, ["Hi %s," % p["first"], "Hello %s," % p["first"], "%s -" % p["first"], "Good morning %s," % p["first"]])


@family("eob_statement", "phi")
def f_eob(r):
    payer, pdom = pick(r, PAYERS)
    prov, _, pr0, dx0 = case(r)
    m = person(r)
    pat = m if r.random() < 0.65 else kid(r, m["last"])
    mid = member_id(r)
    dos = rdate(r)
    lines = []
    for _ in range(r.randint(1, 4)):
        pr = pr0 if not lines else case(r, prov)[2]
        billed = pr[2] * r.uniform(0.8, 1.3)
        allowed = billed * r.uniform(0.35, 0.7)
        paid = allowed * r.choice([0.8, 0.9, 1.0, 0.7])
        lines.append((fdate(r, dos, 0), pr[0], pr[1], money(billed), money(allowed), money(paid), money(allowed - paid)))
    owe = sum(float(x[6][1:].replace(",", "")) for x in lines)
    cl = claim_no(r)
    t = r.randrange(3)
    frm = (payer + " Member Services", pick(r, ["noreply", "eob", "statements", "member.notices"]) + "@" + pdom)
    to = [(m["full"], personal_addr(r, m))]
    when = msg_datetime(r, dos + timedelta(days=r.randint(14, 60)))
    hdr = ["Date of service", "Service", "Code", "Billed", "Plan allowed", "Plan paid", "Your share"]
    if t == 0:
        intro = ("%s\n\nThis Explanation of Benefits (not a bill) shows how %s processed claim %s for %s, "
                 "patient %s, from %s." % (hello(r, m), payer, cl, "you" if pat is m else "your dependent", pat["full"], prov))
        text = intro + "\n\n" + table_text(hdr, lines) + "\n\nTotal you may owe the provider: %s\nMember ID: %s\n" % (money(owe), mid)
        if r.random() < 0.5:
            text += "\nDiagnosis reported on this claim: %s (%s)\n" % dx0
        text += "\nQuestions? Call the number on the back of your ID card." + disclaimer(r)
        html = html_doc(payer + " - Explanation of Benefits", paras_html(intro) + html_table(hdr, lines) +
                        "<p><b>Total you may owe:</b> %s</p><p>Member ID %s</p>" % (money(owe), mid))
        return dict(frm=frm, to=to, subject=pick(r, ["Your Explanation of Benefits", "EOB for claim %s" % cl, "Claim processed - %s" % pat["first"]]),
                    text=text, html=html, when=when, html_only=r.random() < 0.35)
    if t == 1:
        body = ("%s\n\nYour %s statement for services %s received at %s on %s is attached as a PDF. "
                "%s\n\nTo protect your privacy the attachment is addressed to the subscriber.\n\n%s Claims Department"
                % (hello(r, m), pick(r, ["Explanation of Benefits", "EOB", "claim summary"]),
                   "for " + pat["first"] if pat is not m else "you", prov, fdate(r, dos),
                   pick(r, ["The claim was paid at the in-network level.", "Part of the claim was applied to your deductible.",
                            "One line was denied; see the remark codes.", ""]), payer)) + disclaimer(r)
        pdf = make_pdf(["# " + payer, "EXPLANATION OF BENEFITS - THIS IS NOT A BILL", "",
                        "Subscriber: %s    Member ID: %s" % (m["full"], mid), "Patient: %s    DOB: %s" % (pat["full"], fdate(r, pat["dob"], 0)),
                        "Provider: %s    Claim: %s" % (prov, cl), "Diagnosis: %s (%s)" % dx0, ""] +
                       [" | ".join(hdr)] + [" | ".join(x) for x in lines] + ["", "Total patient responsibility: %s" % money(owe),
                        "Remark N130: Consult plan benefit documents for information about restrictions."], "EOB")
        return dict(frm=frm, to=to, subject=pick(r, ["Explanation of Benefits attached", "Your EOB (claim %s)" % cl, "New claim statement"]),
                    text=body, atts=[("EOB_%s.pdf" % cl.replace("-", ""), pdf)], when=when)
    # short plain, no name in text
    pr = pr0
    text = pick(r, [
        "We processed the claim for your %s on %s. Plan paid %s; your share is %s.\n\nMember ID %s",
        "Claim update: %s, date of service %s. Paid by plan: %s. Amount you owe the provider: %s.\nID: %s",
        "Good news - your claim for %s (%s) has been processed. We paid %s and you may be billed %s. Ref %s"]) % (
        pr[0], fdate(r, dos), money(pr[2] * 0.5), money(pr[2] * 0.1), mid)
    return dict(frm=frm, to=to, subject=pick(r, ["Claim processed", "Your claim update", "EOB ready"]), text=text + disclaimer(r, 0.3), when=when)


@family("claim_denial", "phi")
def f_denial(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom, pr, dx = case(r)
    p = person(r)
    pr, dx = pr, dx
    dos = rdate(r)
    cl = claim_no(r)
    reason = pick(r, [("CO-50", "the service was not medically necessary based on the records submitted"),
                      ("CO-197", "precertification/authorization was not obtained"),
                      ("CO-11", "the diagnosis is inconsistent with the procedure billed"),
                      ("CO-96", "the service is a non-covered charge under the member's plan"),
                      ("CO-151", "the frequency of services exceeds the plan limit")])
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nRE: %s, Member ID %s, Claim %s\n\nWe have reviewed the claim for %s (CPT %s) performed on %s by %s. "
                "The claim is denied because %s (reason code %s). Diagnosis billed: %s, %s.\n\n"
                "You have the right to appeal within 180 days of this notice. %s\n\nUtilization Review Department\n%s"
                % (hello(r, p, True), p["full"], member_id(r), cl, pr[0], pr[1], fdate(r, dos), prov, reason[1], reason[0],
                   dx[1], dx[0], pick(r, ["Send your appeal with any supporting medical records.", "A peer-to-peer review may be requested by the treating physician.", ""]),
                   payer)) + disclaimer(r)
        return dict(frm=(payer + " Appeals & Grievances", "ag@" + pdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Notice of adverse benefit determination", "Claim %s denied" % cl, "Important: claim decision"]), text=text)
    if t == 1:
        rows = []
        for _ in range(r.randint(3, 8)):
            q, (_n, _d, pp, dd) = person(r), case(r, prov)
            rc = pick(r, ["CO-50", "CO-197", "CO-16", "PR-96", "CO-11", "CO-29"])
            rows.append((q["last"].upper() + ", " + q["first"].upper(), member_id(r), fdate(r, rdate(r), 0), pp[1], dd[1], money(pp[2]), rc))
        hdr = ["Patient", "Member ID", "DOS", "CPT", "Dx", "Billed", "Denial"]
        intro = "Denied lines from the %s remittance (check/EFT %s) for %s. Please work these before timely filing." % (
            fdate(r, rdate(r)), digits(r, 10), prov)
        st = person(r)
        return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Denials Team", "denials@" + vdom)],
                    subject=pick(r, ["835 denials to work - %s" % payer, "Denials this week (%s)" % payer, "FW: remit denials"]),
                    text=intro + "\n\n" + table_text(hdr, rows) + "\n\n" + sig(r, st, "AR Specialist", prov),
                    html=html_doc("Denial worklist", "<p>%s</p>%s" % (esc_html(intro), html_table(hdr, rows))))
    st = person(r)
    letter = ["# " + payer, "NOTICE OF DENIAL", "", fdate(r, dos + timedelta(days=40), 2), "", p["full"],
              "Member ID: %s   Date of birth: %s" % (member_id(r), fdate(r, p["dob"], 0)), "Claim number: %s" % cl, "",
              "Service: %s (%s) on %s at %s" % (pr[0], pr[1], fdate(r, dos), prov),
              "Diagnosis: %s (%s)" % (dx[0], dx[1]), "",
              "Decision: Denied. Reason: %s (%s)." % (reason[1], reason[0]),
              "Clinical criteria applied: %s Medical Policy %s." % (payer, ref_no(r, "MP-")), "",
              "How to appeal: submit a written request within 180 days."]
    text = typo(r, "%s, attaching the denial we got for %s's %s. %s" % (
        pick(r, ["Hi team", "Hey", "Morning all", "FYI"]), p["first"], pr[0].split(",")[0],
        pick(r, ["Can someone pull the op note so we can appeal?", "We did have an auth on file, I think this is wrong.",
                 "Pt is upset, please call her back.", "Not sure if we should rebill with a modifier."]))) + "\n\n" + st["first"]
    return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Billing", "billing@" + vdom)],
                subject=pick(r, ["denial - %s" % p["last"], "Denial letter attached", "Re: %s claim" % p["first"]]),
                text=text, atts=[("denial_%s.pdf" % slug(p["last"]), make_pdf(letter, "Denial notice"))])


@family("appeal_letter", "phi")
def f_appeal(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom, pr, dx = case(r)
    p, doc = person(r), person(r)
    pr, dx = pr, dx
    dos = rdate(r)
    cl = claim_no(r)
    history = pick(r, ["has failed six weeks of conservative therapy including physical therapy and NSAIDs",
                       "has had progressive symptoms despite two prior medications",
                       "presented with worsening pain limiting ambulation to less than one block",
                       "was hospitalized twice in the last year for the same condition",
                       "has documented imaging findings that meet the plan's own criteria"])
    t = r.randrange(3)
    if t == 0:
        letter = ["# Letter of Medical Necessity / First-Level Appeal", "", fdate(r, dos + timedelta(days=50), 2),
                  "To: %s Appeals Unit" % payer, "Patient: %s   DOB: %s   Member ID: %s" % (p["full"], fdate(r, p["dob"], 0), member_id(r)),
                  "Claim: %s   Date of service: %s" % (cl, fdate(r, dos)), "",
                  "I am writing to appeal the denial of %s (CPT %s) for my patient, who carries a diagnosis of %s (%s). "
                  "The patient %s. Without this service the patient is at risk of further decline." % (pr[0], pr[1], dx[0], dx[1], history),
                  "", "Please overturn the denial. Office notes and imaging reports are enclosed.", "",
                  "Sincerely,", "Dr. " + doc["full"], prov]
        blocks = [("h", l.lstrip("# ")) if l.startswith("#") else l for l in letter]
        text = "Please find attached the appeal for claim %s (%s). Records to follow by fax.\n\n%s" % (
            cl, p["full"], sig(r, person(r), "Appeals Coordinator", prov)) + disclaimer(r)
        return dict(frm=("Appeals - " + prov, "appeals@" + vdom), to=[(payer + " Appeals", "appeals@" + pdom)],
                    subject=pick(r, ["Appeal - claim %s" % cl, "Level 1 appeal: %s" % p["last"], "Reconsideration request"]),
                    text=text, atts=[("Appeal_%s_%s.docx" % (slug(p["last"]), cl[-4:]), make_docx(blocks))])
    if t == 1:
        body = typo(r, pick(r, [
            "To whom it may concern,\n\nI am appealing your decision to deny my %s from %s. My doctor ordered it because of my %s and I %s. "
            "I have been a member for years and I pay my premiums on time. Please reconsider.\n\n%s\nMember ID %s",
            "Hello,\n\nThis is my appeal for the %s on %s. You said it wasnt necessary but I have %s and I %s. "
            "Attached is the note from my doctor. I need this decided quickly.\n\nThanks\n%s\nID# %s"]) % (
            pr[0], fdate(r, dos), dx[0], pick(r, ["could not work for three weeks", "was in constant pain", "tried everything else first",
                                                  "was told there is no alternative"]), p["short"], member_id(r)))
        return dict(frm=(p["short"], personal_addr(r, p)), to=[(payer + " Grievances", "grievances@" + pdom)],
                    subject=pick(r, ["Appeal", "appeal of denial", "Please reconsider my claim", "Formal appeal - " + p["last"]]), text=body)
    orig_from = (payer + " Provider Relations", "provrel@" + pdom)
    when = msg_datetime(r)
    inner = ("The second-level appeal for %s (%s, DOS %s) was upheld. The records did not show %s. "
             "External review is available." % (p["full"], pr[0], fdate(r, dos), pick(r, ["failure of conservative care", "the required imaging", "a specialist evaluation"])))
    st = person(r)
    top = typo(r, pick(r, ["Dr. %s - see below. Do you want to request external review for %s? We have until %s." ,
                           "FYI Dr %s, appeal lost again for %s. deadline for IRO is %s"])) % (doc["last"], p["first"], fdate(r, dos + timedelta(days=120)))
    if r.random() < 0.5:
        return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Dr. " + doc["short"], work_addr(r, doc, vdom))],
                    subject="FW: Appeal decision - " + p["last"], thread="fwd", text=top + "\n\n" + st["first"] + "\n\n(original message attached)",
                    eml_att=inner_eml(r, orig_from, (st["full"], work_addr(r, st, vdom)), "Appeal decision", inner + disclaimer(r, 0.7), when))
    return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Dr. " + doc["short"], work_addr(r, doc, vdom))],
                subject="FW: Appeal decision - " + p["last"], thread="fwd",
                text=top + "\n\n" + st["first"] + fwd_block(r, orig_from, (st["full"], work_addr(r, st, vdom)), when, "Appeal decision", inner + disclaimer(r, 0.7)))

PA_PROC = [x for x in PROC if x[1] not in ("99285", "99214", "A0427", "97161")]


@family("prior_auth_request", "phi")
def f_pa_req(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom, pr, dx = case(r, pa=True)
    p, doc, st = person(r), person(r), person(r)
    pr, dx = pr, dx
    want = rdate(r)
    t = r.randrange(3)
    if t == 0:
        blocks = [("h", "PRIOR AUTHORIZATION REQUEST FORM"), ("field", "Health plan", payer),
                  ("field", "Member name", p["full"]), ("field", "Date of birth", fdate(r, p["dob"], 0)),
                  ("field", "Member ID", member_id(r)), ("field", "Requesting provider", "Dr. %s (NPI %s)" % (doc["full"], npi(r))),
                  ("field", "Facility", prov), ("h", "Requested service"),
                  ("table", [["CPT/HCPCS", "Description", "Units", "Requested date"], [pr[1], pr[0], str(r.randint(1, 12)), fdate(r, want, 0)]]),
                  ("field", "Primary diagnosis", "%s - %s" % (dx[1], dx[0])),
                  ("field", "Clinical summary", pick(r, ["Symptoms for 4 months, failed PT x 8 visits.", "Prior imaging inconclusive; worsening neuro findings.",
                                                         "Patient intolerant of first-line therapy.", "Urgent - symptoms affecting daily function."])),
                  ("field", "Urgency", pick(r, ["Standard", "Expedited (72 hours)"]))]
        text = pick(r, ["Please see attached PA request. Clinicals attached separately.", "Attached prior auth form for review, thank you.",
                        "Submitting the attached precert request. Please confirm receipt."]) + "\n\n" + sig(r, st, "Referral Coordinator", prov) + disclaimer(r)
        return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Utilization Management", "um@" + pdom)],
                    subject=pick(r, ["PA request - %s" % p["last"], "Prior authorization request", "Precert %s %s" % (pr[1], p["last"].upper())]),
                    text=text, atts=[("PA_request_%s.docx" % slug(p["last"]), make_docx(blocks))])
    if t == 1:
        if r.random() < 0.5:
            text = "Hi, following up on the PA we faxed on %s for %s (DOB %s), %s, dx %s. Can you tell me the status? Ref %s" % (
                fdate(r, want - timedelta(days=9)), p["full"], fdate(r, p["dob"], 0), pr[0], dx[1], ref_no(r))
        else:
            text = "Good afternoon - checking on auth for %s, DOB %s, for %s. Diagnosis code %s. Our ref # %s. Patient is scheduled %s and we need a decision." % (
                p["short"], fdate(r, p["dob"], 0), pr[0], dx[1], ref_no(r), fdate(r, want))
        text = typo(r, text)
        return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[(payer + " Provider Services", "provider.services@" + pdom)],
                    subject=pick(r, ["auth status?", "PA follow up", "Status of precert - " + p["last"]]),
                    text=text + "\n\n" + st["first"] + "\n" + prov)
    lines = ["# %s - Prior Authorization Request" % prov, "", "Date: %s" % fdate(r, want - timedelta(days=14)),
             "Patient: %s    DOB: %s    Sex: %s" % (p["full"], fdate(r, p["dob"], 0), pick(r, ["F", "M"])),
             "Insurance: %s    ID: %s" % (payer, member_id(r)), "Ordering: Dr. %s" % doc["full"], "",
             "Requested: %s (%s)" % (pr[0], pr[1]), "ICD-10: %s %s" % (dx[1], dx[0]), "",
             "History: %s. %s" % (pick(r, ["Onset %d months ago" % r.randint(2, 18), "Chronic, worsening", "New diagnosis this year"]),
                                  pick(r, ["Conservative management failed.", "Specialist recommends procedure.", "Meets InterQual criteria."]))]
    text = "Precertification request for %s attached (PDF). Please fax determination to %s.\n\n%s" % (p["short"], phone(r), sig(r, st, "Prior Auth Specialist", prov))
    return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("UM Intake", "intake@" + pdom)],
                subject="Precert request " + ref_no(r), text=text + disclaimer(r),
                atts=[("precert_%s.pdf" % digits(r, 6), make_pdf(lines, "Prior authorization request"))])


@family("prior_auth_decision", "phi")
def f_pa_dec(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom, pr, dx = case(r, pa=True)
    p = person(r)
    pr, dx = pr, dx
    auth = ref_no(r, pick(r, ["A", "PA", "AUTH-", ""]))
    start = rdate(r)
    approved = r.random() < 0.6
    t = r.randrange(3)
    if t == 0:
        rows = [("Authorization #", auth), ("Member", p["full"]), ("DOB", fdate(r, p["dob"], 0)), ("Service", "%s (%s)" % (pr[0], pr[1])),
                ("Diagnosis", "%s %s" % (dx[1], dx[0])), ("Decision", "APPROVED" if approved else "NOT APPROVED"),
                ("Valid", "%s - %s" % (fdate(r, start, 0), fdate(r, start + timedelta(days=90), 0)) if approved else "n/a"),
                ("Units", str(r.randint(1, 20)) if approved else "0")]
        body = "<p>The following utilization management determination has been made:</p>" + html_table(["Field", "Value"], rows)
        if not approved:
            body += "<p>Reason: clinical information did not meet criteria. A peer-to-peer discussion may be requested within 14 days.</p>"
        text = "Utilization management determination\n\n" + "\n".join("%s: %s" % x for x in rows) + "\n"
        return dict(frm=(payer + " UM", "um-notify@" + pdom), to=[(prov, "referrals@" + vdom)],
                    subject="Authorization %s - %s" % (auth, "approved" if approved else "determination"),
                    html_only=r.random() < 0.4, text=text + disclaimer(r, 0.8), html=html_doc("Authorization determination", body + "<p><small>%s</small></p>" % CONF_DISCLAIMERS[1]))
    if t == 1:
        text = pick(r, [
            "%s\n\nGood news: your request for %s has been %s. Authorization number %s is valid from %s. Your provider, %s, has also been notified.",
            "%s\n\nWe reviewed the request from %s for %s. Decision: %s. Reference %s. Effective %s.",
        ])
        if text.count("%s") == 6 and "Good news" in text and approved:
            text = text % (hello(r, p), pr[0], "approved", auth, fdate(r, start), prov)
        else:
            text = ("%s\n\nWe reviewed the request from %s for %s to treat %s. Decision: %s. Reference %s. Effective %s.\n\n%s" % (
                hello(r, p), prov, pr[0], dx[0], "approved" if approved else "denied - the information provided does not show the service is medically necessary",
                auth, fdate(r, start), "You or your doctor may appeal." if not approved else ""))
        return dict(frm=(payer, "notices@" + pdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Your prior authorization decision", "Update on your %s request" % pr[0].split(" ")[0], "Authorization notice"]),
                    text=text.strip() + disclaimer(r, 0.5))
    st = person(r)
    text = _id(r, pick(r, ["Auth came back for %s - %s, #%s, %d visits through %s. Go ahead and schedule.",
                            "%s's %s got %s. ref %s. Let her know pls", "FYI %s %s auth: %s (%s). file updated"])) 
    if text.startswith("Auth"):
        text = text % (p["short"], pr[0], auth, r.randint(4, 24), fdate(r, start + timedelta(days=60)))
    elif text.startswith("FYI"):
        text = text % (p["first"], p["last"], "approved" if approved else "denied", auth)
    else:
        text = text % (p["first"], pr[0], "approved" if approved else "denied", auth)
    text = typo(r, text)
    return dict(frm=(st["full"], work_addr(r, st, vdom)), to=[("Front Desk", "frontdesk@" + vdom)],
                subject=pick(r, ["auth", "Re: auth for " + p["last"], "approved!", "PA update"]), text=text + "\n" + st["first"])


@family("cob_inquiry", "phi")
def f_cob(r):
    payer, pdom = pick(r, PAYERS)
    prov, _, pr, dx0 = case(r)
    m = person(r)
    pat = m if r.random() < 0.5 else kid(r, m["last"])
    pr = pr
    dos = rdate(r)
    t = r.randrange(3)
    q = ("we received a claim from %s for %s on %s for %s. Before we can process it, we need to know whether %s has other "
         "health coverage (for example through a spouse's employer, Medicare, or an auto policy if the treatment was accident related)."
         % (prov, pr[0], fdate(r, dos), pat["full"], "the patient"))
    if t == 0:
        text = "%s\n\nOur records show %s Please complete the coordination of benefits questionnaire in your member portal or reply to this message within 30 days, or the claim may be denied.\n\nMember ID: %s\nClaim: %s\n\nCOB Unit\n%s" % (
            hello(r, m, True), q, member_id(r), claim_no(r), payer)
        return dict(frm=(payer + " COB Unit", "cob@" + pdom), to=[(m["full"], personal_addr(r, m))],
                    subject=pick(r, ["Other insurance information needed", "Coordination of benefits - action required", "Claim on hold"]),
                    text=text + disclaimer(r))
    if t == 1:
        pat = kid(r, m["last"])
        q = q.replace(q[q.index(" for ", q.index(" on ")):q.index(". Before")], " for " + pat["full"])
        other = pick(r, PAYERS)[0]
        orig = "%s\n\n%s" % (hello(r, m, True), q[0].upper() + q[1:])
        text = typo(r, pick(r, ["yes %s also has %s through my wife's job, that should be primary for the %s. Policy # %s.",
                                "Hi - %s is covered under %s too (her dad's plan). It was the %s. Group %s",
                                "Yes. %s has secondary coverage with %s. The %s was not an accident. ID %s"]) % (
            pat["first"], other, pr[0].split(",")[0], member_id(r)))
        return dict(frm=(m["short"], personal_addr(r, m)), to=[(payer + " COB Unit", "cob@" + pdom)],
                    subject="Re: Other insurance information needed", thread="reply",
                    text=text + "\n\n" + m["first"] + quote_block(r, (payer + " COB Unit", "cob@" + pdom), msg_datetime(r, dos + timedelta(days=30)), orig))
    st = person(r)
    text = ("Hello,\n\nWe are the secondary payer for %s (DOB %s). Please send the primary EOB for the %s on %s "
            "so we can coordinate. Your claim %s lists diagnosis %s.\n\n%s" % (
                pat["full"], fdate(r, pat["dob"], 0), pr[0], fdate(r, dos), claim_no(r), dx0[1], sig(r, st, "COB Analyst", payer)))
    return dict(frm=(st["full"], work_addr(r, st, pdom)), to=[("Billing Office", "billing@" + pick(r, PROVIDERS)[1])],
                subject="COB - primary EOB needed - " + pat["last"], text=text + disclaimer(r))


@family("patient_statement", "phi")
def f_stmt(r):
    biller, bdom = pick(r, BILLERS)
    prov, _, pr0, dx0 = case(r)
    p = person(r)
    acct = digits(r, 8)
    rows, tot = [], 0
    d = rdate(r)
    for _ in range(r.randint(1, 5)):
        pr = pr0 if not rows else case(r, prov)[2]
        chg = round(pr[2] * r.uniform(0.5, 1.2), 2)
        ins = round(chg * r.uniform(0.5, 0.9), 2)
        rows.append((fdate(r, d, 0), pr[0], money(chg), money(ins), money(chg - ins)))
        tot += chg - ins
        d += timedelta(days=r.randint(0, 20))
    hdr = ["Date", "Description", "Charges", "Insurance paid/adj", "Patient balance"]
    due = d + timedelta(days=30)
    t = r.randrange(3)
    if t == 0:
        intro = "%s\n\nHere is your statement from %s for account %s. Amount due: %s by %s." % (hello(r, p), prov, acct, money(tot), fdate(r, due))
        html = html_doc("Patient statement - " + prov, paras_html(intro) + html_table(hdr, rows) + "<p><a href=\"https://pay.%s/\">Pay online</a></p>" % bdom)
        return dict(frm=(biller + " on behalf of " + prov, "statements@" + bdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Your statement is ready", "Statement from " + prov, "Balance due " + money(tot)]),
                    text=intro + "\n\n" + table_text(hdr, rows), html=html, html_only=r.random() < 0.45)
    if t == 1:
        street, city = address(r)
        pdf = make_pdf(["# " + prov, "c/o " + biller, "", "STATEMENT DATE: " + fdate(r, d, 0), "ACCOUNT: " + acct, "",
                        p["full"].upper(), street.upper(), city.upper(), ""] + [" | ".join(hdr)] + [" | ".join(x) for x in rows] +
                       ["", "AMOUNT DUE: " + money(tot), "DUE DATE: " + fdate(r, due, 0)], "Statement")
        text = "%s\n\nYour statement for account %s is attached. %s\n\n%s Customer Service %s" % (
            hello(r, p), acct, pick(r, ["Payment plans are available.", "You can pay online or by phone.", ""]), biller, phone(r))
        return dict(frm=(biller, "noreply@" + bdom), to=[(p["full"], personal_addr(r, p))],
                    subject="Statement for account " + acct, text=text, atts=[("statement_%s.pdf" % acct, make_pdf.__call__(["x"]) if False else pdf)])
    pr = pr0
    text = ("%s\n\nYou have a balance of %s for the %s on %s. Your insurance has paid its portion. "
            "Reply to set up a payment plan or call %s.\n\n%s\n%s Patient Accounts" % (
                hello(r, p, False), money(pr[2] * 0.12), pr[0], fdate(r, rdate(r)), phone(r), pick(r, ["Billing Team", "Patient Financial Services"]), prov))
    return dict(frm=(prov + " Billing", "billing@" + [x[1] for x in PROVIDERS if x[0] == prov][0]), to=[(p["full"], personal_addr(r, p))],
                subject=pick(r, ["Balance reminder", "Account balance", "About your recent visit bill"]), text=text + disclaimer(r, 0.4))


@family("collections_notice", "phi")
def f_coll(r):
    coll, cdom = pick(r, COLLECTORS)
    prov, _, pr, dx0 = case(r)
    p = person(r)
    pr = pr
    dos = rdate(r, date(2024, 6, 1), 400)
    bal = pr[2] * r.uniform(0.1, 0.6)
    acct = ref_no(r)
    t = r.randrange(3)
    svc = "%s on %s" % (pr[0], fdate(r, dos))
    if t == 0:
        text = ("%s\n\nThis communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.\n\n"
                "Original creditor: %s\nService: %s\nAccount: %s\nBalance: %s\n\n"
                "Unless you dispute the validity of this debt within 30 days, we will assume it is valid. %s\n\n%s"
                % (hello(r, p, True), prov, svc, acct, money(bal), pick(r, ["Settlement options are available.", "Call us to discuss a payment arrangement.", ""]), coll))
        return dict(frm=(coll, "notices@" + cdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Notice regarding account " + acct, "Validation notice", "Important account information"]), text=text)
    if t == 1:
        street, city = address(r)
        pdf = make_pdf(["# " + coll, "VALIDATION NOTICE", "", fdate(r, rdate(r), 2), "", p["full"], street, city, "",
                        "Creditor: " + prov, "Reference: " + acct, "Itemization: " + svc, "Amount of the debt: " + money(bal), "",
                        "How can you dispute the debt? Call or write to us by the date shown."], "Validation notice")
        text = "%s\n\nPlease see the attached letter concerning your account with %s for %s.\n\n%s\n%s" % (
            hello(r, p, True), prov, pr[0], coll, phone(r))
        return dict(frm=(coll, "letters@" + cdom), to=[(p["full"], personal_addr(r, p))], subject="Letter regarding your account",
                    text=text, atts=[("notice_%s.pdf" % acct.replace("-", ""), pdf)])
    text = _id(r, pick(r, [
        "I got a letter from you about %s from %s. I already paid this, my insurance covered the %s. Please stop calling me at work. Account %s.",
        "Hello I am disputing the account %s. The %s bill for the %s should have gone to workers comp. I want it in writing.",
    ]))
    text = text % ((money(bal), prov, pr[0], acct) if text.startswith("I got") else (acct, prov, pr[0]))
    text = typo(r, text)
    return dict(frm=(p["short"], personal_addr(r, p)), to=[(coll, "disputes@" + cdom)], subject=pick(r, ["dispute", "Account " + acct, "wrong bill"]),
                text=text + "\n\n" + p["short"])

@family("pbm_formulary_exception", "phi")
def f_pbm_exc(r):
    pbm, bdom = pick(r, PBMS)
    prov, vdom = pick(r, PROVIDERS)
    p, doc = person(r), person(r)
    drug, di = pick(r, DRUGS)
    dx = DX[di]
    ok = r.random() < 0.55
    case = ref_no(r, "FE-")
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nWe have completed review of the formulary exception request submitted by Dr. %s for %s. "
                "Decision: %s.%s\n\nCase number: %s\nMember ID: %s\n\nClinical Pharmacy Review\n%s" % (
                    hello(r, p, True), doc["last"], drug, "APPROVED through " + fdate(r, rdate(r, date(2026, 9, 1), 300)) if ok else "DENIED",
                    "" if ok else " The plan requires a trial of two preferred alternatives for %s before this medication is covered." % dx[0],
                    case, member_id(r), pbm))
        return dict(frm=(pbm + " Clinical Review", "clinical@" + bdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Formulary exception decision", "Coverage decision for your medication", "Case %s decision" % case]),
                    text=text + disclaimer(r))
    if t == 1:
        lines = ["# " + pbm, "COVERAGE DETERMINATION - FORMULARY EXCEPTION", "", "Prescriber: Dr. %s   NPI %s" % (doc["full"], npi(r)),
                 "Patient: %s   DOB %s" % (p["full"], fdate(r, p["dob"], 0)), "Drug requested: " + drug,
                 "Diagnosis submitted: %s (%s)" % dx, "Prior therapies: %s" % pick(r, ["metformin, glipizide", "methotrexate x 6 months", "two SSRIs", "none documented", "topical steroids, phototherapy"]),
                 "", "Determination: %s" % ("Approved - quantity limit override, 12 months" if ok else "Denied - step therapy criteria not met")]
        st = person(r)
        text = "Attached is the determination for %s. %s\n\n%s" % (p["short"], "Please notify the patient." if ok else "Prescriber may submit additional documentation.",
                                                                   sig(r, st, "Pharmacy Technician", pbm))
        return dict(frm=(st["full"], work_addr(r, st, bdom)), to=[("Dr. " + doc["short"], work_addr(r, doc, vdom))],
                    subject="Coverage determination " + case, text=text + disclaimer(r), atts=[("determination_%s.pdf" % case, make_pdf(lines, "Determination"))])
    ma = person(r)
    text = _id(r, pick(r, [
        "Hi Dr. %s, %s's insurance (%s) denied the %s again, they want her to try the preferred one first. Do you want to do the exception letter or switch? Her %s is still flaring.",
        "Dr %s - PBM (%s) approved the exception for %s, %s. good thru next year. I let the pharmacy know. dx on file %s.",
    ]))
    if "denied" in text:
        text = text % (doc["last"], p["first"], pbm, drug.split(" ")[0], dx[0])
    else:
        text = text % (doc["last"], pbm, p["short"], drug, dx[1])
    text = typo(r, text)
    return dict(frm=(ma["full"], work_addr(r, ma, vdom)), to=[("Dr. " + doc["short"], work_addr(r, doc, vdom))],
                subject=pick(r, ["exception", p["last"] + " - med coverage", "re: " + drug.split(" ")[0]]), text=text + "\n" + ma["first"])


@family("pbm_mail_order", "phi")
def f_mail(r):
    pbm, bdom = pick(r, PBMS)
    p = person(r)
    drug, di = pick(r, [x for x in DRUGS if "infusion" not in x[0]])
    order = digits(r, 9)
    t = r.randrange(4)
    ship = rdate(r)
    trk = "1Z" + letters(r, 3) + digits(r, 11)
    if t == 0:
        rows = [("Order #", order), ("Medication", drug), ("Quantity", "3 pens" if "pen" in drug else "1 inhaler" if "inhaler" in drug else "30 films" if "film" in drug else "2 syringes" if "syringe" in drug else pick(r, ["90 tablets", "30 tablets", "90-day supply"])),
                ("Rx #", digits(r, 7)), ("Shipped", fdate(r, ship, 0)), ("Tracking", trk), ("Copay", money(r.choice([0, 10, 25, 45, 90])))]
        intro = "%s your order has shipped." % pick(r, ["Good news,", "Hi " + p["first"] + ",", "Hello,"])
        html = html_doc(pbm, "<p>%s</p>%s<p>Keep refrigerated items cold on arrival.</p>" % (esc_html(intro), html_table(["", ""], rows)), "#0a7d5a")
        return dict(frm=(pbm, "orders@" + bdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Your order has shipped", "Order %s shipped" % order]),
                    text=intro + "\n\n" + "\n".join("%s: %s" % x for x in rows), html=html)
    if t == 1:
        text = pick(r, ["It's time to refill your %s. Reply YES or call %s to schedule. Days remaining: %d.",
                        "Refill reminder: your %s is due for refill. Call %s. You have about %d days of medication left.",
                        "Don't run out! %s refill due. %s. approx %d days on hand."]) % (drug, phone(r), r.randint(3, 14))
        return dict(frm=(pbm + " Reminders", "reminders@" + bdom), to=[("", personal_addr(r, p))], subject=pick(r, ["Refill reminder", "Time to refill", "Action needed: refill"]), text=text)
    if t == 2:
        text = ("%s\n\nWe could not ship your %s (Rx %s) because %s. Please %s.\n\n%s Member Care" % (
            hello(r, p), drug, digits(r, 7), pick(r, ["a new prescription is required", "the prior authorization expired", "we were unable to charge your card on file",
                                                   "your doctor's office has not responded"]),
            pick(r, ["contact your doctor", "call us at " + phone(r), "log in to update your information"]), pbm))
        return dict(frm=(pbm, "care@" + bdom), to=[(p["full"], personal_addr(r, p))], subject="We could not process your order", text=text + disclaimer(r, 0.3))
    text = typo(r, pick(r, ["my %s never arrived, tracking says delivered but its not here. order %s. I only have 2 days left",
                            "Hi, the %s came warm, the ice packs were melted. Order %s. Is it still ok to use??",
                            "please cancel the auto refill on %s, order %s, my doctor changed my dose"]) % (drug.split(" (")[0], order))
    return dict(frm=(p["short"], personal_addr(r, p)), to=[(pbm + " Support", "support@" + bdom)], subject=pick(r, ["order " + order, "problem with delivery", "help"]),
                text=text + "\n" + p["first"])


@family("care_management_outreach", "phi")
def f_cm(r):
    payer, pdom = pick(r, PAYERS)
    p, nurse = person(r), person(r)
    fac, dx = inpatient(r)
    t = r.randrange(4)
    if t == 0:
        text = ("%s\n\nMy name is %s and I am a registered nurse care manager with %s. I'm reaching out because we noticed you were recently "
                "discharged from %s after a stay for %s. I'd like to schedule a short call to review your medications and make sure you have a "
                "follow-up appointment within 7 days.\n\n%s" % (hello(r, p), nurse["full"], payer, fac, dx[0],
                                                              sig(r, nurse, "RN, Care Manager", payer)))
        return dict(frm=(nurse["full"], work_addr(r, nurse, pdom)), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Checking in after your hospital stay", "Your care team at " + payer, "Follow-up after discharge"]), text=text + disclaimer(r))
    if t == 1:
        a1c = round(r.uniform(7.6, 11.4), 1)
        text = ("%s\n\nYou're invited to join our Diabetes Care Program at no cost. Your most recent A1c on file was %s%%, and a health coach can help you "
                "set goals, get a free glucose meter and connect with a dietitian.%s\n\nReply to this email or call %s.\n\n%s" % (
                    hello(r, p), a1c, pick(r, ["", " We also see that your annual eye exam is overdue."]), phone(r), payer + " Health Programs"))
        return dict(frm=(payer + " Health Programs", "healthprograms@" + pdom), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["A program for your diabetes", "You're eligible: Diabetes Care Program", "Support for managing your blood sugar"]), text=text)
    if t == 2:
        text = _id(r, pick(r, [
            "Hi %s, thanks for the call yesterday. As discussed, I set up the home health visit for your wound check and sent your %s list to Dr. %s. Weigh yourself every morning and call if you gain more than 3 lbs.",
            "%s - following up on our talk. I enrolled you in the %s program, first coaching call is next Tues. Keep logging your readings!",
            "Hi %s, I wasn't able to reach you by phone. Your pharmacy told us you haven't picked up your %s since last month. Is everything ok? Call me back when you can.",
        ]))
        if "wound" in text:
            text = text % (p["first"], "medication", person(r)["last"])
        elif "program" in text:
            text = text % (p["first"], pick(r, ["heart failure", "COPD", "high-risk pregnancy", "asthma", "behavioral health"]))
        else:
            text = text % (p["first"], pick(r, DRUGS)[0])
        text = typo(r, text)
        return dict(frm=(nurse["full"], work_addr(r, nurse, pdom)), to=[(p["short"], personal_addr(r, p))],
                    subject=pick(r, ["Following up", "our call", "checking in", "Care plan"]), text=text + "\n\n" + nurse["first"] + ", RN")
    text = typo(r, pick(r, [
        "Hi %s, yes you can call me thursday after 2. I am doing better, the swelling in my legs is down. I still dont have a ride to the cardiologist though.",
        "%s, thank you. I have a question about my new inhaler - do I use it every day or only when Im short of breath?",
        "Please take me off the program list. I already have a therapist for my depression and dont need the calls.",
    ]))
    if "%s" in text:
        text = text % nurse["first"]
    return dict(frm=(p["short"], personal_addr(r, p)), to=[(nurse["full"], work_addr(r, nurse, pdom))], subject="Re: " + pick(r, ["Following up", "Care program", "checking in"]),
                thread="reply", text=text + "\n\n" + p["first"] + quote_block(r, (nurse["full"], work_addr(r, nurse, pdom)), msg_datetime(r), "Hi %s, just checking in on how you are doing. -%s" % (p["first"], nurse["first"])))


STUDIES = [("GLEAM-2", "a once-weekly oral therapy for type 2 diabetes", 0), ("ARBOR-HF", "a device-guided program for heart failure", 23),
           ("NOVA-RA", "an investigational JAK inhibitor in rheumatoid arthritis", 5), ("CLEARSKIN-3", "a topical cream for atopic dermatitis", 20),
           ("BRIDGE-MDD", "a digital therapeutic for major depression", 2), ("RESTORE-OA", "an injection for knee osteoarthritis", 4),
           ("BREATHE-COPD", "a triple-therapy inhaler in COPD", 6), ("MIGRA-PREV", "a monthly migraine prevention injection", 11)]
SITES = [("Lakeshore Clinical Research Unit", "lakeshoreregional.org"), ("Copperleaf Research Institute", "copperleafheart.com"),
         ("Mesa Verde Trials Center", "mesaverdefm.com")]


@family("trial_enrollment", "phi")
def f_trial(r):
    study, desc, di = pick(r, STUDIES)
    site, sdom = pick(r, SITES)
    p, crc = person(r), person(r)
    pid = "%s-%03d-%04d" % (study.split("-")[0][:3], r.randint(1, 40), r.randint(1, 999))
    start = rdate(r)
    visits = []
    d = datetime(start.year, start.month, start.day, r.choice([8, 9, 10, 13]), r.choice([0, 30]))
    names = ["Screening", "Baseline / Randomization", "Week 2", "Week 4", "Week 8", "Week 12", "End of treatment"]
    tasks = ["fasting blood draw, ECG", "dose dispensing, questionnaires", "vital signs, diary review", "labs, pregnancy test if applicable",
             "study drug accountability", "imaging", "safety labs"]
    for i, n in enumerate(names[: r.randint(3, 7)]):
        visits.append((n, d, pick(r, tasks)))
        d += timedelta(days=r.choice([7, 14, 14, 28]))
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nThank you for enrolling in the %s study of %s. Your participant ID is %s. Your upcoming visits are below and in the attached calendar file.\n\n%s\n\n"
                "Please come fasting (nothing but water after midnight) to the visits marked with labs, and bring your study diary.\n\n%s" % (
                    hello(r, p), study, desc, pid, "\n".join("%s - %s (%s)" % (v[0], v[1].strftime("%a %b %d %I:%M %p"), v[2]) for v in visits),
                    sig(r, crc, "Clinical Research Coordinator", site)))
        ics = make_ics([dict(start=v[1], minutes=90, summary="%s study visit: %s" % (study, v[0]), location=site,
                             description="Participant %s (%s). %s" % (p["full"], pid, v[2])) for v in visits], uid_seed=pid)
        return dict(frm=(crc["full"], work_addr(r, crc, sdom)), to=[(p["full"], personal_addr(r, p))],
                    subject=pick(r, ["Welcome to the %s study" % study, "%s enrollment confirmation and visit schedule" % study, "Your study visits"]),
                    text=text + disclaimer(r), atts=[("%s_visits.ics" % study, ics)])
    if t == 1:
        text = typo(r, pick(r, [
            "Hi %s, reminder that your %s visit for %s is %s. Fasting please! Parking validation at the front desk.",
            "%s - just confirming %s (%s) on %s. Don't forget your diary and the used pens.",
        ]) % (p["first"], visits[1][0], study, visits[1][1].strftime("%A %m/%d at %I:%M %p")) if r.random() < 2 else "")
        return dict(frm=(crc["full"], work_addr(r, crc, sdom)), to=[(p["short"], personal_addr(r, p))],
                    subject=pick(r, ["Visit reminder", study + " visit tomorrow", "see you soon"]), text=text + "\n\n" + crc["first"])
    rows = [(p["full"], pid, fdate(r, p["dob"], 1), study, DX[di][1], v[0], v[1].strftime("%Y-%m-%d %H:%M")) for v in visits]
    hdr = ["Participant", "Subject ID", "DOB", "Protocol", "Dx", "Visit", "Scheduled"]
    text = "Hi %s,\n\nNew enrollment at our site, schedule attached for the pharmacy so drug can be ordered.\n\n%s" % (person(r)["first"], sig(r, crc, "CRC", site))
    return dict(frm=(crc["full"], work_addr(r, crc, sdom)), to=[("Investigational Pharmacy", "idspharmacy@" + sdom)],
                subject="New enrollment - " + pid, text=text + disclaimer(r), atts=[("enrollment_%s.csv" % pid, make_csv(hdr, rows))])

SURGERIES = ["knee replacement surgery", "a hysterectomy", "rotator cuff repair", "spinal fusion", "gallbladder surgery",
             "cardiac bypass surgery", "a mastectomy", "hip replacement", "ACL reconstruction", "hernia repair"]
CONDITIONS = ["cancer treatment (chemotherapy)", "recovery from a heart attack", "treatment for major depression", "a high-risk pregnancy",
              "an inpatient alcohol treatment program", "complications of Crohn's disease", "a severe back injury",
              "recovery from a stroke", "long COVID", "kidney dialysis three times a week", "postpartum recovery"]


@family("hr_medical_leave", "phi")
def f_hr_leave(r):
    emp, edom = pick(r, EMPLOYERS)
    e, hr, mgr = person(r), person(r), person(r)
    why = pick(r, SURGERIES + CONDITIONS)
    start = rdate(r)
    end = start + timedelta(weeks=r.randint(2, 12))
    t = r.randrange(6)
    if t == 5:
        text = typo(r, pick(r, ["Hi %s - I'll be out tomorrow for my infusion, back Thursday. Laptop with me if anything urgent.",
                                "%s, heads up my surgery got moved up to %s so I'll need to start my leave early. Sending the doctor's note to HR.",
                                "Morning %s. Migraine again, not going to make it in today. Will log on later if the meds kick in.",
                                "%s, the cardiologist wants me in a monitor for 2 weeks and no driving, so I need to work from home till %s."]))
        n = text.count("%s")
        text = text % tuple([mgr["first"], fdate(r, start, 5)][:n])
        return dict(frm=(e["full"], work_addr(r, e, edom)), to=[(mgr["full"], work_addr(r, mgr, edom))], subject=pick(r, ["out tomorrow", "leave", "today", "WFH", ""]) or "(no subject)",
                    text=text + pick(r, ["", "\n" + e["first"], "\n\nSent from my phone"]))

    if t == 0:
        text = ("%s\n\nYour request for leave under the Family and Medical Leave Act has been approved. Based on the certification from your provider, "
                "your leave for %s is designated as FMLA leave from %s through %s. %s\n\nPlease send a fitness-for-duty note before you return.\n\n%s" % (
                    hello(r, e), why, fdate(r, start), fdate(r, end), pick(r, ["Short-term disability has been notified.", "Your benefits continue during leave.", ""]),
                    sig(r, hr, pick(r, ["HR Business Partner", "Leave Administrator", "Benefits Specialist"]), emp)))
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(e["full"], work_addr(r, e, edom))],
                    subject=pick(r, ["FMLA approval", "Your leave request", "Leave designation notice"]), text=text + disclaimer(r))
    if t == 1:
        text = _id(r, pick(r, [
            "Hi team, heads up that %s will be out starting %s for %s. Probably back around %s. Please route her tickets to me in the meantime and don't bug her with work stuff.",
            "All - %s is having %s on %s and will be on leave for a few weeks. Cards/flowers in the break room if you want to sign.",
            "%s let me know she's starting %s next week so she'll be out %s through at least %s. Keep it confidential please.",
        ]))
        if text.startswith("Hi team"):
            text = text % (e["first"], fdate(r, start), why, fdate(r, end))
        elif text.startswith("All"):
            text = text % (e["first"], pick(r, SURGERIES), fdate(r, start))
        else:
            text = text % (e["first"], pick(r, ["chemotherapy", "radiation treatment", "an intensive outpatient program for depression", "dialysis",
                                                 "rehab after her stroke", "treatment for a Crohn's flare", "IV antibiotics for a bone infection"]), fdate(r, start), fdate(r, end))
        text = typo(r, text)
        return dict(frm=(mgr["full"], work_addr(r, mgr, edom)), to=[("Team", "team-" + pick(r, ["ops", "finance", "support", "dev"]) + "@" + edom)],
                    subject=pick(r, ["coverage while %s is out" % e["first"], "out of office - " + e["first"], "team update"]), text=text + "\n\n" + mgr["first"])
    if t == 2:
        cond = pick(r, ["type 1 diabetes", "an anxiety disorder", "rheumatoid arthritis", "hearing loss", "epilepsy", "ADHD", "chronic migraines", "a back injury"])
        acc = pick(r, ["a sit/stand desk and breaks every two hours", "flexibility to attend weekly therapy appointments",
                       "permission to keep snacks and a glucose meter at my workstation", "working from home two days a week", "a quiet workspace"])
        text = typo(r, "Hi %s,\n\nI'd like to request a reasonable accommodation. I have %s and my doctor recommends %s. I can get a note from my provider if needed. Who should I send the paperwork to?\n\nThanks,\n%s" % (
            hr["first"], cond, acc, e["first"]))
        return dict(frm=(e["full"], work_addr(r, e, edom)), to=[(hr["full"], work_addr(r, hr, edom))],
                    subject=pick(r, ["Accommodation request", "ADA request", "request - confidential"]), text=text)
    if t == 3:
        restr = pick(r, ["no lifting over 10 lbs", "no standing more than 2 hours at a time", "4-hour shifts for two weeks", "no driving company vehicles while on the new medication"])
        surg = pick(r, SURGERIES)
        surg = surg[2:] if surg.startswith("a ") else surg
        orig = "Please find attached my return to work note from Dr. %s after my %s. Restrictions: %s." % (person(r)["last"], surg, restr)
        top = typo(r, "%s - forwarding %s's RTW note. Can we accommodate %s on the %s line starting %s?" % (
            mgr["first"], e["first"], restr, pick(r, ["packing", "assembly", "front desk", "night"]), fdate(r, end)))
        if r.random() < 0.5:
            return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(mgr["full"], work_addr(r, mgr, edom))], thread="fwd", subject="FW: return to work",
                        text=top + "\n\n" + hr["first"], eml_att=inner_eml(r, (e["full"], personal_addr(r, e)), (hr["full"], work_addr(r, hr, edom)), "return to work", orig, msg_datetime(r, end - timedelta(days=3))))
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(mgr["full"], work_addr(r, mgr, edom))], thread="fwd",
                    subject="FW: return to work", text=top + "\n\n" + hr["first"] + fwd_block(r, (e["full"], personal_addr(r, e)), (hr["full"], work_addr(r, hr, edom)), msg_datetime(r, end - timedelta(days=3)), "return to work", orig))
    blocks = [("h", emp + " - Designation Notice (Form WH-382)"), ("field", "Employee", e["full"]), ("field", "Employee ID", digits(r, 6)),
              ("field", "Date", fdate(r, start - timedelta(days=5))), ("field", "Reason for leave", why),
              ("field", "Leave type", pick(r, ["Continuous", "Intermittent", "Reduced schedule"])), ("field", "Approved dates", "%s to %s" % (fdate(r, start, 0), fdate(r, end, 0))),
              ("field", "Hours counted against entitlement", str(r.randint(80, 480))), "Your leave is designated as FMLA-protected.",
              ("field", "Prepared by", hr["full"])]
    text = "%s\n\nAttached is your designation notice. Let me know if you have any questions.\n\n%s" % (hello(r, e), sig(r, hr, "Leave Administrator", emp))
    return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(e["full"], personal_addr(r, e))], subject="Designation notice",
                text=text + disclaimer(r), atts=[("WH-382_%s.docx" % slug(e["last"]), make_docx(blocks))])


@family("disability_claim", "phi")
def f_dis(r):
    ins, idom = pick(r, LIFEINS)
    emp, edom = pick(r, EMPLOYERS)
    e, ex = person(r), person(r)
    dx = pick(r, DX)
    onset = rdate(r)
    cl = ref_no(r, "STD")
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nWe have approved your short-term disability claim %s. Benefits are payable from %s through %s based on the medical information from your "
                "treating provider for %s. We will contact your provider for an update before %s.\n\n%s" % (
                    hello(r, e, True), cl, fdate(r, onset + timedelta(days=7)), fdate(r, onset + timedelta(days=49)), dx[0],
                    fdate(r, onset + timedelta(days=42)), sig(r, ex, "Disability Claims Examiner", ins)))
        return dict(frm=(ex["full"], work_addr(r, ex, idom)), to=[(e["full"], personal_addr(r, e))], subject=pick(r, ["Claim approved", "STD claim " + cl, "Your disability claim"]), text=text + disclaimer(r))
    if t == 1:
        rows = [(e["full"], digits(r, 6), cl, fdate(r, onset, 0), pick(r, ["Approved", "Pending medical", "Extended"]), fdate(r, onset + timedelta(days=60), 0))]
        for _ in range(r.randint(1, 5)):
            q = person(r)
            rows.append((q["full"], digits(r, 6), ref_no(r, "STD"), fdate(r, rdate(r), 0), pick(r, ["Approved", "Pending medical", "Closed - RTW", "Denied"]), fdate(r, rdate(r), 0)))
        hdr = ["Employee", "Emp ID", "Claim", "Disability date", "Status", "Expected RTW"]
        text = "Hello %s,\n\nAttached is the weekly open-claims report for %s. One claim (%s) was extended after the attending physician reported %s.\n\n%s" % (
            person(r)["first"], emp, e["first"] + " " + e["last"][0] + ".", pick(r, ["post-surgical complications", "a new cardiac finding", "ongoing chemotherapy", "delayed healing"]),
            sig(r, ex, "Account Manager", ins))
        return dict(frm=(ex["full"], work_addr(r, ex, idom)), to=[("HR Benefits", "benefits@" + edom)], subject="Weekly STD/LTD claims report - " + emp,
                    text=text + disclaimer(r), atts=[("claims_report_%s.xlsx" % digits(r, 6), make_xlsx([("Open claims", hdr, rows)]))])
    lines = ["# " + ins, "Attending Physician Statement request", "", "Claimant: %s   DOB %s" % (e["full"], fdate(r, e["dob"], 0)), "Claim: " + cl,
             "Reported condition: %s (%s)" % dx, "Date last worked: " + fdate(r, onset, 0), "",
             "Please provide office notes from %s to present, restrictions and limitations, and expected return-to-work date." % fdate(r, onset - timedelta(days=90), 0)]
    text = "Please see the attached request regarding your patient %s. A signed authorization is on file.\n\n%s" % (e["full"], sig(r, ex, "Claims Examiner", ins))
    return dict(frm=(ex["full"], work_addr(r, ex, idom)), to=[("Medical Records", "records@" + pick(r, PROVIDERS)[1])], subject="APS request - claim " + cl,
                text=text + disclaimer(r), atts=[("APS_request_%s.pdf" % cl, make_pdf(lines, "APS request"))])


@family("underwriting_records_request", "phi")
def f_uw(r):
    ins, idom = pick(r, LIFEINS)
    p, uw, agent = person(r), person(r), person(r)
    dx = pick(r, DX)
    pol = ref_no(r, "L")
    t = r.randrange(3)
    if t == 0:
        text = ("Hi %s,\n\nQuick update on %s (app %s, face amount %s). The application discloses %s treated by Dr. %s, and the paramed exam showed %s. "
                "I've ordered an APS and we'll need it before I can make an offer - likely %s.\n\n%s" % (
                    agent["first"], p["full"], pol, money(r.choice([250000, 500000, 1000000, 750000])), dx[0], person(r)["last"],
                    pick(r, ["elevated blood pressure 152/96", "an A1c of 7.9", "elevated liver enzymes", "a BMI of 36", "nothing remarkable"]),
                    pick(r, ["Standard", "Table 2", "a postpone", "Preferred if records are clean"]), sig(r, uw, "Senior Underwriter", ins)))
        return dict(frm=(uw["full"], work_addr(r, uw, idom)), to=[(agent["full"], personal_addr(r, agent))], subject="%s - underwriting update" % p["last"], text=text + disclaimer(r))
    if t == 1:
        prov, vdom = pick(r, PROVIDERS)
        lines = ["# " + ins + " - Request for Medical Records", "", "Proposed insured: " + p["full"], "Date of birth: " + fdate(r, p["dob"], 0),
                 "Policy/application: " + pol, "", "Please furnish copies of records for the last 5 years, including:",
                 "- Office notes and problem list", "- Lab results and imaging", "- Records relating to %s (%s)" % dx, "",
                 "A HIPAA-compliant authorization signed by the proposed insured is enclosed. Fee up to $35 will be paid."]
        text = "%s\n\nAttached is a records request and signed authorization for your patient %s (DOB %s). Please fax to %s.\n\n%s" % (
            pick(r, ["Good morning,", "Hello,", "To the Records Department:"]), p["full"], fdate(r, p["dob"], 0), phone(r), sig(r, uw, "Underwriting Assistant", ins))
        return dict(frm=(uw["full"], work_addr(r, uw, idom)), to=[(prov + " HIM", "him@" + vdom)], subject="Records request - " + p["last"] + " - " + pol,
                    text=text + disclaimer(r), atts=[("records_request_%s.pdf" % pol, make_pdf(lines, "Records request"))])
    text = typo(r, pick(r, [
        "%s - the underwriter came back on %s. They want the APS from the cardiologist because of the %s. Can you ask him to sign the new HIPAA form?",
        "hey %s, %s's policy got rated because of the %s history. offer is table 4. want me to shop it?",
    ]) % (agent["first"] if False else person(r)["first"], p["short"], dx[0]))
    return dict(frm=(agent["full"], personal_addr(r, agent)), to=[("", personal_addr(r, person(r)))], subject=pick(r, ["Re: " + p["last"] + " app", "life app update"]), text=text + "\n" + agent["first"])


@family("legal_records", "phi")
def f_legal(r):
    firm, fdom = pick(r, LAWFIRMS)
    prov, vdom = pick(r, PROVIDERS)
    c, para, adj = person(r), person(r), person(r)
    doi = rdate(r, date(2024, 9, 1), 500)
    inj = pick(r, ["cervical strain and a concussion", "a fractured left wrist", "lumbar disc herniation at L4-L5", "a torn meniscus", "whiplash and post-traumatic headaches",
                   "a rotator cuff tear", "second-degree burns to the right forearm"])
    t = r.randrange(4)
    if t == 0:
        text = ("%s\n\nThis office represents %s (DOB %s) for injuries sustained in a motor vehicle collision on %s. Pursuant to the enclosed authorization, please "
                "provide complete records and itemized billing for all treatment from %s to present, including ER records, imaging, and physical therapy notes.\n\n%s" % (
                    pick(r, ["To the Custodian of Records:", "Dear Records Department,", "Greetings,"]), c["full"], fdate(r, c["dob"], 0), fdate(r, doi), fdate(r, doi, 0),
                    sig(r, para, "Paralegal", firm)))
        return dict(frm=(para["full"], work_addr(r, para, fdom)), to=[(prov + " Records", "roi@" + vdom)], subject="Records request - our client " + c["full"],
                    text=text + disclaimer(r, 0.9))
    if t == 1:
        total = r.uniform(8000, 95000)
        text = ("%s,\n\nEnclosed please find our settlement demand for %s. Ms./Mr. %s was diagnosed with %s following the %s incident and underwent %s. "
                "Medical specials to date total %s. Treatment is ongoing.\n\n%s" % (
                    "Dear " + adj["full"], c["full"], c["last"], inj, fdate(r, doi), pick(r, ["eleven weeks of physical therapy", "surgery on " + fdate(r, doi + timedelta(days=40)),
                                                                                                 "two epidural injections", "an MRI and orthopedic follow-up"]),
                    money(total), sig(r, person(r), "Attorney at Law", firm)))
        blocks = [("h", "SETTLEMENT DEMAND"), ("field", "Claimant", c["full"]), ("field", "Date of loss", fdate(r, doi)), ("field", "Injuries", inj),
                  ("table", [["Provider", "Dates", "Charges"], [prov, fdate(r, doi, 0), money(total * 0.6)], ["Three Rivers Physical Therapy", "ongoing", money(total * 0.4)]])]
        return dict(frm=(para["full"], work_addr(r, para, fdom)), to=[(adj["full"], work_addr(r, adj, pick(r, PAYERS)[1]))], subject="Demand - " + c["last"] + " v. " + pick(r, LAST),
                    text=text, atts=[("Demand_%s.docx" % slug(c["last"]), make_docx(blocks))])
    if t == 2:
        emp = pick(r, EMPLOYERS)[0]
        text = ("Counsel,\n\nRe: %s v. %s, WC claim %s, DOI %s.\n\nThe IME with Dr. %s found %s has reached MMI for %s with a %d%% impairment rating. "
                "Per the treating physician, permanent restrictions are %s. We are prepared to discuss resolution.\n\n%s" % (
                    c["full"], emp, ref_no(r, "WC"), fdate(r, doi, 0), person(r)["last"], c["first"], inj, r.randint(3, 18),
                    pick(r, ["no lifting over 25 lbs", "no overhead work", "sedentary duty only"]), sig(r, adj, "Claims Adjuster", pick(r, PAYERS)[0])))
        return dict(frm=(adj["full"], work_addr(r, adj, pick(r, PAYERS)[1])), to=[(para["full"], work_addr(r, para, fdom))], subject="WC - %s - IME results" % c["last"], text=text + disclaimer(r))
    orig = "Attached are the records for %s, dates of service %s through %s. Invoice enclosed." % (c["full"], fdate(r, doi, 0), fdate(r, doi + timedelta(days=90), 0))
    top = typo(r, pick(r, ["Records from %s came in. ER note confirms %s, PT notes show improvement but still limited ROM. Please calendar the depo.",
                           "got %s records today - they diagnosed %s. we should add the ortho bills to the demand"]) % (prov, inj))
    return dict(frm=(para["full"], work_addr(r, para, fdom)), to=[("Attorney", work_addr(r, person(r), fdom))], thread="fwd", subject="FW: records - " + c["last"],
                text=top + "\n" + para["first"] + fwd_block(r, (prov + " ROI", "roi@" + vdom), (para["full"], work_addr(r, para, fdom)), msg_datetime(r), "Records", orig))


REPORTABLE = [("pertussis", "A37.90"), ("salmonellosis", "A02.0"), ("active tuberculosis", "A15.0"), ("hepatitis C, acute", "B17.10"),
              ("Lyme disease", "A69.20"), ("measles", "B05.9"), ("shigellosis", "A03.9"), ("legionellosis", "A48.1"), ("syphilis, secondary", "A51.39"),
              ("invasive meningococcal disease", "A39.9")]


@family("public_health_case_report", "phi")
def f_ph(r):
    hd, hdom = pick(r, HEALTHDEPTS)
    prov, vdom = pick(r, PROVIDERS)
    p, icp, epi = person(r), person(r), person(r)
    dis = pick(r, REPORTABLE)
    onset = rdate(r)
    street, city = address(r)
    t = r.randrange(3)
    if t == 0:
        hdr = ["Last", "First", "DOB", "Sex", "Address", "Phone", "Condition", "ICD-10", "Onset", "Specimen date", "Result"]
        rows = [(p["last"], p["first"], fdate(r, p["dob"], 0), pick(r, ["F", "M"]), street + ", " + city, phone(r), dis[0], dis[1], fdate(r, onset, 0),
                 fdate(r, onset + timedelta(days=3), 0), pick(r, ["PCR positive", "Culture positive", "IgM reactive"]))]
        text = "Attached is a case report for a reportable condition. %s\n\n%s" % (pick(r, ["Patient was notified.", "Provider has started treatment.", ""]),
                                                                                     sig(r, icp, "Infection Preventionist", prov))
        return dict(frm=(icp["full"], work_addr(r, icp, vdom)), to=[("Epidemiology", "epi@" + hdom)], subject=pick(r, ["Reportable disease case report", "Case report - " + dis[0], "ELR follow-up"]),
                    text=text + disclaimer(r, 0.9), atts=[("case_report_%s.csv" % digits(r, 5), make_csv(hdr, rows))])
    if t == 1:
        text = ("%s\n\nI'm the county epidemiologist following up on the %s report for %s (DOB %s) received %s. Could you send the vaccination history and "
                "confirm whether the patient attends %s? We need to identify close contacts.\n\n%s" % (
                    pick(r, ["Hi,", "Good afternoon,", "Hello " + icp["first"] + ","]), dis[0], p["full"], fdate(r, p["dob"], 0), fdate(r, onset + timedelta(days=5)),
                    pick(r, ["a daycare", "a school", "a long-term care facility", "a food service job"]), sig(r, epi, "Epidemiologist", hd)))
        return dict(frm=(epi["full"], work_addr(r, epi, hdom)), to=[(icp["full"], work_addr(r, icp, vdom))], subject="Case follow-up: " + p["last"], text=text + disclaimer(r))
    text = ("%s\n\nOur records show you were in close contact with a person diagnosed with %s. We'd like to talk with you about testing and preventive treatment. "
            "Please call %s. Your information is confidential.\n\n%s" % (hello(r, p), dis[0], phone(r), hd + " Disease Investigation"))
    return dict(frm=(hd, "di@" + hdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Important health information", "Please contact the health department"]), text=text)


@family("roi_request", "phi")
def f_roi(r):
    prov, vdom, pr, dx0 = case(r)
    p, him = person(r), person(r)
    pr = pr
    dos = rdate(r)
    t = r.randrange(3)
    if t == 0:
        text = typo(r, pick(r, [
            "Hello, I need a copy of my records from my %s on %s, including the pathology report. Can you send them to this email? My DOB is %s.",
            "Hi - I'm switching doctors and need my records sent over, especially the %s from %s. DOB %s. Thank you",
        ]) % (pr[0], fdate(r, dos), fdate(r, p["dob"], 0)))
        return dict(frm=(p["short"], personal_addr(r, p)), to=[(prov + " Medical Records", "records@" + vdom)], subject=pick(r, ["records request", "copy of my records", "Medical records"]),
                    text=text + "\n\n" + p["short"])
    if t == 1:
        rows = [("Operative report", fdate(r, dos, 0), r.randint(2, 6)), ("Discharge summary", fdate(r, dos + timedelta(days=2), 0), r.randint(2, 5)),
                ("Pathology", fdate(r, dos, 0), 1), ("Radiology - " + pick(r, IMAGING)[0], fdate(r, dos - timedelta(days=10), 0), r.randint(1, 3))]
        rows = rows[: r.randint(2, 4)]
        text = ("Request %s for %s (DOB %s) has been fulfilled. Documents released:\n\n%s\n\nRequester: %s\nPurpose: %s\n\n%s" % (
            ref_no(r, "ROI-"), p["full"], fdate(r, p["dob"], 0), table_text(["Document", "Date", "Pages"], rows), pick(r, LAWFIRMS + LIFEINS)[0],
            pick(r, ["legal", "insurance", "continuity of care", "disability"]), sig(r, him, "Release of Information Specialist", prov)))
        return dict(frm=(him["full"], work_addr(r, him, vdom)), to=[("Requester", "records@" + pick(r, LAWFIRMS)[1])], subject="ROI request fulfilled",
                    text=text + disclaimer(r), html=html_doc("Release of information", "<p>%s - %s</p>%s" % (esc_html(p["full"]), fdate(r, p["dob"], 0), html_table(["Document", "Date", "Pages"], rows))))
    blocks = [("h", "AUTHORIZATION FOR RELEASE OF HEALTH INFORMATION"), ("field", "Patient name", p["full"]), ("field", "Date of birth", fdate(r, p["dob"], 0)),
              ("field", "Release from", prov), ("field", "Release to", pick(r, LAWFIRMS + LIFEINS)[0]),
              ("field", "Information to be released", "Records of %s on %s; %s" % (pr[0], fdate(r, dos), pick(r, ["including mental health notes", "excluding psychotherapy notes", "all labs"]))),
              ("field", "Expires", fdate(r, dos + timedelta(days=365))), ("field", "Signature", "/s/ " + p["full"])]
    lf, ldom = pick(r, LAWFIRMS)
    text = "Attached is the signed authorization for %s. Please process.\n\n%s" % (p["full"], sig(r, him, "Records Clerk", lf))
    return dict(frm=(him["full"], work_addr(r, him, ldom)), to=[(prov + " HIM", "him@" + vdom)], subject="Signed authorization - " + p["last"],
                text=text + disclaimer(r), atts=[("authorization_%s.docx" % slug(p["last"]), make_docx(blocks))])


@family("member_export", "phi")
def f_export(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom = pick(r, PROVIDERS)
    st = person(r)
    kind = r.randrange(3)
    rows = []
    for _ in range(r.randint(6, 30)):
        q = person(r)
        dx = pick(r, DX)
        if kind == 0:
            rows.append((member_id(r), q["last"], q["first"], fdate(r, q["dob"], 1), dx[1], pick(r, ["A1c overdue", "Eye exam due", "Statin adherence < 80%", "Colorectal screening due", "BP not controlled"]),
                         fdate(r, rdate(r), 1)))
        elif kind == 1:
            fac, dx = inpatient(r)
            rows.append((q["full"], member_id(r), fdate(r, rdate(r), 1), fac, dx[1], dx[0], r.randint(1, 9)))
        else:
            rows.append((q["last"] + ", " + q["first"], fdate(r, q["dob"], 0), pick(r, DRUGS)[0], r.choice([30, 90]), round(r.uniform(0.3, 0.79), 2)))
    hdr = [["Member ID", "Last", "First", "DOB", "Dx", "Care gap", "Last visit"],
           ["Member", "Member ID", "Admit date", "Facility", "Dx code", "Diagnosis", "LOS"],
           ["Member", "DOB", "Drug", "Days supply", "PDC"]][kind]
    title = ["Care gap list", "Inpatient admissions", "Adherence outliers"][kind]
    text = "%s\n\nAttached is the %s for %s %s. %s\n\n%s" % (
        pick(r, ["Hi all,", "Team,", "Hello " + person(r)["first"] + ","]), title.lower(), prov if kind == 0 else "your attributed panel,",
        fdate(r, rdate(r), 2), pick(r, ["Please outreach before quarter end.", "Sent via secure mail per the BAA.", "Let me know if any members are not yours."]),
        sig(r, st, pick(r, ["Quality Analyst", "Population Health Analyst", "Provider Engagement"]), payer))
    if r.random() < 0.5:
        att = ("%s_%s.xlsx" % (title.replace(" ", "_"), digits(r, 4)), make_xlsx([(title, hdr, rows)]))
    else:
        att = ("%s_%s.csv" % (title.replace(" ", "_").lower(), digits(r, 4)), make_csv(hdr, rows))
    return dict(frm=(st["full"], work_addr(r, st, pdom)), to=[("Care Team", "careteam@" + vdom)], subject=pick(r, ["[SECURE] " + title, title + " - " + prov, "Monthly " + title.lower()]),
                text=text + disclaimer(r, 0.8), atts=[att])


@family("patient_billing_inquiry", "phi")
def f_pbi(r):
    prov, vdom, pr, dx0 = case(r)
    p, cs = person(r), person(r)
    pr = pr
    dos = rdate(r)
    t = r.randrange(3)
    if t == 0:
        text = _id(r, pick(r, [
            "Why was I charged %s for the %s? I was told it was covered as preventive.",
            "hi, can I get an itemized bill for my %s on %s? insurance says the code is wrong",
            "I got two bills for the same %s (%s). Please fix.",
            "Can I set up a payment plan for the %s? I can do $50 a month.",
        ]))
        n = text.count("%s")
        args = [money(pr[2] * 0.2), pr[0]] if text.startswith("Why") else [pr[0], fdate(r, dos)][:n]
        text = text % tuple(args[:n])
        text = typo(r, text)
        return dict(frm=(p["short"] if r.random() < 0.6 else "", personal_addr(r, p)), to=[("Billing", "billing@" + vdom)],
                    subject=pick(r, ["bill question", "question about my bill", "Acct " + digits(r, 7), "?", "charge"]), text=text + pick(r, ["", "\n\n" + p["first"], "\n\nSent from my iPhone"]))
    if t == 1:
        orig = typo(r, "Why did I get a bill for the %s? I thought my deductible was met." % pr[0])
        text = ("%s\n\nThank you for reaching out. The %s on %s was billed to %s on %s. They applied %s to your coinsurance, which is why you received a statement. "
                "If you believe this is incorrect, please contact your plan.\n\n%s" % (
                    hello(r, p), pr[0], fdate(r, dos), pick(r, PAYERS)[0], fdate(r, dos + timedelta(days=4)), money(pr[2] * 0.15), sig(r, cs, "Patient Account Representative", prov)))
        return dict(frm=(cs["full"], work_addr(r, cs, vdom)), to=[(p["full"], personal_addr(r, p))], subject="Re: bill question", thread="reply",
                    text=text + quote_block(r, (p["short"], personal_addr(r, p)), msg_datetime(r, dos + timedelta(days=35)), orig))
    text = _id(r, pick(r, [
        "My husband %s had his %s at your clinic last month and we got a bill for %s. His insurance card is attached... actually I'll bring it in. His DOB is %s.",
        "Calling about my mom %s's bill, she had the %s done on the %s. She has Medicare plus a supplement, shouldn't that cover it?",
    ]))
    q = person(r)
    if text.startswith("My husband"):
        text = text % (q["first"], pr[0], money(pr[2] * 0.2), fdate(r, q["dob"], 0))
    else:
        text = text % (q["short"], pr[0], fdate(r, dos, 4))
    text = typo(r, text)
    return dict(frm=(p["short"], personal_addr(r, p)), to=[("Billing", "billing@" + vdom)], subject=pick(r, ["bill", "question about bill for " + q["first"], "insurance"]),
                text=text + "\n\n" + p["first"])

# ============================================================================
# CLEAN families (hard look-alikes)
# ============================================================================

@family("trial_recruitment_ad", "clean")
def c_recruit(r):
    study, desc, di = pick(r, STUDIES)
    site, sdom = pick(r, SITES)
    dx = DX[di]
    p = person(r)
    crit = ["Age %d to %d" % (r.choice([18, 21, 40]), r.choice([65, 75, 80])), "Diagnosed with %s for at least %d months" % (dx[0], r.choice([3, 6, 12])),
            pick(r, ["Not currently pregnant or breastfeeding", "No insulin use in the past 3 months", "Able to attend %d clinic visits" % r.randint(6, 14),
                     "No prior biologic therapy"]), "Stable medication for 8 weeks"]
    comp = "up to " + money(r.choice([600, 900, 1200, 1850, 2400]))
    t = r.randrange(3)
    greet = pick(r, ["Hi %s," % p["first"], "Dear Neighbor,", "Hello from " + site + "!", "Dear Research Registry member,"])
    body = ("%s\n\n%s Researchers at %s are looking for volunteers for the %s study, which is testing %s.\n\nYou may qualify if you are:\n%s\n\n"
            "Participants receive study-related care at no cost and %s for time and travel. %s\n\n%s" % (
                greet, pick(r, ["Could a research study be right for someone you know?", "Help us learn more about %s." % dx[0]]) if greet.startswith("Hi") else
                pick(r, ["Do you live with %s?" % dx[0], "Living with %s?" % dx[0], "Could a research study be right for someone you know?"]), site, study, desc,
                "\n".join("  - " + c for c in crit[: r.randint(2, 4)]), comp,
                pick(r, ["Participation is voluntary and you may withdraw at any time; your regular treatment and claims with your health plan are not affected.", "This study has been approved by an Institutional Review Board (IRB #%s)." % digits(r, 5), ""]),
                pick(r, ["To see if you qualify, take the 2-minute screener at https://research.%s/%s" % (sdom, study.lower()), "Call our study line at " + phone(r), "Reply to this email to learn more."])))
    body += "\n\nThis announcement goes to everyone who signed up for research updates; it is not based on any health information about you. Unsubscribe at any time." if greet.startswith(("Hi", "Dear Research")) else ""
    if t == 0:
        html = html_doc("Volunteers needed: %s study" % study, paras_html(body) + html_table(["Study", "Condition", "Visits", "Compensation"], [(study, dx[0], str(r.randint(6, 14)), comp)]), "#6a1b9a")
        return dict(frm=(site, "research@" + sdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Volunteers needed: " + dx[0] + " study", "Now enrolling: " + study, "Could you help advance care for " + dx[0] + "?"]),
                    text=body, html=html)
    if t == 1:
        st = person(r)
        top = "Can we post this flyer in the waiting rooms and on the patient portal news page? IRB approved the language %s." % fdate(r, rdate(r))
        pdf = make_pdf(["# VOLUNTEERS NEEDED", study + " - " + desc, ""] + body.split("\n")[2:], study + " flyer")
        return dict(frm=(st["full"], work_addr(r, st, sdom)), to=[("Marketing", "marketing@" + sdom)], subject=study + " recruitment flyer for approval",
                    text=top + "\n\n" + sig(r, st, "Research Coordinator", site) + disclaimer(r), atts=[("%s_flyer.pdf" % study, pdf)])
    if r.random() < 0.5:
        sess = rdate(r)
        st = datetime(sess.year, sess.month, sess.day, r.choice([12, 17, 18]), 30)
        ics = make_ics([dict(start=st, minutes=60, summary="Community information session: %s study" % study, location=site + ", Conference Room B",
                             description="Learn about research on %s. Open to the public. Light refreshments. No personal health questions will be asked." % dx[0])], uid_seed=study + str(sess))
        return dict(frm=(site + " Community Outreach", "outreach@" + sdom), to=[("", "community@" + sdom)], subject="Join us: %s research information session" % dx[0],
                    text=body + "\n\nAdd the free information session to your calendar with the attached invite.", atts=[("info_session_%s.ics" % study, ics)])
    return dict(frm=(site + " Research", "volunteer@" + sdom), to=[("", "list-research@" + sdom)], subject="Research Roundup: %d studies enrolling this month" % r.randint(3, 9),
                text=body + disclaimer(r))


CODING_TOPICS = [
    ("E11.65 vs E11.9", "Type 2 diabetes with hyperglycemia (E11.65) should only be reported when the provider documents the patient's diabetes as 'poorly controlled' or 'out of control' with hyperglycemia. Do not assign E11.65 from a lab value alone."),
    ("Modifier 25", "Modifier 25 is appended to an E/M code (99212-99215) only when a significant, separately identifiable E/M service is performed on the same day as a minor procedure. A documented new problem, e.g. hypertension (I10) found during a skin lesion removal (11402), may support it."),
    ("Sepsis sequencing", "When sepsis is present on admission, sequence A41.9 first, followed by the localized infection such as J18.9 pneumonia. Severe sepsis requires R65.20 or R65.21 when septic shock is documented."),
    ("Screening vs diagnostic colonoscopy", "A screening colonoscopy (G0121/45378 with Z12.11) that converts to a biopsy (45380) is still reported with modifier PT for Medicare so cost-sharing is waived."),
    ("Telehealth POS", "For 2026, report POS 10 for telehealth provided in the patient's home and POS 02 for other locations. Modifier 95 remains required by several commercial payers for 99213-99215."),
    ("Z-codes for SDOH", "Social determinants codes Z59.0 (homelessness) and Z59.41 (food insecurity) may be assigned from documentation by social workers and nurses, not only physicians."),
    ("Laterality", "Codes such as M17.11 (unilateral primary osteoarthritis, right knee) require laterality. Unspecified laterality (M17.10) will be denied by most payers starting next quarter."),
    ("Depression specificity", "F32.9 (major depressive disorder, single episode, unspecified) is frequently rejected for risk adjustment. Query the provider for severity so F32.1 or F33.1 can be coded."),
]


@family("coding_guidance_memo", "clean")
def c_coding(r):
    org, odom = pick(r, PROVIDERS + PAYERS)
    st = person(r)
    topics = r.sample(CODING_TOPICS, r.randint(2, 4))
    example = pick(r, ["Example: a 67-year-old patient with type 2 diabetes presents for follow-up; A1c is 9.1% but the note says 'well controlled'. Query before coding E11.65.",
                       "Scenario (fictional): Patient A, 45 y/o, seen for knee pain, provider documents 'OA knee'. Query for laterality before assigning M17.1-.",
                       "Case study (de-identified): an ED visit coded 99285 with R07.9 chest pain; documentation supported 99284 only.", ""])
    body = "\n\n".join("%d. %s\n%s" % (i + 1, tt[0], tt[1]) for i, tt in enumerate(topics))
    t = r.randrange(3)
    intro = pick(r, ["Coding Corner - %s edition" % fdate(r, rdate(r), 2), "HIM Coding Tip of the Week", "Documentation & coding update from the Revenue Integrity team"])
    text = "%s\n\n%s\n\n%s\n\nQuestions? Reply to this email or join office hours Thursday at 2 pm.\n\n%s" % (intro, body, example, sig(r, st, pick(r, ["CPC, CRC - Coding Educator", "Revenue Integrity Manager", "CDI Specialist, CCDS"]), org))
    if t == 0:
        return dict(frm=(st["full"], work_addr(r, st, odom)), to=[("All Coders", "coding-all@" + odom)], subject=intro, text=text + disclaimer(r))
    if t == 1:
        blocks = [("h", intro)] + [x for tt in topics for x in (("h", tt[0]), tt[1])] + ([example] if example else []) + \
                 [("table", [["Code", "Descriptor", "Note"], ["99214", "Office/outpatient visit, est., moderate MDM", "Time 30-39 min"], ["E11.9", "Type 2 DM without complications", "Default when no complication documented"], ["Z79.4", "Long term (current) use of insulin", "Add with E11.-"]])]
        return dict(frm=(st["full"], work_addr(r, st, odom)), to=[("Coding team", "coding@" + odom)], subject="Coding guidance memo - " + topics[0][0],
                    text="Attached is this month's coding memo (%s). Please review and sign the attestation by Friday.\n\n%s" % (", ".join(tt[0] for tt in topics), sig(r, st, "Coding Manager", org)) + disclaimer(r),
                    atts=[("coding_memo_%s.docx" % digits(r, 4), make_docx(blocks))])
    q = person(r)
    text2 = _id(r, pick(r, ["Quick q - for %s, does the guidance apply to outpatient too or just inpatient?", "Thanks %s. Are we still supposed to query for %s or does the new edit catch it?"]))
    text2 = text2 % ((topics[0][0],) if text2.startswith("Quick") else (st["first"], topics[0][0]))
    text2 = typo(r, text2)
    return dict(frm=(q["full"], work_addr(r, q, odom)), to=[(st["full"], work_addr(r, st, odom))], subject="RE: " + intro, thread="reply",
                text=text2 + "\n\n" + q["first"] + quote_block(r, (st["full"], work_addr(r, st, odom)), msg_datetime(r), text))


@family("payer_policy_bulletin", "clean")
def c_policy(r):
    payer, pdom = pick(r, PAYERS)
    eff = rdate(r, date(2026, 1, 1), 300)
    rows = []
    for pr in r.sample(PROC, r.randint(3, 8)):
        rows.append((pr[1], pr[0], pick(r, ["Prior authorization required", "PA no longer required", "Site-of-care review", "Notification only", "Covered with criteria"]), fdate(r, eff, 0)))
    hdr = ["CPT/HCPCS", "Description", "Change", "Effective"]
    intro = ("%s Provider Bulletin %s\n\nEffective %s, %s will update utilization management requirements for the services below. "
             "Claims for services requiring authorization that are rendered without an approved request will be denied as CO-197. %s" % (
                 payer, ref_no(r, "PB-"), fdate(r, eff, 2), payer, pick(r, ["Medical policy MP-%s (Lumbar Imaging) has also been revised to require six weeks of conservative therapy." % digits(r, 3),
                                                                             "Members with a diagnosis of cancer (C00-D49) are exempt from imaging PA.", "Requests can be submitted through the provider portal or by fax."])))
    t = r.randrange(5)
    if t == 3:
        text = pick(r, ["Reminder: the %s prior authorization fax line changes to %s on %s. Requests sent to the old number after that date will not be processed. The provider portal remains available 24/7.",
                        "The %s provider portal will be down for maintenance from 10 pm %s to 4 am the next day (%s). Submit urgent authorizations by phone at %s during the outage."])
        text = text % ((payer, phone(r), fdate(r, eff)) if "fax line" in text else (payer, fdate(r, eff), "Eastern", phone(r)))
        return dict(frm=(payer + " Provider Services", "provider.services@" + pdom), to=[("Network Providers", "providers@" + pdom)],
                    subject=pick(r, ["Fax number change" if "fax line" in text else "Portal maintenance", "Provider notice"]),
                    text=text + disclaimer(r, 0.7))
    if t == 4:
        blocks = [("h", payer + " - PRIOR AUTHORIZATION REQUEST FORM (rev. %s)" % eff.strftime("%m/%Y")), ("field", "Member name", "______________________"),
                  ("field", "Date of birth", "__/__/____"), ("field", "Member ID", "______________"), ("field", "Requesting provider / NPI", "______________"),
                  ("table", [["CPT/HCPCS", "Description", "Units", "Requested date"], ["", "", "", ""], ["", "", "", ""]]),
                  ("field", "Diagnosis (ICD-10)", "________"), ("field", "Clinical summary", "Attach office notes, imaging and prior treatments."),
                  "Fax completed form to " + phone(r) + " or submit in the provider portal."]
        st = person(r)
        return dict(frm=(st["full"], work_addr(r, st, pdom)), to=[("Network Providers", "providers@" + pdom)], subject="Updated prior authorization request form",
                    text="%s\n\nAttached is the updated (blank) prior authorization request form. Please discard older versions; they will be returned unprocessed after %s.\n\n%s" % (
                        pick(r, ["Hello,", "Dear provider office,", "Hi all,"]), fdate(r, eff), sig(r, st, "Provider Relations Representative", payer)) + disclaimer(r, 0.6),
                    atts=[("PA_request_form_blank.docx", make_docx(blocks))])
    if t == 0:
        return dict(frm=(payer + " Provider Communications", "provider.news@" + pdom), to=[("Network Providers", "providers@" + pdom)], subject="Provider Bulletin: UM changes effective " + fdate(r, eff, 0),
                    text=intro + "\n\n" + table_text(hdr, rows), html=html_doc(payer + " Provider Bulletin", paras_html(intro) + html_table(hdr, rows)))
    if t == 1:
        pdf = make_pdf(["# " + payer + " Medical Policy Update"] + intro.split("\n") + [""] + [" | ".join(hdr)] + [" | ".join(x) for x in rows], "Policy update")
        st = person(r)
        return dict(frm=(st["full"], work_addr(r, st, pick(r, PROVIDERS)[1])), to=[("Front office leads", "leads@" + pick(r, PROVIDERS)[1])], subject="FYI - %s PA changes" % payer,
                    text=typo(r, "Heads up, %s is adding PA for a bunch of imaging and GI codes starting %s. Bulletin attached. Please make sure schedulers check before booking.") % (payer, fdate(r, eff)) + "\n\n" + st["first"],
                    atts=[("%s_policy_update.pdf" % slug(payer.split()[0]), pdf)])
    return dict(frm=(payer + " Provider Communications", "provider.news@" + pdom), to=[("Network Providers", "providers@" + pdom)], subject="Reminder: clinical policy updates",
                html_only=True, html=html_doc(payer + " Provider Bulletin", paras_html(intro) + html_table(hdr, rows) + "<p style=\"font-size:11px\">%s</p>" % esc_html(CONF_DISCLAIMERS[2])))


@family("formulary_change_notice", "clean")
def c_formulary(r):
    pbm, bdom = pick(r, PBMS + PAYERS)
    eff = rdate(r, date(2026, 1, 1), 360)
    rows = []
    for d, di in r.sample(DRUGS, r.randint(4, 9)):
        rows.append((d, DX[di][0], pick(r, ["Tier 2 -> Tier 3", "Removed; preferred alternative available", "Added to formulary", "Step therapy added", "Quantity limit: 4 pens / 28 days", "Prior authorization required"]),
                     pick(r, ["biosimilar", "generic", "—", "see list"])))
    hdr = ["Drug", "Used for", "Change", "Alternative"]
    intro = ("Formulary changes effective %s\n\nThe following changes apply to the %s commercial formulary. Members currently taking an affected medication "
             "will receive a separate letter at least 30 days before the change. Prescribers may request a formulary exception." % (fdate(r, eff, 2), pbm))
    t = r.randrange(3)
    if t == 0:
        return dict(frm=(pbm + " Pharmacy & Therapeutics", "pt-committee@" + bdom), to=[("Prescribers", "prescribers@" + bdom)], subject="%d formulary update" % eff.year,
                    text=intro + "\n\n" + table_text(hdr, rows), html=html_doc("Formulary update", paras_html(intro) + html_table(hdr, rows), "#0a7d5a"))
    if t == 1:
        return dict(frm=(pbm, "news@" + bdom), to=[("Member", "members@" + bdom)], subject="Changes to your drug list",
                    text=intro + "\n\n" + "\n".join("- %s (%s): %s" % x[:3] for x in rows) + disclaimer(r, 0.7))
    st = person(r)
    return dict(frm=(st["full"], work_addr(r, st, pick(r, PROVIDERS)[1])), to=[("Clinic pharmacists", "pharmacy@" + pick(r, PROVIDERS)[1])], subject="Formulary changes spreadsheet",
                text="Attached is the consolidated list of %s formulary changes for next year. Sorted by therapeutic class.\n\n%s" % (pbm, sig(r, st, "PharmD, Clinical Pharmacist", pick(r, PROVIDERS)[0])),
                atts=[("formulary_changes_%d.xlsx" % eff.year, make_xlsx([("Changes", hdr, rows)]))])


@family("insurance_quote", "clean")
def c_quote(r):
    ins, idom = pick(r, LIFEINS + PAYERS)
    p, ag = person(r), person(r)
    sp = person(r) if r.random() < 0.4 else None
    street, city = address(r)
    plans = [(pick(r, ["Bronze 6500", "Silver 3000 HSA", "Gold 1000", "Term Life 20", "Term Life 30", "Dental PPO Plus", "Vision Basic"]), money(r.uniform(28, 790)), money(r.choice([0, 1000, 3000, 6500]))) for _ in range(r.randint(2, 4))]
    hdr = ["Plan", "Monthly premium", "Deductible"]
    t = r.randrange(3)
    info = "Applicant: %s\nDate of birth: %s\nAddress: %s, %s\n%s" % (p["full"], fdate(r, p["dob"], 0), street, city,
                                                                      ("Spouse: %s (DOB %s)\n" % (sp["full"], fdate(r, sp["dob"], 0))) if sp else "")
    if t == 0:
        text = ("%s\n\nThank you for requesting a quote. Based on the information provided, here are your estimated rates:\n\n%s\n\n%s\n"
                "Rates are estimates and are not a guarantee of coverage. Final premium depends on the application.\n\n%s" % (
                    hello(r, p), table_text(hdr, plans), info, sig(r, ag, "Licensed Agent", ins)))
        return dict(frm=(ag["full"], work_addr(r, ag, idom)), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Your quote", "Quote #" + digits(r, 7), "Rates you requested"]),
                    text=text + disclaimer(r), html=html_doc(ins + " Quote", "<pre>%s</pre>%s" % (esc_html(info), html_table(hdr, plans))))
    if t == 1:
        pdf = make_pdf(["# " + ins, "PERSONALIZED QUOTE", "Quote number " + digits(r, 8), ""] + info.split("\n") + [" | ".join(hdr)] + [" | ".join(x) for x in plans] +
                       ["", "This quote is valid for 30 days. Not a contract of insurance."], "Quote")
        return dict(frm=(ins + " Quotes", "quotes@" + idom), to=[(p["full"], personal_addr(r, p))], subject="Your personalized quote is attached",
                    text="%s\n\nYour quote is attached. Premiums assume standard rates; underwriting may apply.\n\n%s" % (hello(r, p), ins), atts=[("quote_%s.pdf" % slug(p["last"]), pdf)])
    text = _id(r, pick(r, ["hi %s, thanks for the quote. can you redo it with %s added and the higher deductible? my DOB is %s not what you had.",
                            "%s - we'd like to go with the second option. Start date %s please. What do you need from me to apply?"]))
    text = text % ((ag["first"], sp["first"] if sp else "my son", fdate(r, p["dob"], 0)) if text.startswith("hi") else (ag["first"], fdate(r, rdate(r))))
    text = typo(r, text)
    return dict(frm=(p["short"], personal_addr(r, p)), to=[(ag["full"], work_addr(r, ag, idom))], subject="Re: your quote", thread="reply",
                text=text + "\n" + p["first"] + quote_block(r, (ag["full"], work_addr(r, ag, idom)), msg_datetime(r), table_text(hdr, plans)))


@family("enrollment_confirmation", "clean")
def c_enroll(r):
    payer, pdom = pick(r, PAYERS)
    emp = pick(r, EMPLOYERS)[0]
    p = person(r)
    deps = [kid(r, p["last"]) for _ in range(r.randint(0, 3))]
    if r.random() < 0.4:
        deps.insert(0, person(r))
    eff = rdate(r, date(2026, 1, 1), 200).replace(day=1)
    mid = member_id(r)
    plan = pick(r, ["PPO 1500", "HMO Select", "HDHP with HSA", "EPO Value", "Dental High", "Silver 87 CSR"])
    rows = [(p["full"], "Subscriber", fdate(r, p["dob"], 0), mid)] + [(d["full"], "Dependent", fdate(r, d["dob"], 0), mid[:-2] + "%02d" % (i + 2)) for i, d in enumerate(deps)]
    hdr = ["Name", "Relationship", "Date of birth", "Member ID"]
    intro = ("%s\n\nWelcome to %s! Your enrollment in %s%s is confirmed, effective %s. Your ID cards will arrive in 7-10 days; a digital card is available now in the app. "
             "Group number: %s." % (hello(r, p), payer, plan, " through " + emp if r.random() < 0.6 else "", fdate(r, eff, 2), digits(r, 6)))
    t = r.randrange(4)
    if t == 0:
        return dict(frm=(payer, "welcome@" + pdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Welcome to " + payer, "Enrollment confirmed", "Your coverage starts " + fdate(r, eff, 5)]),
                    text=intro + "\n\n" + table_text(hdr, rows) + disclaimer(r, 0.6), html=html_doc("Welcome to " + payer, paras_html(intro) + html_table(hdr, rows)))
    hr = person(r)
    if t == 2:
        lastday = eff - timedelta(days=r.randint(1, 40))
        text = ("%s\n\nBecause your employment with %s ended on %s, you and your covered dependents may continue your group health coverage under COBRA for up to 18 months. "
                "You must elect coverage within 60 days of this notice. Monthly premium for %s: %s (102%% of the full cost).\n\nQualified beneficiaries:\n%s\n\n%s" % (
                    hello(r, p, True), emp, fdate(r, lastday), plan, money(r.uniform(480, 2300)),
                    "\n".join("  %s (DOB %s)" % (x[0], x[2]) for x in rows), sig(r, hr, "COBRA Administrator", pick(r, ["WageWorks-Pacific", "Benefit Resource Partners", emp]))))
        return dict(frm=(hr["full"], work_addr(r, hr, pick(r, EMPLOYERS)[1])), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["COBRA election notice", "Continuation coverage rights", "Important: your COBRA rights"]),
                    text=text + disclaimer(r, 0.6))
    if t == 3:
        edom = [x[1] for x in EMPLOYERS if x[0] == emp][0]
        census = []
        for _ in range(r.randint(8, 25)):
            q = person(r)
            census.append((q["last"], q["first"], fdate(r, q["dob"], 1), "XXX-XX-" + digits(r, 4), pick(r, ["PPO 1500", "HMO Select", "HDHP with HSA", "Waive"]),
                           pick(r, ["EE", "EE+SP", "EE+CH", "FAM"]), fdate(r, eff, 1), pick(r, ["New hire", "Add", "Term", "Change tier"])))
        chdr = ["Last", "First", "DOB", "SSN", "Plan", "Tier", "Effective", "Action"]
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(payer + " Enrollment", "enrollment@" + pdom)], subject="%s enrollment changes - %s" % (emp, fdate(r, eff, 5)),
                    text="%s\n\nAttached are this month's enrollment adds, terms and tier changes for group %s. Please confirm when loaded.\n\n%s" % (
                        pick(r, ["Hello,", "Hi team,", "Good afternoon,"]), digits(r, 6), sig(r, hr, "Benefits Coordinator", emp)) + disclaimer(r, 0.7),
                    atts=[("enrollment_changes_%s.xlsx" % eff.strftime("%Y%m"), make_xlsx([("Changes", chdr, census)]))] if r.random() < 0.6 else
                         [("enrollment_changes_%s.csv" % eff.strftime("%Y%m"), make_csv(chdr, census))])
    return dict(frm=(hr["full"], work_addr(r, hr, pick(r, EMPLOYERS)[1])), to=[(p["full"], personal_addr(r, p))], subject="Benefits confirmation statement",
                text="%s\n\nAttached is your benefits confirmation statement for the plan year starting %s. Please review your elections and dependents.\n\n%s" % (hello(r, p), fdate(r, eff), sig(r, hr, "Benefits Coordinator", emp)),
                atts=[("benefits_confirmation.pdf", make_pdf(["# " + emp + " Benefits Confirmation", "", "Plan: " + plan + "   Carrier: " + payer,
                                                              "Coverage level: " + pick(r, ["Employee only", "Employee + spouse", "Family"]), ""] + [" | ".join(hdr)] + [" | ".join(x) for x in rows] +
                                                             ["", "Employee per-pay-period cost: " + money(r.uniform(40, 420))], "Benefits confirmation"))])

SPECIALTIES = ["Orthopedic Surgery", "Family Medicine", "Cardiology", "Psychiatry", "Gastroenterology", "Dermatology", "Oncology", "Pulmonology", "Physical Therapy", "Nurse Practitioner - Family"]


@family("credentialing_contracting", "clean")
def c_cred(r):
    payer, pdom = pick(r, PAYERS)
    prov, vdom = pick(r, PROVIDERS)
    st, mgr = person(r), person(r)
    docs = [(person(r), pick(r, SPECIALTIES)) for _ in range(r.randint(1, 5))]
    rows = [("Dr. " + d["full"] if "Nurse" not in s and "Therapy" not in s else d["full"], s, npi(r), pick(r, ["CA", "AZ", "OH", "IL", "NY", "TX"]) + "-" + digits(r, 6),
             fdate(r, rdate(r, date(2026, 1, 1), 400), 0)) for d, s in docs]
    hdr = ["Practitioner", "Specialty", "NPI", "License", "Recred due"]
    t = r.randrange(4)
    if t == 0:
        text = ("%s\n\nThe following practitioners are due for recredentialing with %s. Please make sure each CAQH profile is re-attested and that malpractice "
                "certificates of insurance and DEA registrations are current.\n\n%s\n\n%s" % (
                    pick(r, ["Hello,", "Good morning " + mgr["first"] + ",", "Hi team,"]), payer, table_text(hdr, rows), sig(r, st, "Credentialing Specialist", payer)))
        return dict(frm=(st["full"], work_addr(r, st, pdom)), to=[(mgr["full"], work_addr(r, mgr, vdom))], subject="Recredentialing due - " + prov, text=text + disclaimer(r),
                    html=html_doc("Recredentialing", "<p>Practitioners due:</p>" + html_table(hdr, rows)) if r.random() < 0.5 else None)
    if t == 1:
        d, s = docs[0]
        text = _id(r, pick(r, [
            "Hi %s, Dr. %s (%s) starts with us on %s. Can you add the new doc to our group contract with %s? NPI %s. CV and board cert attached... will send separately.",
            "%s - welcome letter came back for Dr. %s, %s. Effective date with %s is %s, so we can schedule their members from then on.",
        ]))
        text = text % ((st["first"], d["short"], s, fdate(r, rdate(r)), payer, npi(r)) if text.startswith("Hi") else (st["first"], d["short"], s, payer, fdate(r, rdate(r))))
        text = typo(r, text)
        return dict(frm=(mgr["full"], work_addr(r, mgr, vdom)), to=[(st["full"], work_addr(r, st, pdom))], subject=pick(r, ["new provider enrollment", "Dr. " + d["last"] + " credentialing", "Re: roster add"]),
                    text=text + "\n\n" + sig(r, mgr, "Practice Manager", prov))
    if t == 2:
        fee = [(pr[1], pr[0], money(pr[2] * r.uniform(0.3, 0.6)), money(pr[2] * r.uniform(0.35, 0.65))) for pr in r.sample(PROC, r.randint(4, 9))]
        blocks = [("h", "AMENDMENT %d TO PARTICIPATING PROVIDER AGREEMENT" % r.randint(1, 6)), "Between %s and %s." % (payer, prov),
                  "Effective %s, Exhibit B (Compensation) is replaced with the following fee schedule:" % fdate(r, rdate(r, date(2026, 1, 1), 300), 2),
                  ("table", [["Code", "Description", "Current rate", "New rate"]] + [list(x) for x in fee]),
                  "All other terms remain in full force and effect.", ("field", "For " + payer, st["full"]), ("field", "For " + prov, mgr["full"])]
        return dict(frm=(st["full"], work_addr(r, st, pdom)), to=[(mgr["full"], work_addr(r, mgr, vdom))], subject="Contract amendment for signature",
                    text="%s\n\nPlease review and sign the attached amendment updating the fee schedule. Let me know if you'd like to set up a call.\n\n%s" % (hello(r, mgr, False), sig(r, st, "Provider Contracting Manager", payer)) + disclaimer(r),
                    atts=[("Amendment_%s.docx" % slug(prov.split()[0]), make_docx(blocks))])
    return dict(frm=(payer + " Provider Data", "pdm@" + pdom), to=[(prov, "admin@" + vdom)], subject="Provider roster attestation due",
                text="Quarterly directory attestation: please confirm the attached roster. Practitioners not attested within 90 days will be suppressed from the online directory.",
                atts=[("roster_%s.csv" % digits(r, 6), make_csv(hdr + ["Accepting new patients", "Location"], [x + (pick(r, ["Y", "N"]), pick(r, CITIES)[0]) for x in rows]))])


SUPPLIES = [("Foley catheter 16Fr, latex-free, case/10", 48.5), ("Insulin syringe 0.5 mL 31G, box/100", 21.9), ("Nitrile exam gloves M, case/1000", 89.0),
            ("Sterile gauze 4x4, 12-ply, case/1200", 64.2), ("Blood glucose test strips, box/50", 18.75), ("IV start kit w/ chlorhexidine", 3.4),
            ("Surgical mask ASTM L3, box/50", 11.8), ("Specimen container 4 oz, case/500", 97.0), ("Hospital linen service - scrubs, per lb", 1.35),
            ("Lidocaine 1% 20 mL vial, tray/25", 42.0), ("Sharps container 2 gal", 6.25), ("EHR interface maintenance, monthly", 1450.0)]


@family("vendor_invoice", "clean")
def c_invoice(r):
    ven, vdom = pick(r, VENDORS)
    cust, cdom = pick(r, PROVIDERS)
    ap, rep = person(r), person(r)
    inv = "INV-" + digits(r, 6)
    po = "PO" + digits(r, 7)
    items = [(d, r.randint(1, 40), price) for d, price in r.sample(SUPPLIES, r.randint(2, 7))]
    rows = [(d, q, money(p), money(q * p)) for d, q, p in items]
    total = sum(q * p for _, q, p in items)
    hdr = ["Item", "Qty", "Unit price", "Amount"]
    t = r.randrange(3)
    if t == 0:
        pdf = make_pdf(["# " + ven, "INVOICE " + inv, "Bill to: Accounts Payable, " + cust, "PO: " + po + "    Terms: Net 30", ""] + [" | ".join(map(str, x)) for x in rows] +
                       ["", "TOTAL DUE: " + money(total), "Remit to: " + ven + ", Lockbox " + digits(r, 5)], "Invoice " + inv)
        return dict(frm=(ven + " Billing", "ar@" + vdom), to=[("Accounts Payable", "ap@" + cdom)], subject="Invoice %s for PO %s" % (inv, po),
                    text="Please find attached invoice %s in the amount of %s. Payment is due within 30 days.\n\n%s" % (inv, money(total), sig(r, rep, "Accounts Receivable", ven)) + disclaimer(r),
                    atts=[(inv + ".pdf", pdf)])
    if t == 1:
        return dict(frm=(ap["full"], work_addr(r, ap, cdom)), to=[(rep["full"], work_addr(r, rep, vdom))], subject="Re: past due " + inv, thread="reply",
                    text=typo(r, "Hi %s, we short-paid %s because %d units of the %s were backordered. Please issue a credit memo and we'll release the rest.") % (
                        rep["first"], inv, items[0][1], items[0][0].split(",")[0]) + "\n\n" + sig(r, ap, "AP Specialist", cust) +
                    quote_block(r, (rep["full"], work_addr(r, rep, vdom)), msg_datetime(r), "Our records show invoice %s (%s) is 15 days past due." % (inv, money(total))))
    return dict(frm=(ven, "orders@" + vdom), to=[(ap["full"], work_addr(r, ap, cdom))], subject="Order confirmation " + po,
                text="Thank you for your order.\n\n" + table_text(hdr, rows) + "\n\nTotal: " + money(total), html=html_doc(ven + " - Order confirmation", html_table(hdr, rows) + "<p>Total: %s</p>" % money(total)),
                atts=[("order_%s.xlsx" % po, make_xlsx([("Order", hdr, [(d, q, p, round(q * p, 2)) for d, q, p in items])]))] if r.random() < 0.5 else [])


@family("deidentified_data_dua", "clean")
def c_deid(r):
    org, odom = pick(r, PAYERS + PROVIDERS)
    uni = pick(r, ["Westbrook University", "Coastal State School of Public Health", "Ridgeview Health Economics Lab"])
    a, b = person(r), person(r)
    t = r.randrange(3)
    rows = []
    for i in range(r.randint(10, 40)):
        dx = pick(r, DX)
        rows.append(("S%05d" % r.randint(1, 99999), pick(r, ["18-34", "35-49", "50-64", "65-74", "75+"]), pick(r, ["F", "M"]), pick(r, ["Northeast", "South", "Midwest", "West"]),
                     r.choice([2023, 2024, 2025]), dx[1], pick(r, PROC)[1], r.randint(0, 9), round(r.uniform(80, 40000), 2)))
    hdr = ["study_id", "age_band", "sex", "region", "service_year", "dx_icd10", "cpt", "ed_visits", "allowed_amt"]
    if t == 0:
        text = ("%s\n\nAttached is the de-identified extract for the %s project (%d rows in this sample file). Identifiers were removed under the HIPAA Safe Harbor "
                "method: no names, no dates more specific than year, ages over 89 aggregated, geography at census region only. Study IDs are random and not derived from member IDs.\n\n%s" % (
                    hello(r, a, False), pick(r, ["readmissions", "diabetes cost trends", "ED utilization", "biosimilar uptake"]), len(rows), sig(r, b, "Data Governance Analyst", org)))
        return dict(frm=(b["full"], work_addr(r, b, odom)), to=[(a["full"], "%s@%s.edu" % (slug(a["first"]), slug(uni.split()[0])))], subject="De-identified extract - sample",
                    text=text + disclaimer(r), atts=[("deid_sample.csv", make_csv(hdr, rows))])
    if t == 1:
        blocks = [("h", "DATA USE AGREEMENT"), "This Data Use Agreement is entered into between %s (\"Data Owner\") and %s (\"Recipient\")." % (org, uni),
                  ("h", "1. Permitted uses"), "Recipient may use the Data solely for the research project titled '%s'." % pick(r, ["Variation in Knee Arthroplasty Costs", "Insulin Adherence and Cost Sharing", "Trends in Telehealth Use"]),
                  ("h", "2. Safeguards"), "Recipient shall not attempt to re-identify any individual or contact any individual.", ("h", "3. Term"), "Three years from the effective date.",
                  ("field", "Data Owner signatory", a["full"]), ("field", "Recipient signatory", b["full"])]
        return dict(frm=(a["full"], work_addr(r, a, odom)), to=[(b["full"], "%s@%s.edu" % (slug(b["last"]), slug(uni.split()[0])))], subject="DUA for signature",
                    text="%s\n\nAttached is the DUA with our redlines accepted. Once signed we can release the de-identified claims file.\n\n%s" % (hello(r, b, False), sig(r, a, "Privacy Officer", org)) + disclaimer(r),
                    atts=[("DUA_%s.docx" % slug(uni.split()[0]), make_docx(blocks))])
    text = typo(r, "%s - the IRB determined the project is not human subjects research since the data are de-identified. Exempt letter attached... actually it's in the shared drive. We can start once the DUA is countersigned." % a["first"])
    return dict(frm=(b["full"], "%s@%s.edu" % (slug(b["first"]), slug(uni.split()[0]))), to=[(a["full"], work_addr(r, a, odom))], subject="IRB determination", text=text + "\n\n" + b["first"])


@family("aggregate_claims_analytics", "clean")
def c_agg(r):
    payer, pdom = pick(r, PAYERS)
    emp, edom = pick(r, EMPLOYERS)
    an = person(r)
    cats = ["Inpatient", "Outpatient facility", "Professional", "Pharmacy", "Behavioral health", "Emergency department"]
    rows = [(c, round(r.uniform(20, 240), 2), round(r.uniform(-8, 14), 1), r.randint(40, 2400)) for c in cats]
    hdr = ["Category", "PMPM ($)", "Trend vs prior yr (%)", "Claims"]
    top = [(dx[1], dx[0], r.randint(11, 600), money(r.uniform(20000, 900000))) for dx in r.sample(DX, 6)]
    hdr2 = ["ICD-10", "Condition", "Members", "Paid"]
    intro = ("%s\n\nAttached is the %s claims experience report for %s (%d average members). Total paid PMPM was %s, a %.1f%% change from last year. "
             "Cells with fewer than 11 members are suppressed per our privacy policy. High-cost claimant detail is not included." % (
                 hello(r, an, False) if False else pick(r, ["Hi all,", "Hello,", "Team,"]), pick(r, ["Q1", "Q2", "Q3", "year-end", "mid-year"]), emp,
                 r.randint(300, 9000), money(sum(x[1] for x in rows)), r.uniform(-3, 11)))
    t = r.randrange(3)
    if t == 2:
        lines = ["# %s - Quarterly Utilization Summary" % payer, "Prepared for: " + emp, "Population: %d average members (aggregate; no member-level data)" % r.randint(300, 9000), ""] + \
                [" | ".join(map(str, hdr))] + [" | ".join(map(str, x)) for x in rows] + ["", "Top conditions by paid amount (groups under 11 members suppressed)"] + \
                [" | ".join(map(str, hdr2))] + [" | ".join(map(str, x)) for x in top] + ["", "ER visits per 1,000: %d   Admits per 1,000: %d   Generic dispensing rate: %d%%" % (r.randint(120, 260), r.randint(30, 90), r.randint(78, 93))]
        return dict(frm=(an["full"], work_addr(r, an, pdom)), to=[(person(r)["full"], "benefits@" + edom)], subject="Q%d utilization summary" % r.randint(1, 4),
                    text=typo(r, "Hi - summary deck attached as PDF ahead of Thursday's renewal meeting. Big drivers are specialty Rx and outpatient imaging.") + "\n\n" + sig(r, an, "Sr. Analyst, Employer Reporting", payer),
                    atts=[("utilization_summary.pdf", make_pdf(lines, "Utilization summary"))])

    if t == 0:
        return dict(frm=(an["full"], work_addr(r, an, pdom)), to=[("Benefits Committee", "benefits@" + edom)], subject="Claims experience report - " + emp,
                    text=intro + "\n\n" + sig(r, an, "Account Analytics", payer) + disclaimer(r),
                    atts=[("experience_report_%s.xlsx" % digits(r, 4), make_xlsx([("Summary", hdr, rows), ("Top conditions", hdr2, top)]))])
    return dict(frm=(an["full"], work_addr(r, an, pdom)), to=[("Benefits Committee", "benefits@" + edom)], subject="Utilization dashboard",
                text=intro + "\n\n" + table_text(hdr, rows) + "\n\n" + table_text(hdr2, top), html=html_doc("Utilization dashboard", "<p>%s</p>%s<h3>Top conditions by paid</h3>%s" % (esc_html(intro), html_table(hdr, rows), html_table(hdr2, top))))


@family("hr_open_enrollment", "clean")
def c_oe(r):
    emp, edom = pick(r, EMPLOYERS)
    hr = person(r)
    start = rdate(r, date(2025, 10, 1), 60)
    rows = [(pl, money(r.uniform(20, 250)), money(r.uniform(150, 700)), money(r.choice([500, 1500, 3000]))) for pl in ["PPO 500", "PPO 1500", "HDHP + HSA", "HMO"]]
    hdr = ["Plan", "Employee only (per pay)", "Family (per pay)", "Deductible"]
    extras = pick(r, ["Flu shots will be offered onsite on %s - no appointment needed." % fdate(r, start + timedelta(days=10)),
                      "New this year: fertility benefits, a diabetes prevention program, and free virtual physical therapy.",
                      "Complete a biometric screening and health assessment to earn a $300 HSA contribution.",
                      "The Employee Assistance Program offers 6 free counseling sessions per issue, confidential and available 24/7."])
    intro = ("Open Enrollment runs %s through %s. This is your once-a-year chance to change medical, dental, vision, FSA and life insurance elections. "
             "If you do nothing, your current elections roll over (except FSA). %s" % (fdate(r, start), fdate(r, start + timedelta(days=14)), extras))
    t = r.randrange(3)
    if t == 0:
        return dict(frm=(emp + " Benefits", "benefits@" + edom), to=[("All Employees", "all@" + edom)], subject=pick(r, ["Open Enrollment starts " + fdate(r, start, 5), "Action needed: Open Enrollment", "Your %d benefits" % (start.year + 1)]),
                    text=intro + "\n\n" + table_text(hdr, rows), html=html_doc("Open Enrollment", paras_html(intro) + html_table(hdr, rows), "#b35c00"))
    if t == 1:
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[("All Staff", "staff@" + edom)], subject="Wellness & benefits reminders",
                    text="%s\n\n%s\n\n%s" % (pick(r, ["Hi everyone,", "Team,", "Hello all!"]), extras, sig(r, hr, "Benefits Manager", emp)))
    return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[("All Staff", "staff@" + edom)], subject="Benefits guide attached",
                text="The %d benefits guide is attached. Benefits fair is in the cafeteria on %s.\n\n%s" % (start.year + 1, fdate(r, start + timedelta(days=3)), sig(r, hr, "HR Generalist", emp)),
                atts=[("benefits_guide.pdf", make_pdf(["# %s %d Benefits Guide" % (emp, start.year + 1), ""] + textwrap.wrap(intro, 90) + [""] + [" | ".join(hdr)] + [" | ".join(x) for x in rows], "Benefits guide"))])


@family("nonmedical_leave", "clean")
def c_leave(r):
    emp, edom = pick(r, EMPLOYERS)
    e, hr, mgr = person(r), person(r), person(r)
    why = pick(r, ["jury duty", "military reserve training (two weeks annual training)", "a sabbatical", "a personal trip to visit family overseas", "my citizenship ceremony",
                   "serving as a poll worker on election day", "an adoption placement - our son arrives next month", "moving to the new apartment", "a volunteer build with Habitat"])
    start = rdate(r)
    end = start + timedelta(days=r.randint(1, 30))
    t = r.randrange(4)
    if t == 0:
        text = typo(r, "Hi %s,\n\nI'd like to request leave from %s to %s for %s. %s I've arranged coverage with %s.\n\nThanks,\n%s" % (
            mgr["first"], fdate(r, start), fdate(r, end), why, ("Summons attached." if "jury" in why else "Orders are attached." if "military" in why else pick(r, ["", "I have enough PTO to cover it.", "Happy to talk about it."])), person(r)["first"], e["first"]))
        return dict(frm=(e["full"], work_addr(r, e, edom)), to=[(mgr["full"], work_addr(r, mgr, edom))], subject=pick(r, ["leave request", "PTO request", "Time off - " + fdate(r, start, 5)]), text=text)
    if t == 1:
        text = ("%s\n\nYour leave request for %s (%s - %s) has been approved. %s\n\n%s" % (
            hello(r, e), why.replace("my ", "your ").replace("our son", "your son"), fdate(r, start, 0), fdate(r, end, 0),
            pick(r, ["Your position and benefits are protected under USERRA.", "Please record the time as Leave - Civic in Workday.", "This will be unpaid personal leave; benefits continue.", ""]),
            sig(r, hr, "HR Business Partner", emp)))
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(e["full"], work_addr(r, e, edom))], subject="Leave approved", text=text + disclaimer(r))
    if t == 2:
        blocks = [("h", emp + " - Leave of Absence Request"), ("field", "Employee", e["full"]), ("field", "Employee ID", digits(r, 6)), ("field", "Department", pick(r, ["Finance", "Warehouse", "IT", "Guest Services"])),
                  ("field", "Type of leave", "Jury/witness duty" if "jury" in why else "Military" if "military" in why else "Parental (adoption)" if "adoption" in why
                   else "Educational" if "sabbatical" in why else "Civic" if "poll" in why else "Personal (unpaid)"),
                  ("field", "Dates", "%s to %s" % (fdate(r, start, 0), fdate(r, end, 0))), ("field", "Reason", why), ("field", "Manager approval", mgr["full"])]
        return dict(frm=(e["full"], work_addr(r, e, edom)), to=[("HR", "hr@" + edom)], subject="Leave of absence form", text="Completed LOA form attached.\n\n" + e["full"],
                    atts=[("LOA_%s.docx" % slug(e["last"]), make_docx(blocks))])
    orig = "Hi %s, can I take %s off for %s? Will make up the hours." % (mgr["first"], fdate(r, start, 5), why)
    if r.random() < 0.5:
        return dict(frm=(mgr["full"], work_addr(r, mgr, edom)), to=[(hr["full"], work_addr(r, hr, edom))], subject="FW: time off", thread="fwd",
                    text=typo(r, "%s, how should %s code this in the timesheet? Not PTO I think. Original attached." % (hr["first"], e["first"])),
                    eml_att=inner_eml(r, (e["full"], work_addr(r, e, edom)), (mgr["full"], work_addr(r, mgr, edom)), "time off", orig, msg_datetime(r)))
    return dict(frm=(mgr["full"], work_addr(r, mgr, edom)), to=[(hr["full"], work_addr(r, hr, edom))], subject="FW: time off", thread="fwd",
                text=typo(r, "%s, how should %s code this in the timesheet? Not PTO I think." % (hr["first"], e["first"])) + fwd_block(r, (e["full"], work_addr(r, e, edom)), (mgr["full"], work_addr(r, mgr, edom)), msg_datetime(r), "time off", orig))


@family("legal_nonmedical", "clean")
def c_legal(r):
    firm, fdom = pick(r, LAWFIRMS)
    org, odom = pick(r, PROVIDERS + PAYERS + EMPLOYERS)
    att, gc = person(r), person(r)
    t = r.randrange(4)
    matter = pick(r, ["the lease renewal for the %s medical office building" % pick(r, CITIES)[0], "the vendor dispute with %s" % pick(r, VENDORS)[0],
                      "the parking-lot easement", "the trademark application for the %s name" % org.split()[0], "the non-compete for the departing CFO",
                      "the subpoena for accounts-payable records in the %s bankruptcy" % pick(r, VENDORS)[0]])
    if t == 0:
        text = ("%s\n\nFollowing up on %s. We have reviewed the landlord's redline and recommend rejecting the revised CAM reconciliation clause. A call this week would be helpful.\n\n%s" % (
            hello(r, gc, False), matter, sig(r, att, "Partner", firm))) if "lease" in matter else (
            "%s\n\nRegarding %s: opposing counsel has agreed to extend the response deadline to %s. We will circulate a draft by Friday.\n\n%s" % (
                hello(r, gc, False), matter, fdate(r, rdate(r)), sig(r, att, "Associate", firm)))
        return dict(frm=(att["full"], work_addr(r, att, fdom)), to=[(gc["full"], work_addr(r, gc, odom))], subject="Privileged & Confidential - " + matter[:40], text=text + "\n\nATTORNEY-CLIENT PRIVILEGED COMMUNICATION" + disclaimer(r, 0.9))
    if t == 1:
        blocks = [("h", "ENGAGEMENT LETTER"), "Client: " + org, "Matter: " + matter, "Hourly rates: partners %s, associates %s, paralegals %s." % (money(r.choice([450, 525, 610])), money(r.choice([275, 320])), money(r.choice([145, 180]))),
                  "Retainer: " + money(r.choice([5000, 10000, 25000])), ("field", "Accepted by", gc["full"])]
        return dict(frm=(att["full"], work_addr(r, att, fdom)), to=[(gc["full"], work_addr(r, gc, odom))], subject="Engagement letter", text="Attached is our engagement letter for %s.\n\n%s" % (matter, sig(r, att, "Partner", firm)) + disclaimer(r),
                    atts=[("Engagement_%s.docx" % digits(r, 5), make_docx(blocks))])
    if t == 2:
        inv = [("Review correspondence", 0.4), ("Draft motion", 3.2), ("Call with client", 0.5), ("Research", 2.1)]
        rows = [(fdate(r, rdate(r), 0), d, h, money(h * 420)) for d, h in inv[: r.randint(2, 4)]]
        return dict(frm=(firm + " Billing", "billing@" + fdom), to=[("Accounts Payable", "ap@" + odom)], subject="Invoice - " + matter[:30],
                    text="Invoice for professional services rendered in connection with %s.\n\n%s" % (matter, table_text(["Date", "Description", "Hours", "Amount"], rows)),
                    atts=[("invoice_%s.pdf" % digits(r, 6), make_pdf(["# " + firm, "STATEMENT FOR SERVICES", "Matter: " + matter, ""] + [" | ".join(map(str, x)) for x in rows], "Invoice"))])
    return dict(frm=(gc["full"], work_addr(r, gc, odom)), to=[(att["full"], work_addr(r, att, fdom))], subject="Re: " + matter[:40], thread="reply",
                text=typo(r, "Thanks %s. The board is fine with the settlement range. Please proceed, and send me the release language before it goes out.") % att["first"] + "\n\n" + gc["first"] +
                quote_block(r, (att["full"], work_addr(r, att, fdom)), msg_datetime(r), "We received a settlement offer on %s. Recommend we counter." % matter))


@family("premium_payment_reminder", "clean")
def c_premium(r):
    ins, idom = pick(r, PAYERS + LIFEINS)
    p = person(r)
    due = rdate(r)
    amt = money(r.uniform(35, 980))
    pol = pick(r, [member_id(r), ref_no(r, "POL-")])
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nThis is a friendly reminder that your premium payment of %s for policy %s is due on %s. %s\n\nIf you have already paid, please disregard this message.\n\n%s Billing" % (
            hello(r, p), amt, pol, fdate(r, due), pick(r, ["Pay online or set up AutoPay to avoid missing a payment.", "A grace period of 31 days applies.", ""]), ins))
        return dict(frm=(ins + " Billing", "billing@" + idom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Payment reminder", "Your premium is due " + fdate(r, due, 5), "Invoice available"]), text=text + disclaimer(r, 0.4))
    if t == 1:
        text = ("%s\n\nWe were unable to process your automatic payment of %s on %s for account %s. To keep your coverage active, please update your payment method by %s. "
                "Coverage will end if payment is not received by the end of the grace period.\n\n%s" % (hello(r, p), amt, fdate(r, due), pol, fdate(r, due + timedelta(days=30)), ins))
        return dict(frm=(ins, "payments@" + idom), to=[(p["full"], personal_addr(r, p))], subject="Action required: payment failed", text=text,
                    html=html_doc("Payment unsuccessful", paras_html(text) + html_table(["Account", "Amount", "Due"], [(pol, amt, fdate(r, due, 0))]), "#a31515"))
    biller, bdom = pick(r, BILLERS)
    text = ("%s\n\nYour account %s has a balance of %s. Please pay by %s at https://pay.%s or call %s. If you have questions about this balance, contact our customer service team."
            % (hello(r, p), digits(r, 8), amt, fdate(r, due), bdom, phone(r)))
    return dict(frm=(biller, "noreply@" + bdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Payment reminder", "Balance due", "Friendly reminder"]), text=text + disclaimer(r, 0.5))


@family("portal_notification", "clean")
def c_portal(r):
    org, odom = pick(r, PAYERS + [x for x in PROVIDERS if x[0] in ("Lakeshore Regional Medical Center", "St. Brigid's Hospital", "Mesa Verde Family Medicine")])
    p = person(r)
    what = pick(r, ["a new secure message", "a new document", "a new statement", "a new notice", "an update to your account", "a new letter", "a claim status update", "a new decision letter"])
    text = ("%s\n\nYou have %s in your %s account. For your privacy, we do not include details in email. Please log in to view it.\n\nhttps://portal.%s/login\n\n"
            "Please do not reply to this email; this mailbox is not monitored." % (hello(r, p, False) if r.random() < 0.7 else "Hello,", what, org, odom))
    t = r.randrange(3)
    if t == 2:
        text = pick(r, ["%s: A new item is available in your account. Sign in at https://portal.%s to view. Reply STOP to opt out of e-mail alerts.",
                        "%s security notice: your password was changed on %s. If this wasn't you, call %s. We will never ask for your password by e-mail.",
                        "%s: your paperless preference has been updated. Future statements and letters will be delivered to your secure inbox only."])
        n = text.count("%s")
        text = text % tuple([org, odom, phone(r)][:1] + ([odom] if "Sign in" in text else [fdate(r, rdate(r)), phone(r)] if "security" in text else []))
        return dict(frm=(org, "alerts@" + odom), to=[("", personal_addr(r, p))], subject=pick(r, ["Account alert", "Notification", "Security notice" if "security" in text else "Account update"]), text=text)

    subj = pick(r, ["You have " + what, "New item in your account", "Notification from " + org, "Action may be needed"])
    if t == 0:
        return dict(frm=(org, "no-reply@" + odom), to=[(p["full"], personal_addr(r, p))], subject=subj, text=text + disclaimer(r, 0.5),
                    html=html_doc(org, paras_html(text) + '<p><a href="https://portal.%s/login" style="background:#1d4e89;color:#fff;padding:8px 14px">Sign in</a></p>' % odom))
    return dict(frm=(org, "no-reply@" + odom), to=[(p["full"], personal_addr(r, p))], subject=subj, text=text)

@family("synthetic_test_claims", "clean")
def c_synth(r):
    ch, cdom = pick(r, [("Orbit Health IT", "orbithealthit.com"), ("Claimbridge Clearinghouse", "claimbridge.net")])
    prov, vdom = pick(r, PROVIDERS)
    dev = person(r)
    names = [("TESTPATIENT", "ALPHA"), ("TEST", "PATIENT"), ("ZZTEST", "BRAVO"), ("SYNTHETIC", "CHARLIE"), ("DOE", "JANE TEST")]
    rows = []
    for i in range(r.randint(3, 8)):
        ln, fn = pick(r, names)
        pr, dx = pick(r, PROC), pick(r, DX)
        rows.append(("TST%04d" % (i + 1), ln, fn, "1900-01-01", "ZZ" + digits(r, 7), pr[1], dx[1], pr[2], pick(r, ["accepted", "rejected 2010BA NM109", "accepted", "rejected 2300 HI01"])))
    hdr = ["test_case", "last", "first", "dob", "member_id", "cpt", "icd10", "charge", "result"]
    text = ("%s\n\nResults from the 837P test cycle in the %s sandbox are attached. All patients in this file are synthetic test records (names TEST/ZZTEST, DOB 1900-01-01, "
            "member IDs with the ZZ prefix) and do not correspond to real people. %d of %d test claims passed front-end edits; rejections are from the 2010BA and 2300 loops.\n\n%s" % (
                pick(r, ["Hi team,", "Hello,", "All -"]), pick(r, ["UAT", "QA", "cert"]), sum(1 for x in rows if x[-1] == "accepted"), len(rows), sig(r, dev, "Integration Engineer", ch)))
    edi = "~\n".join(["ISA*00*          *00*          *ZZ*TESTSUBMIT     *ZZ*TESTRECV       *260105*0930*^*00501*000000001*0*T*:",
                      "GS*HC*TESTSUBMIT*TESTRECV*20260105*0930*1*X*005010X222A1", "ST*837*0001*005010X222A1"] +
                     ["NM1*IL*1*%s*%s****MI*%s" % (x[1], x[2], x[4]) + "~\nHI*ABK:%s" % x[6].replace(".", "") + "~\nSV1*HC:%s*%s*UN*1" % (x[5], x[7]) for x in rows] +
                     ["SE*%d*0001" % (3 + 3 * len(rows)), "GE*1*1", "IEA*1*000000001"]) + "~\n"
    t = r.randrange(3)
    if t == 1:
        syn = []
        for i in range(r.randint(8, 20)):
            q = person(r)
            d = pick(r, DX)
            syn.append(("SYN-%05d" % r.randint(1, 99999), q["first"], q["last"], fdate(r, q["dob"], 1), d[1], d[0], pick(r, DRUGS)[0], "synthetic"))
        text2 = ("%s\n\nFor the EHR training environment go-live we generated %d synthetic patients with Synthea (open-source patient simulator). None of these records "
                 "belong to real people - names, birth dates and histories are all simulated - so they can be used freely in classroom exercises and screenshots. "
                 "The file is attached; please load it into TRAIN only, never PROD.\n\n%s" % (pick(r, ["Hi trainers,", "Hello all,", "Team,"]), len(syn), sig(r, dev, "Clinical Informatics Analyst", prov)))
        return dict(frm=(dev["full"], work_addr(r, dev, vdom)), to=[("EHR Training", "ehr-training@" + vdom)], subject=pick(r, ["Synthetic patients for TRAIN environment", "Training data load (synthetic)", "Synthea test patients"]),
                    text=text2 + disclaimer(r, 0.4), atts=[("synthetic_patients_train.xlsx", make_xlsx([("Patients", ["Synthetic ID", "First", "Last", "DOB", "Dx code", "Problem", "Medication", "Source"], syn)]))] if r.random() < 0.5
                    else [("synthetic_patients_train.csv", make_csv(["synthetic_id", "first", "last", "dob", "dx_code", "problem", "medication", "source"], syn))])
    if t == 2:
        x = rows[0]
        text2 = typo(r, pick(r, ["%s - test case %s (%s %s) is still coming back %s in the sandbox. I think the HI segment is missing the ABK qualifier. Can you look before the 3pm cert call?",
                                 "Quick one: %s resubmitted %s for %s %s and now it's %s. Is the payer sandbox down again?"]) % (
            person(r)["first"], x[0], x[2], x[1], x[8] if x[8] != "accepted" else "rejected 2300 HI01"))
        return dict(frm=(dev["full"], work_addr(r, dev, cdom)), to=[("EDI team", "edi@" + vdom)], subject=pick(r, ["TST case still failing", "sandbox rejects", "re: cert testing"]),
                    text=text2 + "\n\n" + dev["first"])
    atts = [("test_results_%s.csv" % digits(r, 4), make_csv(hdr, rows))]
    if r.random() < 0.5:
        atts.append(("test_837P_%s.edi" % digits(r, 4), edi.encode()))
    return dict(frm=(dev["full"], work_addr(r, dev, cdom)), to=[("EDI team", "edi@" + vdom)], subject=pick(r, ["837P test results", "UAT cycle %d results" % r.randint(1, 6), "Test claim file - synthetic data"]),
                text=text + disclaimer(r, 0.5), atts=atts)


@family("surveillance_summary", "clean")
def c_surv(r):
    hd, hdom = pick(r, HEALTHDEPTS)
    epi = person(r)
    wk = r.randint(1, 52)
    rows = [(dis[0], r.randint(0, 40), r.randint(0, 400), round(r.uniform(0, 12), 1)) for dis in r.sample(REPORTABLE, r.randint(5, 9))]
    hdr = ["Condition", "Cases this week", "YTD", "Rate per 100k"]
    intro = ("Weekly Communicable Disease Summary, MMWR week %d\n\n%s reports the following provisional case counts. Counts of 1-4 in sub-county geographies are suppressed. "
             "%s" % (wk, hd, pick(r, ["Pertussis activity remains above the 5-year median; clinicians should consider testing patients with prolonged cough.",
                                      "Influenza-like illness accounted for 3.2% of ED visits this week.", "A measles exposure advisory was issued for travelers; see the HAN.", ""])))
    t = r.randrange(3)
    if t == 0:
        return dict(frm=(hd + " Epidemiology", "epi@" + hdom), to=[("Partners", "cd-partners@" + hdom)], subject="Weekly disease summary - week %d" % wk,
                    text=intro + "\n\n" + table_text(hdr, rows), html=html_doc("Communicable Disease Summary", paras_html(intro) + html_table(hdr, rows), "#2e7d32"))
    if t == 1:
        return dict(frm=(epi["full"], work_addr(r, epi, hdom)), to=[("Infection Preventionists", "ip-list@" + hdom)], subject="Surveillance data week %d" % wk,
                    text="Attached is the weekly line count by condition and age group (aggregate, no case-level data).\n\n" + sig(r, epi, "Surveillance Epidemiologist", hd),
                    atts=[("weekly_counts_wk%02d.csv" % wk, make_csv(["condition", "age_group", "cases"], [(d[0], ag, r.randint(0, 30)) for d in rows for ag in ["0-4", "5-17", "18-64", "65+"]]))])
    adv = pick(r, REPORTABLE)[0]
    return dict(frm=(hd, "han@" + hdom), to=[("Clinicians", "clinicians@" + hdom)], subject="Health Advisory: " + adv,
                text="HEALTH ADVISORY\n\n%s is seeing an increase in %s cases. Clinicians should report suspected cases within 24 hours using the Confidential Morbidity Report form and submit specimens to the public health laboratory.\n\n%s" % (
                    hd, adv, sig(r, epi, "Health Officer", hd)))


@family("wc_premium_audit", "clean")
def c_wcaudit(r):
    carrier, cdom = pick(r, [("Granite State Workers' Comp Mutual", "gswcm.com"), ("Keystone Anchor Casualty", "keystoneanchor.org"), ("Harbor & Pine Casualty", "harborpine.com")])
    emp, edom = pick(r, EMPLOYERS)
    aud, cfo = person(r), person(r)
    classes = [("8810", "Clerical office employees"), ("8832", "Physician & clerical"), ("9052", "Hotel: all other employees"), ("3632", "Machine shop"), ("8017", "Store risk - retail"), ("7380", "Drivers, chauffeurs")]
    rows = [(c, d, money(r.uniform(200000, 9000000)), "%.2f" % r.uniform(0.1, 6.5)) for c, d in r.sample(classes, r.randint(2, 4))]
    hdr = ["Class code", "Description", "Payroll", "Rate per $100"]
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nYour annual workers' compensation premium audit for policy %s (period %s) is scheduled. Please have payroll registers, 941s, and certificates of insurance for subcontractors ready.\n\n%s\n\n%s" % (
            hello(r, cfo, False), ref_no(r, "WC-"), "%d-%d" % (2025, 2026), table_text(hdr, rows), sig(r, aud, "Premium Auditor", carrier)))
        return dict(frm=(aud["full"], work_addr(r, aud, cdom)), to=[(cfo["full"], work_addr(r, cfo, edom))], subject="Workers' comp premium audit", text=text + disclaimer(r))
    if t == 1:
        rows2 = [("Total number of cases with days away from work", r.randint(0, 12)), ("Total cases with job transfer or restriction", r.randint(0, 9)), ("Other recordable cases", r.randint(0, 20)),
                 ("Total injuries", r.randint(1, 30)), ("Total skin disorders", r.randint(0, 3)), ("Total respiratory conditions", r.randint(0, 2)),
                 ("Annual average number of employees", r.randint(60, 900)), ("Total hours worked", r.randint(100000, 1800000))]
        return dict(frm=(cfo["full"], work_addr(r, cfo, edom)), to=[("Safety Committee", "safety@" + edom)], subject="OSHA 300A summary for posting",
                    text="Attached is the %d OSHA Form 300A summary (establishment totals only) - please post in each break room from Feb 1 to Apr 30.\n\n%s" % (2025, sig(r, cfo, "Controller", emp)),
                    atts=[("OSHA_300A_2025.xlsx", make_xlsx([("300A", ["Item", "Total"], rows2)]))])
    return dict(frm=(aud["full"], work_addr(r, aud, cdom)), to=[(cfo["full"], work_addr(r, cfo, edom))], subject="Renewal quote - workers' compensation",
                text="%s\n\nAttached is the renewal proposal. Your experience modification factor decreased to %.2f, and the estimated annual premium is %s.\n\n%s" % (
                    hello(r, cfo, False), r.uniform(0.72, 1.2), money(r.uniform(40000, 400000)), sig(r, aud, "Account Executive", carrier)),
                atts=[("WC_renewal_%s.pdf" % digits(r, 5), make_pdf(["# " + carrier, "Workers' Compensation Renewal Proposal", "Insured: " + emp, ""] + [" | ".join(x) for x in rows], "Renewal"))])


@family("hr_policy_memo", "clean")
def c_hrpol(r):
    emp, edom = pick(r, EMPLOYERS)
    hr = person(r)
    topic = r.randrange(3)
    if topic == 0:
        subj = "Updated leave policy"
        body = ("We have updated our Family and Medical Leave policy. Eligible employees may take up to 12 weeks of job-protected leave for a serious health condition, "
                "the birth or placement of a child, or to care for a family member. Medical certification from a health care provider is required within 15 days. "
                "Short-term disability pays 60% of base pay after a 7-day waiting period. Submit requests through the leave portal; your manager will not see medical details.")
    elif topic == 1:
        subj = "Reasonable accommodation process"
        body = ("Employees who need a workplace accommodation because of a disability, pregnancy, or religious practice can request one at any time by contacting HR. "
                "Common accommodations include ergonomic equipment, modified schedules, and remote work. Medical documentation is kept separately from personnel files "
                "and shared only with those who need to know.")
    else:
        subj = "Return-to-work and transitional duty program"
        body = ("Our transitional duty program helps employees recovering from an injury or illness return to work safely with temporary restrictions such as lifting limits "
                "or reduced hours. For example, an employee recovering from knee surgery might work a seated assignment for four weeks. A fitness-for-duty note is required before returning.")
    t = r.randrange(3)
    if t == 0:
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[("All Employees", "all@" + edom)], subject=subj, text="%s\n\n%s\n\n%s" % (pick(r, ["Hi all,", "Team,", "Dear colleagues,"]), body, sig(r, hr, "Director, People Operations", emp)) + disclaimer(r))
    if t == 1:
        blocks = [("h", emp + " Policy: " + subj), ("field", "Effective", fdate(r, rdate(r), 2)), body, ("h", "Questions"), "Contact HR at hr@" + edom + "."]
        return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[("Managers", "managers@" + edom)], subject="Policy update: " + subj,
                    text="Managers - attached is the updated policy. Please review with your teams.\n\n" + sig(r, hr, "HR Manager", emp), atts=[("policy_%s.docx" % slug(subj.split()[0]), make_docx(blocks))])
    mgr = person(r)
    q = typo(r, pick(r, ["%s, if someone on my team asks for time off for a medical thing, do I need to ask what it is? Want to make sure I do this right.",
                         "Hi %s - what's the process if an employee needs a standing desk? Do they need a doctor's note?"]) % hr["first"])
    return dict(frm=(hr["full"], work_addr(r, hr, edom)), to=[(mgr["full"], work_addr(r, mgr, edom))], subject="Re: question", thread="reply",
                text="%s\n\nGood question. %s\n\n%s" % (hello(r, mgr, False), body.split(". ")[0] + ". Please don't ask for a diagnosis - just send them to HR.", hr["first"]) +
                quote_block(r, (mgr["full"], work_addr(r, mgr, edom)), msg_datetime(r), q))


@family("roi_fee_schedule", "clean")
def c_roifee(r):
    prov, vdom = pick(r, PROVIDERS)
    ven, ven_dom = pick(r, [("Ciox-Meridian ROI Services", "cmroi.com"), ("Verity Records Release", "verityrecords.com")])
    him, rep = person(r), person(r)
    t = r.randrange(3)
    rows = [("Patient (electronic copy)", "$6.50 flat"), ("Attorney / third party", "$0.75 per page after first 25"), ("Insurance underwriting", "$25.00 flat"),
            ("Subpoena processing", "$30.00"), ("Certification of records", "$10.00")]
    if t == 0:
        return dict(frm=(rep["full"], work_addr(r, rep, ven_dom)), to=[(him["full"], work_addr(r, him, vdom))], subject="Updated release-of-information fee schedule",
                    text="%s\n\nEffective %s, the following fee schedule will apply to requests fulfilled on behalf of %s:\n\n%s\n\nTurnaround last month averaged %.1f business days across %d requests.\n\n%s" % (
                        hello(r, him, False), fdate(r, rdate(r), 2), prov, table_text(["Requester type", "Fee"], rows), r.uniform(2, 9), r.randint(300, 4000), sig(r, rep, "Account Manager", ven)) + disclaimer(r))
    if t == 1:
        blocks = [("h", "AUTHORIZATION FOR USE AND DISCLOSURE OF HEALTH INFORMATION"), ("field", "Patient name", "________________________"), ("field", "Date of birth", "____/____/______"),
                  ("field", "Information to be released", "[ ] All records  [ ] Lab  [ ] Imaging  [ ] Mental health  [ ] HIV/STD  [ ] Substance use (42 CFR Part 2)"),
                  ("field", "Purpose", "[ ] Continuity of care  [ ] Legal  [ ] Insurance  [ ] Personal"), "This authorization expires one year from signature unless otherwise stated.",
                  ("field", "Signature", "________________________")]
        return dict(frm=(him["full"], work_addr(r, him, vdom)), to=[("Front desk leads", "frontdesk@" + vdom)], subject="New authorization form (rev %s)" % fdate(r, rdate(r), 1)[:7],
                    text="Please replace the old ROI authorization form with the attached revised version (adds the Part 2 checkbox). Shred blank copies of the old form.\n\n" + sig(r, him, "HIM Director", prov),
                    atts=[("ROI_authorization_blank.docx", make_docx(blocks))])
    stats = [(m, r.randint(200, 1500), round(r.uniform(1.5, 9.5), 1), r.randint(0, 12)) for m in ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]]
    return dict(frm=(him["full"], work_addr(r, him, vdom)), to=[("Compliance Committee", "compliance@" + vdom)], subject="HIM release-of-information metrics",
                text="ROI volume and turnaround for the half-year are below; no disclosures were made in error.\n\n" + table_text(["Month", "Requests", "Avg TAT (days)", "Denied"], stats),
                html=html_doc("ROI metrics", html_table(["Month", "Requests", "Avg TAT (days)", "Denied"], stats)))


# ---------------------------------------------------------------------------- added families

@family("copay_assistance", "phi")
def f_copay(r):
    drug, di = pick(r, DRUGS)
    dx = DX[di]
    brand = drug.split(" ")[0]
    prog = pick(r, ["%s Complete Savings Program" % brand, "%s Patient Support" % brand, "HealthWell Bridge Foundation", "PAN Access Fund"])
    pdom = slug(brand) + pick(r, ["support.com", "savings.com"]) if "Foundation" not in prog and "Fund" not in prog else pick(r, ["hwbridge.org", "panaccess.org"])
    p, nav = person(r), person(r)
    card = digits(r, 11)
    t = r.randrange(3)
    if t == 0:
        text = ("%s\n\nYou're enrolled! Your %s copay card is active for %s. With commercial insurance you may pay as little as $5 per fill, up to an annual maximum of %s.\n\n"
                "BIN: 610020  PCN: %s  Group: %s  ID: %s\n\nShow this information to your pharmacist with your prescription.\n\n%s" % (
                    hello(r, p), prog, drug, money(r.choice([6000, 9500, 14000, 20000])), letters(r, 3), "EC" + digits(r, 6), card, prog))
        html = html_doc(prog, paras_html(text) + html_table(["Program", "Medication", "Card ID", "Annual max"], [(prog, drug, card, "see terms")]), "#7b1fa2") if r.random() < 0.5 else None
        return dict(frm=(prog, "noreply@" + pdom), to=[(p["full"], personal_addr(r, p))], subject=pick(r, ["Welcome to " + prog, "Your copay card is active", "Enrollment confirmation"]), text=text + disclaimer(r, 0.5), html=html)
    if t == 1:
        text = ("%s\n\nThe foundation has approved a grant of %s for %s to help with out-of-pocket costs for %s treatment, valid %s through %s. "
                "Your pharmacy and Dr. %s's office have been notified.\n\n%s" % (
                    hello(r, p, True), money(r.choice([2500, 4000, 7500, 10000])), p["full"], dx[0], fdate(r, rdate(r)), fdate(r, rdate(r, date(2026, 10, 1), 200)),
                    person(r)["last"], sig(r, nav, "Patient Services Navigator", prog)))
        return dict(frm=(nav["full"], work_addr(r, nav, pdom)), to=[(p["full"], personal_addr(r, p))], subject="Grant approval", text=text)
    provs = sorted(set(n for c in CASES if c[0] == di for n in c[2])) or ["Mesa Verde Family Medicine"]
    prov = pick(r, provs)
    vdom = [x[1] for x in PROVIDERS if x[0] == prov][0]
    ma = person(r)
    text = typo(r, pick(r, ["Hi, submitting the benefits investigation for %s (DOB %s), %s for %s. Commercial ins is %s. Please let us know about bridge supply.",
                            "Following up on the enrollment form we faxed for %s, DOB %s - %s, dx %s. Payer %s denied PA pending step therapy."]) % (
        p["full"], fdate(r, p["dob"], 0), drug, dx[1] if r.random() < 0.5 else dx[0], pick(r, PAYERS)[0]))
    return dict(frm=(ma["full"], work_addr(r, ma, vdom)), to=[(prog + " Case Management", "hub@" + pdom)], subject=pick(r, ["BI request - " + p["last"], "enrollment follow up", "hub referral"]),
                text=text + "\n\n" + sig(r, ma, "Medical Assistant", prov) + disclaimer(r, 0.6))


@family("member_education", "clean")
def c_edu(r):
    payer, pdom = pick(r, PAYERS)
    t = r.randrange(3)
    sample = pick(r, ["Pat Example", "Jordan Sample", "Alex Member (sample)", "Chris Doe (illustration)"])
    if t == 0:
        pr = pick(r, PROC)
        rows = [("03/04/2026", pr[0], money(pr[2]), money(pr[2] * 0.55), money(pr[2] * 0.44), money(pr[2] * 0.11))]
        hdr = ["Date of service", "Service", "Billed", "Allowed", "Plan paid", "You owe"]
        intro = ("How to read your Explanation of Benefits\n\nAn EOB is not a bill. It shows what your provider billed, the discounted amount your plan allows, what the plan paid and what you may owe. "
                 "In the sample below, %s had an imaging service. The 'You owe' column is the amount the provider may bill you. Your real EOBs are in the member portal." % sample)
        return dict(frm=(payer, "newsletter@" + pdom), to=[("Members", "members@" + pdom)], subject=pick(r, ["Member newsletter: understanding your EOB", "EOBs explained", "Your benefits, explained"]),
                    text=intro + "\n\n" + table_text(hdr, rows) + "\n\n(Illustration only - not a real member or claim.)",
                    html=html_doc(payer + " Member Newsletter", paras_html(intro) + html_table(hdr, rows) + "<p><i>Illustration only - not a real member or claim.</i></p>"))
    if t == 1:
        text = ("What is prior authorization?\n\nSome services, such as %s, %s and some specialty drugs like %s, need approval from %s before you receive them. Your doctor's office "
                "usually submits the request. Decisions are made within 72 hours for urgent requests and 15 days for standard ones. If a request is denied, you or your doctor can appeal.\n\n"
                "Tip: ask your doctor's office if a prior authorization is needed before scheduling. If a claim is denied because authorization was missing, the patient is usually not responsible when the provider is in network." % (pick(r, PA_PROC)[0], pick(r, PA_PROC)[0], pick(r, DRUGS)[0].split(" (")[0], payer))
        return dict(frm=(payer + " Member Education", "education@" + pdom), to=[("Members", "members@" + pdom)], subject="Prior authorization: what members should know", text=text + disclaimer(r, 0.5))
    rows = [(sample, "Subscriber", "01/01/1980", "ABC000000000"), ("Sample Dependent", "Child", "01/01/2015", "ABC000000001")]
    text = ("Your new digital ID card\n\nStarting %s, you can show your ID card from the app. The sample card below shows where to find your member ID, group number and pharmacy BIN/PCN.\n\n%s\n\n"
            "Questions about your coverage? Call the number on the back of your card." % (fdate(r, rdate(r), 2), table_text(["Name", "Relationship", "DOB", "Member ID"], rows)))
    return dict(frm=(payer, "news@" + pdom), to=[("Members", "members@" + pdom)], subject="Introducing digital ID cards", text=text,
                atts=[("sample_id_card.pdf", make_pdf(["# " + payer, "SAMPLE MEMBER ID CARD - NOT VALID", "", "Member: " + sample, "ID: ABC000000000   Group: 000000", "RxBIN 610020  RxPCN SAMPLE", "", "Specimen for illustration only."], "Sample card"))] if r.random() < 0.5 else [])

# ============================================================================
# driver
# ============================================================================
SPLITS = {"blind": 500, "dev": 60}


def seed_for(*parts):
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def plan(split):
    total = SPLITS[split]
    fams = sorted(FAMILIES, key=lambda x: (x[1], x[0]))
    base, extra = divmod(total, len(fams))
    phi = [f for f in fams if f[1] == "phi"]
    clean = [f for f in fams if f[1] == "clean"]
    pr = random.Random(seed_for(split, "extra"))
    bonus = set()
    pr.shuffle(phi)
    pr.shuffle(clean)
    for i in range(extra):
        bonus.add((phi if i % 2 == 0 else clean)[i // 2 % len(phi)][0])
    jobs = []
    for name, label, fn in fams:
        for i in range(base + (1 if name in bonus else 0)):
            jobs.append((name, label, fn, i))
    random.Random(seed_for(split, "shuffle")).shuffle(jobs)
    return jobs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=sorted(SPLITS), required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    manifest = ["file\tlabel\tfamily\tform"]
    seen = set()
    for n, (name, label, fn, i) in enumerate(plan(a.split), 1):
        attempt = 0
        while True:
            s = seed_for(a.split, name, i, attempt)
            r = random.Random(s)
            random.seed(s)  # belt and braces: nothing below should use the global RNG
            spec = fn(r)
            key = hashlib.sha1((spec.get("text") or spec.get("html") or "").encode()).hexdigest()
            if key not in seen:
                seen.add(key)
                break
            attempt += 1
        data, form = build(spec, r)
        fname = "%04d.eml" % n
        with open(os.path.join(a.out, fname), "wb") as fh:
            fh.write(data)
        manifest.append("\t".join([fname, label, name, form]))
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(manifest) + "\n")
    print("wrote %d messages to %s" % (len(manifest) - 1, a.out))


if __name__ == "__main__":
    main()
