#!/usr/bin/env python3
"""Blind evaluation corpus: mail written by CARE PROVIDERS and about care.

usage: python3 generate.py --split dev|blind --out DIR

Standard library only. Deterministic: fixed seeds per split. Dev and blind use
disjoint name pools, disjoint organisation pools and disjoint template
variants; about 20% of families exist only in the blind split.
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
from xml.sax.saxutils import escape as xesc

SEEDS = {"dev": 417_203, "blind": 9_905_161}
PER_FAMILY = {"dev": 10, "blind": 8}

# ---------------------------------------------------------------- pools
NAMES = {
    "dev": {
        "f": ["Rosa", "Ana", "Priya", "Mei", "Olga", "Fatima", "Grace", "Hope", "Keisha",
              "Yuki", "Ngozi", "Lucia", "Svetlana", "Aaliyah", "Deepa", "Rose", "Carmen",
              "Hannah", "Thanh", "Ifeoma", "Maribel", "June", "Bich", "Zanele", "Agnieszka"],
        "m": ["Tom", "Marcus", "Jayden", "Ravi", "Dmitri", "Kwame", "Luis", "Hiroshi", "Will",
              "Bill", "Tariq", "Minh", "Jorge", "Chidi", "Pavel", "Ethan", "Sanjay", "Wei",
              "Mateo", "Darnell", "Frank", "Sipho", "Tomasz", "Rashid", "Colm"],
        "last": ["Alvarez", "Okafor", "Patel", "Chen", "Ivanova", "Haddad", "Johnson", "Nguyen",
                 "Kowalski", "Mensah", "Tanaka", "Garcia", "Washington", "Sharma", "Kim",
                 "Petrov", "Adeyemi", "O'Brien", "Moreno", "Li", "Smith", "Brooks", "Rivera",
                 "Hassan", "Dlamini", "Lindqvist", "Romero-Diaz", "Bhattacharya", "Le"],
        "clin_f": ["Anita", "Helen", "Laura", "Nadia", "Beatriz", "Sunita", "Karen", "Abena", "Elena", "Christine",
                   "Min-ji", "Patricia", "Olivia", "Renata"],
        "clin_m": ["Samuel", "Victor", "Omar", "Gregory", "Kenneth", "Arun", "Felipe", "Yusuf", "Daniel", "Kojo",
                   "Andrew", "Nikolai", "Paul", "Hamid"],
        "clin_last": ["Desai", "Reyes", "Cho", "Mbeki", "Fischer", "Siddiqui", "Hartman",
                      "Novak", "Oduya", "Lindgren", "Bauer", "Kapoor", "Whitaker", "Cohen", "Ferreira", "Yilmaz",
                      "Osei", "Larsen", "Mukherjee", "Horvath", "Ortega", "Wu", "Sullivan", "Farouk"],
    },
    "blind": {
        "f": ["Ximena", "Adaeze", "Lakshmi", "Soo-jin", "Irina", "Amina", "Faith", "Joy",
              "Tanisha", "Haruka", "Chiamaka", "Guadalupe", "Katarzyna", "Imani", "Anjali",
              "Dawn", "Esperanza", "Leah", "Linh", "Yetunde", "Marisol", "Summer", "Amber",
              "Precious", "Ludmila"],
        "m": ["Diego", "Oluwaseun", "Arjun", "Jun", "Bogdan", "Kofi", "Rafael", "Kenji",
              "Hunter", "Chance", "Idris", "Quang", "Andres", "Emeka", "Miroslav", "Caleb",
              "Vikram", "Hao", "Santiago", "Terrell", "Guy", "Ray", "Jack", "Baraka", "Sergei"],
        "last": ["Gutierrez", "Eze", "Venkataraman", "Park", "Sokolov", "Abdullah", "Whitfield",
                 "Tran", "Nowak", "Boateng", "Yamamoto", "Hernandez", "Jefferson", "Iyer",
                 "Choi", "Volkov", "Obi", "McCarthy", "Castillo", "Zhang", "Baker", "Fleming",
                 "Delgado", "Rahman", "Stone", "Nkemelu", "Szabo", "De la Cruz", "Vu"],
        "clin_f": ["Miriam", "Rachel", "Ingrid", "Folake", "Pooja", "Teresa", "Chloe", "Aiko", "Beth", "Gabriela",
                   "Hye-won", "Monique", "Sabine", "Tamar"],
        "clin_m": ["Nathaniel", "Hugo", "Bashir", "Douglas", "Stefan", "Rohan", "Ignacio", "Kwabena", "Russell",
                   "Tobias", "Anand", "Lorenzo", "Eli", "Farid"],
        "clin_last": ["Albright", "Okonjo", "Sato", "Morales", "Brennan", "Qureshi", "Halvorsen",
                      "Marchetti", "Adebayo", "Greenberg", "Ramanathan", "Leclerc", "Pruitt", "Katz", "Duarte",
                      "Aksoy", "Asante", "Eriksen", "Banerjee", "Kovacs", "Villanueva", "Huang", "Gallagher", "Nasser"],
    },
}

ORGS = {
    "dev": {
        "hospital": ("Lakeside Regional Medical Center", "lakesideregional.org"),
        "dental": ("Brightsmile Family Dental", "brightsmiledental.com"),
        "behavioral": ("Harbor Behavioral Health", "harborbh.org"),
        "pt": ("Summit Physical Therapy", "summitptclinic.com"),
        "telehealth": ("MedLinkNow", "medlinknow.health"),
        "homehealth": ("Riverbend Home Health", "riverbendhh.com"),
        "school": ("Maple Grove Elementary", "maplegrove.k12.oh.us"),
        "lab": ("Northgate Outpatient Laboratory", "northgatelab.com"),
        "urgent": ("FastCare Urgent Care - Elm Park", "fastcare-uc.com"),
        "clinic": ("Lakeside Primary Care Associates", "lakesideregional.org"),
    },
    "blind": {
        "hospital": ("St. Brigid's University Hospital", "stbrigids-health.org"),
        "dental": ("Pearl Dental Studio", "pearldentalstudio.com"),
        "behavioral": ("Clearwater Counseling Associates", "clearwatercounseling.net"),
        "pt": ("MotionWorks Physical Therapy", "motionworkspt.com"),
        "telehealth": ("VitalConnect Virtual Care", "vitalconnect.care"),
        "homehealth": ("Hearthstone Home Care", "hearthstonehomecare.org"),
        "school": ("Cedar Ridge Middle School", "cedarridge.isd.tx.us"),
        "lab": ("Prairie Diagnostics", "prairiedx.com"),
        "urgent": ("ExpressMed Urgent Care", "expressmeduc.com"),
        "clinic": ("St. Brigid's Family Medicine - Westside", "stbrigids-health.org"),
    },
}

CITIES = {
    "dev": [("Toledo", "OH", "436"), ("Dayton", "OH", "454"), ("Fort Wayne", "IN", "468"),
            ("Ann Arbor", "MI", "481")],
    "blind": [("Round Rock", "TX", "786"), ("Waco", "TX", "767"), ("Tulsa", "OK", "741"),
              ("Shreveport", "LA", "711")],
}
STREETS = {
    "dev": ["Oak St", "Maple Ave", "Lincoln Blvd", "Cherry Ln", "Summit Rd", "Elm Ct", "Harbor Dr"],
    "blind": ["Pecan Dr", "Mesquite Trl", "Bluebonnet Ln", "Live Oak Way", "Ranch Rd 12",
              "Magnolia St", "Cypress Bend"],
}
MAILHOSTS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net",
             "hotmail.com", "proton.me"]

DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use "
    "of the intended recipient(s) and may contain confidential and privileged information. Any "
    "unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended "
    "recipient, please contact the sender by reply e-mail and destroy all copies of the original message.",
    "This message may contain information that is privileged or confidential. If you received it in "
    "error, please notify the sender and delete it.",
    "Please do not reply to this automated message. For medical emergencies call 911.",
    "Confidential - intended only for the addressee.",
    "Think before you print.",
    "The information in this email is intended for the named recipient only. Email is not a secure "
    "form of communication; please do not send sensitive information by reply.",
]

TYPOS = [("the ", "teh "), ("appointment", "appointmnet"), ("please", "plese"),
         ("received", "recieved"), ("schedule", "schedlue"), ("Thanks", "Thnaks"),
         ("because", "becuase"), ("which", "whcih"), ("tomorrow", "tommorow")]

MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


class P:
    """A person."""

    def __init__(self, first, last, sex, dob):
        self.first, self.last, self.sex, self.dob = first, last, sex, dob
        self.full = f"{first} {last}"
        self.lf = f"{last}, {first}"
        self.LF = f"{last.upper()}, {first.upper()}"
        self.he = "she" if sex == "f" else "he"
        self.He = self.he.capitalize()
        self.his = "her" if sex == "f" else "his"
        self.His = self.his.capitalize()
        self.him = "her" if sex == "f" else "him"
        self.title = "Ms." if sex == "f" else "Mr."


class Ctx:
    def __init__(self, split, seed):
        self.split = split
        self.r = random.Random(seed)
        self.N = NAMES[split]
        self.O = ORGS[split]
        self.used_first = []

    # ---- basic randomness
    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def chance(self, p):
        return self.r.random() < p

    # ---- people
    def person(self, sex=None, age=(19, 88)):
        sex = sex or self.ch("fm")
        first = self.ch(self.N[sex])
        last = self.ch(self.N["last"])
        today = dt.date(2025, 3, 1)
        yrs = self.ri(*age)
        dob = today - dt.timedelta(days=yrs * 365 + self.ri(0, 364))
        return P(first, last, sex, dob)

    def child(self, sex=None):
        return self.person(sex, age=(5, 16))

    def clin(self, sex=None, dr=True):
        sex = sex or self.ch("fm")
        f = self.ch(self.N["clin_" + sex])
        l = self.ch(self.N["clin_last"])
        return (f"Dr. {f} {l}" if dr else f"{f} {l}"), f, l

    def org(self, kind):
        return self.O[kind]

    # ---- identifiers
    def mrn(self):
        k = self.ri(0, 5)
        if k == 0:
            return f"MRN {self.ri(10000000, 99999999):08d}"
        if k == 1:
            return f"MRN: {self.ch('ABEHK')}{self.ri(100000, 9999999)}"
        if k == 2:
            return f"MR# {self.ri(100, 999)}-{self.ri(10, 99)}-{self.ri(1000, 9999)}"
        if k == 3:
            return f"Acct #{self.ri(1000000, 9999999)}"
        if k == 4:
            return f"Chart #{self.ri(10000, 99999)}"
        return f"Patient ID: P{self.ri(100000, 999999)}"

    def mrn_num(self):
        return f"{self.ri(1000000, 99999999)}"

    def ssn(self):
        area = self.ri(1, 899)
        while area == 666:
            area = self.ri(1, 899)
        return f"{area:03d}-{self.ri(1, 99):02d}-{self.ri(1, 9999):04d}"

    def mbi(self):
        L = "ACDEFGHJKMNPQRTUVWXY"
        A = L + "0123456789"
        r = self.r
        return (f"{r.randint(1,9)}{r.choice(L)}{r.choice(A)}{r.randint(0,9)}-"
                f"{r.choice(L)}{r.choice(A)}{r.randint(0,9)}-{r.choice(L)}{r.choice(L)}"
                f"{r.randint(0,9)}{r.randint(0,9)}")

    def member_id(self):
        return self.ch(["W", "XJH", "ZGP", "MBR", "U"]) + str(self.ri(10000000, 999999999))

    def phone(self):
        return f"({self.ri(201, 989)}) {self.ri(200, 989)}-{self.ri(1000, 9999)}"

    def addr(self):
        city, st, z = self.ch(CITIES[self.split])
        return (f"{self.ri(12, 9899)} {self.ch(STREETS[self.split])}", f"{city}, {st} {z}{self.ri(10, 99)}")

    def email_of(self, p):
        sep = self.ch([".", "_", "", "."])
        base = (p.first + sep + p.last).lower().replace(" ", "").replace("'", "")
        if self.chance(0.4):
            base += str(self.ri(1, 99))
        return f"{base}@{self.ch(MAILHOSTS)}"

    # ---- dates
    def date(self, lo=None, hi=None):
        lo = lo or dt.date(2024, 2, 1)
        hi = hi or dt.date(2025, 6, 30)
        return lo + dt.timedelta(days=self.ri(0, (hi - lo).days))

    def wdate(self):
        d = self.date()
        while d.weekday() > 4:
            d += dt.timedelta(days=1)
        return d

    def time(self):
        h = self.ri(7, 16)
        m = self.ch([0, 15, 30, 45])
        ap = "AM" if h < 12 else "PM"
        return f"{(h - 1) % 12 + 1}:{m:02d} {ap}", h, m


# ---------------------------------------------------------------- formatting helpers
def fd(d, style=0):
    if style == 0:
        return d.strftime("%A, %B ") + str(d.day)
    if style == 1:
        return f"{d.month}/{d.day}/{d.year}"
    if style == 2:
        return f"{d.month}/{d.day}"
    if style == 3:
        return d.strftime("%b ") + str(d.day) + d.strftime(", %Y")
    if style == 4:
        return d.strftime("%Y-%m-%d")
    if style == 5:
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    return d.strftime("%d %b %Y")


def dob(p, c):
    return fd(p.dob, c.ch([1, 5, 3, 4]))


def fd_es(d):
    return f"{DAYS_ES[d.weekday()]} {d.day} de {MONTHS_ES[d.month - 1]}"


def sig(c, name, role, org, phone=True, extra=None):
    lines = ["", "--", name]
    if role:
        lines.append(role)
    lines.append(org[0])
    if phone:
        lines.append(f"P: {c.phone()}" if c.chance(0.5) else c.phone())
    if extra:
        lines.append(extra)
    return "\n".join(lines)


def addr_of(org, local):
    return f"{local}@{org[1]}"


def disp(name, addr):
    return f'"{name}" <{addr}>' if ("," in name or "." in name) else f"{name} <{addr}>"


def html_page(inner, title=""):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + xesc(title) +
            "</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">\n"
            + inner + "\n</body></html>\n")


def html_table(rows, header=None, border=1):
    out = [f'<table border="{border}" cellpadding="4" cellspacing="0" style="border-collapse:collapse">']
    if header:
        out.append("<tr>" + "".join(f'<th style="background:#e8eef4;text-align:left">{xesc(str(h))}</th>' for h in header) + "</tr>")
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{xesc(str(x))}</td>" for x in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def paras_html(text):
    out = []
    for block in text.strip().split("\n\n"):
        out.append("<p>" + xesc(block).replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def quote(text):
    return "\n".join(("> " + l) if l.strip() else ">" for l in text.strip("\n").split("\n"))


def email_date(d, c):
    h, m, s = c.ri(6, 21), c.ri(0, 59), c.ri(0, 59)
    tz = c.ch(["-0500", "-0400", "-0600", "-0700", "+0000"])
    return f"{d.strftime('%a, %d %b %Y')} {h:02d}:{m:02d}:{s:02d} {tz}", f"{h:02d}:{m:02d}"


def reply_header(c, d, who, addr, subject="follow up"):
    dd, hm = email_date(d, c)
    k = c.ri(0, 2)
    if k == 0:
        return f"On {d.strftime('%a, %b')} {d.day}, {d.year} at {hm}, {who} <{addr}> wrote:"
    if k == 1:
        return f"On {fd(d,1)} {hm}, {who} wrote:"
    return f"-----Original Message-----\nFrom: {who} <{addr}>\nSent: {d.strftime('%A, %B')} {d.day}, {d.year} {hm}\nSubject: {subject}\n"


def fwd_block(c, d, who, addr, to, subject, body):
    dd, _ = email_date(d, c)
    k = c.ri(0, 1)
    if k == 0:
        return (f"---------- Forwarded message ---------\nFrom: {who} <{addr}>\nDate: {dd}\n"
                f"Subject: {subject}\nTo: {to}\n\n{body}")
    return (f"-----Original Message-----\nFrom: {who} [mailto:{addr}]\nSent: {d.strftime('%A, %B')} {d.day}, {d.year} "
            f"{c.ri(7,11)}:{c.ri(10,59)} AM\nTo: {to}\nSubject: {subject}\n\n{body}")


# ---------------------------------------------------------------- attachment builders
def pdf_bytes(lines, compress=False, title="Document"):
    """Single- or multi-page PDF, Helvetica, hand-built with correct xref."""
    def esc(s):
        s = s.encode("latin-1", "replace").decode("latin-1")
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    pages = [lines[i:i + 50] for i in range(0, max(len(lines), 1), 50)] or [[]]
    objs = []  # index i -> object number i+1
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 font bold, then for each page: page obj, content obj; last: info
    kids = []
    page_objs = []
    for pi, pl in enumerate(pages):
        parts = ["BT", "/F1 10 Tf", "14 TL", "50 770 Td"]
        for ln in pl:
            if ln.startswith("# "):
                parts.append(f"/F2 13 Tf ({esc(ln[2:])}) Tj T* /F1 10 Tf")
            else:
                parts.append(f"({esc(ln)}) Tj T*")
        parts.append("ET")
        stream = ("\n".join(parts) + "\n").encode("latin-1")
        page_objs.append(stream)
    pobj_start = 5
    for pi in range(n_pages):
        kids.append(f"{pobj_start + 2 * pi} 0 R")
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    for pi, stream in enumerate(page_objs):
        cnum = pobj_start + 2 * pi + 1
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {cnum} 0 R >>".encode())
        if compress:
            data = zlib.compress(stream)
            objs.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream")
        else:
            objs.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"endstream")
    objs.append(f"<< /Title ({esc(title)}) /Producer (ReportWriter 4.2) /CreationDate (D:20250301090000) >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


ZDATE = (2025, 2, 14, 9, 30, 0)


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def docx_bytes(blocks):
    """blocks: list of str (paragraph; '# ' prefix = heading/bold) or list-of-rows (table)."""
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = []
    for b in blocks:
        if isinstance(b, list):
            rows = []
            for r in b:
                cells = "".join(
                    f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">{xesc(str(x))}</w:t></w:r></w:p></w:tc>'
                    for x in r)
                rows.append(f"<w:tr>{cells}</w:tr>")
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
                        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
                        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
                        '</w:tblPr>' + "".join(rows) + "</w:tbl>")
        elif b.startswith("# "):
            body.append(f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{xesc(b[2:])}</w:t></w:r></w:p>')
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{xesc(b)}</w:t></w:r></w:p>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
           + "".join(body) + '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Front Desk</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-14T09:30:00Z</dcterms:created></cp:coreProperties>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("docProps/core.xml", core),
                 ("word/document.xml", doc)])


def _col(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def xlsx_bytes(rows, sheet="Sheet1", shared=True):
    sst, sidx = [], {}
    xr = []
    for ri_, row in enumerate(rows):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{ri_ + 1}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif shared:
                v = str(v)
                if v not in sidx:
                    sidx[v] = len(sst)
                    sst.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{sidx[v]}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xesc(str(v))}</t></is></c>')
        xr.append(f'<row r="{ri_ + 1}">' + "".join(cells) + "</row>")
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + "".join(xr) + "</sheetData></worksheet>")
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<sheets><sheet name="{xesc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else "")
              + '</Relationships>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else "")
          + '</Types>')
    files = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
             ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", ws)]
    if shared:
        ss = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
              + "".join(f'<si><t xml:space="preserve">{xesc(s)}</t></si>' for s in sst) + "</sst>")
        files.append(("xl/sharedStrings.xml", ss))
    return _zip(files)


def csv_bytes(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def ics_fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur, limit = [], b"", 75
    for ch in line:
        cb = ch.encode("utf-8")
        if len(cur) + len(cb) > limit:
            out.append(cur)
            cur = b" " + cb
            limit = 75
        else:
            cur += cb
    out.append(cur)
    return "\r\n".join(x.decode("utf-8") for x in out)


def ics_text(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_bytes(c, uid_dom, start, minutes, summary, description, location, organizer,
              attendees=(), method="REQUEST", tz="America/Chicago"):
    end = start + dt.timedelta(minutes=minutes)
    f = "%Y%m%dT%H%M%S"
    L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Scheduling Suite//EN", f"METHOD:{method}",
         "CALSCALE:GREGORIAN", "BEGIN:VEVENT",
         f"UID:{c.ri(10**9, 10**10 - 1)}-{c.ri(1000, 9999)}@{uid_dom}",
         f"DTSTAMP:{(start - dt.timedelta(days=c.ri(3, 20))).strftime(f)}Z",
         f"DTSTART;TZID={tz}:{start.strftime(f)}", f"DTEND;TZID={tz}:{end.strftime(f)}",
         f"SUMMARY:{ics_text(summary)}", f"DESCRIPTION:{ics_text(description)}",
         f"LOCATION:{ics_text(location)}", f"ORGANIZER;CN={ics_text(organizer[0])}:mailto:{organizer[1]}"]
    for cn, em in attendees:
        L.append(f"ATTENDEE;CN={cn};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{em}")
    L += ["STATUS:CONFIRMED", "SEQUENCE:0", "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder",
          "TRIGGER:-PT60M", "END:VALARM", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(ics_fold(l) for l in L) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------- message container
class M:
    def __init__(self, frm, to, subject, text=None, html=None, form="text", date=None, cc=None):
        self.frm, self.to, self.subject = frm, to, subject
        self.text, self.html, self.form = text, html, form
        self.date, self.cc = date, cc
        self.atts = []  # (bytes, maintype, subtype, filename, params)
        self.headers = []

    def att(self, data, mt, st, fn, **params):
        self.atts.append((data, mt, st, fn, params))
        return self


# ================================================================ PHI families
SPECIALTIES = [("Cardiology", "cardiology follow-up"), ("Dermatology", "skin check"),
               ("Endocrinology", "diabetes follow-up"), ("Gastroenterology", "GI consult"),
               ("Oncology", "chemotherapy infusion"), ("Orthopedics", "post-op knee check"),
               ("Obstetrics", "28-week prenatal visit"), ("Pulmonology", "COPD follow-up"),
               ("Rheumatology", "lupus follow-up"), ("Urology", "prostate biopsy consult"),
               ("Nephrology", "CKD stage 3 follow-up"), ("Neurology", "migraine follow-up"),
               ("Sleep Medicine", "overnight sleep study"), ("Allergy", "allergy shot"),
               ("Psychiatry", "medication management visit")]


def f_appt_reminder(c, v):
    p = c.person()
    org = c.org(c.ch(["hospital", "clinic"]))
    dr, _, drl = c.clin()
    d = c.wdate()
    t, h, m = c.time()
    spec, what = c.ch(SPECIALTIES)
    to = c.email_of(p)
    if v == 0:
        body = (f"Hi {p.first},\n\nThis is a friendly reminder from {org[0]} that you have a {what} with "
                f"{dr} ({spec}) on {fd(d)} at {t}.\n\nPlease arrive 15 minutes early to complete check-in and "
                f"bring your insurance card, photo ID and a current list of medications.\n\nTo cancel or reschedule, "
                f"call {c.phone()} at least 24 hours in advance.\n\nThank you,\n{spec} Scheduling")
        return M(f"{org[0]} <noreply@{org[1]}>", to, f"Appointment reminder - {fd(d,2)}", body)
    if v == 1:
        proc = c.ch([("colonoscopy", "Suprep", "Endoscopy Suite, 2nd floor"),
                     ("upper endoscopy (EGD)", None, "GI Lab, Pavilion B"),
                     ("flexible sigmoidoscopy", "two Fleet enemas", "Endoscopy Suite")])
        prev = d - dt.timedelta(days=1)
        prep = (f"Your prep ({proc[1]}) starts {fd(prev)} at 4 PM - clear liquids only all day, no red or purple."
                if proc[1] else "Nothing to eat after midnight; sips of water until 4 hours before.")
        body = (f"Hi {p.first}, reminder: your {proc[0]} with {dr} is {fd(d)} at {t}.\n\n{prep}\n\n"
                f"You MUST have a driver 18+ to take you home; we can't release you to a taxi or rideshare. "
                f"Location: {org[0]}, {proc[2]}.\n\nQuestions about the prep? Call the GI nurse line {c.phone()}.\n\n"
                f"- {org[0]} GI")
        return M(f"GI Scheduling <gi.scheduling@{org[1]}>", to, f"{p.first}, your {proc[0].split(' ')[0]} prep starts soon", body)
    if v == 2:
        rows = [("Patient", p.lf), ("Date of birth", dob(p, c)), ("Appointment", what.capitalize()),
                ("Department", spec), ("Provider", dr), ("Date / time", f"{fd(d,3)} {t}"),
                ("Location", f"{org[0]}, Suite {c.ri(100, 450)}")]
        html = html_page(f"<h2 style=\"color:#1a5276\">Upcoming appointment</h2>\n<p>Dear {xesc(p.title)} {xesc(p.last)},</p>\n"
                         f"<p>Please review the details below.</p>\n{html_table(rows, border=0)}\n"
                         f"<p><a href=\"https://portal.{org[1]}/appt/confirm?id={c.ri(10**6,10**7)}\">Confirm</a> | "
                         f"<a href=\"https://portal.{org[1]}/appt/cancel\">Cancel</a></p>\n"
                         f"<p style=\"font-size:11px;color:#777\">{org[0]} &middot; This mailbox is not monitored.</p>",
                         "Appointment reminder")
        return M(f"{org[0]} Patient Portal <portal@{org[1]}>", to, "You have an upcoming appointment", html=html, form="html")
    if v == 3:
        spec, kind = c.ch([("Orthopedics", "MRI of the left knee"), ("Radiology", "CT abdomen/pelvis with contrast"),
                           ("Cardiology", "echocardiogram"), ("Womens Imaging", "DEXA bone density scan"),
                           ("Breast Center", "diagnostic mammogram"), ("Allergy", "allergy skin testing"),
                           ("Sleep Medicine", "overnight sleep study")])
        body = (f"{p.first.upper()} {p.last.upper()}: appt at {org[0].split(' - ')[0]} {spec} {fd(d,2)} {t} - {kind}. "
                f"Reply C to confirm, R to reschedule. Bring med list. Msg&data rates may apply.")
        return M(f"{org[0]} <alerts@{org[1]}>", to, "Appt reminder", body)
    if v == 4:
        body = (f"Good afternoon {p.title} {p.last},\n\nWe are writing to confirm your pre-operative appointment at the "
                f"{org[0]} Pre-Admission Testing clinic on {fd(d)} at {t}, ahead of your {c.ch(['right hip replacement','hernia repair','hysterectomy','cataract surgery'])} "
                f"with {dr}.\n\nPlease bring all medication bottles. Stop aspirin and ibuprofen 7 days before surgery unless "
                f"Dr. {drl} tells you otherwise. Labs (CBC, BMP, type & screen) will be drawn at this visit.\n\nKind regards,\n"
                f"Pre-Admission Testing\n{c.phone()}")
        return M(f"PAT Nurse Line <pat@{org[1]}>", to, "Pre-op appointment confirmation", body)
    if v == 5:
        d2 = d - dt.timedelta(days=2)
        body = (f"Hello {p.first},\n\nJust a heads-up that your prenatal appointment with {dr} is coming up on {fd(d)}. "
                f"At this visit you'll have your glucose tolerance test, so please do not eat for 2 hours before. "
                f"The test takes about an hour.\n\nIf you have had any bleeding, leaking fluid or decreased movement since "
                f"your last visit on {fd(d2 - dt.timedelta(days=26), 2)}, call us right away.\n\nWomen's Health at {org[0]}")
        return M(f"Womens Health <womenshealth@{org[1]}>", to, "Reminder: your upcoming visit", body)


def f_results_note(c, v):
    p = c.person(age=(28, 84))
    org = c.org(c.ch(["clinic", "hospital", "lab"]))
    dr, drf, drl = c.clin()
    nurse = c.ch(c.N["clin_f"]) + " " + c.ch(c.N["clin_last"])[0] + "., RN"
    d = c.date()
    to = c.email_of(p)
    if v == 0:
        site = c.ch(["skin biopsy from your left shoulder", "breast biopsy", "thyroid nodule biopsy",
                     "colon polyp biopsy", "cervical biopsy"])
        body = (f"Hi {p.first},\n\nGood news - your {site} from {fd(d,2)} came back benign. "
                f"{dr} reviewed it this morning and no further treatment is needed. We'll see you at your "
                f"routine follow-up in {c.ch(['6 months','a year','3 months'])}.\n\nLet me know if you have questions.\n\n{nurse}\n{org[0]}")
        return M(f"{nurse.split(',')[0]} <{nurse.split(' ')[0].lower()}.rn@{org[1]}>", to, "Your results", body)
    if v == 1:
        a1c = round(c.r.uniform(7.2, 10.4), 1)
        prev = round(a1c - c.r.uniform(0.3, 1.2), 1)
        body = (f"Dear {p.title} {p.last},\n\nYour A1c from {fd(d,2)} was {a1c}%. That is up from {prev}% at your last "
                f"check, so Dr. {drl} would like to increase your metformin to 1000 mg twice daily and add "
                f"{c.ch(['Jardiance 10 mg daily','Ozempic 0.25 mg weekly','glipizide 5 mg with breakfast'])}. "
                f"The new prescription has been sent to your pharmacy.\n\nPlease schedule a follow-up in 3 months.\n\n"
                f"Sincerely,\n{dr}")
        return M(f"{dr} via {org[0]} <messages@{org[1]}>", to, "Lab results and medication change", body)
    if v == 2:
        ldl, hdl, tg = c.ri(131, 199), c.ri(29, 39), c.ri(160, 340)
        body = (f"Hi {p.first},\n\nHere are your cholesterol results from {fd(d,2)}:\n\n"
                f"  Total cholesterol  {ldl + hdl + tg // 5}  mg/dL   (ref <200)  H\n"
                f"  LDL {ldl} mg/dL (ref <100) H\n"
                f"  HDL {hdl} L mg/dL (ref >40)\n"
                f"  Triglycerides {tg} H\n  Non-HDL {ldl + tg // 5}\n\n"
                f"Your LDL is above goal. {dr} recommends starting atorvastatin 20 mg nightly. "
                f"We'll repeat the panel in 8 weeks.\n\nThanks,\n{nurse}")
        return M(f"{org[0]} <results@{org[1]}>", to, "Re: cholesterol", body)
    if v == 3:
        tsh = round(c.r.uniform(5.1, 11.8), 1)
        body = (f"{p.title} {p.last} -\n\nYour TSH came back at {tsh} (normal 0.4-4.0), free T4 0.{c.ri(7, 9)}. "
                f"That's consistent with an underactive thyroid. {dr} would like to start levothyroxine 50 mcg "
                f"every morning on an empty stomach and recheck in 6 weeks.\n\nPatient: {p.lf}   DOB: {dob(p, c)}\n\n"
                f"Reply here or call {c.phone()}.\n{org[0]} Endocrine")
        return M(f"Endocrine Team <endo@{org[1]}>", to, "Thyroid results", body)
    if v == 4:
        psa = round(c.r.uniform(4.2, 9.9), 2)
        p = c.person("m", age=(50, 80))
        body = (f"Hello {p.first},\n\nI looked at your labs. PSA {psa} ng/mL (0.00-4.00) - higher than last year's "
                f"{round(psa - 1.3, 2)}. Kidney function and blood count were normal. Given the rise I'd like you to "
                f"see urology - my office will call you with a referral.\n\n{drf}")
        return M(f"{dr} <{drf.lower()}.{drl.lower()}@{org[1]}>", c.email_of(p), "your PSA", body)
    if v == 5:
        inr = round(c.r.uniform(1.4, 4.6), 1)
        body = (f"Hi {p.first} - INR today {inr} (goal 2.0-3.0). "
                f"{'Hold tonight' if inr > 3 else 'Take an extra half tablet tonight'} then resume warfarin 5 mg daily; "
                f"recheck {fd(d + dt.timedelta(days=7), 2)}. - Anticoag Clinic")
        return M(f"Anticoagulation Clinic <anticoag@{org[1]}>", to, f"INR {fd(d,2)}", body)


def f_lab_html(c, v):
    p = c.person()
    org = c.org("lab")
    d = c.date()
    to = c.email_of(p)
    if v == 0:
        rows = [("Glucose, fasting", c.ri(101, 168), "H", "70-99 mg/dL"),
                ("Creatinine", round(c.r.uniform(0.6, 1.9), 2), c.ch(["", "H"]), "0.57-1.00 mg/dL"),
                ("eGFR", c.ri(38, 95), "", ">59 mL/min/1.73"),
                ("Potassium", round(c.r.uniform(3.2, 5.6), 1), "", "3.5-5.2 mmol/L"),
                ("ALT", c.ri(12, 88), c.ch(["", "H"]), "0-32 IU/L")]
        inner = (f"<p>Patient: <b>{xesc(p.full)}</b> &nbsp; DOB: {dob(p, c)} &nbsp; Collected: {fd(d,1)}</p>\n"
                 + html_table(rows, ["Test", "Result", "Flag", "Reference"]) +
                 f"\n<p>Ordering provider: {xesc(c.clin()[0])}</p><p>{xesc(org[0])} | CLIA 36D0{c.ri(100000,999999)}</p>")
        return M(f"{org[0]} <reports@{org[1]}>", to, "Your lab report is ready", html=html_page(inner), form="html")
    if v == 1:
        wbc = round(c.r.uniform(2.1, 14.8), 1)
        rows = [("WBC", wbc, "x10^3/uL", "4.0-10.5", "H" if wbc > 10.5 else ("L" if wbc < 4 else "")),
                ("Hemoglobin", round(c.r.uniform(8.1, 15.2), 1), "g/dL", "12.0-15.5", ""),
                ("Platelets", c.ri(90, 420), "x10^3/uL", "150-400", ""),
                ("Neutrophils", c.ri(40, 85), "%", "40-74", "")]
        inner = (f"<p>Dear {xesc(p.first)},</p><p>Your complete blood count (CBC) collected on {fd(d,3)} is below. "
                 f"Your care team will contact you if any follow-up is needed.</p>\n"
                 + html_table(rows, ["Component", "Value", "Units", "Ref range", "Flag"]) +
                 "<p>Log in to the portal to see trends.</p>")
        return M(f"{org[0]} <noreply@{org[1]}>", to, "New test result", html=html_page(inner), form="html")
    if v == 2:
        mrn = c.mrn_num()
        rows = [["Sodium", f"{c.ri(128,146)}", "136 - 145 mmol/L"], ["Chloride", f"{c.ri(96,109)}", "98 - 107 mmol/L"],
                ["BUN", f"{c.ri(8,44)} H", "7 - 20 mg/dL"], ["Calcium", f"{round(c.r.uniform(8.1,10.9),1)}", "8.6 - 10.3 mg/dL"],
                ["Hemoglobin A1c", f"{round(c.r.uniform(5.7,9.8),1)} H", "< 5.7 %"]]
        inner = ("<table width=\"100%\"><tr><td><b>NAME:</b> " + xesc(p.LF) + f"</td><td><b>MRN:</b> {mrn}</td>"
                 f"<td><b>SEX:</b> {p.sex.upper()}</td><td><b>DOB:</b> {fd(p.dob,5)}</td></tr></table><hr>\n"
                 + html_table(rows, ["ANALYTE", "RESULT", "REFERENCE INTERVAL"]) +
                 f"<p style='font-size:11px'>Final report {fd(d,5)} {c.ri(6,18):02d}:{c.ri(0,59):02d}. Electronically verified.</p>")
        return M(f"Results Notification <results-noreply@{org[1]}>", to, f"Final report - accession {c.ri(10**7,10**8)}",
                 html=html_page(inner), form="html")
    if v == 3:
        org2 = c.org("clinic")
        bug = c.ch(["Escherichia coli >100,000 CFU/mL", "Klebsiella pneumoniae 50,000-100,000 CFU/mL",
                    "Enterococcus faecalis >100,000 CFU/mL"])
        rows = [["Ampicillin", "R"], ["Nitrofurantoin", "S"], ["Ciprofloxacin", c.ch("SIR")],
                ["Trimethoprim/Sulfa", c.ch("SR")], ["Cefazolin", "S"]]
        inner = (f"<h3>Results for {xesc(p.full)}</h3><p>Urine culture, clean catch - collected {fd(d,2)}</p>"
                 f"<p><b>Organism:</b> {xesc(bug)}</p>" + html_table(rows, ["Antibiotic", "Interpretation"]) +
                 f"<p>Comment from your provider: the antibiotic you were started on should cover this. Finish all "
                 f"doses.</p><p>{xesc(org2[0])}</p>")
        return M(f"{org2[0]} <mychart@{org2[1]}>", to, "Test results available", html=html_page(inner), form="html")
    if v == 4:
        rows = [["25-OH Vitamin D", f"{c.ri(9,19)}", "L", "30-100 ng/mL"], ["Ferritin", f"{c.ri(4,14)}", "L", "15-150 ng/mL"],
                ["B12", f"{c.ri(180,900)}", "", "232-1245 pg/mL"], ["Iron", f"{c.ri(20,60)}", "L", "37-145 ug/dL"]]
        inner = (f"<div style='border:1px solid #ccc;padding:10px'><p>{xesc(p.title)} {xesc(p.last)}, here are the results "
                 f"from your visit on {fd(d,3)}:</p>" + html_table(rows, ["Test", "Your value", "Flag", "Standard range"]) +
                 "<p>Your doctor recommends vitamin D3 2000 IU daily and ferrous sulfate 325 mg every other day.</p></div>")
        return M(f"{org[0]} <noreply@{org[1]}>", to, "Results from your recent visit", html=html_page(inner), form="html")


def f_discharge(c, v):
    p = c.person(age=(22, 90))
    org = c.org("hospital")
    dr, drf, drl = c.clin()
    d = c.date()
    to = c.email_of(p)
    if v == 0:
        dx = c.ch([("Chest pain, non-cardiac", "Troponin x2 negative, ECG normal sinus rhythm"),
                   ("Acute kidney stone, left ureter 4 mm", "CT showed 4 mm stone at L UVJ"),
                   ("Syncope", "Orthostatic vitals positive, echo normal")])
        body = (f"AFTER VISIT SUMMARY\n\n{p.full}   DOB {dob(p, c)}   {c.mrn()}\nVisit: {fd(d,1)} - Emergency Department, {org[0]}\n"
                f"Attending: {dr}\n\nReason for visit / diagnosis: {dx[0]}\nWhat we found: {dx[1]}\n\n"
                f"Medications STARTED:\n  - {c.ch(['tamsulosin 0.4 mg daily x 14 days','famotidine 20 mg twice daily','ondansetron 4 mg every 8 hours as needed'])}\n"
                f"Medications STOPPED: none\n\nFollow-up: see your primary care provider within 3-5 days.\n"
                f"Return to the ED for worsening pain, fever over 101, fainting or shortness of breath.")
        return M(f"{org[0]} <avs@{org[1]}>", to, "Your After Visit Summary", body)
    if v == 1:
        side = c.ch(["left", "right"])
        body = (f"Dear {p.first},\n\nThank you for choosing {org[0]}. You were seen on {fd(d)} for a {side} ankle sprain. "
                f"X-rays did not show a fracture.\n\nAt home:\n* Rest, ice 20 minutes at a time, compression, elevation\n"
                f"* Ibuprofen 600 mg every 6 hours with food as needed\n* Use the air-cast splint and crutches; weight bear as tolerated\n\n"
                f"If the pain is not better in 1 week, follow up with Orthopedics ({c.phone()}).\n\nWarm regards,\nEmergency Department Nursing")
        return M(f"ED Follow Up <edfollowup@{org[1]}>", to, "Discharge instructions", body)
    if v == 2:
        pcp, _, pcpl = c.clin()
        a = d - dt.timedelta(days=c.ri(2, 7))
        body = (f"Dr. {pcpl},\n\nYour patient was discharged today. Summary below; full document in the HIE.\n\n"
                f"Re: {p.lf} ({c.mrn()}), DOB {dob(p, c)}\nAdmitted: {fd(a,1)}   Discharged: {fd(d,1)}\n"
                f"Principal diagnosis: {c.ch(['community-acquired pneumonia, RLL','CHF exacerbation (EF 30%)','cellulitis of left lower leg','COPD exacerbation'])}\n"
                f"Secondary: type 2 diabetes, hypertension, CKD 3a\nHospital course: treated with IV ceftriaxone/azithro, "
                f"transitioned to oral on day 3. O2 weaned to room air.\nDischarge meds: amoxicillin-clavulanate 875 mg BID x5 days, "
                f"home meds unchanged except lisinopril held (Cr 1.6).\nPending: blood cultures (NGTD at 48h).\n"
                f"Please see within 7 days.\n\n{dr}\nHospital Medicine, {org[0]}")
        return M(f"{dr} <{drf[0].lower()}{drl.lower()}@{org[1]}>", f"{pcp} <{pcpl.lower()}@{c.org('clinic')[1]}>",
                 f"Discharge summary - {p.last}", body)
    if v == 3:
        proc = c.ch(["laparoscopic cholecystectomy", "left inguinal hernia repair", "right knee arthroscopy",
                     "tonsillectomy", "carpal tunnel release (right)"])
        body = (f"Post-operative instructions for {p.full}\nProcedure: {proc}   Date: {fd(d,3)}   Surgeon: {dr}\n\n"
                f"- You may shower after 48 hours. No tub baths for 2 weeks.\n- Pain: oxycodone 5 mg every 6 hours as needed "
                f"(#12 dispensed), then acetaminophen.\n- No lifting over 10 lbs for 2 weeks.\n- Call for fever > 101.5, redness or "
                f"drainage at the incision.\n\nPost-op visit: {fd(d + dt.timedelta(days=14))} with Dr. {drl}.\n\nDay Surgery Center, {org[0]}")
        return M(f"Day Surgery <daysurgery@{org[1]}>", to, "Your instructions from today", body)
    if v == 4:
        body = (f"Hi {p.first},\n\nAs promised, here is a written copy of what we went over before you left labor & delivery:\n\n"
                f"You delivered a healthy baby {c.ch(['girl','boy'])} on {fd(d,2)} by {c.ch(['vaginal delivery','C-section'])}. "
                f"Your blood pressure was a little high after delivery (148/94), so please check it twice a day and call "
                f"if it is above 160/110 or you have a headache or vision changes.\nKeep taking prenatal vitamins and iron.\n"
                f"Postpartum visit: 2 weeks for BP check, 6 weeks full visit.\n\nCongratulations!\nMother-Baby Unit, {org[0]}")
        return M(f"Mother Baby Unit <motherbaby@{org[1]}>", to, "Going home instructions", body)
    if v == 5:
        body = (f"Patient name: {p.full}\nDate of service: {fd(d,5)}\nDepartment: Cardiac Cath Lab\n\n"
                f"Procedure: left heart catheterization with drug-eluting stent to mid LAD.\n"
                f"Access: right radial. Keep wrist band on 2 hours, no lifting >5 lbs with right arm for 48 hours.\n"
                f"New medicines: clopidogrel 75 mg daily (do NOT stop without talking to cardiology), atorvastatin 80 mg.\n"
                f"Cardiac rehab referral placed.\n\nQuestions: Cardiology nurse line {c.phone()}")
        return M(f"{org[0]} Heart & Vascular <heart@{org[1]}>", to, "Discharge information", body)


def f_referral(c, v):
    p = c.person(age=(18, 82))
    org = c.org(c.ch(["clinic", "hospital"]))
    dr, drf, drl = c.clin()
    sp, spf, spl = c.clin()
    d = c.date()
    if v == 0:
        cond = c.ch([("evaluation of a 2.3 cm right thyroid nodule", "TSH 1.8, ultrasound TI-RADS 4"),
                     ("progressive exertional dyspnea", "echo with EF 40%, BNP 612"),
                     ("recurrent kidney stones", "24-hour urine shows hypercalciuria"),
                     ("iron deficiency anemia with positive FIT", "Hgb 9.4, ferritin 6")])
        body = (f"Dear Dr. {spl},\n\nI am referring {p.full} (DOB {dob(p, c)}) for {cond[0]}. "
                f"Relevant workup: {cond[1]}. Current medications include lisinopril 10 mg and atorvastatin 20 mg. "
                f"No known drug allergies.\n\nI would appreciate your assessment and recommendations. Records and "
                f"imaging are attached to the referral in the EHR.\n\nBest regards,\n\n{dr}\n{org[0]}\nFax {c.phone()}")
        return M(f"{dr} <{drf.lower()}.{drl.lower()}@{org[1]}>", f"{sp} <{spl.lower()}@{c.org('hospital')[1]}>",
                 f"Referral: {p.full}", body)
    if v == 1:
        side = c.ch(["R", "L"])
        body = (f"REFERRAL REQUEST\n\nPatient: {p.LF}\nDOB: {fd(p.dob,5)}\nPhone: {c.phone()}\nInsurance: "
                f"{c.ch(['Aetna PPO','BCBS Blue Choice','Medicaid - CareSource','UnitedHealthcare'])} ID {c.member_id()}\n"
                f"Refer to: Orthopedic Surgery - Sports\nUrgency: Routine\nDx: M23.2{c.ri(0,3)}{c.ri(1,2)} - derangement of meniscus, {side} knee\n"
                f"Reason: {side} knee pain x 4 mo, MRI shows complex tear of the medial meniscus. Failed 6 wk PT.\n"
                f"Referring provider: {dr}, NPI 1{c.ri(100000000,999999999)}\n\nPlease call patient to schedule.")
        return M(f"Referrals Coordinator <referrals@{org[1]}>", f"ortho.intake@{c.org('hospital')[1]}",
                 "Referral - ortho", body)
    if v == 2:
        ther = c.org("behavioral")
        body = (f"Hello,\n\nI'm writing to refer {p.full}, a {2025 - p.dob.year}-year-old {('woman' if p.sex=='f' else 'man')} "
                f"I see for primary care, for outpatient therapy. {p.He} has had panic attacks {c.ri(2,5)} times a week since "
                f"{c.ch(['a car accident in the fall','losing '+p.his+' job','the birth of '+p.his+' son'])}, and a PHQ-9 of {c.ri(11,19)}. "
                f"I started sertraline 50 mg on {fd(d,2)}. {p.He} is interested in CBT and prefers evening appointments.\n\n"
                f"{p.His} number is {c.phone()}. {p.He} gave verbal consent for this referral.\n\nThank you,\n{dr}")
        return M(f"{dr} <{drl.lower()}@{org[1]}>", f"intake@{ther[1]}", f"New referral - {p.last}", body)
    if v == 3:
        dent = c.org("dental")
        t1, t2 = c.ch(["#1", "#16"]), c.ch(["#17", "#32"])
        body = (f"Dear Dr. {spl},\n\nPlease see {p.title} {p.full} for evaluation and extraction of impacted teeth {t1} and {t2}. "
                f"Panoramic x-ray taken {fd(d,2)} is attached. Patient reports intermittent pain on the lower left "
                f"and has a history of {c.ch(['penicillin allergy (hives)','dental anxiety','well-controlled asthma'])}. "
                f"Patient would like IV sedation if possible.\n\nThank you for seeing our patient.\n\n{dr}, DDS\n{dent[0]}")
        return M(f"{dent[0]} <office@{dent[1]}>", f"frontdesk@{spl.lower()}oralsurgery.com", "Oral surgery referral", body)
    if v == 4:
        body = (f"Hi team - new referral for Wound Clinic:\n\n{p.lf} | {c.mrn()} | DOB {dob(p, c)}\n"
                f"Stage 3 pressure injury sacrum, 4 x 3 cm, present ~3 weeks, home health following. Diabetic (A1c 8.9). "
                f"Please schedule first available with {sp}.\n\nThanks,\n{drf}")
        return M(f"{dr} <{drl.lower()}@{org[1]}>", f"woundclinic@{org[1]}", "referral", body)


def f_telehealth(c, v):
    p = c.person()
    org = c.org("telehealth")
    dr, drf, drl = c.clin()
    d = c.wdate()
    t, _, _ = c.time()
    to = c.email_of(p)
    link = f"https://visit.{org[1]}/j/{c.ri(10**8, 10**9)}"
    if v == 0:
        spec = c.ch(["Dermatology", "Endocrinology", "Gastroenterology", "Neurology", "Weight Management"])
        inner = (f"<p>Hi {xesc(p.first)},</p><p>Your <b>video visit</b> with <b>{xesc(dr)}</b> ({spec}) is confirmed.</p>"
                 + html_table([["When", f"{fd(d)} at {t} (your local time)"], ["Join", link],
                               ["Reason for visit", c.ch(['Follow-up on eczema flare','Thyroid medication review','IBS symptoms','Migraine follow-up','GLP-1 medication check-in'])]], border=0) +
                 "<p>Test your camera and microphone 10 minutes early. Have your medication list handy.</p>"
                 f"<p style='color:#888;font-size:11px'>{xesc(org[0])} Inc.</p>")
        return M(f"{org[0]} <appointments@{org[1]}>", to, "Your video visit is confirmed", html=html_page(inner), form="html")
    if v == 1:
        body = (f"Virtual visit booked\n\nPatient: {p.full}\nDate of birth: {dob(p, c)}\nReason: "
                f"{c.ch(['burning with urination x2 days','sore throat and fever','pink eye, both eyes','refill of blood pressure medication'])}\n"
                f"Provider: next available ({drf} {drl[0]}., NP)\nEstimated wait: {c.ri(5,25)} minutes\n\nJoin: {link}\n\n"
                f"You will be charged a $49 visit fee unless covered by your plan.")
        return M(f"{org[0]} <no-reply@{org[1]}>", to, "Visit request received", body)
    if v == 2:
        ther = c.org("behavioral")
        tn = c.ch(c.N["clin_f"] + c.N["clin_m"]) + " " + c.ch(c.N["clin_last"])
        inner = (f"<p>Hi {xesc(p.first)},</p><p>This is a reminder that your teletherapy session with <b>{xesc(tn)}, LCSW</b> "
                 f"is tomorrow, {fd(d)}, at {t}.</p><p><a href='{link}'>Enter the waiting room</a></p>"
                 "<p>Please find a private, quiet space. If you are in crisis, call or text 988.</p>"
                 f"<p>{xesc(ther[0])}</p>")
        return M(f"{ther[0]} <noreply@{ther[1]}>", to, "Session reminder", html=html_page(inner), form="html")
    if v == 3:
        pharm = c.ch(["CVS #4471", "Walgreens on Main St", "Kroger Pharmacy", "H-E-B Pharmacy #112"])
        med = c.ch(["amoxicillin 875 mg twice daily for 10 days", "nitrofurantoin 100 mg twice daily for 5 days",
                    "fluticasone nasal spray", "valacyclovir 1 g twice daily for 7 days"])
        body = (f"Hi {p.first},\n\nThanks for using {org[0]} today. Here's a summary of your visit with {dr}:\n\n"
                f"Diagnosis: {c.ch(['acute sinusitis','uncomplicated UTI','cold sore (herpes labialis)','allergic rhinitis'])}\n"
                f"Prescription: {med} - sent to {pharm}\nWork note: available in the app\n\nIf you aren't better in 3 days, "
                f"book a follow-up or see your doctor.\n\n- The {org[0]} care team")
        return M(f"{org[0]} Care Team <care@{org[1]}>", to, "Your visit summary", body)
    if v == 4:
        inner = (f"<table style='width:520px;border:1px solid #ddd'><tr><td style='background:#0b6e4f;color:#fff;padding:8px'>"
                 f"{xesc(org[0])}</td></tr><tr><td style='padding:10px'>Hello {xesc(p.first)} {xesc(p.last)},<br><br>"
                 f"Your follow-up with {xesc(dr)} about your <b>{c.ch(['sleep apnea CPAP data','blood pressure log','hair loss treatment','ADHD medication'])}</b> "
                 f"has been moved to {fd(d)} at {t}.<br><br><a href='{link}'>Join link</a></td></tr></table>")
        return M(f"{org[0]} <appointments@{org[1]}>", to, "Appointment rescheduled", html=html_page(inner), form="html")


def f_school_nurse(c, v):
    kid = c.child()
    par = c.person(age=(30, 52))
    par.last = kid.last
    par = P(par.first, kid.last, par.sex, par.dob)
    sch = c.org("school")
    nn = c.ch(c.N["clin_f"]) + " " + c.ch(c.N["clin_last"])
    d = c.wdate()
    to = c.email_of(par)
    if v == 0:
        body = (f"Dear parent/guardian of {kid.full},\n\n{kid.first} was seen in the health office today ({fd(d,2)}) at "
                f"10:{c.ri(10,55)} for an asthma flare after recess - wheezing and coughing, O2 sat 95%. I gave 2 puffs of "
                f"{kid.his} albuterol inhaler with the spacer per {kid.his} action plan and {kid.he} improved within 15 minutes. "
                f"{kid.He} returned to class.\n\nPlease note {kid.his} inhaler at school has {c.ri(8,30)} puffs left; kindly send "
                f"a new one.\n\n{nn}, RN\nSchool Nurse, {sch[0]}")
        return M(f"{nn} <{nn.split(' ')[0].lower()}.{nn.split(' ')[1].lower()}@{sch[1]}>", to, f"Health office visit - {kid.first}", body)
    if v == 1:
        body = (f"Hi {par.title} {par.last},\n\n{kid.first} came to see me in the nurse's office with a temperature of "
                f"{round(c.r.uniform(100.4, 102.2), 1)}\u00b0F and a sore throat. Per district policy {kid.he} needs to be picked up and "
                f"stay home until fever-free for 24 hours without medicine. {kid.He} is resting here in the meantime.\n\n"
                f"Please call the front office at {c.phone()} when you arrive.\n\nThanks,\nNurse {nn.split(' ')[1]}")
        return M(f"{nn} <nurse@{sch[1]}>", to, f"{kid.first} - please pick up", body)
    if v == 2:
        body = (f"HEALTH OFFICE NOTICE\n\nStudent: {kid.lf}\nGrade: {c.ri(1,8)}   Homeroom: {c.ch(['Rm 12','Rm 104','Ms. Tate','Mr. Ocampo'])}\nDate: {fd(d,1)}\n\n"
                f"During a routine head check, live lice were found. Per district guidelines your child may finish the "
                f"school day. Please treat tonight with an over-the-counter lice shampoo and comb out nits. Your child may "
                f"return tomorrow after treatment; please stop by the health office for a re-check before class.\n\n"
                f"{sch[0]} Health Services")
        return M(f"Health Office <healthoffice@{sch[1]}>", to, "Health office notice", body)
    if v == 3:
        eye = c.ch(["right", "left"])
        body = (f"Dear {par.title} {par.last},\n\n{kid.first} did not pass the vision screening on {fd(d,2)} "
                f"(20/{c.ch([40,50,70])} {eye} eye, 20/20 other eye). This is a screening only, not a diagnosis - please "
                f"have {kid.him} seen by an eye doctor and return the attached form.\n\nAlso, {kid.his} EpiPen on file "
                f"expires {fd(d + dt.timedelta(days=30),2)}. Please send a replacement so we're covered for {kid.his} peanut allergy.\n\n"
                f"Kind regards,\n{nn}, BSN, RN")
        return M(f"{nn} <{nn.split(' ')[1].lower()}@{sch[1]}>", to, "Vision screening and EpiPen", body)
    if v == 4:
        bg = c.ri(52, 68)
        body = (f"Hi {par.first},\n\nQuick heads up - {kid.first}'s blood sugar was {bg} before lunch today. "
                f"Gave 15 g fast-acting carbs per {kid.his} diabetes care plan, rechecked at {c.ri(105,140)} after 15 min. "
                f"{kid.He} ate lunch and went back to class. Insulin pump site looks fine. We are low on juice boxes in "
                f"{kid.his} supply bin.\n\n{nn}\nHealth Office")
        return M(f"{nn} <health@{sch[1]}>", to, f"{kid.first} low BG today", body)


def f_homehealth(c, v):
    p = c.person(age=(66, 94))
    agency = c.org("homehealth")
    rn = c.ch(c.N["clin_f"] + c.N["clin_m"]) + " " + c.ch(c.N["clin_last"])
    d = c.date()
    if v == 0:
        body = (f"Visit note - Client: {p.full}   SN visit {fd(d,1)}\n\nVS: BP {c.ri(128,168)}/{c.ri(70,98)}, HR {c.ri(60,104)}, "
                f"RR 18, T 98.{c.ri(0,9)}, SpO2 {c.ri(89,97)}% RA. Wt {c.ri(130,240)} lb.\nWound: L heel stage 2, "
                f"{round(c.r.uniform(1.0,3.5),1)} x {round(c.r.uniform(0.6,2.4),1)} cm, pink base, scant serous drainage. Cleansed "
                f"w/ NS, hydrocolloid applied.\nMeds: reconciled, pt missed {c.ri(1,3)} doses of furosemide this week.\n"
                f"Teaching: low sodium diet, daily weights.\nPlan: next visit {fd(d + dt.timedelta(days=3),2)}.\n\n{rn}, RN")
        return M(f"{rn} <{rn.split(' ')[0].lower()}@{agency[1]}>", f"clinicalmanager@{agency[1]}", f"SN note {p.last}", body)
    if v == 1:
        fam = c.person(age=(35, 60))
        body = (f"Hi {fam.first},\n\nQuick update after today's visit with your {('mom' if p.sex=='f' else 'dad')}, {p.first}. "
                f"{p.He} is eating better and walked to the mailbox with the walker. Blood sugar was {c.ri(150,240)} this "
                f"morning, so I let Dr. {c.clin()[2]}'s office know about the evening insulin. {p.His} leg swelling is down "
                f"a little.\n\nI'll be back Thursday. Call the office if anything changes.\n\n{rn.split(' ')[0]}\n{agency[0]}")
        return M(f"{rn} <{rn.split(' ')[0].lower()}@{agency[1]}>", c.email_of(fam), "Today's visit", body)
    if v == 2:
        body = (f"Pt: {p.lf}   HH PT visit #{c.ri(2,9)}   {fd(d,2)}\nDx: s/p R TKA {fd(d - dt.timedelta(days=c.ri(14,40)),2)}\n"
                f"TUG {c.ri(12,24)} sec, gait 150 ft w/ RW, CGA on stairs x4. Knee flex {c.ri(85,110)} deg, ext -{c.ri(2,8)}.\n"
                f"Pain 4/10 after HEP. Pt reports one near-fall in bathroom - recommended shower chair.\n"
                f"Plan: 2w3, progress to cane.\n- {rn}, PT")
        return M(f"{rn} <{rn.split(' ')[1].lower()}.pt@{agency[1]}>", f"scheduling@{agency[1]}", "PT visit", body)
    if v == 3:
        body = (f"Team,\n\nRecert for {p.full} ({c.ch(['Medicare ID','MBI'])} {c.mbi()}) is due {fd(d,2)}. Primary dx CHF, "
                f"secondary COPD on 2L O2 continuous, DM2. {p.He} was hospitalized {fd(d - dt.timedelta(days=40),2)} for "
                f"exacerbation. Please have OASIS done by Friday.\n\nAddress: {' '.join(c.addr())}\n\nThanks,\n{rn}\nIntake / Clinical Manager")
        return M(f"{rn} <{rn.split(' ')[0][0].lower()}{rn.split(' ')[1].lower()}@{agency[1]}>", f"nursing@{agency[1]}",
                 "Recert due", body)
    if v == 4:
        body = (f"Aide note {fd(d,5)} - {p.title} {p.last}\nBathed (shower w/ chair), dressed, made breakfast. {p.He} refused "
                f"{p.his} morning pills again (said the donepezil makes {p.him} sick). Seemed more confused than last week, asked "
                f"for {p.his} late husband twice. Skin intact. Bowel movement x1.\n-- {rn}, HHA")
        return M(f"{rn} <aide.notes@{agency[1]}>", f"rn.supervisor@{agency[1]}", f"aide note {p.last}", body)


def f_noshow(c, v):
    p = c.person(age=(16, 70))
    beh = c.org("behavioral")
    pt = c.org("pt")
    ther = c.ch(c.N["clin_f"] + c.N["clin_m"]) + " " + c.ch(c.N["clin_last"])
    d = c.wdate()
    t, _, _ = c.time()
    if v == 0:
        body = (f"Hi {p.first},\n\nWe missed you at your {t} session with {ther} today. We hope everything is okay. "
                f"Per the policy you signed at intake, sessions missed without 24 hours' notice are billed a $75 fee.\n\n"
                f"To reschedule, reply to this email or call {c.phone()}.\n\nFront Desk\n{beh[0]}")
        return M(f"{beh[0]} <frontdesk@{beh[1]}>", c.email_of(p), "Missed appointment today", body)
    if v == 1:
        d0 = d - dt.timedelta(days=7)
        body = (f"{ther.split(' ')[0]},\n\n{p.first} {p.last[0]}. has missed two sessions in a row ({fd(d0,2)} and {fd(d,2)}). "
                f"At {p.his} last session {p.he} reported increased depressive symptoms and some passive SI, no plan. "
                f"I called and left a VM. Do you want me to do a welfare check call tomorrow or hold for the team meeting?\n\n"
                f"{c.ch(c.N['clin_f'])}\nCare Coordinator")
        return M(f"Care Coordination <carecoord@{beh[1]}>", f"{ther.split(' ')[0].lower()}@{beh[1]}", f"{p.first} - missed sessions", body)
    if v == 2:
        body = (f"Dear {p.full},\n\nOur records show that you did not attend your physical therapy appointment on "
                f"{fd(d,3)} at {t} for your {c.ch(['rotator cuff repair rehab','low back pain program','post-op ACL protocol','vestibular therapy'])}. "
                f"Consistent attendance is important for your recovery, and your authorization from your insurance expires "
                f"{fd(d + dt.timedelta(days=21),1)}.\n\nPlease call {c.phone()} to reschedule.\n\n{pt[0]}")
        return M(f"{pt[0]} <schedule@{pt[1]}>", c.email_of(p), "We missed you", body)
    if v == 3:
        body = (f"Dear {p.title} {p.last},\n\nBecause of three missed appointments since {fd(d - dt.timedelta(days=40),1)}, "
                f"we will be closing your episode of care at {beh[0]} effective {fd(d,1)}. This is not a reflection on you, "
                f"and you are welcome to return by calling intake.\n\nIf you need support before then, the 988 Suicide & Crisis "
                f"Lifeline is available 24/7. A list of community resources is below.\n\nSincerely,\n{ther}, LPC\nClinical Director")
        return M(f"{ther} <{ther.split(' ')[1].lower()}@{beh[1]}>", c.email_of(p), "Closing your case", body)
    if v == 4:
        kid = c.child()
        body = (f"Hi,\n\nJust checking in - {kid.first} wasn't at speech therapy today ({fd(d,2)}) or last week. "
                f"{kid.He} has {c.ri(4,9)} sessions left on the current plan of care for {kid.his} articulation delay. "
                f"Should we keep the Tuesday slot?\n\n{ther}, CCC-SLP\n{pt[0]} Pediatrics")
        return M(f"{ther} <{ther.split(' ')[0].lower()}@{pt[1]}>", c.email_of(P(c.ch(c.N['f']), kid.last, 'f', kid.dob)),
                 f"{kid.first}'s therapy", body)


def f_dental(c, v):
    p = c.person()
    org = c.org("dental")
    dr, drf, drl = c.clin()
    d = c.date()
    to = c.email_of(p)
    procs = [("D2740", "Crown - porcelain/ceramic", f"#{c.ri(2,31)}", 1285), ("D4341", "Perio scaling & root planing, 4+ teeth", "UR", 265),
             ("D4342", "Perio scaling & root planing, 1-3 teeth", "LL", 198), ("D3330", "Root canal - molar", f"#{c.ch([3,14,19,30])}", 1150),
             ("D2392", "Resin composite - 2 surf, posterior", f"#{c.ri(2,31)}", 240), ("D7140", "Extraction, erupted tooth", f"#{c.ri(1,32)}", 210),
             ("D6010", "Implant body, endosteal", f"#{c.ch([19,30,3])}", 2300)]
    sel = c.r.sample(procs, c.ri(2, 4))
    if v == 0:
        rows = []
        tot = ins = 0
        for code, desc, tooth, fee in sel:
            e = int(fee * c.ch([0.5, 0.8, 0.5, 0.0]))
            rows.append([code, desc, tooth, f"${fee:,.2f}", f"${e:,.2f}", f"${fee - e:,.2f}"])
            tot += fee
            ins += e
        rows.append(["", "TOTAL", "", f"${tot:,.2f}", f"${ins:,.2f}", f"${tot - ins:,.2f}"])
        inner = (f"<p>Dear {xesc(p.first)},</p><p>Thank you for visiting {xesc(org[0])} on {fd(d,3)}. Below is the treatment plan "
                 f"{xesc(dr)} reviewed with you.</p><p><b>Treatment plan for {xesc(p.full)}</b></p>"
                 + html_table(rows, ["Code", "Procedure", "Tooth/Area", "Fee", "Est. insurance", "Your portion"]) +
                 "<p>Estimates are not a guarantee of payment. Please call to schedule phase 1.</p>")
        return M(f"{org[0]} <office@{org[1]}>", to, "Your treatment plan", html=html_page(inner), form="html")
    if v == 1:
        body = (f"Hi {p.first},\n\nAs discussed at your cleaning, {dr} recommends:\n\n"
                + "\n".join(f"  {i+1}. {desc} ({tooth}) - ${fee:,}" for i, (code, desc, tooth, fee) in enumerate(sel)) +
                f"\n\nYour pockets measured 5-6 mm in the upper right, so we'd like to do the deep cleaning first. "
                f"Your insurance ({c.ch(['Delta Dental PPO','Cigna Dental','MetLife'])}) has ${c.ri(200,1400)} of annual max remaining.\n\n"
                f"Let me know what days work!\n{c.ch(c.N['f'])}, Treatment Coordinator")
        return M(f"{org[0]} <treatment@{org[1]}>", to, "Treatment recommendations", body)
    if v == 2:
        rows = [[code, tooth, desc, "Pending"] for code, desc, tooth, fee in sel]
        inner = (f"<h3>Pre-Authorization Summary</h3><table><tr><td>Patient:</td><td>{xesc(p.LF)}</td></tr>"
                 f"<tr><td>DOB:</td><td>{fd(p.dob,5)}</td></tr><tr><td>Member ID:</td><td>{c.member_id()}</td></tr>"
                 f"<tr><td>Provider:</td><td>{xesc(dr)}, DMD</td></tr></table><br>"
                 + html_table(rows, ["CDT", "Tooth", "Description", "Status"]) +
                 f"<p>Submitted {fd(d,1)}. We'll contact you once the carrier responds (usually 2-3 weeks).</p>")
        return M(f"Insurance Desk <billing@{org[1]}>", to, "Pre-authorization submitted", html=html_page(inner), form="html")
    if v == 3:
        kid = c.child()
        body = (f"Dear parent/guardian of {kid.first} {p.last},\n\nFollowing {kid.first}'s orthodontic consultation on {fd(d,2)}, "
                f"Dr. {drl} recommends Phase I treatment with a palatal expander for {kid.his} crossbite, "
                f"approx. 12 months, followed by braces. Total fee ${c.ri(4800,6900):,}; your orthodontic benefit is "
                f"$1,500 lifetime.\n\nPayment plans available. Please sign and return the consent to get started.\n\n{org[0]} Orthodontics")
        return M(f"{org[0]} Ortho <ortho@{org[1]}>", to, "Orthodontic treatment plan", body)
    if v == 4:
        body = (f"{p.first} -\n\nYour crown for tooth {sel[0][2]} is back from the lab. Please schedule a 45-min seat appointment. "
                f"Until then keep the temporary clean and avoid sticky foods. If the temp comes off, call us - don't leave it "
                f"out more than a day.\n\nThanks!\n{org[0]}")
        return M(f"{org[0]} <office@{org[1]}>", to, "Your crown is ready", body)


def f_coord_fwd(c, v):
    p = c.person(age=(30, 90))
    org = c.org(c.ch(["hospital", "clinic"]))
    s1 = c.person(age=(25, 60))
    s2 = c.person(age=(25, 60))
    a1 = f"{s1.first[0].lower()}{s1.last.lower().replace(' ','').replace(chr(39),'')}@{org[1]}"
    a2 = f"{s2.first[0].lower()}{s2.last.lower().replace(' ','').replace(chr(39),'')}@{org[1]}"
    d = c.date()
    if v == 0:
        orig = (f"Hi,\n\nThis is {p.full}, DOB {dob(p, c)}. I was told to email about my CPAP. The mask is leaking and my "
                f"sleep study doctor said to call if my AHI is still over 5 - the app says {c.ri(7,19)}. Can someone call me "
                f"at {c.phone()}?\n\nThank you\n{p.first}")
        top = f"{s2.first} - FYI, can you take care of this one? Looks like a DME mask refit + message to Dr. {c.clin()[2]}.\n\nThanks,\n{s1.first}"
        body = top + "\n\n" + fwd_block(c, d, p.full, c.email_of(p), f"info@{org[1]}", "CPAP question", orig)
        return M(f"{s1.full} <{a1}>", f"{s2.full} <{a2}>", "Fwd: CPAP question", body, form="forwarded")
    if v == 1:
        inr = round(c.r.uniform(3.6, 5.2), 1)
        orig = (f"Can we get {p.full} ({c.mrn()}) in for an INR check this week? INR was {inr} yesterday on warfarin 7.5 mg, "
                f"{p.he} also just finished a course of Bactrim. No bleeding per {p.him}. Cell {c.phone()}.\n\n{s1.first}")
        body = (f"Done - scheduled for Thursday 9:40 with the anticoag RN.\n\n{s2.first}\n\n"
                + reply_header(c, d, s1.full, a1) + "\n" + quote(orig))
        return M(f"{s2.full} <{a2}>", f"{s1.full} <{a1}>", f"RE: INR check - {p.last}", body, form="reply")
    if v == 2:
        s3 = c.person(age=(25, 60))
        inner = (f"Patient {p.lf}, room {c.ri(3,9)}{c.ri(10,40)}, is medically ready for discharge tomorrow but {p.he} lives alone "
                 f"and can't manage stairs after the hip fracture repair. PT recommends SNF. {p.He} has Medicare + "
                 f"{c.ch(['AARP supplement','Medicaid','no secondary'])}. Family (daughter) prefers a facility near {c.ch(CITIES[c.split])[0]}.")
        mid = (f"Adding case management. I already faxed the PT notes.\n\n" + reply_header(c, d, s1.full, a1) + "\n" + quote(inner))
        body = (f"Looping in {s3.first} from social work - see below.\n\n" +
                fwd_block(c, d, s2.full, a2, s1.full, f"SNF placement {p.last}", mid))
        return M(f"{s1.full} <{a1}>", f"{s3.full} <{s3.first.lower()}.{s3.last.lower().replace(' ','')}@{org[1]}>",
                 f"FW: SNF placement {p.last}", body, form="forwarded")
    if v == 3:
        med = c.ch(["sertraline", "escitalopram", "bupropion", "lamotrigine", "quetiapine"])
        vm = (f"Voicemail transcript ({c.ri(1,2)}:{c.ri(10,59)}):\n\"Hi this is {p.full}, my birthday is {fd(p.dob,0).split(', ')[1]} "
              f"{p.dob.year}. I started the {med} three weeks ago and I've been having really bad headaches and I can't sleep. "
              f"Can the doctor call me back? My number is {c.phone()}. Thanks.\"")
        body = (f"See below, please call back today - routing to the covering psychiatrist.\n\n"
                + fwd_block(c, d, "Voicemail System", f"vm-noreply@{org[1]}", a1, f"New voicemail from {c.phone()}", vm))
        return M(f"{s1.full} <{a1}>", f"triage-nurses@{org[1]}", f"Fwd: New voicemail", body, form="forwarded")
    if v == 4:
        orig = (f"Hello - {p.title} {p.last}'s wife called. {p.He} fell at home last night, no LOC, but the left wrist is "
                f"swollen. {p.He}'s on Eliquis. I told her to go to urgent care for an x-ray. Can someone follow up tomorrow?")
        r1 = f"I'll call them in the morning.\n\n{reply_header(c, d, s1.full, a1)}\n{quote(orig)}"
        body = f"Called - wrist x-ray showed a distal radius fracture, ortho appt Monday. Closing the loop.\n\n{reply_header(c, d, s2.full, a2)}\n{quote(r1)}"
        return M(f"{s1.full} <{a1}>", f"{s2.full} <{a2}>", f"RE: RE: {p.last} fall", body, form="reply")


def f_ics(c, v):
    p = c.person()
    org = c.org(c.ch(["hospital", "clinic"]))
    dr, drf, drl = c.clin()
    d = c.wdate()
    _, h, m = c.time()
    start = dt.datetime(d.year, d.month, d.day, h, m)
    to = c.email_of(p)
    tz = "America/Chicago" if c.split == "blind" else "America/New_York"
    if v == 0:
        ics = ics_bytes(c, org[1], start, 60, f"Colonoscopy - {p.full}",
                        f"Patient: {p.full}\nDOB: {fd(p.dob,1)}\nProcedure: screening colonoscopy with {dr}.\n"
                        "Begin prep at 4 PM the day before (split-dose GoLytely). Clear liquids only. Arrive 1 hour early. "
                        "You must have a driver.", f"{org[0]}, Endoscopy Suite", (f"{org[0]} Endoscopy", f"endo@{org[1]}"),
                        [(p.full, to)], tz=tz)
        body = f"Hi {p.first},\n\nYour appointment is attached - open it to add it to your calendar.\n\n{org[0]} Endoscopy"
        return M(f"{org[0]} Endoscopy <endo@{org[1]}>", to, "Calendar: your procedure", body, form="ics").att(
            ics, "text", "calendar", "appointment.ics", method="REQUEST")
    if v == 1:
        exam = c.ch(["MRI Lumbar Spine w/o contrast", "MRI Brain w/ and w/o contrast", "CT Chest low-dose (lung screening)",
                     "PET/CT skull base to mid-thigh", "Ultrasound pelvis transvaginal"])
        ics = ics_bytes(c, org[1], start, 45, exam, f"Arrive 30 minutes early. Remove all metal. Ordered by {dr}.",
                        f"{org[0]} Imaging Center", (f"Imaging Scheduling", f"imaging@{org[1]}"), [(p.full, to)], tz=tz)
        body = "Calendar invite for your upcoming imaging exam. Call us if you need to change it."
        return M(f"Imaging Scheduling <imaging@{org[1]}>", to, "Invitation: imaging appointment", body, form="ics").att(
            ics, "text", "calendar", "invite.ics", method="REQUEST")
    if v == 2:
        proc = c.ch(["R TKA", "L THA", "Lap appy", "ORIF L distal radius", "Cysto/TURBT", "Lap chole"])
        ics = ics_bytes(c, org[1], start, 120, f"OR {c.ri(1,12)}: {p.lf} - {proc}",
                        f"{p.LF} MRN {c.mrn_num()} DOB {fd(p.dob,5)}\nPre-op dx: {c.ch(['OA','appendicitis','fracture','bladder mass','cholelithiasis'])}\n"
                        f"Anesthesia: general. Allergies: {c.ch(['NKDA','PCN','sulfa','latex'])}.", f"{org[0]} Main OR",
                        ("OR Scheduling", f"orsched@{org[1]}"), [(dr, f"{drl.lower()}@{org[1]}")], tz=tz)
        body = f"Dr. {drl},\n\nCase booked - invite attached.\n\nOR Scheduling"
        return M(f"OR Scheduling <orsched@{org[1]}>", f"{dr} <{drl.lower()}@{org[1]}>", f"Case booked {fd(d,2)}", body,
                 form="ics").att(ics, "text", "calendar", "case.ics", method="REQUEST")
    if v == 3:
        drug = c.ch(["Remicade (infliximab)", "Ocrevus", "iron sucrose", "Entyvio", "IVIG"])
        ics = ics_bytes(c, org[1], start, 180, f"Infusion - {p.first} {p.last}",
                        f"Patient: {p.first} {p.last}\nTreatment: {drug}, chair {c.ri(1,14)}. Premeds per protocol. "
                        "Eat breakfast and bring something to do; the infusion takes 2-3 hours.",
                        f"{org[0]} Infusion Center, 3rd floor", ("Infusion Center", f"infusion@{org[1]}"),
                        [(p.full, to)], tz=tz)
        body = f"Your next infusion is scheduled. Please see the attached calendar file."
        return M(f"Infusion Center <infusion@{org[1]}>", to, "Upcoming infusion", body, form="ics").att(
            ics, "text", "calendar", "infusion.ics", method="REQUEST")
    if v == 4:
        ther = c.org("behavioral")
        tn = c.ch(c.N["clin_f"]) + " " + c.ch(c.N["clin_last"])
        ics = ics_bytes(c, ther[1], start, 50, f"Therapy session - {p.first} {p.last[0]}. / {tn}",
                        f"Weekly individual therapy (CPT 90837). Client: {p.full}. Telehealth link in client portal.",
                        "Telehealth", (tn, f"{tn.split(' ')[0].lower()}@{ther[1]}"), [(p.full, to)], tz=tz)
        body = f"Hi {p.first}, here's the recurring invite for our Tuesday sessions.\n\n{tn}"
        return M(f"{tn} <{tn.split(' ')[0].lower()}@{ther[1]}>", to, "Weekly session invite", body, form="ics").att(
            ics, "text", "calendar", "session.ics", method="REQUEST")


def _visit_summary_lines(c, p, org, dr, d, kind):
    bp = f"{c.ri(112,162)}/{c.ri(68,98)}"
    if kind == 0:
        return [f"# {org[0]}", "Clinic Visit Summary", "", f"Patient: {p.full}", f"DOB: {fd(p.dob,1)}   {c.mrn()}",
                f"Date of visit: {fd(d,1)}   Provider: {dr}", "",
                "Vitals: BP " + bp + f"  HR {c.ri(58,102)}  Wt {c.ri(110,260)} lb  BMI {round(c.r.uniform(19,41),1)}", "",
                "Assessment and plan:"] + list(c.ch([
                    ("1. Essential hypertension - uncontrolled", "   - Increase amlodipine to 10 mg daily"),
                    ("1. Type 2 diabetes with hyperglycemia", "   - Start Trulicity 0.75 mg weekly"),
                    ("1. Major depressive disorder, recurrent, moderate", "   - Increase sertraline to 100 mg daily"),
                    ("1. Obstructive sleep apnea", "   - CPAP titration study ordered")])) + [
                f"2. {c.ch(['Hyperlipidemia','Vitamin D deficiency','GERD','Chronic low back pain'])} - continue current plan",
                "", "Labs ordered: CMP, lipid panel, A1c", f"Return: {c.ch(['4 weeks','3 months','6 weeks'])}"]
    if kind == 1:
        return [f"# Physical Therapy Initial Evaluation", f"{org[0]}", "", f"Name: {p.lf}   DOB {fd(p.dob,5)}",
                f"Referring MD: {dr}", f"Date: {fd(d,5)}", "",
                f"Diagnosis: {c.ch(['M75.121 Complete rotator cuff tear, right shoulder','M54.50 Low back pain','S83.511 ACL sprain, right knee'])}",
                f"Pain: {c.ri(3,8)}/10 at worst", f"ROM: flexion {c.ri(90,150)} deg, abduction {c.ri(70,140)} deg",
                "Goals: return to work lifting 30 lb in 8 weeks", "Plan: 2x/week x 8 weeks, HEP issued"]
    if kind == 2:
        return [f"# After Visit Summary", f"{p.full}  |  {fd(d,3)}  |  {org[0]}", "",
                "You were seen for: " + c.ch(["Follow-up of atrial fibrillation", "Asthma, moderate persistent",
                                              "Prenatal visit, 32 weeks", "Chronic migraine"]),
                f"Blood pressure {bp}", "", "Your medication list:",
                f"  {c.ch(['apixaban 5 mg twice daily','Symbicort 160/4.5 two puffs twice daily','prenatal vitamin daily','topiramate 50 mg at bedtime'])}",
                f"  {c.ch(['metoprolol succinate 50 mg daily','albuterol HFA as needed','ferrous sulfate 325 mg','sumatriptan 50 mg as needed'])}",
                "", f"Next appointment: {fd(d + dt.timedelta(days=c.ri(14,90)),1)} with {dr}"]
    return [f"# Behavioral Health Progress Note", f"{org[0]}", "", f"Client: {p.full}", f"DOB: {fd(p.dob,1)}",
            f"Session date: {fd(d,1)}  Duration: 53 min  CPT 90837", f"Clinician: {dr}", "",
            f"Presenting concerns: {c.ch(['generalized anxiety','grief following death of spouse','PTSD symptoms after assault','alcohol use disorder, early remission'])}",
            f"GAD-7: {c.ri(6,19)}   PHQ-9: {c.ri(4,20)}", "Interventions: CBT, cognitive restructuring, safety plan reviewed",
            "Risk: denies SI/HI", "Plan: continue weekly sessions"]


def f_pdf(c, v):
    p = c.person()
    org = c.org(["clinic", "pt", "hospital", "behavioral", "clinic"][v])
    dr = c.clin()[0]
    d = c.date()
    lines = _visit_summary_lines(c, p, org, dr, d, v % 4)
    pdf = pdf_bytes(lines, compress=c.chance(0.5), title="Visit summary")
    bodies = ["Please see attached.", "Attached is the document you requested.\n\nThank you,\nMedical Records",
              "Hi,\n\nSee attached summary from today's visit.\n\nThanks", "Records attached per your release.\n\nHIM Department",
              "FYI attached."]
    subj = ["Document", "Your records", "Visit summary", "Records request #" + str(c.ri(10000, 99999)), "scan"][v]
    fn = ["VisitSummary.pdf", f"{p.last}_PT_eval.pdf", "AVS.pdf", f"progress_note_{fd(d,4)}.pdf", "scan0001.pdf"][v]
    to = c.email_of(p) if v in (0, 2, 3) else f"records@{c.org('hospital')[1]}"
    return M(f"{org[0]} <records@{org[1]}>", to, subj, bodies[v], form="pdf").att(pdf, "application", "pdf", fn)


def f_docx(c, v):
    p = c.person()
    org = c.org(["clinic", "hospital", "homehealth", "clinic", "behavioral"][v])
    dr = c.clin()[0]
    d = c.date()
    if v == 0:
        blocks = ["# Visit Summary", f"Patient: {p.full}", f"Date of birth: {fd(p.dob,1)}", f"Visit date: {fd(d,1)}",
                  f"Provider: {dr}", "Diagnoses", [["Code", "Description"], ["E11.65", "Type 2 diabetes with hyperglycemia"],
                                                   ["I10", "Essential hypertension"]],
                  "Plan: increase insulin glargine to 24 units nightly; recheck A1c in 3 months."]
    elif v == 1:
        blocks = ["# Consultation Note", f"RE: {p.lf}   {c.mrn()}", f"Date: {fd(d,3)}",
                  f"Reason for consult: {c.ch(['new diagnosis of breast cancer, ER+/PR+/HER2-','elevated liver enzymes','chronic kidney disease stage 4'])}",
                  "History: " + c.ch(["patient noted a lump in the left breast in January", "ALT 212, AST 180 on routine labs", "eGFR declined from 34 to 24 over one year"]),
                  "Recommendations: " + c.ch(["refer to surgical oncology; start letrozole", "hepatitis panel, RUQ ultrasound", "discuss dialysis options; nephrology f/u 1 month"]),
                  f"{dr}"]
    elif v == 2:
        blocks = ["# Plan of Care (CMS-485 summary)", [["Patient", p.full], ["DOB", fd(p.dob,5)], ["Medicare ID", c.mbi()],
                                                      ["Start of care", fd(d,5)], ["Primary Dx", "I50.22 Chronic systolic heart failure"]],
                  "Orders: SN 1w9 for cardiopulmonary assessment, med teaching; PT 2w4.", f"Physician: {dr}"]
    elif v == 3:
        blocks = ["# Work Status Note", f"{org[0]}", f"Date: {fd(d,1)}", f"To whom it may concern:",
                  f"{p.full} was seen in our office today for a {c.ch(['lumbar strain','concussion','post-operative recovery after appendectomy'])}. "
                  f"{p.He} may return to work on {fd(d + dt.timedelta(days=c.ri(3,14)),1)} with no lifting over 15 lbs for 2 weeks.",
                  f"{dr}"]
    else:
        blocks = ["# Treatment Plan", f"Client name: {p.full}", f"Date: {fd(d,1)}",
                  f"Diagnosis: F{c.ch(['41.1 Generalized anxiety disorder','33.1 Major depressive disorder, recurrent, moderate','43.10 PTSD'])}",
                  [["Goal", "Objective", "Target"], ["Reduce panic episodes", "Use grounding skills 3x/week", "90 days"],
                   ["Improve sleep", "Sleep log, 6+ hours 5 nights/week", "60 days"]], f"Clinician: {dr}, LMFT"]
    data = docx_bytes(blocks)
    bodies = ["see attached", "Please find the attached consultation note.", "Attached for signature.",
              "Hi,\n\nAttached is the note you asked for.\n\nFront desk", "Attached."]
    fns = ["summary.docx", f"Consult_{p.last}.docx", "POC.docx", "work_note.docx", "TxPlan.docx"]
    to = c.email_of(p) if v in (0, 3, 4) else f"{c.clin()[2].lower()}@{c.org('clinic')[1]}"
    return M(f"{org[0]} <office@{org[1]}>", to, ["Visit", "Consult note", "485 for signature", "Work note", "plan"][v],
             bodies[v], form="docx").att(data, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document", fns[v])


def f_pt_progress(c, v):
    p = c.person(age=(18, 80))
    org = c.org("pt")
    ptname = c.ch(c.N["clin_f"] + c.N["clin_m"]) + " " + c.ch(c.N["clin_last"])
    dr, _, drl = c.clin()
    d = c.date()
    if v == 0:
        body = (f"Dr. {drl},\n\nProgress report - {p.full} (DOB {dob(p, c)})\nDx: s/p ACL reconstruction R knee "
                f"({fd(d - dt.timedelta(days=c.ri(40,90)),2)})\nVisits: {c.ri(8,16)} of 24\nROM 0-{c.ri(100,130)} deg, quad lag resolved, "
                f"SL squat to 60 deg without valgus.\nPlan: begin running progression at week 12 per protocol.\n\n{ptname}, PT, DPT\n{org[0]}")
        return M(f"{ptname} <{ptname.split(' ')[0].lower()}@{org[1]}>", f"{drl.lower()}@{c.org('hospital')[1]}", f"PT progress - {p.last}", body)
    if v == 1:
        body = (f"Hi {p.first}!\n\nGreat work this week. Here is your updated home program for your low back:\n"
                f"  - Bird-dogs 2x10 each side\n  - Dead bugs 2x10\n  - Hip flexor stretch 3x30 sec\n  - Walk 20 min daily\n\n"
                f"Remember, if you get pain or numbness going down your leg, stop and let me know.\n\nSee you {fd(d,0)}!\n{ptname.split(' ')[0]}")
        return M(f"{ptname} <{ptname.split(' ')[0].lower()}@{org[1]}>", c.email_of(p), "Your exercises", body)
    if v == 2:
        body = (f"Re-eval for {p.lf}  -  {fd(d,5)}\nDx: cervical radiculopathy C6 (M54.12)\nAuth: {c.ri(6,10)} of 12 visits used, "
                f"auth # {c.ri(10**7,10**8)}\nNDI {c.ri(20,44)}% (initial {c.ri(45,60)}%). Grip L {c.ri(40,70)} lb / R {c.ri(40,70)} lb.\n"
                f"Requesting 8 more visits. Please sign the updated plan of care.\n{ptname}, PT")
        return M(f"{org[0]} <fax@{org[1]}>", f"{drl.lower()}@{c.org('clinic')[1]}", "Re-eval / POC for signature", body)
    if v == 3:
        body = (f"Hi {p.first},\n\nGood news: {c.ch(['Aetna','Humana','BCBS','Cigna'])} approved {c.ri(8,12)} more physical therapy "
                f"visits for your shoulder (valid through {fd(d + dt.timedelta(days=60),1)}). Your copay remains $40 per visit. "
                f"Want to keep Mondays and Wednesdays at 7:30 AM?\n\n{org[0]} Front Desk")
        return M(f"{org[0]} <frontdesk@{org[1]}>", c.email_of(p), "Visits approved", body)


# ---- blind-only PHI families
def f_sched_xlsx(c, v):
    org = c.org(["clinic", "dental", "behavioral", "pt"][v])
    d = c.wdate()
    n = c.ri(8, 16)
    if v == 0:
        rows = [["Time", "Patient", "DOB", "Visit type", "Provider", "Notes"]]
        reasons = ["DM f/u", "HTN f/u", "Annual physical", "Depression f/u", "Hospital f/u CHF", "Rash", "Knee pain", "Med refill - opioid contract"]
        for i in range(n):
            p = c.person()
            rows.append([f"{8 + i // 3}:{(i % 3) * 20:02d}", p.lf, fd(p.dob, 5), c.ch(reasons), c.clin()[0], c.ch(["", "needs A1c", "interpreter - Spanish", "new pt"])])
    elif v == 1:
        rows = [["Chair", "Time", "Last", "First", "Procedure", "Ins"]]
        for i in range(n):
            p = c.person()
            rows.append([c.ri(1, 4), f"{8 + i // 2}:{(i % 2) * 30:02d}", p.last, p.first,
                         c.ch(["Prophy + BWX", "SRP UR/LR", "Crown prep #30", "Extraction #17", "Limited exam - toothache", "Denture adjust"]),
                         c.ch(["Delta", "Medicaid", "Self-pay", "Cigna"])])
    elif v == 2:
        rows = [["Client", "Clinician", "Time", "Service", "Dx"]]
        for i in range(n):
            p = c.person()
            rows.append([p.full, c.clin(dr=False)[0], f"{9 + i}:00", c.ch(["90837", "90834", "90791 intake", "90847 family"]),
                         c.ch(["F41.1", "F32.1", "F43.10", "F90.0", "F10.20"])])
    else:
        rows = [["Patient name", "Phone", "Therapist", "Body part", "Visit #"]]
        for i in range(n):
            p = c.person()
            rows.append([p.full, c.phone(), c.clin(dr=False)[0], c.ch(["R shoulder", "L knee", "Lumbar", "Cervical", "R ankle"]), c.ri(1, 20)])
    data = xlsx_bytes(rows, sheet=c.ch(["Schedule", fd(d, 4), "Sheet1"]), shared=(v % 2 == 0))
    bodies = [f"Tomorrow's schedule attached. Please pull charts.", "Here's the chair schedule for " + fd(d, 0) + ".",
              "Attached is next week's client list for coverage while I'm out.", "schedule attached - let me know about cancellations"]
    s = c.person()
    return M(f"{s.full} <{s.first.lower()}@{org[1]}>", f"staff@{org[1]}", ["Schedule", "Chair schedule", "Coverage list", "sched"][v],
             bodies[v], form="xlsx").att(data, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "schedule.xlsx")


def f_spanish(c, v):
    p = c.person()
    org = c.org(c.ch(["clinic", "hospital", "dental"]))
    dr = c.clin()[0]
    d = c.wdate()
    t, _, _ = c.time()
    to = c.email_of(p)
    if v == 0:
        esp = c.ch(["cardiología", "ginecología", "endocrinología (diabetes)", "dermatología", "pediatría"])
        body = (f"Hola {p.first},\n\nLe recordamos su cita de {esp} con {dr} el {fd_es(d)} a las {t}. "
                f"Por favor llegue 15 minutos antes y traiga su tarjeta del seguro y la lista de sus medicamentos.\n\n"
                f"Para cancelar, llame al {c.phone()}.\n\n{org[0]}")
        return M(f"{org[0]} <citas@{org[1]}>", to, "Recordatorio de cita", body, form="spanish")
    if v == 1:
        a1c = round(c.r.uniform(7.0, 10.5), 1)
        body = (f"Estimada Sra. {p.last}:\n\nSus resultados de laboratorio del {d.day}/{d.month} ya están disponibles. "
                f"Su hemoglobina A1c fue de {a1c}% (meta menor de 7%). El doctor quiere aumentar la metformina a 1000 mg dos veces "
                f"al día. Por favor haga una cita de seguimiento en 3 meses.\n\nAtentamente,\nEnfermería, {org[0]}")
        return M(f"Enfermería <enfermeria@{org[1]}>", to, "Sus resultados", body, form="spanish")
    if v == 2:
        body = (f"Hola {p.first}, su colonoscopia es el {fd_es(d)} a las {t}. La preparación empieza el día anterior a las "
                f"4 de la tarde: solo líquidos claros. Necesita un acompañante adulto que maneje. {org[0]}, Endoscopía.")
        return M(f"{org[0]} <endoscopia@{org[1]}>", to, "Su procedimiento", body, form="spanish")
    kid = c.child()
    body = (f"Estimado padre/madre de {kid.full}:\n\n{kid.first} fue atendido hoy en la enfermería de la escuela por "
            f"{c.ch(['un ataque de asma','fiebre de 101°F','un golpe en la cabeza durante el recreo'])}. "
            f"{c.ch(['Se le dio su inhalador y mejoró.','Por favor venga a recogerlo.','No perdió el conocimiento, pero por favor obsérvelo esta noche.'])}\n\n"
            f"Enfermera escolar, {c.org('school')[0]}")
    return M(f"Enfermería <nurse@{c.org('school')[1]}>", c.email_of(P(c.ch(c.N['f']), kid.last, 'f', kid.dob)),
             f"Aviso de salud - {kid.first}", body, form="spanish")


def f_urgent(c, v):
    p = c.person()
    org = c.org("urgent")
    dr = c.clin()[0]
    d = c.date()
    to = c.email_of(p)
    if v == 0:
        body = (f"Hi {p.first},\n\nThanks for visiting {org[0]} on {fd(d,2)}. Your throat culture came back POSITIVE for "
                f"group A strep. {dr} has sent amoxicillin 500 mg twice daily x 10 days to your pharmacy. You're no longer "
                f"contagious after 12 hours on antibiotics.\n\nFeel better!\n{org[0]} Callback Team")
        return M(f"{org[0]} <callback@{org[1]}>", to, "Your culture result", body)
    if v == 1:
        body = (f"Follow-up from your urgent care visit\n\n{p.full} - seen {fd(d,1)}\nRadiology over-read of your {c.ch(['foot','wrist','chest'])} "
                f"x-ray found a {c.ch(['small non-displaced fracture of the 5th metatarsal','subtle scaphoid fracture','small right lower lobe pneumonia'])} "
                f"that was not called at the visit. Please call us today at {c.phone()} so we can update your treatment.\n\n{dr}")
        return M(f"{dr} <provider@{org[1]}>", to, "Important: x-ray follow-up", body)
    if v == 2:
        body = (f"Hello {p.title} {p.last},\n\nWe received your COVID/flu PCR: COVID-19 NOT detected, Influenza A DETECTED. "
                f"If you are within 48 hours of symptoms, Tamiflu may help - reply YES and we'll send it to your pharmacy.\n\n{org[0]}")
        return M(f"{org[0]} <results@{org[1]}>", to, "Test result", body)
    body = (f"Dear {p.first},\n\nOur records show a balance of ${c.ri(35,240)}.00 for your visit on {fd(d,1)} "
            f"(laceration repair, 4 sutures, left hand; tetanus booster). Pay online or call billing. Suture removal was due in 10 days.\n\n"
            f"Patient Accounts, {org[0]}")
    return M(f"Patient Accounts <billing@{org[1]}>", to, "Statement for your visit", body)


def f_lab_csv(c, v):
    org = c.org("lab")
    cl = c.org("clinic")
    n = c.ri(6, 14)
    if v == 0:
        rows = [["patient_name", "dob", "test", "result", "units", "flag", "called_to", "time"]]
        for _ in range(n):
            p = c.person()
            t = c.ch([("Potassium", round(c.r.uniform(6.1, 7.2), 1), "mmol/L", "HH"), ("Glucose", c.ri(38, 49), "mg/dL", "LL"),
                      ("Hemoglobin", round(c.r.uniform(5.5, 6.9), 1), "g/dL", "LL"), ("INR", round(c.r.uniform(5.1, 9.0), 1), "", "HH"),
                      ("Troponin I", round(c.r.uniform(0.5, 4.0), 2), "ng/mL", "HH")])
            rows.append([p.lf, fd(p.dob, 4), t[0], t[1], t[2], t[3], c.clin()[0], f"{c.ri(0,23):02d}:{c.ri(0,59):02d}"])
        body, fn, subj = "Critical value call log for last night attached for QA review.", "critical_calls.csv", "Critical call log"
    elif v == 1:
        rows = [["MRN", "Last", "First", "Collected", "Test", "Status"]]
        for _ in range(n):
            p = c.person()
            rows.append([c.mrn_num(), p.last, p.first, fd(c.date(), 1), c.ch(["HIV-1/2 Ag/Ab", "Hep C Ab", "Pap/HPV", "PSA", "Quantiferon"]),
                         c.ch(["Pending", "Pending", "Resulted - abnormal", "Recollect - hemolyzed"])])
        body, fn, subj = f"Hi - pending/abnormal list for {cl[0]} attached. Please review the recollects.", "pending.csv", "Pending results list"
    elif v == 2:
        rows = [["Name", "DOB", "Phone", "A1c", "LDL", "Last visit"]]
        for _ in range(n):
            p = c.person()
            rows.append([p.full, fd(p.dob, 5), c.phone(), round(c.r.uniform(7.5, 12.5), 1), c.ri(70, 190), fd(c.date(), 5)])
        body, fn, subj = "Outreach list - diabetic patients with A1c > 9 not seen in 6 months. Attached.", "outreach.csv", "outreach list"
    else:
        rows = [["Accession", "Patient", "Specimen", "Result"]]
        for _ in range(n):
            p = c.person()
            rows.append([f"{c.ch('ABC')}{c.ri(10**6,10**7)}", f"{p.last.upper()} {p.first.upper()}", c.ch(["Urine", "Swab", "Serum"]),
                         c.ch(["Chlamydia DETECTED", "Gonorrhea NOT detected", "Trichomonas DETECTED", "Syphilis RPR reactive 1:16"])])
        body, fn, subj = "Positive STI results for DOH reporting - see CSV.", "sti_positives.csv", "Reportables"
    s = c.person()
    return M(f"{s.full} <{s.first.lower()}.{s.last.lower().replace(' ','')}@{org[1]}>", f"{c.ch(['qa','clinic','nursing','reporting'])}@{cl[1]}",
             subj, body, form="csv").att(csv_bytes(rows), "text", "csv", fn)


def f_survey_named(c, v):
    p = c.person()
    org = c.org(["hospital", "hospital", c.ch(["hospital", "dental"]), "clinic"][v])
    dr = c.clin()[0]
    d = c.date()
    to = c.email_of(p)
    if v == 0:
        body = (f"Dear {p.first},\n\nHow was your visit with {dr} at the {c.ch(['Cardiology','Oncology','Women’s Health','Orthopedic'])} clinic "
                f"on {fd(d,2)}? Please take 3 minutes to tell us: https://survey.{org[1]}/s/{c.ri(10**5,10**6)}\n\nThank you,\nPatient Experience, {org[0]}")
    elif v == 1:
        body = (f"Hi {p.first} {p.last},\n\nYou were recently a patient in our {c.ch(['Emergency Department','Labor & Delivery unit','Behavioral Health unit'])} "
                f"({fd(d,1)}). We'd love your feedback on the care you received.\n\nStart survey: https://feedback.{org[1]}/x/{c.ri(10**5,10**6)}")
    elif v == 2:
        body = (f"{p.title} {p.last}, thank you for trusting us with your {c.ch(['root canal','implant placement','wisdom tooth extraction'] if 'Dental' in org[0] else ['knee replacement','cataract surgery','colonoscopy'])}. "
                f"Rate your experience from 1-10 by replying to this email.\n{org[0]}")
    else:
        inner = (f"<p>Hello {xesc(p.first)},</p><p>Thanks for visiting {xesc(org[0])} on {fd(d,3)} for your "
                 f"<b>{c.ch(['asthma follow-up','prenatal visit','depression check-in','diabetes visit'])}</b>.</p>"
                 f"<p>How likely are you to recommend us?</p>" + html_table([[str(i) for i in range(11)]]))
        return M(f"{org[0]} <feedback@{org[1]}>", to, "Tell us about your visit", html=html_page(inner), form="html")
    return M(f"{org[0]} Patient Experience <survey@{org[1]}>", to, "How did we do?", body)


# ================================================================ CLEAN families
BULK_TO = ["undisclosed-recipients:;", "patients@lists.{d}", "newsletter@{d}", "community@lists.{d}"]


def bulk_to(c, org):
    return c.ch(BULK_TO).format(d=org[1])


def f_newsletter(c, v):
    org = c.org(c.ch(["hospital", "clinic", "pt", "dental", "behavioral"]))
    if v == 0:
        body = (f"HEALTHY LIVING - {c.ch(['Spring','Summer','Fall','Winter'])} edition\n\n1. Five ways to lower your blood pressure without "
                f"medication\nCutting sodium to under 2,300 mg a day, walking 30 minutes, and limiting alcohol can lower systolic "
                f"pressure by 5-10 points.\n\n2. Is it a cold, the flu, or COVID?\nFever and body aches that come on suddenly point to "
                f"flu. A home test can help.\n\n3. Ask the dietitian: are eggs bad for cholesterol?\nFor most people, an egg a day "
                f"is fine as part of a balanced diet.\n\nYou are receiving this because you subscribed at {org[1]}. Unsubscribe: "
                f"https://{org[1]}/unsubscribe")
        return M(f"{org[0]} <news@{org[1]}>", bulk_to(c, org), "Healthy Living: blood pressure, flu vs. COVID, and eggs", body)
    if v == 1:
        inner = (f"<h1 style='color:#2e7d32'>{xesc(org[0])} Wellness Digest</h1>"
                 "<h3>Back pain? Keep moving</h3><p>Bed rest used to be the advice. Research now shows gentle activity speeds "
                 "recovery for most acute low back pain.</p><h3>Know the signs of stroke: BE FAST</h3><p>Balance, Eyes, Face, Arm, "
                 "Speech, Time to call 911.</p><h3>Recipe: lentil soup with spinach</h3><p>Fiber-rich and diabetes-friendly.</p>"
                 f"<p style='font-size:11px'>&copy; 2025 {xesc(org[0])}. <a href='https://{org[1]}/prefs'>Manage preferences</a></p>")
        return M(f"{org[0]} <digest@{org[1]}>", bulk_to(c, org), "Wellness Digest: back pain myths", html=html_page(inner), form="html")
    if v == 2:
        body = (f"From the blog this month:\n\n* What your A1c number really means - an A1c of 5.7-6.4% is considered "
                f"prediabetes, 6.5% or above diabetes.\n* Colon cancer screening now starts at 45. Here's what to expect from a "
                f"colonoscopy prep.\n* Mental health check: 1 in 5 adults experiences a mental illness each year.\n* Meet our new "
                f"sports medicine team at the {c.ch(CITIES[c.split])[0]} location.\n\nRead more at https://{org[1]}/blog\n\n{org[0]} | "
                f"Update your email preferences")
        return M(f"{org[0]} Blog <blog@{org[1]}>", bulk_to(c, org), "This month on the blog", body)
    if v == 3:
        inner = ("<table width='600' align='center'><tr><td><h2>Smile Tips</h2><p>Did you know? Gum disease affects nearly half "
                 "of adults over 30. Floss daily and see your hygienist twice a year.</p><p><b>Whitening special:</b> 20% off "
                 "take-home trays this month.</p><p>Kids' corner: sugary drinks are the #1 cause of cavities in children.</p>"
                 "</td></tr></table>")
        return M(f"{c.org('dental')[0]} <hello@{c.org('dental')[1]}>", bulk_to(c, c.org('dental')), "Smile Tips + whitening special",
                 html=html_page(inner), form="html")
    if v == 4:
        body = (f"Mind Matters - a newsletter from {c.org('behavioral')[0]}\n\nThis month: coping with seasonal depression. "
                f"Light therapy boxes of 10,000 lux used 20-30 minutes each morning help many people with seasonal affective "
                f"disorder. Talk to your clinician before starting.\n\nSupport groups: grief (Tuesdays), parents of teens "
                f"(Thursdays). All groups are free.\n\nIf you or someone you know is in crisis, call or text 988.")
        return M(f"{c.org('behavioral')[0]} <news@{c.org('behavioral')[1]}>", bulk_to(c, c.org('behavioral')), "Mind Matters - February", body)


def f_flu(c, v):
    org = c.org(c.ch(["clinic", "hospital", "urgent"]))
    if v == 0:
        body = (f"Dear Patient,\n\nFlu season is here. The CDC recommends a flu vaccine for everyone 6 months and older. "
                f"{org[0]} is offering walk-in flu shots Monday-Friday 8 AM-6 PM, no appointment needed. Most insurance "
                f"plans cover the vaccine at no cost.\n\nHigh-dose vaccine is available for adults 65+.\n\nStay well,\n{org[0]}")
        return M(f"{org[0]} <info@{org[1]}>", bulk_to(c, org), "Get your flu shot today", body)
    if v == 1:
        inner = (f"<div style='background:#fff3e0;padding:16px'><h2>It's not too late!</h2><p>Dear Valued Patient,</p>"
                 "<p>Protect yourself and your family this winter. Flu and updated COVID-19 vaccines are available at all "
                 "locations. Saturday clinics: 9 AM - 1 PM.</p><p><a href='#'>Find a clinic near you</a></p></div>")
        return M(f"{org[0]} <campaigns@{org[1]}>", bulk_to(c, org), "Flu + COVID vaccines - Saturday clinics", html=html_page(inner), form="html")
    if v == 2:
        body = (f"Hello,\n\nThis is a general reminder from {org[0]}: our drive-thru flu vaccination event will be held "
                f"{fd(c.date(dt.date(2024,9,20), dt.date(2024,11,15)))} in the north parking lot. Wear a short-sleeved shirt. "
                f"RSV vaccine is also available for adults 60 and over and pregnant people at 32-36 weeks.\n\nThis message was "
                f"sent to all patients of record. Please do not reply.")
        return M(f"{org[0]} <noreply@{org[1]}>", bulk_to(c, org), "Drive-thru flu clinic", body)
    if v == 3:
        body = (f"Dear Parents and Guardians,\n\nThe school-located flu vaccine clinic will be held {fd(c.date(dt.date(2024,10,1), dt.date(2024,11,20)))} "
                f"in the gym. Return the signed consent form by Friday if you would like your child vaccinated. Nasal spray and "
                f"injection both available. There is no cost to families.\n\nHealth Services, {c.org('school')[0]}")
        return M(f"Health Services <healthoffice@{c.org('school')[1]}>", f"families@lists.{c.org('school')[1]}", "School flu clinic", body)
    if v == 4:
        body = ("Dear Member,\n\nShingles is painful, and 1 in 3 adults will get it. Two doses of Shingrix are more than 90% effective. "
                "Ask your pharmacist or doctor about getting vaccinated this season - it's covered at $0 under most plans.\n\n"
                f"Your friends at {org[0]}")
        return M(f"{org[0]} <info@{org[1]}>", bulk_to(c, org), "Protect yourself from shingles", body)


def f_cme(c, v):
    org = c.org("hospital")
    sp1, sp2 = c.clin(), c.clin()
    d = c.wdate()
    topics = ["Advances in Heart Failure Management: SGLT2 inhibitors and beyond", "Sepsis bundles in 2025: what the data say",
              "Managing opioid use disorder in the ED", "Antimicrobial stewardship in outpatient practice",
              "Pediatric asthma: updated GINA guidance", "Perioperative management of GLP-1 agonists"]
    tp = c.ch(topics)
    if v == 0:
        body = (f"MEDICAL GRAND ROUNDS\n\n{fd(d)} | 12:00-1:00 PM | {c.ch(['Auditorium B','Conference Center 2','Zoom'])}\n\n"
                f"\"{tp}\"\nPresented by {sp1[0]}, Professor of Medicine\n\nLunch provided. {org[0]} designates this live activity "
                f"for a maximum of 1.0 AMA PRA Category 1 Credit(TM). Physicians should claim only the credit commensurate with the "
                f"extent of their participation.\n\nText code to 555-0199 to record attendance.")
        return M(f"Medical Education <cme@{org[1]}>", f"all-medstaff@{org[1]}", f"Grand Rounds {fd(d,2)}: {tp[:40]}", body)
    if v == 1:
        age = c.ri(34, 79)
        body = (f"Morbidity & Mortality Conference - Department of Surgery\n\n{fd(d)}, 7:00 AM, Surgical Education Room\n\n"
                f"Case 1: A {age}-year-old {c.ch(['man','woman'])} with delayed diagnosis of anastomotic leak after low anterior resection.\n"
                f"Case 2: Retained foreign body - systems review.\n\nPresenters: {sp1[0]} (PGY-4) and {sp2[0]}\n"
                f"Protected peer review: discussion is confidential under state statute. Do not forward.")
        return M(f"Surgery Education <surgery-ed@{org[1]}>", f"surgery-faculty@{org[1]}", "M&M this Thursday", body)
    if v == 2:
        inner = (f"<h2>Annual Primary Care Update 2025</h2><p>{fd(d)} - {fd(d + dt.timedelta(days=1))}<br>{xesc(org[0])} Conference Center</p>"
                 + html_table([["8:00", "Hypertension guidelines", sp1[0]], ["9:00", "Lipids and Lp(a)", sp2[0]],
                               ["10:15", "Dermatology pearls", c.clin()[0]], ["11:15", "Depression screening in primary care", c.clin()[0]]],
                              ["Time", "Session", "Faculty"]) +
                 "<p>Up to 12.5 CME credits. Early registration $295.</p>")
        return M(f"{org[0]} CME Office <cme@{org[1]}>", f"affiliated-providers@lists.{org[1]}", "Register: Primary Care Update 2025",
                 html=html_page(inner), form="html")
    if v == 3:
        body = (f"Journal club reminder - Nursing Research Council\n\n{fd(d,0)} at 3:30 PM in 5 North break room. We'll discuss "
                f"\"Effect of hourly rounding on inpatient falls: a cluster randomized trial.\" {sp1[1]} {sp1[2]}, RN will lead. "
                f"1.0 contact hour.\n\nArticle PDF is on the shared drive.")
        return M(f"Nursing Education <nursing-ed@{org[1]}>", f"nursing-all@{org[1]}", "Journal club", body)
    if v == 4:
        body = (f"Dear colleagues,\n\nPlease join us for Tumor Board on {fd(d)} at 7:30 AM. {sp1[0]} (Radiation Oncology) will give a "
                f"15-minute talk on hypofractionation for early breast cancer before cases. Case submissions are handled via the "
                f"secure tumor board list - do not email case details.\n\nThanks,\n{sp2[0]}\nCancer Center")
        return M(f"{sp2[0]} <{sp2[2].lower()}@{org[1]}>", f"tumorboard-attendees@{org[1]}", "Tumor Board + talk", body)


def f_job(c, v):
    org = c.org(c.ch(["hospital", "homehealth", "behavioral", "pt", "dental", "urgent"]))
    if v == 0:
        body = (f"{org[0]} is hiring!\n\nRegistered Nurse - Med/Surg, nights (36 hrs/wk)\n$5,000 sign-on bonus\n\nRequirements: active "
                f"RN license, BLS, 1 year acute care preferred. New grads welcome - 12-week residency program.\n\nApply: "
                f"https://careers.{org[1]}/req/{c.ri(10000,99999)}\n\nEqual Opportunity Employer.")
        return M(f"{org[0]} Talent <careers@{org[1]}>", f"jobalerts@lists.{org[1]}", "Now hiring: RN Med/Surg nights", body)
    if v == 1:
        body = (f"Hi there,\n\nI came across your profile and wanted to reach out about a Physical Therapist opening at "
                f"{c.org('pt')[0]}. Outpatient ortho caseload, 45-minute 1:1 visits, 4x10 schedule available. Salary "
                f"${c.ri(82,98)}k-${c.ri(99,112)}k plus CEU allowance.\n\nOpen to a quick call this week?\n\n{c.clin(dr=False)[0]}\nRecruiter")
        return M(f"Recruiting <recruiting@{c.org('pt')[1]}>", f"candidate{c.ri(100,999)}@{c.ch(MAILHOSTS)}", "PT opportunity", body)
    if v == 2:
        inner = ("<h2>Career opportunities</h2>" + html_table([["Licensed Clinical Social Worker", "Full-time", "Hybrid"],
                                                              ["Psychiatric Nurse Practitioner", "Full-time", "Telehealth"],
                                                              ["Dental Hygienist", "Part-time", "On-site"],
                                                              ["Home Health Aide", "Per diem", "Field"]], ["Role", "Type", "Location"])
                 + "<p>Benefits: medical, dental, 403(b) match, tuition reimbursement.</p>")
        return M(f"{org[0]} HR <hr@{org[1]}>", f"jobs@lists.{org[1]}", "New openings this week", html=html_page(inner), form="html")
    if v == 3:
        body = (f"INTERNAL POSTING #{c.ri(1000,9999)}\nPosition: School Nurse (RN), {c.org('school')[0]}\nStart: August\n"
                f"Duties: medication administration, care plans for students with chronic conditions, screenings (vision, hearing, "
                f"scoliosis), immunization compliance.\nClosing date: {fd(c.date(),1)}\nContact Human Resources ext. {c.ri(2000,2999)}.")
        return M(f"HR <hr@{c.org('school')[1]}>", f"allstaff@{c.org('school')[1]}", "Internal posting - School Nurse", body)
    if v == 4:
        body = (f"Telehealth physicians wanted - {c.org('telehealth')[0]}\n\nBoard-certified FM/IM/EM physicians licensed in 10+ states. "
                f"Set your own hours. ${c.ri(90,140)}/hr plus per-consult incentives. Malpractice covered.\n\nReply to learn more.")
        return M(f"{c.org('telehealth')[0]} <providers@{c.org('telehealth')[1]}>", f"physicians@lists.{c.org('telehealth')[1]}",
                 "Flexible telehealth shifts", body)


def f_closure(c, v):
    org = c.org(c.ch(["clinic", "dental", "pt", "lab", "urgent", "behavioral"]))
    if v == 0:
        body = (f"Holiday hours\n\n{org[0]} will be closed Thursday, November 27 and Friday, November 28 for Thanksgiving. "
                f"We will reopen Monday, December 1 at 8:00 AM. For urgent needs please call our after-hours line, and for "
                f"emergencies call 911.\n\nHappy Thanksgiving!")
        return M(f"{org[0]} <info@{org[1]}>", bulk_to(c, org), "Holiday hours", body)
    if v == 1:
        body = (f"Due to the winter storm warning, all {org[0]} locations will open at 10 AM on {fd(c.date())}. Patients with "
                f"appointments before 10 will be contacted to reschedule. Telehealth visits will continue as scheduled.")
        return M(f"{org[0]} <alerts@{org[1]}>", bulk_to(c, org), "Weather delay", body)
    if v == 2:
        a = c.addr()
        inner = (f"<h2>We're moving!</h2><p>Starting {fd(c.date(),3)}, {xesc(org[0])} will be at our new location:</p>"
                 f"<p><b>{xesc(a[0])}<br>{xesc(a[1])}</b></p><p>Free parking and a larger waiting room. Phone and fax numbers stay the same.</p>")
        return M(f"{org[0]} <info@{org[1]}>", bulk_to(c, org), "New location", html=html_page(inner), form="html")
    if v == 3:
        body = (f"Hello,\n\nOur lab draw station will have reduced hours the week of July 4th:\n  Mon 7-3\n  Tue 7-3\n  Wed 7-12\n  "
                f"Thu CLOSED\n  Fri 7-3\nFasting draws are recommended before 10 AM.\n\n{c.org('lab')[0]}")
        return M(f"{c.org('lab')[0]} <info@{c.org('lab')[1]}>", bulk_to(c, c.org('lab')), "July 4th hours", body)
    if v == 4:
        body = (f"Notice: our phone system will be down for maintenance Saturday from 6 AM to noon. Please use the patient portal "
                f"for messages during this time. We apologize for any inconvenience.\n\n{org[0]}")
        return M(f"{org[0]} <noreply@{org[1]}>", bulk_to(c, org), "Phone outage Saturday", body)


def f_ooo(c, v):
    org = c.org(c.ch(["hospital", "clinic", "behavioral", "pt"]))
    dr, drf, drl = c.clin()
    cov = c.clin()[0]
    d = c.date()
    addr = f"{drf.lower()}.{drl.lower()}@{org[1]}"
    subj = "Automatic reply: " + c.ch(["Question", "Re: schedule", "follow up", "Meeting Friday", "hello"])
    if v == 0:
        body = (f"I am out of the office until {fd(d,1)} with limited access to email. For urgent clinical matters please contact "
                f"{cov} or page the on-call physician through the operator. For scheduling, call the clinic front desk.\n\n{dr}")
    elif v == 1:
        body = (f"Thank you for your message. I'm attending a conference through {fd(d,0)}. I will respond when I return. "
                f"If this is a patient-care issue, please call the nurse line.\n\n{drf} {drl}, NP")
    elif v == 2:
        body = (f"Hi, I'm on parental leave until {fd(d,3)}. {cov} is covering my panel. Please do not send clinical information "
                f"to this address.\n\n-- {drf}")
    elif v == 3:
        body = (f"Out of office. Back Monday.\nFor therapy clients: if you are in crisis, call 988 or go to the nearest emergency room.\n"
                f"{drf} {drl}, PsyD")
    else:
        body = (f"I am currently away from my desk with no access to email until {fd(d,2)}. Your email will not be forwarded. "
                f"Please resend after my return or contact the department coordinator.\n\nKind regards,\n{dr}\nDepartment of Radiology")
    m = M(f"{dr} <{addr}>", f"{c.person().full} <{c.ch(['ops','scheduling','admin','info'])}@{c.org('clinic')[1]}>", subj, body)
    m.headers.append(("Auto-Submitted", "auto-replied"))
    return m


def f_staff_sched(c, v):
    org = c.org(["hospital", "hospital", c.ch(["urgent", "pt", "clinic"]), "homehealth", c.ch(["hospital", "urgent"])][v])
    d = c.wdate()
    if v == 0:
        lines = [f"Call schedule - week of {fd(d,2)}", ""]
        for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]:
            lines.append(f"{day}: {c.clin()[0]} (1st call), {c.clin()[0]} (backup)")
        body = "\n".join(lines) + f"\n\nSwaps must be approved by the chief. Page operator for changes.\n\nMedical Staff Office"
        return M(f"Medical Staff Office <medstaff@{org[1]}>", f"hospitalists@{org[1]}", "Call schedule", body)
    if v == 1:
        nurses = [c.clin(dr=False)[0] for _ in range(6)]
        body = (f"Hi all,\n\nStill need coverage for 4 West:\n  - {fd(d,2)} nights (1900-0730): 2 RNs\n  - {fd(d + dt.timedelta(days=1),2)} days: 1 CNA\n\n"
                f"Confirmed so far: {', '.join(nurses[:3])}. {nurses[3]} swapped with {nurses[4]} for Saturday.\n"
                f"Incentive pay applies to open shifts.\n\nThanks,\n{nurses[5]}, Charge RN")
        return M(f"{nurses[5]} <charge4w@{org[1]}>", f"4west-staff@{org[1]}", "Open shifts this weekend", body)
    if v == 2:
        rows = [["Name", "Role", "Mon", "Tue", "Wed", "Thu", "Fri"]]
        for _ in range(c.ri(6, 10)):
            rows.append([c.clin(dr=False)[0], c.ch(["RN", "MA", "PT", "PTA", "NP", "Front desk"])] +
                        [c.ch(["7a-3p", "11a-7p", "OFF", "7a-7p", "8a-5p"]) for _ in range(5)])
        data = xlsx_bytes(rows, sheet="Staff", shared=c.chance(0.5))
        return M(f"Clinic Manager <manager@{org[1]}>", f"staff@{org[1]}", f"Staff schedule {fd(d,2)}", "Next week's staff schedule is attached. Let me know about conflicts by Thursday.",
                 form="xlsx").att(data, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "staff_schedule.xlsx")
    if v == 3:
        body = (f"Field visit routing for {fd(d,0)}: RNs please confirm your territory.\n\n"
                + "\n".join(f"  {c.clin(dr=False)[0]}, RN - {c.ch(['North','South','East','West','Central'])} zone, car {c.ri(1,30)}" for _ in range(5))
                + f"\n\nMileage logs due Friday. On-call this weekend: {c.clin(dr=False)[0]}.")
        return M(f"Scheduling <scheduling@{org[1]}>", f"field-nurses@{org[1]}", "Territory assignments", body)
    if v == 4:
        rows = [["Provider", "Site", "Shift", "Date"]]
        for _ in range(c.ri(6, 12)):
            rows.append([c.clin()[0], c.ch(["Main", "North", "Westside", "Telehealth"]), c.ch(["8a-8p", "12p-12a", "10a-10p"]), fd(c.date(), 1)])
        data = xlsx_bytes(rows, sheet="Providers", shared=c.chance(0.5))
        return M(f"Provider Scheduling <provsched@{org[1]}>", f"providers@{org[1]}", "Provider schedule - next month",
                 "Attached. Please review your shifts and send any swap requests by the 20th.", form="xlsx").att(
            data, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "provider_shifts.xlsx")


def f_equip(c, v):
    org = c.org(c.ch(["hospital", "lab", "dental", "pt"]))
    tk = c.ri(10000, 99999)
    tech = c.clin(dr=False)[0]
    if v == 0:
        body = (f"Ticket #{tk} - OPEN\nAsset: Alaris infusion pump, SN {c.ri(10**7,10**8)}\nLocation: {c.ch(['4 West','ICU bay 3','PACU','5 North'])}\n"
                f"Issue: failed occlusion alarm test during PM. Unit tagged out of service.\nAssigned: {tech}, Biomed\n"
                f"Priority: High\n\nReply above this line to update the ticket.")
        return M(f"Biomed Service Desk <biomed@{org[1]}>", f"nursing-mgr@{org[1]}", f"[Ticket #{tk}] Infusion pump out of service", body)
    if v == 1:
        body = (f"Hi,\n\nThe Siemens MRI 2 had a helium level warning at 0600. GE field service is coming at 2 PM; expect downtime "
                f"of 3-4 hours. Please reroute afternoon outpatient MRIs to scanner 1 or the imaging center.\n\n{tech}\nImaging Engineering")
        return M(f"{tech} <{tech.split(' ')[0].lower()}@{org[1]}>", f"radiology-ops@{org[1]}", "MRI 2 down this afternoon", body)
    if v == 2:
        body = (f"Work order {tk}\nEquipment: Autoclave (Midmark M11), operatory sterilization room\nProblem: cycle aborts with error "
                f"C{c.ri(100,999)}, spore test due Friday\nRequested by: {tech}\nStatus: parts ordered (door gasket), ETA 3 business days")
        return M(f"Facilities <facilities@{c.org('dental')[1]}>", f"office@{c.org('dental')[1]}", f"WO {tk} autoclave", body)
    if v == 3:
        body = (f"QC failure on chemistry analyzer cobas c501 - lot {c.ri(100000,999999)} level 2 glucose out of range (+3SD). "
                f"Recalibrated and reran QC at {c.ri(6,9)}:{c.ri(10,59)}; now within limits. Patient results between "
                f"last good QC and failure were reviewed - no corrections needed.\n\n{tech}, MLS(ASCP)")
        return M(f"{tech} <{tech.split(' ')[1].lower()}@{c.org('lab')[1]}>", f"lab-supervisors@{c.org('lab')[1]}", "QC failure c501 - resolved", body)
    if v == 4:
        body = (f"Ticket {tk}: treadmill #2 belt slipping at speeds above 3 mph. Also the ultrasound unit in room 4 needs a new "
                f"transducer cable. Vendor contacted. {tech}")
        return M(f"{c.org('pt')[0]} <ops@{c.org('pt')[1]}>", f"maintenance@{c.org('pt')[1]}", f"Equipment ticket {tk}", body)


def f_quality(c, v):
    org = c.org("hospital")
    q = c.ch(["Q1", "Q2", "Q3", "Q4"])
    if v == 0:
        r = round(c.r.uniform(9.5, 14.0), 1)
        body = (f"Team,\n\nGreat news from the {q} quality dashboard: our 30-day all-cause readmission rate fell to {r}% "
                f"(from {round(r + c.r.uniform(0.5, 2.5), 1)}%). CLABSI: {round(c.r.uniform(0.3, 1.2), 2)} per 1,000 line days. "
                f"CAUTI: {round(c.r.uniform(0.5, 1.8), 2)}. Hand hygiene compliance {c.ri(86,97)}%.\n\nHCAHPS 'would recommend' "
                f"top-box: {c.ri(68,81)}%.\n\nThanks to every unit for their work.\n\nChief Quality Officer")
        return M(f"Quality & Safety <quality@{org[1]}>", f"leadership@{org[1]}", f"{q} quality dashboard", body)
    if v == 1:
        rows = [["Unit", "Discharges", "Readmits_30d", "Rate_pct", "Falls", "Falls_per_1000pd"]]
        for u in ["4 West", "5 North", "ICU", "Ortho", "Tele", "Oncology"]:
            dch = c.ri(180, 900)
            rd = c.ri(10, int(dch * 0.16))
            rows.append([u, dch, rd, round(100 * rd / dch, 1), c.ri(0, 9), round(c.r.uniform(0.5, 4.2), 2)])
        return M(f"Decision Support <analytics@{org[1]}>", f"nurse-managers@{org[1]}", f"Unit metrics {q}",
                 "Attached are the de-identified unit-level metrics for the quarter. No patient-level data included.",
                 form="csv").att(csv_bytes(rows), "text", "csv", f"unit_metrics_{q}.csv")
    if v == 2:
        inner = ("<h3>Ambulatory quality scorecard</h3>" + html_table([
            ["Diabetes: A1c > 9 (lower is better)", f"{c.ri(14,28)}%", "20%"],
            ["Controlling high blood pressure", f"{c.ri(58,77)}%", "70%"],
            ["Breast cancer screening", f"{c.ri(62,81)}%", "75%"],
            ["Colorectal cancer screening", f"{c.ri(55,74)}%", "70%"],
            ["Depression screening & follow-up", f"{c.ri(60,88)}%", "80%"]], ["Measure", "Our rate", "Target"]) +
            "<p>Rates are calculated across all attributed patients; no individual data is shared in this report.</p>")
        return M(f"Population Health <pophealth@{c.org('clinic')[1]}>", f"pcp-group@{c.org('clinic')[1]}", "Scorecard",
                 html=html_page(inner), form="html")
    if v == 3:
        body = (f"Home health outcomes, {q}:\n  Improvement in ambulation: {c.ri(70,82)}%\n  Improvement in bathing: {c.ri(72,85)}%\n"
                f"  Acute care hospitalization: {round(c.r.uniform(11,17),1)}%\n  Timely initiation of care: {c.ri(93,99)}%\n"
                f"  Star rating (projected): {c.ch(['3.5','4','4.5'])}\n\nWe are above the national average on 4 of 5 measures.")
        return M(f"{c.org('homehealth')[0]} QAPI <qapi@{c.org('homehealth')[1]}>", f"all-clinicians@{c.org('homehealth')[1]}", f"{q} outcomes", body)
    if v == 4:
        body = (f"Sepsis SEP-1 compliance for {q}: {c.ri(55,72)}% (n={c.ri(140,320)} cases). Most common failure: repeat lactate "
                f"not drawn within 6 hours ({c.ri(30,48)}% of fallouts). Median time to antibiotics {c.ri(48,95)} minutes.\n\n"
                f"Aggregate data only. Case-level review is in the protected peer review folder.")
        return M(f"Sepsis Committee <sepsis@{org[1]}>", f"ed-leadership@{org[1]}", "SEP-1 quarterly", body)


def f_survey(c, v):
    org = c.org(c.ch(["hospital", "clinic", "dental", "telehealth", "pt"]))
    link = f"https://survey.{org[1]}/s/{c.ri(10**5, 10**6)}"
    if v == 0:
        body = (f"We'd love your feedback!\n\n{org[0]} is always looking for ways to improve. Please take our 3-minute survey: "
                f"{link}\n\nYour answers are anonymous.\n\nThank you!")
    elif v == 1:
        body = (f"Hello,\n\nHelp us shape the future of care at {org[0]}. We're inviting community members to join our Patient & "
                f"Family Advisory Council. Meetings are quarterly. Interested? {link}")
    elif v == 2:
        inner = (f"<p>Hi there,</p><p>How would you rate your overall experience with {xesc(org[0])}?</p>"
                 + html_table([["😞", "😐", "🙂", "😀"]]) + "<p>Responses are confidential and will not be linked to your record.</p>")
        return M(f"{org[0]} <feedback@{org[1]}>", bulk_to(c, org), "Quick question", html=html_page(inner), form="html")
    elif v == 3:
        body = (f"Dear Patient,\n\nYou may receive a survey from Press Ganey on our behalf in the coming weeks. We read every comment. "
                f"Thank you for helping us improve.\n\n{org[0]}")
    else:
        body = (f"Tell us what you think of the new {org[0]} app! Rate us in the App Store or answer 5 quick questions: {link}")
    return M(f"{org[0]} <survey@{org[1]}>", bulk_to(c, org), c.ch(["Your feedback matters", "Share your opinion", "3-minute survey"]), body)


def f_personal(c, v):
    dr, drf, drl = c.clin()
    fr = c.person()
    org = c.org("hospital")
    frm = c.ch([f"{drf} {drl} <{drf.lower()}.{drl.lower()}{c.ri(1,99)}@{c.ch(MAILHOSTS)}>", f"{dr} <{drl.lower()}@{org[1]}>"])
    if v == 0:
        body = (f"Hi {fr.first},\n\nAre we still on for dinner Friday? I made a reservation at {c.ch(['Osteria Luca','Saffron House','the Thai place on 5th','Casa Oaxaca'])} "
                f"for 7:30. I'm post-call Thursday so I might be a bit late - order the calamari without me.\n\n{drf}\n\n"
                f"{dr}, {c.ch(['MD','DO'])}\n{c.ch(['Cardiology','Hospital Medicine','Pediatrics','Anesthesiology'])}\n{org[0]}")
    elif v == 1:
        body = (f"{fr.first} - the kids' soccer carpool this Saturday is on me. Pickup 8:15. Can you bring the orange slices? "
                f"Also do you still have my cooler from the lake trip?\n\n-{drf}")
    elif v == 2:
        body = (f"Hey,\n\nBook club is at my place on the 14th. We're reading \"{c.ch(['The Covenant of Water','Lessons in Chemistry','Demon Copperhead','Tomorrow, and Tomorrow, and Tomorrow'])}\". "
                f"I'll make the lasagna; can someone bring wine?\n\nSee you,\n{drf}")
    elif v == 3:
        body = (f"Hi {fr.first},\n\nThanks for the invoice for the office chairs ($1,240.00, 4 x Steelcase). I'll pay by Friday. "
                f"Can you deliver to the house rather than the clinic?\n\nBest,\n{drf} {drl}")
    else:
        body = (f"Happy birthday {fr.first}!! 🎉 Hope you have an amazing day. Drinks on me next week when I'm off nights.\n\n{drf}")
    return M(frm, c.email_of(fr), c.ch(["Friday", "Saturday", "re: plans", "quick one", "hi!"]), body)


def f_refrange(c, v):
    org = c.org("lab")
    d = c.date()
    if v == 0:
        body = (f"To: ordering providers\n\nEffective {fd(d,1)}, {org[0]} will transition to a new chemistry platform. "
                f"Updated reference intervals:\n\n  ALT (male)    0-44 U/L   (was 0-55)\n  ALT (female)  0-33 U/L   (was 0-40)\n"
                f"  Creatinine    0.57-1.00 mg/dL (F), 0.76-1.27 mg/dL (M)\n  Hemoglobin A1c  >= 6.5 % will flag H\n  "
                f"Potassium critical high >= 6.2 mmol/L\n\nNo action is required. Questions: lab client services {c.phone()}.")
        return M(f"{org[0]} Client Services <clientservices@{org[1]}>", f"providers@lists.{org[1]}", "Reference interval changes", body)
    if v == 1:
        inner = ("<p>Dear clients,</p><p>Please note the following test menu updates:</p>" + html_table([
            ["Vitamin D, 25-OH", "30-100 ng/mL", "Method change to LC-MS/MS"],
            ["TSH", "0.45-4.5 uIU/mL", "No change"],
            ["LDL (calculated)", "<100 mg/dL", "Now Martin-Hopkins equation"],
            ["PSA, total", "0.0-4.0 ng/mL", "Reflex to free PSA if 4-10"]], ["Test", "Reference", "Change"]) +
            "<p>Specimen requirements are unchanged.</p>")
        return M(f"{org[0]} <updates@{org[1]}>", f"clients@lists.{org[1]}", "Test menu update", html=html_page(inner), form="html")
    if v == 2:
        body = (f"Hi all,\n\nReminder that critical values are called to the ordering provider within 30 minutes. Current list:\n"
                f"  Glucose < 40 or > 500 mg/dL\n  Potassium < 2.8 or > 6.2 mmol/L\n  Hemoglobin < 6.0 g/dL\n  Platelets < 20 x10^3/uL\n"
                f"  INR > 5.0\n  Troponin I > 0.5 ng/mL\n\nRead-back is required.\n\nLab Quality")
        return M(f"Lab Quality <labquality@{org[1]}>", f"clinical-staff@{c.org('hospital')[1]}", "Critical value list", body)
    if v == 3:
        body = (f"Specimen handling reminder: serum for potassium must be separated within 2 hours; hemolyzed samples will be "
                f"flagged and may falsely elevate K+ (e.g. a value of 6.4 H mmol/L). Courier pickups at 11 AM and 4 PM.\n\n{org[0]}")
        return M(f"{org[0]} <courier@{org[1]}>", f"offices@lists.{org[1]}", "Specimen handling", body)


def f_school_bulletin(c, v):
    sch = c.org("school")
    nn = c.ch(c.N["clin_f"]) + " " + c.ch(c.N["clin_last"])
    if v == 0:
        body = (f"Dear Families,\n\nWe have had several cases of strep throat in 2nd grade this week. Please watch for sore throat, "
                f"fever, and headache, and keep children home if they have a fever of 100.4\u00b0F or higher. Children may return "
                f"after 12 hours on antibiotics and fever-free.\n\nThank you,\n{nn}, RN\nSchool Nurse")
        return M(f"{nn} <nurse@{sch[1]}>", f"families-grade2@lists.{sch[1]}", "Health notice: strep throat", body)
    if v == 1:
        body = (f"Reminder: state law requires kindergarten and 7th grade students to have up-to-date immunization records "
                f"(Tdap, MenACWY for 7th grade) on file by the first day of school. Bring records to the health office or "
                f"upload them in the parent portal.\n\nHealth Services, {sch[0]}")
        return M(f"Health Services <healthoffice@{sch[1]}>", f"parents@lists.{sch[1]}", "Immunization records due", body)
    if v == 2:
        body = (f"Hello families,\n\nHead lice have been reported in one classroom. Lice are a nuisance but do not spread disease. "
                f"Please check your child's hair weekly. Our district does not exclude students for nits.\n\n{nn}, School Nurse")
        return M(f"{nn} <{nn.split(' ')[0].lower()}@{sch[1]}>", f"families@lists.{sch[1]}", "Head lice information", body)
    if v == 3:
        body = (f"Does your child need medication at school? All medications, including over-the-counter, need a signed "
                f"medication authorization form from a parent and health care provider. Inhalers and EpiPens may be carried by "
                f"students with the appropriate form. Forms are on the district website.\n\n{sch[0]} Health Office")
        return M(f"Health Office <healthoffice@{sch[1]}>", f"parents@lists.{sch[1]}", "Medication at school", body)
    if v == 4:
        body = (f"Hearing and vision screenings for grades K, 1, 3, 5 and 7 will take place next week. Parents of students who do "
                f"not pass will receive a letter. To opt out, email the health office.\n\n{nn}, BSN, RN")
        return M(f"{nn} <nurse@{sch[1]}>", f"parents@lists.{sch[1]}", "Screenings next week", body)


def f_conf_ics(c, v):
    org = c.org(c.ch(["hospital", "homehealth", "behavioral"]))
    d = c.wdate()
    start = dt.datetime(d.year, d.month, d.day, c.ch([7, 8, 12, 15]), 0)
    sp = c.clin()
    att = [(x[0], f"{x[1][0].lower()}{x[2].lower()}@{org[1]}") for x in (c.clin() for _ in range(c.ri(2, 4)))]
    tz = "America/Chicago" if c.split == "blind" else "America/New_York"
    spec = [("Medical Grand Rounds", f"Speaker: {sp[0]}. Topic: Hypertension in pregnancy. 1.0 CME credit.", "Auditorium B", 60),
            ("Tumor Board (multidisciplinary)", "Case list will be sent via the secure tumor board system. Do not add case details to this invite.", "Cancer Center Conf Rm 2", 60),
            ("BLS Recertification Class", "Bring your current card. Online HeartCode part 1 must be completed first.", "Education Center Rm 110", 240),
            ("Staff meeting - clinical operations", "Agenda: EHR upgrade, flu vaccine compliance (staff), parking.", "Zoom", 45),
            ("Ethics Committee monthly meeting", f"Chair: {sp[0]}. Policy review: surrogate decision-making.", "Board Room", 90)][v]
    ics = ics_bytes(c, org[1], start, spec[3], spec[0], spec[1], spec[2], (sp[0], f"{sp[2].lower()}@{org[1]}"), att, tz=tz)
    body = c.ch(["Invite attached.", f"Please save the date for {spec[0]}.", "Calendar invite below/attached.", ""]) or f"{spec[0]} - see invite."
    return M(f"{sp[0]} <{sp[2].lower()}@{org[1]}>", ", ".join(f"{a[0]} <{a[1]}>" for a in att), f"Invitation: {spec[0]} @ {fd(d,2)}",
             body, form="ics").att(ics, "text", "calendar", "invite.ics", method="REQUEST")


def f_brochure_pdf(c, v):
    org = c.org(["clinic", "hospital", "pt", "dental", "behavioral"][v])
    docs = [
        ["# New Patient Welcome Guide", org[0], "", "What to bring to your first visit:", "  - Photo ID and insurance card",
         "  - A list of all medications and supplements", "  - Records from previous doctors", "",
         "Portal: sign up to message your care team and see test results.", "Cancellation policy: 24 hours notice please."],
        ["# Diabetes Education Classes 2025", org[0], "", "Class 1: What is diabetes? Blood sugar targets (A1c under 7% for most adults)",
         "Class 2: Healthy eating and carb counting", "Class 3: Medications and insulin", "Class 4: Preventing complications",
         "", "Classes are free. Registration required. Family members welcome."],
        ["# Knee Replacement: Preparing for Surgery", org[0], "", "Prehab exercises: quad sets, heel slides, straight leg raises",
         "Set up your home: remove rugs, install a raised toilet seat", "Expect 6-12 weeks of physical therapy after surgery."],
        ["# Fee Schedule (self-pay)", org[0], "", "Comprehensive exam  $95", "Prophylaxis (adult)  $110", "Bitewing x-rays (4)  $65",
         "Composite filling (1 surface)  $160", "", "Payment plans available."],
        ["# Group Therapy Offerings - Spring", org[0], "", "DBT Skills Group - Mondays 5:30 PM", "Anxiety Management - Wednesdays 6 PM",
         "Grief Support - Thursdays 4 PM", "", "Groups are billed to insurance like individual sessions."],
    ][v]
    pdf = pdf_bytes(docs, compress=c.chance(0.5), title=docs[0][2:])
    body = c.ch(["Please see attached.", "Attached is the flyer for the lobby and front desk. Please print 20 copies.",
                 "See attached - updated version.", "FYI, attached."])
    return M(f"{org[0]} Marketing <marketing@{org[1]}>", f"frontdesk@{org[1]}", c.ch(["Flyer", "Updated handout", "For the lobby", "attachment"]),
             body, form="pdf").att(pdf, "application", "pdf", c.ch(["flyer.pdf", "handout.pdf", "guide_2025.pdf"]))


def f_policy_docx(c, v):
    org = c.org(["hospital", "clinic", "telehealth", "homehealth", "dental"][v])
    blocks = [
        ["# Hand Hygiene Policy (IC-104)", f"Effective: {fd(c.date(),1)}", "Purpose: reduce healthcare-associated infections.",
         "All staff must perform hand hygiene before and after patient contact, after glove removal, and before aseptic tasks.",
         "Compliance is audited monthly by secret shoppers; unit results are posted."],
        ["# Job Description: Medical Assistant", "Reports to: Clinic Manager", [["Duty", "Frequency"], ["Room patients, take vitals", "Daily"],
                                                                              ["Administer immunizations per standing orders", "Daily"],
                                                                              ["Stock exam rooms", "Weekly"]], "Requirements: CMA or RMA certification."],
        ["# Telehealth Etiquette for Providers", "Use a neutral background and a headset.", "Verify patient identity and location at the start of every visit.",
         "Never conduct visits from a public place.", "Document consent for telehealth in the visit note."],
        ["# Bag Technique and Infection Control in the Home", "Place the nursing bag on a clean barrier.", "Perform hand hygiene before entering the bag.",
         "Clean reusable equipment (stethoscope, BP cuff) between clients with an approved wipe."],
        ["# Emergency Procedures - Dental Office", [["Emergency", "Response"], ["Syncope", "Supine, legs elevated, O2"],
                                                    ["Anaphylaxis", "Epinephrine 0.3 mg IM, call 911"], ["Hypoglycemia", "15 g oral glucose"]],
         "Emergency kit is checked monthly."],
    ][v]
    data = docx_bytes(blocks)
    body = c.ch(["Please review the attached and sign the acknowledgment by the 30th.", "see attached", "Attached is the updated document.",
                 "Hi team - attached for your reference."])
    return M(f"Compliance <compliance@{org[1]}>", f"allstaff@{org[1]}", c.ch(["Policy update", "Updated document", "Please review"]),
             body, form="docx").att(data, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document",
                                    c.ch(["policy.docx", "IC-104.docx", "document.docx", "guide.docx"]))


# ---- blind-only clean
def f_recall(c, v):
    org = c.org("hospital")
    lot = f"{c.ch('ABKM')}{c.ri(100000,999999)}"
    if v == 0:
        body = (f"PHARMACY ALERT\n\nThe FDA has announced a voluntary recall of metformin ER 500 mg tablets, lot {lot}, due to NDMA "
                f"levels above the acceptable intake limit. Pharmacies are contacting affected patients directly. Prescribers "
                f"should not stop metformin without an alternative.\n\nPharmacy & Therapeutics Committee")
    elif v == 1:
        body = (f"Drug shortage update: IV contrast (iohexol) supply is limited through next month. Radiology will prioritize "
                f"emergent studies. Consider non-contrast or alternative imaging where clinically appropriate.\n\n{org[0]} Pharmacy")
    elif v == 2:
        body = (f"Device recall notice: certain glucose test strips (lot {lot}) may read falsely high. Clinics should remove affected "
                f"vials from sample cabinets and return them to the distributor.")
    else:
        body = (f"Class II recall: children's ibuprofen oral suspension 100 mg/5 mL, lots {lot}-{lot[1:4]}, for potential "
                f"superpotency. Quarantine stock in the pediatric clinic supply room.")
    return M(f"{org[0]} Pharmacy <pharmacy@{org[1]}>", f"prescribers@lists.{org[1]}", c.ch(["Recall notice", "Pharmacy alert", "Drug shortage"]), body)


def f_coding(c, v):
    org = c.org(c.ch(["hospital", "clinic"]))
    if v == 0:
        body = ("Coding tip of the week:\n\nE11.65 (type 2 diabetes with hyperglycemia) requires documentation of hyperglycemia or "
                "'poorly controlled'. 'Uncontrolled' alone does not map - query the provider. E11.9 should only be used when no "
                "complications are documented.\n\nHCC capture matters: E11.22 + N18.31 for diabetic CKD stage 3a.\n\nRevenue Integrity")
    elif v == 1:
        body = ("Reminder: for annual wellness visits use G0438 (initial) / G0439 (subsequent). Add 99214-25 only if a significant, "
                "separately identifiable problem is addressed. Depression screening G0444 requires a standardized tool (PHQ-2/PHQ-9).")
    elif v == 2:
        inner = ("<p>Common denials this month:</p>" + html_table([["CO-16", "Missing information", "32%"], ["CO-197", "No prior auth", "21%"],
                                                                 ["CO-50", "Not medically necessary", "14%"]], ["CARC", "Reason", "Share"]) +
                 "<p>For M54.50 (low back pain, unspecified) payers increasingly require laterality/specificity.</p>")
        return M(f"Revenue Cycle <revcycle@{org[1]}>", f"coders@{org[1]}", "Denial trends", html=html_page(inner), form="html")
    else:
        body = ("ICD-10 FY2025 updates effective Oct 1: new codes for hypoglycemia level (E16.A1-E16.A3), expanded codes for "
                "obesity class (E66.811-E66.813). Update your superbills and favorites lists.")
    return M(f"Revenue Integrity <coding@{org[1]}>", f"providers@{org[1]}", c.ch(["Coding tip", "Documentation reminder", "ICD-10 updates"]), body)


def f_vendor(c, v):
    org = c.org(c.ch(["hospital", "dental", "pt", "clinic"]))
    rep = c.person()
    inv = c.ri(100000, 999999)
    items = [("Nitrile exam gloves, M, 10x100", 42.50), ("Syringe 3 mL Luer-Lock, 100/bx", 18.75), ("Alcohol prep pads, 200/bx", 4.10),
             ("Disposable prophy angles, 500", 89.00), ("Kinesiology tape, 6 rolls", 54.00), ("Exam table paper, 12 rolls", 38.40),
             ("Sharps container 2 gal", 6.25), ("Ultrasound gel 5 L", 22.00)]
    sel = c.r.sample(items, c.ri(3, 5))
    lines = [(d, q, p) for (d, p), q in zip(sel, [c.ri(1, 40) for _ in sel])]
    tot = sum(q * p for d, q, p in lines)
    if v in (0, 1):
        body = (f"Invoice #{inv}\nBill to: {org[0]}, Attn: Accounts Payable\n\n" +
                "\n".join(f"  {q:>3} x {d:<40} ${q * p:>9,.2f}" for d, q, p in lines) +
                f"\n\nTotal due: ${tot:,.2f}   Terms: Net 30\n\nThank you for your business!\n{rep.full}\nAccount Manager, "
                f"{c.ch(['MedSupply Direct','Henrick Dental Supply','ProRehab Distributors'])}")
        return M(f"{rep.full} <{rep.first.lower()}@medsupplydirect.com>", f"ap@{org[1]}", f"Invoice {inv}", body)
    rows = [["Item", "Qty", "Unit price", "Extended"]] + [[d, q, p, round(q * p, 2)] for d, q, p in lines]
    if v == 2:
        return M(f"Billing <billing@prorehabdist.com>", f"purchasing@{org[1]}", f"Statement {inv}",
                 f"Hi {c.person().first},\n\nAttached is invoice {inv} for your recent order. Please remit by the 15th.\n\n{rep.full}",
                 form="xlsx").att(xlsx_bytes(rows, "Invoice", shared=True), "application",
                                  "vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"INV{inv}.xlsx")
    return M(f"Orders <orders@henrickdental.com>", f"office@{org[1]}", f"Order confirmation {inv}",
             "Your order has shipped. Packing list attached.", form="csv").att(csv_bytes(rows), "text", "csv", f"packing_{inv}.csv")


# ---- extra variants (xlsx / csv / spanish forms)
def f_homehealth_x(c, v):
    if v != 5:
        return f_homehealth(c, v)
    agency = c.org("homehealth")
    d = c.wdate()
    rows = [["Client", "DOB", "Discipline", "Visit date", "Primary dx", "Clinician"]]
    for _ in range(c.ri(7, 13)):
        p = c.person(age=(65, 95))
        rows.append([p.lf, fd(p.dob, 5), c.ch(["SN", "PT", "OT", "HHA", "MSW"]), fd(c.date(), 5),
                     c.ch(["CHF", "COPD", "Diabetic foot ulcer", "s/p hip fx", "Dementia", "CVA w/ L hemiparesis"]), c.clin(dr=False)[0]])
    data = xlsx_bytes(rows, sheet="Visits", shared=c.chance(0.5))
    s = c.person()
    return M(f"{s.full} <{s.first.lower()}@{agency[1]}>", f"billing@{agency[1]}", "Weekly visit log",
             c.ch(["Visit log for billing attached.", "Here's the week's visits - please check the PT ones.", "Attached."]),
             form="xlsx").att(data, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"visits_{fd(d,4)}.xlsx")


def f_pt_progress_x(c, v):
    if v != 4:
        return f_pt_progress(c, v)
    org = c.org("pt")
    rows = [["patient", "dob", "payer", "auth_visits_left", "auth_expires", "diagnosis"]]
    for _ in range(c.ri(6, 12)):
        p = c.person()
        rows.append([p.full, fd(p.dob, 4), c.ch(["Aetna", "BCBS", "Medicare", "Medicaid", "UHC"]), c.ri(0, 4), fd(c.date(), 4),
                     c.ch(["R shoulder impingement", "Lumbar radiculopathy", "s/p L TKA", "Plantar fasciitis", "Post-concussion"])])
    s = c.person()
    return M(f"{s.full} <{s.first.lower()}@{org[1]}>", f"frontdesk@{org[1]}", "Auths expiring",
             "List of patients with authorizations running out in the next 2 weeks - please call them to re-eval.",
             form="csv").att(csv_bytes(rows), "text", "csv", "auths_expiring.csv")


def f_flu_x(c, v):
    if v != 5:
        return f_flu(c, v)
    org = c.org(c.ch(["clinic", "urgent"]))
    body = (f"Estimado paciente:\n\nLa temporada de gripe ya llegó. {org[0]} ofrece vacunas contra la influenza sin cita, "
            f"de lunes a viernes de 8 a 6. La mayoría de los seguros cubren la vacuna sin costo. Proteja a su familia.\n\n"
            f"Atentamente,\n{org[0]}")
    return M(f"{org[0]} <info@{org[1]}>", bulk_to(c, org), "Vacúnese contra la gripe", body, form="spanish")


# ================================================================ registry
# slug, label, function, dev variants, blind variants (dev None = blind-only family)
FAMILIES = [
    ("appt-reminder", "phi", f_appt_reminder, [0, 1, 2], [3, 4, 5]),
    ("results-note", "phi", f_results_note, [0, 1, 5], [2, 3, 4]),
    ("lab-results-html", "phi", f_lab_html, [0, 1], [2, 3, 4]),
    ("discharge-summary", "phi", f_discharge, [0, 1, 2], [3, 4, 5]),
    ("referral-letter", "phi", f_referral, [0, 1], [2, 3, 4]),
    ("telehealth-visit", "phi", f_telehealth, [0, 1], [2, 3, 4]),
    ("school-nurse-note", "phi", f_school_nurse, [0, 1], [2, 3, 4]),
    ("homehealth-visit", "phi", f_homehealth_x, [0, 1, 5], [2, 3, 4]),
    ("therapy-noshow", "phi", f_noshow, [0, 1], [2, 3, 4]),
    ("dental-treatment-plan", "phi", f_dental, [0, 1], [2, 3, 4]),
    ("care-coord-thread", "phi", f_coord_fwd, [0, 1], [2, 3, 4]),
    ("procedure-ics", "phi", f_ics, [0, 1], [2, 3, 4]),
    ("visit-summary-pdf", "phi", f_pdf, [0, 1], [2, 3, 4]),
    ("visit-summary-docx", "phi", f_docx, [0, 1], [2, 3, 4]),
    ("pt-progress", "phi", f_pt_progress_x, [0, 1, 4], [2, 3]),
    ("clinic-schedule-xlsx", "phi", f_sched_xlsx, None, [0, 1, 2, 3]),
    ("spanish-patient-msg", "phi", f_spanish, None, [0, 1, 2, 3]),
    ("urgent-care-followup", "phi", f_urgent, None, [0, 1, 2, 3]),
    ("lab-patient-list-csv", "phi", f_lab_csv, None, [0, 1, 2, 3]),
    ("survey-named-visit", "phi", f_survey_named, None, [0, 1, 2, 3]),
    ("health-newsletter", "clean", f_newsletter, [0, 1], [2, 3, 4]),
    ("flu-campaign", "clean", f_flu_x, [0, 1], [2, 3, 4, 5]),
    ("cme-grand-rounds", "clean", f_cme, [0, 1], [2, 3, 4]),
    ("job-posting", "clean", f_job, [0, 1], [2, 3, 4]),
    ("closure-hours-notice", "clean", f_closure, [0, 1], [2, 3, 4]),
    ("clinician-ooo", "clean", f_ooo, [0, 1], [2, 3, 4]),
    ("staff-schedule", "clean", f_staff_sched, [0, 2], [1, 3, 4]),
    ("equipment-ticket", "clean", f_equip, [0, 1], [2, 3, 4]),
    ("quality-metrics", "clean", f_quality, [0, 1], [2, 3, 4]),
    ("survey-invite-anon", "clean", f_survey, [0, 1], [2, 3, 4]),
    ("clinician-personal", "clean", f_personal, [0, 1], [2, 3, 4]),
    ("lab-refrange-update", "clean", f_refrange, [0, 1], [2, 3]),
    ("school-health-bulletin", "clean", f_school_bulletin, [0, 1], [2, 3, 4]),
    ("staff-event-ics", "clean", f_conf_ics, [0, 1], [2, 3, 4]),
    ("handout-pdf", "clean", f_brochure_pdf, [0, 1], [2, 3, 4]),
    ("policy-docx", "clean", f_policy_docx, [0, 1], [2, 3, 4]),
    ("drug-recall", "clean", f_recall, None, [0, 1, 2, 3]),
    ("coding-guidance", "clean", f_coding, None, [0, 1, 2, 3]),
    ("vendor-invoice", "clean", f_vendor, None, [0, 1, 2, 3]),
]


# ================================================================ assembly
def maybe_typo(c, text):
    if not text or not c.chance(0.08):
        return text
    opts = [t for t in TYPOS if t[0] in text]
    if not opts:
        return text
    a, b = c.ch(opts)
    return text.replace(a, b, 1)


def finalize(c, m):
    disc = c.ch(DISCLAIMERS) if c.chance(0.35) else None
    if m.text is not None:
        m.text = maybe_typo(c, m.text)
        if disc:
            m.text = m.text.rstrip("\n") + "\n\n" + disc
    if m.html is not None and disc:
        m.html = m.html.replace("</body>", f"<p style=\"font-size:10px;color:#999\">{xesc(disc)}</p>\n</body>")
    # some HTML mails get a plain-text alternative too (still the same content)
    if m.html is not None and m.text is None and c.chance(0.25):
        import re
        t = re.sub(r"<br\s*/?>", "\n", m.html)
        t = re.sub(r"</(p|tr|h\d|div|table)>", "\n", t)
        t = re.sub(r"</t[dh]>", "\t", t)
        t = re.sub(r"<[^>]+>", "", t)
        t = t.replace("&nbsp;", " ").replace("&middot;", "-").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&copy;", "(c)")
        t = "\n".join(l.strip() for l in t.split("\n"))
        while "\n\n\n" in t:
            t = t.replace("\n\n\n", "\n\n")
        m.text = t.strip() + "\n"
        if m.form == "html":
            m.form = "html+text"
    return m


def domain_of(addr):
    s = addr.split("<")[-1].rstrip(">").strip()
    return s.split("@")[-1] if "@" in s else "localhost"


def to_eml(c, m, n):
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = m.frm
    msg["To"] = m.to
    if m.cc:
        msg["Cc"] = m.cc
    msg["Subject"] = m.subject
    d = c.date(dt.date(2024, 3, 1), dt.date(2025, 6, 30))
    msg["Date"] = email_date(d, c)[0]
    msg["Message-ID"] = f"<{c.r.getrandbits(64):016x}.{n}@{domain_of(m.frm)}>"
    for k, val in m.headers:
        msg[k] = val
    if m.text is not None:
        msg.set_content(m.text if m.text.endswith("\n") else m.text + "\n")
        if m.html is not None:
            msg.add_alternative(m.html, subtype="html")
    elif m.html is not None:
        msg.set_content(m.html, subtype="html")
    else:
        msg.set_content("\n")
    for data, mt, st, fn, params in m.atts:
        msg.add_attachment(data, maintype=mt, subtype=st, filename=fn, params=params or None)
    k = 0
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{n}_{k}_{c.r.getrandbits(40):010x}")
            k += 1
    return msg.as_bytes(policy=policy.SMTP)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "blind"], required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    seed = SEEDS[a.split]
    random.seed(seed)
    c = Ctx(a.split, seed)
    per = PER_FAMILY[a.split]
    jobs = []
    for slug, label, fn, devv, blindv in FAMILIES:
        vs = devv if a.split == "dev" else blindv
        if vs is None:
            continue
        seq = [vs[i % len(vs)] for i in range(per)]
        c.r.shuffle(seq)
        for v in seq:
            jobs.append((slug, label, fn, v))
    c.r.shuffle(jobs)
    os.makedirs(a.out, exist_ok=True)
    manifest = ["file\tlabel\tfamily\tform"]
    for i, (slug, label, fn, v) in enumerate(jobs, 1):
        m = finalize(c, fn(c, v))
        name = f"{i:04d}.eml"
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(to_eml(c, m, i))
        manifest.append(f"{name}\t{label}\t{slug}\t{m.form}")
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"{a.split}: wrote {len(jobs)} messages to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
