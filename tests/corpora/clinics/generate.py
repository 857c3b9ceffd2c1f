#!/usr/bin/env python3
"""Blind evaluation corpus generator: clinics / allied-health senders.

Standard library only, deterministic.  Usage:
    python3 generate.py --split blind --out DIR   (~500 messages)
    python3 generate.py --split dev   --out DIR   (~60 messages)
"""
import argparse
import base64
import datetime as dt
import io
import os
import quopri
import random
import re
import zipfile
from email.header import Header
from email.utils import formataddr, format_datetime
from xml.sax.saxutils import escape as xesc

# ---------------------------------------------------------------- name pools
FIRST = [
    # names that are also ordinary words
    "Hope", "Faith", "Grace", "Joy", "June", "April", "Summer", "Dawn", "Rose", "Lily",
    "Ivy", "Hazel", "Ruby", "Pearl", "Jade", "Sage", "River", "Sky", "Hunter", "Will",
    "Mark", "Bill", "Rich", "Frank", "Autumn", "Destiny", "Precious", "Chance", "Major",
    "Royal", "Patience", "Honor", "Justice", "Angel", "Amber", "Crystal", "Misty",
    # varied origins
    "Aaliyah", "Adebayo", "Ngozi", "Chinedu", "Kwame", "Ama", "Fatima", "Omar", "Layla",
    "Yusuf", "Priya", "Arjun", "Ravi", "Deepa", "Anjali", "Mei", "Wei", "Jun", "Hiroshi",
    "Yuki", "Min-jun", "Seo-yeon", "Thanh", "Linh", "Quang", "María", "José", "Guadalupe",
    "Alejandro", "Camila", "Mateo", "Valentina", "Santiago", "Ximena", "Dmitri", "Olena",
    "Katarzyna", "Piotr", "Siobhan", "Declan", "Niamh", "Aroha", "Tane", "Nizhoni", "Ahanu",
    "Leilani", "Keanu", "Zainab", "Tariq", "Noor", "Efua", "Tendai", "Rutendo", "Ingrid",
    "Lars", "Björn", "Giulia", "Marco", "Sofia", "Tomás", "Chloé", "Élodie", "Jamal",
    "DeShawn", "Keisha", "Tyrone", "Ebony", "Marcus", "Emily", "Michael", "Sarah", "David",
    "Jennifer", "Robert", "Linda", "Brian", "Megan", "Kevin", "Ashley", "Carlos", "Rosa",
]
LAST = [
    # surnames that are ordinary words
    "Baker", "Fisher", "Brown", "Rice", "Young", "King", "Moss", "Wolf", "Cook", "Hill",
    "Church", "Booker", "Story", "Bright", "Hope", "Love", "Friend", "Good", "Black",
    "White", "Green", "Rivers", "Stone", "Woods", "Banks", "Price", "Rich", "Sharp",
    "Frost", "Day", "Short", "Little", "Person", "Doctor", "Nurse", "Care", "Pain",
    # varied origins
    "Nguyen", "Tran", "Pham", "Okafor", "Adeyemi", "Mensah", "Owusu", "Abdi", "Farah",
    "Haddad", "Khalil", "Nasser", "Patel", "Shah", "Iyer", "Reddy", "Chaudhry", "Chen",
    "Wang", "Liu", "Zhang", "Tanaka", "Takahashi", "Sato", "Kim", "Park", "Choi", "García",
    "Hernández", "López", "Martínez", "Ramírez", "Sánchez", "Castillo", "Kowalski",
    "Nowak", "Wiśniewska", "Ivanova", "Petrov", "Shevchenko", "O'Brien", "Ó Súilleabháin",
    "MacLeod", "Begay", "Yazzie", "Tsosie", "Kealoha", "Makoa", "Ngata", "Moyo", "Dube",
    "Johansson", "Lindqvist", "Rossi", "Bianchi", "Dubois", "Lefèvre", "Washington",
    "Jefferson", "Jackson", "Robinson", "Williams", "Johnson", "Smith", "Miller", "Davis",
    "Anderson", "Thompson", "Schmidt", "Müller", "Cohen", "Levi", "Friedman", "Da Silva",
]
PREFIX = ["Cedar Ridge", "Harbor View", "Maple Grove", "Sunrise", "Northgate", "Bayside",
          "Willow Creek", "Riverbend", "Prairie", "Summit", "Lakeshore", "Eastside",
          "Copper Hill", "Juniper", "Bluebonnet", "Pinecrest", "Oak Hollow", "Silverlake",
          "Fairhaven", "Red Rock", "Granite State", "Tidewater", "Meadowlark", "Heron Bay",
          "Mission Valley", "Kestrel", "Brookside", "Highland Park", "Evergreen", "Magnolia"]
PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com",
                    "comcast.net", "aol.com", "protonmail.com", "att.net", "live.com",
                    "sbcglobal.net", "me.com"]
CITIES = [("Tacoma", "WA", "984"), ("Fresno", "CA", "937"), ("Dayton", "OH", "454"),
          ("Albuquerque", "NM", "871"), ("Raleigh", "NC", "276"), ("Boise", "ID", "837"),
          ("Tulsa", "OK", "741"), ("Madison", "WI", "537"), ("Savannah", "GA", "314"),
          ("Worcester", "MA", "016"), ("Spokane", "WA", "992"), ("El Paso", "TX", "799"),
          ("Rochester", "MN", "559"), ("Providence", "RI", "029"), ("Flagstaff", "AZ", "860"),
          ("Lansing", "MI", "489"), ("Omaha", "NE", "681"), ("Hilo", "HI", "967")]
STREETS = ["Elm St", "Main Street", "Oak Ave", "Pine Road", "Lincoln Blvd", "Cedar Ln",
           "Jefferson Ave", "Park Pl", "Willow Way", "Harbor Dr", "Mill Rd", "Sunset Blvd",
           "Church St", "Ridge Rd", "2nd Ave", "Maple Ct", "Kamehameha Ave", "Cesar Chavez Pkwy"]
CRED = {"dental": ["DDS", "DMD", "RDH", "CDA"], "bh": ["LCSW", "LPC", "PsyD", "LMFT", "PhD"],
        "sud": ["LADC", "CADC", "LCSW", "MD"], "rehab": ["PT, DPT", "OTR/L", "PTA", "COTA/L"],
        "home": ["RN", "RN, CHPN", "LPN", "MSW"], "fert": ["MD", "RN", "NP"],
        "eye": ["OD", "MD", "COA"], "aud": ["AuD", "AuD, CCC-A"], "derm": ["MD", "PA-C", "NP"],
        "peds": ["MD", "FNP-C", "RN"], "uc": ["PA-C", "MD", "FNP"], "img": ["MD", "RT(R)"],
        "occ": ["RN, COHN", "MD", "NP"], "wc": ["RN, CCM", "CCM"], "tele": ["MD", "NP", "PA-C"],
        "cc": ["RN", "MSW", "CHW"], "school": ["RN", "BSN, RN", "LPN"]}


class Ctx:
    """Random helpers bound to one message's RNG."""

    def __init__(self, r, year_base=2026):
        self.r = r
        self.now = dt.datetime(2026, 1, 5, 8, 0) + dt.timedelta(
            minutes=r.randrange(0, 330 * 24 * 60))

    # basic choices
    def c(self, xs):
        return self.r.choice(xs)

    def maybe(self, p=0.5):
        return self.r.random() < p

    def n(self, a, b):
        return self.r.randint(a, b)

    def sample(self, xs, k):
        return self.r.sample(xs, k)

    # people
    def person(self, mid=0.15):
        f, l = self.c(FIRST), self.c(LAST)
        while l == f:
            l = self.c(LAST)
        if self.maybe(mid):
            f = f + " " + self.c("ABCDEFGHJKLMNPRSTW") + "."
        if self.maybe(0.08):
            l = l + "-" + self.c(LAST)
        return f, l

    def full(self, p):
        return p[0] + " " + p[1]

    def slug(self, s):
        out = "".join(ch for ch in s.lower() if ch.isalnum())
        tr = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ü": "u", "ö": "o",
              "è": "e", "ś": "s", "ł": "l"}
        return "".join(tr.get(ch, ch) for ch in out if ch.isascii() or ch in tr)

    def personal_email(self, p):
        f, l = self.slug(p[0].split()[0]), self.slug(p[1])
        style = self.n(0, 5)
        local = [f + "." + l, f[0] + l + str(self.n(1, 99)), f + l[:3] + str(self.n(60, 2005)),
                 l + "." + f, f + "_" + l, f + str(self.n(1, 999))][style]
        return local + "@" + self.c(PERSONAL_DOMAINS)

    def org(self, kind):
        pre = self.c(PREFIX)
        name = pre + " " + kind
        dom = self.slug(pre) + self.c(["", "", "health", "care", "clinic"]) + self.c(
            [".com", ".org", ".net", ".health", ".us"])
        if self.maybe(0.3):
            dom = self.slug(pre)[:8] + self.slug(kind.split()[0]) + ".com"
        return name, dom

    def staff_email(self, p, dom):
        f, l = self.slug(p[0].split()[0]), self.slug(p[1])
        return self.c([f + "." + l, f[0] + l, f + l[0], l + f[0]]) + "@" + dom

    def colleague(self, dom):
        p = self.person(0.05)
        return (self.full(p), self.staff_email(p, dom))

    def role_email(self, dom, roles):
        return self.c(roles) + "@" + dom

    # numbers and identifiers
    def phone(self):
        a, b, c = self.n(201, 989), self.n(200, 999), self.n(0, 9999)
        while a % 100 == 11 or b % 100 == 11 or a // 10 % 10 == 9:
            a, b = self.n(201, 989), self.n(200, 999)
        return self.c(["(%d) %d-%04d", "%d-%d-%04d", "%d.%d.%04d", "+1 %d %d %04d"]) % (a, b, c)

    def mrn(self):
        k = self.n(0, 6)
        if k == 0:
            return "MRN %08d" % self.n(100000, 99999999)
        if k == 1:
            return "MR#: %d-%03d" % (self.n(1000, 9999), self.n(0, 999))
        if k == 2:
            return "Chart #%s%05d" % (self.c("ABCDEFGHKMPRSTZ"), self.n(0, 99999))
        if k == 3:
            return "Acct %02d-%05d" % (self.n(10, 99), self.n(0, 99999))
        if k == 4:
            return "Patient ID: %d" % self.n(1000000, 9999999)
        if k == 5:
            return "PID %s-%04d" % ("".join(self.sample("ABCDEFGHJKLMNPQRSTUVWXYZ", 3)), self.n(0, 9999))
        return "MRN: %s%07d" % (self.c(["E", "H", "M"]), self.n(0, 9999999))

    def claim(self):
        return self.c(["WC-%d-%06d", "CLM%d%06d", "%d-WC-%06d"]) % (self.n(2023, 2026), self.n(0, 999999))

    def dob_date(self, lo=1938, hi=2004):
        return dt.date(self.n(lo, hi), self.n(1, 12), self.n(1, 28))

    def fdate(self, d, style=None):
        s = self.n(0, 6) if style is None else style
        if s == 0:
            return d.strftime("%m/%d/%Y")
        if s == 1:
            return d.strftime("%Y-%m-%d")
        if s == 2:
            return "%d %s %d" % (d.day, d.strftime("%b"), d.year)
        if s == 3:
            return "%s %d, %d" % (d.strftime("%B"), d.day, d.year)
        if s == 4:
            return "%d/%d/%s" % (d.month, d.day, d.strftime("%y"))
        if s == 5:
            return "%s, %s %d" % (d.strftime("%A"), d.strftime("%B"), d.day)
        return "%s %d" % (d.strftime("%b"), d.day)

    def future(self, lo=1, hi=40):
        d = self.now.date() + dt.timedelta(days=self.n(lo, hi))
        if d.weekday() > 4:
            d += dt.timedelta(days=7 - d.weekday())
        return d

    def past(self, lo=1, hi=30):
        d = self.now.date() - dt.timedelta(days=self.n(lo, hi))
        if d.weekday() > 4:
            d -= dt.timedelta(days=d.weekday() - 4)
        return d

    def time(self):
        h = self.c([7, 8, 9, 10, 11, 13, 14, 15, 16])
        m = self.c([0, 15, 30, 45, 0, 30])
        return self.c(["%d:%02d %s", "%d:%02d%s"]) % (h if h <= 12 else h - 12, m,
                                                        self.c(["AM", "am", "a.m."]) if h < 12 else self.c(["PM", "pm", "p.m."]))

    def address(self):
        city, st, z = self.c(CITIES)
        return "%d %s, %s, %s %s%02d" % (self.n(10, 9899), self.c(STREETS), city, st, z, self.n(0, 99))

    def staff(self, kind):
        p = self.person(0.05)
        return p, self.c(CRED[kind])

    def typo(self, s, k=None):
        """Inject human typos into a handful of words."""
        words = s.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha() and w.islower()]
        if not idx:
            return s
        k = self.n(1, 3) if k is None else k
        for i in self.sample(idx, min(k, len(idx))):
            w = words[i]
            j = self.n(1, len(w) - 2)
            op = self.n(0, 3)
            if op == 0:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            elif op == 1:
                w = w[:j] + w[j + 1:]
            elif op == 2:
                w = w[:j] + w[j] + w[j:]
            else:
                w = w[:j] + self.c("aeiou") + w[j + 1:]
            words[i] = w
        out = " ".join(words)
        if self.maybe(0.2):
            out = out.replace(" I ", " i ")
        return out


# ------------------------------------------------------- signatures/disclaimers
DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.",
    "This message may contain protected health information (PHI) or other confidential material. If you received it in error, please notify the sender immediately and delete it.",
    "The information in this email is intended only for the addressee. If you have received this email in error please notify us and delete it. Email is not a secure method of communication; please do not send sensitive medical questions by email.",
    "Please do not reply to this message with medical questions. If this is an emergency, call 911 or go to the nearest emergency department.",
    "Privileged & Confidential. Federal and state law may protect the information in this transmission. Redisclosure without consent may be prohibited (42 CFR Part 2 / HIPAA).",
    "-- \nThis email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed.",
    "Think before you print.",
]


def sig(x, p, cred, title, org, dom=None, short=False):
    name = x.full(p) + (", " + cred if cred else "")
    if short or x.maybe(0.25):
        return x.c(["", "-", "--", "Thanks,", "Best,", "Regards,"]) + "\n" + x.c([p[0].split()[0], name])
    lines = [x.c(["Best regards,", "Thank you,", "Warmly,", "Sincerely,", "Kind regards,", "Thanks!"]), "", name, title, org]
    if x.maybe(0.7):
        lines.append(x.address())
    lines.append(x.c(["P: ", "Tel ", "Phone: ", "o. "]) + x.phone() + (x.c([" | F: ", "  Fax ", " / fax "]) + x.phone() if x.maybe(0.6) else ""))
    if dom and x.maybe(0.4):
        lines.append("www." + dom)
    return "\n".join(lines)


def prefs_footer(x, org, dom, p=0.4):
    if not x.maybe(p):
        return ""
    return "\n\n" + x.c(["Manage your email preferences: https://%s/preferences" % dom,
                          "You are receiving this email because you have an account with %s. To stop appointment emails, update your communication preferences in the app." % org,
                          "Unsubscribe from non-clinical emails | Privacy policy | %s" % org])


def disclaim(x, p=0.5):
    return ("\n\n" + x.c(DISCLAIMERS)) if x.maybe(p) else ""


# ----------------------------------------------------------- file builders
ZDATE = (2026, 1, 1, 0, 0, 0)


def _zip(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZDATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


def make_csv(rows):
    out = []
    for row in rows:
        cells = []
        for v in row:
            s = str(v)
            if any(ch in s for ch in ',"\n'):
                s = '"' + s.replace('"', '""') + '"'
            cells.append(s)
        out.append(",".join(cells))
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


def _col(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def make_xlsx(rows, sheet="Sheet1"):
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for ri, row in enumerate(rows):
        xml.append('<row r="%d">' % (ri + 1))
        for ci, v in enumerate(row):
            ref = "%s%d" % (_col(ci), ri + 1)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                xml.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                xml.append('<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">%s</t></is></c>'
                           % (ref, ' s="1"' if ri == 0 else "", xesc(str(v))))
        xml.append("</row>")
    xml.append("</sheetData></worksheet>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % xesc(sheet[:31]))
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '</Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
              '</styleSheet>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", styles),
                 ("xl/worksheets/sheet1.xml", "".join(xml))])


def make_docx(paras, table=None):
    """paras: list of str (a leading '#' makes a bold heading)."""
    body = []

    def para(t, bold=False):
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return '<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, xesc(t))
    for t in paras:
        if t == "@TABLE" and table:
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
                        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
                        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>')
            for ri, row in enumerate(table):
                body.append("<w:tr>")
                for v in row:
                    body.append("<w:tc>" + para(str(v), ri == 0) + "</w:tc>")
                body.append("</w:tr>")
            body.append("</w:tbl>")
        elif t.startswith("#"):
            body.append(para(t.lstrip("# "), True))
        else:
            body.append(para(t))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) +
           '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
           '</w:body></w:document>')
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


def _pdfesc(s):
    s = s.encode("cp1252", "replace").decode("cp1252")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines, title="Document"):
    wrapped = []
    for ln in lines:
        while len(ln) > 92:
            cut = ln.rfind(" ", 0, 92)
            cut = 92 if cut < 20 else cut
            wrapped.append(ln[:cut])
            ln = "    " + ln[cut:].lstrip()
        wrapped.append(ln)
    pages = [wrapped[i:i + 52] for i in range(0, len(wrapped), 52)] or [[""]]
    objs = []  # index 0 -> obj 1
    npages = len(pages)
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join("%d 0 R" % (5 + 2 * i) for i in range(npages))
    objs.append("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, npages))
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append("<< /Title (%s) /Producer (clinic-docs 2.1) /CreationDate (D:20260101000000Z) >>" % _pdfesc(title))
    for i, pg in enumerate(pages):
        parts = ["BT", "/F1 10 Tf", "13 TL", "54 750 Td"]
        for ln in pg:
            parts.append("(%s) Tj T*" % _pdfesc(ln))
        parts.append("ET")
        stream = "\n".join(parts).encode("cp1252", "replace")
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i))
        objs.append(("<< /Length %d >>\nstream\n" % len(stream)).encode("latin-1") + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        ob = o if isinstance(o, bytes) else o.encode("cp1252", "replace")
        out += ("%d 0 obj\n" % (i + 1)).encode() + ob + b"\nendobj\n"
    xref = len(out)
    out += ("xref\n0 %d\n" % (len(objs) + 1)).encode()
    out += b"0000000000 65535 f \n"
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
    return bytes(out)


def _icsfold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    out, cur, limit = [], b"", 75
    for ch in line:
        eb = ch.encode("utf-8")
        if len(cur) + len(eb) > limit:
            out.append(cur)
            cur, limit = b"", 74
        cur += eb
    out.append(cur)
    return "\r\n ".join(x.decode("utf-8") for x in out)


def _icstext(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(x, events, method="REQUEST", prodid="-//Clinic Scheduling//EN"):
    """events: list of dicts with start(datetime), minutes, summary, description, location, organizer(name,email), attendees"""
    L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + prodid, "CALSCALE:GREGORIAN", "METHOD:" + method]
    for ev in events:
        st = ev["start"]
        en = st + dt.timedelta(minutes=ev.get("minutes", 30))
        L += ["BEGIN:VEVENT",
              "UID:%08x-%04x-%04x@%s" % (x.r.getrandbits(32), x.r.getrandbits(16), x.r.getrandbits(16), ev.get("dom", "calendar.local")),
              "DTSTAMP:" + x.now.strftime("%Y%m%dT%H%M%SZ"),
              "DTSTART;TZID=America/Chicago:" + st.strftime("%Y%m%dT%H%M%S"),
              "DTEND;TZID=America/Chicago:" + en.strftime("%Y%m%dT%H%M%S"),
              "SUMMARY:" + _icstext(ev["summary"])]
        if ev.get("description"):
            L.append("DESCRIPTION:" + _icstext(ev["description"]))
        if ev.get("location"):
            L.append("LOCATION:" + _icstext(ev["location"]))
        if ev.get("organizer"):
            L.append('ORGANIZER;CN="%s":mailto:%s' % ev["organizer"])
        for a in ev.get("attendees", []):
            L.append('ATTENDEE;CN="%s";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:%s' % a)
        if ev.get("alarm"):
            L += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT%dM" % ev["alarm"], "END:VALARM"]
        L += ["STATUS:CONFIRMED", "END:VEVENT"]
    L.append("END:VCALENDAR")
    return ("\r\n".join(_icsfold(l) for l in L) + "\r\n").encode("utf-8")


def html_table(rows, style=True):
    st = ' style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px"' if style else ' border="1" cellpadding="4"'
    cs = ' style="border:1px solid #999;padding:4px 8px"' if style else ""
    out = ["<table%s>" % st]
    for i, row in enumerate(rows):
        tag = "th" if i == 0 else "td"
        out.append("<tr>" + "".join("<%s%s>%s</%s>" % (tag, cs, xesc(str(v)), tag) for v in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def text_to_html(text, extra_top="", extra_bottom=""):
    paras = text.split("\n\n")
    body = "".join("<p>" + xesc(p).replace("\n", "<br>\n") + "</p>\n" for p in paras)
    font = ["Calibri,Arial,sans-serif", "Georgia,serif", "Helvetica,Arial,sans-serif", "Segoe UI,Tahoma,sans-serif"][len(text) % 4]
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body style="font-family:%s;font-size:14px;color:#222">\n%s%s%s</body></html>'
            % (font, extra_top, body, extra_bottom))


MIME = {"pdf": "application/pdf", "csv": "text/csv", "ics": "text/calendar",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "html": "text/html", "txt": "text/plain"}


# ---------------------------------------------------------------- MIME assembly
def _hdr(name, value):
    if all(ord(ch) < 128 for ch in value) and len(name) + len(value) < 76:
        return "%s: %s" % (name, value)
    h = Header(value, "utf-8" if any(ord(ch) > 127 for ch in value) else "us-ascii",
               header_name=name)
    return "%s: %s" % (name, h.encode(linesep="\r\n"))


def _addr(pair):
    return formataddr(pair, charset="utf-8")


def _textpart(ctype, text, x):
    text = text.replace("\r\n", "\n")
    raw = text.encode("utf-8")
    ascii_ok = all(b < 128 for b in raw) and max((len(l) for l in text.split("\n")), default=0) < 900
    if ascii_ok and ctype == "text/plain" and x.maybe(0.7):
        hdr = ["Content-Type: %s; charset=%s" % (ctype, x.c(["us-ascii", "utf-8", '"utf-8"'])),
               "Content-Transfer-Encoding: 7bit"]
        body = text.replace("\n", "\r\n")
    elif x.maybe(0.8):
        hdr = ['Content-Type: %s; charset="UTF-8"' % ctype, "Content-Transfer-Encoding: quoted-printable"]
        body = quopri.encodestring(raw).decode("ascii").replace("\n", "\r\n")
    else:
        hdr = ["Content-Type: %s; charset=utf-8" % ctype, "Content-Transfer-Encoding: base64"]
        body = _b64(raw)
    return hdr, body


def _b64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def _boundary(x, depth):
    st = x.n(0, 3)
    if st == 0:
        return "----=_Part_%d_%d.%d" % (x.n(1000, 99999), x.n(10 ** 8, 10 ** 9), 1700000000000 + x.n(0, 10 ** 10))
    if st == 1:
        return "000000000000%012x" % x.r.getrandbits(48)
    if st == 2:
        return "_%03d_%s_" % (depth, "".join(x.c("0123456789ABCDEF") for _ in range(24)))
    return "Apple-Mail=_%08X-%04X-%04X-%04X-%012X" % (x.r.getrandbits(32), x.r.getrandbits(16), x.r.getrandbits(16), x.r.getrandbits(16), x.r.getrandbits(48))


def _multipart(x, subtype, parts, depth):
    b = _boundary(x, depth)
    hdr = ['Content-Type: multipart/%s;\r\n\tboundary="%s"' % (subtype, b)]
    lines = []
    if x.maybe(0.3):
        lines.append("This is a multi-part message in MIME format.\r\n")
    for ph, pb in parts:
        lines.append("--" + b)
        lines.append("\r\n".join(ph))
        lines.append("")
        lines.append(pb)
    lines.append("--" + b + "--")
    lines.append("")
    return hdr, "\r\n".join(lines)


def _tidy(s):
    if s is None:
        return None
    return re.sub(r"(?<![.])[.][.](?![.])", ".", s)


def build_eml(x, m):
    tokens = []
    text, html, atts = _tidy(m.get("text")), _tidy(m.get("html")), m.get("att", [])
    if text is not None and html is not None:
        body = _multipart(x, "alternative", [_textpart("text/plain", text, x), _textpart("text/html", html, x)], 1)
        tokens.append("alt")
    elif html is not None:
        body = _textpart("text/html", html, x)
        tokens.append("html")
    else:
        body = _textpart("text/plain", text or "", x)
        tokens.append("plain")
    tokens += m.get("tokens", [])
    if atts:
        parts = [body]
        for fname, data in atts:
            ext = fname.rsplit(".", 1)[-1].lower()
            ctype = MIME.get(ext, "application/octet-stream")
            ph = ['Content-Type: %s; name="%s"' % (ctype, fname) + ('; method=REQUEST' if ext == "ics" and m.get("ics_inline") else ""),
                  "Content-Disposition: attachment;\r\n\tfilename=\"%s\"" % fname,
                  "Content-Transfer-Encoding: base64"]
            parts.append((ph, _b64(data)))
            tokens.append(ext)
        body = _multipart(x, "mixed", parts, 0)
    H = []
    when = x.now.replace(tzinfo=dt.timezone(dt.timedelta(hours=x.c([-5, -6, -7, -8, -4, -10]))))
    H.append(_hdr("Date", format_datetime(when)))
    H.append("From: " + _addr(m["from"]))
    H.append("To: " + ", ".join(_addr(a) if isinstance(a, tuple) else a for a in m["to"]))
    if m.get("cc"):
        H.append("Cc: " + ", ".join(_addr(a) for a in m["cc"]))
    if m.get("reply_to"):
        H.append("Reply-To: " + _addr(m["reply_to"]))
    H.append(_hdr("Subject", m["subject"]))
    dom = m["from"][1].split("@")[-1]
    H.append("Message-ID: <%016x.%06x@%s>" % (x.r.getrandbits(64), x.r.getrandbits(24), dom))
    if m.get("in_reply_to"):
        ref = "<%012x@%s>" % (x.r.getrandbits(48), m["in_reply_to"])
        H.append("In-Reply-To: " + ref)
        H.append("References: " + ref)
    for k, v in m.get("headers", []):
        H.append(_hdr(k, v))
    if x.maybe(0.35):
        H.append("X-Mailer: " + x.c(["Microsoft Outlook 16.0", "Apple Mail (2.3774.500.171)", "iPhone Mail (21F90)",
                                      "Zimbra 9.0.0_GA", "Mozilla Thunderbird 128.3", "Mailchimp Mailer", "eClinicalWorks Messenger"]))
    H.append("MIME-Version: 1.0")
    H += body[0]
    raw = "\r\n".join(H) + "\r\n\r\n" + body[1]
    if not raw.endswith("\r\n"):
        raw += "\r\n"
    return raw.encode("utf-8"), "+".join(tokens)


# ================================================================ PHI families
def greet(x, p, formal=None):
    f = p[0].split()[0]
    if formal is None:
        formal = x.maybe(0.4)
    if formal:
        return x.c(["Dear %s %s," % (x.c(["Mr.", "Ms.", "Mx."]), p[1]), "Dear %s %s," % (f, p[1]), "Dear %s," % f])
    return x.c(["Hi %s," % f, "Hello %s," % f, "%s," % f, "Hi %s -" % f, "Good morning %s," % f, "Hey %s," % f])


def ph_dental_recall(x):
    org, dom = x.org(x.c(["Family Dentistry", "Dental Group", "Dental Care", "Smiles Dental", "Periodontics", "Endodontics"]))
    pt = x.person()
    st, cred = x.staff("dental")
    tooth = x.n(2, 31)
    tx = x.c([("periodontal maintenance", "your gums were measuring 4-5 mm pockets at your last visit"),
              ("crown seat on tooth #%d" % tooth, "your permanent crown is back from the lab"),
              ("scaling and root planing (lower left and lower right)", "Dr. %s recommended finishing the deep cleaning" % x.c(LAST)),
              ("root canal follow-up, tooth #%d" % tooth, "we want to check healing and place the final restoration"),
              ("implant abutment placement", "the implant site has had time to integrate"),
              ("extraction of wisdom teeth #1 and #16", "you mentioned the pain on the upper right was getting worse"),
              ("night guard delivery", "your bruxism was causing the enamel wear we discussed"),
              ("fluoride varnish and sealants for %s" % x.c(FIRST), "the cavity risk assessment showed high risk")])
    d = x.future(3, 60)
    v = x.n(0, 2)
    if v == 0:
        body = "%s\n\nOur records show you are due for your %s. %s, so please call us at %s or reply to this email to schedule.\n\n%s" % (
            greet(x, pt), tx[0], tx[1][0].upper() + tx[1][1:], x.phone(),
            x.c(["We have openings the week of %s." % x.fdate(d, 3), "Insurance usually covers this at 80% after deductible.", ""]))
        subj = x.c(["Time to schedule your %s" % tx[0], "Reminder from %s" % org, "Recall: %s" % tx[0], "You're due!"])
    elif v == 1:
        body = "%s this is %s from %s. Friendly reminder: %s on %s at %s. %s Reply C to confirm." % (
            x.c(["Hi " + pt[0].split()[0] + ",", "Hello,", ""]), st[0].split()[0], org, tx[0], x.fdate(d, 5), x.time(),
            x.c(["Please take your premedication (amoxicillin 2 g) one hour before.", "Don't eat 6 hrs prior if you chose sedation.", "Bring your night guard.", ""]))
        body = body.strip().replace("  ", " ")
        body = body[0].upper() + body[1:]
        subj = x.c(["Appointment reminder", "Reminder: " + tx[0], org + " reminder"])
    else:
        est = x.n(180, 2600)
        body = "%s\n\nAttached is the treatment plan we reviewed today. Summary:\n\n  - %s  ($%d est. patient portion)\n  - %s\n\n%s %s\n\nDOB on file: %s" % (
            greet(x, pt, True), tx[0], est, x.c(["Limited exam + PA x-ray", "4BW radiographs", "Prophy with localized SRP", "Core buildup"]),
            tx[1][0].upper() + tx[1][1:] + ".", x.c(["Let us know which option you'd like to go with.", "Financing through CareCredit is available.", "Please sign and return page 2."]),
            x.fdate(x.dob_date(), 0))
        subj = "Your treatment plan - " + org
    m = {"from": (x.full(st) + (" | " + org if x.maybe(0.5) else ""), x.staff_email(st, dom)),
         "to": [(x.full(pt), x.personal_email(pt))], "subject": subj,
         "text": body + "\n\n" + sig(x, st, cred, {"DDS": "General Dentist", "DMD": "Periodontist", "RDH": "Dental Hygienist"}.get(cred, x.c(["Patient Coordinator", "Front Desk", "Treatment Coordinator"])), org, dom) + disclaim(x)}
    if v == 2 and x.maybe(0.7):
        lines = [org, "TREATMENT PLAN", "", "Patient: " + x.full(pt), x.mrn(), "Date: " + x.fdate(x.now.date(), 0), "",
                 "Phase 1: " + tx[0], "  Estimated fee: $%d  Insurance est: $%d  Patient est: $%d" % (est * 2, est, est), "",
                 "Clinical notes: " + tx[1] + ".", "Provider: Dr. " + x.c(LAST) + ", " + x.c(["DDS", "DMD"]), "", "Patient signature: ____________________"]
        m["att"] = [("TreatmentPlan_%s.pdf" % x.slug(pt[1]), make_pdf(lines, "Treatment Plan"))]
    elif x.maybe(0.3):
        m["html"] = text_to_html(m["text"])
    return m


def ph_bh_followup(x):
    org, dom = x.org(x.c(["Counseling Center", "Behavioral Health", "Psychotherapy Associates", "Family Therapy", "Mental Health Clinic"]))
    cl = x.person()
    th, cred = x.staff("bh")
    f = cl[0].split()[0]
    v = x.n(0, 3)
    topic = x.c(["the panic attacks", "your depression screening (PHQ-9 was %d)" % x.n(12, 22), "the grief work around your dad",
                 "the sleep log for your insomnia", "the exposure hierarchy for your OCD", "the ADHD medication trial",
                 "what came up about the drinking", "the eating disorder meal plan", "your PTSD nightmares"])
    if v == 0:
        body = "%s\n\nI noticed you weren't able to make our session %s. I hope you're okay. I'd like to keep momentum on %s, so I've held %s at %s for you if that works. If things feel unsafe at any point, please use the safety plan we made or call/text 988.\n\n%s" % (
            greet(x, cl, False), x.c(["today", "on Tuesday", "this morning", "yesterday"]), topic, x.fdate(x.future(1, 8), 5), x.time(),
            x.c(["Take care,", "Thinking of you,", "Warmly,"]) + "\n" + th[0].split()[0])
        subj = x.c(["Checking in", "Missed you today", "Our session", "Rescheduling"])
    elif v == 1:
        body = "%s\n\nAs promised, here are the notes from %s session:\n\n%s\n\nSee you next week." % (
            x.c(["Hi,", "Hello,", greet(x, cl)]), x.c(["today's", "our"]),
            "\n".join("- " + s for s in x.sample(["practice the 4-7-8 breathing twice a day", "keep the thought record when the anxiety spikes",
                                                      "try the sertraline at 50 mg as Dr. %s suggested and note side effects" % x.c(LAST),
                                                      "no screens 1 hour before bed", "call your sponsor before Friday",
                                                      "bring the mood chart so we can look at the bipolar cycling",
                                                      "re-read the grief letter exercise", "track urges to self-harm on the 0-10 scale"], 3)))
        subj = x.c(["Homework from today", "session notes", "Follow up from our appt", "What we talked about"])
    elif v == 2:
        # client writes to therapist, no name in text; mailbox identifies them
        body = x.typo(x.c([
            "hi, i'm not doing great this week. the new dose of lexapro makes me really dizzy and i havent slept. can we move thursday earlier? sorry to bug you",
            "Hey - just wanted to let you know I had a drink on Saturday after 94 days. I feel awful about it. Can we talk about it Thursday?",
            "I think the panic attacks are getting worse again, I had two at work. Is it ok if I bring my partner to the next session?",
            "Quick question, does my diagnosis (the adjustment disorder) have to go on the forms for my employer? I'd rather it didnt.",
        ]))
        body += "\n\n" + x.c(["Sent from my iPhone", "-" + f, "thanks", ""])
        m = {"from": (x.full(cl), x.personal_email(cl)), "to": [(x.full(th) + ", " + cred, x.staff_email(th, dom))],
             "subject": x.c(["question", "this week", "re: thursday", "(no subject)", "rough week"]), "text": body}
        return m
    else:
        other = x.person()
        body = "%s,\n\nWith %s's signed release (on file %s), I'm writing to coordinate care. %s has attended %d of %d sessions since %s for %s. %s\n\nCould you send your most recent med list? We'd like to review the %s dose.\n\n%s" % (
            "Dr. " + other[1], f, x.fdate(x.past(10, 90), 0), f, x.n(5, 12), x.n(12, 16), x.fdate(x.past(60, 200), 3),
            x.c(["generalized anxiety disorder", "major depressive disorder, recurrent", "PTSD", "bipolar II", "OCD"]),
            x.c(["Mood has improved but sleep remains poor.", "We've seen a modest drop in GAD-7 scores (%d to %d)." % (x.n(15, 20), x.n(7, 12)), "There was one passive SI disclosure last month; risk assessed as low."]),
            x.c(["quetiapine", "bupropion", "lamotrigine", "buspirone", "sertraline"]),
            sig(x, th, cred, "Therapist", org, dom))
        subj = x.c(["Coordination of care - %s %s" % (cl[0].split()[0], cl[1][0] + "."), "Shared patient: " + x.full(cl), "care coordination re: %s" % cl[1]])
        m = {"from": (x.full(th), x.staff_email(th, dom)), "to": [("Dr. " + x.full(other), x.staff_email(other, x.org("Medical Group")[1]))],
             "subject": subj, "text": body + disclaim(x, 0.8)}
        if x.maybe(0.5):
            m["text"] = "Dr. %s,\n\n%s\n\n%s" % (other[1], x.c(["Please see the attached coordination-of-care letter.", "Letter attached re: our shared patient.", "Attached, with the client's signed release."]), sig(x, th, cred, "Therapist", org, dom, True)) + disclaim(x, 0.8)
            m["att"] = [("CoC_letter_%s.docx" % x.slug(cl[1]), make_docx(["#" + org, "Coordination of Care", x.fdate(x.now.date(), 3), ""] + body.split("\n\n")[:-1]))]
        return m
    return {"from": (x.full(th) + ", " + cred, x.staff_email(th, dom)), "to": [(x.full(cl), x.personal_email(cl))],
            "subject": subj, "text": body + disclaim(x, 0.4)}


def ph_sud(x):
    org, dom = x.org(x.c(["Recovery Center", "Treatment Services", "Addiction Medicine", "Opioid Treatment Program", "Outpatient Recovery"]))
    pt = x.person()
    st, cred = x.staff("sud")
    v = x.n(0, 2)
    if v == 0:
        po = x.person()
        rows = [["Date", "Attendance", "UDS result"]]
        for i in range(x.n(3, 6)):
            rows.append([x.fdate(x.past(2 + 7 * i, 6 + 7 * i), 0), x.c(["Present", "Present", "Present", "Absent - excused", "Absent"]),
                         x.c(["Negative", "Negative", "Positive - THC", "Positive - fentanyl", "Not collected", "Negative (buprenorphine expected)"])])
        body = "Officer %s,\n\nPer the signed 42 CFR Part 2 consent for %s (DOB %s), below is the monthly compliance summary from our IOP.\n\n%s\n\n%s\n\n%s" % (
            po[1], x.full(pt), x.fdate(x.dob_date(1965, 2003), 0),
            "\n".join("  %-12s %-18s %s" % tuple(r) for r in rows),
            x.c(["Client remains engaged and is stepping down to standard outpatient next month.", "Please note the positive screen was discussed in group and a relapse prevention plan was updated.", "Client is on buprenorphine maintenance, so buprenorphine positives are expected."]),
            sig(x, st, cred, {"MD": "Addiction Medicine Physician"}.get(cred, "Counselor"), org, dom))
        m = {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(po), x.staff_email(po, "co." + x.c(["pierce", "lane", "dakota", "kent"]) + ".wa.us"))],
             "subject": x.c(["Monthly report - %s" % x.full(pt), "Compliance update: %s" % pt[1], "IOP attendance %s" % x.now.strftime("%B")]),
             "text": body + "\n\n" + DISCLAIMERS[4]}
        if x.maybe(0.5):
            m["att"] = [("compliance_%s.pdf" % x.slug(pt[1]), make_pdf([org, "Monthly Compliance Report", "Client: " + x.full(pt), x.mrn(), ""] + ["  ".join(r) for r in rows], "Compliance"))]
        return m
    if v == 1:
        dose = x.c(["methadone 85 mg", "methadone 60 mg", "buprenorphine/naloxone 16/4 mg", "buprenorphine 12 mg film", "naltrexone 380 mg IM monthly"])
        body = "%s\n\n%s Starting %s your dose will be %s. %s\n\nYour next counseling appointment is %s at %s. %s" % (
            greet(x, pt), x.c(["Dr. %s reviewed your chart." % x.c(LAST), "Following up on our talk at the window this morning.", "We reviewed your request from Monday's visit."]),
            x.fdate(x.future(1, 5), 5), dose, x.c(["You've earned 2 take-home doses per week.", "Please come to the window before 10 am on weekdays.", "If you feel withdrawal symptoms, call us before taking anything else."]),
            x.fdate(x.future(2, 10), 6), x.time(), x.c(["Bring your Narcan kit so we can replace it.", "", "We'll do a urine screen that day."]))
        return {"from": (org, x.role_email(dom, ["nursing", "dosing", "clinic", "frontdesk"])), "to": [(x.full(pt), x.personal_email(pt))],
                "subject": x.c(["Dose change", "Your medication update", "Update from the clinic", "Take-home schedule"]),
                "text": body + "\n\n" + sig(x, st, x.c(["RN", "LPN", "RN, CARN"]), "Dosing Nurse", org, dom) + disclaim(x, 0.6)}
    # family member email
    fam = x.person()
    body = x.typo("%s\n\nMy %s %s started your residential program last %s. I know you can't tell me much but I wanted you to know he's been using since he was 19 and he had an overdose in %s where they used narcan. Also he has hepatitis C and is supposed to be on medication for it. Please make sure the doctor knows. I signed whatever I needed to at intake.\n\n%s" % (
        x.c(["Hello,", "To whom it may concern,", "Hi there,"]), x.c(["son", "brother", "nephew", "husband"]), x.full(pt), x.c(["Monday", "week", "Thursday"]),
        x.c(["March", "the summer", "2024", "January"]), x.c(["Thank you,", "Please call me", "Thanks so much"]) + "\n" + x.full(fam) + "\n" + x.phone()), 3)
    return {"from": (x.full(fam), x.personal_email(fam)), "to": ["admissions@" + dom], "subject": x.c(["my son", "about " + pt[0].split()[0], "Important info re: new patient", "family info"]), "text": body}


def ph_rehab_progress(x):
    org, dom = x.org(x.c(["Physical Therapy", "Sports & Spine Rehab", "Hand Therapy", "Rehab Services", "Occupational Therapy", "PT & Wellness"]))
    pt = x.person()
    st, cred = x.staff("rehab")
    doc = x.person()
    dx = x.c(["s/p R ACL reconstruction", "L rotator cuff repair", "lumbar radiculopathy", "R CVA with L hemiparesis", "carpal tunnel release, L hand",
              "total knee arthroplasty, R", "cervical strain after MVC", "Parkinson's disease (LSVT BIG)", "ankle ORIF", "chronic low back pain"])
    goals = x.sample(["ambulate 500 ft without AD", "independent with HEP", "R knee flexion to 120 deg", "lift 25 lb floor to waist",
                      "dress upper body independently", "grip strength 40 lb", "return to running", "Berg balance > 45/56",
                      "sit-to-stand x10 without UE support", "pain < 3/10 with ADLs"], 3)
    date = x.past(1, 10)
    lines = ["%s - %s" % (org, x.c(["Progress Note", "Re-evaluation", "Plan of Care Update", "Discharge Summary"])), "",
             "Patient: %s    DOB: %s    %s" % (x.full(pt), x.fdate(x.dob_date(1940, 2010), 0), x.mrn()),
             "Referring: Dr. %s    Visit date: %s    Visits: %d/%d" % (x.full(doc), x.fdate(date, 0), x.n(4, 18), x.n(12, 24)),
             "Diagnosis: " + dx, "",
             "S: " + x.c(["Pt reports pain 4/10, improved from 7/10 at eval.", "Pt states stairs are still difficult.", "Reports numbness at night has decreased.", "Caregiver notes 1 fall at home last week."]),
             "O: " + x.c(["AROM knee 0-105.", "MMT shoulder flexion 4-/5.", "TUG 14.2 s.", "Grip R 38 lb / L 22 lb.", "6MWT 310 m."]),
             "A: " + x.c(["Progressing toward goals.", "Slow progress due to missed visits.", "Goals partially met.", "Plateaued; recommend discharge to HEP."]),
             "P: Continue %dx/week for %d weeks." % (x.n(1, 3), x.n(2, 8)), "", "Goals:"] + ["  %d. %s" % (i + 1, g) for i, g in enumerate(goals)] + [
             "", "Therapist: %s, %s" % (x.full(st), cred)]
    v = x.n(0, 2)
    if v == 0:
        body = "Dr. %s,\n\n%s for our mutual patient %s. %s\n\n%s" % (doc[1], x.c(["Attached is the progress note", "Please find the updated plan of care", "Here is the re-eval"]), x.full(pt),
                                                                     x.c(["Please sign and fax back so we can continue care.", "Insurance needs your signature on the POC by Friday.", "Let me know if you'd like changes."]),
                                                                     sig(x, st, cred, {"OTR/L": "Occupational Therapist", "COTA/L": "OT Assistant", "PTA": "PT Assistant"}.get(cred, "Physical Therapist"), org, dom))
        att = x.c(["pdf", "docx"])
        data = make_pdf(lines, "Progress Note") if att == "pdf" else make_docx(["#" + lines[0]] + lines[1:])
        return {"from": (x.full(st) + ", " + cred, x.staff_email(st, dom)), "to": [("Dr. " + x.full(doc), x.staff_email(doc, x.org("Orthopedics")[1]))],
                "subject": x.c(["POC signature needed - %s" % x.full(pt), "Progress note: %s" % pt[1], "Re-eval %s" % x.fdate(date, 1)]),
                "text": body + disclaim(x, 0.7), "att": [("%s_%s.%s" % (x.c(["ProgressNote", "POC", "ReEval"]), x.slug(pt[1]), att), data)]}
    if v == 1:
        return {"from": (x.full(st), x.staff_email(st, dom)), "to": [("Dr. " + x.full(doc), x.staff_email(doc, x.org("Medical Group")[1]))],
                "subject": "Progress note - " + x.full(pt), "text": "\n".join(lines) + "\n\n" + sig(x, st, cred, "Therapist", org, dom, True) + disclaim(x, 0.6)}
    body = "%s\n\nGreat work %s! Here's your home exercise program:\n\n%s\n\nIf the %s flares up more than 2 points above baseline, back off and let me know.\n\n%s" % (
        greet(x, pt, False), x.c(["today", "this week", "at your session"]),
        "\n".join("%d) %s" % (i + 1, e) for i, e in enumerate(x.sample(["quad sets 3x10", "heel slides 2x15", "clamshells 3x12 each side",
                                                                          "pendulums 1 min", "wall slides 2x10", "tendon glides 10x every 2 hrs",
                                                                          "bridges 3x10", "single-leg stance 30 s x3", "wrist flexor stretch 3x30s"], 4))),
        x.c(["knee pain", "shoulder pain", "back pain", "swelling", "numbness"]), sig(x, st, cred, "", org, dom, True))
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Your HEP", "Home exercises", "exercises from today"]),
            "text": body, "html": text_to_html(body) if x.maybe(0.4) else None}


def ph_home_hospice(x):
    org, dom = x.org(x.c(["Home Health", "Hospice", "Visiting Nurse Association", "Home Care Services", "Hospice & Palliative Care"]))
    st, cred = x.staff("home")
    v = x.n(0, 2)
    if v == 0:
        pt = x.person()
        fam = x.person()
        body = "Handoff for %s (%s), %s:\n\n%s\n\nFamily contact: %s (%s) %s\n\n%s" % (
            x.full(pt), x.mrn(), x.c(["weekend coverage", "tonight's on-call", "Monday team", "IDT"]),
            "\n".join("* " + s for s in x.sample([
                "PPS 30%, now mostly bedbound, intake down to sips",
                "morphine 5 mg SL q2h prn dyspnea - used 4x last 24h",
                "stage 3 sacral wound, dressing changed today, foam border",
                "new terminal agitation last night, lorazepam started",
                "Foley placed %s for retention" % x.fdate(x.past(1, 4), 6),
                "DNR/POLST on fridge",
                "wife very anxious, chaplain visit requested",
                "INR 3.4 today, called Dr. %s, hold warfarin x1" % x.c(LAST),
                "CHF - weight up 3 lb, lasix increased to 40 mg BID",
                "blood sugars running 250s, sliding scale reviewed with daughter"], 4)),
            x.full(fam), x.c(["daughter", "son", "spouse", "niece", "partner"]), x.phone(), sig(x, st, cred, "Case Manager", org, dom, True))
        return {"from": (x.full(st) + ", " + cred, x.staff_email(st, dom)), "to": ["oncall@" + dom], "cc": [x.colleague(dom)] if x.maybe(0.5) else [],
                "subject": x.c(["Handoff - %s" % pt[1], "On-call report: %s" % x.full(pt), "pt update %s" % pt[1].upper(), "IDT: %s" % x.full(pt)]),
                "text": x.typo(body, x.n(0, 2)) + disclaim(x, 0.5)}
    if v == 1:
        rows = [["Time", "Patient", "Address", "Visit", "Notes"]]
        for i in range(x.n(4, 8)):
            p = x.person()
            rows.append([x.time(), x.full(p), x.address(), x.c(["SN", "PT", "HHA", "MSW", "SN - recert"]),
                         x.c(["wound vac change", "INR draw", "insulin teaching", "COPD - O2 2L", "post-op hip precautions",
                              "hospice - comfort meds check", "IV abx (vanc) day 9", "new admit, CHF", "fall last wk", "dementia, gate code 4471"])])
        intro = x.c(["Here are tomorrow's visits.", "Route for %s:" % x.fdate(x.future(1, 2), 5), "Updated schedule, two add-ons at the end."])
        html = text_to_html(intro, extra_bottom=html_table(rows, x.maybe(0.7)) + "<p>" + xesc(x.full(st)) + "<br>" + xesc(org) + "</p>")
        m = {"from": (x.full(st), x.staff_email(st, dom)), "to": [x.colleague(dom)],
             "subject": x.c(["Tomorrow's route", "Visit schedule", "Schedule " + x.fdate(x.future(1, 2), 4)]), "html": html, "tokens": ["htmltable"]}
        if x.maybe(0.5):
            m["text"] = intro + "\n\n" + "\n".join(" | ".join(r) for r in rows)
        return m
    pt = x.person()
    fam = x.person()
    body = "%s\n\n%s\n\nI'm so sorry. %s\n\n%s" % (
        greet(x, fam, False), x.c(["I wanted to follow up after our call this evening about your %s." % x.c(["mother", "father", "husband", "wife", "grandmother"]),
                                   "Thank you for letting us be part of %s's care these last weeks." % pt[0].split()[0]]),
        x.c(["%s's time of death was recorded at %s. The funeral home has been notified." % (pt[0].split()[0], x.time()),
             "As we discussed, %s is showing signs the end is near - mottling and changes in breathing. The nurse will visit twice daily now." % pt[0].split()[0],
             "Please remember to keep giving the morphine drops every 4 hours for %s's breathing, and the haloperidol if she becomes restless." % pt[0].split()[0]]),
        sig(x, st, cred, x.c(["Hospice Nurse", "Social Worker", "Chaplain"]), org, dom))
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(fam), x.personal_email(fam))], "subject": x.c(["Following up", "Thinking of you", "tonight"]),
            "text": body}


def ph_fertility(x):
    org, dom = x.org(x.c(["Fertility Center", "Reproductive Medicine", "IVF Institute", "Fertility & Wellness"]))
    pt = x.person()
    st, cred = x.staff("fert")
    start = x.future(1, 10)
    meds = [("Gonal-F", "%d IU" % x.c([150, 225, 300]), "evening"), ("Menopur", "%d vials" % x.n(1, 2), "evening"),
            ("Cetrotide", "0.25 mg", "morning, starting day %d" % x.n(5, 7)), ("Estradiol", "2 mg", "twice daily"),
            ("Progesterone in oil", "1 mL IM", "nightly"), ("Letrozole", "5 mg", "days 3-7")]
    chosen = x.sample(meds, x.n(2, 4))
    v = x.n(0, 2)
    if v == 0:
        body = "%s\n\n%s Your %s calendar:\n\n%s\n\n%s\n\nBaseline ultrasound and bloodwork: %s at %s.\n\n%s" % (
            greet(x, pt), x.c(["Great news - your baseline labs look good.", "Per Dr. %s, we're ready to start your cycle." % x.c(LAST), "Your period started, so here is the plan."]),
            x.c(["IVF stim", "FET", "IUI", "egg freezing"]),
            "\n".join("  %s %s - %s" % c for c in chosen),
            x.c(["Trigger (Ovidrel) timing will be given by phone - keep your phone on.", "AMH was %.1f and AFC %d." % (x.n(5, 40) / 10, x.n(6, 22)), "Your partner's semen analysis is on file."]),
            x.fdate(start, 5), x.time(), sig(x, st, cred, "IVF Nurse Coordinator", org, dom))
        m = {"from": (x.full(st) + ", " + cred, x.staff_email(st, dom)), "to": [(x.full(pt), x.personal_email(pt))],
             "subject": x.c(["Your cycle calendar", "Meds + monitoring schedule", "Cycle start instructions"]), "text": body + disclaim(x, 0.6)}
        if x.maybe(0.6):
            evs = []
            for i in range(x.n(2, 4)):
                d = start + dt.timedelta(days=2 * i)
                evs.append({"start": dt.datetime(d.year, d.month, d.day, 7, 30), "minutes": 20,
                            "summary": "Monitoring: E2 + follicle US (%s)" % x.full(pt),
                            "description": "Cycle day %d. Continue %s. No need to fast." % (3 + 2 * i, chosen[0][0]),
                            "location": org, "organizer": (x.full(st), x.staff_email(st, dom)), "dom": dom, "alarm": 60})
            m["att"] = [("monitoring.ics", make_ics(x, evs))]
        else:
            rows = [["Date", "Medication", "Dose", "Time"]] + [[x.fdate(start + dt.timedelta(days=i), 1), c[0], c[1], c[2]] for i in range(5) for c in chosen[:1]]
            m["att"] = [("%s_stim_calendar.xlsx" % x.slug(pt[1]), make_xlsx(rows, "Calendar"))]
        return m
    if v == 1:
        body = "%s\n\n%s\n\n%s" % (greet(x, pt, False), x.c([
            "Your beta hCG today was %d. We'd like to repeat it in 48 hours to make sure it is rising appropriately." % x.n(40, 600),
            "Unfortunately your pregnancy test today was negative. Please stop the progesterone and estradiol. I am so sorry - Dr. %s will call you to talk about next steps." % x.c(LAST),
            "Your embryos were graded today: %d blastocysts reached day 5 (grades 4AA, 4AB, 3BB). PGT-A results in about 2 weeks." % x.n(2, 6),
            "Your semen analysis showed a count of %d million/mL with %d%% motility - low motility. Dr. %s recommends ICSI." % (x.n(5, 40), x.n(15, 35), x.c(LAST))]),
            sig(x, st, cred, {"MD": "Reproductive Endocrinologist", "NP": "Nurse Practitioner"}.get(cred, "Nurse"), org, dom, True))
        return {"from": (org + " Nursing", x.role_email(dom, ["nurses", "ivfnurse", "clinical"])), "to": [(x.full(pt), x.personal_email(pt))],
                "subject": x.c(["Results", "Lab results", "Your results today", "update"]), "text": body}
    body = x.typo(x.c(["Hi, I did the trigger shot at 9:40pm not 9:30 like the instructions said, is that ok for the retrieval on Friday?",
                       "Hello! I'm spotting a little on day 6 of the PIO, is this normal? Should I keep going?",
                       "Quick question - I ran out of Menopur, pharmacy says tomorrow. Do I skip tonight's dose?",
                       "Hi, my insurance says they need the diagnosis code for the IVF (unexplained infertility?) can you send it"]))
    return {"from": (x.full(pt), x.personal_email(pt)), "to": [(x.full(st), x.staff_email(st, dom))], "subject": x.c(["question", "trigger", "meds", "quick q", "spotting"]),
            "text": body + "\n\n" + x.c([pt[0].split()[0], "Sent from my iPhone", "thanks!", ""])}


def ph_eye(x):
    org, dom = x.org(x.c(["Eye Care", "Vision Center", "Ophthalmology", "Eye Associates", "Optometry", "Retina Specialists"]))
    pt = x.person()
    st, cred = x.staff("eye")
    od = "%+.2f %+.2f x %03d" % (x.n(-24, 12) / 4, -x.n(0, 8) / 4, x.n(1, 180))
    os_ = "%+.2f %+.2f x %03d" % (x.n(-24, 12) / 4, -x.n(0, 8) / 4, x.n(1, 180))
    finding = x.c(["IOP was %d OD / %d OS - we'll start latanoprost 1 drop nightly in both eyes for glaucoma" % (x.n(22, 30), x.n(21, 28)),
                   "early cataract changes in the right eye; not ready for surgery yet",
                   "mild non-proliferative diabetic retinopathy in both eyes - please share this with your primary care",
                   "dry macular degeneration, left more than right; start AREDS2 vitamins and use the Amsler grid weekly",
                   "keratoconus progression on topography; we discussed corneal cross-linking",
                   "a small retinal hole in the left eye that was treated with laser today"])
    v = x.n(0, 1)
    body = "%s\n\n%s\n\n%s\n\n%s" % (
        greet(x, pt), x.c(["Thank you for visiting us on %s. Here is your visit summary." % x.fdate(x.past(1, 7), 3), "Summary of today's exam:", "As requested, a copy of your exam results:"]),
        "Refraction:\n  OD %s\n  OS %s\nFindings: %s.\nFollow-up: %s" % (od, os_, finding, x.c(["6 weeks", "3 months", "1 year", "4 weeks for OCT"])),
        sig(x, st, cred, {"OD": "Optometrist", "MD": "Ophthalmologist", "COA": "Ophthalmic Technician"}[cred], org, dom))
    m = {"from": (org, x.role_email(dom, ["noreply", "visits", "info", "optical"])) if v == 0 else (x.full(st) + ", " + cred, x.staff_email(st, dom)),
         "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Your visit summary", "Eye exam results", "Your glasses prescription", "Visit on " + x.fdate(x.past(1, 7), 0)]),
         "text": body + disclaim(x, 0.5) + prefs_footer(x, org, dom, 0.3 if v == 0 else 0)}
    if x.maybe(0.6):
        m["html"] = text_to_html(m["text"], '<div style="background:#0a5c7a;color:#fff;padding:10px">%s</div>' % xesc(org))
    return m


def ph_audiology(x):
    org, dom = x.org(x.c(["Hearing Center", "Audiology", "Hearing & Balance", "ENT & Audiology"]))
    pt = x.person()
    st, cred = x.staff("aud")
    pta_r, pta_l = x.n(25, 70), x.n(20, 75)
    v = x.n(0, 2)
    lines = [org, "AUDIOLOGIC EVALUATION", "", "Name: " + x.full(pt), "DOB: " + x.fdate(x.dob_date(1935, 2018), 0), x.mrn(),
             "Date of test: " + x.fdate(x.past(1, 10), 0), "",
             "Pure-tone average: R %d dB HL, L %d dB HL" % (pta_r, pta_l),
             "Word recognition: R %d%%, L %d%%" % (x.n(60, 100), x.n(60, 100)),
             "Tympanometry: Type %s bilaterally" % x.c(["A", "As", "B", "C"]), "",
             "Impression: " + x.c(["mild-to-moderate sensorineural hearing loss, bilateral, sloping", "asymmetric hearing loss - MRI IAC recommended",
                                   "conductive loss consistent with otitis media with effusion", "noise-induced notch at 4 kHz", "normal hearing; tinnitus reported"]),
             "Recommendation: " + x.c(["binaural hearing aid trial", "ENT referral", "annual re-test", "tinnitus management program"]), "",
             "Audiologist: %s, %s" % (x.full(st), cred)]
    if v == 0:
        doc = x.person()
        return {"from": (x.full(st), x.staff_email(st, dom)), "to": [("Dr. " + x.full(doc), x.staff_email(doc, x.org("ENT")[1]))],
                "subject": x.c(["Audiogram - %s" % x.full(pt), "Hearing eval results %s" % pt[1], "Referral results"]),
                "text": "Dr. %s,\n\n%s\n\n%s" % (doc[1], x.c(["Attached is the audiogram for the patient you referred.", "Results for %s attached." % x.full(pt), "See attached eval."]), sig(x, st, cred, "Audiologist", org, dom)) + disclaim(x, 0.7),
                "att": [("audiogram_%s.pdf" % x.slug(pt[1]), make_pdf(lines, "Audiologic Evaluation"))]}
    if v == 1:
        body = "%s\n\nYour new %s hearing aids are in! Your fitting is %s at %s. It takes about an hour; %s\n\n%s" % (
            greet(x, pt), x.c(["Phonak", "Oticon", "ReSound", "Signia", "Starkey"]), x.fdate(x.future(2, 14), 5), x.time(),
            x.c(["bring a family member if you can.", "please bring your phone so we can pair it.", "we'll also do real-ear measurements."]), sig(x, st, cred, "Audiologist", org, dom))
        return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Your hearing aids are here", "Hearing aid fitting", "fitting appt"]), "text": body}
    fam = x.person()
    body = x.typo("%s\n\nI'm writing about my %s %s. %s\n\nThanks, %s" % (x.c(["Hello,", "Hi,", "Good afternoon,"]),
                  x.c(["father", "mother", "son", "daughter"]), x.full(pt),
                  x.c(["The left hearing aid keeps whistling and she says she still can't follow conversations at dinner. Can you adjust it?",
                       "His newborn hearing screen was referred in the left ear, and the hospital said to book a diagnostic ABR with you.",
                       "He's had fluid in his ears for 3 months and the ENT wants a hearing test before tubes.",
                       "Since the ear infection she says everything is muffled and the ringing is worse."]), fam[0].split()[0]), 2)
    return {"from": (x.full(fam), x.personal_email(fam)), "to": ["appointments@" + dom], "subject": x.c(["hearing aid problem", "ABR appointment", "hearing test for my son", "appointment"]), "text": body}


def ph_derm(x):
    org, dom = x.org(x.c(["Dermatology", "Skin Clinic", "Dermatology & Mohs Surgery", "Skin & Laser"]))
    pt = x.person()
    st, cred = x.staff("derm")
    site = x.c(["left upper back", "right cheek", "scalp, vertex", "right forearm", "left shin", "nose, ala"])
    res = x.c(["basal cell carcinoma, nodular type", "squamous cell carcinoma in situ", "melanoma in situ", "dysplastic nevus with moderate atypia",
               "seborrheic keratosis (benign)", "actinic keratosis", "psoriasis", "lichen planus"])
    v = x.n(0, 2)
    if v == 0:
        body = "%s\n\nYour biopsy from the %s came back as %s. %s\n\n%s" % (
            greet(x, pt), site, res, x.c(["We recommend Mohs surgery; our surgical coordinator will reach out to schedule.", "No further treatment is needed, just routine skin checks.",
                                          "We'd like to do a wider excision with 5 mm margins.", "Please start the clobetasol ointment twice daily for 2 weeks."]),
            sig(x, st, cred, "Dermatology", org, dom, x.maybe(0.5)))
        return {"from": (x.full(st) + ", " + cred, x.staff_email(st, dom)), "to": [(x.full(pt), x.personal_email(pt))],
                "subject": x.c(["Biopsy results", "Your pathology results", "results", "Re: biopsy"]), "text": body + disclaim(x, 0.5)}
    if v == 1:
        body = "Starting isotretinoin %d mg %s. iPLEDGE ID %d. Pregnancy test %s. Next lab (lipids/LFTs): %s.\n\nRemember two forms of contraception and no blood donation. Take with a fatty meal.\n\n%s" % (
            x.c([20, 30, 40]), x.c(["daily", "twice daily"]), x.n(1000000000, 9999999999), x.c(["negative", "negative (urine)", "n/a"]), x.fdate(x.future(20, 35), 0),
            sig(x, st, cred, "Dermatology", org, dom, True))
        return {"from": (org, "clinic@" + dom), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Accutane instructions", "Isotretinoin - month 1", "your acne treatment"]), "text": body}
    body = x.typo(x.c(["The spot you froze on my nose is now a blister and kind of oozing, is that normal? Attaching a pic would be weird so just describing it",
                       "hi the eczema cream isn't working and my hands are cracking and bleeding. can I come in sooner than June?",
                       "Hello, the mole on my back that you measured last time has gotten darker. My dad had melanoma so I'm nervous.",
                       "Can you send the prior auth for the dupixent again, CVS says they never got it"]))
    return {"from": (x.full(pt), x.personal_email(pt)), "to": ["portal-reply@" + dom if x.maybe(0.3) else x.staff_email(st, dom)], "subject": x.c(["question", "mole", "cream", "rash", "Re: your visit"]),
            "text": body + "\n" + x.c(["", "-" + pt[0].split()[0], "Thank you"])}


def ph_peds_school(x):
    kid = x.person(0)
    kid = (kid[0], kid[1])
    par = (x.c(FIRST), kid[1] if x.maybe(0.7) else x.c(LAST))
    school = x.c(PREFIX) + x.c([" Elementary", " Middle School", " Academy", " High School", " Montessori"])
    sdom = x.slug(school)[:12] + x.c([".k12.us", ".org", "schools.org"])
    nurse = x.person()
    cond = x.c([("asthma", "albuterol inhaler 2 puffs every 4 hours as needed before PE"), ("severe peanut allergy", "EpiPen Jr 0.15 mg"),
                ("type 1 diabetes", "insulin per the pump; check glucose before lunch"), ("ADHD", "methylphenidate 10 mg at noon"),
                ("seizure disorder", "rectal diazepam (Diastat) if seizure > 5 min"), ("migraines", "ibuprofen 200 mg as needed")])
    v = x.n(0, 4)
    if v == 4:
        org, dom = x.org(x.c(["Pediatrics", "Sports Medicine", "Urgent Care"]))
        doc, cred = x.staff("peds")
        body = "%s\n\n%s %s was evaluated on %s for %s. %s may return to school on %s %s.\n\n%s" % (
            x.c(["To the school nurse:", "To whom it may concern,", "Dear Coach,"]), kid[0], kid[1], x.fdate(x.past(1, 6), 3),
            x.c(["a concussion sustained during soccer", "hand, foot and mouth disease", "influenza B", "a fractured left wrist (cast in place)", "pneumonia"]),
            x.c(["She", "He", "They"]), x.fdate(x.future(1, 5), 3),
            x.c(["with no PE or contact sports until cleared (graduated return-to-play)", "- no longer contagious", "with elevator pass and extra time for written work", "without restrictions"]),
            sig(x, doc, cred, "", org, dom))
        return {"from": (x.full(doc) + ", " + cred, x.staff_email(doc, dom)), "to": [("Nurse " + nurse[1], x.staff_email(nurse, sdom))], "cc": [(par[0] + " " + par[1], x.personal_email(par))] if x.maybe(0.6) else [],
                "subject": x.c(["Return to school - %s %s" % (kid[0], kid[1]), "School clearance", "Note for " + kid[0]]), "text": body + disclaim(x, 0.5)}
    if v == 0:
        pr = x.c([("her", "She needs"), ("his", "He needs"), ("their", "They need")])
        body = x.typo("%s\n\n%s has %s and the doctor just changed %s plan. %s %s. I'll drop the new form and the medicine at the office %s.\n\n%s" % (
            x.c(["Hi Nurse " + nurse[1] + ",", "Hello Ms. " + nurse[1] + ",", "Hi,"]), kid[0], cond[0], pr[0],
            pr[1], cond[1], x.c(["tomorrow morning", "Monday", "before school"]),
            x.c(["Thanks!", "Thank you so much,", "Let me know if you need anything else"]) + "\n" + par[0] + " " + par[1]), 2)
        return {"from": (par[0] + " " + par[1], x.personal_email(par)), "to": [("Nurse " + nurse[1], x.staff_email(nurse, sdom))],
                "subject": x.c(["%s's medication" % kid[0], "new med form", "%s %s - %s" % (kid[0], kid[1], cond[0]), "meds at school"]), "text": body}
    if v == 1:
        body = "%s\n\n%s was seen in the health office today at %s for %s. %s\n\n%s" % (
            greet(x, par, False), kid[0], x.time(), x.c(["a temperature of 101.4 F", "a nosebleed that lasted 15 minutes", "wheezing after recess", "a blood sugar of 58",
                                                          "a head bump on the playground - no loss of consciousness", "vomiting"]),
            x.c(["Please pick up within the hour.", "We gave the albuterol per the action plan and he returned to class.", "Juice given, recheck 112.",
                 "Please watch for headache or vomiting tonight.", "Per policy, fever-free 24 hours before returning."]),
            sig(x, nurse, x.c(CRED["school"]), "School Nurse", school, sdom))
        return {"from": ("Nurse " + x.full(nurse), x.staff_email(nurse, sdom)), "to": [(par[0] + " " + par[1], x.personal_email(par))],
                "subject": x.c(["Health office visit", "%s - nurse visit today" % kid[0], "Please call the nurse"]), "text": body}
    if v == 2:
        org, dom = x.org(x.c(["Pediatrics", "Children's Clinic", "Pediatric Associates"]))
        doc, cred = x.staff("peds")
        paras = ["#MEDICATION AUTHORIZATION FOR SCHOOL", "Student: %s %s    DOB: %s" % (kid[0], kid[1], x.fdate(x.dob_date(2010, 2021), 0)),
                 "School: " + school, "Diagnosis: " + cond[0], "Medication / dose: " + cond[1],
                 "Duration: school year %d-%d" % (x.now.year, x.now.year + 1), "May self-carry: " + x.c(["Yes", "No"]), "",
                 "Prescriber: %s, %s  %s" % (x.full(doc), cred, org), "Parent/guardian signature: ____________"]
        return {"from": (org, "forms@" + dom), "to": [(par[0] + " " + par[1], x.personal_email(par))],
                "subject": x.c(["School medication form", "Forms you requested", "Med authorization for " + kid[0]]),
                "text": x.c(["Attached is the form you requested. Please print, sign and take to the school nurse.", "see attached", "Here is %s's school form." % kid[0]]) + "\n\n" + sig(x, doc, cred, "", org, dom, True),
                "att": [("%s_school_med_auth.%s" % (x.slug(kid[0]), "docx"), make_docx(paras))]}
    org, dom = x.org(x.c(["Pediatrics", "Kids Care", "Pediatric Partners"]))
    body = "%s\n\n%s\n\n%s" % (greet(x, par), x.c([
        "%s's strep test was positive. Amoxicillin 400 mg/5 mL, 6 mL twice a day for 10 days was sent to your pharmacy. OK to return to daycare after 12 hours of antibiotics." % kid[0],
        "%s's lead level came back at %d mcg/dL, which is elevated. We'd like to recheck in 1 month and the health department may contact you." % (kid[0], x.n(4, 12)),
        "%s is due for the 4-year vaccines (DTaP, IPV, MMR, varicella) and missed the last well visit." % kid[0],
        "The growth chart shows %s dropped from the 40th to the 10th percentile for weight. Dr. %s wants a weight check in 2 weeks." % (kid[0], x.c(LAST))]),
        x.c(["Pediatric nurse line", "Call us with questions"]) + "\n" + x.phone())
    return {"from": (org, x.role_email(dom, ["nurse", "care", "info"])), "to": [(par[0] + " " + par[1], x.personal_email(par))], "subject": x.c(["Results for " + kid[0], "Message from your pediatrician", "lab result"]), "text": body}


def _ph_urgent_html_a(x):
    org, dom = x.org(x.c(["Urgent Care", "Walk-In Clinic", "Express Care", "Immediate Care"]))
    pt = x.person()
    st, cred = x.staff("uc")
    dx = x.c([("Acute bronchitis", "benzonatate 100 mg three times daily as needed"), ("Urinary tract infection", "nitrofurantoin 100 mg twice daily x5 days"),
              ("Laceration, left index finger (4 sutures)", "suture removal in 10 days"), ("Ankle sprain, right", "RICE, ibuprofen 600 mg with food"),
              ("COVID-19, positive antigen", "Paxlovid x5 days; isolate per CDC"), ("Otitis media", "amoxicillin 875 mg twice daily x10 days"),
              ("Influenza A", "oseltamivir 75 mg twice daily x5 days"), ("Conjunctivitis", "polymyxin/trimethoprim drops")])
    rows = [["Item", "Detail"], ["Patient", x.full(pt)], ["Date of birth", x.fdate(x.dob_date(), 0)], ["Visit", x.fdate(x.past(0, 2), 3)],
            ["Provider", "%s, %s" % (x.full(st), cred)], ["Diagnosis", dx[0]], ["Treatment", dx[1]],
            ["Vitals", "T %.1f F, HR %d, BP %d/%d, SpO2 %d%%" % (x.n(970, 1030) / 10, x.n(60, 120), x.n(100, 160), x.n(60, 100), x.n(92, 100))]]
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Visit Summary</title></head>'
            '<body style="font-family:Arial,sans-serif"><div style="background:#c62828;color:white;padding:12px;font-size:20px">%s</div>'
            '<p>%s</p><h3>%s</h3>%s<p>%s</p><p style="font-size:11px;color:#777">%s</p></body></html>') % (
        xesc(org), xesc(greet(x, pt)), x.c(["Your After-Visit Summary", "Visit Summary", "Discharge Instructions"]), html_table(rows),
        xesc(x.c(["Return if symptoms worsen or you develop a fever over 103.", "Follow up with your primary care provider in 3-5 days.", "Work note attached to your portal."])),
        xesc(x.c(DISCLAIMERS)))
    return {"from": (org, x.role_email(dom, ["noreply", "visit-summary", "notifications"])), "to": [(x.full(pt), x.personal_email(pt))],
            "subject": x.c(["Your After-Visit Summary", "Visit summary from " + org, "Discharge instructions"]), "html": html, "tokens": ["htmltable"]}


def ph_imaging(x):
    org, dom = x.org(x.c(["Imaging", "Radiology", "Diagnostic Imaging", "MRI & CT Center", "Women's Imaging"]))
    pt = x.person()
    rad = x.person()
    doc = x.person()
    exam = x.c([("MRI LUMBAR SPINE W/O CONTRAST", "L4-5 disc extrusion with moderate right foraminal stenosis."),
                ("CT CHEST W CONTRAST", "6 mm solid nodule right upper lobe. Recommend follow-up CT in 6-12 months."),
                ("BILATERAL SCREENING MAMMOGRAM", "BI-RADS 0: focal asymmetry left breast; additional imaging recommended."),
                ("US ABDOMEN COMPLETE", "Cholelithiasis without cholecystitis. Mild hepatic steatosis."),
                ("XR RIGHT WRIST 3 VIEWS", "Nondisplaced distal radius fracture."),
                ("DEXA", "T-score -2.7 at the femoral neck, consistent with osteoporosis."),
                ("MRI BRAIN W/WO", "Scattered T2 hyperintensities, nonspecific; consider demyelinating disease.")])
    lines = [org, "DIAGNOSTIC REPORT", "", "Patient: %s   DOB: %s   %s" % (x.full(pt), x.fdate(x.dob_date(), 0), x.mrn()),
             "Exam: " + exam[0], "Date: " + x.fdate(x.past(0, 3), 0), "Ordering: Dr. " + x.full(doc), "Accession: %s%d" % (x.c(["ACC", "A", "RAD"]), x.n(1000000, 9999999)), "",
             "CLINICAL HISTORY: " + x.c(["pain", "screening", "cough x6 weeks", "fall", "follow-up", "numbness"]), "",
             "IMPRESSION:", exam[1], "", "Electronically signed: %s, MD" % x.full(rad)]
    v = x.n(0, 2)
    if v == 0:
        return {"from": (org + " Reports", "reports@" + dom), "to": [("Dr. " + x.full(doc), x.staff_email(doc, x.org("Family Medicine")[1]))],
                "subject": x.c(["Final report: %s" % x.full(pt), "Report ready - %s, %s" % (pt[1].upper(), pt[0].split()[0].upper()), "Results: " + exam[0].title()]),
                "text": x.c(["Final report attached.", "Please see the attached report.", "see attached", "Attached."]) + disclaim(x, 0.9),
                "att": [("%s_%s.pdf" % (x.c(["report", "RAD", "final"]), x.n(100000, 999999)), make_pdf(lines, "Diagnostic Report"))]}
    if v == 1:
        return {"from": (x.full(rad), x.staff_email(rad, dom)), "to": [("Dr. " + x.full(doc), x.staff_email(doc, x.org("Medical Group")[1]))],
                "subject": "CRITICAL/NOTABLE finding - " + x.full(pt), "text": "Dr. %s,\n\nCalling to your attention: %s (%s) - %s\n%s\n\nWe left a message with your office at %s.\n\n%s, MD\n%s" % (
                    doc[1], x.full(pt), x.fdate(x.dob_date(), 0), exam[0], exam[1], x.time(), x.full(rad), org) + disclaim(x, 0.7)}
    body = "%s\n\nYour %s is scheduled for %s at %s. %s\n\nArrive 15 minutes early. %s" % (
        greet(x, pt), exam[0].lower(), x.fdate(x.future(2, 20), 5), x.time(),
        x.c(["Because you mentioned a metal fragment from welding, we need an orbit X-ray first.", "Your creatinine from your kidney disease labs must be within 30 days for contrast.",
             "Since you're claustrophobic, Dr. %s prescribed lorazepam; you'll need a driver." % doc[1], "Don't wear deodorant for the mammogram."]),
        x.c(["Questions? Call " + x.phone(), ""]))
    return {"from": (org + " Scheduling", "scheduling@" + dom), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Your upcoming exam", "Prep instructions", "Appointment confirmation"]), "text": body}


def ph_occ_health(x):
    emp = x.person()
    co = x.c(PREFIX) + x.c([" Logistics", " Manufacturing", " Foods", " Hospital", " School District", " Transit Authority"])
    cdom = x.slug(co)[:14] + ".com"
    st, cred = x.staff("occ")
    v = x.n(0, 3)
    if v == 0:
        mgr = x.person()
        body = x.typo("%s,\n\nFYI %s won't be back until %s. %s is %s. HR has the FMLA paperwork. %s\n\n%s" % (
            x.c(["Team", "Hi all", mgr[0].split()[0]]), emp[0].split()[0], x.fdate(x.future(7, 40), 6),
            x.c(["She", "He"]), x.c(["recovering from gallbladder surgery", "out for chemo for the next few cycles", "on leave for postpartum depression",
                                     "in rehab after the heart attack", "having a knee replacement", "dealing with a flare of her Crohn's"]),
            x.c(["Please cover her shifts.", "Don't mention it to him unless he brings it up.", "Let's send a card.", ""]),
            x.full(x.person())), 1)
        snd = x.person()
        return {"from": (x.full(snd), x.staff_email(snd, cdom)), "to": [(x.full(mgr), x.staff_email(mgr, cdom))], "subject": x.c(["%s out" % emp[0].split()[0], "coverage", "FYI - leave"]), "text": body}
    org, dom = x.org(x.c(["Occupational Health", "Employee Health", "WorkCare Clinic"]))
    if v == 1:
        lines = [org, "WORK STATUS REPORT", "", "Employee: %s   DOB: %s" % (x.full(emp), x.fdate(x.dob_date(1960, 2003), 0)), "Employer: " + co,
                 "Date of visit: " + x.fdate(x.past(0, 4), 0), "", "Diagnosis: " + x.c(["lumbar strain", "R wrist tendinitis", "needlestick exposure - baseline labs drawn",
                                                                                     "positive TB skin test (14 mm) - chest X-ray negative, latent TB", "heat exhaustion", "concussion"]),
                 "Status: " + x.c(["Modified duty", "Full duty", "Off work", "Return to work with restrictions"]),
                 "Restrictions: " + x.c(["No lifting > 15 lb", "No ladder work", "Seated work only", "None"]) + " until " + x.fdate(x.future(5, 21), 0), "",
                 "Provider: %s, %s" % (x.full(st), cred)]
        return {"from": (x.full(st), x.staff_email(st, dom)), "to": ["hr@" + cdom, x.colleague(cdom)],
                "subject": x.c(["Work status - %s" % x.full(emp), "RTW note %s" % emp[1], "Duty status: " + x.full(emp)]),
                "text": x.c(["Attached is the work status report from today's visit.", "Please see attached.", "Work status attached for your employee."]) + disclaim(x, 0.8),
                "att": [("WorkStatus_%s.%s" % (x.slug(emp[1]), "pdf"), make_pdf(lines, "Work Status"))] if x.maybe(0.6) else [("WorkStatus_%s.docx" % x.slug(emp[1]), make_docx(["#" + lines[1]] + lines[2:]))]}
    if v == 2:
        body = "%s\n\n%s\n\n%s" % (greet(x, emp), x.c(["You are cleared to return to work on %s following your hospitalization for pneumonia. Please bring the clearance letter to your supervisor." % x.fdate(x.future(1, 7), 3),
                                                       "Your respirator fit test was failed due to your reported asthma symptoms; a pulmonary function test is required before clearance.",
                                                       "Your post-exposure labs (HIV, Hep B, Hep C) from the needlestick on %s were negative. Repeat at 6 weeks." % x.fdate(x.past(3, 14), 6),
                                                       "Your annual hearing test showed a standard threshold shift in the left ear. We'll retest in 30 days."]),
                               sig(x, st, cred, "Employee Health", org, dom))
        return {"from": ("Employee Health", "employeehealth@" + dom), "to": [(x.full(emp), x.staff_email(emp, dom))], "subject": x.c(["Clearance", "Employee health follow-up", "Your results"]), "text": body}
    body = "%s\n\nI am writing to confirm that %s has been under my care since %s and %s. %s\n\n%s" % (
        x.c(["To whom it may concern,", "Dear HR,", "To the school:"]), x.full(emp), x.fdate(x.past(20, 120), 3),
        x.c(["is being treated for a herniated disc", "was diagnosed with mononucleosis", "has migraines requiring a quiet workspace", "is pregnant (EDD %s)" % x.fdate(x.future(60, 200), 3)]),
        x.c(["Please allow up to 3 absences per month.", "May return on modified duty.", "Please excuse absences from %s through %s." % (x.fdate(x.past(10, 20), 0), x.fdate(x.past(1, 5), 0))]),
        sig(x, st, cred, "Physician", org, dom))
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(emp), x.personal_email(emp))], "subject": x.c(["Letter for your employer", "Doctor's note", "Accommodation letter"]), "text": body}


def ph_workers_comp(x):
    org, dom = x.org(x.c(["Case Management", "Managed Care", "Comp Solutions", "Claims Services"]))
    cm, cred = x.staff("wc")
    clm = x.person()
    adj = x.person()
    inj = x.c(["right shoulder rotator cuff tear", "lumbar strain with L5 radiculopathy", "left knee meniscus tear", "crush injury, right hand", "closed head injury", "bilateral carpal tunnel"])
    cn = x.claim()
    v = x.n(0, 2)
    if v == 0:
        body = "%s,\n\nCase update for claimant %s, claim %s (DOI %s):\n\n- Dx: %s\n- %s\n- Current status: %s\n- Next appointment: %s with Dr. %s\n\n%s\n\n%s" % (
            adj[0].split()[0], x.full(clm), cn, x.fdate(x.past(30, 300), 0), inj,
            x.c(["MRI confirmed findings; surgery requested.", "Completed 12 PT visits; minimal improvement.", "IME scheduled.", "Released to modified duty."]),
            x.c(["TTD", "modified duty, 20 lb lift restriction", "MMI expected next month", "off work pending surgery"]),
            x.fdate(x.future(3, 30), 0), x.c(LAST), x.c(["Please authorize the surgery RFA.", "Recommend approving 6 more PT visits.", "No action needed at this time."]),
            sig(x, cm, cred, "Nurse Case Manager", org, dom))
        return {"from": (x.full(cm) + ", " + cred, x.staff_email(cm, dom)), "to": [(x.full(adj), x.staff_email(adj, x.c(["travelersclaims.example.com", "libertymutual-claims.com", "statefund.org", "sedgwickcms.com"])))],
                "subject": x.c(["Claim %s - update" % cn, "%s / %s" % (clm[1], cn), "RE: %s status" % x.full(clm)]), "text": body + disclaim(x, 0.7),
                "att": [("NCM_report_%s.docx" % cn, make_docx(["#Nurse Case Manager Report", "Claimant: " + x.full(clm), "Claim: " + cn, "Diagnosis: " + inj, "@TABLE", "Prepared by %s, %s" % (x.full(cm), cred)],
                                                              [["Date", "Contact", "Summary"], [x.fdate(x.past(1, 9), 0), "Claimant", "Reports ongoing pain 6/10; using ice and meds"], [x.fdate(x.past(10, 20), 0), "Treating MD", "Recommends continued restrictions"]]))] if x.maybe(0.4) else []}
    if v == 1:
        rows = [["Claim #", "Claimant", "DOI", "Injury", "Status", "Next action"]]
        for i in range(x.n(5, 10)):
            c = x.person()
            rows.append([x.claim(), x.full(c), x.fdate(x.past(20, 500), 1),
                         x.c(["low back strain", "R shoulder tear", "L ankle fracture", "PTSD after robbery", "amputation L 2nd digit", "COVID exposure", "knee contusion"]),
                         x.c(["TTD", "Modified duty", "Full duty", "MMI", "Surgery pending"]), x.c(["IME", "RFA review", "PT auth", "Close", "Nurse call"])])
        return {"from": (x.full(cm), x.staff_email(cm, dom)), "to": [(x.full(adj), x.staff_email(adj, dom))],
                "subject": x.c(["Open claims - weekly", "Caseload report", "Diary review " + x.fdate(x.now.date(), 1)]),
                "text": x.c(["Attached is this week's caseload.", "See attached.", "Weekly file review attached - flag anything you want discussed."]) + "\n\n" + x.full(cm),
                "att": [("caseload_%s.xlsx" % x.now.strftime("%Y%m%d"), make_xlsx(rows, "Open claims"))]}
    body = x.typo("%s\n\n%s\n\n%s" % (x.c(["Hi " + cm[0].split()[0] + ",", "Ms. " + cm[1] + ",", "Hello"]),
                  x.c(["The pain in my back is still bad and the pharmacy denied the gabapentin again, can you call them? My claim is %s." % cn,
                       "I went to the appointment with the surgeon. He says I need the shoulder surgery but they need approval from you guys.",
                       "My employer is saying they don't have light duty so I'm not sure what to do. Doctor said no lifting over 10 lb still.",
                       "I never got the mileage reimbursement for my PT visits. Also my knee is swelling again."]),
                  x.full(clm) + "\n" + x.phone()), 3)
    return {"from": (x.full(clm), x.personal_email(clm)), "to": [(x.full(cm), x.staff_email(cm, dom))], "subject": x.c(["my claim", "claim " + cn, "help", "surgery"]), "text": body}


def _ph_telehealth_a(x):
    org, dom = x.org(x.c(["Virtual Care", "Telehealth", "Online Clinic", "Care Anywhere"]))
    pt = x.person()
    st, cred = x.staff("tele")
    dx = x.c([("sinusitis", "amoxicillin-clavulanate 875 mg twice daily for 7 days"), ("UTI", "nitrofurantoin 100 mg twice daily for 5 days"),
              ("hypertension follow-up", "increase lisinopril to 20 mg daily"), ("hypothyroidism", "levothyroxine 75 mcg - recheck TSH in 6 weeks"),
              ("erectile dysfunction", "sildenafil 50 mg as needed"), ("genital herpes outbreak", "valacyclovir 1 g twice daily for 10 days"),
              ("birth control refill", "norethindrone 0.35 mg daily"), ("weight management", "semaglutide 0.25 mg weekly")])
    text = "%s\n\nThanks for your video visit %s with %s, %s.\n\nReason for visit: %s\nPlan: %s\nPharmacy: %s\n\n%s\n\n%s" % (
        greet(x, pt, False), x.c(["today", "this afternoon", "on " + x.fdate(x.past(0, 2), 5)]), x.full(st), cred, dx[0], dx[1],
        x.c(["CVS #%d" % x.n(1000, 9999), "Walgreens, %s" % x.c(STREETS), "Mail order"]),
        x.c(["If you don't feel better in 48 hours, book a follow-up.", "Your visit note is also in the app.", "Questions? Reply here or message us in the app."]),
        x.c(["- The care team", org])) + disclaim(x, 0.5) + prefs_footer(x, org, dom)
    m = {"from": (org, x.role_email(dom, ["care", "noreply", "visits"])), "to": [(x.full(pt), x.personal_email(pt))],
         "subject": x.c(["Your visit summary", "Video visit recap", "Your prescription was sent", "Visit notes from " + org]), "text": text}
    if x.maybe(0.7):
        m["html"] = text_to_html(text, '<div style="text-align:center;padding:14px;background:#eef6ff;font-size:18px"><b>%s</b></div>' % xesc(org))
        if x.maybe(0.4):
            m["text"] = None
    return m


def ph_care_coord_table(x):
    org, dom = x.org(x.c(["Care Coordination", "ACO", "Health Partners", "Community Health Center", "Primary Care Network"]))
    st, cred = x.staff("cc")
    rows = [["Patient", "DOB", "MRN", "Condition", "Gap / Action", "Last contact"]]
    for i in range(x.n(5, 12)):
        p = x.person(0)
        rows.append([x.full(p), x.fdate(x.dob_date(1930, 2005), 1), "%08d" % x.n(100000, 99999999),
                     x.c(["CHF", "COPD", "T2DM, A1c 10.2", "CKD 4", "HIV", "schizophrenia", "opioid use disorder", "pregnancy, 28 wk", "HTN", "asthma", "dementia"]),
                     x.c(["ED visit x2 last month", "needs eye exam", "missed dialysis", "A1c overdue", "post-discharge call", "housing referral", "med recon", "no-show PCP"]),
                     x.fdate(x.past(1, 40), 4)])
    kind = x.c(["html", "html", "csv", "xlsx"])
    intro = x.c(["High-risk list for this week's huddle:", "Attached/below are the patients we need to reach before Friday.", "Here's the gap list from the payer feed.",
                 "Please split these between you and %s." % x.c(FIRST)])
    m = {"from": (x.full(st) + ", " + cred, x.staff_email(st, dom)), "to": [(x.full(x.person()), "care-team@" + dom)],
         "subject": x.c(["High-risk list", "Huddle list %s" % x.fdate(x.now.date(), 4), "Outreach list", "Care gaps - week %d" % x.n(1, 52), "TCM follow-ups"])}
    if kind == "html":
        m["html"] = text_to_html(intro, extra_bottom=html_table(rows, x.maybe(0.5)) + "<p>" + xesc(x.full(st)) + "</p>")
        m["tokens"] = ["htmltable"]
        if x.maybe(0.3):
            m["text"] = intro + "\n\n(table below - view in HTML)"
    elif kind == "csv":
        m["text"] = intro + "\n\n" + x.full(st)
        m["att"] = [("outreach_%s.csv" % x.now.strftime("%m%d"), make_csv(rows))]
    else:
        m["text"] = intro + "\n\n" + sig(x, st, cred, "Care Coordinator", org, dom, True)
        m["att"] = [("high_risk_%s.xlsx" % x.now.strftime("%Y-%m-%d"), make_xlsx(rows, "Patients"))]
    return m


def _quote(x, text, who, when):
    pre = x.c(["On %s, %s wrote:" % (when, who), "-----Original Message-----\nFrom: %s\nSent: %s\n" % (who, when), "On %s %s wrote:" % (when, who)])
    return pre + "\n" + "\n".join("> " + l if l else ">" for l in text.split("\n"))


def ph_reply_fwd(x):
    """Patients / family replying to or forwarding clinic mail."""
    org, dom = x.org(x.c(["Family Medicine", "Orthopedics", "Cardiology", "Physical Therapy", "Dental", "Behavioral Health", "Pediatrics", "Oncology"]))
    pt = x.person()
    st, cred = x.staff(x.c(["home", "rehab", "peds", "tele", "cc"]))
    orig = "%s\n\n%s\n\n%s" % (greet(x, pt), x.c([
        "Your echocardiogram showed an ejection fraction of %d%%. Dr. %s would like to start carvedilol." % (x.n(30, 45), x.c(LAST)),
        "Your cholesterol (LDL %d) is higher than we'd like. Please start atorvastatin 20 mg." % x.n(150, 220),
        "This is a reminder to schedule your colonoscopy - your FIT test was positive.",
        "Your A1c was %.1f. Let's increase metformin to 1000 mg twice daily." % (x.n(72, 110) / 10),
        "Your knee MRI shows a torn meniscus. Dr. %s would like to discuss surgery." % x.c(LAST),
        "Your Pap result showed ASC-US with positive HPV; we recommend a colposcopy."]), x.full(st))
    when = x.fdate(x.past(1, 6), 3) + " at " + x.time()
    v = x.n(0, 2)
    if v == 0:
        reply = x.typo(x.c(["Thank you. Does this mean I have to stop the ibuprofen? And can I still drink coffee?",
                            "ok. can the prescription go to the walmart on 5th instead",
                            "I'm a little scared honestly. Can I talk to the doctor before I start anything?",
                            "Got it, thanks. I'll call Monday to schedule.",
                            "Can you send this to my wife too? She keeps track of my meds."]))
        text = reply + "\n\n" + x.c([pt[0].split()[0], "Sent from my iPhone", "-" + pt[0].split()[0][0], ""]) + "\n\n" + _quote(x, orig, x.full(st), when)
        return {"from": (x.full(pt), x.personal_email(pt)), "to": [(x.full(st), x.staff_email(st, dom))], "subject": "Re: " + x.c(["Your results", "Message from your care team", "Follow-up", "lab results"]),
                "text": text, "tokens": ["reply"], "in_reply_to": dom}
    fam = x.person()
    if v == 1:
        note = x.typo(x.c(["Mom - see below from your doctor. I'll drive you to the appointment.", "FYI this is what they sent about Dad. Can you call them?",
                           "Forwarding so you have it for the insurance.", "see below. what do you think?"]))
        text = "%s\n\n---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: Your results\nTo: %s\n\n%s" % (
            note, x.full(st), x.staff_email(st, dom), when, x.personal_email(pt), orig)
        return {"from": (x.full(pt), x.personal_email(pt)), "to": [(x.full(fam), x.personal_email(fam))], "subject": "Fwd: Your results", "text": text, "tokens": ["fwd"]}
    text = x.typo("%s\n\n%s\n\n%s" % (x.c(["Hi,", "Hello,", "Dr. " + st[1] + ","]),
                   x.c(["I'm %s's daughter and her health care proxy. She got confused after the new blood pressure pill and fell last night. Should she keep taking it?" % pt[0].split()[0],
                        "My husband %s is too tired to write. His fever came back (101.8) since the chemo on Tuesday. Do we go to the ER?" % pt[0].split()[0],
                        "Writing on behalf of my dad %s - he says the oxygen isn't lasting through the night. Can home health bring a concentrator?" % x.full(pt),
                        "My son %s has been throwing up since the antibiotic you prescribed. Can we switch?" % pt[0].split()[0]]),
                   x.full(fam)), 2)
    quoted = x.maybe(0.5)
    return {"from": (x.full(fam), x.personal_email(fam)), "to": [(x.full(st), x.staff_email(st, dom))], "subject": x.c(["Re: " + pt[0].split()[0], "urgent question", "question about my " + x.c(["mom", "dad", "husband", "son"]), "Re: follow up"]),
            "text": text + "\n\n" + _quote(x, orig, x.full(st), when) if quoted else text, "tokens": ["reply"] if quoted else []}


def ph_missed_appt(x):
    svc = x.c([("Dental Care", "periodontal surgery consult"), ("Physical Therapy", "post-op knee therapy session"), ("Behavioral Health", "intake assessment with our psychiatrist"),
               ("Recovery Center", "Suboxone induction visit"), ("Fertility Center", "day 3 monitoring ultrasound"), ("Eye Care", "glaucoma visual field test"),
               ("Hearing Center", "hearing aid fitting"), ("Dermatology", "Mohs surgery pre-op"), ("Imaging", "breast MRI"), ("Gastroenterology", "colonoscopy prep consultation"),
               ("Infusion Center", "Remicade infusion"), ("Dialysis", "dialysis treatment"), ("Women's Health", "prenatal visit (28 weeks)"), ("Sleep Center", "sleep apnea CPAP titration study")])
    org, dom = x.org(svc[0])
    pt = x.person()
    st, cred = x.staff(x.c(["cc", "uc", "home"]))
    d = x.past(0, 3)
    v = x.n(0, 2)
    if v == 0:
        text = "%s\n\nWe missed you at your %s on %s. %s Please call %s to reschedule.\n\n%s" % (
            greet(x, pt), svc[1], x.fdate(d, x.c([0, 3, 5])), x.c(["We hope everything is okay.", "Missed appointments may be subject to a $50 fee.", "It's important not to delay this care.", ""]),
            x.phone(), x.c(["Thank you,\n" + org, sig(x, st, cred, "Scheduling", org, dom)]))
    elif v == 1:
        text = "%s: You missed your %s %s. Reply 1 to reschedule or call %s. Reply STOP to opt out." % (org, svc[1], x.c(["today", "yesterday", "on " + x.fdate(d, 6)]), x.phone())
    else:
        text = "%s\n\nI tried calling you %s about the %s you missed. %s I'd hate for you to lose your spot.\n\n%s" % (
            greet(x, pt, False), x.c(["twice", "this morning", "yesterday"]), svc[1],
            x.c(["If transportation is the problem, we can set up a ride.", "If cost is the issue, ask me about our sliding scale.", "Is the new time still working for you?"]),
            sig(x, st, cred, "Care Coordinator", org, dom, True))
    m = {"from": (org, x.role_email(dom, ["scheduling", "appointments", "noreply", "frontdesk"])) if v < 2 else (x.full(st), x.staff_email(st, dom)),
         "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["We missed you", "Missed appointment", "Your %s" % svc[1], "Let's reschedule"]),
         "text": text + disclaim(x, 0.3) + (prefs_footer(x, org, dom, 0.4) if v == 0 else "")}
    if v == 0 and x.maybe(0.4):
        m["html"] = text_to_html(text)
    return m


def ph_procedure_ics(x):
    org, dom = x.org(x.c(["Surgery Center", "Eye Surgery Center", "Endoscopy Center", "Fertility Center", "Oral Surgery", "Pain Management"]))
    pt = x.person()
    st, cred = x.staff(x.c(["uc", "fert", "eye"]))
    proc = x.c(["Cataract surgery, right eye", "Colonoscopy (split prep)", "Egg retrieval", "Lumbar epidural steroid injection L4-5", "Wisdom tooth extraction under IV sedation",
                "Knee arthroscopy", "Embryo transfer", "Upper endoscopy (Barrett's surveillance)", "Vasectomy", "Carpal tunnel release"])
    d = x.future(3, 30)
    start = dt.datetime(d.year, d.month, d.day, x.c([6, 7, 8, 9, 10, 12, 13]), x.c([0, 30]))
    desc = "Patient: %s (DOB %s)\nProcedure: %s\n%s\nArrive 60 minutes early. %s" % (
        x.full(pt), x.fdate(x.dob_date(), 0), proc, x.c(["Nothing to eat or drink after midnight.", "Stop aspirin and fish oil 7 days before.", "Take your morning thyroid pill with a sip of water.", "Bring your trigger shot record."]),
        x.c(["A driver is required.", "Bring photo ID and insurance card.", ""]))
    ev = {"start": start, "minutes": x.c([45, 60, 90, 120]), "summary": x.c(["%s - %s" % (proc, x.full(pt)), proc, "%s: %s" % (pt[1].upper(), proc)]), "description": desc,
          "location": org + ", " + x.address(), "organizer": (x.full(st), x.staff_email(st, dom)), "attendees": [(x.full(pt), x.personal_email(pt))], "dom": dom, "alarm": 1440}
    text = x.c(["Your procedure is confirmed. Calendar invite attached.", "Please add the attached to your calendar.",
                "%s\n\nYou're scheduled for %s on %s. The attached invite has your prep instructions." % (greet(x, pt), proc.lower(), x.fdate(d, 3))]) + "\n\n" + org
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Invitation: " + proc, "Procedure confirmation", "Scheduled: " + x.fdate(d, 0)]),
            "text": text, "att": [("invite.ics", make_ics(x, [ev]))], "ics_inline": True}


def ph_see_attached(x):
    org, dom = x.org(x.c(["Medical Records", "Health Information", "Orthopedics", "Sleep Center", "Cardiology", "Allergy & Asthma", "Pain Clinic", "Speech Therapy"]))
    st = x.person()
    pt = x.person()
    kind = x.c(["pdf", "docx", "xlsx", "csv", "pdf"])
    detail = x.c(["Sleep study: AHI 34/h, severe obstructive sleep apnea. CPAP titration recommended.",
                  "Allergy testing: strongly positive to dust mite and cat; immunotherapy started.",
                  "Holter: paroxysmal atrial fibrillation, longest run 42 min. Start apixaban 5 mg BID.",
                  "Speech-language eval: expressive language delay; 2x/week therapy.",
                  "Pain contract signed; oxycodone 10 mg q6h prn, UDS consistent.",
                  "Neuropsych testing consistent with mild cognitive impairment, amnestic type."])
    lines = [org, "Records for: %s   DOB %s   %s" % (x.full(pt), x.fdate(x.dob_date(), 0), x.mrn()), "Date of service: " + x.fdate(x.past(1, 60), 0), "", detail, "",
             "Release authorized by patient on " + x.fdate(x.past(1, 20), 0)]
    if kind == "pdf":
        data = make_pdf(lines, "Records")
    elif kind == "docx":
        data = make_docx(["#" + lines[0]] + lines[1:])
    else:
        rows = [["Patient", "DOB", "DOS", "Result"], [x.full(pt), x.fdate(x.dob_date(), 1), x.fdate(x.past(1, 60), 1), detail]]
        data = make_xlsx(rows) if kind == "xlsx" else make_csv(rows)
    fname = x.c(["records_%s" % x.slug(pt[1]), "%s_%s" % (x.slug(pt[1]).upper(), x.slug(pt[0].split()[0])), "scan%04d" % x.n(1, 9999), "ROI_%d" % x.n(10000, 99999), "Document"]) + "." + kind
    rcv = x.person()
    text = x.c(["see attached", "Please see attached.", "Attached as requested.", "Here you go.", "Records attached - %s" % pt[1], "pls review attached", "FYI"]) + x.c(["", "\n\nThanks", "\n\n" + st[0].split()[0]])
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [(x.full(rcv), x.staff_email(rcv, x.org(x.c(["Medical Group", "Law", "Clinic"]))[1]))],
            "subject": x.c(["Records", "Requested records", "%s %s" % (pt[1], x.fdate(x.past(1, 60), 4)), "(no subject)", "Fw: scan", "ROI request"]),
            "text": text + disclaim(x, 0.6), "att": [(fname, data)]}


# ============================================================== CLEAN families
def _unsub(x, org):
    return "\n\n%s\nYou are receiving this because you subscribed to updates from %s. Unsubscribe: https://%s/u/%08x" % (
        x.c(["--", "_______________", ""]), org, x.c(["list-manage.com", "em.sendgrid.net", "click.hubspot.example", "mail.constantcontact.com"]), x.r.getrandbits(32))


def _cl_newsletter_a(x):
    org, dom = x.org(x.c(["Health", "Dental Group", "Behavioral Health", "Physical Therapy", "Eye Care", "Fertility Center", "Pediatrics", "Hospice"]))
    items = x.sample([
        ("5 signs your child's asthma isn't under control", "Night-time coughing, needing a rescue inhaler more than twice a week, and missing school are common clues. Talk with your child's doctor about an asthma action plan."),
        ("Is it a cold or strep throat?", "Strep usually comes on fast with fever and no cough. A rapid test takes minutes."),
        ("Understanding glaucoma", "Glaucoma often has no symptoms until vision is lost. Adults over 40 should have a dilated eye exam every 1-2 years."),
        ("Gum disease and your heart", "Researchers continue to study the link between periodontitis and cardiovascular disease. Regular cleanings are your best defense."),
        ("When to consider IVF", "Couples under 35 are typically advised to see a specialist after 12 months of trying; over 35, after 6 months."),
        ("Coping with grief during the holidays", "Grief can feel heavier this time of year. Our bereavement support group meets the first Tuesday of each month."),
        ("Rotator cuff tears: surgery or therapy?", "Many partial tears improve with 6-12 weeks of physical therapy. Your therapist will build a plan around your goals."),
        ("Signs of depression in teens", "Irritability, withdrawal from friends, and changes in sleep can all point to depression. If you're worried, reach out - and call or text 988 in a crisis."),
        ("Hearing loss and dementia risk", "Studies suggest treating hearing loss may reduce the risk of cognitive decline."),
        ("Sunscreen myths, debunked", "SPF 30 blocks about 97% of UVB rays. Reapply every 2 hours. Any new or changing mole deserves a skin check."),
        ("Opioid overdose: what to know about naloxone", "Naloxone is now available without a prescription at most pharmacies."),
        ("Back pain at your desk", "Micro-breaks every 30 minutes and a chair at the right height can make a real difference."),
    ], x.n(2, 4))
    text = "%s\n%s\n\n%s\n\n%s" % (org + " " + x.c(["Newsletter", "Health Digest", "Wellness Update", "Monthly"]), x.now.strftime("%B %Y"),
                                   "\n\n".join("%s\n%s\nRead more: https://%s/blog/%d" % (t, b, dom, x.n(100, 999)) for t, b in items),
                                   x.c(["This newsletter is for general information and is not a substitute for medical advice.", "Stay well!", "Questions? Ask your provider at your next visit."]))
    text += _unsub(x, org)
    html = text_to_html(text, '<div style="background:#2e7d32;color:#fff;padding:16px;font-size:22px">%s</div>' % xesc(org))
    return {"from": (org, x.role_email(dom, ["newsletter", "news", "hello", "marketing"])), "to": [x.colleague(x.c(PERSONAL_DOMAINS))] if x.maybe(0.6) else ["undisclosed-recipients:;"],
            "subject": x.c([items[0][0], org + " | " + x.now.strftime("%B") + " newsletter", "This month: " + items[0][0].lower(), "Your health digest"]),
            "text": text, "html": html if x.maybe(0.8) else None}


def _cl_drug_ad_a(x):
    prod = x.c([("ZELVORA (tofacinib-x)", "moderate-to-severe plaque psoriasis", "serious infections, including tuberculosis"),
                ("Respiflo HFA", "asthma maintenance in patients 12 and older", "paradoxical bronchospasm"),
                ("NexaHear 7", "mild-to-moderate hearing loss", "not for use in children under 12"),
                ("ClearView Toric IOL", "cataract patients with astigmatism", "glare and halos"),
                ("Ovitra pen (follitropin)", "ovarian stimulation in ART", "ovarian hyperstimulation syndrome (OHSS)"),
                ("Sublocane ER", "opioid use disorder", "respiratory depression when combined with benzodiazepines"),
                ("DermaBright 0.1%", "acne vulgaris", "skin irritation and photosensitivity"),
                ("GlucoSense CGM", "diabetes management", "skin reactions at the sensor site")])
    maker = x.c(["Alvarion Pharmaceuticals", "Meridia Therapeutics", "Corvalent Health", "Nuvexa Medical", "Halcyon Bio"])
    dom = x.slug(maker.split()[0]) + x.c(["hcp.com", ".com", "-pro.com"])
    text = "%s\n\n%s is indicated for %s.\n\n%s\n\nIMPORTANT SAFETY INFORMATION\n%s can cause %s. Tell your patients to report symptoms promptly. See full Prescribing Information, including Boxed Warning.\n\n%s" % (
        x.c(["Dear Healthcare Professional,", "Doctor,", "For U.S. healthcare professionals only", "Hello,"]), prod[0], prod[1],
        x.c(["In the pivotal trial, 68% of patients achieved the primary endpoint at week 16 vs 12% with placebo.",
             "Request samples or a lunch-and-learn with your local representative.",
             "Now with expanded coverage: 82% of commercial lives at preferred tier.",
             "Eligible patients may pay as little as $0 with the copay card."]), prod[0].split()[0], prod[2],
        "(c) %d %s. All rights reserved. %s-%05d" % (x.now.year, maker, x.c(["US", "PP", "MED"]), x.n(0, 99999)))
    text += _unsub(x, maker)
    html = text_to_html(text, '<div style="background:#4a148c;color:#fff;padding:20px"><h1 style="margin:0">%s</h1></div>' % xesc(prod[0]))
    return {"from": (maker, x.role_email(dom, ["info", "medinfo", "hcp", "news"])), "to": [x.colleague(x.org("Clinic")[1])],
            "subject": x.c(["Now available: " + prod[0], "New data for %s" % prod[1], "Samples available for your practice", prod[0].split()[0] + ": what your patients need to know"]),
            "text": text if x.maybe(0.5) else None, "html": html}


def _cl_wellness_a(x):
    org, dom = x.org(x.c(["Wellness Spa", "Yoga Studio", "Fitness", "Mindfulness", "Nutrition Coaching", "Med Spa"]))
    text = "%s\n\n%s\n\n%s\n\n%s" % (
        x.c(["Hi there,", "Hey friend,", "Hello!", "Dear member,"]),
        x.c(["Feeling stressed, anxious, or stuck? Our 6-week Calm Mind program uses breathwork and CBT-inspired tools to help you sleep better.",
             "Back pain slowing you down? Our new Core & Spine class was designed with a physical therapist.",
             "Ready to reset? Our January detox (which we promise won't cure anything, but is delicious) starts Monday.",
             "Botox, fillers and laser resurfacing are 20% off this month for members.",
             "Trying to conceive? Join our fertility-friendly yoga series led by a certified doula.",
             "Give your ears a break: our sound-bath sessions are back on Thursdays."]),
        x.c(["Use code WELL%d at checkout." % x.n(10, 40), "Spots are limited - book online.", "Bring a friend for free!"]),
        x.c(["Namaste,", "See you soon!", "- The team at " + org]))
    text += _unsub(x, org)
    return {"from": (org, x.role_email(dom, ["hello", "team", "studio", "promo"])), "to": [x.colleague(x.c(PERSONAL_DOMAINS))],
            "subject": x.c(["Your anxiety called - it wants a break", "20% off this week", "New class: Core & Spine", "Sleep better in 6 weeks", "Treat yourself"]),
            "text": text, "html": text_to_html(text) if x.maybe(0.7) else None}


def _cl_cme_a(x):
    org = x.c(["Society of Allied Health Professionals", "Regional Dental Association", "State Hospice & Palliative Care Org", "Academy of Optometry Northwest",
               "Behavioral Health Leadership Forum", "Mountain States Audiology Conference", "Pediatric Nurses Alliance", "Occupational Health Symposium"])
    dom = "".join(w[0] for w in org.split()).lower() + ".org"
    d = x.future(14, 120)
    topic = x.c(["Managing Opioid Use Disorder in Primary Care", "Advances in Diabetic Retinopathy Screening", "Trauma-Informed Care for Children",
                 "Pain Management at End of Life", "Implant Complications: Case-Based Review", "Tinnitus: Evidence-Based Approaches", "Return-to-Work Best Practices"])
    speaker = x.person(0)
    text = "%s\n\nJoin us for \"%s\" presented by %s, %s, on %s at %s.\n\n%s\n\nCredit: %.1f %s\nRegister: https://%s/events/%d\n\n%s" % (
        x.c(["Dear colleague,", "Hello members,", "Save the date!", "Greetings,"]), topic, x.full(speaker), x.c(["MD", "PhD", "DDS", "AuD", "DPT", "RN, MSN"]),
        x.fdate(d, 3), x.time(), x.c(["Case discussions will use de-identified examples only.", "Breakfast included. Posters accepted through the 15th.",
                                      "Learning objectives: recognize, assess, and manage common presentations; apply current guidelines.", "Early-bird pricing ends soon."]),
        x.c([1.0, 1.5, 2.0, 6.5]), x.c(["AMA PRA Category 1 Credit(s)", "CE hours", "CEUs", "contact hours"]), dom, x.n(100, 999),
        x.c(["Questions: education@" + dom, "Accreditation statement available on request."]))
    m = {"from": (org, "education@" + dom), "to": [x.colleague(x.org("Clinic")[1])], "subject": x.c(["CME: " + topic, "Invitation: " + topic, "Save the date - " + x.fdate(d, 3), "Webinar: " + topic]), "text": text}
    if x.maybe(0.6):
        m["att"] = [("event.ics", make_ics(x, [{"start": dt.datetime(d.year, d.month, d.day, 12, 0), "minutes": 90, "summary": topic, "description": "CME webinar. Join link in your confirmation email.",
                                                "location": x.c(["Online", "Hyatt Regency Ballroom B", "Zoom"]), "organizer": (org, "education@" + dom), "dom": dom}], "PUBLISH"))]
    elif x.maybe(0.5):
        m["html"] = text_to_html(text)
    return m


def _cl_job_a(x):
    org, dom = x.org(x.c(["Home Health", "Hospice", "Behavioral Health", "Rehab Services", "Dental Group", "Urgent Care", "School District"]))
    role = x.c(["Hospice RN Case Manager", "Home Health PT", "Licensed Clinical Social Worker", "Registered Dental Hygienist", "Occupational Therapist (pediatrics)",
                "School Nurse (RN)", "Substance Use Counselor (LADC)", "Urgent Care PA-C", "Audiologist", "Ophthalmic Technician"])
    text = "%s\n\nWe're hiring: %s - %s\n\n%s\n\nWhat you'll do:\n%s\n\nPay: $%d-$%d/hr, %s\n\nApply: https://careers.%s/%d\n\n%s" % (
        x.c(["Hi there,", "Hello,", "Are you looking for your next role?", "Hi " + x.c(FIRST) + ","]), role, x.c(["full time", "per diem", "part time, 0.6 FTE", "travel 13 weeks"]),
        x.c(["Manage a caseload of 12-15 patients in their homes.", "Join a team that treats anxiety, depression and trauma in adults and teens.",
             "See 8-10 patients per day in a modern practice.", "Support students with asthma, diabetes and seizure plans across two campuses."]),
        "\n".join("- " + s for s in x.sample(["perform admissions and recertification visits", "document in HCHB/EPIC", "coordinate with the interdisciplinary team",
                                                 "provide individual and group therapy", "administer medications per protocol", "complete OASIS assessments",
                                                 "conduct hearing evaluations", "perform periodontal charting", "educate families on care plans"], 3)),
        x.n(28, 45), x.n(46, 75), x.c(["sign-on bonus $5,000", "mileage reimbursed", "CEU allowance", "4x10 schedule"]), dom, x.n(1000, 9999),
        x.c(["Recruiting Team", "Talent Acquisition | " + org, x.full(x.person()) + ", Recruiter"]))
    m = {"from": (x.c(["Careers at ", "Recruiting - ", ""]) + org, x.role_email(dom, ["careers", "jobs", "recruiting", "talent"])), "to": [x.colleague(x.c(PERSONAL_DOMAINS))],
         "subject": x.c(["Now hiring: " + role, role + " opening", "Job alert: " + role, "Interested in a " + role + " position?"]), "text": text + disclaim(x, 0.3),
         "html": text_to_html(text) if x.maybe(0.4) else None}
    if x.maybe(0.4):
        m["att"] = [("%s_job_description.docx" % x.slug(role)[:20], make_docx(["#" + role, org, ""] + text.split("\n\n")[1:-1]))]
    return m


def cl_invoice(x):
    vend = x.c(["Patterson-Lakes Dental Supply", "MedLine Direct Wholesale", "Henrix Medical", "OptiLab Supply Co.", "HearTech Distributors", "CareFlow Home Medical Equipment", "Summit Surgical Supply"])
    vdom = x.slug(vend.split()[0]) + "supply.com"
    org, dom = x.org(x.c(["Dental Care", "Home Health", "Eye Care", "Physical Therapy", "Urgent Care", "Dermatology"]))
    items = x.sample([("Nitrile exam gloves, M (box 100)", 7.95), ("Glucose test strips (50)", 18.40), ("Sharps container 2 gal", 6.10), ("Composite A2 syringe", 42.00),
                      ("Hearing aid batteries size 312 (60)", 21.50), ("Trial lens set", 389.00), ("Theraband roll, green", 54.00), ("Suture 4-0 nylon (12)", 36.75),
                      ("Alcohol prep pads (200)", 4.20), ("Nebulizer kit", 3.85), ("Wound dressing, foam 4x4 (10)", 29.90), ("Walker, folding, adult", 48.00),
                      ("Naloxone training device", 12.00), ("Urine drug test cup, 12-panel (25)", 87.50), ("Liquid nitrogen dewar refill", 65.00)], x.n(3, 7))
    rows = [["SKU", "Description", "Qty", "Unit price", "Amount"]]
    tot = 0
    for d, p in items:
        q = x.n(1, 24)
        tot += q * p
        rows.append(["%s-%05d" % (x.c(["MD", "DS", "HT", "SS"]), x.n(0, 99999)), d, q, p, round(q * p, 2)])
    rows.append(["", "TOTAL", "", "", round(tot, 2)])
    inv = "INV-%d%05d" % (x.now.year, x.n(0, 99999))
    kind = x.c(["pdf", "xlsx", "csv", "pdf"])
    if kind == "pdf":
        lines = [vend, "INVOICE " + inv, "Bill to: " + org, "Ship to: " + x.address(), "PO: %d   Terms: Net 30" % x.n(10000, 99999), ""] + \
                ["%-10s %-40s %4s %10s %10s" % tuple(str(c) for c in r) for r in rows]
        data = make_pdf(lines, "Invoice " + inv)
    elif kind == "xlsx":
        data = make_xlsx(rows, "Invoice")
    else:
        data = make_csv(rows)
    text = "%s\n\n%s %s for $%.2f%s. %s\n\n%s" % (
        x.c(["Hello,", "Dear Accounts Payable,", "Hi " + x.c(FIRST) + ","]), x.c(["Attached is invoice", "Please find attached invoice", "Here is invoice"]), inv, tot,
        x.c(["", " (due %s)" % x.fdate(x.future(20, 30), 0)]),
        x.c(["Payment is due within 30 days.", "Backordered items will ship separately.", "Thank you for your order.", "Patient-specific DME orders are billed separately."]),
        x.c(["Accounts Receivable\n" + vend, vend + " | " + x.phone()]))
    return {"from": (vend + " Billing", "ar@" + vdom), "to": ["ap@" + dom], "subject": x.c(["Invoice " + inv, "Your invoice from " + vend, inv + " - " + org, "Statement attached"]),
            "text": text + disclaim(x, 0.3), "att": [("%s.%s" % (inv, kind), data)]}


def cl_vendor(x):
    vend = x.c(["ChartLoop EHR", "DentiSoft Practice Manager", "TheraNote", "ClearClaims RCM", "Hospicera", "OptiChart", "RecoverWare", "KinderChart Pediatrics"])
    vdom = x.slug(vend.split()[0]) + ".com"
    v = x.n(0, 2)
    if v == 0:
        text = "%s\n\n%s %s release notes (%s):\n\n%s\n\n%s" % (
            x.c(["Hello practice administrators,", "Hi there,", "Dear customer,"]), vend, "v%d.%d" % (x.n(3, 12), x.n(0, 20)), x.fdate(x.future(3, 20), 3),
            "\n".join("- " + s for s in x.sample(["New progress-note template for PT/OT with goal tracking", "Faster e-prescribing of controlled substances (EPCS)",
                                                     "Recall reminders can now include the procedure name (off by default)", "42 CFR Part 2 consent flags on SUD encounters",
                                                     "Fixed: ICD-10 F32.A not mapping to claims", "Patient portal now shows visit summaries within 24 hours",
                                                     "Improved audiogram import from Otosuite", "Hospice IDT notes can be co-signed"], 4)),
            x.c(["Scheduled maintenance: Sunday 1-3 AM ET.", "Training webinar Thursday at noon.", "Reply to this email to reach your customer success manager."]))
        subj = "%s release notes" % vend
    elif v == 1:
        tp = x.c([("TEST, PATIENT", "01/01/1900"), ("ZZTEST, MICKEY", "1/1/2000"), ("Sandbox, Patient One", "1980-01-01"), ("DEMO, JANE", "07/04/1976")])
        text = "%s\n\nYour interface is live in the test environment. We sent ADT^A04 and ORU^R01 messages for the synthetic test patient %s (DOB %s, MRN TEST0001) with a sample result of 'HbA1c 13.9 %%' and diagnosis E11.65. These are fabricated values for validation only - no real patient data.\n\nPlease confirm the results filed to the test chart.\n\n%s\nImplementation Engineer, %s" % (
            x.c(["Hi team,", "Hello,"]), tp[0], tp[1], x.full(x.person()), vend)
        subj = x.c(["Test messages sent", "Interface testing - synthetic patient", "Sandbox validation"])
    else:
        text = "%s\n\nPractices using %s saw %d%% fewer no-shows with automated reminders. Want to see how %s can help your %s practice? Book a 20-minute demo.\n\n%s" % (
            x.c(["Hi Doctor,", "Hi,", "Practice manager,"]), vend, x.n(18, 45), vend, x.c(["dental", "therapy", "hospice", "optometry", "behavioral health", "pediatric"]),
            x.full(x.person()) + "\nAccount Executive, " + vend)
        subj = x.c(["Cut no-shows by 30%", "Quick question about your scheduling", "Demo: " + vend])
    return {"from": (vend, x.role_email(vdom, ["support", "product", "sales", "notifications"])), "to": [x.colleague(x.org("Clinic")[1])], "subject": subj,
            "text": text + disclaim(x, 0.5), "html": text_to_html(text) if x.maybe(0.3) else None}


def cl_quality(x):
    org, dom = x.org(x.c(["Health System", "Home Health", "Behavioral Health", "Rehab Network", "Community Health Center", "ACO"]))
    st = x.person()
    measures = x.sample([("30-day readmission rate", "%.1f%%"), ("Patients with A1c > 9", "%.1f%%"), ("Depression screening completed", "%.1f%%"),
                         ("Hospice visits in last 3 days of life", "%.1f%%"), ("PT goals met at discharge", "%.1f%%"), ("Falls with injury per 1000 pt days", "%.2f"),
                         ("No-show rate", "%.1f%%"), ("Average HbA1c", "%.1f"), ("Mammography screening", "%.1f%%"), ("MAT retention at 90 days", "%.1f%%")], x.n(4, 7))
    rows = [["Measure", "Q1", "Q2", "Q3", "Target", "Denominator"]]
    for name, f in measures:
        rows.append([name] + [f % (x.n(20, 900) / 10) for _ in range(3)] + [f % (x.n(20, 900) / 10), x.n(120, 9800)])
    kind = x.c(["xlsx", "pdf", "html", "csv"])
    intro = x.c(["Attached is the quarterly quality dashboard. All figures are aggregate; no patient-level data included.", "Q3 outcome summary below for the board packet.",
                 "Here are the clinic-level numbers for the %s meeting. Cells under 11 are suppressed." % x.c(["QAPI", "quality committee", "MEC"])])
    m = {"from": (x.full(st), x.staff_email(st, dom)), "to": ["quality-committee@" + dom], "subject": x.c(["Quarterly quality dashboard", "Q3 outcomes", "QAPI metrics", "Outcome report - aggregate"])}
    if kind == "html":
        m["html"] = text_to_html(intro, extra_bottom=html_table(rows) + "<p>%s</p>" % xesc(x.full(st)))
        m["tokens"] = ["htmltable"]
    else:
        m["text"] = intro + "\n\n" + x.full(st) + "\nQuality Analyst"
        data = make_xlsx(rows, "Dashboard") if kind == "xlsx" else make_csv(rows) if kind == "csv" else make_pdf([org + " Quality Dashboard", ""] + ["  |  ".join(str(c) for c in r) for r in rows], "Dashboard")
        m["att"] = [("quality_dashboard_Q%d.%s" % (x.n(1, 4), kind), data)]
    m["text"] = (m.get("text") or None)
    if m["text"]:
        m["text"] += disclaim(x, 0.5)
    return m


def cl_schedule(x):
    org, dom = x.org(x.c(["Dental Group", "Physical Therapy", "Home Health", "Hospice", "Urgent Care", "Imaging", "Counseling Center"]))
    st = x.person()
    staff = [x.person(0) for _ in range(x.n(4, 8))]
    base = x.future(1, 14)
    base -= dt.timedelta(days=base.weekday())
    days = [base + dt.timedelta(days=i) for i in range(5)]
    rows = [["Staff", "Role"] + [d.strftime("%a %m/%d") for d in days]]
    for p in staff:
        rows.append([x.full(p), x.c(["RN", "PT", "Hygienist", "MA", "LCSW", "Front desk", "Rad Tech", "PA-C"])] + [x.c(["7a-3p", "8a-5p", "OFF", "On call", "12p-8p", "PTO"]) for _ in days])
    kind = x.c(["xlsx", "csv", "html", "ics"])
    intro = x.c(["Here is next week's schedule. Swaps need manager approval.", "On-call rotation below.", "Updated coverage - " + x.c(FIRST) + " is out Wednesday.", "Schedule attached, please review."])
    m = {"from": (x.full(st), x.staff_email(st, dom)), "to": ["allstaff@" + dom], "subject": x.c(["Staff schedule week of " + x.fdate(days[0], 4), "On-call rotation", "Coverage next week", "Schedule updated"])}
    if kind == "html":
        m["html"] = text_to_html(intro, extra_bottom=html_table(rows))
        m["tokens"] = ["htmltable"]
    elif kind == "ics":
        p = x.c(staff)
        m["text"] = intro + "\n\n" + st[0].split()[0]
        m["att"] = [("oncall.ics", make_ics(x, [{"start": dt.datetime(d.year, d.month, d.day, 17, 0), "minutes": 900, "summary": "On call: " + x.full(x.c(staff)),
                                                 "description": "Pager %d. Escalate to the medical director after 2 attempts." % x.n(1000, 9999), "dom": dom} for d in days[:3]], "PUBLISH"))]
    else:
        m["text"] = intro + "\n\n" + st[0].split()[0]
        m["att"] = [("schedule.%s" % kind, make_xlsx(rows, "Schedule") if kind == "xlsx" else make_csv(rows))]
    return m


def cl_facility(x):
    org, dom = x.org(x.c(["Medical Plaza", "Health Center", "Dental Group", "Rehab Hospital", "Hospice House", "Imaging"]))
    st = x.person()
    text = "%s\n\n%s\n\n%s" % (x.c(["All staff,", "Team,", "Good morning everyone,", "Hi all -"]), x.c([
        "The east parking lot will be closed %s for resurfacing. Please park in the garage; patients may use the valet at the main entrance." % x.fdate(x.future(2, 10), 5),
        "Fire drill scheduled for %s at %s. Patients in the treatment rooms do not need to evacuate for the drill." % (x.fdate(x.future(1, 9), 5), x.time()),
        "Staff flu shots are available in Employee Health Mon-Fri 7-9 AM. Declination forms are due by the 30th.",
        "The autoclave in sterilization room 2 is down. Use room 1 until the tech arrives Thursday.",
        "Reminder: annual HIPAA and bloodborne pathogen training must be completed in the LMS by %s." % x.fdate(x.future(5, 30), 3),
        "Elevator B will be out of service for inspection. Wheelchair patients should be routed to elevator A.",
        "The water will be shut off Saturday 6 AM-noon. The dialysis unit has been notified and has its own supply."]),
        sig(x, st, "", x.c(["Facilities Manager", "Practice Administrator", "Office Manager", "Director of Operations"]), org, dom, x.maybe(0.4)))
    m = {"from": (x.full(st), x.staff_email(st, dom)), "to": ["allstaff@" + dom], "subject": x.c(["Parking closure", "Fire drill", "Facility notice", "FYI - building", "Reminder: training due", "Water shutoff"]),
         "text": x.typo(text, x.n(0, 1)) + disclaim(x, 0.4)}
    if x.maybe(0.35):
        m["att"] = [("memo_%s.%s" % (x.now.strftime("%Y%m%d"), "docx"), make_docx(["#MEMO", "To: All staff", "From: " + x.full(st), "Date: " + x.fdate(x.now.date(), 3), ""] + text.split("\n\n")[1:2]))]
    return m


def cl_ooo(x):
    kind = x.c(["dental", "bh", "rehab", "home", "aud", "derm", "peds", "occ", "wc", "cc", "eye"])
    org, dom = x.org(x.c(["Clinic", "Associates", "Health", "Care"]))
    p, cred = x.staff(kind)
    back = x.future(2, 14)
    cov = x.person(0)
    text = "%s\n\n%s\n\n%s" % (
        x.c(["Thank you for your email.", "Hello,", "Automatic reply:", "Hi,"]),
        x.c(["I am out of the office until %s with limited access to email. For urgent patient matters please contact %s at %s. If this is a medical emergency, call 911." % (x.fdate(back, 3), x.full(cov), x.phone()),
             "I'm away at a conference and will respond when I return on %s. For scheduling, please call the front desk." % x.fdate(back, 5),
             "I am on leave and not checking messages. Clients: if you are in crisis, call or text 988 or go to your nearest emergency room. For prescription refills, contact Dr. %s." % x.c(LAST),
             "I'm out in the field seeing patients today and may not reply until evening. Case managers: referrals go to intake@%s." % dom]),
        x.full(p) + ", " + cred)
    return {"from": (x.full(p), x.staff_email(p, dom)), "to": [x.colleague(x.org("Medical Group")[1])], "subject": x.c(["Automatic reply: ", "Out of Office: ", "OOO Re: ", "Autoreply: "]) + x.c(["Referral", "question", "records", "follow up", "patient update", "Schedule"]),
            "text": text + disclaim(x, 0.5), "headers": [("Auto-Submitted", "auto-replied")]}


def _cl_survey_a(x):
    org, dom = x.org(x.c(["Health", "Health System", "Medical Group", "Health Partners"]))
    p = x.person()
    text = "%s\n\n%s\n\n%s\n\n%s" % (greet(x, p, x.maybe(0.3)), x.c([
        "We value your feedback. Please take 3 minutes to tell us about your recent experience with %s." % org,
        "How did we do? Your answers help us improve scheduling, parking and communication.",
        "You recently interacted with %s. Would you recommend us to a friend? Rate us from 0 to 10." % org]),
        "Take the survey: https://survey.%s/s/%010d" % (dom, x.n(0, 10 ** 10 - 1)),
        x.c(["Responses are confidential and will not be added to your record.", "This survey is administered by Press Ganey on behalf of " + org + ".", "Thank you!"]))
    return {"from": (org + " Patient Experience", x.role_email(dom, ["survey", "feedback", "experience"])), "to": [(x.full(p), x.personal_email(p))],
            "subject": x.c(["How did we do?", "Tell us about your experience", "We'd love your feedback", "A quick survey from " + org]), "text": text, "html": text_to_html(text) if x.maybe(0.7) else None}


def _cl_portal_a(x):
    org, dom = x.org(x.c(["Health", "Medical Group", "Health Partners", "Clinics"]))
    p = x.person()
    what = x.c(["You have a new message in your patient portal.", "A new document is available in your portal.", "Your care team has sent you a secure message.",
                "Your statement is ready to view.", "A new letter has been posted to your account."])
    text = "%s\n\n%s Please log in at https://mychart.%s to view it.\n\n%s\n\n%s" % (greet(x, p, False), what, dom, x.c(["Do not reply to this email; this mailbox is not monitored.",
                                                                                                               "Forgot your password? Use the reset link on the sign-in page.", ""]), org)
    return {"from": (org + " Portal", x.role_email(dom, ["noreply", "donotreply", "mychart-noreply", "notifications"])), "to": [(x.full(p), x.personal_email(p))],
            "subject": x.c(["New message in your portal", "You have a new message", "New document available", "Secure message notification", "Action needed: log in to view"]),
            "text": text, "html": text_to_html(text) if x.maybe(0.5) else None}


def cl_open_slots(x):
    kind, svc = x.c([("Dental Group", "cleanings and exams"), ("Physical Therapy", "new patient evaluations"), ("Eye Care", "annual eye exams"),
                     ("Hearing Center", "free hearing screenings"), ("Dermatology", "full-body skin checks"), ("Counseling Center", "new client intakes"),
                     ("Imaging", "screening mammograms"), ("Urgent Care", "sports physicals"), ("Pediatrics", "well-child visits")])
    org, dom = x.org(kind)
    fmt = x.c([0, 5, 6])
    rows = [["Day", "Time", "Provider"]] + [[x.fdate(d, fmt), x.time(), x.c(["Dr. ", ""]) + x.full(x.person(0))] for d in sorted(x.future(1, 10) for _ in range(x.n(3, 7)))]
    intro = "%s\n\nWe have openings for %s over the next two weeks due to cancellations. %s Call %s or book online." % (
        x.c(["Hello neighbors,", "Hi everyone,", "Good news!", "Dear valued patients,"]), svc, x.c(["Most insurance accepted.", "New patients welcome.", "Evening slots available.", ""]), x.phone())
    m = {"from": (org, x.role_email(dom, ["frontdesk", "info", "scheduling", "hello"])), "to": ["undisclosed-recipients:;"] if x.maybe(0.6) else ["patients@lists." + dom],
         "subject": x.c(["Openings this week", "Last-minute availability", "Appointments available", "Open slots: " + svc])}
    if x.maybe(0.5):
        m["html"] = text_to_html(intro, extra_bottom=html_table(rows))
        m["tokens"] = ["htmltable"]
        if x.maybe(0.5):
            m["text"] = intro + "\n\n" + "\n".join("  ".join(r) for r in rows[1:])
    else:
        m["text"] = intro + "\n\n" + "\n".join(" - ".join(r) for r in rows[1:]) + "\n\n" + org
    return m


def _cl_coding_a(x):
    auth = x.c(["Coding Corner", "RCM Insights", "Billing Bulletin", "CDI Weekly"])
    dom = x.slug(auth) + ".com"
    ex = x.c([("A 58-year-old patient presents for follow-up of type 2 diabetes with diabetic chronic kidney disease stage 3a.", "E11.22 + N18.31"),
              ("A hospice patient with end-stage COPD and chronic respiratory failure with hypoxia.", "J44.9 is not sufficient; use J96.11 with J44.9"),
              ("A child seen by the school nurse for an asthma exacerbation, mild intermittent.", "J45.21"),
              ("A PT re-evaluation after total knee arthroplasty.", "97164 with Z96.651 and Z47.1"),
              ("A patient in an opioid treatment program on methadone maintenance, in remission.", "F11.21 with Z79.891"),
              ("A 34-year-old undergoing IVF for tubal factor infertility.", "N97.1"),
              ("Bilateral sensorineural hearing loss in an adult.", "H90.3 plus 92557")])
    text = "%s\n\nScenario: %s\nCorrect coding: %s\n\n%s\n\nThis scenario is hypothetical and for educational purposes only.\n\n%s" % (
        x.c(["This week's coding tip", "Q&A from our readers", "Documentation tip"]), ex[0], ex[1],
        x.c(["Remember to document laterality and stage.", "Payers are denying claims that list symptoms when a definitive diagnosis is documented.",
             "Time-based codes require documentation of total minutes.", "Use Z codes to capture social determinants of health."]), auth)
    return {"from": (auth, "editor@" + dom), "to": [x.colleague(x.org("Billing")[1])], "subject": x.c(["Coding tip: ", "Q&A: ", "Are you coding this right? "]) + ex[1].split()[0],
            "text": text + _unsub(x, auth), "html": text_to_html(text) if x.maybe(0.3) else None}


def cl_deid(x):
    org, dom = x.org(x.c(["Research Institute", "Health Analytics", "Data Core", "Outcomes Research"]))
    st, cred = x.staff(x.c(["cc", "bh", "rehab"]))
    synthetic = x.maybe(0.4)
    rows = [["study_id", "age_band", "sex", "zip3", "dx_group", "visits", "outcome"]]
    for i in range(x.n(8, 20)):
        rows.append(["S%04d" % (i + 1), x.c(["18-29", "30-44", "45-64", "65+"]), x.c(["F", "M"]), x.c(["984", "871", "741", "000"]),
                     x.c(["anxiety", "OUD", "knee OA", "T2DM", "hearing loss", "infertility"]), x.n(1, 30), x.c(["improved", "no change", "worse", "lost to follow-up"])])
    if synthetic:
        rows[0][0] = "synthetic_id"
        text = "%s\n\nAttached is the Synthea-generated test dataset for the dashboard build. These are synthetic records - no real people. Feel free to share with the vendor.\n\n%s" % (x.c(["Hi all,", "Team,"]), x.full(st))
    else:
        text = "%s\n\nAttached is the de-identified extract (Safe Harbor: no names, dates collapsed to year, 3-digit ZIP, ages 90+ aggregated) for the %s study. %s\n\n%s" % (
            x.c(["Dr. " + x.c(LAST) + ",", "Hi,", "Hello team,"]), x.c(["PT outcomes", "MAT retention", "hearing aid adoption", "telehealth utilization"]),
            x.c(["Expert determination memo on file.", "Small cells (<11) were suppressed.", "IRB #%d-%04d." % (x.now.year, x.n(0, 9999))]), sig(x, st, cred, "Data Analyst", org, dom, True))
    kind = x.c(["csv", "xlsx"])
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [x.colleague(dom)], "subject": x.c(["De-identified extract", "Synthetic test data" if synthetic else "Limited extract - deidentified", "Dataset v%d" % x.n(2, 9)]),
            "text": text, "att": [("%s_%s.%s" % ("synthetic" if synthetic else "deid", x.now.strftime("%Y%m%d"), kind), make_xlsx(rows) if kind == "xlsx" else make_csv(rows))]}


def _cl_vet_a(x):
    org, dom = x.org(x.c(["Animal Hospital", "Veterinary Clinic", "Pet Care", "Vet Dental & Surgery"]))
    owner = x.person()
    pet = x.c(["Biscuit", "Luna", "Max", "Bella", "Tank", "Pickles", "Mochi", "Rocky", "Hope", "Major", "Ginger", "Buddy"])
    sp = x.c(["dog", "cat", "rabbit", "senior dog", "kitten"])
    st = x.person()
    dom = x.slug(org.split()[0]) + x.c(["vet.com", "animalhospital.com", "pets.com", "vetclinic.net"])
    text = "%s\n\n%s\n\n%s" % (greet(x, owner) + "\n\nRe: %s (%s)" % (pet, sp), x.c([
        "%s is due for a dental cleaning - we saw grade 2 periodontal disease and one fractured premolar that may need extraction. Please withhold food after 10 PM the night before." % pet,
        "%s's bloodwork came back: glucose 412 and glucosuria, consistent with diabetes. We'd like to start insulin (Vetsulin 2 units twice daily) and recheck a curve in 1 week." % pet,
        "Reminder: %s is due for rabies and DHPP boosters. Heartworm test is also due." % pet,
        "%s's biopsy showed a low-grade mast cell tumor with clean margins. No chemotherapy needed; recheck in 3 months." % pet,
        "%s is recovering well from the TPLO surgery. Keep the cone on and limit stairs; start the carprofen tomorrow morning." % pet,
        "We missed %s at the hip X-ray appointment today. Please call to reschedule." % pet]),
        sig(x, st, "DVM" if x.maybe(0.5) else "CVT", x.c(["Veterinarian", "Veterinary Technician", "Client Services"]), org, dom))
    m = {"from": (org, x.role_email(dom, ["frontdesk", "care", "reminders", "info"])), "to": [(x.full(owner), x.personal_email(owner))],
         "subject": x.c(["%s's results" % pet, "Reminder for %s" % pet, "Update on %s" % pet, "%s - follow up" % pet]), "text": text + disclaim(x, 0.3)}
    if x.maybe(0.3):
        m["att"] = [("%s_invoice.pdf" % x.slug(pet), make_pdf([org, "Client: " + x.full(owner), "Patient: %s (%s)" % (pet, sp), "", "Exam  $68.00", "CBC/Chem panel  $142.00", "Total  $210.00"], "Invoice"))]
    return m


def _cl_insurance_quote_a(x):
    co = x.c(["Harborline Mutual", "Keystone Life & Casualty", "Pioneer Auto Insurance", "Clearwater Dental Plans", "BrightPath Vision Plans"])
    dom = x.slug(co.split()[0]) + "ins.com"
    p = x.person()
    dob = x.dob_date(1950, 2002)
    prem = x.n(22, 260)
    lines = [co, "QUOTE SUMMARY", "", "Applicant: " + x.full(p), "Date of birth: " + x.fdate(dob, 0), "Address: " + x.address(),
             "Quote #: Q-%d" % x.n(1000000, 9999999), "Plan: " + x.c(["Term life 20-year, $250,000", "Auto - full coverage", "Dental PPO Plus (individual)", "Vision Basic"]),
             "Monthly premium: $%d.00" % prem, "Effective: " + x.fdate(x.future(10, 40), 0), "", "This quote is not a contract. Final premium subject to underwriting."]
    text = "%s\n\nThanks for requesting a quote. Your estimated monthly premium is $%d. %s\n\n%s" % (
        greet(x, p), prem, x.c(["Your quote summary is attached.", "See the attached PDF for details.", "Review and enroll online within 30 days."]), x.full(x.person()) + "\nLicensed Agent, " + co)
    return {"from": (co, x.role_email(dom, ["quotes", "agent", "service"])), "to": [(x.full(p), x.personal_email(p))], "subject": x.c(["Your quote", "Quote #%d" % x.n(10000, 99999), "Your coverage options"]),
            "text": text + disclaim(x, 0.5), "att": [("quote_%s.pdf" % x.slug(p[1]), make_pdf(lines, "Quote"))]}


def _cl_provider_news_a(x):
    kind = x.c(["dental", "bh", "rehab", "aud", "derm", "peds", "eye", "fert"])
    org, dom = x.org(x.c(["Health", "Associates", "Medical Group", "Clinic"]))
    p, cred = x.staff(kind)
    spec = {"dental": "cosmetic and implant dentistry", "bh": "anxiety, depression and trauma in adults", "rehab": "sports injuries and post-surgical rehab",
            "aud": "hearing loss and tinnitus", "derm": "skin cancer screening and Mohs surgery", "peds": "newborn care and adolescent medicine",
            "eye": "glaucoma and cataract evaluation", "fert": "IVF, egg freezing and recurrent pregnancy loss"}[kind]
    text = "%s\n\nWe're pleased to welcome %s, %s, to %s. %s specializes in %s and %s.\n\n%s\n\n%s" % (
        x.c(["Dear referring providers,", "Hello community,", "Great news!", "Colleagues,"]), x.full(p), cred, org, x.c(["Dr. " + p[1], p[0].split()[0], x.full(p)]), spec,
        x.c(["completed training at a regional university program.", "brings 12 years of experience.", "speaks Spanish and Vietnamese.", "is accepting new patients now."]),
        x.c(["To refer, fax " + x.phone() + " or use our online referral form.", "Appointments: " + x.phone(), "Read the full bio on our website."]), org)
    return {"from": (org, x.role_email(dom, ["news", "referrals", "info", "marketing"])), "to": [x.colleague(x.org("Medical Group")[1])] if x.maybe(0.5) else ["undisclosed-recipients:;"],
            "subject": x.c(["Welcome " + x.full(p) + ", " + cred, "New provider: " + x.full(p), "Now accepting referrals: " + spec]),
            "text": text, "html": text_to_html(text) if x.maybe(0.6) else None}


def ph_referral(x):
    src, sdom = x.org(x.c(["Family Medicine", "Internal Medicine", "Pediatrics", "Community Health Center", "Primary Care"]))
    tgt = x.c([("Physical Therapy", "rehab", "Evaluate and treat: %s" % x.c(["R shoulder impingement", "post-concussion vestibular symptoms", "L knee OA", "low back pain with sciatica"])),
               ("Behavioral Health", "bh", "Therapy for %s; PHQ-9 %d today" % (x.c(["postpartum depression", "panic disorder", "adjustment disorder after divorce", "insomnia and anxiety"]), x.n(10, 24))),
               ("Audiology", "aud", "Hearing evaluation - %s" % x.c(["sudden hearing loss R ear x3 days", "failed school screening", "tinnitus after blast exposure"])),
               ("Dermatology", "derm", "Changing pigmented lesion %s, 7 mm, irregular border" % x.c(["L calf", "upper back", "R shoulder"])),
               ("Recovery Center", "sud", "MOUD induction - opioid use disorder, currently using fentanyl daily"),
               ("Eye Care", "eye", "Diabetic eye exam; A1c %.1f, no exam in 3 years" % (x.n(75, 120) / 10)),
               ("Home Health", "home", "Skilled nursing for wound care (diabetic foot ulcer) and PT for gait")])
    org, dom = x.org(tgt[0])
    pt = x.person()
    doc, cred = x.staff(x.c(["peds", "tele", "uc"]))
    coord = x.person()
    ins = x.c(["Medicaid", "Aetna PPO", "BCBS", "Medicare Part B", "Tricare", "Self-pay"])
    lines = ["REFERRAL", "To: " + org, "From: Dr. %s, %s" % (x.full(doc), src), "Date: " + x.fdate(x.now.date(), 0), "",
             "Patient: %s" % x.full(pt), "DOB: %s   Phone: %s" % (x.fdate(x.dob_date(1940, 2020), 0), x.phone()), x.mrn(), "Insurance: " + ins, "",
             "Reason for referral: " + tgt[2], "Urgency: " + x.c(["Routine", "Urgent - within 1 week", "Soon"]),
             "Relevant history: " + x.c(["HTN, T2DM", "no significant PMH", "prior overdose 2024", "asthma", "hx of melanoma in father"]),
             "Medications: " + x.c(["lisinopril 10 mg, metformin 500 mg BID", "none", "sertraline 50 mg", "albuterol prn"])]
    v = x.n(0, 2)
    if v == 0:
        text = "%s\n\nPlease see below a referral for %s.\n\n%s\n\n%s" % (x.c(["Hello,", "Good afternoon,", "Hi " + org + " intake,"]), x.full(pt), "\n".join(lines[5:]),
                                                              sig(x, coord, x.c(["MA", "RN", "CHW"]), "Referral Coordinator", src, sdom))
        return {"from": (x.full(coord), x.staff_email(coord, sdom)), "to": ["intake@" + dom], "subject": x.c(["New referral: " + x.full(pt), "Referral - " + pt[1], "Referral " + x.fdate(x.now.date(), 1)]),
                "text": text + disclaim(x, 0.7)}
    if v == 1:
        kind = x.c(["pdf", "docx"])
        data = make_pdf([src] + lines, "Referral") if kind == "pdf" else make_docx(["#" + src] + lines)
        return {"from": (x.full(coord), x.staff_email(coord, sdom)), "to": ["referrals@" + dom],
                "subject": x.c(["Referral", "New referral attached", "Ref: %s %s" % (pt[1].upper(), pt[0].split()[0][0])]),
                "text": x.c(["Referral attached. Please call the patient to schedule.", "Please see attached referral and notes.", "Attached. Thanks!"]) + "\n\n" + coord[0].split()[0] + disclaim(x, 0.6),
                "att": [("referral_%s.%s" % (x.slug(pt[1]), kind), data)]}
    text = "%s\n\n%s\n\n%s" % (greet(x, pt), x.c([
        "Dr. %s has referred you to %s for %s. They will call you within 3 business days; you can also call them at %s." % (doc[1], org, tgt[2].split(";")[0].lower(), x.phone()),
        "Your referral to %s was approved by %s. Authorization #%d is good for %d visits." % (org, ins, x.n(10000000, 99999999), x.n(6, 20))]),
        sig(x, coord, "", "Referral Coordinator", src, sdom, True))
    return {"from": (src, x.role_email(sdom, ["referrals", "noreply", "care"])), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Your referral", "Referral update", "Referral approved"]), "text": text}


def cl_blank_forms(x):
    org, dom = x.org(x.c(["Physical Therapy", "Behavioral Health", "Pediatrics", "Audiology", "Dental Group", "Home Health", "Occupational Health"]))
    st = x.person()
    form = x.c(["Referral Form", "New Patient Intake", "Medication Authorization for School", "Release of Information (ROI)", "Return-to-Work Status Form", "Plan of Care Template"])
    lines = [org, form.upper(), "", "Patient name: ______________________   DOB: ___/___/______", "MRN: ____________   Phone: ______________",
             "Diagnosis / reason for visit: ________________________________", "Medications and doses: ________________________________",
             "Allergies: ______________   Restrictions: ______________", "Provider signature: ______________________   Date: __________", "",
             "Rev. %d/%02d - internal use" % (x.n(1, 12), x.n(20, 26))]
    kind = x.c(["pdf", "docx", "docx"])
    data = make_pdf(lines, form) if kind == "pdf" else make_docx(["#" + org, "#" + form] + lines[2:])
    text = "%s\n\n%s\n\n%s" % (x.c(["Hi all,", "Dear referring offices,", "Team,", "Hello,"]), x.c([
        "Attached is our updated %s. Please discard older versions - the diagnosis and medication fields are now required." % form,
        "As requested, here is a blank copy of the %s. Fill in the patient details and fax it back." % form,
        "New template attached (%s). No patient info in it - it's the blank version for the front desk binder." % form]),
        sig(x, st, "", x.c(["Office Manager", "Intake Coordinator", "Compliance"]), org, dom, x.maybe(0.5)))
    return {"from": (x.full(st), x.staff_email(st, dom)), "to": [x.colleague(x.org("Medical Group")[1])] if x.maybe(0.5) else ["frontdesk@" + dom],
            "subject": x.c(["Updated " + form, form + " (blank)", "New form: " + form, "Form template"]), "text": text + disclaim(x, 0.5),
            "att": [("%s.%s" % (x.slug(form)[:24] or "form", kind), data)]}


# ----------------------------------------------------------- extra templates
def _cl_newsletter_b(x):
    org, dom = x.org(x.c(["Community Health Center", "Hospice", "Health", "Rehab Hospital", "Family Dentistry"]))
    rows = [["Class", "Date", "Time", "Location", "Cost"]]
    for _ in range(x.n(3, 6)):
        rows.append([x.c(["Diabetes Prevention Program (week 1)", "Grief & Loss Support Group", "Hands-Only CPR", "Fall Prevention for Seniors", "Quit Tobacco Clinic",
                          "New Parents: Infant Feeding", "Managing Chronic Pain", "Caregiver Respite Q&A", "Kids' Dental Health Day"]),
                     x.fdate(x.future(3, 45), 6), x.time(), x.c(["Main campus, Room B", "Public library", "Online (Zoom)", "Community room"]), x.c(["Free", "Free", "$10", "Free for members"])])
    intro = x.c(["Upcoming community classes - all are welcome, no referral needed.", "Here's what's happening this month at %s." % org, "Registration is now open for our free community programs."])
    html = text_to_html(intro, '<div style="background:#00695c;color:#fff;padding:14px;font-size:20px">%s Community Calendar</div>' % xesc(org),
                        html_table(rows) + '<p style="font-size:11px;color:#666">%s</p>' % xesc(_unsub(x, org).strip()))
    return {"from": (org, x.role_email(dom, ["events", "community", "newsletter"])), "to": ["undisclosed-recipients:;"] if x.maybe(0.5) else [x.colleague(x.c(PERSONAL_DOMAINS))],
            "subject": x.c(["Free community classes", "This month at " + org, "Community calendar: " + x.now.strftime("%B")]), "html": html, "tokens": ["htmltable"]}


def cl_newsletter(x):
    return _cl_newsletter_a(x) if x.maybe(0.6) else _cl_newsletter_b(x)


def _cl_drug_ad_b(x):
    prod = x.c([("Respiflo", "asthma"), ("GlucoSense", "diabetes"), ("Zelvora", "psoriasis"), ("NexaHear", "hearing loss"), ("Calmira", "insomnia")])
    maker = x.c(["Alvarion Pharmaceuticals", "Meridia Therapeutics", "Nuvexa Medical"])
    dom = x.slug(prod[0]) + ".com"
    p = x.person()
    text = "%s\n\nLiving with %s? Ask your doctor if %s is right for you.\n\n%s\n\nUse only as directed. Side effects may include headache, nausea and dizziness. See Important Safety Information at %s/isi.\n\nThis email was sent by %s because you signed up at %s." % (
        x.c(["Hi there,", "Hello,", "Hi " + p[0].split()[0] + ","]), prod[1], prod[0],
        x.c(["Eligible commercially insured patients may pay as little as $0 per fill with the savings card.", "Download the free tracker app to log your symptoms.",
             "Join 2 million people who have already made the switch."]), dom, maker, dom)
    return {"from": (prod[0], "hello@" + dom), "to": [(x.full(p), x.personal_email(p))], "subject": x.c(["Your savings card is ready", "Could %s help?" % prod[0], "Talk to your doctor about " + prod[0]]),
            "text": text, "html": text_to_html(text) if x.maybe(0.6) else None}


def cl_drug_ad(x):
    return _cl_drug_ad_a(x) if x.maybe(0.6) else _cl_drug_ad_b(x)


def _cl_wellness_b(x):
    co = x.c(PREFIX) + x.c([" Logistics", " Hospital", " School District", " Credit Union"])
    cdom = x.slug(co)[:14] + ".com"
    st = x.person()
    text = "%s\n\n%s\n\n%s\n\n%s" % (x.c(["Hi everyone,", "Team,", "Hello colleagues,"]), x.c([
        "Open enrollment for the %d Wellness Rewards program starts %s. Complete a biometric screening (blood pressure, cholesterol, glucose) at one of the onsite events to earn $%d in HSA credit." % (x.now.year + 1, x.fdate(x.future(5, 20), 3), x.c([150, 200, 300])),
        "Our EAP offers 6 free, confidential counseling sessions per year for stress, anxiety, grief or substance use. Individual results are never shared with the company.",
        "Flu shots will be offered onsite %s. No appointment needed; bring your insurance card." % x.fdate(x.future(3, 20), 5)]),
        x.c(["Questions? Reply to this email.", "More details on the intranet.", ""]), sig(x, st, "", "Benefits Team", co, cdom, True))
    return {"from": (x.full(st), x.staff_email(st, cdom)), "to": ["all-employees@" + cdom], "subject": x.c(["Wellness program enrollment", "Reminder: free EAP counseling", "Onsite flu shots"]), "text": text}


def cl_wellness(x):
    return _cl_wellness_a(x) if x.maybe(0.6) else _cl_wellness_b(x)


def _cl_cme_b(x):
    org = x.c(["Regional Dental Association", "State Hospice & Palliative Care Org", "Pediatric Nurses Alliance", "Western Audiology Society"])
    dom = "".join(w[0] for w in org.split()).lower() + ".org"
    sess = [[x.time(), x.c(["Keynote: Workforce Trends", "Ethics in End-of-Life Care", "Caries Risk Assessment Update", "Pediatric Sepsis Recognition", "OTC Hearing Aids: One Year In",
                            "Panel: Telehealth Reimbursement", "Poster Session"]), x.full(x.person(0)) + ", " + x.c(["MD", "RN", "DDS", "AuD", "PhD"])] for _ in range(x.n(4, 6))]
    paras = ["#" + org + " Annual Meeting", "Preliminary agenda - " + x.fdate(x.future(30, 150), 3), "@TABLE", "All case presentations must be de-identified per HIPAA Safe Harbor."]
    text = "%s\n\n%s\n\n%s" % (x.c(["Dear members,", "Colleagues,"]), x.c(["The preliminary agenda for our annual meeting is attached. Abstract submissions close on the 15th.",
                                                                        "Call for abstracts: case reports must be fully de-identified. Agenda attached."]), "Education Committee\n" + org)
    return {"from": (org, "meetings@" + dom), "to": [x.colleague(x.org("Clinic")[1])], "subject": x.c(["Annual meeting agenda", "Call for abstracts", "Preliminary program"]),
            "text": text, "att": [("agenda.docx", make_docx(paras, [["Time", "Session", "Speaker"]] + sess))]}


def cl_cme(x):
    return _cl_cme_a(x) if x.maybe(0.65) else _cl_cme_b(x)


def _cl_job_b(x):
    rec = x.person()
    cand = x.person()
    agency = x.c(["MedStaff Partners", "CareBridge Recruiting", "Allied Travel Pros", "NurseLink Staffing"])
    dom = x.slug(agency.split()[0]) + ".com"
    text = x.typo("%s\n\nI came across your profile and was impressed by your %s experience. I'm working on a %s role in %s - %s. Would you be open to a quick call this week?\n\n%s" % (
        greet(x, cand, False), x.c(["hospice", "pediatric", "outpatient ortho", "behavioral health", "school nursing", "audiology"]),
        x.c(["travel RN", "per diem PT", "LCSW", "school nurse", "audiologist"]), x.c([c[0] for c in CITIES]),
        x.c(["$2,450/wk", "great team, no weekends", "relocation covered", "signing bonus"]), x.full(rec) + "\n" + agency + "\n" + x.phone()), 1)
    return {"from": (x.full(rec), x.staff_email(rec, dom)), "to": [(x.full(cand), x.personal_email(cand))], "subject": x.c(["Opportunity", "quick question", "Role you might like", "Are you open to new roles?"]), "text": text}


def cl_job(x):
    return _cl_job_a(x) if x.maybe(0.6) else _cl_job_b(x)


def cl_survey(x):
    if x.maybe(0.7):
        return _cl_survey_a(x)
    org, dom = x.org(x.c(["Health", "Medical Group"]))
    p = x.person()
    text = "%s: Thanks for choosing us! How likely are you to recommend %s to a friend? Reply 0-10. Msg&data rates may apply. Reply STOP to opt out." % (org, org)
    return {"from": (org, "survey@" + dom), "to": [(x.full(p), x.personal_email(p))], "subject": x.c(["Quick question", "1-question survey"]), "text": text}


def cl_coding(x):
    if x.maybe(0.6):
        return _cl_coding_a(x)
    auth = x.c(["Coding Corner", "Billing Bulletin", "Compliance Minute"])
    dom = x.slug(auth) + ".com"
    rows = [["Modifier", "Use", "Common error"], ["25", "Significant, separately identifiable E/M", "Appending to every visit with a procedure"],
            ["59", "Distinct procedural service", "Using when XS is more specific"], ["GP / GO", "PT / OT plan of care", "Missing on therapy claims"],
            ["95", "Synchronous telehealth", "Wrong POS (02 vs 10)"], ["KX", "Therapy threshold exceeded", "No medical-necessity note"]]
    intro = x.c(["Modifier cheat sheet for your billing team.", "We audited 1,200 claims (aggregate) - these modifiers caused most denials."])
    return {"from": (auth, "editor@" + dom), "to": [x.colleague(x.org("Billing")[1])], "subject": x.c(["Modifier cheat sheet", "Top denial reasons this quarter"]),
            "html": text_to_html(intro, extra_bottom=html_table(rows) + "<p>" + xesc(_unsub(x, auth)) + "</p>"), "tokens": ["htmltable"]}


def cl_vet(x):
    if x.maybe(0.65):
        return _cl_vet_a(x)
    org, dom = x.org(x.c(["Animal Hospital", "Veterinary Clinic"]))
    dom = x.slug(org.split()[0]) + x.c(["vet.com", "animalhospital.com", "vetclinic.net"])
    owner = x.person()
    pet = x.c(["Biscuit", "Luna", "Max", "Pickles", "Mochi", "Hope", "Major", "Doctor", "Grace"])
    sp = x.c(["dog", "cat", "pup", "kitty", "old beagle", "tabby"])
    text = x.typo(x.c(["Hi! Just wanted to say our %s %s is eating again after the dental extractions and the swelling is down. Should we keep giving the gabapentin?" % (sp, pet),
                       "%s (our %s) threw up twice after the new insulin dose tonight. Her sugar curve was supposed to be Friday - can we come in sooner?" % (pet, sp),
                       "Thank you all for being so kind when we had to put our %s %s down. The paw print meant a lot." % (sp, pet),
                       "Can you refill my %s %s's thyroid meds (methimazole 2.5 mg)? Same pet pharmacy as before." % (sp, pet)]), 2)
    return {"from": (x.full(owner), x.personal_email(owner)), "to": ["frontdesk@" + dom], "subject": x.c([pet, "Re: " + pet + "'s results", "refill for " + pet, "thank you"]),
            "text": text + "\n\n" + x.c([owner[0].split()[0], x.full(owner), "Sent from my iPhone"])}


def cl_insurance_quote(x):
    if x.maybe(0.6):
        return _cl_insurance_quote_a(x)
    co = x.c(["Clearwater Dental Plans", "BrightPath Vision Plans", "Keystone Benefits"])
    dom = x.slug(co.split()[0]) + "benefits.com"
    p = x.person()
    deps = [(x.c(FIRST), p[1]) for _ in range(x.n(1, 3))]
    rows = [["Member", "Relationship", "Date of birth", "Plan", "Effective"]] + [[x.full(p), "Subscriber", x.fdate(x.dob_date(1960, 1998), 0), "", ""]] + \
           [[x.full(d), "Spouse" if i == 0 else "Child", x.fdate(x.dob_date(1962, 1999) if i == 0 else x.dob_date(2008, 2024), 0), "", ""] for i, d in enumerate(deps)]
    plan = {"Clearwater Dental Plans": x.c(["Dental PPO Plus", "Dental HMO"]), "BrightPath Vision Plans": x.c(["Vision Basic", "Vision Plus"]), "Keystone Benefits": x.c(["Dental PPO Plus", "Vision Basic", "Basic Life"])}[co]
    eff = x.fdate(x.future(10, 40), 0)
    for r in rows[1:]:
        r[3], r[4] = plan, eff
    html = text_to_html("%s\n\nYour enrollment is confirmed. Member ID cards will arrive in 7-10 days. Confirmation #%d." % (greet(x, p), x.n(10 ** 8, 10 ** 9)), extra_bottom=html_table(rows))
    return {"from": (co, "enrollment@" + dom), "to": [(x.full(p), x.personal_email(p))], "subject": x.c(["Enrollment confirmation", "Welcome to " + co, "You're enrolled"]), "html": html, "tokens": ["htmltable"]}


def cl_provider_news(x):
    if x.maybe(0.6):
        return _cl_provider_news_a(x)
    org, dom = x.org(x.c(["Health Partners", "Medical Group", "Allied Health Network"]))
    rows = [["Clinician", "Specialty", "Location", "Accepting new patients", "Phone"]]
    for _ in range(x.n(4, 9)):
        k = x.c(list(CRED.keys()))
        p, cred = x.staff(k)
        rows.append([x.full(p) + ", " + cred, {"dental": "Dentistry", "bh": "Behavioral health", "sud": "Addiction medicine", "rehab": "Rehabilitation", "home": "Home health",
                                              "fert": "Reproductive medicine", "eye": "Eye care", "aud": "Audiology", "derm": "Dermatology", "peds": "Pediatrics", "uc": "Urgent care",
                                              "img": "Radiology", "occ": "Occupational health", "wc": "Case management", "tele": "Telehealth", "cc": "Care coordination", "school": "School health"}[k],
                     x.c([c[0] for c in CITIES]), x.c(["Yes", "No", "Waitlist"]), x.phone()])
    intro = x.c(["Updated referral directory for %s. Please share with your front desk." % x.now.strftime("%B"), "Here is the current in-network clinician list."])
    return {"from": (org + " Provider Relations", "providerrelations@" + dom), "to": [x.colleague(x.org("Clinic")[1])], "subject": x.c(["Referral directory update", "In-network clinicians", "Who's accepting referrals"]),
            "html": text_to_html(intro, extra_bottom=html_table(rows)), "text": intro + "\n\n" + "\n".join(" | ".join(r) for r in rows) if x.maybe(0.4) else None, "tokens": ["htmltable"]}


def cl_portal(x):
    if x.maybe(0.6):
        return _cl_portal_a(x)
    org, dom = x.org(x.c(["Health", "Medical Group", "Clinics"]))
    p = x.person()
    html = ('<!DOCTYPE html><html><body style="font-family:Helvetica,Arial;background:#f4f4f4"><table width="100%%" style="max-width:560px;margin:auto;background:#fff">'
            '<tr><td style="padding:20px;background:#1565c0;color:#fff;font-size:20px">%s</td></tr>'
            '<tr><td style="padding:20px">Hello %s,<br><br>You have a new secure message. For your privacy, the content is only available after you sign in.<br><br>'
            '<a href="https://portal.%s/login" style="background:#1565c0;color:#fff;padding:10px 18px;text-decoration:none">Sign in</a></td></tr>'
            '<tr><td style="padding:12px;font-size:11px;color:#888">This is an automated message. Please do not reply.</td></tr></table></body></html>') % (xesc(org), xesc(p[0].split()[0]), dom)
    return {"from": (org, "no-reply@" + dom), "to": [(x.full(p), x.personal_email(p))], "subject": x.c(["You have a new secure message", "New message from " + org]), "html": html}


def ph_urgent_html(x):
    if x.maybe(0.65):
        return _ph_urgent_html_a(x)
    org, dom = x.org(x.c(["Urgent Care", "Immediate Care", "Walk-In Clinic"]))
    pt = x.person()
    res = x.c(["Your urine culture grew E. coli (&gt;100,000 CFU/mL), which is sensitive to the nitrofurantoin you were prescribed. Please finish the full course.",
               "Your throat culture was negative for strep. You can stop the amoxicillin if your symptoms have improved.",
               "Your X-ray was re-read by the radiologist and shows a small fracture of the 5th metatarsal. Please keep wearing the boot and see orthopedics this week.",
               "Your COVID-19 PCR test was positive. Isolate and contact us if you become short of breath."])
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Verdana,sans-serif;font-size:13px">'
            '<p>%s</p><p>%s</p><p>%s<br>%s<br>%s</p></body></html>') % (xesc(greet(x, pt)), res, xesc(x.c(["Follow-up call team", "Clinical staff"])), xesc(org), xesc(x.phone()))
    return {"from": (org, x.role_email(dom, ["callbacks", "results", "clinical"])), "to": [(x.full(pt), x.personal_email(pt))],
            "subject": x.c(["Your culture result", "Follow-up from your visit", "Updated result"]), "html": html}


def ph_telehealth(x):
    if x.maybe(0.65):
        return _ph_telehealth_a(x)
    org, dom = x.org(x.c(["Virtual Care", "Telehealth", "Online Clinic"]))
    pt = x.person()
    med = x.c(["sertraline 25 mg", "finasteride 1 mg", "valacyclovir 500 mg", "tretinoin 0.025% cream", "bupropion XL 150 mg", "naltrexone 50 mg", "levonorgestrel 1.5 mg"])
    text = "%s\n\nYour prescription for %s was approved by %s and sent to %s. %s\n\n%s" % (
        greet(x, pt, False), med, "Dr. " + x.c(LAST), x.c(["your pharmacy", "our mail-order pharmacy", "CVS on %s" % x.c(STREETS)]),
        x.c(["Your next check-in is due in 30 days.", "Refills: %d." % x.n(0, 5), "Track your shipment in the app."]), org)
    return {"from": (org, "rx@" + dom), "to": [(x.full(pt), x.personal_email(pt))], "subject": x.c(["Prescription sent", "Your Rx is on its way", "Treatment approved"]),
            "text": text + prefs_footer(x, org, dom, 0.5)}


# ================================================================ registry
FAMILIES = [
    # name, label, function, variants (templates), description
    ("dental_treatment_recall", "phi", ph_dental_recall, 3, "dental recall/reminder naming the treatment; treatment plan (+pdf)"),
    ("bh_therapy_followup", "phi", ph_bh_followup, 4, "therapist <-> client follow-ups, homework, client notes without names, care coordination"),
    ("sud_program", "phi", ph_sud, 3, "substance-use program: probation compliance report, dose changes, family email"),
    ("rehab_progress_note", "phi", ph_rehab_progress, 3, "PT/OT progress notes, plan of care (+pdf/docx), home exercise program"),
    ("home_hospice_handoff", "phi", ph_home_hospice, 3, "home health/hospice handoffs, visit route HTML tables, family updates"),
    ("fertility_instructions", "phi", ph_fertility, 3, "fertility med calendars (+ics/xlsx), results, patient questions"),
    ("eye_visit_summary", "phi", ph_eye, 2, "ophthalmology/optometry visit summaries with refraction and findings"),
    ("audiology", "phi", ph_audiology, 3, "audiogram reports (+pdf), fitting notices, family requests"),
    ("derm_results", "phi", ph_derm, 3, "dermatology biopsy results, isotretinoin instructions, patient questions"),
    ("peds_school_health", "phi", ph_peds_school, 4, "parent <-> school nurse, school med authorization (+docx), pediatric results"),
    ("urgent_care_avs_html", "phi", ph_urgent_html, 2, "urgent care after-visit summary, HTML-only with table"),
    ("imaging_report", "phi", ph_imaging, 3, "imaging reports (+pdf), critical findings, prep instructions naming condition"),
    ("occ_health_rtw", "phi", ph_occ_health, 4, "employer leave notes naming condition, work status (+pdf/docx), clearance, doctor letters"),
    ("workers_comp", "phi", ph_workers_comp, 3, "workers' comp case updates, caseload (+xlsx), claimant emails"),
    ("telehealth_summary", "phi", ph_telehealth, 2, "telehealth visit recap with diagnosis and prescription"),
    ("care_coord_patient_list", "phi", ph_care_coord_table, 3, "care coordinator patient lists: HTML table / csv / xlsx"),
    ("patient_family_reply_fwd", "phi", ph_reply_fwd, 3, "patient replies with quoted clinic mail, forwards to family, family/proxy emails"),
    ("missed_appt_service", "phi", ph_missed_appt, 3, "missed-appointment follow-ups naming the service"),
    ("procedure_invite_ics", "phi", ph_procedure_ics, 3, "procedure calendar invites (+ics) naming the patient/procedure"),
    ("see_attached_records", "phi", ph_see_attached, 5, "terse 'see attached' bodies, details only in pdf/docx/xlsx/csv"),
    ("referral_letter", "phi", ph_referral, 3, "referrals to allied-health services: inline, pdf/docx attachment, patient notice"),
    ("blank_forms", "clean", cl_blank_forms, 1, "blank referral/intake/authorization form templates (+pdf/docx)"),
    ("health_newsletter", "clean", cl_newsletter, 2, "practice newsletters/blog digests on conditions and treatments"),
    ("drug_device_ad", "clean", cl_drug_ad, 2, "pharma/device promotions with safety information"),
    ("wellness_marketing", "clean", cl_wellness, 2, "spa/yoga/med-spa marketing using health vocabulary"),
    ("cme_conference", "clean", cl_cme, 2, "CME/conference invitations (+ics)"),
    ("job_posting", "clean", cl_job, 2, "nurse/therapist/hygienist job postings"),
    ("supply_invoice", "clean", cl_invoice, 3, "medical/dental supply invoices (+pdf/xlsx/csv)"),
    ("pm_vendor", "clean", cl_vendor, 3, "EHR/practice-management vendor mail: release notes, synthetic test patient, sales"),
    ("aggregate_quality_report", "clean", cl_quality, 4, "aggregate quality/outcome dashboards (html table/xlsx/pdf/csv)"),
    ("staff_schedule", "clean", cl_schedule, 4, "staff schedules and on-call rotations (html/xlsx/csv/ics)"),
    ("facility_notice", "clean", cl_facility, 1, "facility notices: parking, drills, training, shutoffs"),
    ("clinician_ooo", "clean", cl_ooo, 1, "clinician out-of-office auto-replies"),
    ("survey_invite", "clean", cl_survey, 2, "patient-experience survey invitations without health content"),
    ("portal_notification", "clean", cl_portal, 2, "content-free portal notifications"),
    ("open_slot_broadcast", "clean", cl_open_slots, 2, "open appointment slot broadcasts (text or html table)"),
    ("coding_guidance", "clean", cl_coding, 2, "coding/billing tips with hypothetical patient scenarios"),
    ("deid_synthetic_data", "clean", cl_deid, 2, "de-identified or synthetic datasets (+csv/xlsx)"),
    ("vet_clinic", "clean", cl_vet, 2, "veterinary results/reminders naming the owner (animal health)"),
    ("insurance_quote", "clean", cl_insurance_quote, 2, "insurance quotes with DOB and address, no health content (+pdf)"),
    ("provider_announcement", "clean", cl_provider_news, 2, "new clinician announcements (clinician name + specialty only)"),
]

SPLITS = {"blind": (500, 20261207), "dev": (60, 731)}


def plan(split):
    total, seed = SPLITS[split]
    r = random.Random(seed * 7919 + 17)
    slots = []
    for label in ("phi", "clean"):
        fams = [f for f in FAMILIES if f[1] == label]
        n = total // 2
        base, extra = divmod(n, len(fams))
        order = fams[:]
        r.shuffle(order)
        for i, f in enumerate(order):
            slots += [f] * (base + (1 if i < extra else 0))
    r.shuffle(slots)
    return slots, seed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(SPLITS), required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    slots, seed = plan(a.split)
    manifest = ["file\tlabel\tfamily\tform"]
    for i, (name, label, fn, _, _) in enumerate(slots):
        r = random.Random("%s:%d:%d" % (a.split, seed, i))
        x = Ctx(r)
        m = fn(x)
        if m.get("text") is None and m.get("html") is None:
            m["text"] = ""
        data, form = build_eml(x, m)
        fname = "%04d.eml" % (i + 1)
        with open(os.path.join(a.out, fname), "wb") as fh:
            fh.write(data)
        manifest.append("\t".join([fname, label, name, form]))
    with open(os.path.join(a.out, "manifest.tsv"), "w", newline="") as fh:
        fh.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
