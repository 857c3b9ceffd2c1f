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
    drug, dose, why = g.pick(MEDS)
    mob = g.chance(0.4)
    v = i % 5
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
    cname, _ = g.pick(CLINICS)
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
                + fwd_block(f"Medical Records <records@{g.pick(CLINICS)[1]}>", f"{p['full']} <{p['email']}>",
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
        subj = g.pick(["out Thursday", f"PTO {d_short(d)}", "Out for a procedure"])
    elif v == 1:
        surg = g.pick(["gallbladder surgery", "a hernia repair", "sinus surgery", "rotator cuff surgery", "a hysterectomy"])
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
        body = (f"Hon can you grab my {g.pick(['Zoloft', 'Lexapro', drug])} refill at {g.pick(PHARMACIES)} on the way home? "
                f"It's under my name, Rx #{g.r.randint(1000000, 9999999)}. Should be ${g.r.randint(5, 40)}. Love you")
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
