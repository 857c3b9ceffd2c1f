#!/usr/bin/env python3
"""Blind evaluation corpus: person-written mail (PHI vs clean look-alikes).

Usage: python3 generate.py --split blind --out DIR
       python3 generate.py --split dev   --out DIR

Standard library only, deterministic (fixed seeds).
"""
import argparse
import csv
import datetime as dt
import html as htmlmod
import io
import os
import random
import unicodedata
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

SEEDS = {"blind": "people-blind-7411", "dev": "people-dev-0923"}

# ---------------------------------------------------------------------------
# name pools (multi-ethnic, many double as common words)
# ---------------------------------------------------------------------------
FIRST = """Hope Faith Grace Joy June April May Rose Iris Hunter Mason Page Bill Will
Mark Frank Art Sandy Dawn Summer Chase Penny Ruby Jade Pearl Miles Drew Reed Ray Gene
Cliff Brook Wade Holly Sunny Amber Destiny Precious Aaliyah DeShawn Jamal Latoya Tyrone
Keisha Malik Imani Priya Arjun Ananya Rohan Deepa Sanjay Mei Wei Jian Xiu Hiroshi Yuki
Kenji Min-jun Seo-yeon Jae Thanh Linh Minh Nguyet Siosaia Leilani Kai Mateo Sofía
Alejandro Guadalupe Xiomara José María Camila Santiago Valentina João Thiago Luana
Beatriz Fernanda Chidi Ngozi Oluwaseun Amara Kwame Abena Fatima Omar Yusuf Layla
Zainab Tariq Olga Dmitri Svetlana Bogdan Agnieszka Tomasz Siobhan Declan Niamh Eamon
Ingrid Lars Astrid Henrik Esther Moshe Avi Tova Giuseppe Chiara Marco Francesca Dakota
Winona Cheyenne Tala Rahul Nadia Esperanza Bao Khanh Ahmad Mariam Kofi Patience Major
Bishop Sterling Autumn Robin Heather Crystal Misty Rusty Buck Sky Ivy Lily Daisy""".split()
LAST = """Shah Okafor Nguyen Garcia Hernández Kim Park Chen Wong Patel Singh Johnson
Williams Brown White Black Green Young King Price Short Long Little Best Rich Cross
Church Love Moody Bell Hope Fox Wolf Baker Cook Mason Carpenter Hunter Fisher Banks
Rivers Stone Woods Field Adeyemi Mensah Boateng Abdullah Haddad Khoury Rahman Hossain
Kowalski Nowak Ivanova Petrov O'Brien Gallagher Murphy Lindqvist Johansson Nakamura
Tanaka Sato Yamamoto Tran Pham Le Castellanos Delgado Morales Reyes Ortiz Ferreira
Carvalho Souza Oliveira Santos Silva Rossi Bianchi Cohen Levi Friedman Begay Yazzie
Tsosie Kealoha Fonoti Washington Jefferson Freeman Jackson Richardson Thornton
Whitfield Abernathy Brandt Mehta Iyer Reddy Das Goldberg McAllister Dubois Lefebvre
Sparrow Winter Summers Day Knight Bishop Gentry Major Sterling Noble""".split()
KID_FIRST = """Aiden Mateo Nia Liam Zoe Maya Ethan Jaylen Sofia Diego Amara Kai Lucas
Aaliyah Priya Hunter Mason Ruby Pearl Chase Miles Jade Ivy Theo Malik Leilani Yusuf
Hana Emeka Isla Rowan Sage River Piper Wren Finn Oscar Lupe Tomás Benji Santi""".split()
PET_NAMES = """Max Bella Charlie Lucy Daisy Oliver Milo Luna Cooper Rosie Sadie Bailey
Teddy Murphy Winston Penny Biscuit Gus Ollie Louie Frank Stella Rocky Ziggy Pepper
Hank Marley Duke Maggie Nala Simba Chloe Toby Archie Willow""".split()

DOCS = [("Priya", "Shah"), ("Chukwuemeka", "Okafor"), ("Ingrid", "Lindqvist"),
        ("Kenji", "Nakamura"), ("Lucia", "Reyes"), ("Martin", "Brandt"),
        ("Anil", "Mehta"), ("Claire", "Abernathy"), ("Piotr", "Kowalski"),
        ("Folake", "Adeyemi"), ("Rafael", "Castellanos"), ("Nadia", "Haddad"),
        ("Soo-ah", "Park"), ("Thomas", "Whitfield"), ("Esther", "Goldberg"),
        ("Samuel", "Mensah"), ("Hana", "Tanaka"), ("Dev", "Iyer"),
        ("Grace", "Holloway"), ("Rachel", "Young"), ("Ben", "Little"), ("Amy", "Love")]

CLINICS = [("Lakeview Internal Medicine", "lakeviewim.com"),
           ("Riverside Family Medicine", "riversidefm.org"),
           ("Northgate Primary Care", "northgatepc.com"),
           ("Cedar Hill Medical Group", "cedarhillmg.com"),
           ("Harbor Point Health", "harborpointhealth.org"),
           ("Sunnyside Family Practice", "sunnysidefp.com"),
           ("Mill Creek Internal Medicine", "millcreekim.com"),
           ("Oak Street Clinic", "oakstreetclinic.org")]
SPECIALTY_CLINICS = [("Northgate Dermatology", "northgatederm.com", "dermatology"),
                     ("Bayview Cardiology Associates", "bayviewcardio.com", "cardiology"),
                     ("Summit Orthopedics & Sports Medicine", "summitortho.com", "orthopedics"),
                     ("Pinecrest Endocrinology", "pinecrestendo.com", "endocrinology"),
                     ("Valley Women's Health", "valleywomenshealth.com", "OB/GYN"),
                     ("Eastside Gastroenterology", "eastsidegi.com", "GI"),
                     ("Metro Sleep Center", "metrosleep.org", "sleep medicine"),
                     ("Clearwater Rheumatology", "clearwaterrheum.com", "rheumatology"),
                     ("Lakeshore Neurology", "lakeshoreneuro.com", "neurology"),
                     ("Greenfield Urology", "greenfieldurology.com", "urology")]
PHARMACIES = ["CVS on Elm St", "the Walgreens on Broadway", "Walgreens #4471",
              "Costco pharmacy", "Rite Aid on 5th", "the Kroger pharmacy", "H-E-B on Bandera",
              "Publix at Oakridge", "Safeway pharmacy (Mission St)", "Wegmans on Route 9"]
HOSPITALS = ["St. Vincent's Medical Center", "Mercy General Hospital",
             "Providence Regional", "University Hospital", "Good Samaritan Hospital",
             "Baptist Memorial", "Kaiser Roseville", "Northwestern Memorial",
             "Methodist Hospital", "Sutter Medical Center"]
PERSONAL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com",
                    "icloud.com", "hotmail.com", "aol.com", "proton.me", "comcast.net",
                    "att.net", "me.com"]
AREA = ["212", "718", "312", "773", "415", "510", "617", "404", "713", "210", "305",
        "602", "206", "503", "720", "919", "615", "502", "414", "832", "916", "971"]
TZS = [-5, -4, -6, -7, -8, -5, -4]

# (drug, dose, condition/why)
MEDS = [("lisinopril", "20 mg", "blood pressure"), ("metformin", "1000 mg", "diabetes"),
        ("sertraline", "100 mg", "anxiety"), ("levothyroxine", "88 mcg", "thyroid"),
        ("atorvastatin", "40 mg", "cholesterol"), ("amlodipine", "10 mg", "blood pressure"),
        ("gabapentin", "300 mg", "nerve pain"), ("losartan", "50 mg", "blood pressure"),
        ("escitalopram", "10 mg", "depression"), ("omeprazole", "40 mg", "reflux"),
        ("hydrochlorothiazide", "25 mg", "swelling"), ("metoprolol", "25 mg", "heart rate"),
        ("bupropion XL", "300 mg", "depression"), ("prednisone", "20 mg", "flare"),
        ("Jardiance", "10 mg", "diabetes"), ("Ozempic", "0.5 mg", "diabetes")]


def asciify(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


class G:
    """Per-message random helper."""

    def __init__(self, r):
        self.r = r

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def person(self, last=None, first=None, domain=None):
        f = first or self.pick(FIRST)
        l = last or self.pick(LAST)
        return {"first": f, "last": l, "full": f"{f} {l}", "email": self.email(f, l, domain)}

    def kid(self, last):
        f = self.pick(KID_FIRST)
        return {"first": f, "last": last, "full": f"{f} {last}"}

    def email(self, f, l, domain=None):
        fa = asciify(f).lower().replace(" ", "").replace("'", "").replace("-", "")
        la = asciify(l).lower().replace(" ", "").replace("'", "").replace("-", "")
        d = domain or self.pick(PERSONAL_DOMAINS)
        style = self.r.randint(0, 6)
        if domain:
            style = self.r.choice([0, 1, 2])
        n = self.r.randint(1, 99)
        return [f"{fa}.{la}", f"{fa[0]}{la}", f"{fa}{la[0]}", f"{fa}{la}{n}",
                f"{fa}.{la}{self.r.randint(60, 99)}", f"{la}{fa[0]}{n}",
                f"{fa}_{la}"][style] + "@" + d

    def doc(self):
        f, l = self.pick(DOCS)
        return {"first": f, "last": l, "dr": f"Dr. {l}", "full": f"Dr. {f} {l}"}

    def phone(self):
        return f"({self.pick(AREA)}) {self.r.randint(201, 989)}-{self.r.randint(1000, 9999)}"

    def phone_dots(self):
        return f"{self.pick(AREA)}.{self.r.randint(201, 989)}.{self.r.randint(1000, 9999)}"

    def when(self):
        start = dt.datetime(2024, 1, 3, 6, 0)
        d = start + dt.timedelta(days=self.r.randint(0, 640), minutes=self.r.randint(0, 17 * 60))
        tz = dt.timezone(dt.timedelta(hours=self.pick(TZS)))
        return d.replace(tzinfo=tz)

    def dob(self, lo=1938, hi=2002):
        return dt.date(self.r.randint(lo, hi), self.r.randint(1, 12), self.r.randint(1, 28))

    def later(self, base, lo=1, hi=21):
        return (base + dt.timedelta(days=self.r.randint(lo, hi))).date()

    def earlier(self, base, lo=1, hi=30):
        return (base - dt.timedelta(days=self.r.randint(lo, hi))).date()

    def mrn(self):
        return str(self.r.randint(1000000, 99999999))

    def money(self, lo, hi):
        return f"${self.r.uniform(lo, hi):,.2f}"

    def sentfrom(self):
        return self.pick(["Sent from my iPhone", "Sent from my iPhone", "Sent from my Galaxy",
                          "Get Outlook for iOS", "Sent from Yahoo Mail for Android",
                          "Sent from my iPad", ""])


def d_long(d):
    return d.strftime("%B ") + str(d.day)


def d_wk(d):
    return d.strftime("%A, %B ") + str(d.day)


def d_short(d):
    return f"{d.month}/{d.day}"


def d_full(d):
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def tstr(g):
    h = g.pick([8, 9, 10, 11, 1, 2, 3, 4])
    m = g.pick(["00", "15", "30", "45"])
    ap = "am" if h >= 8 and h != 12 and h < 12 and h > 6 else "pm"
    return f"{h}:{m} {ap}"


def typo(text, g, rate=0.02):
    """Introduce occasional realistic typos (adjacent swaps, dropped letters)."""
    out = []
    for tok in text.split(" "):
        core = tok.strip(".,!?;:()\"'")
        if len(core) > 4 and core.isalpha() and core.islower() and g.chance(rate):
            i = g.r.randint(1, len(core) - 3)
            if g.chance(0.6):
                new = core[:i] + core[i + 1] + core[i] + core[i + 2:]
            else:
                new = core[:i] + core[i + 1:]
            tok = tok.replace(core, new, 1)
        out.append(tok)
    return " ".join(out)


def quote(text, who, when):
    head = f"On {when.strftime('%a, %b')} {when.day}, {when.year} at {when.strftime('%I:%M %p').lstrip('0')}, {who} wrote:"
    return head + "\n" + "\n".join(("> " + l) if l else ">" for l in text.strip().split("\n"))


def fwd_block(frm, to, when, subject, text):
    return ("---------- Forwarded message ---------\n"
            f"From: {frm}\nDate: {when.strftime('%a, %b')} {when.day}, {when.year} at "
            f"{when.strftime('%I:%M %p').lstrip('0')}\nSubject: {subject}\nTo: {to}\n\n" + text.strip())


# ---------------------------------------------------------------------------
# attachment writers (real, openable files)
# ---------------------------------------------------------------------------
def _wrap(line, width=92):
    out = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        cut = width if cut <= 0 else cut
        out.append(line[:cut])
        line = line[cut:].lstrip()
    out.append(line)
    return out


def make_pdf(lines, title="Document"):
    flat = []
    for l in lines:
        flat.extend(_wrap(asciify(l)))
    flat = flat[:60]
    content = ["BT", "/F1 10 Tf", "13 TL", "54 740 Td"]
    for l in flat:
        esc = l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.append(f"({esc}) Tj T*")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    t = asciify(title).replace("(", "").replace(")", "")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ("<< /Title (%s) /Producer (PDF export) /CreationDate (D:20240301120000) >>" % t).encode("latin-1"),
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objs) + 1)
    out += b"0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def _zip(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def _x(s):
    return htmlmod.escape(s, quote=True)


XML_HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def make_docx(paras):
    """paras: list of str; a str starting with '# ' is rendered bold."""
    ct = (XML_HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = (XML_HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    body = []
    for p in paras:
        if p.startswith("# "):
            body.append(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{_x(p[2:])}</w:t></w:r></w:p>')
        else:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{_x(p)}</w:t></w:r></w:p>')
    doc = (XML_HDR + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) + '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def _col(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def make_xlsx(rows, sheet="Sheet1"):
    ct = (XML_HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    rels = (XML_HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = (XML_HDR + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f'<sheets><sheet name="{_x(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = (XML_HDR + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    xr = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{_col(ci)}{ri}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_x(str(v))}</t></is></c>')
        xr.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
    ws = (XML_HDR + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + "".join(xr) + "</sheetData></worksheet>")
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", ws)])


def make_csv(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    return buf.getvalue().encode("utf-8")


def _fold(line):
    out, cur, n = [], "", 0
    limit = 75
    for ch in line:
        b = len(ch.encode("utf-8"))
        if n + b > limit:
            out.append(cur)
            cur, n, limit = " ", 1, 75
        cur += ch
        n += b
    out.append(cur)
    return "\r\n".join(out)


def make_ics(uid, start, end, summary, location, description, organizer=None, stamp=None):
    def f(d):
        return d.strftime("%Y%m%dT%H%M%S")
    desc = description.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Personal//Calendar Export//EN",
             "METHOD:REQUEST", "BEGIN:VEVENT", f"UID:{uid}",
             f"DTSTAMP:{(stamp or start).strftime('%Y%m%dT%H%M%S')}Z",
             f"DTSTART:{f(start)}", f"DTEND:{f(end)}",
             "SUMMARY:" + summary.replace(",", "\\,").replace(";", "\\;"),
             "LOCATION:" + location.replace(",", "\\,").replace(";", "\\;"),
             "DESCRIPTION:" + desc]
    if organizer:
        lines.append(f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(l) for l in lines) + "\r\n").encode("utf-8")


def att_pdf(lines, fn, title=None):
    return (make_pdf(lines, title or fn), "application", "pdf", fn)


def att_docx(paras, fn):
    return (make_docx(paras), "application",
            "vnd.openxmlformats-officedocument.wordprocessingml.document", fn)


def att_xlsx(rows, fn, sheet="Sheet1"):
    return (make_xlsx(rows, sheet), "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet", fn)


def att_csv(rows, fn):
    return (make_csv(rows), "text", "csv", fn)


def att_ics(ics_bytes, fn="invite.ics"):
    return (ics_bytes, "text", "calendar", fn)


def to_html(text):
    paras = text.strip().split("\n\n")
    out = []
    for p in paras:
        lines = p.split("\n")
        if all(l.startswith(">") for l in lines):
            inner = "<br>\n".join(_x(l.lstrip("> ")) for l in lines)
            out.append(f'<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">{inner}</blockquote>')
        else:
            out.append("<p>" + "<br>\n".join(_x(l) for l in lines) + "</p>")
    return ('<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:14px">\n'
            + "\n".join(out) + "\n</body></html>")


LAW_DISCLAIMER = ("CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the "
                  "addressee and may contain attorney-client privileged or confidential information. "
                  "If you received this in error, please notify the sender and delete it. "
                  "Nothing in this message creates an attorney-client relationship.")
CORP_DISCLAIMER = ("This message is intended solely for the named recipient(s) and may contain "
                   "confidential or proprietary information. If you are not the intended recipient, "
                   "please notify the sender and destroy all copies.")
CLINIC_DISCLAIMER = ("CONFIDENTIALITY: This message may contain protected health information. "
                     "If you are not the intended recipient, please delete it and notify us at the number above.")
VET_DISCLAIMER = ("This e-mail and any attachments are confidential and intended for the pet owner "
                  "named above. Please do not reply with urgent concerns; call the hospital or go to the "
                  "nearest emergency veterinary clinic.")


# ---------------------------------------------------------------------------
# helpers for building message dicts
# ---------------------------------------------------------------------------
def M(frm, to, subject, body, form=None, atts=None, date=None, html=None, reply=False,
      cc=None, headers=None):
    return {"frm": frm, "to": to if isinstance(to, list) else [to], "subject": subject,
            "body": body, "form": list(form or []), "atts": atts or [], "date": date,
            "html": html, "reply": reply, "cc": cc or [], "headers": headers or {}}


def who(p):
    return (p["full"], p["email"])


def casual_sig(g, p, mobile=False):
    s = g.pick([f"Thanks,\n{p['first']}", f"Thank you,\n{p['full']}", f"- {p['first']}",
                f"Best,\n{p['full']}\n{g.phone()}", f"{p['first']}", f"Thanks so much!\n{p['first']} {p['last'][0]}."])
    if mobile:
        sf = g.sentfrom()
        if sf:
            s += "\n\n" + sf
    return s


# ---------------------------------------------------------------------------
# PHI families
# ---------------------------------------------------------------------------
def fam_patient_symptoms(g, i):
    p = g.person()
    doc = g.doc()
    cname, cdom = g.pick(CLINICS)
    office = (cname, g.pick(["frontdesk", "nurse", "info", "appointments", "triage"]) + "@" + cdom)
    when = g.when()
    v = i % 5
    if v in (0, 4):
        drug, dose, why = g.pick([m for m in MEDS if m[2] in ("blood pressure", "heart rate", "swelling")])
    elif v == 2:
        drug, dose, why = g.pick([m for m in MEDS if m[2] == "diabetes"])
    else:
        drug, dose, why = g.pick(MEDS)
    mob = g.chance(0.4)
    dob = g.dob(1945, 1998)
    if v == 0:
        sbp = g.r.randint(92, 104)
        body = (f"Hi,\n\nThis is {p['full']}, DOB {d_full(dob)}. Since {doc['dr']} increased my {drug} to {dose} "
                f"on {d_long(g.earlier(when, 5, 20))} I've been really dizzy when I stand up, especially in the morning. "
                f"My home readings have been {sbp}/{g.r.randint(58, 66)} and {sbp - 4}/{g.r.randint(55, 62)}. "
                f"Yesterday I had to sit down on the kitchen floor for a minute.\n\nShould I go back to the old dose "
                f"until I can come in? I don't want to stop it without asking.\n\n" + casual_sig(g, p, mob))
        subj = g.pick([f"dizzy since new dose of {drug}", "Question for Dr. " + doc["last"], "dizziness - new dose?",
                       "med question"])
    elif v == 1:
        ab = g.pick(["amoxicillin", "Bactrim", "cephalexin", "doxycycline", "Augmentin"])
        inf = g.pick(["sinus infection", "UTI", "ear infection", "strep", "bronchitis"])
        body = (f"Hello,\n\nI started the {ab} {doc['dr']} prescribed on {d_wk(g.earlier(when, 2, 4))} for my {inf} and "
                f"now I have an itchy red rash on my arms and chest. No swelling in my face and I'm breathing ok. "
                f"Should I stop taking it? Is there something else you can call in? My pharmacy is {g.pick(PHARMACIES)}.\n\n"
                f"{p['full']}\nDOB {d_full(dob)}\n{g.phone()}")
        subj = g.pick([f"rash from {ab}?", "Reaction to antibiotic", f"{p['full']} - rash", "Possible allergic reaction"])
    elif v == 2:
        lo = g.r.randint(165, 190)
        body = (f"Hi {g.pick(['Tanya', 'Marisol', 'Keith', 'team', 'there', 'Joy'])},\n\nCould you please send a refill of my "
                f"{drug} {dose} to {g.pick(PHARMACIES)}? I only have {g.r.randint(2, 5)} pills left. "
                f"Also wanted to mention my morning sugars have been running {lo}-{lo + g.r.randint(15, 40)} even with "
                f"the diet changes, so maybe {doc['dr']} wants to adjust something at my visit on {d_short(g.later(when, 5, 30))}.\n\n"
                + casual_sig(g, p, mob))
        subj = g.pick(["Refill request", f"refill - {drug}", "rx refill + question", "Refill pls"])
    elif v == 3:
        side = g.pick(["right", "left"])
        joint = g.pick(["knee", "shoulder", "hip"])
        body = (f"Dear {doc['dr']},\n\nIt has been about {g.r.randint(2, 4)} weeks since the cortisone injection in my {side} "
                f"{joint} and the swelling has come back. It's stiff in the morning and I'm back to taking "
                f"ibuprofen 600 twice a day. You had mentioned an MRI if the shot didn't hold. Is that the next step, "
                f"or should I schedule with physical therapy first?\n\nThank you for your time,\n{p['full']}\n"
                f"Patient DOB: {d_full(dob)}")
        subj = g.pick([f"{joint} after injection", f"Follow up on my {joint}", f"Swelling back in {side} {joint}",
                       "question re: cortisone shot"])
    else:
        owhen = when - dt.timedelta(days=g.r.randint(3, 9))
        orig = (f"Hi {p['first']},\n\n{doc['dr']} wanted to check in on how you're doing since starting the "
                f"{drug} {dose}. Please reply to this message with any side effects.\n\n{cname}\nNurse line {g.phone()}")
        reply = g.pick([
            f"Much better thank you! The headaches are gone but I still get some nausea in the mornings if I take it before breakfast.",
            f"Honestly not great. I've had a dry cough pretty much every night since I started it and it's keeping me up.",
            f"I think its working, my readings are down to 130s/80s. I do get leg cramps at night though, is that from the {drug}?",
            f"Mostly ok. A little tired in the afternoons. Should I switch to taking it at night?"])
        body = typo(reply, g, 0.05) + "\n\n" + casual_sig(g, p, mob) + "\n\n" + quote(orig, f"{cname} <{office[1]}>", owhen)
        subj = g.pick(["Re: Checking in", f"Re: Message from {cname}", "RE: How are you feeling?"])
        return M(who(p), office, subj, body, ["reply"] + (["mobile"] if mob else []), date=when, reply=True)
    if mob:
        body = typo(body, g, 0.04)
    return M(who(p), office, subj, body, ["mobile"] if mob else [], date=when)


def fam_patient_therapist(g, i):
    p = g.person()
    th = g.person(domain=g.pick(["bayviewcounseling.com", "mindfulpaththerapy.com", "clearskytherapy.org",
                                 "northstarbh.com", "gentlewaves.net"]))
    cred = g.pick(["LCSW", "LMFT", "PsyD", "LPC", "PhD"])
    when = g.when()
    v = i % 5
    atts, form = [], []
    if v == 0:
        trig = g.pick(["my dad's surgery", "the layoffs were announced", "the breakup", "we moved",
                       "my mom's diagnosis", "the car accident"])
        body = (f"Hi {th['first']},\n\nI wanted to give you a heads up before {g.pick(['Thursday', 'Monday', 'our next session', 'Tuesday'])}. "
                f"The panic attacks have come back since {trig}. I've had {g.r.randint(2, 5)} this week, one of them at work "
                f"in the bathroom. I've been using the breathing thing you showed me but it only sort of helps. "
                f"Sleeping maybe 4-5 hours.\n\nI'm not in danger or anything, I just didn't want to spend the first "
                f"20 minutes catching you up.\n\n{p['first']}")
        subj = g.pick(["before Thursday", "heads up", "rough week", "update before session"])
        body = typo(body, g, 0.03)
    elif v == 1:
        d = g.later(when, 1, 6)
        ins = g.pick(["Aetna", "Cigna", "BlueCross BlueShield", "UnitedHealthcare", "Optum"])
        mid = g.pick(["W", "XJ", "U", "H"]) + str(g.r.randint(100000000, 999999999))
        body = (f"Hi {th['first']},\n\nI need to cancel my session on {d_wk(d)}, I have to travel for work. "
                f"Also my insurance changed on the 1st to {ins}, member ID {mid}. Can you check if you're in network "
                f"before we keep going? If we can do telehealth the week after that would be great.\n\nThanks,\n{p['full']}")
        subj = g.pick(["cancel session + new insurance", f"Cancel {d_short(d)}", "Session cancellation"])
    elif v == 2:
        ssri = g.pick(["sertraline", "Lexapro", "fluoxetine", "Wellbutrin", "Zoloft"])
        psy = g.doc()
        body = (f"Hi {th['first']},\n\n{psy['dr']} started me on {ssri} {g.pick(['50', '25', '10', '150'])}mg about "
                f"{g.r.randint(2, 4)} weeks ago and I still feel kind of flat, like nothing is good or bad. "
                f"Is that normal at this point or should I call her office? I wasn't sure if this is something "
                f"to bring up in session with you or with her.\n\nSee you {g.pick(['Wednesday', 'Friday', 'next week'])},\n{p['first']}")
        subj = g.pick([f"{ssri} question", "question about meds", "feeling flat"])
    elif v == 3:
        rows = [["date", "hours slept", "wake ups", "mood (1-10)", "anxiety (1-10)", "notes"]]
        d0 = g.earlier(when, 8, 12)
        for k in range(7):
            dd = d0 + dt.timedelta(days=k)
            rows.append([dd.isoformat(), round(g.r.uniform(3.5, 7.5), 1), g.r.randint(0, 4), g.r.randint(2, 7),
                         g.r.randint(3, 9), g.pick(["", "nightmare", "work stress", "skipped dinner", "ok day", "argued w/ J"])])
        body = (f"Hi {th['first']},\n\nHere's the sleep and mood log you asked me to keep since our last session. "
                f"I missed a couple of the evening check-ins but filled them in the next morning. The anxiety numbers "
                f"were worst on the work days.\n\n{p['full']}")
        subj = g.pick(["sleep log", "mood/sleep log", "the log you asked for"])
        atts = [att_csv(rows, g.pick(["sleep_log.csv", "mood_log.csv", f"{asciify(p['first']).lower()}_log.csv"]))]
    else:
        mon = g.pick(["January", "February", "March", "April", "May", "June", "September", "October"])
        body = (f"Hello {th['first']},\n\nCould you send me a superbill for my sessions in {mon}? I think there were "
                f"{g.r.randint(3, 4)}. My plan reimburses out-of-network and they need the CPT codes, your NPI and the "
                f"diagnosis code on it. My date of birth is {d_full(g.dob(1960, 2001))} if you need it for the form.\n\n"
                f"Thank you,\n{p['full']}\n{g.phone()}")
        subj = g.pick(["superbill request", f"Superbill for {mon}", "receipt for insurance"])
    return M(who(p), (f"{th['full']}, {cred}", th["email"]), subj, body, form, atts, date=when)


def fam_patient_results(g, i):
    p = g.person()
    doc = g.doc()
    cname, cdom = g.pick(CLINICS + [(c[0], c[1]) for c in SPECIALTY_CLINICS])
    office = (cname, g.pick(["nurse", "portal-messages", "clinicalstaff", "frontdesk"]) + "@" + cdom)
    when = g.when()
    owhen = when - dt.timedelta(days=g.r.randint(1, 4), hours=g.r.randint(1, 8))
    v = i % 5
    mob = g.chance(0.3)
    if v == 0:
        tsh = round(g.r.uniform(5.6, 9.9), 2)
        orig = (f"Hi {p['first']},\n\n{doc['dr']} reviewed your recent labs. Your TSH was {tsh} (reference 0.45-4.5), "
                f"which is high. Free T4 was normal. {doc['dr']} would like to recheck in 6 weeks.\n\n{cname}")
        reply = (f"Thanks for letting me know. Does that mean I need to increase my levothyroxine? I've been so tired "
                 f"and cold all the time, and my hair is falling out more than usual. I take it every morning with coffee, could that matter?")
        subj = "Re: Your lab results"
    elif v == 1:
        a1 = round(g.r.uniform(7.6, 9.4), 1)
        orig = (f"Dear {p['first']} {p['last']},\n\nYour recent hemoglobin A1c result is now available in the patient "
                f"portal. Please schedule a follow-up visit with {doc['dr']} to discuss.\n\n{cname}")
        reply = (f"I saw it, it's {a1}, up from {round(a1 - g.r.uniform(0.6, 1.4), 1)} in the spring. Is that why I've been "
                 f"so thirsty and getting up to pee 3 times a night? Can I get in sooner than the 3 month visit?")
        subj = "Re: New test result available"
    elif v == 2:
        orig = (f"Hello {p['first']},\n\nYour pathology results from your colonoscopy on {d_short(g.earlier(when, 7, 14))} "
                f"have been released to your portal.\n\n{cname}")
        reply = (f"I read it but I don't really understand. It says two polyps, 'tubular adenoma' and one 'hyperplastic'. "
                 f"Is that cancer? Does it mean I need another colonoscopy sooner than 10 years? My mom had colon cancer at 61 so I'm a little freaked out.")
        subj = "RE: Pathology results released"
    elif v == 3:
        lvl = g.pick(["L4-L5", "L5-S1", "C5-C6"])
        orig = (f"Hi {p['first']}, your MRI report is available. {doc['dr']} will go over it at your visit on "
                f"{d_short(g.later(when, 3, 12))}.\n\n{cname}")
        reply = (f"The report says 'small disc protrusion at {lvl} contacting the traversing nerve root' and 'mild "
                 f"foraminal stenosis'. Is this why my {g.pick(['left', 'right'])} leg goes numb when I sit? "
                 f"Is surgery something we'd talk about or is it PT first?")
        subj = "Re: MRI report"
    else:
        ldl = g.r.randint(160, 205)
        orig = (f"{p['first']}, your cholesterol panel: total {ldl + g.r.randint(60, 80)}, LDL {ldl}, HDL "
                f"{g.r.randint(33, 42)}, triglycerides {g.r.randint(180, 290)}. {doc['dr']} recommends starting a statin. "
                f"Please reply if you have questions.\n\n{cname}")
        reply = (f"I was really hoping to avoid medication. My dad had a heart attack at 54 so I get it, but can I try "
                 f"3 months of diet and exercise first and recheck? If the numbers aren't better I'll start it.")
        subj = "Re: Cholesterol results"
    body = typo(reply, g, 0.03) + "\n\n" + casual_sig(g, p, mob) + "\n\n" + quote(orig, f"{cname} <{office[1]}>", owhen)
    return M(who(p), office, subj, body, ["reply"] + (["mobile"] if mob else []), date=when, reply=True)


def lab_pdf_lines(g, p, dob, kind, when, doc, cname):
    mrn = g.mrn()
    head = [cname.upper() + " - LABORATORY REPORT", "",
            f"Patient: {p['last'].upper()}, {p['first'].upper()}    DOB: {d_full(dob)}    MRN: {mrn}",
            f"Ordering provider: {doc['full']}    Collected: {d_full(when)} 07:42    Reported: {d_full(when)} 15:10", ""]
    if kind == "psa":
        rows = [("PSA, total", f"{round(g.r.uniform(6.1, 9.8), 1)}", "ng/mL", "0.0-4.0", "H"),
                ("PSA, free", f"{round(g.r.uniform(0.6, 1.2), 2)}", "ng/mL", "", ""),
                ("% free PSA", f"{g.r.randint(8, 14)}", "%", ">25", "L")]
        notes = ["Prior PSA: " + f"{round(g.r.uniform(3.9, 4.6), 1)} ng/mL (one year ago)."]
    elif kind == "thyroid":
        rows = [("TSH", f"{round(g.r.uniform(0.9, 2.2), 2)}", "uIU/mL", "0.45-4.50", ""),
                ("Thyroglobulin Ab", f"{g.r.randint(40, 180)}", "IU/mL", "<4", "H"),
                ("Calcitonin", f"{round(g.r.uniform(2, 6), 1)}", "pg/mL", "<10", "")]
        notes = ["Ultrasound: 2.3 cm solid hypoechoic nodule, right lobe, TI-RADS 4.",
                 "FNA cytology: Bethesda III (atypia of undetermined significance)."]
    elif kind == "kidney":
        rows = [("Creatinine", f"{round(g.r.uniform(1.6, 2.3), 2)}", "mg/dL", "0.60-1.30", "H"),
                ("eGFR", f"{g.r.randint(31, 44)}", "mL/min/1.73m2", ">59", "L"),
                ("BUN", f"{g.r.randint(28, 41)}", "mg/dL", "7-20", "H"),
                ("Urine albumin/creatinine", f"{g.r.randint(180, 420)}", "mg/g", "<30", "H")]
        notes = ["eGFR trend: 58 -> 49 -> current over 18 months."]
    else:
        rows = [("WBC", f"{round(g.r.uniform(2.1, 3.2), 1)}", "K/uL", "4.0-11.0", "L"),
                ("Hemoglobin", f"{round(g.r.uniform(9.1, 10.8), 1)}", "g/dL", "12.0-16.0", "L"),
                ("Platelets", f"{g.r.randint(88, 129)}", "K/uL", "150-400", "L"),
                ("Ferritin", f"{g.r.randint(6, 14)}", "ng/mL", "15-150", "L")]
        notes = ["Smear: mild anisocytosis. Recommend hematology evaluation."]
    body = [f"{a:<28}{b:>8}  {c:<14}{d:<12}{e}" for a, b, c, d, e in rows]
    return head + ["TEST                        RESULT  UNITS         REF RANGE   FLAG"] + body + [""] + notes + \
        ["", "Electronically signed. This report is confidential patient information."]


def fam_second_opinion(g, i):
    p = g.person()
    dob = g.dob(1948, 1990)
    when = g.when()
    doc = g.doc()
    doc2 = g.doc()
    while doc2["last"] == doc["last"]:
        doc2 = g.doc()
    cname, cdom = g.pick(CLINICS)
    center = g.pick([("Mayfield Second Opinion Program", "secondopinion@mayfieldhealth.org"),
                     ("University Cancer Center New Patient Office", "newpatients@ucancercenter.org"),
                     ("Westbrook Clinic Referrals", "referrals@westbrookclinic.org"),
                     ("St. Anne Kidney Institute", "intake@stannekidney.org")])
    kind = ["thyroid", "psa", "kidney", "cbc"][i % 4]
    labd = g.earlier(when, 6, 40)
    pdf = att_pdf(lab_pdf_lines(g, p, dob, kind, labd, doc, cname),
                  g.pick([f"labs_{labd.isoformat()}.pdf", f"{asciify(p['last'])}_results.pdf", "LabReport.pdf",
                          "scan0043.pdf"]), "Laboratory Report")
    what = {"thyroid": "thyroid nodule (Bethesda III on the biopsy)", "psa": "rising PSA",
            "kidney": "declining kidney function (stage 3b CKD)", "cbc": "low blood counts"}[kind]
    v = i % 4
    appt = g.later(when, 4, 25)
    form = ["pdf"]
    if v == 0:
        body = (f"Hello,\n\nI have a second-opinion appointment with {doc2['dr']} on {d_wk(appt)} about my {what}. "
                f"Attached are my results from {cname} so they can be reviewed ahead of time. My local doctor "
                f"({doc['full']}) recommended {g.pick(['surgery', 'watchful waiting', 'a biopsy', 'starting treatment'])} "
                f"and I want to be sure before I decide.\n\nName: {p['full']}\nDOB: {d_full(dob)}\nPhone: {g.phone()}\n\nThank you,\n{p['first']}")
        subj = g.pick(["Records for second opinion appointment", f"Second opinion - {p['full']}", "Labs for upcoming visit"])
    elif v == 1:
        body = (f"Hi,\n\nMy PSA has gone up again, the attached report has this year's number and last year's. "
                f"I'm scheduled with {doc2['dr']} on {d_short(appt)}. My urologist wants to do a biopsy but I'd like another "
                f"opinion on whether an MRI first makes more sense.\n\n{p['full']} (DOB {d_full(dob)})")
        subj = g.pick(["PSA results for Dr. " + doc2["last"], "New patient records", "second opinion - PSA"])
    elif v == 2:
        inner = (f"Hi {p['first']},\n\nAs requested, attached is a copy of your lab report from "
                 f"{d_full(labd)}. Please let us know if you need imaging discs as well.\n\nMedical Records\n{cname}")
        body = (f"Forwarding my results from {cname} for my visit with {doc2['dr']} on {d_long(appt)}. "
                f"Please let me know if you need anything else.\n\n{p['full']}\n{g.phone()}\n\n"
                + fwd_block(f"Medical Records <records@{cdom}>", f"{p['full']} <{p['email']}>",
                            when - dt.timedelta(days=2), "Your requested records", inner))
        subj = "Fwd: Your requested records"
        form = ["forward", "pdf"]
    else:
        body = (f"Dear {doc2['dr']}'s office,\n\nI'm the patient who called yesterday about the {what}. "
                f"My nephrologist has mentioned dialysis planning and I would like a second opinion. "
                f"Attached is my most recent bloodwork. I'm also happy to send the ultrasound report.\n\n"
                f"Sincerely,\n{p['full']}\nDate of birth {d_full(dob)}")
        subj = g.pick(["Second opinion request", "Attached labs", "Records - " + p["last"]])
    return M(who(p), center, subj, body, form, [pdf], date=when, html=g.chance(0.4))


def fam_short_reply_appt(g, i):
    p = g.person()
    doc = g.doc()
    when = g.when()
    d = g.later(when, 1, 10)
    cl = g.pick(SPECIALTY_CLINICS)
    office = (cl[0], "scheduling@" + cl[1])
    v = i % 5
    day = d.strftime("%a")
    if v == 0:
        orig = (f"Hi {p['first']}, we have an opening {d.strftime('%A')} {d_short(d)} at 3:00 pm with {doc['dr']} for "
                f"your follow-up. Please reply to confirm.\n{cl[0]}")
        body = g.pick([f"Yes, {day} 3pm works for my follow-up with {doc['dr']}.",
                       f"yes that works! {day} at 3 w/ {doc['dr']}", f"Perfect, see you {day} at 3. Thx"])
        subj = "Re: Appointment opening"
    elif v == 1:
        pt = g.pick([("Motion PT & Rehab", "motionptrehab.com"), ("Core Physical Therapy", "corept.net"),
                     ("Stride Physical Therapy", "stridept.com")])
        office = (pt[0], "frontdesk@" + pt[1])
        orig = f"Reminder: {p['first']}, your physical therapy appointment is today at {tstr(g)}. Reply C to confirm."
        body = g.pick(["Running ~10 min late for my PT appt, sorry!!", "C. might be 5 min late, traffic",
                       "Confirmed - can I do the knee stuff on the bike again today?",
                       "Have to cancel today, back is too sore to drive :( can I do Thurs?"])
        subj = "Re: Appointment reminder"
    elif v == 2:
        orig = f"{p['first']}, your screening mammogram is scheduled {d_wk(d)} at {tstr(g)}. Reply to reschedule."
        office = ("Valley Women's Health", "imaging@valleywomenshealth.com")
        body = g.pick([f"Can I move my mammogram to the {d.day + 1 if d.day < 27 else 3}th? Thx",
                       "need to resched the mammogram, any Sat openings?", "Confirmed thank you"])
        subj = "Re: Your upcoming appointment"
    elif v == 3:
        office = ("Metro Sleep Center", "scheduling@metrosleep.org")
        orig = (f"Hi {p['first']}, this confirms your CPAP compliance visit with {doc['dr']} on {d_short(d)} at "
                f"{tstr(g)}. Please bring your machine's SD card.")
        body = g.pick(["Confirmed. I'll bring the CPAP card.", "got it, bringing the sd card. mask still leaking fyi",
                       "Confirmed, thanks! Still having trouble with the mask at night"])
        subj = "Re: Appointment confirmation"
    else:
        pc = g.pick(CLINICS)
        office = (pc[0], "lab@" + pc[1])
        orig = (f"{p['first']}, {doc['dr']} ordered a lipid panel and CMP before your physical on {d_short(d)}. "
                f"Lab hours 7-11am.")
        body = g.pick(["ok got it - fasting after midnight for the bloodwork right?",
                       "Thanks. Do I need to fast? I take my metformin in the morning",
                       "can I still have black coffee before the blood draw"])
        subj = "Re: Lab orders"
    body = typo(body, g, 0.05)
    sf = g.sentfrom()
    body = body + ("\n\n" + sf if sf else "") + "\n\n" + quote(orig, f"{office[0]} <{office[1]}>", when - dt.timedelta(hours=g.r.randint(1, 30)))
    return M(who(p), office, subj, body, ["reply", "mobile"], date=when, reply=True,
             headers={"X-Mailer": "iPhone Mail (21E236)"} if "iPhone" in sf else {})


def fam_caregiver_dementia(g, i):
    parent = g.person()
    child = g.person(last=parent["last"] if g.chance(0.6) else None)
    parent["first"] = g.pick(["Lorraine", "Walter", "Henrik", "Dolores", "Ruth", "Harold", "Mae", "Bernice",
                              "Tomás", "Yoshiko", "Gloria", "Eugene", "Ming", "Earl", "Faith", "June", "Pearl"])
    parent["full"] = f"{parent['first']} {parent['last']}"
    rel = g.pick(["Mom", "Dad"]) if parent["first"] not in ("Walter", "Henrik", "Harold", "Tomás", "Eugene", "Earl") else "Dad"
    rel = "Dad" if parent["first"] in ("Walter", "Henrik", "Harold", "Tomás", "Eugene", "Earl") else "Mom"
    pr = "he" if rel == "Dad" else "she"
    pos = "his" if rel == "Dad" else "her"
    when = g.when()
    doc = g.doc()
    fac = g.pick([("Brookdale Meadows Memory Care", "brookdalemeadows.com"), ("Sunrise of Oak Park", "sunriseoakpark.com"),
                  ("The Willows Assisted Living", "thewillowsal.org"), ("Heritage Pointe", "heritagepointe.net")])
    v = i % 5
    if v == 0:
        rm = g.r.randint(100, 240)
        body = (f"Hi {g.pick(['Shanice', 'Marco', 'Debbie', 'nursing team', 'Karen'])},\n\nThank you for the update yesterday about "
                f"{rel} ({parent['full']}, Rm {rm}). The evening agitation you described sounds like the sundowning the "
                f"neurologist warned us about. {doc['dr']} increased {pos} donepezil to 10 mg at the visit on "
                f"{d_short(g.earlier(when, 3, 10))}, so that may also be part of it for the first couple of weeks.\n\n"
                f"Could the aides try to keep {pos} room lights on after 4pm and put on {pos} music? It really calms {'him' if rel == 'Dad' else 'her'}. "
                f"Also please call me if {pr} refuses the evening meds more than once.\n\n{child['full']}\n{g.phone()}")
        subj = f"{rel} - evenings ({parent['full']}, Rm {rm})"
        to = (fac[0] + " Nursing", "nursing@" + fac[1])
    elif v == 1:
        moca = g.r.randint(14, 19)
        sibs = [g.person(last=child["last"]) for _ in range(g.r.randint(1, 3))]
        body = (f"Hi all,\n\nUpdate on {rel} after today's appointment with {doc['dr']}:\n\n"
                f"- MoCA was {moca}/30, down from {moca + g.r.randint(3, 6)} in the spring\n"
                f"- They're adding memantine 5 mg, going up to 10 in a month\n"
                f"- {doc['dr']} said {pr} should not drive anymore. I took the keys, {pr} was NOT happy\n"
                f"- Next visit in 3 months, and they want a home safety eval\n\n"
                f"Can someone cover the pill organizer this Sunday? I'm in Denver for work.\n\nLove,\n{child['first']}")
        body = typo(body, g, 0.02)
        subj = g.pick([f"{rel} neuro appt update", f"Update on {rel}", f"{parent['first']} - today's appt"])
        to = [who(s) for s in sibs]
        return M(who(child), to, subj, body, [], date=when)
    elif v == 2:
        prog = g.pick([("Golden Years Adult Day Center", "goldenyearsadc.org"), ("ElderCare Day Program", "eldercareday.org")])
        body = (f"Good morning,\n\nMy {'father' if rel == 'Dad' else 'mother'}, {parent['full']}, starts at your program "
                f"on {d_wk(g.later(when, 2, 9))}. A few things for the staff:\n\n"
                f"1. {pr.capitalize()} has moderate Alzheimer's and may ask for {pos} late {'wife' if rel == 'Dad' else 'husband'}. "
                f"Redirecting works better than correcting.\n"
                f"2. {pr.capitalize()} needs the 12pm dose of memantine 10 mg; I'll send it in a labeled bottle.\n"
                f"3. {pr.capitalize()} is a fall risk and uses a walker.\n"
                f"4. Diabetic diet please, no juice.\n\nEmergency contact: {child['full']}, {g.phone()}\n\nThank you!")
        subj = g.pick([f"New participant - {parent['full']}", "Starting Monday - info for staff", "Care notes for my " + ('father' if rel == 'Dad' else 'mother')])
        to = (prog[0], "intake@" + prog[1])
    elif v == 3:
        law = g.person(domain=g.pick(["hendersonelderlaw.com", "parkwayestatelaw.com"]))
        body = (f"Dear Ms./Mr. {law['last']},\n\nI'm reaching out about my {'father' if rel == 'Dad' else 'mother'}, "
                f"{parent['full']} (age {g.r.randint(74, 91)}). {pr.capitalize()} was diagnosed with Lewy body dementia last "
                f"month by {doc['full']} at {g.pick(HOSPITALS)}, and the doctor said {pr} may not have capacity for "
                f"much longer. We never set up a power of attorney or healthcare proxy.\n\nCould we schedule a "
                f"consultation soon? {pr.capitalize()} still has good days in the mornings.\n\n{child['full']}\n{g.phone()}")
        subj = g.pick(["POA consultation for my parent", "Consultation request - dementia diagnosis", "Power of attorney question"])
        to = who(law)
    else:
        nurse = g.person()
        owhen = when - dt.timedelta(hours=g.r.randint(3, 20))
        orig = (f"Hi {child['first']},\n\nAs discussed on the phone, {parent['first']} had an unwitnessed fall in "
                f"{pos} bathroom at approximately 2:15 am. {pr.capitalize()} was sent to {g.pick(HOSPITALS)} ER for evaluation "
                f"and returned at 9 am. Skin tear on left forearm dressed.\n\n{nurse['full']}, RN\nDirector of Nursing, {fac[0]}")
        body = (f"Thank you for calling. Did they do a CT of {pos} head at the ER? The discharge paper {pr} came back with "
                f"is missing. Also {pr} is on Eliquis so I'm worried about bleeding. Can we talk about a bed alarm?\n\n"
                f"{child['first']}\n\n" + quote(orig, f"{nurse['full']} <{asciify(nurse['first']).lower()}@{fac[1]}>", owhen))
        subj = f"Re: Incident notification - {parent['full']}"
        return M(who(child), (nurse["full"], asciify(nurse["first"]).lower() + "@" + fac[1]), subj, body, ["reply"],
                 date=when, reply=True)
    return M(who(child), to, subj, body, [], date=when)


def fam_sibling_care_schedule(g, i):
    parent = g.person()
    parent["first"] = g.pick(["Mom", "Dad"])
    pname = g.pick(["Lorraine", "Walter", "Dolores", "Ruth", "Harold", "Bernice", "Gloria", "Eugene", "Ming", "Ray", "Art", "Pearl", "Rose"])
    pfull = f"{pname} {parent['last']}"
    kid = g.person(last=parent["last"])
    sibs = [g.person(last=parent["last"]) for _ in range(2)]
    when = g.when()
    doc = g.doc()
    meds = g.r.sample([("donepezil 10 mg", "8pm"), ("Eliquis 5 mg", "8am + 8pm"), ("metoprolol 25 mg", "8am"),
                       ("furosemide 40 mg", "8am"), ("levothyroxine 75 mcg", "6am empty stomach"),
                       ("insulin glargine 18 units", "9pm"), ("sertraline 50 mg", "8am"), ("tamsulosin 0.4 mg", "bedtime")], 4)
    month = when.strftime("%B")
    rows = [[f"{pfull} - meds & appointments - {month} {when.year}"], [],
            ["Medication", "Dose time", "Notes"]]
    for m, t in meds:
        rows.append([m, t, g.pick(["with food", "", "check BP first", "crush ok", "do not skip"])])
    rows += [[], ["Date", "Appointment", "Who drives", "Notes"]]
    start = g.later(when, 2, 6)
    appts = [f"{doc['dr']} (cardiology) follow-up", "INR / bloodwork at Quest", "Podiatry - nail trim (diabetic)",
             "Memory clinic", "Physical therapy", "Eye exam - retinopathy check", "Wound care clinic"]
    for k in range(g.r.randint(3, 5)):
        d = start + dt.timedelta(days=k * g.r.randint(3, 6))
        rows.append([d.isoformat(), g.pick(appts), g.pick([s["first"] for s in sibs] + [kid["first"]]),
                     g.pick(["", "bring med list", "fasting", "bring glucose log"])])
    v = i % 4
    use_csv = (i % 5 == 4)
    fn = g.pick([f"{pname}_care_{month}.xlsx", "Mom_Dad schedule.xlsx", "care_schedule.xlsx", f"{parent['last']}_meds.xlsx"])
    if use_csv:
        att = att_csv([r if r else [""] for r in rows], fn.replace(".xlsx", ".csv"))
    else:
        att = att_xlsx(rows, fn, "Schedule")
    bodies = [
        f"Hi guys,\n\nHere's the schedule for {parent['first']}'s meds and appointments for {month}. I put who's driving "
        f"to each one, switch with each other if you need to but update the sheet. The {meds[0][0]} is new as of last week.\n\n{kid['first']}",
        f"Attached is the updated care sheet. Big change: {doc['dr']} stopped the {meds[1][0].split()[0]} so I took it off. "
        f"Please double check the pill box on your days.\n\nThx\n{kid['first']}",
        f"{sibs[0]['first']}, {sibs[1]['first']} -\n\nSpreadsheet attached. I can't do the {month} appointments on weekdays "
        f"anymore with the new job, so I need you two to cover the ones marked. {parent['first']} ({pname}) keeps asking who's coming.\n\n{kid['full']}",
        f"Family,\n\nNew month, new schedule. Reminder {parent['first']} has to fast before the bloodwork. "
        f"Also the pharmacy moved the refill of {meds[2][0]} to auto-ship so nobody needs to pick it up.\n\nLove you all,\n{kid['first']}",
    ]
    body = typo(bodies[v], g, 0.02)
    subj = g.pick([f"{parent['first']}'s schedule for {month}", f"{month} care schedule", f"updated med sheet - {parent['first']}",
                   f"{pname} care calendar"])
    return M(who(kid), [who(s) for s in sibs], subj, body, [], [att], date=when)


def fam_parent_school(g, i):
    par = g.person()
    kid = g.kid(par["last"])
    when = g.when()
    doc = g.doc()
    school = g.pick([("Jefferson Elementary", "jeffersonelem.k12.org"), ("Lincoln Middle School", "lincolnms.org"),
                     ("Westside Academy", "westsideacademy.org"), ("Roosevelt K-8", "rooseveltk8.net"),
                     ("St. Brigid School", "stbrigid.org")])
    grade = g.pick(["2nd", "3rd", "4th", "5th", "6th", "7th", "K"])
    v = i % 5
    atts, form = [], []
    if v == 0:
        nurse = g.person(domain=school[1])
        to = (f"{nurse['full']} (School Nurse)", nurse["email"])
        body = (f"Hi Nurse {nurse['last']},\n\n{kid['first']} ({grade} grade, {g.pick(['Ms. Delgado', 'Mr. Brown', 'Mrs. Park', 'Ms. Hope'])}'s class) "
                f"was just diagnosed with type 1 diabetes after a hospital stay at {g.pick(HOSPITALS)}. {kid['first']} is "
                f"on insulin now (Humalog with meals, Lantus at night) and wears a Dexcom. Attached is the diabetes "
                f"care plan from {doc['full']}'s office. Can we meet before {pr_day(g)} to go over lunch dosing and low-blood-sugar snacks?\n\n"
                f"Thank you,\n{par['full']}\n{g.phone()}")
        subj = g.pick([f"{kid['first']} {kid['last']} - new diabetes diagnosis", "Diabetes care plan", "Need to meet re: insulin at school"])
        atts = [att_docx(["# Diabetes Medical Management Plan", f"Student: {kid['full']}   Grade: {grade}",
                          f"Date of birth: {d_full(g.dob(2011, 2018))}", f"Physician: {doc['full']}",
                          "Insulin: Humalog per carb ratio 1 unit : 15 g at lunch; correction 1 unit per 50 mg/dL over 150.",
                          "Hypoglycemia (< 70 mg/dL): 15 g fast-acting carbs, recheck in 15 minutes.",
                          "CGM: Dexcom G7. Parent receives alerts.", f"Parent/guardian: {par['full']} {g.phone()}"],
                         f"DMMP_{asciify(kid['first'])}.docx")]
    elif v == 1:
        teacher = g.person(domain=school[1])
        to = who(teacher)
        med = g.pick(["Concerta 18mg", "Focalin XR 10mg", "Vyvanse 20mg", "guanfacine 1mg"])
        body = (f"Hi {g.pick(['Ms.', 'Mr.', 'Mrs.'])} {teacher['last']},\n\nJust a heads up - {kid['first']}'s pediatrician "
                f"changed {g.pick(['his', 'her', 'their'])} ADHD medication last week, {kid['first']} is on {med} now. "
                f"If you notice {kid['first']} seems really tired or off after lunch, or not eating, could you let me know? "
                f"We're supposed to report back to {doc['dr']} in two weeks.\n\nThanks so much,\n{par['first']} ({kid['first']}'s mom/dad)")
        body = body.replace("mom/dad", g.pick(["mom", "dad"]))
        subj = g.pick([f"{kid['first']} - medication change", "quick heads up", f"{kid['first']} {kid['last']}"])
    elif v == 2:
        nurse = g.person(domain=school[1])
        to = ("Health Office", "healthoffice@" + school[1])
        body = (f"Hello,\n\n{kid['full']} in {grade} grade has a severe peanut and tree nut allergy (anaphylaxis in 2022). "
                f"There is an EpiPen Jr in the front pocket of the backpack and a second one should stay in the health office. "
                f"Attached is the Medication Authorization form signed by {doc['full']}.\n\n{par['full']}\nParent of {kid['full']}")
        subj = g.pick(["EpiPen authorization form", "Allergy action plan - " + kid["full"], "Medication form attached"])
        atts = [att_pdf(["MEDICATION AUTHORIZATION - SCHOOL ADMINISTRATION", "",
                         f"Student: {kid['full']}     DOB: {d_full(g.dob(2010, 2018))}     Grade: {grade}",
                         f"School: {school[0]}", "Diagnosis: Peanut / tree nut allergy with history of anaphylaxis",
                         "Medication: Epinephrine auto-injector 0.15 mg (EpiPen Jr)",
                         "Administer IM to outer thigh for any sign of systemic reaction; call 911.",
                         "Secondary: cetirizine 5 mg for hives only.", "",
                         f"Prescriber: {doc['full']}, MD    Phone: {g.phone()}",
                         f"Parent/Guardian: {par['full']}    Signature on file"], "med_authorization.pdf",
                        "Medication Authorization")]
        form = []
    elif v == 3:
        to = ("Attendance Office", "attendance@" + school[1])
        ill = g.pick(["strep throat", "the flu (type A)", "pneumonia", "hand, foot and mouth disease", "a stomach virus"])
        body = (f"Please excuse {kid['full']} ({grade}) for {d_wk(g.earlier(when, 3, 6))} through {d_wk(g.earlier(when, 0, 2))}. "
                f"{kid['first']} had {ill} and was seen at {g.pick(['urgent care', doc['dr'] + chr(39) + 's office', 'the pediatrician'])}. "
                f"Doctor's note attached. {kid['first']} is back today but still on antibiotics at lunch.\n\n{par['full']}")
        subj = g.pick([f"Absence - {kid['full']}", "absence note", f"{kid['first']} out sick"])
        atts = [att_pdf([f"{doc['full']}, Pediatrics", "", f"Date: {d_full(when)}", "",
                         f"{kid['full']} was seen in our office for {ill}.",
                         "Please excuse from school through the dates listed by the parent.",
                         "May return when fever free for 24 hours.", "", f"{doc['full']}"],
                        g.pick(["doctors_note.pdf", "IMG_4471.pdf", "note.pdf"]), "Doctor's note")]
    else:
        coun = g.person(domain=school[1])
        to = who(coun)
        body = (f"Dear {coun['first']} {coun['last']},\n\nFollowing up on our call about a 504 plan for {kid['first']}. "
                f"{kid['first']} was diagnosed with generalized anxiety disorder by {doc['full']} in {g.pick(['August', 'March', 'October'])} "
                f"and is seeing a therapist weekly. The accommodations we'd like to discuss are: extra time on tests, "
                f"a quiet space to take tests, and a pass to see you when overwhelmed.\n\nAre you available "
                f"{g.pick(['Thursday after pickup', 'next Tuesday morning', 'any day after 3'])}?\n\n{par['full']}")
        subj = g.pick(["504 plan meeting", f"{kid['first']} {kid['last']} - 504", "accommodations request"])
    return M(who(par), to, subj, body, form, atts, date=when, html=g.chance(0.3))


def pr_day(g):
    return g.pick(["Monday", "Friday", "next week", "the field trip", "winter break"])


def fam_parent_coach(g, i):
    par = g.person()
    kid = g.kid(par["last"])
    when = g.when()
    doc = g.doc()
    coach = g.person()
    sport = g.pick(["soccer", "basketball", "football", "volleyball", "lacrosse", "hockey", "baseball"])
    v = i % 5
    atts, form = [], []
    if v == 0:
        body = (f"Coach {coach['last']},\n\n{kid['first']} took a hard hit in Saturday's game and afterward had a headache "
                f"and was sensitive to light. We went to urgent care and they diagnosed a concussion. "
                f"Doctor says no contact and no screens for a week, then a return-to-play protocol. I'll send the clearance "
                f"note when we have it. {kid['first']} can still come and watch practice if that's ok.\n\n{par['full']}")
        subj = g.pick([f"{kid['first']} - concussion", "Saturday's game", f"{kid['first']} out this week"])
    elif v == 1:
        body = (f"Hi Coach {coach['first']},\n\nFYI {kid['first']} has exercise-induced asthma. {kid['first']} should take 2 puffs "
                f"of the albuterol inhaler about 15 min before practice; it'll be in the side pocket of the {sport} bag. "
                f"If {kid['first']} is wheezing please let them sit out and use it again. Call me at {g.phone()} if it doesn't help.\n\n"
                f"Thanks!\n{par['first']}")
        subj = g.pick(["asthma / inhaler", f"{kid['first']} inhaler info", "FYI for practice"])
    elif v == 2:
        d = g.later(when, 5, 20)
        body = (f"Coach,\n\nUnfortunately {kid['first']}'s MRI confirmed a partial ACL tear in the {g.pick(['left', 'right'])} knee. "
                f"{doc['dr']} at {g.pick(SPECIALTY_CLINICS)[0]} is doing surgery on {d_long(d)}, so {kid['first']} is done for the season. "
                f"{kid['first']} is pretty crushed about it. Would it be ok for {kid['first']} to still sit on the bench at home games?\n\n"
                f"{par['full']}")
        subj = g.pick(["bad news - knee", f"{kid['first']} MRI results", "out for the season"])
    elif v == 3:
        body = g.pick([f"Coach - {kid['first']} won't be at practice today, 102 fever and the pediatrician thinks it's flu. Will keep home thru the weekend",
                       f"{kid['first']} is out tonight, strep again :( on amoxicillin, should be back Thurs",
                       f"Hi coach, {kid['first']} threw up at school w/ a stomach bug, not coming to practice. sorry!"])
        body = typo(body, g, 0.05) + "\n\n" + g.pick([par["first"], f"- {par['first']} ({kid['first']}'s mom)", ""]) + "\n\n" + (g.sentfrom() or "Sent from my iPhone")
        subj = g.pick(["practice", f"{kid['first']} out", "sick today", ""])
        form = ["mobile"]
    else:
        inj = g.pick(["broken wrist", "ankle sprain", "stress fracture in his foot", "shoulder separation"])
        body = (f"Hi Coach {coach['last']},\n\nAttached is {doc['dr']}'s return-to-play clearance for {kid['full']} after the "
                f"{inj}. {doc['dr']} wants {kid['first']} to keep the brace on for games for another 3 weeks. "
                f"See you Tuesday!\n\n{par['full']}")
        subj = g.pick(["clearance note", f"{kid['first']} cleared to play", "return to play form"])
        atts = [att_pdf([g.pick(SPECIALTY_CLINICS)[0], "", "RETURN TO PLAY CLEARANCE", "",
                         f"Patient: {kid['full']}     DOB: {d_full(g.dob(2007, 2015))}",
                         f"Diagnosis: {inj}", f"Cleared for full participation effective {d_full(when)}.",
                         "Restrictions: wear protective brace during competition for 3 weeks.", "",
                         f"{doc['full']}"], g.pick(["clearance.pdf", "RTP_form.pdf", "scan.pdf"]), "Return to play")]
    return M(who(par), (f"Coach {coach['last']}", coach["email"]), subj, body, form, atts, date=when)


CORPS = ["brightlinelogistics.com", "meridianfin.com", "kestrelsoftware.io", "harborbuilders.com",
         "cobaltmedia.co", "pinnacleins.com", "evergreenretail.com", "northwindfoods.com", "atlasgov.org"]


def corp_sig(g, p, dom):
    title = g.pick(["Senior Analyst", "Project Manager", "Account Executive", "Warehouse Lead", "Software Engineer",
                    "Operations Coordinator", "Controller", "Customer Success Manager"])
    s = f"{p['full']}\n{title}\n{dom.split('.')[0].capitalize()} | {g.phone_dots()}"
    if g.chance(0.5):
        s += "\n\n" + CORP_DISCLAIMER
    return s


def fam_spouse_leave(g, i):
    dom = g.pick(CORPS)
    emp = g.person(domain=dom)
    mgr = g.person(domain=dom)
    hr = ("HR Benefits", g.pick(["benefits", "hr", "leave", "peopleops"]) + "@" + dom)
    sp = g.person(last=emp["last"])
    rel = g.pick(["wife", "husband", "partner"])
    when = g.when()
    d = g.later(when, 4, 25)
    hosp = g.pick(HOSPITALS)
    doc = g.doc()
    v = i % 4
    atts, form, reply = [], [], False
    if v == 0:
        surg = g.pick(["a hysterectomy", "spinal fusion surgery", "a double mastectomy", "hip replacement surgery",
                       "open heart surgery (valve replacement)", "a kidney transplant"])
        body = (f"Hi {mgr['first']},\n\nI wanted to let you know before it goes on the calendar: my {rel} {sp['first']} is having "
                f"{surg} on {d_wk(d)} at {hosp}. Recovery is about {g.r.randint(3, 6)} weeks and {g.pick(['they', 'she', 'he'])} won't be "
                f"able to drive or lift anything, so I'd like to take FMLA from {d_short(d - dt.timedelta(days=1))} to "
                f"{d_short(d + dt.timedelta(days=14))} to care for {g.pick(['them', 'her', 'him'])}. I'll loop in HR for the paperwork. "
                f"I can hand off the {g.pick(['Q3 forecast', 'Henderson account', 'release', 'audit prep'])} to {g.pick(FIRST)} before I go.\n\n"
                + corp_sig(g, emp, dom))
        subj = g.pick(["Leave request", "FMLA - family", "Time off request - spouse surgery", "Out for a couple weeks in " + d.strftime("%B")])
        to, cc = who(mgr), [hr]
    elif v == 1:
        body = (f"Hello,\n\nI'd like to request intermittent FMLA leave. My {rel}, {sp['full']}, was recently diagnosed with "
                f"stage {g.pick(['2', '3'])} {g.pick(['colon', 'breast', 'ovarian', 'pancreatic'])} cancer and starts chemotherapy "
                f"at {hosp} every other {g.pick(['Thursday', 'Monday', 'Wednesday'])} starting {d_long(d)}. I'd need those days off, and "
                f"possibly the day after. Please let me know what forms {doc['dr']} needs to fill out.\n\n" + corp_sig(g, emp, dom))
        subj = g.pick(["Intermittent FMLA request", "Request for leave to care for spouse", "FMLA question"])
        to, cc = hr, []
    elif v == 2:
        body = typo(f"{mgr['first']} - {sp['first']}'s knee replacement got moved up to {d.strftime('%A')}, I'll need to be out "
                    f"{d.strftime('%a')}-{(d + dt.timedelta(days=2)).strftime('%a')} to drive and stay with {g.pick(['him', 'her'])} at the hospital. "
                    f"Can {g.pick(FIRST)} cover the standup? Will be on slack on and off.", g, 0.04) + "\n\n" + emp["first"] + "\n\n" + (g.sentfrom() or "Sent from my iPhone")
        subj = g.pick(["out next week", "need a few days", "heads up - surgery moved"])
        to, cc = who(mgr), []
        form = ["mobile"]
    else:
        hrp = g.person(domain=dom)
        owhen = when - dt.timedelta(days=g.r.randint(1, 5))
        orig = (f"Hi {emp['first']},\n\nYour request for leave to care for a family member has been received. Please "
                f"return the WH-380-F certification completed by the health care provider within 15 calendar days.\n\n"
                f"{hrp['full']}\nLeave Administration")
        surg = g.pick(["coronary bypass surgery", "a liver resection", "brain tumor surgery", "a hip replacement"])
        body = (f"Hi {hrp['first']},\n\nAttached is the certification from {doc['full']} for {sp['full']}'s {surg} on {d_short(d)}. "
                f"The office said the expected recovery is 6-8 weeks. Let me know if you need anything else.\n\n"
                + corp_sig(g, emp, dom) + "\n\n" + quote(orig, f"{hrp['full']} <{hrp['email']}>", owhen))
        subj = "RE: Leave request received"
        to, cc = who(hrp), []
        atts = [att_pdf(["CERTIFICATION OF HEALTH CARE PROVIDER FOR FAMILY MEMBER'S SERIOUS HEALTH CONDITION", "",
                         f"Employee: {emp['full']}", f"Family member: {sp['full']}   Relationship: Spouse",
                         f"Condition: requires {surg}; inpatient stay expected {g.r.randint(3, 7)} days.",
                         f"Date of procedure: {d_full(d)}", "Estimated incapacity: 6-8 weeks.",
                         "Family member will require assistance with transportation, meals and wound care.", "",
                         f"Provider: {doc['full']}   {hosp}   Phone: {g.phone()}"], "WH-380-F_signed.pdf", "WH-380-F")]
        form = ["reply"]
        reply = True
    return M(who(emp), to, subj, body, form, atts, date=when, cc=cc, reply=reply)


def fam_employee_own_leave(g, i):
    dom = g.pick(CORPS)
    emp = g.person(domain=dom)
    mgr = g.person(domain=dom)
    when = g.when()
    doc = g.doc()
    d = g.later(when, 1, 10)
    v = i % 5
    atts, form = [], []
    if v == 0:
        body = (f"Hi {mgr['first']},\n\nI'll be out {d.strftime('%A')} for a colonoscopy - the prep is the day before so I'll "
                f"probably sign off around 2 on {(d - dt.timedelta(days=1)).strftime('%A')}. Back {(d + dt.timedelta(days=1)).strftime('%A')}.\n\n{emp['first']}")
        subj = g.pick([f"out {d.strftime('%A')}", f"PTO {d_short(d)}", "Out for a procedure"])
    elif v == 1:
        surg = g.pick(["gallbladder surgery", "hernia repair", "sinus surgery", "rotator cuff surgery", "knee surgery"])
        body = (f"Hi {mgr['first']},\n\n{doc['dr']} is putting me on medical leave for {g.r.randint(2, 6)} weeks after my {surg} on "
                f"{d_long(d)}. I've started the paperwork with HR. I'll document where everything is before then.\n\n" + corp_sig(g, emp, dom))
        subj = g.pick(["medical leave", "Upcoming leave", "Surgery - out of office"])
    elif v == 2:
        cond = g.pick(["rheumatoid arthritis", "carpal tunnel syndrome in both wrists", "a herniated disc", "lupus"])
        body = (f"Hello {g.pick(['HR team', mgr['first']])},\n\nI'd like to request a reasonable accommodation. I was diagnosed with "
                f"{cond} this {g.pick(['spring', 'summer', 'fall', 'winter'])} and my rheumatologist/doctor recommends an ergonomic keyboard, "
                f"a sit-stand desk and the option to work from home on flare days. I have a letter from {doc['full']} I can send.\n\n"
                + corp_sig(g, emp, dom))
        subj = g.pick(["Accommodation request", "ADA accommodation", "Workstation request"])
    elif v == 3:
        body = typo(g.pick([f"Migraine, won't make it in today. Took my sumatriptan, will check email this afternoon if I can look at a screen.",
                            f"Hey - my blood pressure was crazy high this morning (170/105), going to urgent care. Will update.",
                            f"Out sick today, the doctor thinks its shingles. Contagious until blisters crust over so wfh rest of week if ok?",
                            f"Threw my back out again, on muscle relaxers and can't drive. Taking a sick day."]), g, 0.04)
        body += "\n\n" + emp["first"] + ("\n\n" + (g.sentfrom() or "Sent from my iPhone"))
        subj = g.pick(["sick today", "out today", "OOO today", "not coming in"])
        form = ["mobile"]
    else:
        restr = g.pick(["20-lb lifting restriction", "no driving forklifts for 2 weeks", "half days for the first week",
                        "no overhead lifting with the right arm"])
        proc = g.pick(["hernia repair", "knee arthroscopy", "appendectomy", "shoulder surgery"])
        body = (f"Hi {mgr['first']},\n\n{doc['dr']} cleared me to return on {d_long(d)} with a {restr} after my {proc}. "
                f"Note is attached; I also sent it to HR.\n\n" + corp_sig(g, emp, dom))
        subj = g.pick(["return to work", "RTW note", "Back on " + d_short(d)])
        atts = [att_docx([g.pick(SPECIALTY_CLINICS)[0], f"Date: {d_full(when)}", "# Work Status Report",
                          f"Patient: {emp['full']}", f"Procedure: {proc}",
                          f"May return to work on {d_full(d)} with the following restrictions: {restr}.",
                          "Restrictions in effect until next follow-up visit in 4 weeks.", doc["full"]],
                         g.pick(["work_note.docx", "RTW_letter.docx"]))]
    return M(who(emp), who(mgr), subj, body, form, atts, date=when, html=g.chance(0.3) and not form)


FIRMS = [("Morales & Whitfield Injury Law", "moraleswhitfield.com"), ("Brandt Law Group", "brandtlawgroup.com"),
         ("Okonkwo Personal Injury Attorneys", "okonkwolaw.com"), ("Rivers, King & Day LLP", "rkdlaw.com"),
         ("The Castellanos Firm", "castellanosfirm.com")]


def law_sig(g, p, firm):
    return (f"{p['full']}\nParalegal | {firm[0]}\n{g.r.randint(100, 9999)} {g.pick(['Main St', 'Commerce Blvd', 'Peachtree St NE', 'Wilshire Blvd'])}, "
            f"Suite {g.r.randint(100, 900)}\nT {g.phone()} | F {g.phone()}\n\n{LAW_DISCLAIMER}")


def fam_paralegal_records(g, i):
    firm = g.pick(FIRMS)
    para = g.person(domain=firm[1])
    cl = g.person()
    dob = g.dob(1955, 2000)
    when = g.when()
    doi = g.earlier(when, 60, 300)
    doc = g.doc()
    hosp = g.pick(HOSPITALS)
    v = i % 5
    atts, form, reply = [], [], False
    matter = f"{g.r.randint(21, 25)}-{g.r.randint(1000, 9999)}"
    if v == 0:
        to = (f"{hosp} Health Information Management", "roi@" + asciify(hosp.split()[0]).lower().replace("'", "").replace(".", "") + "health.org")
        body = (f"Good afternoon,\n\nPlease see the attached HIPAA-compliant authorization for our client:\n\n"
                f"Patient: {cl['full']}\nDOB: {d_full(dob)}\nDates of service: {d_full(doi)} to present\n\n"
                f"We are requesting complete medical records including ER records, imaging reports, and itemized billing "
                f"(UB-04) related to the motor vehicle collision on {d_full(doi)}. Please advise of any fees.\n\n" + law_sig(g, para, firm))
        subj = g.pick([f"Records request - {cl['full']} DOB {d_full(dob)}", f"Medical records request / {cl['last']}",
                       f"Request for records: {cl['full']}"])
        atts = [att_pdf(["AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION (45 CFR 164.508)", "",
                         f"Patient name: {cl['full']}     Date of birth: {d_full(dob)}",
                         f"Address: {g.r.randint(10, 9999)} {g.pick(['Maple Ave', 'Sycamore Ln', 'W 38th St', 'Birch Ct'])}",
                         f"Release from: {hosp}", f"Release to: {firm[0]}",
                         "Information: all records incl. emergency, radiology, billing, for dates of service listed.",
                         f"Purpose: legal claim     Expires: one year from signature", "",
                         f"Signature: /s/ {cl['full']}     Date: {d_full(g.earlier(when, 2, 9))}"],
                        f"HIPAA_Auth_{asciify(cl['last'])}.pdf", "HIPAA Authorization")]
    elif v == 1:
        adj = g.person(domain=g.pick(["statefarm.com", "progressive.com", "geico.com", "allstate.com", "libertymutual.com"]))
        to = who(adj)
        specials = g.money(8000, 48000)
        body = (f"Dear {adj['first']} {adj['last']},\n\nRe: Our client {cl['full']}; Your insured: {g.pick(FIRST)} {g.pick(LAST)}; "
                f"Claim No. {g.r.randint(10, 99)}-{g.r.randint(1000000, 9999999)}; DOL {d_full(doi)}\n\n"
                f"Enclosed please find medical records and bills to date. Mr./Ms. {cl['last']} was treated at {hosp} and then "
                f"by {doc['full']} for cervical strain, lumbar radiculopathy and a right shoulder labral tear, and completed "
                f"{g.r.randint(18, 36)} physical therapy visits. Total medical specials to date are {specials}.\n\n"
                f"We will forward our demand once treatment is complete.\n\n" + law_sig(g, para, firm))
        subj = f"{cl['full']} - medical records and bills"
        atts = [att_pdf([f"{firm[0]} - MEDICAL SPECIALS SUMMARY", "", f"Client: {cl['full']}   DOB: {d_full(dob)}   Matter {matter}", "",
                         f"{hosp} ER {d_full(doi)}    CT cervical spine, x-rays      {g.money(3000, 9000)}",
                         f"{doc['full']} ortho consults (3)                       {g.money(600, 1800)}",
                         f"MRI right shoulder                                      {g.money(1200, 2600)}",
                         f"Physical therapy ({g.r.randint(18, 36)} visits)                           {g.money(2500, 7000)}",
                         f"Pharmacy (cyclobenzaprine, meloxicam)                   {g.money(60, 300)}", "",
                         f"TOTAL: {specials}"], "specials_summary.pdf", "Specials summary")]
    elif v == 2:
        to = who(cl)
        body = (f"Hi {cl['first']},\n\nWe received your records from {doc['dr']}'s office. Can you confirm a few things for us?\n\n"
                f"1. The records show physical therapy at {g.pick(['Motion PT', 'Core PT', 'Stride PT'])} through {d_short(g.earlier(when, 5, 30))} - did you go after that?\n"
                f"2. Are you still taking the gabapentin for the numbness in your hand?\n"
                f"3. Have you had the injection {doc['dr']} recommended?\n\n"
                f"You can just reply to this email. Thanks!\n\n" + law_sig(g, para, firm))
        subj = g.pick(["Quick questions about your treatment", f"Your case - {matter}", "Following up - medical records"])
        if i >= 5:
            body = (f"Hi {cl['first']},\n\nGood news - {hosp} finally sent the ER records and the bill. They show the CT of your "
                    f"neck was negative but you were diagnosed with a concussion and a {g.pick(['sprained wrist', 'rib contusion', 'whiplash injury'])}. "
                    f"Attorney {firm[0].split()[0]} wants to know if you're still having headaches and whether {doc['dr']} "
                    f"referred you to neurology. Please call me when you get a chance.\n\n" + law_sig(g, para, firm))
            subj = g.pick(["ER records received", f"Update on your case ({matter})"])
    elif v == 3:
        to = ("Medical Records", "records@" + g.pick(CLINICS)[1])
        owhen = when - dt.timedelta(days=g.r.randint(21, 40))
        orig = (f"Please find attached an authorization for release of records for {cl['full']}, DOB {d_full(dob)}, "
                f"treated by {doc['full']} for injuries sustained {d_full(doi)}.")
        body = (f"Hello,\n\nFollowing up on the request below sent {d_long(owhen)}. We have not yet received the records for "
                f"{cl['full']}. Could you please provide an update or an estimated date? We have a mediation scheduled and "
                f"need the office notes and the EMG/nerve conduction results.\n\n" + law_sig(g, para, firm) + "\n\n"
                + quote(orig, f"{para['full']} <{para['email']}>", owhen))
        subj = f"RE: Records Request - {cl['full']} - 2nd Request"
        form = ["reply"]
        reply = True
    else:
        chiro = g.person(domain="spinealignchiro.com")
        to = (f"Dr. {chiro['last']}, DC", chiro["email"])
        body = (f"Dear Dr. {chiro['last']},\n\nOur office represents {cl['full']} (DOB {d_full(dob)}) for injuries from the "
                f"{g.pick(['rear-end collision', 'slip and fall', 'motorcycle accident'])} on {d_full(doi)}. Could you prepare a narrative report "
                f"summarizing your diagnosis (we understand cervical and thoracic sprain/strain with segmental dysfunction), the "
                f"treatment plan, prognosis, and whether future care is anticipated? Please include your fee for the report.\n\n"
                + law_sig(g, para, firm))
        subj = g.pick([f"Narrative report request - {cl['full']}", f"{cl['last']} narrative", "Request for narrative report"])
    return M(who(para), to, subj, body, form, atts, date=when, reply=reply, html=g.chance(0.35))


def fam_allied_provider(g, i):
    cl = g.person()
    when = g.when()
    v = i % 5
    atts, form = [], []
    if v == 0:
        prov = g.person(domain=g.pick(["alignchiro.com", "backinmotionchiro.com", "familyspinecare.net"]))
        body = (f"Hi {cl['first']},\n\nFollowing up on your adjustment {g.pick(['Tuesday', 'yesterday', 'Monday'])}. The X-rays "
                f"showed loss of the normal curve in your neck and some degeneration at C5-C6, which lines up with the "
                f"headaches and the tingling in your right hand. Keep up the chin tucks twice a day, ice 15 minutes after work, "
                f"and let's plan 2 visits a week for the next 4 weeks then re-evaluate.\n\nDr. {prov['first']} {prov['last']}, DC")
        subj = g.pick(["Your X-rays and care plan", "Follow up from your visit", "Neck care plan"])
        frm = (f"Dr. {prov['full']}, DC", prov["email"])
    elif v == 1:
        prov = g.person(domain=g.pick(["clearviewoptometry.com", "brightvisioneyecare.com", "eyesonmain.com"]))
        sph1, sph2 = -g.r.choice([1.25, 1.75, 2.25, 3.0, 4.5]), -g.r.choice([1.0, 1.5, 2.5, 3.25])
        body = (f"Hi {cl['first']},\n\nAs promised, here is your updated glasses prescription from today's exam:\n\n"
                f"OD: {sph1:+.2f} -0.50 x 180\nOS: {sph2:+.2f} -0.75 x 170\nAdd: +1.50\nPD 63\n\n"
                f"Your eye pressures were {g.r.randint(22, 26)} and {g.r.randint(21, 25)}, which is on the high side, so I'd like you back in "
                f"3 months for a visual field test and OCT to rule out early glaucoma.\n\nDr. {prov['full']}, OD\n{g.phone()}")
        subj = g.pick(["Your new prescription", "Rx from today's exam", "Eye exam follow-up"])
        frm = (f"Dr. {prov['full']}, OD", prov["email"])
        atts = [att_pdf(["SPECTACLE PRESCRIPTION", f"Patient: {cl['full']}   DOB {d_full(g.dob(1950, 2000))}",
                         f"OD {sph1:+.2f} -0.50 x 180   OS {sph2:+.2f} -0.75 x 170   ADD +1.50",
                         f"IOP OD {g.r.randint(22, 26)} OS {g.r.randint(21, 25)} mmHg",
                         f"Exp: {d_full(when.date() + dt.timedelta(days=365))}", f"{prov['full']}, OD"],
                        "glasses_rx.pdf", "Spectacle Rx")] if g.chance(0.5) else []
    elif v == 2:
        prov = g.person(domain=g.pick(["soundhearingcenter.com", "clearsoundaudiology.com"]))
        body = (f"Dear {cl['first']},\n\nThank you for coming in. To summarize your hearing test: you have a moderate "
                f"sensorineural hearing loss in the {g.pick(['left', 'right'])} ear and mild loss in the other, worst in the high "
                f"frequencies, which explains the trouble following conversation in restaurants. Your hearing aids "
                f"({g.pick(['Phonak Lumity', 'Oticon Intent', 'ReSound Nexia'])}) are in and ready for fitting on {d_wk(g.later(when, 3, 10))}. "
                f"Because the loss is uneven, I'd also like you to see an ENT - I've sent a referral to {g.doc()['dr']}.\n\n"
                f"Warmly,\n{prov['full']}, Au.D.")
        subj = g.pick(["Your hearing test results", "Hearing aid fitting", "Summary of your visit"])
        frm = (f"{prov['full']}, Au.D.", prov["email"])
    elif v == 3:
        prov = g.person(domain=g.pick(["nourishnutritionrd.com", "wholeplatedietitians.com"]))
        a1 = round(g.r.uniform(7.2, 8.8), 1)
        body = (f"Hi {cl['first']},\n\nGreat session today! Quick recap: your latest A1c was {a1} and your doctor wants "
                f"it under 7 before considering adding insulin. Our goals for the next 4 weeks:\n\n"
                f"- 30-45 g carbs per meal, paired with protein\n- Swap the evening juice for sparkling water\n"
                f"- Check fasting glucose 3x/week and log it in the app\n- Walk 15 minutes after dinner\n\n"
                f"Since you're on metformin and glipizide, keep glucose tabs handy in case of lows.\n\n{prov['full']}, RD, CDCES")
        subj = g.pick(["Recap + goals", "Your nutrition plan", "Session notes"])
        frm = (f"{prov['full']}, RD", prov["email"])
    else:
        prov = g.person(domain=g.pick(["ironworksfit.com", "corestrengthstudio.com", "elevatept.fit"]))
        surg = g.pick(["knee replacement", "cardiac stent", "ACL reconstruction", "lumbar fusion", "hip replacement"])
        body = (f"Hey {cl['first']},\n\nGot the medical clearance from {g.doc()['dr']} - thanks for sending it over. Since it's "
                f"{g.r.randint(10, 16)} weeks out from your {surg}, we'll keep it conservative: no impact, no loaded spinal "
                f"flexion, heart rate under {g.r.randint(120, 135)}, and we'll stop if there's any swelling or chest tightness. "
                f"First session {g.later(when, 2, 6).strftime('%A')} at {tstr(g)}, bring your water and your blood pressure meds list.\n\n"
                f"{prov['first']}\nNASM-CPT, Medical Exercise Specialist")
        subj = g.pick(["Clearance received - let's go", "Your program", "Starting back safely"])
        frm = (prov["full"], prov["email"])
    return M(frm, who(cl), subj, body, form, atts, date=when, html=g.chance(0.4))


def fam_friend_diagnosis(g, i):
    a = g.person()
    b = g.person()
    c = g.person()
    when = g.when()
    v = i % 5
    form, reply = [], False
    if v == 0:
        cancer = g.pick(["breast cancer, stage 2", "lymphoma", "ovarian cancer", "a brain tumor", "stage 3 colon cancer"])
        body = (f"Hey {b['first']},\n\nDid you hear about {c['first']}? She told me at yoga that she has {cancer}. "
                f"Starts chemo in two weeks at {g.pick(HOSPITALS)}. She doesn't want a big fuss but I was thinking "
                f"we could set up a meal train and maybe rides to treatment. Don't say anything in the group chat yet, "
                f"she's only told a few people.\n\nxo {a['first']}")
        subj = g.pick([f"{c['first']}", f"about {c['first']}", "can you call me", "meal train idea"])
    elif v == 1:
        surg = g.pick(["quadruple bypass surgery", "a stroke", "his kidney transplant", "a heart attack last Tuesday"])
        body = (f"Hi friends,\n\nAs many of you know, {c['full']} is home recovering after {surg}. {c['first']} "
                f"and the family could use help with meals for the next few weeks - he's on a low-sodium diet, no grapefruit "
                f"because of his meds. Sign up here: mealtrain.com/{asciify(c['last']).lower()}{g.r.randint(10, 99)}\n\n"
                f"Please drop off between 4 and 6 and don't expect to visit, he's tired.\n\nThank you!\n{a['first']}")
        subj = g.pick([f"Meal train for the {c['last']} family", f"Helping {c['first']}", "Meals for " + c["first"]])
        b = g.person()
    elif v == 2:
        bro = g.person(last=a["last"])
        owhen = when - dt.timedelta(hours=g.r.randint(5, 40))
        orig = f"{a['first']}, I'm so sorry to hear about your brother. How is he doing? Let me know if there's anything I can do.\n\n{b['first']}"
        body = (f"Thanks {b['first']}. It's been a lot. {bro['first']} has early-onset Parkinson's, he's only {g.r.randint(41, 52)}. "
                f"The neurologist started him on carbidopa-levodopa and the tremor is a little better but he had to stop working. "
                f"His wife is handling it better than he is honestly.\n\n{a['first']}\n\n"
                + quote(orig, f"{b['full']} <{b['email']}>", owhen))
        body = typo(body, g, 0.02)
        subj = "Re: thinking of you"
        form, reply = ["reply"], True
    elif v == 3:
        body = typo(f"Heads up before the reunion - {c['first']} has been in rehab for alcohol for about 30 days. "
                    f"{g.pick(['She', 'He'])}'s doing ok and will probably come but won't be drinking, so maybe let's not do the "
                    f"wine tasting thing? {g.pick(['She', 'He'])} said it's fine for me to tell you guys.", g, 0.03) + f"\n\n{a['first']}"
        subj = g.pick(["reunion", "before saturday", f"re {c['first']}"])
    else:
        diag = g.pick(["endometriosis", "celiac disease", "ADHD", "hypothyroidism", "PCOS"])
        body = typo(f"OMG {b['first']} I finally have an answer!! After like 6 years of being told it was in my head, "
                    f"the specialist confirmed {diag}. {g.pick(['Surgery is scheduled for next month', 'Starting meds next week', 'I start the new diet Monday'])}. "
                    f"I cried in the car. Drinks soon? Not wine tho lol", g, 0.03) + f"\n\n{a['first']}\n\n" + (g.sentfrom() or "")
        subj = g.pick(["FINALLY", "news!!", "guess what", "an answer"])
        form = ["mobile"]
    return M(who(a), who(b), subj, body.rstrip() + "\n", form, date=when, reply=reply, html=g.chance(0.25) and not form)


def fam_mixed_language(g, i):
    when = g.when()
    doc = g.doc()
    v = i % 5
    form = []
    if v == 0:
        p = g.person(first=g.pick(["María", "Guadalupe", "José", "Esperanza", "Santiago", "Xiomara"]),
                     last=g.pick(["Hernández", "Garcia", "Morales", "Reyes", "Ortiz", "Delgado"]))
        cname, cdom = g.pick(CLINICS)
        body = (f"Hola Dra. {doc['last']},\n\nLe escribo porque desde que empecé la metformina de 1000 mg tengo mucha náusea "
                f"y diarrea, sobre todo en la mañana. Mi azúcar en ayunas está en {g.r.randint(140, 190)}. ¿Puedo tomarla con la cena "
                f"en vez del desayuno? Also, I need a refill of the test strips, sorry my English is better written.\n\n"
                f"Gracias,\n{p['full']}\nFecha de nacimiento: {d_full(g.dob(1950, 1985))}")
        to = (cname, "nurse@" + cdom)
        subj = g.pick(["pregunta sobre metformina", "Náusea con medicina", "metformin question / pregunta"])
    elif v == 1:
        p = g.person(last=g.pick(["Reyes", "Castellanos", "Ortiz", "Garcia", "Morales"]))
        sib = g.person(last=p["last"])
        abu = g.pick(["Carmen", "Lupe", "Rosa", "Ofelia", "Dolores"])
        body = typo(f"{sib['first']},\n\nTu abuela {abu} tiene cita con el cardiólogo ({doc['dr']}) el jueves a las 10, can you drive her? "
                    f"Le cambiaron el Eliquis porque se le hinchaban los pies y la presión estaba en 160. "
                    f"I can't take off work otra vez. Bring her list of pastillas, está en el refri.\n\nTe quiero,\n{p['first']}", g, 0.03)
        to = who(sib)
        subj = g.pick([f"cita de abuela {abu}", "jueves - cardiólogo", "can u take abuela thursday"])
    elif v == 2:
        p = g.person(first=g.pick(["Beatriz", "Fernanda", "João", "Thiago", "Luana"]), last=g.pick(["Ferreira", "Carvalho", "Souza", "Oliveira", "Santos", "Silva"]))
        mae = g.pick(["Lúcia", "Helena", "Marlene", "Conceição"])
        body = (f"Oi Dra. {doc['last']},\n\nMinha mãe, Dona {mae} {p['last']}, está com a pressão alta de novo: ontem à noite "
                f"mediu {g.r.randint(165, 185)}/{g.r.randint(98, 110)} e ela reclamou de dor de cabeça. Ela toma losartana 50 mg de manhã. "
                f"Devemos levar ao pronto-socorro ou podemos esperar a consulta de {d_short(g.later(when, 2, 9))}?\n\n"
                f"Obrigada,\n{p['full']}\n{g.phone()}")
        to = (doc["full"], asciify(doc["first"]).lower() + "@" + g.pick(CLINICS)[1])
        subj = g.pick(["Pressão alta - minha mãe", f"Dona {mae} - pressão", "dúvida sobre a pressão"])
    elif v == 3:
        p = g.person(last=g.pick(["Delgado", "Hernández", "Reyes", "Morales"]))
        kid = g.kid(p["last"])
        teacher = g.person()
        body = typo(f"Hola Ms. {teacher['last']},\n\nMi hijo {kid['first']} tiene asma y anoche tuvo un ataque, estuvimos en la "
                    f"sala de emergencias hasta las 2am. He's ok now pero el doctor le dio prednisona por 5 días y he needs his inhaler "
                    f"before PE. Por favor let him rest if he's tired. El inhalador está en su mochila.\n\nGracias,\n{p['full']}", g, 0.03)
        to = who(teacher)
        subj = g.pick([f"{kid['first']} - asma", "inhaler / inhalador", f"{kid['first']} {kid['last']} hoy"])
    else:
        a = g.person(first=g.pick(["Luana", "Beatriz", "Camila", "Thiago"]), last=g.pick(["Souza", "Oliveira", "Silva"]))
        b = g.person()
        fer = g.pick(["Fernanda", "Juliana", "Patrícia", "Renata"])
        body = typo(f"Oi {b['first']}!\n\nA {fer} foi diagnosticada com diabetes gestacional ontem, she's 28 weeks. "
                    f"Ela está bem chateada, vai ter que medir a glicose 4 vezes por dia e talvez usar insulina. "
                    f"Vamos mandar uma mensagem pra ela? Mas não comenta no grupo ainda.\n\nBeijos,\n{a['first']}", g, 0.02)
        p = a
        to = who(b)
        subj = g.pick([f"a {fer}", "notícia", "sobre a " + fer])
    return M(who(p), to, subj, body, form, date=when, html=g.chance(0.25))


def fam_pharmacy_errand(g, i):
    a = g.person()
    b = g.person(last=a["last"] if g.chance(0.6) else None)
    when = g.when()
    v = i % 5
    form = ["mobile"]
    drug, dose, why = g.pick(MEDS)
    if v == 0:
        if i < 5:
            body = (f"Hon can you grab my {g.pick(['Zoloft', 'Lexapro', drug])} refill at {g.pick(PHARMACIES)} on the way home? "
                    f"It's under my name, Rx #{g.r.randint(1000000, 9999999)}. Should be ${g.r.randint(5, 40)}. Love you")
        else:
            body = (f"{b['first']}, if you're going out anyway could you stop at {g.pick(PHARMACIES)}? My {drug} {dose} is ready "
                    f"(the {why} one). They'll ask for my birthday, it's {d_full(g.dob(1955, 1995))}. Thank youuu")
        subj = g.pick(["pharmacy", "pick up pls", "refill"])
    elif v == 1:
        body = (f"{b['first']} - Mom's Eliquis is ready at {g.pick(PHARMACIES)}, ${g.r.randint(35, 120)} copay, I already paid online so "
                f"just give them her name and DOB ({d_full(g.dob(1936, 1952))}). They also have the new eye drops for her glaucoma.")
        subj = g.pick(["Mom's meds", "pickup", "Eliquis ready"])
    elif v == 2:
        body = g.pick([f"pharmacy called, my insulin is in. can u pick up?? need it tonight, I'm out",
                       f"can you swing by {g.pick(PHARMACIES)}, my inhaler refill is ready. I'm wheezing again",
                       f"my antibiotics are ready at {g.pick(PHARMACIES)}, its under {a['full']}. I feel like death"])
        subj = g.pick(["", "pls", "pharmacy", "favor"])
    elif v == 3:
        ph = g.pick([("CVS Pharmacy", "cvs.com"), ("Walgreens", "walgreens.com")])
        body = (f"Hi,\n\nThis is {a['full']}, DOB {d_full(g.dob(1960, 1995))}. I got a text that the prior authorization for my "
                f"Ozempic was denied. My doctor's office says they sent the appeal on {d_short(g.earlier(when, 1, 6))}. Can you "
                f"let me know if you received anything, and what the cash price would be in the meantime? I've been out for a week.\n\n"
                f"Thank you,\n{a['full']}\n{g.phone()}")
        subj = "Prior authorization denied - Ozempic"
        form = []
        b = {"full": ph[0] + " Store " + str(g.r.randint(1000, 9999)), "email": "rxsupport@" + ph[1], "first": ""}
    else:
        body = (f"Picked up your {g.pick(['amoxicillin', 'Paxlovid', 'Tamiflu', 'prednisone'])}, it's on the counter by the coffee. "
                f"Take it with food they said. Hope you feel better {b['first']}! Text me if you need soup")
        subj = g.pick(["your meds", "on the counter", "got it"])
    body = typo(body, g, 0.04) + "\n\n" + (g.sentfrom() if form else "")
    return M(who(a), (b["full"], b["email"]), subj, body.rstrip() + "\n", form, date=when)


# ---------------------------------------------------------------------------
# CLEAN look-alike families
# ---------------------------------------------------------------------------
VETS = [("Maple Grove Animal Hospital", "maplegroveanimal.com"), ("Paws & Claws Veterinary", "pawsclawsvet.com"),
        ("Riverbend Veterinary Clinic", "riverbendvet.com"), ("Companion Animal Care Center", "companionacc.com"),
        ("Northside Cat Clinic", "northsidecatclinic.com")]


def pet(g):
    sp = g.pick([("dog", "Canine", g.pick(["Labrador retriever", "golden retriever", "beagle", "German shepherd", "pit mix", "goldendoodle", "dachshund"])),
                 ("cat", "Feline", g.pick(["domestic shorthair", "Maine coon", "tabby", "Siamese mix"]))])
    return {"name": g.pick(PET_NAMES), "species": sp[0], "Species": sp[1], "breed": sp[2],
            "sex": g.pick(["F", "M"]), "age": g.r.randint(2, 14)}


def fam_vet_pet_care(g, i):
    owner = g.person()
    pt = pet(g)
    vet = g.pick(VETS)
    if "Cat" in vet[0] and pt["species"] != "cat":
        vet = VETS[0]
    vdoc = g.doc()
    when = g.when()
    v = i % 5
    hs = "she" if pt["sex"] == "F" else "he"
    hr = "her" if pt["sex"] == "F" else "him"
    hp = "her" if pt["sex"] == "F" else "his"
    atts, form = [], []
    staff = (f"{vet[0]}", g.pick(["care", "frontdesk", "info"]) + "@" + vet[1])
    if v == 0:
        med = g.pick(["carprofen 75 mg", "meloxicam 0.5 mg/mL", "gabapentin 100 mg", "buprenorphine (oral)"])
        proc = g.pick(["dental cleaning with two extractions", "spay", "neuter", "mass removal from the left flank",
                       "cystotomy to remove bladder stones"])
        body = (f"Hi {owner['first']},\n\n{pt['name']} did great in surgery today ({proc}). {hs.capitalize()} is awake, "
                f"a little groggy, and already asking for dinner. Discharge is at 5:30.\n\nAt home: give {med} "
                f"{g.pick(['once daily', 'twice daily'])} with food for {g.r.randint(3, 7)} days, keep the cone on, and no stairs or "
                f"jumping for 10 days. Recheck with {vdoc['dr']} in 10-14 days for a suture check.\n\n"
                f"{vet[0]}\n{g.phone()}\n\n{VET_DISCLAIMER}")
        subj = g.pick([f"{pt['name']}'s surgery update", f"{pt['name']} is in recovery", f"Discharge instructions - {pt['name']}"])
        frm, to = staff, who(owner)
    elif v == 1:
        dmed = g.pick(["methimazole for his thyroid", "insulin for his diabetes", "enalapril for his heart murmur",
                       "prednisolone for his allergies", "Apoquel for his itching"])
        body = typo(f"Hi,\n\nThis is {owner['full']}, {pt['name']}'s owner ({g.r.randint(8, 15)} yr old {pt['breed']} {pt['species']}). "
                    f"{pt['name']} has been vomiting since last night and won't touch his food. He's on {dmed}. "
                    f"Should we bring him in today or is this something to watch? He's still drinking water.\n\n"
                    f"Thanks,\n{owner['first']}\n{g.phone()}", g, 0.02)
        subj = g.pick([f"{pt['name']} vomiting", f"{pt['name']} - sick since last night", "should we come in?"])
        frm, to = who(owner), staff
    elif v == 2:
        vac = g.pick(["Rabies (3yr)", "DHPP", "FVRCP", "Bordetella", "Leptospirosis"])
        items = [("Comprehensive exam", g.money(62, 79)), (f"Vaccine - {vac}", g.money(28, 42)),
                 ("Heartworm/tick panel (4Dx)", g.money(55, 70)), (g.pick(["Apoquel 16mg #30", "Bravecto 1000-1400mg", "Simparica Trio #6", "Revolution Plus #3"]), g.money(70, 160))]
        lines = "\n".join(f"  {a:<36}{b:>10}" for a, b in items)
        body = (f"Hello {owner['first']} {owner['last']},\n\nThank you for visiting {vet[0]}! Here is your invoice.\n\n"
                f"Patient: {pt['name']}   Species: {pt['Species']}   Breed: {pt['breed']}   Age: {pt['age']} yrs\n"
                f"Client #: {g.r.randint(10000, 99999)}\n\n{lines}\n\n  Paid - Visa ending {g.r.randint(1000, 9999)}\n\n"
                f"{pt['name']}'s next wellness exam is due {d_long(g.later(when, 300, 365))}.\n\n{VET_DISCLAIMER}")
        subj = g.pick([f"Invoice for {pt['name']}", f"Your receipt from {vet[0]}", "Visit summary and invoice"])
        frm, to = staff, who(owner)
        form = ["html"]
    elif v == 3:
        sitter = g.person()
        body = (f"Hi {sitter['first']}!\n\nThanks again for staying with {pt['name']} while we're away. Med schedule "
                f"(the pill pockets are in the pantry):\n\n"
                f"- 8am: 1/2 tablet gabapentin + {g.pick(['Vetmedin 2.5mg', 'Apoquel 5.4mg', 'levetiracetam 250mg'])}\n"
                f"- 6pm: dinner, then insulin {g.r.randint(2, 8)} units (pen is in the fridge door, ALWAYS after food)\n"
                f"- 8pm: 1/2 tablet gabapentin\n\nIf {pt['name']} seems wobbly or won't eat, skip the insulin and call the emergency "
                f"vet ({vet[0]}, {g.phone()}). {hs.capitalize()}'s a {pt['age']} year old {pt['species']} so {hs} naps a LOT, that's normal.\n\n"
                f"{owner['first']}")
        subj = g.pick([f"{pt['name']}'s meds while we're gone", "pet sitting instructions", f"{pt['name']} care sheet"])
        frm, to = who(owner), who(sitter)
        if g.chance(0.5):
            atts = [att_docx(["# " + pt["name"] + " care sheet", f"{pt['species'].capitalize()}, {pt['breed']}, {pt['age']} yrs",
                              "Food: 1 cup kibble 7am / 6pm", "Insulin after dinner only", f"Vet: {vet[0]} {g.phone()}",
                              "Walks: 3x daily (dogs) / litter scooped daily (cats)"], f"{asciify(pt['name'])}_care.docx")]
    else:
        bun, cr = g.r.randint(34, 48), round(g.r.uniform(2.1, 2.9), 1)
        body = (f"Hi {owner['first']},\n\n{vdoc['dr']} reviewed {pt['name']}'s bloodwork. BUN was {bun} and creatinine {cr}, with "
                f"SDMA of {g.r.randint(18, 24)}, which puts {hr} in IRIS stage 2 chronic kidney disease. This is common in "
                f"{pt['species']}s {hp} age ({pt['age']}). We recommend switching to a renal diet (Hill's k/d or Royal Canin Renal), "
                f"subcutaneous fluids {g.pick(['twice weekly', 'every other day'])}, and rechecking labs in 3 months.\n\n"
                f"Please call to schedule a tech appointment to learn the fluids.\n\n{vet[0]} | {g.phone()}")
        subj = g.pick([f"{pt['name']}'s lab results", "Bloodwork results", f"{pt['name']} - kidney values"])
        frm, to = staff, who(owner)
    return M(frm, to, subj, body, form, atts, date=when, html=("html" in form) or g.chance(0.2))


def fam_vet_short_reply(g, i):
    owner = g.person()
    pt = pet(g)
    vet = g.pick(VETS)
    vdoc = g.doc()
    when = g.when()
    d = g.later(when, 1, 10)
    day = d.strftime("%a")
    office = (vet[0], "appointments@" + vet[1])
    v = i % 4
    if v == 0:
        orig = (f"We have an opening {d.strftime('%A')} at 3:00 pm for {pt['name']}'s recheck with {vdoc['dr']}. "
                f"Please reply to confirm. - {vet[0]}")
        body = g.pick([f"Yes, {day} 3pm works for {pt['name']}'s follow-up with {vdoc['dr']}.",
                       f"yes! {day} at 3 for {pt['name']} w/ {vdoc['dr']}"])
    elif v == 1:
        orig = (f"Reminder: {pt['name']} ({pt['Species']}) is due for vaccines and a dental exam. Appointment {d_wk(d)} at {tstr(g)}. "
                f"Reply C to confirm.")
        body = g.pick(["C", f"Confirmed, thanks. Does {pt['name']} need to fast?", "Confirmed - running 10 min late probably"])
    elif v == 2:
        orig = (f"{pt['name']}'s prescription refill ({g.pick(['Vetmedin', 'Apoquel', 'methimazole', 'Proin'])}) is ready for pickup "
                f"at the front desk. - {vet[0]}")
        body = g.pick(["thx will grab it after work", "Can my husband pick it up? He'll be there at 5",
                       f"great, thanks! {pt['name']} says thanks too"])
    else:
        orig = (f"Hi {owner['first']}, {vdoc['dr']} would like to see {pt['name']} back in 2 weeks for a weight check and to "
                f"recheck the ear. We have {d.strftime('%A')} 9:30 or 4:15.")
        body = g.pick(["9:30 please", f"4:15 works. The ear looks better already", "Either is fine!"])
    body = typo(body, g, 0.05)
    sf = g.sentfrom()
    body = body + ("\n\n" + sf if sf else "") + "\n\n" + quote(orig, f"{vet[0]} <{office[1]}>", when - dt.timedelta(hours=g.r.randint(1, 30)))
    return M(who(owner), office, g.pick([["Re: Appointment", f"Re: {pt['name']}"], ["Re: Reminder from " + vet[0], f"Re: {pt['name']} is due"],
                                         ["RE: Refill ready", f"Re: {pt['name']}'s prescription"], [f"Re: {pt['name']}", "Re: recheck"]][v]),
             body, ["reply", "mobile"], date=when, reply=True)


def newsletter_footer(g, org, addr):
    return (f"\n\n--\nYou're receiving this because you subscribed at {addr}. "
            f"Unsubscribe | Update preferences\n{org}, {g.r.randint(100, 9999)} {g.pick(['Market St', 'Elm Ave', 'Union Blvd'])}, "
            f"{g.pick(['Austin, TX', 'Denver, CO', 'Portland, OR', 'Raleigh, NC'])}\n"
            "This newsletter is for general information only and is not medical advice. Consult your physician "
            "before starting any exercise or nutrition program.")


def fam_fitness_newsletter(g, i):
    coach = g.person(domain=g.pick(["ironworksfit.com", "corestrengthstudio.com", "elevatept.fit", "strongstartgym.com"]))
    dom = coach["email"].split("@")[1]
    sub = g.person()
    when = g.when()
    v = i % 4
    greet = g.pick([f"Hi {sub['first']},", "Hey team,", f"{sub['first']} -", "Hi friend,"])
    if v == 0:
        title = "5 mobility drills for desk workers"
        body = (f"{greet}\n\nSitting 8+ hours a day tightens the hips and rounds the upper back. This week, try these between meetings:\n\n"
                "1. 90/90 hip switches - 10 each side\n2. Thoracic open books - 8 each side\n3. Couch stretch - 60 seconds\n"
                "4. Band pull-aparts - 20 reps\n5. Deep squat hold - 1 minute total\n\n"
                "If you have a knee or back injury, check with your doctor or PT before adding new movements.")
    elif v == 1:
        hero = g.person()
        title = "Member spotlight + new schedule"
        body = (f"{greet}\n\nThis month's member spotlight is {hero['full']}, who finished her first half marathon in "
                f"{g.r.randint(1, 2)}:{g.r.randint(10, 59):02d} after training with our Saturday run club! Ask {hero['first']} about her "
                f"playlist.\n\nNew class schedule starts {d_long(g.later(when, 5, 20))}: 6am HIIT moves to 5:45, and we're adding a "
                f"Sunday mobility class.\n\nKeep showing up,\nCoach {coach['first']}")
    elif v == 2:
        title = "Training around a sore knee (general tips)"
        body = (f"{greet}\n\nKnee pain is one of the most common questions we get. A few general principles - not a diagnosis:\n\n"
                "- Pain under 3/10 that settles by the next day is usually ok to train through\n"
                "- Swap deep lunges for box step-ups and reverse sled drags\n- Strengthen hips and calves, not just quads\n"
                "- Sharp pain, swelling, locking or giving way: stop and see a doctor or physical therapist\n\n"
                "Book a free movement screen at the front desk.")
    else:
        title = "Heart rate zones, explained"
        body = (f"{greet}\n\nZone 2 training is everywhere right now. Quick refresher: estimate max heart rate (220 minus age is "
                "rough), then Zone 2 is about 60-70% of that. Most of your weekly cardio should live there. If you take "
                "beta blockers or other medication that affects heart rate, use perceived effort instead and ask your doctor.\n\n"
                "Challenge: 3 x 30 minutes of Zone 2 this week. Reply with your favorite podcast for the long ones!")
    body = f"{title.upper()}\n\n" + body + newsletter_footer(g, dom.split(".")[0].capitalize() + " Fitness", dom)
    return M((f"Coach {coach['first']} at {dom.split('.')[0].capitalize()}", "news@" + dom), who(sub),
             g.pick([title, title + " \U0001F4AA", f"This week: {title.lower()}"]), body, ["newsletter"], date=when,
             html=True, headers={"List-Unsubscribe": f"<mailto:unsubscribe@{dom}>", "Precedence": "bulk"})


def fam_nutrition_newsletter(g, i):
    rd = g.person()
    dom = g.pick(["wholeplatenutrition.com", "thefiberfix.co", "nourishweekly.com", "plantpoweredplate.net"])
    sub = g.person()
    when = g.when()
    v = i % 4
    greet = g.pick([f"Hi {sub['first']},", f"Hello {sub['first']}!", "Hi there,"])
    if v == 0:
        title = "Blood sugar basics: why fiber matters"
        body = (f"{greet}\n\nSoluble fiber slows how fast carbohydrates hit your bloodstream, which can blunt glucose spikes "
                "after meals. Good sources: oats, lentils, chia, apples, barley. Aim for 25-35 g a day and increase slowly.\n\n"
                "People with diabetes or on glucose-lowering medication should talk to their care team before big diet changes.")
    elif v == 1:
        title = "Recipe: 20-minute red lentil soup"
        body = (f"{greet}\n\nIngredients: 1 cup red lentils, 1 onion, 2 carrots, 3 garlic cloves, 1 tsp cumin, 1 can diced tomatoes, "
                "4 cups low-sodium broth, lemon.\n\nSaute onion, carrot and garlic 5 min, add cumin, lentils, tomatoes and broth. "
                "Simmer 15 min, blend half, finish with lemon. 18 g protein and 11 g fiber per serving. Heart-healthy and freezer friendly.")
    elif v == 2:
        title = "What the research says about intermittent fasting"
        body = (f"{greet}\n\nA new randomized trial compared 16:8 time-restricted eating with standard calorie reduction over 12 "
                "months. Weight loss was similar between groups; adherence was slightly better with the eating window. "
                "Fasting isn't recommended for people who are pregnant, have a history of eating disorders, or take insulin "
                "without medical supervision.\n\nBottom line: the best pattern is the one you can stick with.")
    else:
        title = "Ask the dietitian: is GLP-1 changing how we eat?"
        body = (f"{greet}\n\nReader question: 'My coworker is on one of the new weight-loss shots. What should people eat on them?'\n\n"
                "General answer: prioritize protein (about 25-30 g per meal), eat smaller portions, stay hydrated, and include "
                "strength training to protect muscle. Anyone on these medications should follow their prescriber's guidance.\n\n"
                f"Send your questions to ask@{dom}!")
    body = f"{title}\n\n" + body + f"\n\nEat well,\n{rd['full']}, RDN" + newsletter_footer(g, dom.split(".")[0].capitalize(), dom)
    return M((f"{rd['full']}, RDN", "hello@" + dom), who(sub), g.pick([title, "This week: " + title]), body, ["newsletter"],
             date=when, html=True, headers={"List-Unsubscribe": f"<https://{dom}/unsub>", "Precedence": "bulk"})


def fam_health_news(g, i):
    a = g.person()
    b = g.person()
    when = g.when()
    v = i % 5
    if v == 0:
        body = (f"Did you see King Charles is back to public duties? The palace said he's continuing cancer treatment. "
                f"The BBC article said they still haven't said what kind. Wild that he's touring again already.\n\n{a['first']}")
        subj = g.pick(["the king", "did you see this", "royal news"])
    elif v == 1:
        body = (f"{b['first']}, read this article about Céline Dion and stiff person syndrome - the documentary sounds intense. "
                f"I'd never heard of it before. Apparently it affects like 1 in a million people. Want to watch it this weekend?\n\n"
                f"https://www.{g.pick(['nytimes.com', 'people.com', 'theguardian.com'])}/2024/06/celine-dion-documentary\n\n{a['first']}")
        subj = g.pick(["Celine doc", "watch this with me?", "stiff person syndrome"])
    elif v == 2:
        body = (f"Sharing the article we talked about at dinner - the measles outbreak in West Texas is over {g.r.randint(200, 700)} "
                f"cases now according to the state health department. The school district sent a notice home "
                f"about it too. Crazy times.\n\n{a['first']}")
        subj = g.pick(["measles article", "that article", "fyi"])
    elif v == 3:
        body = (f"Ok so the new study says the GLP-1 drugs might cut heart attack risk by 20% even in people without diabetes. "
                f"My brother-in-law the pharmacist says the shortage is basically over too. Not sure what to make of all the "
                f"hype but it's interesting.\n\nLink: https://www.statnews.com/2024/glp1-cardiovascular-trial\n\n{a['first']}")
        subj = g.pick(["GLP-1 study", "interesting", "did you see"])
    else:
        body = (f"Saw that Bruce Willis's family posted another update about his frontotemporal dementia. And Michael J. Fox "
                f"talking about Parkinson's on that podcast. Both of them handling it so publicly is kind of brave. "
                f"Anyway - still on for trivia Thursday?\n\n{a['first']}")
        subj = g.pick(["trivia thurs", "random", "saw this"])
    body = typo(body, g, 0.02)
    return M(who(a), who(b), subj, body, [], date=when, html=g.chance(0.3))


def fam_family_personal(g, i):
    a = g.person()
    fam = [g.person(last=a["last"]) for _ in range(g.r.randint(1, 3))]
    when = g.when()
    v = i % 5
    if v == 0:
        gp = g.pick(["Grandpa", "Dad", "Uncle Ray", "Abuelo", "Nana"])
        body = (f"Hi everyone,\n\n{gp}'s 80th is {d_wk(g.later(when, 10, 40))}! We booked the back room at "
                f"{g.pick(['Rosario', 'Golden Dragon', 'The Oak Room', 'Lucky Star'])} at 6. {fam[0]['first']} is doing the slideshow, "
                f"please send old photos by the 1st. He shot a 79 at golf last week so expect to hear about it all night.\n\n{a['first']}")
        subj = g.pick([f"{gp}'s 80th!!", "birthday dinner plans", "Save the date"])
    elif v == 1:
        body = (f"Ok movers are confirmed for Saturday 8am. I need someone to take Grandma's piano - it won't fit "
                f"in the new place. Also does anyone want the pressure washer? {fam[0]['first']}, can you bring the big cooler?\n\n{a['first']}")
        subj = g.pick(["moving day", "Saturday", "who wants the piano"])
    elif v == 2:
        kid = g.kid(a["last"])
        body = (f"Report cards came in! {kid['first']} got straight A's except a B+ in PE (lol). The teacher said "
                f"{kid['first']} is a 'natural leader' in group projects. We're celebrating with pizza Friday if you want to join.\n\n"
                f"Love,\n{a['first']}")
        subj = g.pick(["report card!", "proud mama", "pizza friday"])
    elif v == 3:
        body = (f"Flights are booked for the Lisbon trip: out {d_short(g.later(when, 30, 60))}, back 10 days later. "
                f"Mom wants to do the Fado dinner and Sintra. I got travel insurance for everyone just in case. "
                f"{fam[0]['first']}, your passport expires in March, check it!!\n\n{a['first']}")
        subj = g.pick(["Lisbon!!", "flights booked", "trip details"])
    else:
        body = (f"Thanksgiving assignments:\n- {fam[0]['first']}: turkey (and NOT dry this year)\n- Me: pies\n"
                f"- {fam[-1]['first']}: mashed potatoes + the famous cold soup nobody asked for\n- Kids: table + cleanup\n\n"
                f"Heart emoji. Dinner at 3, football at 1.\n\n{a['first']}")
        subj = g.pick(["Thanksgiving", "turkey day assignments", "who's bringing what"])
    return M(who(a), [who(f) for f in fam], subj, typo(body, g, 0.02), [], date=when, html=g.chance(0.25))


def fam_support_group(g, i):
    v = i % 4
    org = g.pick([[("Caregivers Circle", "caregiverscircle.org"), ("Hope Springs Community Center", "hopespringscc.org")],
                  [("St. Luke's Parish", "stlukesparish.org"), ("Hope Springs Community Center", "hopespringscc.org")],
                  [("Parkinson's Wellness Alliance", "pwalliance.org")],
                  [("NAMI Lakeshore", "namilakeshore.org")]][v])
    fac = g.person()
    sub = g.person()
    when = g.when()
    d = g.later(when, 5, 25)
    start = dt.datetime(d.year, d.month, d.day, g.pick([10, 18, 19]), 0)
    v = i % 4
    topic = ["Caregiver Support Group", "Grief Support Circle", "Parkinson's Support Group: Guest Speaker on Exercise",
             "Family-to-Family Education Class (8 weeks)"][v]
    body = (f"Hello friends,\n\nOur {topic} meets {d_wk(d)} at {start.strftime('%I:%M %p').lstrip('0')} in the "
            f"{g.pick(['Fellowship Hall', 'Community Room B', 'Library annex', 'Zoom (link below)'])}. "
            + ["This is a confidential, drop-in space for anyone caring for a loved one with memory loss, chronic illness or disability. ",
               "All who are grieving a loss are welcome, whether recent or long ago. ",
               f"Our speaker is {g.doc()['full']}, a movement-disorders specialist, who will talk about the benefits of exercise and voice work. ",
               "This free course for family members of people living with mental health conditions covers crisis planning, medications and self-care. "][v]
            + f"Facilitated by {fac['full']}. Light refreshments provided. No registration needed"
            + (".\n\nWhat is shared in group stays in group.\n\n" if v != 3 else "; please RSVP so we have enough workbooks.\n\n")
            + f"Warmly,\n{org[0]}\n{g.phone()}")
    if g.chance(0.3):
        body = f"Hi {sub['first']},\n\n" + body
    atts = [att_ics(make_ics(f"{g.r.randint(10**8, 10**9)}@{org[1]}", start, start + dt.timedelta(hours=1, minutes=30),
                             topic, g.pick(["Fellowship Hall", "Community Room B, 200 Main St", "Online"]),
                             f"{topic}. Facilitated by {fac['full']}. All are welcome.", (org[0], "events@" + org[1])))] if g.chance(0.6) else []
    return M((org[0], "events@" + org[1]), who(sub), g.pick([topic, f"This month: {topic}", f"Reminder - {topic}"]), body,
             ["announcement"], atts, date=when, html=g.chance(0.5))


def fam_book_club(g, i):
    host = g.person()
    mem = [g.person() for _ in range(g.r.randint(3, 6))]
    when = g.when()
    book = g.pick([("When Breath Becomes Air", "Paul Kalanithi", "a neurosurgeon's lung cancer diagnosis at 36"),
                   ("Brain on Fire", "Susannah Cahalan", "her autoimmune encephalitis and the month she lost"),
                   ("Between Two Kingdoms", "Suleika Jaouad", "her leukemia treatment in her twenties and the road trip after"),
                   ("Everything Happens for a Reason", "Kate Bowler", "her stage IV colon cancer diagnosis at 35"),
                   ("The Bright Hour", "Nina Riggs", "her metastatic breast cancer and raising two boys")])
    v = i % 4
    d = g.later(when, 7, 30)
    if v == 0:
        body = (f"Hi book lovers,\n\nNext month we're reading {book[0]} by {book[1]} - the memoir about {book[2]}. "
                f"We'll meet at {mem[0]['first']}'s place on {d_wk(d)} at 7. Bring tissues, apparently.\n\n{host['first']}")
    elif v == 1:
        body = (f"Discussion questions for {book[0]}:\n\n1. How does {book[1].split()[0]} balance the role of patient and narrator?\n"
                f"2. Which chapter changed how you think about doctors and hospitals?\n3. The ending was written by someone else - did it work for you?\n"
                f"4. Would you want to know your prognosis?\n\nSee you {d.strftime('%A')}! {mem[1]['first']} is bringing dessert.\n\n{host['first']}")
    elif v == 2:
        body = (f"Thanks everyone for a great conversation last night about {book[0]}. {mem[0]['first']} made a good point that "
                f"{book[1]} never asks for pity. Next pick is lighter - we voted for a mystery. {mem[1]['first']} hosts in {d.strftime('%B')}.\n\n{host['first']}")
    else:
        body = (f"Quick poll for our next memoir! Options:\n- {book[0]} ({book[1]})\n- Educated (Tara Westover)\n- Crying in H Mart (Michelle Zauner)\n\n"
                f"Reply by Friday. Also {mem[2]['first']}, I still have your copy of Lessons in Chemistry!\n\n{host['first']}")
    return M(who(host), [who(m) for m in mem], g.pick([f"Book club - {book[0]}", "Next month's book", "book club!", f"{book[0]} questions"]),
             typo(body, g, 0.02), [], date=when, html=g.chance(0.3))


def fam_nurse_application(g, i):
    app = g.person()
    when = g.when()
    hosp = g.pick(HOSPITALS)
    rec = g.person(domain=g.pick(["mercyhealthcareers.org", "providencejobs.org", "universityhospital.org"]))
    unit = g.pick(["Medical ICU", "Cardiac Step-Down", "Labor & Delivery", "Emergency Department", "Pediatric Oncology", "Med-Surg / Telemetry"])
    yrs = g.r.randint(2, 14)
    v = i % 4
    creds = g.pick(["RN, BSN", "RN, BSN, CCRN", "RN, MSN", "LPN", "RN, BSN, CEN"])
    if v == 0:
        body = (f"Dear {rec['first']} {rec['last']},\n\nI am applying for the {unit} RN position (Req #{g.r.randint(10000, 99999)}). "
                f"I have {yrs} years of experience at {hosp}, where I care for up to {g.r.randint(2, 5)} patients per shift, including "
                f"ventilated patients, titrating vasoactive drips, and managing post-op recovery. I hold ACLS, BLS and PALS certifications.\n\n"
                f"My resume is attached. I would welcome the chance to talk.\n\nSincerely,\n{app['full']}, {creds}\n{g.phone()}")
    elif v == 1:
        body = (f"Hello,\n\nI saw your posting for travel nurses in {unit}. I'm a {creds} with {yrs} years experience, compact license "
                f"(multistate), and I'm available starting {d_long(g.later(when, 14, 45))} for 13-week contracts. Charting: Epic and Cerner. "
                f"Resume attached.\n\nThanks,\n{app['full']}")
    elif v == 2:
        body = (f"Dear Hiring Committee,\n\nAs a new graduate nurse (NCLEX passed {d_short(g.earlier(when, 10, 60))}), I completed my "
                f"capstone on the {unit} unit at {hosp}, where I learned to prioritize assessments, educate families on discharge, and "
                f"document in Epic. I'm excited to apply for your nurse residency program.\n\n{app['full']}, {creds}")
    else:
        body = (f"Hi {rec['first']},\n\nFollowing up on my application for {unit} night shift. I interviewed with the nurse manager "
                f"on {d_short(g.earlier(when, 3, 12))} and wanted to send my references (attached to my updated resume). Happy to do a "
                f"shadow shift anytime.\n\nBest,\n{app['full']}, {creds}")
    res = att_docx(["# " + app["full"] + ", " + creds, f"{app['email']} | {g.phone()}", "# Experience",
                    f"Staff Nurse, {unit} - {hosp} ({when.year - yrs}-present)",
                    "Provide care for adult patients; titrate drips per protocol; precept new graduates; rapid response team member.",
                    "# Education", g.pick(["BSN, University of Illinois Chicago", "BSN, Texas Woman's University",
                                           "ADN, Sacramento City College; BSN, Chamberlain University"]),
                    "# Certifications", "BLS, ACLS, PALS, NIHSS", "# References available on request"],
                   f"{asciify(app['last'])}_{asciify(app['first'])}_Resume.docx")
    subj = [g.pick([f"Application - {unit} RN", f"RN position - {app['full']}"]), "Travel RN availability - " + unit,
            "Nurse residency application", f"Follow-up: {unit} application"][v]
    return M(who(app), who(rec), subj, body, [], [res], date=when, html=g.chance(0.3))


def fam_doctor_travel(g, i):
    doc = g.doc()
    dom = g.pick(CLINICS)[1]
    demail = asciify(doc["first"]).lower().replace("-", "") + "." + doc["last"].lower() + "@" + dom
    sp = g.person(last=doc["last"])
    when = g.when()
    d = g.later(when, 10, 60)
    city = g.pick(["Lisbon", "Kyoto", "Chicago", "San Diego", "Vienna", "Cartagena", "Lake Tahoe"])
    v = i % 4
    atts = []
    if v == 0:
        body = (f"Hi love,\n\nBooked the {city} flights! Out {d_wk(d)} on the 6:40pm, back the following Sunday. I blocked my clinic "
                f"schedule and {g.doc()['dr']} is covering call. Can you ask your mom about the dog?\n\n{doc['first']}")
        to = who(sp)
        subj = g.pick([f"{city}!", "flights booked", "trip"])
    elif v == 1:
        conf = g.pick(["ASCO Annual Meeting", "ACC.25", "AAFP FMX", "Digestive Disease Week", "AAN Annual Meeting"])
        start = dt.datetime(d.year, d.month, d.day, 8, 0)
        body = (f"Team,\n\nI'll be out {d_short(d)}-{d_short(d + dt.timedelta(days=4))} for {conf} in {city}. {g.doc()['dr']} is covering "
                f"inbox and refills. Please don't book any new patients on my template that week. Calendar hold attached.\n\n"
                f"Thanks,\n{doc['full']}, MD")
        to = ("Clinic Staff", "staff@" + dom)
        subj = g.pick(["Out of office - conference", f"{conf} - OOO", "Coverage while I'm away"])
        atts = [att_ics(make_ics(f"{g.r.randint(10**8, 10**9)}@{dom}", start, start + dt.timedelta(days=4), f"OOO - {conf}",
                                 city, f"{doc['full']} out of office. Coverage: see email."))]
    elif v == 2:
        tr = g.pick(["Delta", "United", "American", "Alaska"])
        body = (f"Hi {doc['first']},\n\nYour trip is confirmed.\nPassenger: {doc['first'].upper()} {doc['last'].upper()}\nTitle: DR\n"
                f"{tr} {g.r.randint(100, 2999)} departs {d_full(d)} 07:{g.r.randint(10, 59)}, seat {g.r.randint(8, 32)}{g.pick('ACDF')}\n"
                f"Confirmation: {''.join(g.pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6))}\n\nHotel: {g.pick(['Marriott', 'Hyatt Regency', 'Hilton Garden Inn'])} {city}, 3 nights.\n\n"
                f"Safe travels,\n{g.pick(['Acme Travel', 'Global Journeys', 'Corporate Travel Desk'])}")
        to = (doc["full"], demail)
        return M(("Travel Desk", "itinerary@" + g.pick(["acmetravel.com", "globaljourneys.com"])), to,
                 f"Itinerary confirmation - Dr. {doc['last']} - {city}", body, [], [], date=when, html=True)
    else:
        fr = g.person()
        body = (f"{fr['first']}! Yes, we're coming to {city} for the wedding. Landing Friday around noon. I finally took a real "
                f"vacation - no pager, no charts, nothing. Let's get dinner Saturday before the rehearsal?\n\n{doc['first']}")
        to = who(fr)
        subj = g.pick(["see you soon", f"{city} wedding", "we're coming!"])
    return M((doc["full"], demail if v == 1 else g.email(doc["first"], doc["last"])), to, subj, body, [], atts, date=when,
             html=g.chance(0.3))


def fam_prayer_list(g, i):
    church = g.pick([("Grace Fellowship", "gracefellowship.org"), ("First Baptist Church", "fbcmain.org"),
                     ("St. Anne Catholic Parish", "stanneparish.org"), ("Mt. Zion AME", "mtzioname.org"),
                     ("Beth Shalom Congregation", "bethshalom.org")])
    sender = g.person()
    when = g.when()
    names = [g.person() for _ in range(6)]
    items = [f"{names[0]['full']} as she travels to visit her daughter in {g.pick(['Phoenix', 'Accra', 'Manila', 'Tulsa'])}",
             f"The {names[1]['last']} family during this season",
             f"{names[2]['first']} and {names[3]['first']} {names[2]['last']}, celebrating 50 years of marriage",
             f"{names[4]['full']}, starting a new job on Monday",
             f"Unspoken requests",
             f"Our youth group on their mission trip to {g.pick(['Guatemala', 'Appalachia', 'the Gulf Coast'])}",
             f"{names[5]['full']}, who asked for prayer for the whole family",
             "Our graduates and their families",
             f"Traveling mercies for Pastor {g.pick(LAST)}"]
    g.r.shuffle(items)
    k = g.r.randint(4, 7)
    v = i % 4
    intro = ["Please keep the following in your prayers this week:",
             "Prayer list for the week of " + d_long(when.date()) + ":",
             "Dear prayer team, here are this week's requests:",
             "Good morning church family! Our prayer chain requests:"][v]
    body = intro + "\n\n" + "\n".join("- " + it for it in items[:k]) + \
        f"\n\nIf you have a request, reply to this email or call the church office.\n\nBlessings,\n{sender['full']}\n{church[0]} Prayer Ministry"
    return M((f"{church[0]} Prayer Chain", "prayer@" + church[1]), ("Prayer Team", "prayerteam@" + church[1]),
             g.pick(["Prayer list", "Weekly prayer requests", "Prayer chain", f"Prayers - week of {d_short(when.date())}"]),
             body, ["announcement"], date=when, html=g.chance(0.4))


def fam_insurance_quote(g, i):
    broker = g.person(domain=g.pick(["bluehorizonbenefits.com", "securepathinsurance.com", "familyfirstins.com"]))
    cl = g.person()
    sp = g.person(last=cl["last"])
    when = g.when()
    zipc = g.r.randint(10001, 98999)
    dob1, dob2 = g.dob(1960, 1995), g.dob(1960, 1995)
    plans = [("Silver 70 HMO", g.r.randint(720, 980), 3500, 8700), ("Gold 80 PPO", g.r.randint(990, 1380), 1500, 7000),
             ("Bronze 60 HSA", g.r.randint(480, 690), 7000, 9200), ("Silver 87 EPO", g.r.randint(610, 880), 2500, 8000)]
    v = i % 4
    rows = [["Plan", "Monthly premium", "Deductible", "Out-of-pocket max", "Network"]] + \
           [[p[0], p[1], p[2], p[3], g.pick(["Anthem", "Blue Shield", "Kaiser", "Oscar", "Ambetter"])] for p in plans]
    disc = ("\n\n" + f"{broker['full']} | Licensed Agent #{g.r.randint(1000000, 9999999)}\n"
            "Quotes are estimates based on the ages and ZIP code provided and are subject to carrier underwriting rules "
            "and final eligibility. Not a contract of insurance.")
    if v == 0:
        body = (f"Hi {cl['first']},\n\nAs requested, here are 2025 quotes for you and {sp['first']} (ZIP {zipc}). I've attached a "
                f"side-by-side spreadsheet. The Gold PPO has the lowest deductible; the Bronze HSA is cheapest if you mostly "
                f"want catastrophic coverage. Open enrollment ends {d_long(g.later(when, 10, 40))}." + disc)
        atts = [att_xlsx([["Applicant", "DOB", "ZIP"], [cl["full"], d_full(dob1), zipc], [sp["full"], d_full(dob2), zipc], []] + rows,
                         f"{asciify(cl['last'])}_quotes.xlsx", "Quotes")]
    elif v == 1:
        body = (f"{cl['first']},\n\nQuick follow up - the Silver 70 HMO would be ${plans[0][1]}/mo before subsidy. Based on the "
                f"household income you gave me you may qualify for a tax credit of about ${g.r.randint(150, 450)}/mo. "
                f"Want to hop on a call Thursday?" + disc)
        atts = []
    elif v == 2:
        body = (f"Dear {cl['first']} {cl['last']},\n\nThank you for your interest in supplemental coverage. Attached is the quote for "
                f"term life ($500,000, 20-year) and accident coverage for your household. Rates shown are standard-class estimates. "
                f"Applicants: {cl['full']} (DOB {d_full(dob1)}), {sp['full']} (DOB {d_full(dob2)})." + disc)
        atts = [att_pdf(["SUPPLEMENTAL COVERAGE QUOTE", f"Prepared for: {cl['full']}, {sp['full']}", f"ZIP {zipc}",
                         f"Term Life 20yr $500k: ${g.r.randint(28, 60)}.00/mo per applicant",
                         f"Accident plan (family): ${g.r.randint(30, 55)}.00/mo", "Dental PPO (family): $" + str(g.r.randint(70, 120)) + ".00/mo",
                         "Quote valid 30 days. Subject to underwriting."], "supplemental_quote.pdf", "Quote")]
    else:
        body = (f"Hi {cl['first']},\n\nYour employer's plan renewal came in. For your family tier, the {plans[1][0]} "
                f"goes from ${plans[1][1] - 60} to ${plans[1][1]} per month. I also priced an individual market "
                f"alternative (CSV attached) so you can compare." + disc)
        atts = [att_csv(rows, "plan_comparison.csv")]
    return M(who(broker), who(cl), g.pick(["Your health insurance quotes", f"Quotes for the {cl['last']} household", "2025 plan options",
                                          "Quote follow-up"]), body, [], atts, date=when, html=g.chance(0.4))


def fam_wellness_leaderboard(g, i):
    dom = g.pick(CORPS)
    org = dom.split(".")[0].capitalize()
    sender = g.person(domain=dom)
    when = g.when()
    ppl = [g.person(domain=dom) for _ in range(g.r.randint(8, 14))]
    steps = sorted([g.r.randint(38000, 128000) for _ in ppl], reverse=True)
    rows = [["Rank", "Name", "Team", "Steps (week)", "Daily avg"]]
    teams = g.r.sample(["Step Sisters", "Walkie Talkies", "Sole Mates", "The Stepfords", "Feet Don't Fail Me", "Accounting Amblers"], 3)
    for k, (p, s) in enumerate(zip(ppl, steps), 1):
        rows.append([k, p["full"], g.pick(teams), s, s // 7])
    v = i % 4
    top = "\n".join(f"{r[0]}. {r[1]} - {r[3]:,} steps" for r in rows[1:6])
    intro = [f"Week {g.r.randint(1, 6)} results are in! Top 5 walkers:",
             "Leaderboard update for the Spring Step Challenge:",
             f"Happy Friday {org}! Here's where we stand:",
             "Final standings - thanks to everyone who walked with us!"][v]
    body = (f"{intro}\n\n{top}\n\nTeam leader: {g.pick(teams)}. Full leaderboard attached. Remember steps sync from your "
            f"app every night at midnight - no manual entries.\n\nKeep moving,\n{sender['full']}\n{org} Wellness Committee")
    atts = [att_csv(rows, "leaderboard.csv") if v % 2 == 0 else att_xlsx(rows, "step_challenge_leaderboard.xlsx", "Leaderboard")]
    return M((f"{org} Wellness", "wellness@" + dom), (f"All {org} Staff", "all-staff@" + dom),
             g.pick(["Step Challenge leaderboard", "Weekly steps update", "\U0001F45F Leaderboard", "Final step challenge results"]),
             body, ["announcement"], atts, date=when, html=g.chance(0.5))


def fam_school_notice(g, i):
    school = g.pick([("Jefferson Elementary", "jeffersonelem.k12.org"), ("Lincoln Middle School", "lincolnms.org"),
                     ("Westside Academy", "westsideacademy.org"), ("Roosevelt K-8", "rooseveltk8.net")])
    nurse = g.person(domain=school[1])
    par = g.person()
    when = g.when()
    d = g.later(when, 5, 20)
    v = i % 4
    greet = g.pick(["Dear Families,", f"Dear {school[0]} families,", f"Hello {par['first']},", "Dear Parents and Guardians,"])
    if v == 0:
        body = (f"{greet}\n\nVision and hearing screenings for all Kindergarten, 1st, 3rd and 5th grade students will take place on "
                f"{d_wk(d)}. Screenings are quick and painless. If your child wears glasses, please make sure they bring them. "
                f"You will only be contacted if a follow-up with an eye doctor or audiologist is recommended. To opt out, "
                f"email the health office by {d_short(d - dt.timedelta(days=2))}.")
    elif v == 1:
        body = (f"{greet}\n\nA case of head lice has been reported in your child's classroom. This is common and not a sign of "
                f"poor hygiene. Please check your child's hair tonight, especially behind the ears and at the neckline. "
                f"Information on treatment is attached from the CDC. Thank you for helping keep our classrooms lice-free!")
    elif v == 2:
        body = (f"{greet}\n\nOur free flu vaccine clinic, run by the county health department, is on {d_wk(d)} from 8 to 11 am "
                f"in the gym. Consent forms must be returned by {d_short(d - dt.timedelta(days=3))}. Students without a signed "
                f"form will not be vaccinated.")
    else:
        body = (f"{greet}\n\nReminder: state law requires all incoming 7th graders to have the Tdap booster and meningococcal "
                f"vaccine on file before the first day of school. Please send a copy of your child's immunization record to the "
                f"health office or upload it in the parent portal. Medical and religious exemption forms are available on our website.\n\n"
                f"Students also need a current sports physical to try out for fall athletics.")
    body += f"\n\n{nurse['full']}, RN\nSchool Nurse, {school[0]}\n{g.phone()}"
    return M((f"{nurse['full']} (School Nurse)", nurse["email"]), ("Families", "families@" + school[1]) if "Hello" not in greet else who(par),
             g.pick(["Health office notice", "Screening day", "From the school nurse", "Important health reminder"]),
             body, ["announcement"], date=when, html=g.chance(0.5))


def fam_coach_logistics(g, i):
    coach = g.person()
    team = g.pick(["U12 Girls Thunder", "Eagles 10U", "Varsity Volleyball", "JV Boys Lacrosse", "Blue Jays Little League"])
    kids = [g.kid(g.pick(LAST)) for _ in range(6)]
    when = g.when()
    d = g.later(when, 2, 10)
    v = i % 4
    if v == 0:
        body = (f"Parents,\n\nPractice moves to Field 3 this week. Snack schedule: {d_short(d)} {kids[0]['last']} family, "
                f"{d_short(d + dt.timedelta(days=7))} {kids[1]['last']} family. Carpool for the away game: {kids[2]['first']} and "
                f"{kids[3]['first']} are riding with me.\n\nCoach {coach['first']}")
    elif v == 1:
        body = (f"Hi all,\n\nHeat advisory tomorrow, so we'll do a shortened practice from 6-7:15pm with water breaks every 15 "
                f"minutes. Please send 2 full water bottles. If practice is cancelled I'll post it by 3pm.\n\nCoach {coach['last']}")
    elif v == 2:
        body = (f"Reminder: every player needs a current sports physical form on file before the first game on {d_wk(d)}. "
                f"Turn them in to the front office, not to me. Also jerseys: {kids[0]['first']} #{g.r.randint(1, 30)}, "
                f"{kids[1]['first']} #{g.r.randint(31, 60)}, {kids[4]['first']} #{g.r.randint(61, 99)}.\n\nThanks!\nCoach {coach['first']}")
    else:
        body = (f"What a game! {kids[0]['first']} with 2 goals and {kids[5]['first']} with a huge save in the second half. "
                f"{kids[1]['first']} was player of the match. Team photos {d_wk(d)} at 9am, wear the white jerseys. "
                f"Pizza party after the last game - Venmo {coach['first']} $10.\n\nCoach {coach['first']}")
    return M((f"Coach {coach['full']}", coach["email"]), ("Team Parents", f"{asciify(team).lower().replace(' ', '')}@groups.io"),
             g.pick([[f"{team} - this week", "snacks + carpool"], ["Heat advisory - practice update", "Tomorrow's practice"],
                     ["Physical forms + jerseys", "Reminders before the opener"], ["Game recap!", "What a game"]][v]), typo(body, g, 0.02),
             ["announcement"], date=when, html=g.chance(0.3))


def fam_mixed_language_personal(g, i):
    when = g.when()
    v = i % 4
    if v == 0:
        a = g.person(last=g.pick(["Reyes", "Morales", "Garcia", "Ortiz"]))
        b = g.person(last=a["last"])
        body = (f"Hola tía!\n\nLa quinceañera de Sofi es el sábado {d_short(g.later(when, 5, 30))} a las 6, en el salón de "
                f"{g.pick(['la iglesia', 'Los Arcos', 'la Legión'])}. Can you bring the tres leches? Mami dice que me muero de "
                f"hambre nomás de pensar en tu pastel jaja. Ya compramos las flores.\n\nBesos,\n{a['first']}")
    elif v == 1:
        a = g.person(last=g.pick(["Souza", "Silva", "Santos", "Ferreira"]))
        b = g.person()
        body = (f"Oi pessoal!\n\nChurrasco domingo lá em casa a partir do meio-dia. Cada um traz uma bebida, eu cuido da carne. "
                f"O {g.pick(['Thiago', 'João', 'Marcelo'])} vai trazer o violão. Quem puder, chega cedo pra ajudar!\n\n"
                f"Abraços,\n{a['first']}")
    elif v == 2:
        a = g.person(last=g.pick(["Delgado", "Hernández", "Castellanos"]))
        b = g.person(last=a["last"])
        body = (f"Primo,\n\nI'm dead tired from this week, el trabajo me tiene loco. But are we still going to the Dodgers "
                f"game Friday? Tengo 4 boletos, section {g.r.randint(100, 160)}. Dile a tu hermano que no llegue tarde otra vez.\n\n{a['first']}")
    else:
        a = g.person(last=g.pick(["Carvalho", "Oliveira", "Reyes"]))
        b = g.person()
        body = (f"Hola {b['first']},\n\nTe mando las fotos del viaje a Oaxaca. ¡Qué rico el mole! Mi corazón se quedó allá, "
                f"de verdad. Next time you have to come. Te debo los 40 dólares del tour, te los mando por Zelle.\n\n"
                f"Un abrazo,\n{a['first']}")
    return M(who(a), who(b), g.pick([["sábado!", "quince de Sofi"], ["churrasco domingo", "domingo!"], ["viernes", "Dodgers"],
                                     ["fotos de Oaxaca", "hola"]][v]),
             typo(body, g, 0.02), [], date=when, html=g.chance(0.3))


def fam_employee_nonmedical_leave(g, i):
    dom = g.pick(CORPS)
    emp = g.person(domain=dom)
    mgr = g.person(domain=dom)
    when = g.when()
    d = g.later(when, 7, 45)
    v = i % 4
    if v == 0:
        body = (f"Hi {mgr['first']},\n\nI'd like to request PTO {d_short(d)}-{d_short(d + dt.timedelta(days=4))} for my sister's wedding in "
                f"{g.pick(['Lagos', 'Manila', 'Guadalajara', 'Chicago', 'Dublin'])}. I'll make sure the month-end close is done before I leave.\n\n"
                + corp_sig(g, emp, dom))
        subj = g.pick(["PTO request", "Time off - family wedding", f"PTO {d_short(d)}"])
    elif v == 1:
        body = (f"Hi {mgr['first']},\n\nI got a jury duty summons for {d_wk(d)}. I'll know the night before if I actually have "
                f"to report. Summons attached for HR records.\n\n" + corp_sig(g, emp, dom))
        subj = g.pick(["Jury duty", "jury summons", "Out for jury duty"])
    elif v == 2:
        body = (f"{mgr['first']} - we close on the house {d.strftime('%A')} so I need the afternoon off for the signing and then "
                f"{d_short(d + dt.timedelta(days=3))} for the move. Can work late the rest of the week.\n\n{emp['first']}")
        subj = g.pick(["half day + moving day", "house closing", "time off for move"])
    else:
        body = (f"Hi {mgr['first']},\n\nMy son's college graduation is {d_long(d)} in {g.pick(['Austin', 'Ann Arbor', 'Atlanta'])}. "
                f"Could I take that Thursday and Friday? {g.pick(FIRST)} offered to cover the client call.\n\n" + corp_sig(g, emp, dom))
        subj = g.pick(["graduation - PTO", "time off request", "PTO Thurs/Fri"])
    atts = [att_pdf(["SUPERIOR COURT - JUROR SUMMONS", f"Juror: {emp['full']}", f"Report date: {d_full(d)} 8:00 AM",
                     f"Juror ID: {g.r.randint(100000, 999999)}", "Call the juror line after 5 PM the day before."],
                    "jury_summons.pdf", "Summons")] if v == 1 else []
    return M(who(emp), who(mgr), subj, body, [], atts, date=when, html=g.chance(0.3))


def fam_legal_nonmedical(g, i):
    firm = g.pick(FIRMS + [("Levi & Park Real Estate Law", "leviparklaw.com"), ("Summit Business Counsel", "summitbizcounsel.com")])
    para = g.person(domain=firm[1])
    cl = g.person()
    when = g.when()
    d = g.later(when, 3, 30)
    v = i % 4
    atts = []
    if v == 0:
        body = (f"Hi {cl['first']},\n\nYour closing on {g.r.randint(100, 9999)} {g.pick(['Magnolia Dr', 'Cedar St', 'Harbor View Ct'])} is set for "
                f"{d_wk(d)} at 10am. Please bring two forms of ID and a cashier's check for ${g.r.randint(8000, 60000):,}. "
                f"The title commitment is attached.\n\n" + law_sig(g, para, firm))
        subj = g.pick(["Closing scheduled", f"{cl['last']} closing", "Closing details"])
        atts = [att_pdf(["TITLE COMMITMENT - SCHEDULE A", f"Proposed insured: {cl['full']}",
                         f"Amount: ${g.r.randint(250000, 900000):,}", "Vesting: fee simple", "Exceptions: see Schedule B-II"],
                        "title_commitment.pdf", "Title Commitment")]
    elif v == 1:
        body = (f"Dear {cl['first']} {cl['last']},\n\nThe deposition of the opposing party's CFO in the breach-of-contract matter "
                f"is set for {d_wk(d)}. The attorney would like to meet with you the day before to review the invoices and the "
                f"email chain from last March. Please confirm your availability.\n\n" + law_sig(g, para, firm))
        subj = g.pick(["Deposition scheduling", f"{cl['last']} v. {g.pick(LAST)} Holdings - deposition", "Prep meeting"])
    elif v == 2:
        body = (f"Hi {cl['first']},\n\nYour LLC's articles of organization were filed with the Secretary of State today. EIN "
                f"application is next; we'll need the responsible party's SSN by phone (please do NOT email it).\n\n" + law_sig(g, para, firm))
        subj = g.pick(["LLC filed", "Articles of organization", "Next steps for your company"])
    else:
        body = (f"Hello {cl['first']},\n\nAttached is the draft response to your landlord's notice regarding the security "
                f"deposit. Please review paragraphs 3-5 for accuracy about the move-out date and the photos you took.\n\n" + law_sig(g, para, firm))
        subj = g.pick(["Draft letter for review", "Security deposit dispute", "Landlord response - draft"])
        atts = [att_docx(["# DRAFT - PRIVILEGED", f"Re: {cl['full']} - Security Deposit", "Dear Landlord:",
                          "Our client vacated the premises on the date stated and returned all keys.",
                          "Photographs taken at move-out show no damage beyond normal wear and tear.",
                          "We demand return of the full deposit within 14 days."], "draft_letter.docx")]
    return M(who(para), who(cl), subj, body, [], atts, date=when, html=g.chance(0.35))


def fam_short_reply_nonmedical(g, i):
    p = g.person()
    when = g.when()
    d = g.later(when, 1, 10)
    day = d.strftime("%a")
    doc = g.doc()
    v = i % 4
    if v == 0:
        other = (doc["full"] + ", PhD", asciify(doc["last"]).lower() + "@" + g.pick(["stateu.edu", "uchi.edu", "tufts.edu"]))
        orig = f"Hi {p['first']}, could we meet {d.strftime('%A')} at 3 to go over chapter 2 of your dissertation? - {doc['dr']}"
        body = g.pick([f"Yes, {day} 3pm works for my meeting with {doc['dr']}. I'll bring the revised draft.",
                       f"{day} at 3 works! Thx {doc['dr']}"])
    elif v == 1:
        sal = g.pick(["Luxe Hair Studio", "Fade Factory Barbers", "Salon Grace"])
        other = (sal, "book@" + asciify(sal).lower().replace(" ", "") + ".com")
        orig = f"Hi {p['first']}! Your appointment with {g.pick(FIRST)} is {d_wk(d)} at {tstr(g)}. Reply to confirm."
        body = g.pick(["Confirmed!", "yes see you then", f"Can I move to {day} afternoon?"])
    elif v == 2:
        other = ("Tri-County Honda Service", "service@tricountyhonda.com")
        orig = f"Your vehicle is due for its 30,000-mile service. We have {d_wk(d)} at 8:00 am available."
        body = g.pick(["that works, I'll drop it off at 8", "Yes please. Need a loaner", "8am works"])
    else:
        other = (doc["full"], asciify(doc["first"]).lower().replace("-", "") + "@" + g.pick(["gmail.com", "me.com"]))
        orig = f"Are you and the kids still up for the lake house {day}? Bring sunscreen - {doc['first']}"
        body = g.pick([f"Yes!! {day} works, we'll bring the kayak", "yes! what can we bring?", "wouldn't miss it"])
    body = typo(body, g, 0.05)
    sf = g.sentfrom()
    body = body + ("\n\n" + sf if sf else "") + "\n\n" + quote(orig, f"{other[0]} <{other[1]}>", when - dt.timedelta(hours=g.r.randint(1, 30)))
    return M(who(p), other, g.pick([["Re: meeting", "Re: chapter 2"], ["Re: Appointment confirmation", "Re: Your appointment"],
                                     ["Re: Service reminder", "Re: 30,000-mile service"], [f"Re: {day}", "Re: lake house"]][v]),
             body, ["reply", "mobile"], date=when, reply=True)


def fam_trainer_scheduling(g, i):
    tr = g.person(domain=g.pick(["ironworksfit.com", "corestrengthstudio.com", "strongstartgym.com"]))
    cl = g.person()
    when = g.when()
    d = g.later(when, 1, 8)
    v = i % 4
    if v == 0:
        body = (f"Hi {cl['first']},\n\nGreat session today - you hit {g.r.randint(135, 275)} on the deadlift for a clean triple! "
                f"Next week we'll start the new block: squat focus Monday, upper body Thursday. Does {d.strftime('%A')} at "
                f"{tstr(g)} still work?\n\n{tr['first']}")
    elif v == 1:
        body = (f"Hi {cl['first']},\n\nYour 10-session package has 2 sessions left. Renewal is ${g.r.randint(550, 900)} for 10 or "
                f"${g.r.randint(950, 1600)} for 20. Let me know and I'll send the invoice.\n\nThanks!\n{tr['full']}")
    elif v == 2:
        body = (f"{cl['first']} - I have to move your {d.strftime('%A')} session; my car is in the shop. Could we do 7am instead "
                f"of 6:30? Sorry for the shuffle.\n\n{tr['first']}")
    else:
        body = (f"Hey {cl['first']},\n\nHere's your travel workout for the conference week: 4 rounds of 12 goblet squats (use a "
                f"suitcase!), 10 push-ups, 15 walking lunges, 30-sec plank. Hotel gym counts. Send me a sweaty selfie.\n\n{tr['first']}")
    return M(who(tr), who(cl), g.pick([["Nice work today", "Next week"], ["Session package", "Renewal"], ["Schedule change", "Thursday"],
                                       ["Travel workout", "For your trip"]][v]),
             body, [], date=when, html=g.chance(0.3))


# ---------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------
FAMILIES = [
    # name, label, func
    ("patient_symptoms_to_office", "phi", fam_patient_symptoms),
    ("patient_to_therapist", "phi", fam_patient_therapist),
    ("patient_results_question", "phi", fam_patient_results),
    ("second_opinion_lab_forward", "phi", fam_second_opinion),
    ("short_reply_appointment", "phi", fam_short_reply_appt),
    ("caregiver_dementia", "phi", fam_caregiver_dementia),
    ("sibling_care_schedule", "phi", fam_sibling_care_schedule),
    ("parent_to_school", "phi", fam_parent_school),
    ("parent_to_coach", "phi", fam_parent_coach),
    ("spouse_leave_request", "phi", fam_spouse_leave),
    ("employee_own_medical_leave", "phi", fam_employee_own_leave),
    ("paralegal_medical_records", "phi", fam_paralegal_records),
    ("allied_provider_to_client", "phi", fam_allied_provider),
    ("friend_about_diagnosis", "phi", fam_friend_diagnosis),
    ("mixed_language_health", "phi", fam_mixed_language),
    ("personal_pharmacy_errand", "phi", fam_pharmacy_errand),
    ("vet_pet_care", "clean", fam_vet_pet_care),
    ("vet_short_reply", "clean", fam_vet_short_reply),
    ("fitness_newsletter", "clean", fam_fitness_newsletter),
    ("nutrition_newsletter", "clean", fam_nutrition_newsletter),
    ("public_health_news_chat", "clean", fam_health_news),
    ("family_personal_no_health", "clean", fam_family_personal),
    ("support_group_announcement", "clean", fam_support_group),
    ("book_club_medical_memoir", "clean", fam_book_club),
    ("nurse_job_application", "clean", fam_nurse_application),
    ("doctor_personal_travel", "clean", fam_doctor_travel),
    ("prayer_list_no_condition", "clean", fam_prayer_list),
    ("insurance_broker_quote", "clean", fam_insurance_quote),
    ("wellness_step_leaderboard", "clean", fam_wellness_leaderboard),
    ("school_health_notice_general", "clean", fam_school_notice),
    ("coach_team_logistics", "clean", fam_coach_logistics),
    ("mixed_language_personal", "clean", fam_mixed_language_personal),
    ("employee_nonmedical_leave", "clean", fam_employee_nonmedical_leave),
    ("legal_nonmedical", "clean", fam_legal_nonmedical),
    ("short_reply_nonmedical", "clean", fam_short_reply_nonmedical),
    ("trainer_client_no_health", "clean", fam_trainer_scheduling),
]


# ---------------------------------------------------------------------------
# MIME assembly
# ---------------------------------------------------------------------------
def build_eml(m, g, uid, malformed=False):
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr(m["frm"])
    msg["To"] = ", ".join(formataddr(t) for t in m["to"])
    if m["cc"]:
        msg["Cc"] = ", ".join(formataddr(t) for t in m["cc"])
    msg["Subject"] = m["subject"]
    msg["Date"] = format_datetime(m["date"])
    dom = m["frm"][1].split("@")[1]
    msg["Message-ID"] = f"<{uid}.{g.r.randint(10**9, 10**10)}@{dom}>"
    if m["reply"]:
        ref = f"<{g.r.randint(10**11, 10**12):x}@{m['to'][0][1].split('@')[1]}>"
        msg["In-Reply-To"] = ref
        msg["References"] = ref
    msg["MIME-Version"] = "1.0"
    for k, v in m["headers"].items():
        msg[k] = v
    body = m["body"].rstrip() + "\n"
    msg.set_content(body)
    form = list(m["form"])
    if m["html"]:
        msg.add_alternative(to_html(body), subtype="html")
        if "html" not in form:
            form.append("html")
    for data, mt, st, fn in m["atts"]:
        msg.add_attachment(data, maintype=mt, subtype=st, filename=fn)
        ext = fn.rsplit(".", 1)[-1].lower()
        if ext not in form:
            form.append(ext)
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"----=_Part_{uid}_{n}_{g.r.randint(10**7, 10**8)}")
    data = msg.as_bytes()
    if malformed and msg.is_multipart():
        b = msg.get_boundary().encode()
        closing = b"--" + b + b"--"
        data = data.replace(closing, b"", 1).rstrip(b"\r\n") + b"\r\n"
        form.append("malformed")
    return data, "+".join(form) if form else "plain"


def plan(split):
    fams = FAMILIES
    if split == "blind":
        out = []
        for name, label, fn in fams:
            n = 10 if label == "phi" else 8
            out += [(name, label, fn, k) for k in range(n)]
        return out
    # dev: 20 phi + 20 clean, variant indices offset so templates differ in sampling
    r = random.Random(SEEDS["dev"])
    phi = [f for f in fams if f[1] == "phi"]
    cln = [f for f in fams if f[1] == "clean"]
    out = []
    for group, total in ((phi, 20), (cln, 20)):
        for k in range(total):
            name, label, fn = group[k % len(group)]
            out.append((name, label, fn, r.randint(0, 99)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["blind", "dev"], default="blind")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    seed = SEEDS[a.split]
    os.makedirs(a.out, exist_ok=True)
    items = plan(a.split)
    order = random.Random(seed + "-order")
    order.shuffle(items)
    mal_r = random.Random(seed + "-mal")
    rows = []
    for idx, (name, label, fn, k) in enumerate(items, 1):
        g = G(random.Random(f"{seed}|{name}|{k}"))
        m = fn(g, k)
        malformed = mal_r.random() < 0.03
        data, form = build_eml(m, g, f"{idx:04d}", malformed)
        fname = f"{idx:04d}.eml"
        with open(os.path.join(a.out, fname), "wb") as f:
            f.write(data)
        rows.append((fname, label, name, form))
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("file\tlabel\tfamily\tform\n")
        for r_ in rows:
            f.write("\t".join(r_) + "\n")
    print(f"wrote {len(rows)} messages to {a.out}")


if __name__ == "__main__":
    main()
