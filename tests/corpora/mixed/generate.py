#!/usr/bin/env python3
"""Blind evaluation corpus generator: 'mixed' corpus.

Three strands:
  1. Spanish / bilingual mail (PHI letters and clean Spanish look-alikes)
  2. Malformed or unusual MIME (mostly PHI hidden in odd places) + a few clean malformed
  3. Everyday mail (clean with names, hard health look-alikes, PHI hidden in everyday mail)

Usage: python3 generate.py --split dev|blind --out DIR
Standard library only; deterministic.
"""
import argparse
import base64
import csv
import datetime as dt
import html
import io
import os
import quopri
import random
import struct
import sys
import textwrap
import unicodedata
import zipfile
import zlib
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP

CRLF = "\r\n"

# ---------------------------------------------------------------------------
# Name and organisation pools (invented; split into disjoint dev/blind halves)
# ---------------------------------------------------------------------------
FIRST_ALL = [
    # Anglo / general
    ("Emily", "F"), ("Tom", "M"), ("Sarah", "F"), ("Kevin", "M"), ("Megan", "F"), ("Daniel", "M"),
    ("Heather", "F"), ("Matt", "M"), ("Lauren", "F"), ("Brian", "M"), ("Colleen", "F"), ("Gary", "M"),
    ("Tiffany", "F"), ("Scott", "M"), ("Melissa", "F"), ("Douglas", "M"),
    # African / African-American
    ("Chidi", "M"), ("Ngozi", "F"), ("Kwame", "M"), ("Amara", "F"), ("Oluwaseun", "M"), ("Adaeze", "F"),
    ("Kofi", "M"), ("Abena", "F"), ("Tendai", "M"), ("Zanele", "F"), ("Yaw", "M"), ("Folake", "F"),
    ("Emeka", "M"), ("Nia", "F"), ("Tunde", "M"), ("DeShawn", "M"), ("Keisha", "F"), ("Jamal", "M"),
    ("Tamika", "F"), ("Marcus", "M"), ("Latoya", "F"), ("Darnell", "M"), ("Imani", "F"), ("Precious", "F"),
    # South Asian
    ("Priya", "F"), ("Rahul", "M"), ("Ananya", "F"), ("Vikram", "M"), ("Deepa", "F"), ("Arjun", "M"),
    ("Sunita", "F"), ("Sanjay", "M"), ("Lakshmi", "F"), ("Imran", "M"), ("Fatima", "F"), ("Ravi", "M"),
    ("Meera", "F"), ("Nikhil", "M"), ("Zainab", "F"), ("Harpreet", "F"),
    # East / South-East Asian
    ("Wei", "M"), ("Mei", "F"), ("Hiroshi", "M"), ("Yuki", "F"), ("Jin", "M"), ("Soo-ah", "F"),
    ("Minh", "M"), ("Linh", "F"), ("Haruto", "M"), ("Xiaoling", "F"), ("Jun", "M"), ("Hana", "F"),
    ("Tuan", "M"), ("Ji-woo", "F"),
    # Slavic / Eastern European
    ("Dmitri", "M"), ("Olga", "F"), ("Katarzyna", "F"), ("Piotr", "M"), ("Svetlana", "F"), ("Bogdan", "M"),
    ("Milena", "F"), ("Ivan", "M"), ("Anastasia", "F"), ("Tomasz", "M"), ("Yelena", "F"), ("Miroslav", "M"),
    # Middle Eastern
    ("Omar", "M"), ("Layla", "F"), ("Yusuf", "M"), ("Noor", "F"), ("Karim", "M"), ("Leila", "F"),
]
COMMON_WORD_FIRST = [
    ("Hope", "F"), ("Grace", "F"), ("Will", "M"), ("Rose", "F"), ("Bill", "M"), ("Faith", "F"),
    ("Joy", "F"), ("Dawn", "F"), ("Mark", "M"), ("Summer", "F"), ("April", "F"), ("June", "F"),
    ("Art", "M"), ("Sandy", "F"), ("Rich", "M"), ("Frank", "M"), ("Grant", "M"), ("Amber", "F"),
    ("Chase", "M"), ("Hunter", "M"), ("Brooke", "F"), ("Drew", "M"), ("Pat", "F"), ("Sunny", "F"),
    ("Miles", "M"), ("Destiny", "F"), ("Carol", "F"), ("Jack", "M"),
]
LAST_ALL = [
    "Smith", "Johnson", "O'Brien", "Whitaker", "Kowalski", "Nowak", "Petrov", "Okafor", "Adeyemi",
    "Mensah", "Boateng", "Nkosi", "Mwangi", "Chukwu", "Patel", "Sharma", "Iyer", "Reddy", "Khan",
    "Chaudhry", "Banerjee", "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang", "Tanaka", "Sato", "Lee",
    "Washington", "Jefferson", "Brooks", "Coleman", "Murphy", "Fitzgerald", "Schmidt", "Novak",
    "Horvat", "Haddad", "Nasser", "Rossi", "Bianchi", "Lindqvist", "Bell", "Rose", "Wills", "Cohen",
    "Goldberg", "Friedman", "Young", "King", "Baker", "Hope", "Price", "Little", "Sokolova", "Dubois",
    "Abernathy", "McAllister", "Oyelaran", "Takahashi", "Gupta", "Desai", "Moreau", "Kovalenko",
]
HFIRST = [
    ("María", "F"), ("José", "M"), ("Guadalupe", "F"), ("Alejandro", "M"), ("Lucía", "F"), ("Carlos", "M"),
    ("Ximena", "F"), ("Jesús", "M"), ("Rosa", "F"), ("Mateo", "M"), ("Esperanza", "F"), ("Javier", "M"),
    ("Dolores", "F"), ("Héctor", "M"), ("Valentina", "F"), ("Ramón", "M"), ("Itzel", "F"), ("Joaquín", "M"),
    ("Yesenia", "F"), ("Rafael", "M"), ("Consuelo", "F"), ("Diego", "M"), ("Marisol", "F"), ("Fernando", "M"),
    ("Luz", "F"), ("Arturo", "M"), ("Paola", "F"), ("Ignacio", "M"), ("Socorro", "F"), ("Emilio", "M"),
    ("Araceli", "F"), ("Gustavo", "M"), ("Milagros", "F"), ("Osvaldo", "M"), ("Rocío", "F"), ("Efraín", "M"),
    ("Ana", "F"), ("Luis", "M"), ("Pilar", "F"), ("Tomás", "M"), ("Amparo", "F"), ("Rubén", "M"),
    ("Blanca", "F"), ("Álvaro", "M"), ("Catalina", "F"), ("Santiago", "M"), ("Inés", "F"), ("Raúl", "M"),
]
HLAST = [
    "García", "Gómez", "Hernández", "Martínez", "López", "Rodríguez", "Pérez", "Sánchez", "Ramírez",
    "Torres", "Flores", "Rivera", "Morales", "Ortiz", "Castillo", "Jiménez", "Vargas", "Romero", "Mendoza",
    "Aguilar", "Delgado", "Castro", "Núñez", "Fuentes", "Ibarra", "Villalobos", "Quintero", "Cervantes",
    "Espinoza", "Salazar", "Zúñiga", "Benítez", "Ochoa", "Peña", "Montoya", "Cabrera", "Arroyo", "Solís",
    "Medina", "Herrera", "Navarro", "Cordero", "Bautista", "Valdez",
]
CLINICS_EN = [
    "Riverside Family Medicine", "Lakeview Internal Medicine", "North Valley Health Center",
    "Maple Grove Community Clinic", "Westbrook Primary Care", "Bayside Medical Group", "Oak Hollow Health",
    "Granite Peak Physicians", "Silver Lake Family Practice", "Brookside Health Partners",
    "Sunrise Community Health", "Harbor Point Medical Associates",
]
CLINICS_ES = [
    "Clínica Comunitaria La Esperanza", "Centro de Salud Familiar San José", "Clínica del Valle",
    "Centro Médico Vida Sana", "Clínica Familiar Nueva Vida", "Centro de Salud El Buen Pastor",
    "Clínica Las Palmas", "Sanatorio Santa Clara (Córdoba)", "Hospital Regional del Sur (Arequipa)",
    "Clínica San Rafael de Monterrey", "Centro Médico Altamira (Caracas)", "Clínica Comunitaria Mi Pueblo",
]
PHARMACIES = [
    "Corner Drug #112", "Walgrove Pharmacy", "FamilyCare Rx", "MediQuick Pharmacy #0457", "Parkway Apothecary",
    "Farmacia San Rafael", "HealthMart of Elm St", "RiteValue Pharmacy", "Farmacia La Económica",
]
HOSPITALS = [
    "St. Brigid Medical Center", "Mercy General Hospital", "University Hospital East", "Lakeshore Regional",
    "Holy Cross Hospital", "Valley Presbyterian", "County General", "Memorial Hermosa Hospital",
]
COMPANIES = [
    ("Brightline Logistics", "brightline-log.com"), ("Cobalt Analytics", "cobaltanalytics.io"),
    ("Northwind Foods", "northwindfoods.com"), ("Pemberton & Shaw LLP", "pembertonshaw.com"),
    ("Keystone Fabrication", "keystonefab.com"), ("Lumen Retail Group", "lumenretail.com"),
    ("Harborline Credit Union", "harborlinecu.org"), ("Tidewater Software", "tidewatersw.com"),
    ("Acorn Property Management", "acornpm.com"), ("Vantage Civil Engineering", "vantagecivil.com"),
]
CITIES = [
    ("San Antonio", "TX", "782"), ("Phoenix", "AZ", "850"), ("Fresno", "CA", "937"), ("Denver", "CO", "802"),
    ("Orlando", "FL", "328"), ("Chicago", "IL", "606"), ("Newark", "NJ", "071"), ("Albuquerque", "NM", "871"),
    ("Raleigh", "NC", "276"), ("Columbus", "OH", "432"), ("Tacoma", "WA", "984"), ("Yonkers", "NY", "107"),
    ("El Paso", "TX", "799"), ("Santa Ana", "CA", "927"), ("Hialeah", "FL", "330"), ("Aurora", "IL", "605"),
]
STREETS = ["Maple Ave", "Calle Sol", "W 5th St", "Oak Ridge Dr", "Mission Blvd", "Cedar Ln", "Bristol Ct",
           "E Jefferson St", "Avenida Central", "Pinehurst Rd", "Lincoln Way", "Rio Grande Dr", "Elm St Apt 4B",
           "N Kedzie Ave", "Magnolia Cir", "Harbor View Rd"]
AREA = ["210", "602", "559", "303", "407", "773", "973", "505", "919", "614", "253", "914", "915", "714",
        "305", "630", "312", "817"]

MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]

DISCLAIMERS_EN = [
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the "
    "intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, "
    "use, disclosure or distribution is prohibited.",
    "This message is intended only for the addressee. If you received it in error please notify the sender "
    "and delete it.",
    "Please consider the environment before printing this email.",
    "Confidential - for internal use only.",
    "This email was scanned for viruses by MailGuard.",
]
DISCLAIMERS_ES = [
    "AVISO DE CONFIDENCIALIDAD: Este mensaje y sus anexos son confidenciales y están dirigidos exclusivamente "
    "a su destinatario. Si usted lo recibió por error, por favor notifíquelo al remitente y elimínelo.",
    "Por favor, no responda a este correo; esta cuenta no es monitoreada.",
    "Antes de imprimir este correo piense en el medio ambiente.",
]


def ascii_slug(s, sep=""):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    out = []
    for ch in s.lower():
        if ch.isalnum():
            out.append(ch)
        elif sep and out and out[-1] != sep:
            out.append(sep)
    return "".join(out).strip(sep)


def deaccent(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def crlf(s):
    return s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


class SafeDict(dict):
    def __missing__(self, k):
        raise KeyError(k)


def fmt(s, f):
    return textwrap.dedent(s).strip("\n").format_map(f)


# ---------------------------------------------------------------------------
# Generator context
# ---------------------------------------------------------------------------
class G:
    def __init__(self, split, seed):
        self.split = split
        self.r = random.Random(seed)
        r0 = random.Random(20240611)

        def half(lst):
            l = list(lst)
            r0.shuffle(l)
            h = len(l) // 2
            return l[:h] if split == "dev" else l[h:]

        self.first = half(FIRST_ALL) + half(COMMON_WORD_FIRST)
        self.commonw = half(COMMON_WORD_FIRST)
        self.last = half(LAST_ALL)
        self.hfirst = half(HFIRST)
        self.hlast = half(HLAST)
        self.clinics = half(CLINICS_EN)
        self.clinics_es = half(CLINICS_ES)
        self.pharm = half(PHARMACIES)
        self.hosp = half(HOSPITALS)
        self.companies = half(COMPANIES)
        self.cities = half(CITIES)
        self.streets = half(STREETS)

    # -- primitives
    def ch(self, seq):
        return self.r.choice(seq)

    def person(self, hisp=False, gender=None):
        while True:
            fn, ln, g = self._person(hisp)
            if gender is None or g == gender:
                return fn, ln, g

    def _person(self, hisp=False):
        r = self.r
        if hisp or r.random() < 0.12:
            fn, gnd = r.choice(self.hfirst)
            ln = r.choice(self.hlast)
            if hisp and r.random() < 0.35:
                ln = ln + " " + r.choice([x for x in self.hlast if x != ln])
        else:
            if r.random() < 0.18:
                fn, gnd = r.choice(self.commonw)
            else:
                fn, gnd = r.choice(self.first)
            ln = r.choice(self.last)
        return fn, ln, gnd

    def ssn(self):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        return "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))

    def mbi(self):
        r = self.r
        al = "ACDEFGHJKMNPQRTUVWXY"
        an = al + "0123456789"
        d = "0123456789"
        s = (r.choice("123456789") + r.choice(al) + r.choice(an) + r.choice(d) + r.choice(al) + r.choice(an)
             + r.choice(d) + r.choice(al) + r.choice(al) + r.choice(d) + r.choice(d))
        return s[:4] + "-" + s[4:7] + "-" + s[7:]

    def mrn(self):
        r = self.r
        k = r.randint(0, 5)
        if k == 0:
            return "%08d" % r.randint(100000, 99999999)
        if k == 1:
            return "A-%06d" % r.randint(0, 999999)
        if k == 2:
            return "%04d-%02d-%02d" % (r.randint(1000, 9999), r.randint(0, 99), r.randint(0, 99))
        if k == 3:
            return "MR%07d" % r.randint(0, 9999999)
        if k == 4:
            return "%d" % r.randint(1000000, 9999999)
        return "E%09d" % r.randint(0, 999999999)

    def member(self):
        r = self.r
        pre = r.choice(["XJH", "W", "MBR", "ZGP", "H", "UHC", "AET"])
        return pre + "".join(r.choice("0123456789") for _ in range(9 if len(pre) < 3 else 8))

    def phone(self):
        r = self.r
        return "(%s) %03d-%04d" % (r.choice(AREA), r.randint(201, 989), r.randint(0, 9999))

    def date_en(self, d):
        return d.strftime("%B ") + str(d.day) + d.strftime(", %Y")

    def wdate_en(self, d):
        return d.strftime("%A, %B ") + str(d.day) + d.strftime(", %Y")

    def date_es(self, d):
        return "%d de %s de %d" % (d.day, MONTHS_ES[d.month - 1], d.year)

    def wdate_es(self, d):
        return "%s %d de %s de %d" % (DAYS_ES[d.weekday()], d.day, MONTHS_ES[d.month - 1], d.year)

    def time12(self):
        r = self.r
        h = r.choice([7, 8, 9, 10, 11, 13, 14, 15, 16])
        m = r.choice([0, 15, 30, 45])
        return "%d:%02d %s" % (h if h <= 12 else h - 12, m, "AM" if h < 12 else "PM")

    def fields(self, hisp=False, gender=None):
        r = self.r
        fn, ln, gnd = self.person(hisp, gender)
        f = SafeDict()
        f["first"], f["last"] = fn, ln
        f["full"] = fn + " " + ln
        f["lastfirst"] = ln + ", " + fn
        fem = gnd == "F"
        f["mr"] = "Ms." if fem else "Mr."
        f["sr"] = "Sra." if fem else "Sr."
        f["estim"] = "Estimada" if fem else "Estimado"
        f["el"] = "la" if fem else "el"
        f["don"] = "Doña" if fem else "Don"
        f["del"] = "de la" if fem else "del"
        f["al"] = "a la" if fem else "al"
        f["o"] = "a" if fem else "o"
        f["he"], f["him"], f["his"] = ("she", "her", "her") if fem else ("he", "him", "his")
        f["He"], f["His"] = f["he"].capitalize(), f["his"].capitalize()
        # dates
        base = dt.datetime(2024, 1, 8, 8, 0) + dt.timedelta(days=r.randint(0, 620), minutes=r.randint(0, 660))
        self.msg_dt = base
        dob = dt.date(r.randint(1938, 2004), r.randint(1, 12), r.randint(1, 28))
        f["dob"] = dob.strftime("%m/%d/%Y")
        f["dob_es"] = dob.strftime("%d/%m/%Y")
        f["dob_iso"] = dob.isoformat()
        f["age"] = str((base.date() - dob).days // 365)
        d1 = base + dt.timedelta(days=r.randint(2, 30))
        d2 = d1 + dt.timedelta(days=r.randint(7, 60))
        dp = base - dt.timedelta(days=r.randint(1, 21))
        f["date1"], f["date1_w"], f["date1_num"] = self.date_en(d1), self.wdate_en(d1), d1.strftime("%m/%d/%Y")
        f["date1_es"], f["date1_wes"], f["date1_nes"] = self.date_es(d1), self.wdate_es(d1), d1.strftime("%d/%m/%Y")
        f["date2"], f["date2_es"] = self.date_en(d2), self.date_es(d2)
        f["date_past"], f["date_past_es"], f["date_past_num"] = self.date_en(dp), self.date_es(dp), dp.strftime("%m/%d/%Y")
        f["today"], f["today_es"] = self.date_en(base), self.date_es(base)
        f["year"] = str(base.year)
        f["time1"] = self.time12()
        f["time2"] = self.time12()
        # ids
        f["mrn"], f["mrn2"] = self.mrn(), self.mrn()
        f["ssn"], f["mbi"], f["member"] = self.ssn(), self.mbi(), self.member()
        f["group"] = "%05d" % r.randint(1000, 99999)
        f["claim"] = r.choice(["CLM-%d-%07d" % (base.year, r.randint(0, 9999999)),
                               "E%010d" % r.randint(0, 9999999999), "%d%08d" % (base.year % 100, r.randint(0, 99999999))])
        f["rx"] = r.choice(["%07d" % r.randint(0, 9999999), "%04d-%04d" % (r.randint(0, 9999), r.randint(0, 9999)),
                            "RX%08d" % r.randint(0, 99999999)])
        f["phone"], f["phone2"], f["fax"] = self.phone(), self.phone(), self.phone()
        city, st, z = r.choice(self.cities)
        f["addr"] = "%d %s" % (r.randint(12, 9870), r.choice(self.streets))
        f["city"], f["st"], f["zip"] = city, st, z + "%02d" % r.randint(1, 99)
        dom = r.choice(["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net"])
        f["work_email"] = ascii_slug(fn) + "." + ascii_slug(ln)
        f["email"] = r.choice(["%s.%s", "%s%s", "%s_%s%d" % ("%s", "%s", r.randint(1, 99))]) % (
            ascii_slug(fn), ascii_slug(ln)) + "@" + dom
        # staff / providers
        dfn, dln, dg = self.person(hisp and r.random() < 0.7)
        f["doc"] = "Dr. %s %s" % (dfn, dln)
        f["doc_last"] = "Dr. " + dln
        f["docfull"] = "%s %s, MD" % (dfn, dln)
        f["doc_email"] = ascii_slug(dfn)[0] + ascii_slug(dln.split()[0])
        sfn, sln, _ = self.person(hisp and r.random() < 0.8)
        f["staff"], f["staff_first"], f["staff_last"] = sfn + " " + sln, sfn, sln
        f["staff_email"] = ascii_slug(sfn)[0] + ascii_slug(sln)
        mfn, mln, _ = self.person()
        f["mgr"], f["mgr_first"] = mfn + " " + mln, mfn
        f["mgr_email"] = ascii_slug(mfn) + "." + ascii_slug(mln)
        cfn, cln, _ = self.person()
        f["cow"], f["cow_first"] = cfn + " " + cln, cfn
        f["cow_email"] = ascii_slug(cfn) + "." + ascii_slug(cln)
        f["clinic"] = r.choice(self.clinics)
        f["clinic_es"] = r.choice(self.clinics_es)
        f["clinic_dom"] = ascii_slug(f["clinic"].split("(")[0])[:18] + r.choice([".org", ".com", ".health"])
        f["clinic_es_dom"] = ascii_slug(f["clinic_es"].split("(")[0])[:20] + r.choice([".org", ".com", ".com.mx", ".org.pe"])
        f["pharmacy"] = r.choice(self.pharm)
        f["hospital"] = r.choice(self.hosp)
        cn, cd = r.choice(self.companies)
        f["company"], f["company_dom"] = cn, cd
        # child
        kfn, _, kg = self.person(hisp)
        f["child"] = kfn
        kf = kg == "F"
        f["c_he"], f["c_him"], f["c_his"] = ("she", "her", "her") if kf else ("he", "him", "his")
        f["c_He"], f["c_His"] = f["c_he"].capitalize(), f["c_his"].capitalize()
        f["hijo"] = "hija" if kf else "hijo"
        f["grade"] = r.choice(["3rd", "4th", "5th", "6th", "7th", "8th"])
        tfn, tln, tg = self.person()
        f["teacher"] = ("Ms. " if tg == "F" else "Mr. ") + tln
        f["teacher_first"] = tfn
        f["teacher_email"] = ascii_slug(tfn)[0] + ascii_slug(tln)
        f["school"] = r.choice(["Lincoln Elementary", "Roosevelt Middle School", "Cesar Chavez Elementary",
                                "Oakwood Academy", "Hillcrest Middle", "Pioneer Elementary", "Ridgeview K-8"])
        f["school_dom"] = ascii_slug(f["school"])[:14] + ".k12.us"
        # numbers
        f["a1c"] = "%.1f" % r.uniform(6.6, 11.4)
        f["a1c_es"] = f["a1c"].replace(".", ",") if r.random() < 0.5 else f["a1c"]
        f["glucose"] = str(r.randint(128, 310))
        f["ldl"] = str(r.randint(131, 212))
        f["hgb"] = "%.1f" % r.uniform(8.9, 11.6)
        f["tsh"] = "%.2f" % r.uniform(5.2, 11.9)
        f["bp"] = "%d/%d" % (r.randint(138, 178), r.randint(86, 104))
        f["weeks"] = str(r.randint(8, 36))
        f["amount"] = "%d.%02d" % (r.randint(35, 2400), r.randint(0, 99))
        f["amount2"] = "%d.%02d" % (r.randint(5, 300), r.randint(0, 99))
        f["invno"] = "%d-%05d" % (base.year, r.randint(100, 99999))
        f["conf"] = "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        f["pct"] = str(r.randint(8, 41))
        f["n1"] = "{:,}".format(r.randint(1200, 98000))
        f["n2"] = "{:,}".format(r.randint(120, 9800))
        f["weeksout"] = str(r.randint(2, 8))
        return f

    # -- message plumbing
    def msgid(self, dom):
        return "<%s.%s@%s>" % ("".join(self.r.choice("0123456789abcdef") for _ in range(16)),
                              "".join(self.r.choice("0123456789abcdef") for _ in range(8)), dom)

    def date_hdr(self):
        d = self.msg_dt.replace(tzinfo=dt.timezone(dt.timedelta(hours=self.r.choice([-8, -7, -6, -5, -4, -3, -5, -6]))))
        return d.strftime("%a, %d %b %Y %H:%M:%S %z")

    def new_msg(self, frm, to, subject, cc=None):
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subject
        m["Date"] = self.date_hdr()
        dom = frm.rsplit("@", 1)[-1].strip(">").strip() if "@" in frm else "mail.local"
        m["Message-ID"] = self.msgid(dom)
        if self.r.random() < 0.3:
            m["X-Mailer"] = self.ch(["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "Mozilla Thunderbird 115.6",
                                     "Epic MyChart Notifier 3.2", "PHPMailer 6.8.1", "Zimbra 9.0"])
        return m

    def raw_headers(self, frm, to, subject, extra=()):
        """Manually assembled header block (for deliberately odd messages)."""
        try:
            subject.encode("ascii")
            subj = subject
        except UnicodeEncodeError:
            subj = Header(subject, "utf-8").encode(linesep="\r\n")
        dom = frm.rsplit("@", 1)[-1].strip(">").strip() if "@" in frm else "mail.local"
        lines = ["From: " + enc_addr(frm), "To: " + enc_addr(to), "Subject: " + subj, "Date: " + self.date_hdr(),
                 "Message-ID: " + self.msgid(dom)]
        lines += list(extra)
        return CRLF.join(lines) + CRLF


def enc_addr(a):
    # encode display name if non-ascii
    try:
        a.encode("ascii")
        return a
    except UnicodeEncodeError:
        if "<" in a:
            name, rest = a.split("<", 1)
            return Header(name.strip().strip('"'), "utf-8").encode(linesep="\r\n") + " <" + rest
        return a


def to_bytes(msg):
    return msg.as_bytes(policy=SMTP)


def text_to_html(body, title=None, lang="en"):
    paras = [p for p in body.split("\n\n")]
    out = []
    for p in paras:
        lines = p.split("\n")
        if all(l.startswith("> ") or l == ">" for l in lines):
            inner = "<br>\n".join(html.escape(l[2:]) for l in lines)
            out.append('<blockquote style="border-left:2px solid #ccc;padding-left:8px;color:#555">%s</blockquote>' % inner)
        else:
            out.append("<p>%s</p>" % "<br>\n".join(html.escape(l) for l in lines))
    head = ""
    if title:
        head = ('<table width="100%%" cellpadding="8" style="background:#1d4f7a;color:#fff"><tr><td>'
                '<strong>%s</strong></td></tr></table>\n' % html.escape(title))
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title></head>\n'
            '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">\n%s%s\n</body></html>\n'
            % (lang, html.escape(title or ""), head, "\n".join(out)))


# ---------------------------------------------------------------------------
# Attachment builders (real, openable files)
# ---------------------------------------------------------------------------
ZDATE = (2024, 3, 1, 9, 0, 0)


def _zip(entries, compression=zipfile.ZIP_DEFLATED):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=ZDATE)
            zi.compress_type = compression
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data if isinstance(data, bytes) else data.encode("utf-8"))
    return bio.getvalue()


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def make_xlsx(rows, sheet="Sheet1", inline=False):
    X = html.escape
    ss, ssidx = [], {}
    rx = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = "%s%d" % (col_letter(ci), ri)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            elif inline:
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, X(str(v))))
            else:
                sv = str(v)
                if sv not in ssidx:
                    ssidx[sv] = len(ss)
                    ss.append(sv)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, ssidx[sv]))
        rx.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          + ('' if inline else '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
          + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
          % (main, rel, X(sheet)))
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % rel
              + ('' if inline else '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % rel)
              + '</Relationships>')
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (main, "".join(rx)))
    entries = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
               ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", ws)]
    if not inline:
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
               % (main, len(ss), len(ss), "".join('<si><t xml:space="preserve">%s</t></si>' % X(s) for s in ss)))
        entries.append(("xl/sharedStrings.xml", sst))
    return _zip(entries)


def make_docx(paragraphs):
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ps = []
    for p in paragraphs:
        bold = p.startswith("**")
        t = p.strip("*")
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        ps.append('<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, html.escape(t)))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(ps)))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def make_pdf(lines, compress=True, title=None):
    def esc(s):
        s = deaccent(s)
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = ["BT", "/F1 11 Tf", "14 TL", "72 750 Td"]
    for i, l in enumerate(lines):
        if i:
            content.append("T*")
        content.append("(%s) Tj" % esc(l))
    content.append("ET")
    stream = ("\n".join(content) + "\n").encode("latin-1")
    if compress:
        data = zlib.compress(stream)
        sdict = "<< /Length %d /Filter /FlateDecode >>" % len(data)
    else:
        data = stream
        sdict = "<< /Length %d >>" % len(data)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        sdict.encode() + b"\nstream\n" + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if title:
        objs.append(("<< /Title (%s) /Producer (ScanDocs 2.1) >>" % esc(title)).encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    trailer = "<< /Size %d /Root 1 0 R%s >>" % (len(objs) + 1, " /Info 6 0 R" if title else "")
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_png(r, w=480, h=620):
    """Grayscale 'scanned page': off-white noise, dark text-like bars, a header block."""
    rows = []
    lines = []
    y = 40
    while y < h - 40:
        if r.random() < 0.85:
            x0 = 40 + r.randint(0, 20)
            x1 = r.randint(w // 2, w - 40)
            lines.append((y, y + r.randint(6, 9), x0, x1))
        y += r.randint(14, 22)
    for yy in range(h):
        row = bytearray([0])
        for xx in range(w):
            v = 238 + r.randint(-10, 10)
            if yy < 28:
                v = 60
            for (a, b, x0, x1) in lines:
                if a <= yy < b and x0 <= xx < x1 and (xx // 5) % 4 != 3:
                    v = 30 + r.randint(0, 40)
                    break
            row.append(max(0, min(255, v)))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        c = t + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"tEXt", b"Software\x00FlatbedScan 4.2")
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def ics_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line):
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    parts = []
    limit = 75
    cur = ""
    curlen = 0
    for chh in line:
        cl = len(chh.encode("utf-8"))
        if curlen + cl > limit:
            parts.append(cur)
            cur, curlen, limit = chh, cl, 74
        else:
            cur += chh
            curlen += cl
    parts.append(cur)
    return "\r\n ".join(parts)


def make_ics(uid, start, end, summary, location, description, organizer, attendees, method="REQUEST"):
    L = ["BEGIN:VCALENDAR", "PRODID:-//Corpus Mixed//Scheduler 1.0//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
         "METHOD:" + method, "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + start.strftime("%Y%m%dT080000Z"),
         "DTSTART:" + start.strftime("%Y%m%dT%H%M%S"), "DTEND:" + end.strftime("%Y%m%dT%H%M%S"),
         "SUMMARY:" + ics_escape(summary), "LOCATION:" + ics_escape(location),
         "DESCRIPTION:" + ics_escape(description), "ORGANIZER;CN=%s:mailto:%s" % organizer]
    for cn, em in attendees:
        L.append("ATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:%s" % (cn, em))
    L += ["STATUS:CONFIRMED", "SEQUENCE:0", "BEGIN:VALARM", "TRIGGER:-PT30M", "ACTION:DISPLAY",
          "DESCRIPTION:Reminder", "END:VALARM", "END:VEVENT", "END:VCALENDAR"]
    return (CRLF.join(ics_fold(l) for l in L) + CRLF).encode("utf-8")


def csv_bytes(rows, delim=",", enc="utf-8"):
    s = io.StringIO()
    w = csv.writer(s, delimiter=delim, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    return s.getvalue().encode(enc)


# ---------------------------------------------------------------------------
# Family registry
# ---------------------------------------------------------------------------
FAMILIES = []


def register(name, label, strand, variants, blind_only=False):
    assert len(variants) >= 4, name
    FAMILIES.append(dict(name=name, label=label, strand=strand, variants=variants, blind_only=blind_only))


class Tpl:
    """Templated message variant."""

    def __init__(self, subject, body, style="text", form=None, hisp=False, frm=None, to=None, cc=None,
                 attach=None, lang="en", title=None, disclaimer=0.25, gender=None):
        self.gender = gender
        self.subject, self.body, self.style = subject, body, style
        self.form = form or ({"text": "text", "html": "html", "alt": "html"}[style] if lang == "en" else
                             ("spanish" if lang == "es" else "bilingual"))
        self.hisp, self.frm, self.to, self.cc = hisp, frm, to, cc
        self.attach, self.lang, self.title, self.disc = attach, lang, title, disclaimer

    def __call__(self, g):
        f = g.fields(hisp=self.hisp, gender=self.gender)
        subj = fmt(self.subject, f)
        body = fmt(self.body, f)
        if "\n---QUOTE---\n" in body:
            top, q = body.split("\n---QUOTE---\n", 1)
            to_name = (fmt(self.to, f) if self.to else f["full"]).split("<")[0].strip().strip('"')
            if self.lang == "es":
                intro = "El %s, %s escribió:" % (f["date_past_es"], to_name)
            else:
                intro = "On %s, %s wrote:" % (f["date_past"], to_name)
            body = top + "\n\n" + intro + "\n" + "\n".join(("> " + l) if l else ">" for l in q.strip().split("\n"))
        if g.r.random() < self.disc:
            pool = DISCLAIMERS_ES if self.lang == "es" else DISCLAIMERS_EN
            body += "\n\n--\n" + g.ch(pool)
        frm = fmt(self.frm, f) if self.frm else '"%s" <%s@%s>' % (f["staff"], f["staff_email"], f["clinic_dom"])
        to = fmt(self.to, f) if self.to else '"%s" <%s>' % (f["full"], f["email"])
        m = g.new_msg(frm, to, subj, cc=fmt(self.cc, f) if self.cc else None)
        title = fmt(self.title, f) if self.title else None
        lang = "es" if self.lang == "es" else "en"
        nonascii = any(ord(c) > 127 for c in body)
        cte = None
        x = g.r.random()
        if nonascii:
            cte = "quoted-printable" if x < 0.45 else ("base64" if x < 0.7 else "8bit")
        elif x < 0.15:
            cte = "quoted-printable"
        if self.style == "text":
            m.set_content(body, cte=cte) if cte else m.set_content(body)
        elif self.style == "html":
            m.set_content(text_to_html(body, title, lang), subtype="html", cte=cte) if cte else \
                m.set_content(text_to_html(body, title, lang), subtype="html")
        else:
            m.set_content(body, cte=cte) if cte else m.set_content(body)
            m.add_alternative(text_to_html(body, title, lang), subtype="html")
        if self.attach:
            for data, mt, st, fn in self.attach(g, f):
                if mt == "text":
                    m.add_attachment(data.decode("utf-8"), subtype=st, filename=fn)
                else:
                    m.add_attachment(data, maintype=mt, subtype=st, filename=fn)
        return to_bytes(m), self.form


def TplF(*a, **k):
    return Tpl(*a, gender="F", **k)


def TplM(*a, **k):
    return Tpl(*a, gender="M", **k)


# ===========================================================================
# STRAND 1: Spanish and bilingual mail
# ===========================================================================
ES_FROM = '"{clinic_es}" <avisos@{clinic_es_dom}>'
ES_STAFF = '"{staff}" <{staff_email}@{clinic_es_dom}>'

register("es-lab-results", "phi", 1, [
    Tpl("Sus resultados de laboratorio están disponibles", """
        {estim} {sr} {last}:

        Le escribimos de {clinic_es} para informarle que ya tenemos los resultados de los análisis de sangre que se realizó el {date_past_es}.

        Paciente: {full}
        Fecha de nac.: {dob_es}
        No. de expediente: {mrn}

        Glucosa en ayunas: {glucose} mg/dL (valor normal 70-99)
        Hemoglobina A1c: {a1c_es} %
        Colesterol LDL: {ldl} mg/dL

        {doc} revisó sus resultados y desea verle pronto para ajustar su tratamiento. Por favor llame al {phone} para programar una cita.

        Atentamente,
        {staff}
        Enfermería, {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF),
    Tpl("Nuevo mensaje de su médico en el portal", """
        Hola {first}:

        {doc} dejó un comentario sobre su resultado de laboratorio del {date_past_es}:

        "Su prueba de tiroides (TSH) salió en {tsh} mUI/L, lo cual indica hipotiroidismo. Vamos a empezar levotiroxina 50 mcg en ayunas todos los días y repetimos el análisis en 6 semanas."

        Para ver el resultado completo entre a su cuenta del portal. Su número de expediente es {mrn}.

        {clinic_es}
        Este es un mensaje automático.
        """, style="html", hisp=True, lang="es", frm=ES_FROM, title="{clinic_es} - Portal del paciente", form="spanish-html"),
    Tpl("Resultados - Urocultivo", """
        Señor(a): {full}
        Fecha de nacimiento: {dob_es}
        Orden No.: {mrn2}
        Médico solicitante: {doc}

        EXAMEN GENERAL DE ORINA
        Leucocitos: 25-30 por campo (ref. 0-5)
        Nitritos: positivo
        UROCULTIVO: más de 100,000 UFC/mL de Escherichia coli
        Sensible a: nitrofurantoína, fosfomicina. Resistente a: ampicilina.

        Sus resultados fueron enviados a su médico tratante. Si tiene fiebre o dolor de espalda acuda a urgencias.

        Laboratorio Clínico - {clinic_es}
        """, hisp=True, lang="es", frm='"Laboratorio {clinic_es}" <resultados@{clinic_es_dom}>'),
    Tpl("Re: mis análisis", """
        Buenas tardes {first},

        Ya revisé sus estudios. Su hemoglobina está en {hgb} g/dL, que es baja (anemia). La ferritina también está baja. Le voy a indicar sulfato ferroso 325 mg una vez al día con jugo de naranja, y quiero repetir la biometría hemática en un mes.

        No se preocupe, es muy tratable. Cualquier duda me escribe.

        Saludos,
        {doc}

        ---QUOTE---
        Doctor, buenos días, ¿ya están mis análisis? Me he sentido muy cansad{o} y con mareos.
        {full}
        """, hisp=True, lang="es", frm='"{doc}" <consultorio.{doc_email}@{clinic_es_dom}>'),
    Tpl("Aviso de resultados críticos", """
        {estim} {full}:

        Intentamos comunicarnos con usted por teléfono al {phone} sin éxito. Su resultado de potasio en sangre del {date_past_es} fue de 6.1 mmol/L, un valor alto que requiere atención hoy mismo.

        Por favor acuda a la clínica o al servicio de urgencias más cercano. Lleve su lista de medicamentos (incluyendo lisinopril y espironolactona).

        Expediente: {mrn} | Fecha de nac.: {dob_es}

        {staff}, RN
        {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF),
])

register("es-receta", "phi", 1, [
    Tpl("Su receta está lista para recoger", """
        {estim} cliente:

        Su receta está lista para recoger en {pharmacy}.

        Paciente: {full}
        Receta No.: {rx}
        Medicamento: Metformina 850 mg, 60 tabletas
        Recetado por: {doc}
        Copago: ${amount2}

        La receta se guardará por 10 días. Horario: lunes a sábado de 9:00 a 21:00.
        """, hisp=True, lang="es", frm='"{pharmacy}" <no-responder@farmacia-avisos.com>'),
    Tpl("Recordatorio de resurtido - insulina", """
        Hola {first},

        Es hora de resurtir su receta de insulina glargina (Lantus) 100 U/mL, plumas.
        Receta #{rx} - Fecha de nac. en archivo: {dob_es}

        Responda SÍ a este correo o llame al {phone2} para que la preparemos. Recuerde traer su tarjeta del seguro (ID {member}).

        Gracias por elegir {pharmacy}.
        """, style="html", hisp=True, lang="es", frm='"{pharmacy}" <rx@farmacia-avisos.com>', form="spanish-html",
        title="{pharmacy}"),
    Tpl("Receta médica electrónica", """
        RECETA MÉDICA
        {clinic_es}
        {docfull} - Cédula profesional {mrn2}

        Paciente: {full}        Edad: {age} años
        Fecha: {today_es}
        Diagnóstico: Hipertensión arterial sistémica

        Rp.
        1. Losartán 50 mg tabletas. Tomar 1 cada 24 horas. Caja con 30.
        2. Hidroclorotiazida 12.5 mg. Tomar 1 por la mañana.

        Próxima consulta: {date1_es}. Traer registro de presión arterial.
        """, hisp=True, lang="es", frm='"{doc}" <recetas@{clinic_es_dom}>'),
    Tpl("Autorización previa requerida - sertralina", """
        {estim} {sr} {last}:

        Su plan de salud no aprobó automáticamente la receta de sertralina 100 mg indicada por {doc}. Se requiere autorización previa.

        Asegurado: {full}
        No. de afiliado: {member}
        Grupo: {group}
        Receta: {rx}

        Ya enviamos el formulario a su médico. Mientras tanto, puede pagar el precio en efectivo de ${amount2} o esperar la respuesta (3 a 5 días hábiles).

        {pharmacy} - Departamento de Seguros
        """, hisp=True, lang="es", frm='"{pharmacy}" <seguros@farmacia-avisos.com>'),
])

register("es-cita", "phi", 1, [
    Tpl("Recordatorio de cita - Cardiología", """
        {estim} {full}:

        Le recordamos su cita en la Clínica de Cardiología:

        Fecha: {date1_wes}
        Hora: {time1}
        Médico: {doc}
        Motivo: Seguimiento de insuficiencia cardíaca y resultados del ecocardiograma

        Por favor llegue 15 minutos antes y traiga todos sus medicamentos. Para cancelar llame al {phone2}.

        {clinic_es}
        """, hisp=True, lang="es", frm=ES_FROM),
    Tpl("Confirmación de cita - Salud Mental", """
        Hola {first},

        Su cita de seguimiento con {staff} (Psicología) quedó confirmada para el {date1_es} a las {time1} (videollamada).

        Paciente: {full}
        Fecha de nac.: {dob_es}

        Recuerde completar el cuestionario PHQ-9 antes de la sesión. Si está en crisis llame o envíe un texto al 988.

        Programa de Salud Mental - {clinic_es}
        """, style="alt", hisp=True, lang="es", frm=ES_FROM, form="spanish-html"),
    Tpl("Cambio en su horario de diálisis", """
        {estim} {sr} {last}:

        Debido al día festivo, su sesión de hemodiálisis del {date1_wes} se cambiará a las {time2}. Sus sesiones regulares (lunes, miércoles y viernes) continúan igual después de esa fecha.

        Paciente: {full} | Expediente {mrn}
        Unidad de Nefrología - {clinic_es}

        Si no puede asistir llame de inmediato al {phone}. No falte a su diálisis.
        """, hisp=True, lang="es", frm=ES_FROM),
    Tpl("Cita de fisioterapia después de su cirugía", """
        Buenos días {sr} {last},

        Le escribe {staff} de Rehabilitación. {doc} nos envió la orden para fisioterapia después de su reemplazo de rodilla derecha.

        Su primera sesión es el {date1_es} a las {time1}. Serán 2 sesiones por semana durante 6 semanas. Traiga ropa cómoda y su andadera.

        Saludos,
        {staff}
        Terapeuta Física - {clinic_es}
        Tel. {phone2}
        """, hisp=True, lang="es", frm=ES_STAFF),
])

register("es-biopsia", "phi", 1, [
    TplF("Resultado de su biopsia", """
        {estim} {sr} {last}:

        Le escribo para darle una buena noticia: el resultado de la biopsia de mama que se realizó el {date_past_es} salió BENIGNO. Se trata de un fibroadenoma, un tumor no canceroso.

        Le recomendamos un ultrasonido de control en 6 meses. Mi asistente le llamará para programarlo.

        Paciente: {full}
        Fecha de nac.: {dob_es}

        Un saludo cordial,
        {doc}
        Cirugía de Mama, {clinic_es}
        """, hisp=True, lang="es", frm='"{doc}" <{doc_email}@{clinic_es_dom}>'),
    TplM("Urgente: resultado de patología", """
        {sr} {full}:

        Ya tenemos el reporte de patología de su biopsia de próstata. Se encontró adenocarcinoma de próstata, Gleason 3+4=7, en 4 de 12 muestras.

        Es importante que venga a consulta de Urología con {doc} para hablar de las opciones de tratamiento. Le agendamos para el {date1_es} a las {time1}.

        Expediente: {mrn}

        Urología - {clinic_es}
        """, hisp=True, lang="es", frm=ES_FROM),
    Tpl("Biopsia de piel - resultado", """
        Hola {first},

        Le comparto el resultado de la biopsia de la lesión de la nariz: carcinoma basocelular nodular. Es un tipo de cáncer de piel de crecimiento lento y se cura con cirugía en la mayoría de los casos.

        Vamos a programar la cirugía de Mohs. Por favor confirme si el {date1_es} le queda bien.

        Dermatología - {clinic_es}
        Dra./Dr. a cargo: {doc}
        """, style="html", hisp=True, lang="es", frm=ES_STAFF, form="spanish-html"),
    Tpl("Interconsulta - paciente {last}", """
        Estimado colega:

        Le comparto el caso {del} paciente {full}, de {age} años (expediente {mrn}). La biopsia de la endoscopia del {date_past_es} reporta gastritis crónica activa con Helicobacter pylori positivo, sin displasia.

        Ya inició tratamiento cuádruple con bismuto por 14 días. Le agradecería valorar {al} paciente en Gastroenterología para prueba de erradicación.

        Atentamente,
        {doc}
        Medicina Interna - {clinic_es}
        """, hisp=True, lang="es", frm='"{doc}" <{doc_email}@{clinic_es_dom}>',
        to='"Gastroenterología" <gastro@{clinic_es_dom}>'),
])

register("es-embarazo", "phi", 1, [
    TplF("Resultado de su prueba de embarazo", """
        {estim} {full}:

        ¡Felicidades! Su prueba de embarazo en sangre (hCG cuantitativa) del {date_past_es} salió POSITIVA.

        Le programamos su primera consulta prenatal con {doc} para el {date1_es}. Por favor empiece a tomar ácido fólico 400 mcg diario.

        Fecha de nac.: {dob_es} | Expediente: {mrn}

        Salud de la Mujer - {clinic_es}
        """, hisp=True, lang="es", frm=ES_FROM),
    TplF("Control prenatal - semana {weeks}", """
        Hola {first},

        Le escribo con los resultados de su consulta de la semana {weeks} de embarazo:

        - Ultrasonido: bebé con crecimiento adecuado, latido cardíaco normal.
        - Prueba de tolerancia a la glucosa: 162 mg/dL a la hora. Esto sugiere diabetes gestacional, por lo que necesitamos la prueba de 3 horas.
        - Presión arterial: {bp}

        La nutrióloga le llamará esta semana.

        {staff}, Enfermería Obstétrica
        {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF),
    TplF("Su próxima cita prenatal", """
        {estim} {sr} {full}:

        Su próxima cita de control prenatal (embarazo de alto riesgo) es el {date1_wes} a las {time1} con {doc}.
        Le haremos el monitoreo fetal sin estrés y revisaremos su presión, ya que en la última consulta estuvo en {bp}.

        Traiga su carnet perinatal.

        Medicina Materno-Fetal
        {clinic_es}
        """, style="html", hisp=True, lang="es", frm=ES_FROM, form="spanish-html"),
    TplF("Solicitud de permiso", """
        Buenas tardes {mgr_first},

        Le escribo para pedirle permiso para faltar el jueves. Mi esposa {first} tiene 30 semanas de embarazo y el médico nos dijo que es de alto riesgo por preeclampsia; tenemos cita con el especialista en el {hospital}.

        Le mando la constancia de la cita en cuanto la tenga.

        Gracias,
        {cow}
        """, hisp=True, lang="es", frm='"{cow}" <{cow_email}@{company_dom}>',
        to='"{mgr}" <{mgr_email}@{company_dom}>'),
])

register("es-diabetes", "phi", 1, [
    Tpl("Programa de control de diabetes - su reporte", """
        {estim} asegurad{o}:

        Asegurado: {full}
        No. de afiliado: {member}
        Fecha de nac.: {dob_es}

        Como participante del Programa de Control de Diabetes, le compartimos su avance:
        - Última hemoglobina A1c: {a1c_es}% (meta: menos de 7%)
        - Último examen de ojos (retina): pendiente
        - Último examen de pies: {date_past_es}

        Una enfermera educadora le llamará al {phone} para revisar su plan de alimentación y su dosis de insulina.

        Programa de Manejo de Enfermedades Crónicas
        """, hisp=True, lang="es", frm='"Salud Plus Seguros" <programas@saludplus-seguros.com>'),
    Tpl("¿Cómo va con la insulina?", """
        Hola {don} {first}:

        ¿Cómo le ha ido con la insulina nueva? Acuérdese de anotar su glucosa en la mañana y antes de cenar. Si baja de 70, tome medio vaso de jugo y me avisa.

        El jueves nos vemos en la clase de diabetes a las 10. Traiga su glucómetro para descargar las lecturas.

        Un abrazo,
        {staff}
        Educadora en Diabetes - {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF, to='"{full}" <{email}>'),
    Tpl("Envío de suministros para diabetes", """
        {estim} {sr} {last}:

        Su pedido de suministros para diabetes fue aprobado y se enviará a: {addr}, {city}, {st} {zip}.

        Asegurado: {full} - ID {member}
        Artículos: Glucómetro, 200 tiras reactivas, 200 lancetas, sensores de monitoreo continuo (3)
        Orden de: {doc}

        Si tiene preguntas llame al {phone2}.
        """, style="html", hisp=True, lang="es", frm='"Suministros Médicos Directo" <pedidos@sumedirecto.com>',
        form="spanish-html", title="Suministros Médicos Directo"),
    Tpl("Reporte mensual de su monitor de glucosa", """
        Hola {first},

        Este es su resumen de monitoreo continuo de glucosa del último mes:
        Tiempo en rango (70-180 mg/dL): {pct}%
        Glucosa promedio: {glucose} mg/dL
        Hipoglucemias: 3 eventos nocturnos

        {doc} recomienda reducir la insulina de la noche de 24 a 20 unidades. Cualquier duda responda este correo.

        Paciente: {full} ({mrn})
        """, hisp=True, lang="es", frm=ES_FROM),
])

register("bilingual-reminder", "phi", 1, [
    Tpl("Appointment Reminder / Recordatorio de cita", """
        Dear {first} {last},
        This is a reminder of your appointment at {clinic} - Pediatric Endocrinology.
        Date: {date1_w} at {time1}
        Provider: {doc}
        Patient: {full}  DOB: {dob}

        Estimad{o} {first} {last}:
        Le recordamos su cita en {clinic} - Endocrinología Pediátrica.
        Fecha: {date1_wes} a las {time1}
        Médico: {doc}
        Paciente: {full}  Fecha de nac.: {dob_es}

        Reply C to confirm / Responda C para confirmar.
        """, hisp=True, lang="bi", frm='"{clinic}" <reminders@{clinic_dom}>'),
    Tpl("Your results are ready / Sus resultados están listos", """
        Hi {first}, your COVID-19 and influenza PCR test results from {date_past} are ready. Result: Influenza A DETECTED. {doc} has sent oseltamivir to {pharmacy}.

        Hola {first}, sus resultados de la prueba PCR de COVID-19 e influenza del {date_past_es} están listos. Resultado: Influenza A DETECTADA. {doc} envió oseltamivir a {pharmacy}.

        MRN / Expediente: {mrn}
        """, style="alt", hisp=True, lang="bi", frm='"{clinic} Urgent Care" <noreply@{clinic_dom}>', form="bilingual-html",
        title="{clinic}"),
    Tpl("Refill reminder / Recordatorio de resurtido", """
        ENGLISH: {full}, your prescription for lisinopril 20 mg (Rx {rx}) is due for refill on {date1}. Reply YES to refill.

        ESPAÑOL: {full}, su receta de lisinopril 20 mg (Rx {rx}) debe resurtirse el {date1_es}. Responda SÍ para resurtir.

        {pharmacy} - {phone2}
        """, hisp=True, lang="bi", frm='"{pharmacy}" <refills@rx-notify.net>'),
    Tpl("Vaccines due for {child} / Vacunas pendientes para {child}", """
        Dear parent/guardian of {child} {last},
        Our records show {child} (DOB 03/14/2018) is due for the MMR and DTaP boosters and the annual flu shot. {child} also missed the asthma follow-up with {doc}.

        Estimado padre/madre/tutor de {child} {last}:
        Nuestros registros indican que {child} (fecha de nac. 14/03/2018) necesita los refuerzos de MMR y DTaP y la vacuna anual contra la influenza. Además faltó a su cita de control del asma con {doc}.

        Call / Llame: {phone2}
        {clinic} Pediatrics / Pediatría
        """, hisp=True, lang="bi", frm='"{clinic} Pediatrics" <peds@{clinic_dom}>', to='"{full}" <{email}>'),
])

register("es-eob", "phi", 1, [
    Tpl("Explicación de Beneficios (EOB) disponible", """
        {estim} {sr} {last}:

        Su nueva Explicación de Beneficios ya está disponible.

        Asegurado: {full}
        No. de miembro: {member}
        No. de reclamo: {claim}
        Proveedor: {hospital}
        Fecha de servicio: {date_past_es}
        Servicios: Consulta de urgencias, radiografía de tórax, nebulización
        Monto facturado: ${amount}
        Usted debe: ${amount2}

        ESTO NO ES UNA FACTURA.
        """, hisp=True, lang="es", frm='"Salud Plus Seguros" <eob@saludplus-seguros.com>'),
    Tpl("Reclamo procesado", """
        Hola {first}:

        Procesamos el reclamo {claim} de {doc} por su colonoscopía del {date_past_es}. El plan pagó el 100% porque fue una colonoscopía preventiva, excepto la patología de los pólipos: usted debe ${amount2}.

        Asegurado: {full} | ID {member}
        """, style="html", hisp=True, lang="es", frm='"Aseguradora Horizonte" <noreply@horizonte-salud.com>',
        form="spanish-html", title="Aseguradora Horizonte"),
    Tpl("Reclamo denegado - apelación", """
        {estim} {full}:

        Le informamos que el reclamo No. {claim} por la resonancia magnética de columna lumbar realizada el {date_past_es} fue DENEGADO por falta de autorización previa.

        Asegurado: {full}
        Fecha de nacimiento: {dob_es}
        Miembro: {member}

        Tiene 180 días para apelar. Adjunte la nota de su médico sobre la hernia de disco L4-L5.

        Departamento de Reclamos
        """, hisp=True, lang="es", frm='"Aseguradora Horizonte" <reclamos@horizonte-salud.com>'),
    TplF("Estado de cuenta - {hospital}", """
        {estim} paciente {full}:

        Saldo pendiente por su hospitalización del {date_past_es} (parto por cesárea): ${amount}.
        Cuenta No. {mrn}
        Seguro facturado: Medicaid, ID {member}

        Puede pagar en línea o llamar al {phone2} para un plan de pagos.
        Oficina de Facturación, {hospital}
        """, hisp=True, lang="es", frm='"Facturación {hospital}" <facturacion@hospital-billing.org>'),
], blind_only=True)

register("es-family-personal", "phi", 1, [
    TplM("noticias de mi papá", """
        Hola prima,

        Te cuento que a mi papá {first} le detectaron cáncer de colon en la colonoscopía. Lo van a operar el {date1_es} en el {hospital} y después le darán quimioterapia. Está muy asustado, así que si puedes llámale al {phone}.

        Te quiero mucho,
        {staff_first}
        """, hisp=True, lang="es", frm='"{staff}" <{staff_email}@gmail.com>', to='"{cow}" <{cow_email}@yahoo.com>'),
    TplF("Re: ¿cómo sigue tu mamá?", """
        Gracias por preguntar. Mi mamá, {full}, ya salió del hospital. Tuvo un infarto pequeño, le pusieron dos stents y ahora toma clopidogrel y atorvastatina. Tiene que ir a rehabilitación cardíaca 3 veces por semana.

        Un beso,
        {staff_first}

        ---QUOTE---
        ¿Cómo sigue tu mamá? Supe que estuvo internada.
        """, hisp=True, lang="es", frm='"{staff}" <{staff_email}@hotmail.com>', to='"{cow}" <{cow_email}@gmail.com>'),
    TplF("Oración por {first}", """
        Queridos hermanos del grupo de oración:

        Les pido que oren por nuestra hermana {full}, a quien le diagnosticaron esclerosis múltiple la semana pasada. Empieza su tratamiento el {date1_es}. También necesita quien la lleve a sus citas de neurología los martes.

        Bendiciones,
        {staff}
        """, hisp=True, lang="es", frm='"{staff}" <{staff_email}@gmail.com>', to='"Grupo de oración" <oracion-sanjudas@googlegroups.com>'),
    TplM("Abuelo", """
        Hermano:

        Hablé con el doctor del abuelo {first} {last}. Dice que el Alzheimer avanzó y ya no puede vivir solo. Le subieron la dosis de donepezilo y recomiendan una residencia. Tenemos que hablar de cómo pagarla.

        {staff_first}
        """, hisp=True, lang="es", frm='"{staff}" <{staff_email}@outlook.com>', to='"{cow}" <{cow_email}@gmail.com>'),
], blind_only=True)

# ---- clean Spanish look-alikes ----
register("es-boletin-salud", "clean", 1, [
    Tpl("Boletín de salud: 5 consejos para prevenir la diabetes", """
        Boletín Comunitario de Salud - Edición de {today_es}

        Estimados vecinos:

        La diabetes tipo 2 afecta a 1 de cada 10 adultos. Estos son cinco consejos para reducir el riesgo:
        1. Camine 30 minutos al día.
        2. Cambie las bebidas azucaradas por agua.
        3. Llene la mitad del plato con verduras.
        4. Duerma de 7 a 8 horas.
        5. Pida a su médico una prueba de glucosa si tiene más de 35 años.

        Para darse de baja de este boletín, responda BAJA.
        """, style="html", hisp=True, lang="es", frm='"Promotoras de Salud del Barrio" <boletin@promotoras-barrio.org>',
        to='"Vecinos" <lista@promotoras-barrio.org>', form="spanish-html", title="Boletín Comunitario de Salud"),
    Tpl("Hola {first}, ¿sabías esto sobre la presión alta?", """
        Hola {first}:

        Este mes hablamos del corazón. La hipertensión se llama "la asesina silenciosa" porque muchas veces no da síntomas. Medir su presión en casa es fácil y barato.

        En nuestro blog: recetas bajas en sal, rutinas de ejercicio para principiantes y cómo leer las etiquetas de los alimentos.

        ¡Nos vemos en la feria de salud del parque el sábado!
        Revista Vida y Familia
        Recibes este correo porque te suscribiste en vidayfamilia.com.
        """, hisp=True, lang="es", frm='"Vida y Familia" <noticias@vidayfamilia.com>'),
    Tpl("Alerta: temporada de dengue", """
        BOLETÍN INFORMATIVO

        Con la llegada de las lluvias aumentan los casos de dengue. Recomendaciones:
        - Elimine recipientes con agua estancada.
        - Use repelente y mosquiteros.
        - Si tiene fiebre alta, dolor detrás de los ojos o manchas en la piel, acuda a su centro de salud. No se automedique con ibuprofeno.

        Secretaría de Salud Municipal
        """, hisp=True, lang="es", frm='"Secretaría de Salud Municipal" <comunicacion@salud-municipal.gob.mx>',
        to='"Suscriptores" <boletin@salud-municipal.gob.mx>'),
    Tpl("Salud mental: no está sol@", """
        Estimados lectores:

        Octubre es el mes de la salud mental. La ansiedad y la depresión son comunes y tienen tratamiento. Hablar con alguien de confianza es el primer paso.

        Recursos gratuitos:
        - Línea 988 (en español, marque 2)
        - Grupos de apoyo los miércoles en la biblioteca

        Equipo editorial, Boletín Bienestar Latino
        """, hisp=True, lang="es", frm='"Bienestar Latino" <editor@bienestarlatino.org>'),
])

register("es-anuncio-farmacia", "clean", 1, [
    Tpl("¡Ofertas de la semana en vitaminas!", """
        ¡Hola {first}!

        Esta semana en {pharmacy}:
        - 2x1 en multivitamínicos para adultos
        - 30% de descuento en protector solar
        - Glucómetros desde $14.99
        - Vacuna contra la influenza sin cita, sin costo con la mayoría de los seguros

        Presente este cupón en caja. Válido hasta el {date1_es}.
        """, style="html", hisp=True, lang="es", frm='"{pharmacy}" <promociones@farmacia-ofertas.com>',
        form="spanish-html", title="Ofertas de la semana"),
    Tpl("Nuevo servicio: consulta médica en farmacia", """
        Ahora en {pharmacy}: consultorio médico adyacente con consulta general por $50 pesos, de lunes a domingo de 8 a 22 h. Toma de presión y glucosa gratuita.

        Le esperamos en {addr}, {city}.
        Para no recibir más correos haga clic aquí.
        """, hisp=True, lang="es", frm='"{pharmacy}" <avisos@farmacia-ofertas.com>', to='"Clientes" <clientes@farmacia-ofertas.com>'),
    Tpl("{first}, ya tienes 500 puntos Monedero Salud", """
        ¡Felicidades {first}!

        Acumulaste 500 puntos en tu Monedero Salud. Úsalos en productos de cuidado personal, pañales, fórmula infantil y más.

        Tu número de socio: {conf}
        Consulta tu saldo en la app.
        """, hisp=True, lang="es", frm='"Monedero Salud" <puntos@monedero-salud.com>'),
    Tpl("Farmacia abierta 24 horas - nueva sucursal", """
        Estimados clientes:

        Inauguramos nuestra nueva sucursal 24 horas en {city}. Contamos con servicio a domicilio, surtido de recetas en 15 minutos y farmacéutico en turno para resolver dudas sobre sus medicamentos.

        Durante la primera semana: 15% de descuento en medicamentos genéricos.
        """, style="html", hisp=True, lang="es", frm='"{pharmacy}" <info@farmacia-ofertas.com>', to='"Clientes" <clientes@farmacia-ofertas.com>',
        form="spanish-html", title="{pharmacy}"),
])

register("es-campana-vacunacion", "clean", 1, [
    Tpl("Campaña de vacunación contra la influenza", """
        Estimada comunidad:

        Del {date1_es} al {date2_es}, {clinic_es} realizará una jornada gratuita de vacunación contra la influenza y COVID-19 para personas mayores de 6 meses.

        Lugar: Gimnasio de la escuela secundaria
        Horario: 9:00 a 15:00
        No necesita cita ni seguro médico.

        ¡Protéjase y proteja a su familia!
        """, style="html", hisp=True, lang="es", frm=ES_FROM, to='"Comunidad" <comunidad@{clinic_es_dom}>',
        form="spanish-html", title="Jornada de vacunación"),
    Tpl("Semana Nacional de Vacunación - sarampión", """
        Comunicado

        Ante el aumento de casos de sarampión en la región, el Ministerio de Salud invita a padres y madres a revisar la cartilla de vacunación de sus hijos. La vacuna triple viral (SRP) se aplica al año y a los 6 años.

        Puntos de vacunación: todos los centros de salud y unidades móviles.
        """, hisp=True, lang="es", frm='"Ministerio de Salud" <prensa@minsalud-region.gob>', to='"Medios" <medios@minsalud-region.gob>'),
    Tpl("Voluntarios para la campaña de vacunación", """
        Hola {first}:

        Gracias por inscribirte como voluntari{o}. La campaña de vacunación será el sábado {date1_es}. Tu turno es de 8:00 a 12:00 en la mesa de registro. Por favor usa la camiseta azul.

        Coordinación de Voluntarios
        {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF),
    Tpl("Vacunación en su lugar de trabajo", """
        Estimados colaboradores de {company}:

        Recursos Humanos, en colaboración con {clinic_es}, ofrecerá vacunas contra la influenza en la sala de juntas el {date1_es}. La vacunación es voluntaria y gratuita. Inscríbase con su supervisor.

        Recursos Humanos
        """, hisp=True, lang="es", frm='"Recursos Humanos" <rh@{company_dom}>', to='"Todo el personal" <todos@{company_dom}>'),
])

register("es-estadisticas", "clean", 1, [
    Tpl("Boletín epidemiológico semana {weeks}", """
        BOLETÍN EPIDEMIOLÓGICO - Semana {weeks}, {year}

        Casos confirmados acumulados:
        - Dengue: {n1} (incremento de {pct}% respecto al año anterior)
        - Influenza: {n2}
        - Tuberculosis pulmonar: 214

        Tasa de diabetes en adultos de 20 años o más: 12.4%. Mortalidad por enfermedades cardiovasculares: 148 por 100,000 habitantes.

        Dirección General de Epidemiología
        """, hisp=True, lang="es", frm='"Epidemiología" <boletin@epidemiologia-estatal.gob.mx>', to='"Lista de distribución" <boletin@epidemiologia-estatal.gob.mx>'),
    Tpl("Informe anual: salud de la población latina en el condado", """
        Estimados socios comunitarios:

        Adjuntamos los resultados del informe anual. Algunos datos:
        - 31% de los adultos latinos no tiene seguro médico.
        - La obesidad infantil bajó de 22% a 19%.
        - {n2} personas recibieron pruebas gratuitas de VIH en las ferias de salud.

        Los datos son agregados y no identifican a ninguna persona.

        Departamento de Salud Pública del Condado
        """, style="html", hisp=True, lang="es", frm='"Salud Pública del Condado" <datos@county-health.gov>',
        to='"Socios" <socios@county-health.gov>', form="spanish-html", title="Informe anual"),
    Tpl("Datos de su comunidad - encuesta de salud", """
        Hola {first},

        Gracias por participar en nuestro foro. Como prometimos, estos son los resultados generales de la encuesta de salud del barrio (412 hogares):
        - 38% reporta presión alta en algún miembro del hogar
        - 24% no ha visitado al dentista en 2 años
        - 61% quiere más clases de ejercicio gratuitas

        Coalición Comunitaria
        """, hisp=True, lang="es", frm='"Coalición Comunitaria" <info@coalicion-barrio.org>'),
    Tpl("Indicadores de salud materno-infantil {year}", """
        Resumen de indicadores:
        Nacimientos registrados: {n1}
        Razón de mortalidad materna: 31.2 por 100 mil nacidos vivos
        Cobertura de control prenatal (4+ consultas): 87%
        Lactancia materna exclusiva a los 6 meses: 34%

        Fuente: Sistema de Información en Salud. Cifras preliminares.
        """, hisp=True, lang="es", frm='"Observatorio de Salud" <observatorio@salud-publica.org>', to='"Investigadores" <red@salud-publica.org>'),
])

register("es-empleo-enfermeria", "clean", 1, [
    Tpl("Oferta de empleo: Enfermera/o bilingüe", """
        {clinic_es} busca ENFERMERA/O REGISTRADA/O BILINGÜE (inglés-español)

        Requisitos:
        - Licencia RN vigente
        - 2 años de experiencia en atención primaria
        - Certificación BLS

        Ofrecemos: salario competitivo, seguro médico, 15 días de vacaciones.
        Envíe su CV a {staff_email}@{clinic_es_dom} antes del {date1_es}.
        """, style="html", hisp=True, lang="es", frm=ES_STAFF, to='"Bolsa de trabajo" <empleos@bolsa-salud.com>',
        form="spanish-html", title="Oferta de empleo"),
    Tpl("Hola {first}, vacante de auxiliar de enfermería", """
        Hola {first}:

        Vi tu perfil y creo que serías ideal para una vacante de Auxiliar de Enfermería en turno nocturno en el {hospital}. Pago: $22/hora más diferencial nocturno.

        ¿Tienes tiempo para una llamada esta semana?

        Saludos,
        {staff}
        Reclutamiento, TalentoSalud
        """, hisp=True, lang="es", frm='"{staff}" <{staff_email}@talentosalud.com>'),
    Tpl("Convocatoria: Licenciados en Enfermería", """
        CONVOCATORIA

        El Hospital Regional abre 12 plazas para Licenciados en Enfermería en las áreas de Urgencias, Terapia Intensiva y Pediatría.
        Documentos: título, cédula profesional, constancia de servicio social.
        Recepción de documentos: {date1_es} al {date2_es}.
        """, hisp=True, lang="es", frm='"Recursos Humanos" <convocatorias@hospital-regional.gob>', to='"Candidatos" <candidatos@hospital-regional.gob>'),
    Tpl("Re: su solicitud - entrevista", """
        {estim} {first}:

        Gracias por su interés en el puesto de Enfermera de Salud Comunitaria. Nos gustaría invitarle a una entrevista el {date1_es} a las {time1}.

        Traiga copia de su licencia y dos referencias.

        Atentamente,
        {staff}
        Recursos Humanos, {clinic_es}
        """, hisp=True, lang="es", frm=ES_STAFF),
])

register("bilingual-closure", "clean", 1, [
    Tpl("Holiday hours / Horario de días festivos", """
        Dear patients,
        {clinic} will be closed on {date1_w} for the holiday. For urgent needs call our after-hours line at {phone2}. In an emergency call 911.

        Estimados pacientes:
        {clinic} estará cerrada el {date1_wes} por el día festivo. Para necesidades urgentes llame a nuestra línea fuera de horario al {phone2}. En caso de emergencia llame al 911.
        """, hisp=True, lang="bi", frm='"{clinic}" <info@{clinic_dom}>', to='"Patients" <patients@{clinic_dom}>'),
    Tpl("New patient portal / Nuevo portal del paciente", """
        Starting {date1}, our patient portal is moving to a new app. You will receive a separate activation email. Your records will be transferred automatically.

        A partir del {date1_es}, nuestro portal del paciente cambia a una nueva aplicación. Recibirá un correo de activación por separado. Sus expedientes se transferirán automáticamente.
        """, style="alt", hisp=True, lang="bi", frm='"{clinic}" <portal@{clinic_dom}>', to='"Patients" <patients@{clinic_dom}>',
        form="bilingual-html", title="{clinic}"),
    Tpl("We moved! / ¡Nos mudamos!", """
        Hi neighbors,
        Great news: {clinic} has moved to a bigger building at {addr}, {city}. Free parking and a new pharmacy on site.

        Hola vecinos:
        Buenas noticias: {clinic} se mudó a un edificio más grande en {addr}, {city}. Estacionamiento gratis y nueva farmacia en el mismo lugar.
        """, hisp=True, lang="bi", frm='"{clinic}" <news@{clinic_dom}>', to='"Community" <community@{clinic_dom}>'),
    Tpl("Interpreter services / Servicios de intérprete", """
        Did you know? Free medical interpreters are available at every visit in more than 40 languages. Just ask at the front desk.

        ¿Sabía usted? Tenemos intérpretes médicos gratuitos en cada consulta en más de 40 idiomas. Solo pídalo en recepción.

        {clinic} - Patient Experience / Experiencia del Paciente
        """, style="html", hisp=True, lang="bi", frm='"{clinic}" <news@{clinic_dom}>', to='"Patients" <patients@{clinic_dom}>',
        form="bilingual-html", title="{clinic}"),
])

register("es-clean-personal", "clean", 1, [
    Tpl("Invitación a la graduación de {child}", """
        Querida familia:

        Con mucha alegría los invitamos a celebrar la graduación de {child} el sábado {date1_es} a las 7 de la noche en el Salón Los Arcos, {city}.

        Por favor confirmen asistencia antes del {date2_es}.

        Con cariño,
        {first} y familia
        """, hisp=True, lang="es", frm='"{full}" <{email}>', to='"Familia {last}" <familia.{staff_email}@gmail.com>'),
    Tpl("Factura No. {invno}", """
        {estim} {sr} {last}:

        Adjunto encontrará su factura No. {invno} por la instalación del calentador de agua en {addr}.
        Total: ${amount}
        Fecha de vencimiento: {date1_es}

        Gracias por su preferencia.
        Plomería Hermanos Ruiz
        """, hisp=True, lang="es", frm='"Plomería Hermanos Ruiz" <facturas@plomeria-ruiz.com>'),
    Tpl("Junta de padres - {school}", """
        Estimados padres de familia:

        Les recordamos la junta del {date1_es} a las 6:00 p.m. en la cafetería. Temas: excursión de fin de año, venta de pasteles y uniformes.

        Atentamente,
        {teacher}
        """, hisp=True, lang="es", frm='"{teacher}" <{teacher_email}@{school_dom}>', to='"Padres de familia" <padres@{school_dom}>'),
    Tpl("Confirmación de envío de dinero", """
        Hola {first},

        Tu envío de ${amount2} USD a {staff} en {city} fue entregado.
        Número de confirmación: {conf}

        Gracias por usar EnvíaYa.
        """, hisp=True, lang="es", frm='"EnvíaYa" <no-reply@enviaya.com>'),
], blind_only=True)


# ===========================================================================
# STRAND 2: Malformed / unusual MIME
# ===========================================================================
SNIPS_DEV = [
    """Patient: {full}   DOB: {dob}   MRN: {mrn}
    Dx: Type 2 diabetes mellitus with hyperglycemia (E11.65)
    A1c {a1c}% on {date_past}. Increase metformin to 1000 mg BID. F/u with {doc} in 3 months.""",
    """Re: {mr} {last} (DOB {dob}) - pathology from {date_past}: invasive ductal carcinoma, left breast, grade 2.
    Oncology referral placed with {doc}. Please call pt at {phone} to schedule.""",
    """{full} was seen in the ED at {hospital} on {date_past} for chest pain. Troponin neg x2, EKG NSR.
    Discharged on aspirin 81 mg and atorvastatin 40 mg. Member ID {member}. Needs cardiology f/u within 1 week.""",
    """Prior auth for {full} (DOB {dob}) for adalimumab 40 mg q2wk - Crohn's disease (K50.90) - APPROVED,
    ref #{claim}. Dispensing pharmacy: {pharmacy}.""",
]
SNIPS_BLIND = [
    """Name: {lastfirst} | SSN: {ssn} | Diagnosis: major depressive disorder, recurrent, moderate (F33.1)
    Current meds: sertraline 100 mg daily, trazodone 50 mg qhs | Next therapy session {date1}""",
    """Lab report for {full}, MRN {mrn}: HIV-1/2 Ag/Ab screen REACTIVE; HIV-1 RNA confirmatory pending.
    Ordering provider {doc} notified {date_past}. Patient callback number {phone}.""",
    """Medicare beneficiary {full}, MBI {mbi}, DOB {dob}: home health recertification - CHF (I50.9),
    O2 2L nasal cannula, wound care L heel stage 3 pressure injury, skilled nursing 2x/wk.""",
    """{mr} {last} called about {his} colonoscopy from {date_past}. Two polyps removed, path: tubular adenoma.
    Repeat colonoscopy in 3 years. DOB {dob}. Call back at {phone}.""",
]

ROSTERS_DEV = [
    (["Patient Name", "DOB", "MRN", "Diagnosis", "Next Appt"],
     lambda g, f: [f["lastfirst"], f["dob"], f["mrn"], g.ch(["Type 2 diabetes", "CKD stage 3", "COPD", "Hypertension",
                                                              "Atrial fibrillation", "Asthma, moderate persistent"]), f["date1_num"]]),
    (["Last", "First", "DOB", "Insurance ID", "Procedure", "Surgery Date"],
     lambda g, f: [f["last"], f["first"], f["dob"], f["member"], g.ch(["Total knee arthroplasty", "Lap cholecystectomy",
                                                                        "Cataract extraction OD", "Carpal tunnel release",
                                                                        "Hernia repair"]), f["date1_num"]]),
]
ROSTERS_BLIND = [
    (["Resident", "Room", "Allergies", "Medications", "Code Status"],
     lambda g, f: [f["full"], str(g.r.randint(101, 340)), g.ch(["PCN", "Sulfa", "NKDA", "Latex", "Codeine"]),
                   g.ch(["warfarin 5mg; donepezil 10mg", "insulin lispro SS; metoprolol 25mg", "furosemide 40mg; KCl",
                         "levetiracetam 500mg BID"]), g.ch(["Full code", "DNR/DNI", "DNR"])]),
    (["Name", "SSN", "Phone", "Vaccine", "Dose #", "Lot", "Reaction"],
     lambda g, f: [f["full"], f["ssn"], f["phone"], g.ch(["Hep B", "MMR", "Tdap", "HPV"]), str(g.r.randint(1, 3)),
                   "LT%05d" % g.r.randint(0, 99999), g.ch(["none", "none", "syncope", "arm swelling"])]),
]


def snip(g, f):
    t = fmt(g.ch(SNIPS_DEV if g.split == "dev" else SNIPS_BLIND), f)
    return "\n".join(l.strip() for l in t.split("\n"))


def roster(g, n=None):
    hdr, rowf = g.ch(ROSTERS_DEV if g.split == "dev" else ROSTERS_BLIND)
    rows = [hdr]
    for _ in range(n or g.r.randint(6, 14)):
        rows.append(rowf(g, g.fields()))
    return rows


def boundary(g):
    k = g.r.randint(0, 3)
    h = "".join(g.r.choice("0123456789abcdef") for _ in range(12))
    return ["----=_NextPart_000_%s" % h[:8].upper(), "b1_%s" % h, "===============%d==" % g.r.randint(10**9, 10**10),
            "Apple-Mail=_%s" % h.upper()][k]


def raw_msg(g, frm, to, subj, ctype, body, cte=None, extra=(), mimever=True):
    hl = list(extra)
    if mimever:
        hl.append("MIME-Version: 1.0")
    hl.append("Content-Type: " + ctype)
    if cte:
        hl.append("Content-Transfer-Encoding: " + cte)
    hdr = g.raw_headers(frm, to, subj, hl)
    if isinstance(body, str):
        body = crlf(body).encode("utf-8")
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return hdr.encode("utf-8") + b"\r\n" + body


def staff_from(f):
    return '"%s" <%s@%s>' % (f["staff"], f["staff_email"], f["clinic_dom"])


def to_person(f):
    return '"%s" <%s>' % (f["full"], f["email"])


def to_colleague(f):
    return '"%s" <%s@%s>' % (f["cow"], f["cow_email"], f["clinic_dom"])


def b64lines(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


COVERS = ["Please see below.", "Sending this over as discussed.", "FYI - see note.", "Forwarding for your review.",
          "Per our call this morning:", "Hi, quick update on the case below.", "See the details below, thanks."]


# ---- 1. base64 declared over plain text
def _bb64_v0(g):
    f = g.fields()
    body = "Hi %s,\n\n%s\n\n%s\n\nThanks,\n%s\n" % (f["cow_first"], g.ch(COVERS), snip(g, f), f["staff"])
    return raw_msg(g, staff_from(f), to_colleague(f), "pt update", 'text/plain; charset="utf-8"', body, cte="base64"), "text"


def _bb64_v1(g):
    f = g.fields()
    b = boundary(g)
    body = ("--%s\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\nSee attached note.\n\n"
            "--%s\nContent-Type: text/plain; charset=utf-8; name=\"note.txt\"\nContent-Disposition: attachment; filename=\"note.txt\"\n"
            "Content-Transfer-Encoding: base64\n\n%s\n\n--%s--\n") % (b, b, snip(g, f), b)
    return raw_msg(g, staff_from(f), to_colleague(f), "note", 'multipart/mixed; boundary="%s"' % b, body), "text"


def _bb64_v2(g):
    f = g.fields()
    h = "<html><body><p>Hello %s,</p><p>%s</p><p>Regards,<br>%s<br>%s</p></body></html>" % (
        f["cow_first"], html.escape(snip(g, f)).replace("\n", "<br>"), f["staff"], f["clinic"])
    return raw_msg(g, staff_from(f), to_colleague(f), "Re: follow up", "text/html; charset=UTF-8", h, cte="BASE64"), "html"


def _bb64_v3(g):
    f = g.fields()
    good = b64lines(("Hello %s,\n" % f["cow_first"]).encode())
    body = good + "\n" + snip(g, f) + "\n\n-- \n" + f["staff"] + "\n"
    return raw_msg(g, staff_from(f), to_colleague(f), "Fwd: chart note", "text/plain; charset=utf-8", body,
                   cte="base64"), "text"


register("mime-bad-base64", "phi", 2, [_bb64_v0, _bb64_v1, _bb64_v2, _bb64_v3])


# ---- 2. multipart without boundary
def _nb_v0(g):
    f = g.fields()
    b = boundary(g)
    body = ("--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n\n%s\n\n%s\n--%s--\n" %
            (b, g.ch(COVERS), snip(g, f), f["staff"], b))
    return raw_msg(g, staff_from(f), to_colleague(f), "case note", "multipart/mixed", body), "text"


def _nb_v1(g):
    f = g.fields()
    body = "Content-Type: text/plain\n\n%s\n\n%s\n" % (snip(g, f), f["staff"])
    return raw_msg(g, staff_from(f), to_colleague(f), "update", 'multipart/mixed; boundary=""', body), "text"


def _nb_v2(g):
    f = g.fields()
    body = "Hi %s,\n\n%s\n\nThx\n%s\n" % (f["cow_first"], snip(g, f), f["staff_first"])
    return raw_msg(g, staff_from(f), to_colleague(f), "Re: pt", "multipart/alternative; charset=utf-8", body), "text"


def _nb_v3(g):
    f = g.fields()
    b = boundary(g)
    body = ("This is a multi-part message in MIME format.\n\n--%s\nContent-Type: text/html; charset=\"utf-8\"\n\n"
            "<html><body><p>%s</p><p>%s</p></body></html>\n--%s--\n" %
            (b, g.ch(COVERS), html.escape(snip(g, f)).replace("\n", "<br>\n"), b))
    return raw_msg(g, staff_from(f), to_colleague(f), "RE: referral",
                   'multipart/related;\r\n\ttype="text/html"', body), "html"


register("mime-no-boundary", "phi", 2, [_nb_v0, _nb_v1, _nb_v2, _nb_v3])


# ---- 3. PHI only in preamble or epilogue
def _pe(g, where, variant):
    f = g.fields()
    b = boundary(g)
    s = snip(g, f)
    pre = "This is a multi-part message in MIME format.\n"
    epi = ""
    if where == "pre":
        pre = ("This is a multi-part message in MIME format.\n\n" if variant else "") + \
              ("[fax-gateway] cover sheet text follows\n" if not variant else "Summary:\n") + s + "\n"
    else:
        epi = ("\n[archived note]\n" if not variant else "\n") + s + "\n"
    parts = ("--%s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n\n--%s\nContent-Type: text/html; charset=us-ascii\n\n"
             "<html><body><p>%s</p></body></html>\n\n--%s--\n") % (
        b, g.ch(["Please see attached.", "You have a new secure message.", "Document received.", "Thanks!"]), b,
        "Document received.", b)
    body = pre + "\n" + parts + epi
    return raw_msg(g, '"%s Fax" <fax@%s>' % (f["clinic"], f["clinic_dom"]) if variant == 0 else staff_from(f),
                   to_colleague(f), g.ch(["Incoming fax (2 pages)", "Secure message", "Doc", "Scan"]),
                   'multipart/alternative; boundary="%s"' % b, body), "text"


register("mime-preamble-epilogue", "phi", 2, [lambda g: _pe(g, "pre", 0), lambda g: _pe(g, "pre", 1),
                                              lambda g: _pe(g, "epi", 0), lambda g: _pe(g, "epi", 1)])


# ---- 4. PHI in an X- header
def _xh(g, k):
    f = g.fields()
    s = " ".join(l.strip() for l in snip(g, f).split("\n"))
    extra = []
    if k == 0:
        extra = ["X-Patient-Info: %s; DOB %s; MRN %s" % (f["lastfirst"], f["dob"], f["mrn"]),
                 "X-Clinical-Note: " + s[:150]]
    elif k == 1:
        words = ("Referral for %s: %s" % (f["full"], s)).split(" ")
        lines, cur = [], "X-Referral-Reason:"
        for w in words:
            if len(cur) + len(w) + 1 > 76:
                lines.append(cur)
                cur = "\t" + w
            else:
                cur += " " + w
        lines.append(cur)
        extra = ["\r\n".join(lines)]
    elif k == 2:
        extra = ["X-Fax-Cover-Note: " + Header(s[:120], "utf-8").encode(linesep="\r\n")]
    else:
        extra = ["X-Original-Subject: Critical lab - %s - please call" % f["full"], "X-Ticket-Summary: " + s[:180]]
    body = g.ch(["Ticket #%d updated. Log in to view." % g.r.randint(10000, 99999), "Auto-forwarded by rule 'Clinical inbox'.",
                 "Document attached in EHR.", "See workqueue."]) + "\n"
    return raw_msg(g, '"Workflow" <workflow@%s>' % f["clinic_dom"], to_colleague(f),
                   g.ch(["Ticket updated", "New task", "Routing notice", "Workqueue item"]), "text/plain; charset=us-ascii",
                   body, extra=extra), "text"


register("mime-x-header", "phi", 2, [lambda g, k=k: _xh(g, k) for k in range(4)])


# ---- 5. PHI in Comments: / Keywords: header
def _cm(g, k):
    f = g.fields()
    s = " ".join(l.strip() for l in snip(g, f).split("\n"))
    if k == 0:
        extra = ["Comments: " + s[:200]]
    elif k == 1:
        extra = ["Keywords: %s, %s, %s" % (f["lastfirst"], f["mrn"], g.ch(["chemo cycle 3", "viral load", "dialysis", "insulin pump"])),
                 "Comments: pt %s (%s)" % (f["full"], f["dob"])]
    elif k == 2:
        extra = ["Comments: " + Header("%s - %s" % (f["full"], s[:90]), "utf-8").encode(maxlinelen=76, linesep="\r\n")]
    else:
        extra = ["Comments: (note) %s\r\n (cont) %s" % (s[:70], s[70:180])]
    body = g.ch(["See you at the 3pm huddle.", "Room 4 is ready.", "Updated the board.", "OK thanks"]) + "\n\n" + f["staff_first"] + "\n"
    return raw_msg(g, staff_from(f), to_colleague(f), g.ch(["huddle", "quick q", "today", "re: schedule"]),
                   "text/plain; charset=us-ascii", body, extra=extra), "text"


register("mime-comments-header", "phi", 2, [lambda g, k=k: _cm(g, k) for k in range(4)])


# ---- 6. message/partial fragments
def _mp(g, k):
    f = g.fields()
    pid = "%s@%s" % ("".join(g.r.choice("0123456789ABCDEF") for _ in range(20)), f["clinic_dom"])
    s = snip(g, f)
    inner_hdr = ("From: %s\nTo: %s\nSubject: %s\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n" %
                 (staff_from(f), to_colleague(f), g.ch(["Consult note", "Chart summary", "Discharge info"])))
    if k == 0:
        num, tot, body = 1, 2, inner_hdr + "Hi %s,\n\n%s\n" % (f["cow_first"], s[: len(s) * 2 // 3])
    elif k == 1:
        num, tot, body = 2, 2, s + "\n\nRegards,\n%s\n" % f["staff"]
    elif k == 2:
        num, tot, body = 2, 3, "(continued)\n" + s + "\n"
    else:
        num, tot = 1, 3
        b = boundary(g)
        body = inner_hdr.replace("Content-Type: text/plain; charset=us-ascii", 'Content-Type: multipart/mixed; boundary="%s"' % b) + \
            "--%s\nContent-Type: text/plain\n\n%s\n" % (b, s)
    ct = 'message/partial; id="%s";\r\n\tnumber=%d; total=%d' % (pid, num, tot)
    return raw_msg(g, staff_from(f), to_colleague(f), "Consult note (part %d of %d)" % (num, tot), ct, body), "partial"


register("mime-message-partial", "phi", 2, [lambda g, k=k: _mp(g, k) for k in range(4)])


# ---- 7. PHI inside an HTML comment
def _hc(g, k):
    f = g.fields()
    s = snip(g, f)
    vis = g.ch(["Your statement is ready. Log in to view it.", "You have a new message in your portal.",
                "Thank you for choosing us.", "Your visit summary is available."])
    if k == 0:
        h = "<html><!-- %s --><body><p>Hello,</p><p>%s</p></body></html>" % (s.replace("--", "-"), vis)
    elif k == 1:
        h = ("<html><body><table><tr><td><!-- template vars: name=%s; dob=%s; reason=%s --><p>%s</p></td></tr></table>"
             "</body></html>") % (f["full"], f["dob"], g.ch(["oncology follow-up", "HIV care visit", "prenatal visit 28wk",
                                                              "methadone clinic intake"]), vis)
    elif k == 2:
        h = "<html><body><p>%s</p><!--[if mso]><p style='display:none'>%s</p><![endif]--></body></html>" % (
            vis, html.escape(s))
    else:
        rec = '{"patient":"%s","dob":"%s","mrn":"%s","note":"%s"}' % (f["full"], f["dob"], f["mrn"], s.replace("\n", " ").replace('"', "'"))
        h = "<html><head><!--\n debug record:\n %s\n--></head><body><p>%s</p></body></html>" % (rec, vis)
    b = boundary(g)
    body = ("--%s\nContent-Type: text/plain; charset=utf-8\n\n%s\n\n--%s\nContent-Type: text/html; charset=utf-8\n\n%s\n\n--%s--\n"
            % (b, vis, b, h, b))
    return raw_msg(g, '"%s" <noreply@%s>' % (f["clinic"], f["clinic_dom"]), to_person(f),
                   g.ch(["Your account", "New message", "Statement available", "Visit summary"]),
                   'multipart/alternative; boundary="%s"' % b, body), "html"


register("mime-html-comment", "phi", 2, [lambda g, k=k: _hc(g, k) for k in range(4)])


# ---- 8. EBCDIC (IBM037) text part
def ebcdic_report(g, f, phi=True):
    if phi:
        lines = ["RUN DATE %s   MEDICAL RECORDS EXTRACT  PAGE 001" % f["today"].upper(),
                 "PATIENT: %s" % deaccent(f["lastfirst"]).upper(), "DOB: %s   MRN: %s" % (f["dob"], f["mrn"]),
                 ] + [deaccent(l.strip()).upper() for l in snip(g, f).split("\n")] + ["END OF REPORT"]
    else:
        lines = ["RUN DATE %s   WAREHOUSE INVENTORY  PAGE 001" % f["today"].upper(),
                 "ITEM      DESCRIPTION                QTY   UNIT"] + \
                ["%06d   %-26s %5d   %s" % (g.r.randint(0, 999999), g.ch(["NITRILE GLOVES M", "COPY PAPER A4", "SHIPPING LABELS",
                                                                       "TONER CARTRIDGE", "GAUZE PADS 4X4", "PALLET WRAP"]),
                                            g.r.randint(1, 900), g.ch(["BX", "CS", "EA"])) for _ in range(6)] + ["END OF REPORT"]
    return lines


def _eb(g, k, phi=True):
    f = g.fields()
    lines = ebcdic_report(g, f, phi)
    charset = ["ibm037", '"IBM037"', "cp037", "ebcdic-cp-us"][k]
    eb = [l.encode("cp037") for l in lines]
    hdrs = dict(frm='"MVS Batch" <batch@mainframe.%s>' % f["clinic_dom"] if phi else '"MVS Batch" <batch@mainframe.%s>' % f["company_dom"],
                to=to_colleague(f) if phi else '"%s" <%s@%s>' % (f["cow"], f["cow_email"], f["company_dom"]),
                subj=g.ch(["JOB04411 OUTPUT", "EXTRACT RPT", "Nightly report", "SYSOUT"]))
    if k == 0:
        return raw_msg(g, hdrs["frm"], hdrs["to"], hdrs["subj"], "text/plain; charset=" + charset,
                       b64lines(b"\x25".join(eb)).encode(), cte="base64"), "ebcdic"
    if k == 1:
        return raw_msg(g, hdrs["frm"], hdrs["to"], hdrs["subj"], "text/plain; charset=" + charset,
                       b"\r\n".join(eb) + b"\r\n", cte="8bit"), "ebcdic"
    if k == 2:
        q = quopri.encodestring(b"\n".join(eb)).replace(b"\n", b"\r\n")
        return raw_msg(g, hdrs["frm"], hdrs["to"], hdrs["subj"], "text/plain; charset=" + charset, q,
                       cte="quoted-printable"), "ebcdic"
    b = boundary(g)
    body = ("--%s\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nReport attached (EBCDIC).\r\n\r\n--%s\r\n"
            "Content-Type: text/plain; charset=%s; name=\"RPT.TXT\"\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=\"RPT.TXT\"\r\n\r\n%s\r\n--%s--\r\n") % (
        b, b, charset, b64lines(b"\x15".join(eb)), b)
    return raw_msg(g, hdrs["frm"], hdrs["to"], hdrs["subj"], 'multipart/mixed; boundary="%s"' % b, body.encode()), "ebcdic"


register("mime-ebcdic", "phi", 2, [lambda g, k=k: _eb(g, k) for k in range(4)])
register("malformed-clean-ebcdic", "clean", 2, [lambda g, k=k: _eb(g, k, phi=False) for k in range(4)], blind_only=True)


# ---- 9. unknown charset
def _uc(g, k):
    f = g.fields(hisp=(k % 2 == 0))
    text = "%s %s,\n\n%s\n\n%s\n" % (g.ch(["Hola", "Dear", "Hi"]), f["first"], snip(g, f), f["staff"])
    if k == 0:
        return raw_msg(g, staff_from(f), to_person(f), "Mensaje de su clínica", "text/plain; charset=x-clinic-legacy",
                       crlf(text).encode("latin-1", "replace"), cte="8bit"), "text"
    if k == 1:
        q = quopri.encodestring(crlf(text).encode("utf-8")).decode().replace("\r\n", "\n")
        return raw_msg(g, staff_from(f), to_colleague(f), "note", 'text/plain; charset="utf-9"', q,
                       cte="quoted-printable"), "text"
    if k == 2:
        return raw_msg(g, staff_from(f), to_person(f), "Resultados", "text/plain; charset=windows-1252x",
                       b64lines(crlf(text).encode("cp1252", "replace")), cte="base64"), "text"
    b = boundary(g)
    body = ("--%s\nContent-Type: text/plain; charset=iso-8859-99\nContent-Transfer-Encoding: 8bit\n\n" % b).encode() + \
        crlf(text).encode("latin-1", "replace") + ("\r\n--%s--\r\n" % b).encode()
    return raw_msg(g, staff_from(f), to_colleague(f), "pt info", 'multipart/mixed; boundary="%s"' % b,
                   crlf(body.decode("latin-1")).encode("latin-1")), "text"


register("mime-unknown-charset", "phi", 2, [lambda g, k=k: _uc(g, k) for k in range(4)], blind_only=True)


# ---- 10. quoted-printable with broken soft breaks
def _qp_break(text, every, style, r):
    out = []
    for line in text.split("\n"):
        if len(line) <= every:
            out.append(line)
            continue
        i = 0
        while i < len(line):
            seg = line[i:i + every]
            i += every
            if i < len(line):
                if style == "space":
                    out.append(seg + "=" + " " * r.randint(1, 3))
                elif style == "badhex":
                    out.append(seg + r.choice(["=", "=4", "=ZZ"]) if r.random() < 0.3 else seg + "=")
                else:
                    out.append(seg + "=")
            else:
                out.append(seg)
    return "\n".join(out)


def _qp(g, k):
    f = g.fields(hisp=(k == 2))
    s = snip(g, f)
    text = "Hi %s,\n\n%s\n\nThanks, %s" % (f["cow_first"], s, f["staff_first"])
    if k == 0:
        body = _qp_break(text, 23, "space", g.r)
    elif k == 1:
        body = _qp_break(text.replace("A1c ", "A1c="), 40, "badhex", g.r) + "\n=ZZ end of note=4"
    elif k == 2:
        t = ("Estimad%s %s:\n\n" % (f["o"], f["full"])) + s + "\n\nAtentamente, Clínica"
        enc = quopri.encodestring(t.encode("utf-8")).decode()
        # re-break at fixed width ignoring escape boundaries (splits =C3=A9 sequences and names)
        flat = enc.replace("=\n", "")
        lines = []
        for l in flat.split("\n"):
            lines += [l[i:i + 19] + ("=" if i + 19 < len(l) else "") for i in range(0, len(l), 19)] or [""]
        body = "\n".join(lines)
    else:
        t = text
        body = _qp_break(t, 9, "plain", g.r).replace("=\n", "=\n\n", 2)
    return raw_msg(g, staff_from(f), to_colleague(f), g.ch(["note", "Re: today", "pt call", "msg"]),
                   "text/plain; charset=utf-8", body, cte="quoted-printable"), "text"


register("mime-qp-broken", "phi", 2, [lambda g, k=k: _qp(g, k) for k in range(4)])


# ---- 11. nested message/rfc822 forwards, 3 deep
def _nest(g, k):
    f = g.fields(hisp=(k == 3))
    inner = g.new_msg(staff_from(f), to_colleague(f), g.ch(["Consult request", "Lab critical value", "Discharge follow-up"]))
    s = snip(g, f)
    if k == 3:
        s = ("Paciente: %s, Fecha de nac.: %s. Diagnóstico: insuficiencia renal crónica estadio 4. Creatinina 3.9 mg/dL. "
             "Referir a nefrología.") % (f["full"], f["dob_es"])
    if k == 1:
        inner.set_content("<html><body><p>%s</p></body></html>" % html.escape(s).replace("\n", "<br>"), subtype="html")
    else:
        inner.set_content("Hi,\n\n%s\n\n%s\n" % (s, f["staff"]))
    if k == 2:
        inner.add_attachment(make_pdf(["LAB REPORT", "Patient: " + f["full"], "DOB: " + f["dob"]] +
                                      [l.strip() for l in s.split("\n")], compress=True),
                             maintype="application", subtype="pdf", filename="lab.pdf")
    m = inner
    names = [(f["cow"], f["cow_email"]), (f["mgr"], f["mgr_email"]), (f["doc"], "dr." + f["doc_email"])]
    for depth in range(3):
        nm, em = names[depth]
        outer = g.new_msg('"%s" <%s@%s>' % (nm, em, f["clinic_dom"]), '"Team" <team@%s>' % f["clinic_dom"],
                          "Fwd: " * (depth + 1) + str(inner["Subject"]).replace("Fwd: ", ""))
        note = g.ch(["FYI", "see below", "Can you take a look?", "forwarding", "pls handle", "Fwd as requested."])
        if k == 2 and depth == 1:
            note += "\n\n> earlier thread trimmed"
        outer.set_content(note + "\n")
        outer.add_attachment(m)
        m = outer
    return to_bytes(m), "forwarded"


register("mime-nested-rfc822", "phi", 2, [lambda g, k=k: _nest(g, k) for k in range(4)])


# ---- 12. application/octet-stream that is really a CSV of patients
def _oct(g, k):
    f = g.fields()
    rows = roster(g)
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["export", "list for tomorrow", "data pull", "Re: report"]))
    m.set_content(g.ch(["Attached is the export you asked for.", "Here you go.", "see attached", "Data file attached, let me know."]) + "\n")
    if k == 0:
        m.add_attachment(csv_bytes(rows), maintype="application", subtype="octet-stream", filename="export.dat")
    elif k == 1:
        m.add_attachment(csv_bytes(rows), maintype="application", subtype="octet-stream")
    elif k == 2:
        m.add_attachment(csv_bytes(rows, delim=";", enc="latin-1"), maintype="application", subtype="octet-stream",
                         filename="patients.csv")
    else:
        m.add_attachment(csv_bytes(rows, delim="\t"), maintype="application", subtype="octet-stream", filename="report.bin")
    return to_bytes(m), "csv"


register("mime-octet-csv", "phi", 2, [lambda g, k=k: _oct(g, k) for k in range(4)])


# ---- 13. ZIP containing CSV/TXT of patients
def _zipp(g, k):
    f = g.fields()
    rows = roster(g)
    if k == 0:
        z = _zip([("patients.csv", csv_bytes(rows))])
        mt, st, fn = "application", "zip", "patients.zip"
    elif k == 1:
        w = [max(len(str(r[i])) for r in rows) + 2 for i in range(len(rows[0]))]
        txt = "\r\n".join("".join(str(c).ljust(w[i]) for i, c in enumerate(r)) for r in rows)
        z = _zip([("reports/daily/list.txt", txt)])
        mt, st, fn = "application", "x-zip-compressed", "daily.zip"
    elif k == 2:
        z = _zip([("README.txt", "Export generated by scheduler.\r\n"), ("data/export.csv", csv_bytes(rows))])
        mt, st, fn = "application", "octet-stream", "archive.zip"
    else:
        z = _zip([("roster.csv", csv_bytes(rows))], compression=zipfile.ZIP_STORED)
        mt, st, fn = "application", "zip", "roster_%s.zip" % f["date1_num"].replace("/", "")
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["zip file", "compressed export", "list attached", "files"]))
    m.set_content(g.ch(["Zipped it because the file was too big.", "Attached.", "Password is the usual one - jk, no password.",
                        "Here's the archive."]) + "\n\n" + f["staff_first"] + "\n")
    m.add_attachment(z, maintype=mt, subtype=st, filename=fn)
    return to_bytes(m), "zip"


register("mime-zip-csv", "phi", 2, [lambda g, k=k: _zipp(g, k) for k in range(4)])


# ---- 14. XLSX roster
def _xl(g, k):
    f = g.fields()
    rows = roster(g)
    if k in (1, 3):
        rows = [r[:] for r in rows]
        for r in rows[1:]:
            pass
    data = make_xlsx(rows, sheet=g.ch(["Roster", "Sheet1", "Schedule", "Census"]), inline=(k % 2 == 1))
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["Updated roster", "census", "tomorrow's list", "Roster v2"]))
    body = g.ch(["Updated roster attached.", "Here's the census for the week.", "Please review before the huddle.",
                 "Attached the spreadsheet."]) + "\n\n" + f["staff"] + "\n" + f["clinic"] + "\n"
    if k >= 2:
        m.set_content(body)
        m.add_alternative(text_to_html(body), subtype="html")
    else:
        m.set_content(body)
    m.add_attachment(data, maintype="application", subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     filename=g.ch(["roster.xlsx", "Census_week.xlsx", "list.xlsx", "patients_%s.xlsx" % f["year"]]))
    return to_bytes(m), "xlsx"


register("mime-xlsx-roster", "phi", 2, [lambda g, k=k: _xl(g, k) for k in range(4)])


# ---- 15. PNG scan of a lab report
def _png(g, k):
    f = g.fields()
    png = make_png(g.r)
    bodies = [
        "Hi {cow_first},\n\nScan attached - {full}'s lab report from {date_past}. Can you enter it in the chart?\n\n{staff_first}",
        "Scan attached for {mr} {last} (DOB {dob}). Outside labs from {hospital}, please route to {doc}.\n",
        "Here is the scanned pathology report for {full}. Original is in the bin.\n\n-- {staff}",
        "{first} {last} dropped off paper results today (lipid panel + A1c). Scanned image attached.\n",
    ]
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["scan", "Scanned document", "Scan from MFP-3F", "img"]))
    body = fmt(bodies[k], f)
    if k == 3:
        m.set_content(body)
        m.add_alternative('<html><body><p>%s</p><img src="cid:scan001"></body></html>' % html.escape(body), subtype="html")
        m.get_payload()[1].add_related(png, maintype="image", subtype="png", cid="<scan001>")
    else:
        m.set_content(body)
        m.add_attachment(png, maintype="image", subtype="png",
                         filename=["scan0001.png", "IMG_%04d.PNG" % g.r.randint(1000, 9999), "lab_report.png", "x.png"][k])
    return to_bytes(m), "png"


register("mime-png-scan", "phi", 2, [lambda g, k=k: _png(g, k) for k in range(4)])


# ---- 16. PDF attachments with PHI
def _pdf(g, k):
    f = g.fields()
    s = [l.strip() for l in snip(g, f).split("\n")]
    if k == 0:
        lines = ["DISCHARGE SUMMARY - " + f["hospital"], "Patient: " + f["full"], "DOB: " + f["dob"], "MRN: " + f["mrn"],
                 "Admit: " + f["date_past"], "Diagnosis: Community-acquired pneumonia, sepsis", "Discharge meds: amoxicillin-clavulanate 875 mg BID x 5 days",
                 "Follow up with " + f["doc"] + " in 1 week."]
        body, fn, comp = "Discharge summary attached.", "discharge_summary.pdf", True
    elif k == 1:
        lines = ["LABORATORY REPORT", "Name: " + f["lastfirst"], "DOB: " + f["dob"]] + s
        body, fn, comp = "Lab results attached for your records.", "results.pdf", False
    elif k == 2:
        lines = ["PRIOR AUTHORIZATION REQUEST", "Member: " + f["full"], "Member ID: " + f["member"],
                 "Requested: MRI brain w/wo contrast", "Clinical: new-onset seizures, abnormal EEG", "Ordering: " + f["doc"]]
        body, fn, comp = "Please see the attached PA request.", "PA_request.pdf", True
    else:
        lines = ["REFERRAL", "To: Behavioral Health", "Re: " + f["full"] + " (DOB " + f["dob"] + ")",
                 "Reason: generalized anxiety disorder, panic attacks, failed SSRI trial"] + s
        body, fn, comp = "Referral letter attached.", "referral_%s.pdf" % ascii_slug(f["last"]), False
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["document", "pdf", "attached", "Records"]))
    m.set_content(body + "\n\n" + f["staff"] + "\n")
    m.add_attachment(make_pdf(lines, compress=comp, title=g.ch([None, "Scan"])), maintype="application", subtype="pdf", filename=fn)
    return to_bytes(m), "pdf"


register("attach-pdf-phi", "phi", 2, [lambda g, k=k: _pdf(g, k) for k in range(4)])


# ---- 17. DOCX attachments with PHI (blind only)
def _docx(g, k):
    f = g.fields()
    if k == 0:
        paras = ["**Letter of Medical Necessity", f["today"], "Re: %s, DOB %s, Member ID %s" % (f["full"], f["dob"], f["member"]),
                 "%s has severe obstructive sleep apnea (AHI 42) and requires a CPAP device." % f["first"], f["docfull"]]
        body = "LMN attached for the CPAP appeal."
    elif k == 1:
        paras = ["**Individual Health Plan", "Student: %s %s" % (f["child"], f["last"]), "Condition: Type 1 diabetes",
                 "Insulin pump; check glucose before lunch and PE. Treat lows < 70 with 15 g carbs.", "School nurse: " + f["staff"]]
        body = "Updated IHP attached - please share with the PE teacher."
    elif k == 2:
        paras = ["**Work Status Note", "Employee: " + f["full"], "Seen on %s for lumbar strain." % f["date_past"],
                 "Restrictions: no lifting over 10 lb for 2 weeks.", f["docfull"]]
        body = "Work note for %s attached." % f["first"]
    else:
        paras = ["**Referral", "Patient: " + f["full"], "MRN: " + f["mrn"], "Reason: suspected rheumatoid arthritis, positive anti-CCP",
                 "Urgency: routine"]
        body = "Please see referral."
    m = g.new_msg(staff_from(f), to_colleague(f), g.ch(["letter", "doc attached", "Document", "Word file"]))
    m.set_content(body + "\n")
    m.add_attachment(make_docx(paras), maintype="application",
                     subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                     filename=["LMN.docx", "IHP.docx", "work_note.docx", "referral.docx"][k])
    return to_bytes(m), "docx"


register("attach-docx-phi", "phi", 2, [lambda g, k=k: _docx(g, k) for k in range(4)], blind_only=True)


# ---- clean malformed / look-alikes
NEWS_TEXT = [
    "Wellness Wednesday: Five ways to sleep better. 1) Keep a schedule. 2) Limit screens. 3) Cut caffeine after noon. "
    "4) Keep the bedroom cool. 5) Talk to a clinician if snoring is loud.",
    "Heart Month: high blood pressure affects nearly half of U.S. adults. Free blood pressure checks at the library every Tuesday.",
    "Flu season is here. Annual vaccination is recommended for everyone 6 months and older. Walk-in clinics open Saturdays.",
    "Hydration tips for summer: drink water before you are thirsty, and watch for signs of heat exhaustion in older neighbors.",
]


def _mnews(g, k):
    f = g.fields()
    t = g.ch(NEWS_TEXT)
    frm = '"%s Newsletter" <news@%s>' % (f["clinic"], f["clinic_dom"])
    to = '"Subscribers" <list@%s>' % f["clinic_dom"]
    subj = g.ch(["Community Health News", "This month in wellness", "Newsletter - %s" % f["today"], "Stay healthy!"])
    if k == 0:
        return raw_msg(g, frm, to, subj, "text/plain; charset=utf-8", t + "\n\nUnsubscribe: reply STOP\n", cte="base64"), "text"
    if k == 1:
        b = boundary(g)
        return raw_msg(g, frm, to, subj, "multipart/mixed", "--%s\nContent-Type: text/html\n\n<p>%s</p>\n--%s--\n" % (b, t, b)), "html"
    if k == 2:
        return raw_msg(g, frm, to, subj, "text/plain; charset=utf-8", _qp_break(t, 25, "space", g.r), cte="quoted-printable"), "text"
    h = "<html><!-- tmpl=news_v4 build=%d segment=all --><body><p>%s</p></body></html>" % (g.r.randint(100, 999), t)
    return raw_msg(g, frm, to, subj, "text/html; charset=x-unknown-8", h, cte="8bit"), "html"


register("malformed-newsletter-clean", "clean", 2, [lambda g, k=k: _mnews(g, k) for k in range(4)])

ADS = [
    ('"DealsDaily" <offers@dealsdaily.com>', "Spring Sale! 40% off all ergonomic office chairs. Free shipping on orders over $99."),
    ('"Glucavera Info" <info@glucavera-hcp.com>', "Introducing Glucavera(R) - ask your doctor if once-weekly Glucavera is right for you. "
     "Common side effects include nausea. See full prescribing information."),
    ('"SmileBright Dental" <promo@smilebright.com>', "New patients welcome! Teeth whitening special $199 this month only."),
    ('"TravelNow" <deals@travelnow.com>', "Your weekend getaway awaits: 3 nights in Cancun from $399 per person."),
    ('"VitaBoost" <hello@vitaboost.shop>', "Immune support gummies - buy 2 get 1 free. These statements have not been evaluated by the FDA."),
]


def _badb(g, k):
    f = g.fields()
    frm, t = g.ch(ADS)
    b = boundary(g)
    to = to_person(f)
    subj = g.ch(["Don't miss out, %s!" % f["first"], "Limited time offer", "Special for you", "Last chance"])
    if k == 0:
        body = "--WRONG%s\nContent-Type: text/plain\n\n%s\n--WRONG%s--\n" % (b, t, b)
        ct = 'multipart/alternative; boundary="%s"' % b
    elif k == 1:
        body = "--%s\nContent-Type: text/html\n\n<html><body><h1>%s</h1></body></html>\n" % (b, t)
        ct = 'multipart/alternative; boundary="%s"' % b
    elif k == 2:
        body = "--%s\nContent-Type: text/plain\n\n%s\n--%s--\n" % (b, t, b)
        ct = 'multipart/mixed; boundary="%s"; boundary="other-%s"' % (b, b)
    else:
        b2 = "part one"
        body = "--%s\nContent-Type: text/plain\n\n%s\n--%s--\n" % (b2, t, b2)
        ct = "multipart/mixed; boundary=part one"
    return raw_msg(g, frm, to, subj, ct, body), "text"


register("bad-boundary-ad-clean", "clean", 2, [lambda g, k=k: _badb(g, k) for k in range(4)])


def _cla(g, k):
    f = g.fields()
    m = g.new_msg('"%s" <%s@%s>' % (f["staff"], f["staff_email"], f["company_dom"]),
                  '"%s" <%s@%s>' % (f["cow"], f["cow_email"], f["company_dom"]),
                  g.ch(["Q3 file", "attached", "order", "spreadsheet"]))
    if k == 0:
        rows = [["SKU", "Item", "Qty", "Unit Price"]] + [["MS-%05d" % g.r.randint(0, 99999), g.ch(
            ["Nitrile exam gloves (M) 100ct", "Syringe 3 mL luer-lock", "Alcohol prep pads", "Gauze 4x4 sterile",
             "Blood pressure cuff adult", "Sharps container 1 qt"]), g.r.randint(5, 500), round(g.r.uniform(2, 80), 2)] for _ in range(10)]
        m.set_content("Hi %s, supply order attached for next week. PO #%d.\n" % (f["cow_first"], g.r.randint(10000, 99999)))
        m.add_attachment(make_xlsx(rows, "Order"), maintype="application",
                         subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="supply_order.xlsx")
        return to_bytes(m), "xlsx"
    if k == 1:
        rows = [["product_id", "name", "category", "price"]] + [[str(g.r.randint(1000, 9999)), g.ch(
            ["Vitamin D3 2000 IU", "Ibuprofen 200mg 100ct", "Hand sanitizer 8oz", "Reading glasses +1.5"]),
            g.ch(["OTC", "Personal care"]), "%.2f" % g.r.uniform(3, 25)] for _ in range(12)]
        m.set_content("Product catalog export attached (zipped).\n")
        m.add_attachment(_zip([("catalog.csv", csv_bytes(rows))]), maintype="application", subtype="zip", filename="catalog.zip")
        return to_bytes(m), "zip"
    if k == 2:
        rows = [["Attendee", "Credential", "Session", "CME Credits"]] + [[g.fields()["full"], g.ch(["MD", "DO", "NP", "PA-C", "RN"]),
                g.ch(["Updates in Heart Failure", "Diabetes Tech 2025", "Sepsis Bundles"]), g.ch(["1.0", "1.5", "2.0"])] for _ in range(10)]
        m.set_content("Attendance list for the CME series, for credit processing.\n")
        m.add_attachment(csv_bytes(rows), maintype="application", subtype="octet-stream", filename="cme_attendance.dat")
        return to_bytes(m), "csv"
    if k == 3:
        m.set_content("Brochure for the fall symposium attached.\n")
        m.add_attachment(make_pdf(["Fall Cardiology Symposium", "Saturday, 8:00 AM - 4:00 PM", "Topics: lipid management, AF ablation",
                                   "6.0 AMA PRA Category 1 Credits", "Register online"], compress=g.r.random() < 0.5),
                         maintype="application", subtype="pdf", filename="symposium.pdf")
        return to_bytes(m), "pdf"
    if k == 4:
        rows = [["Nurse", "Unit", "Mon", "Tue", "Wed", "Thu", "Fri"]] + [[g.fields()["full"], g.ch(["4W", "ICU", "ED", "L&D"])] +
                [g.ch(["D", "N", "off", "D", "off"]) for _ in range(5)] for _ in range(10)]
        m.set_content("Next week's staffing schedule attached. Swap requests by Friday.\n")
        m.add_attachment(make_xlsx(rows, "Schedule", inline=True), maintype="application",
                         subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="schedule.xlsx")
        return to_bytes(m), "xlsx"
    m.set_content("Scan attached - signed lease renewal for unit 4B, %s. Please file it.\n" % f["full"])
    m.add_attachment(make_png(g.r, 360, 460), maintype="image", subtype="png", filename="lease_scan.png")
    return to_bytes(m), "png"


register("attach-clean-lookalike", "clean", 2, [lambda g, k=k: _cla(g, k) for k in range(6)])


def _xhc(g, k):
    f = g.fields()
    extra = [["X-Campaign: diabetes-awareness-month-%s" % f["year"], "X-Recipient-Name: " + f["full"]],
             ["Comments: newsletter build 42; segment=all-subscribers", "X-List-Id: <health-tips.%s>" % f["clinic_dom"]],
             ["X-Ticket-Summary: Replace toner in printer 3F (%s)" % f["staff"], "X-Priority: 3"],
             ["Keywords: open enrollment, dental, vision, benefits fair", "X-Employee-Name: " + f["full"]]][k]
    body = ["Hi %s, November is Diabetes Awareness Month. Learn the risk factors and take our 1-minute quiz (anonymous).\n" % f["first"],
            "Health tip of the week: wash your hands for 20 seconds.\n",
            "Ticket updated by IT. Status: resolved.\n",
            "Reminder: the benefits fair is in the cafeteria on %s.\n" % f["date1"]][k]
    frm = ['"HealthyLiving Weekly" <notify@healthylivingweekly.com>', '"Health Tips" <tips@%s>' % f["clinic_dom"],
           '"IT Helpdesk" <helpdesk@%s>' % f["company_dom"], '"HR" <hr@%s>' % f["company_dom"]][k]
    to = to_person(f) if k in (0, 1) else '"%s" <%s@%s>' % (f["full"], f["work_email"], f["company_dom"])
    if k == 1:
        to = '"Subscribers" <list@%s>' % f["clinic_dom"]
    return raw_msg(g, frm, to, g.ch(["Update", "Reminder", "Notice"]),
                   "text/plain; charset=us-ascii", body, extra=extra), "text"


register("x-header-clean", "clean", 2, [lambda g, k=k: _xhc(g, k) for k in range(4)], blind_only=True)


# ===========================================================================
# STRAND 3: Everyday mail
# ===========================================================================
CO_STAFF = '"{staff}" <{staff_email}@{company_dom}>'
CO_MGR = '"{mgr}" <{mgr_email}@{company_dom}>'
CO_COW = '"{cow}" <{cow_email}@{company_dom}>'
CO_PERSON = '"{full}" <{work_email}@{company_dom}>'
SCHOOL_T = '"{teacher}" <{teacher_email}@{school_dom}>'

# ---- clean everyday
register("school-newsletter", "clean", 3, [
    Tpl("{school} Weekly - {today}", """
        Dear {school} Families,

        What a week! Our {grade} graders finished their science fair projects and the library book fair raised $1,240.

        Upcoming:
        - {date1}: Early release at 12:30
        - {date2}: Spring concert, 6 PM in the gym
        - Lost & found will be donated Friday

        Reminder: please label water bottles and jackets.

        Principal {staff}
        """, style="html", frm='"{school}" <office@{school_dom}>', to='"Families" <families@{school_dom}>', title="{school} Weekly"),
    Tpl("Field trip permission - {grade} grade", """
        Hi {first},

        {child}'s class is going to the Natural History Museum on {date1}. Please sign the permission slip in the Tuesday folder and send $12 for the bus by Friday. We still need two parent chaperones!

        Thanks,
        {teacher}
        """, frm=SCHOOL_T),
    Tpl("PTA fundraiser: bake sale volunteers", """
        Hello {first}!

        Thank you for signing up for the PTA bake sale on {date1}. You're on the 8-10 AM shift with {cow}. Please drop baked goods in the cafeteria by 7:45 and label anything with nuts.

        - {staff}, PTA Volunteer Coordinator
        """, frm='"{staff}" <{staff_email}@gmail.com>'),
    Tpl("Picture day is {date1}!", """
        Dear Parents and Guardians,

        School picture day is {date1}. Order forms went home today. Retakes will be held on {date2}. Students may wear their own clothes.

        Order online with code {conf}.
        {school} Front Office
        """, frm='"{school}" <office@{school_dom}>', to='"Families" <families@{school_dom}>'),
    Tpl("{child} - reading log", """
        Hi {first},

        Just a quick note that {child} has been doing a great job with {c_his} reading log - 20 minutes every night this month! {c_He} earned a spot on the Reading Wall. Keep it up.

        {teacher}
        """, frm=SCHOOL_T),
])

register("real-estate", "clean", 3, [
    Tpl("New listings matching your search", """
        Hi {first},

        3 new homes match your saved search in {city}:

        - {addr}: 3 bd / 2 ba, 1,640 sq ft - $389,000
        - 19 Willow Bend: 4 bd / 2.5 ba - $452,500
        - 807 Garnet Pl: 2 bd condo - $265,000

        Want to tour this weekend? Reply with a time.

        {staff}, Realtor
        Keystone Realty | {phone2}
        """, frm='"{staff}" <{staff_email}@keystonerealty.com>'),
    Tpl("Great news - offer accepted!", """
        {first},

        The sellers accepted your offer on {addr} at $412,000 with closing on {date2}! Next steps: earnest money wire by {date1}, schedule the inspection, and send the lender your pay stubs.

        Congrats!
        {staff}
        """, style="alt", frm='"{staff}" <{staff_email}@harborhomes.com>'),
    Tpl("Closing documents for {addr}", """
        Dear {mr} {last},

        Attached please find the closing disclosure for {addr}, {city}, {st} {zip}. Cash to close: ${amount}. Please review and bring a government ID to the signing on {date1} at {time1}.

        Title Officer, Landmark Title
        """, frm='"Landmark Title" <closings@landmarktitle.com>'),
    Tpl("Open house Sunday - {addr}", """
        Hi neighbor,

        Join us for an open house at {addr} this Sunday from 1-4 PM. Recently renovated kitchen, new roof, walk to parks and schools.

        {staff} | Sunbelt Properties
        """, style="html", frm='"{staff}" <{staff_email}@sunbeltprops.com>', to='"Neighbors" <neighbors@sunbeltprops.com>', title="Open House"),
])

register("invoice", "clean", 3, [
    Tpl("Invoice {invno} from Ergo Office Supply", """
        Hi {first},

        Thanks for your order! Invoice {invno} is attached.

        4x Ergonomic mesh chair (black) .... ${amount}
        Delivery & assembly ................ $120.00
        Due: {date1}

        Pay online at ergooffice.example/pay
        Ergo Office Supply Accounts Receivable
        """, frm='"Ergo Office Supply" <ar@ergooffice.com>'),
    Tpl("Your web hosting renewal", """
        Dear {full},

        Your hosting plan for {last}-consulting.com renews on {date1}. Amount: ${amount2}/year. Card on file ending 4417 will be charged.

        HostPeak Billing
        """, frm='"HostPeak Billing" <billing@hostpeak.net>'),
    Tpl("Statement for landscaping services", """
        {mr} {last},

        Statement for {addr}:
        Lawn mowing (4 visits) ..... $180.00
        Hedge trimming ............. $95.00
        Mulch (3 yd) ............... $210.00
        Balance due: $485.00

        Thank you!
        Green Thumb Lawn & Garden
        """, frm='"Green Thumb Lawn" <office@greenthumblawn.com>'),
    Tpl("Re: invoice for tax prep", """
        Hi {first},

        Sure - I've resent invoice {invno} for your {year} tax return preparation (${amount2}). You can pay by Zelle or check.

        Best,
        {staff}, CPA

        ---QUOTE---
        Hi {staff_first}, I can't find the invoice you sent last month, could you resend? Thanks, {first}
        """, frm='"{staff}" <{staff_email}@{last}cpa.com>'.replace("{last}", "taxwise")),
])

register("travel", "clean", 3, [
    Tpl("Your flight confirmation {conf}", """
        Hello {first},

        Your trip is confirmed. Confirmation code: {conf}

        {date1_w}
        Flight 1482  DEN -> MCO  Depart 7:15 AM  Arrive 12:52 PM
        Passenger: {full}  Seat 17C

        Check in opens 24 hours before departure.
        """, style="alt", frm='"SkyWays Airlines" <reservations@skyways.com>', title="SkyWays"),
    Tpl("Hotel reservation - {date1}", """
        Dear {mr} {last},

        We look forward to welcoming you. Reservation #{conf}
        Check-in: {date1}  Check-out: {date2}
        Room: King, non-smoking
        Rate: ${amount2}/night

        Harborside Inn & Suites
        """, frm='"Harborside Inn" <stay@harborsideinn.com>'),
    Tpl("Rental car pickup details", """
        {first}, your car is ready: Midsize SUV, pickup at MCO Terminal B, {date1} {time1}. Driver: {full}. Confirmation {conf}.
        """, frm='"ZipRent" <noreply@ziprent.com>'),
    Tpl("Re: team offsite travel", """
        Hi all,

        I booked the block at the Marriott for {date1}-{date2}. {full} and {cow} are sharing the van from the airport. Please submit receipts in Concur within 30 days.

        {staff}
        Office Manager
        """, frm=CO_STAFF, to='"Offsite attendees" <offsite@{company_dom}>'),
])

register("hr-payroll", "clean", 3, [
    Tpl("Your pay statement is available", """
        Employee: {full}
        Employee ID: {conf}
        Pay date: {date1}

        Your pay statement is now available in the employee portal. Net pay has been deposited to your account ending in 2291.

        Payroll Department, {company}
        """, frm='"Payroll" <payroll@{company_dom}>', to=CO_PERSON),
    Tpl("Direct deposit change confirmation", """
        Hi {first},

        This confirms that your direct deposit was updated on {today}. If you did not make this change, contact HR immediately at ext. 4410.

        {company} HR Service Center
        """, frm='"HR Service Center" <hr@{company_dom}>', to=CO_PERSON),
    Tpl("W-2 now available", """
        Dear {full},

        Your Form W-2 for tax year {year} is now available for download. Paper copies will be mailed to {addr}, {city}, {st} {zip} by January 31.

        Payroll
        """, style="html", frm='"Payroll" <payroll@{company_dom}>', to=CO_PERSON, title="{company} Payroll"),
    Tpl("Timesheet reminder", """
        Hi {first},

        Your timesheet for the period ending {date_past} hasn't been submitted. Please submit by noon tomorrow so payroll can process on time.

        Thanks,
        {mgr}
        """, frm=CO_MGR, to=CO_PERSON),
])

register("recruiter", "clean", 3, [
    Tpl("{first}, exciting Senior Data Engineer role", """
        Hi {first},

        I came across your profile and was impressed by your work at {company}. I'm recruiting for a Senior Data Engineer (remote, $165-190k). Open to a quick chat?

        Best,
        {staff}
        Technical Recruiter, Ridgeway Talent
        """, frm='"{staff}" <{staff_email}@ridgewaytalent.com>'),
    Tpl("Following up - Controller opportunity", """
        Hello {mr} {last},

        Following up on my note last week about the Controller position with a fast-growing logistics firm in {city}. Happy to share details.

        {staff}
        """, frm='"{staff}" <{staff_email}@apexsearch.com>'),
    Tpl("Re: Account Executive interview", """
        Hi {first},

        Great speaking with you! The hiring manager would like to meet on {date1} at {time1}. Please confirm and I'll send the Zoom link.

        {staff}

        ---QUOTE---
        Thanks {staff_first}, I'm definitely interested in the AE role. - {first}
        """, frm='"{staff}" <{staff_email}@brightpathrecruiting.com>'),
    Tpl("Your application to {company}", """
        Dear {full},

        Thank you for applying to the Project Coordinator position. We have reviewed your application and would like to invite you to complete a short assessment by {date1}.

        Talent Acquisition, {company}
        """, style="html", frm='"Careers" <careers@{company_dom}>', title="{company} Careers"),
])

register("pharma-ad", "clean", 3, [
    Tpl("Ask your doctor about once-weekly Glucavera", """
        Managing type 2 diabetes is hard. Glucavera (semaglidine) injection may help lower A1C when used with diet and exercise.

        Most commercially insured patients pay as little as $25/month with the Glucavera Savings Card.

        IMPORTANT SAFETY INFORMATION: Do not use if you or a family member has had medullary thyroid carcinoma. Side effects include nausea, vomiting and diarrhea. See full Prescribing Information.
        """, style="html", frm='"Glucavera" <info@glucavera.com>', to='"{full}" <{email}>', title="Glucavera"),
    Tpl("Dr. {last}, new data on Cardionex for HFrEF", """
        Dear Dr. {last},

        New 24-month data presented at the Heart Failure Congress show Cardionex reduced HF hospitalizations by 21% vs placebo. Request samples or schedule a lunch-and-learn with your representative, {staff}.

        For healthcare professionals only. Please see full Prescribing Information including Boxed Warning.
        """, frm='"Cardionex HCP" <hcp@cardionex-pro.com>', to='"Dr. {full}" <dr.{email}>'),
    Tpl("Breathe easier this allergy season", """
        Hi {first},

        Respiquell 24-hour nasal spray is now available over the counter. Save $5 with this coupon at participating pharmacies.

        Use as directed. Consult a healthcare provider if symptoms persist.
        """, frm='"Respiquell" <offers@respiquell.com>'),
    Tpl("Is it eczema? Learn about Dermaclar", """
        Moderate-to-severe atopic dermatitis? Dermaclar is a prescription biologic for adults and children 6+. Talk to a dermatologist about whether Dermaclar is right for you.

        Dermaclar may cause serious allergic reactions and eye problems. Visit dermaclar.com for full safety info.
        """, frm='"Dermaclar" <news@dermaclar.com>', to='"{full}" <{email}>'),
])

register("wellness-marketing", "clean", 3, [
    Tpl("{first}, your 30-day yoga challenge starts Monday", """
        Hi {first}!

        Ready to stretch? Your 30-day challenge kicks off Monday. Each session is 20 minutes - perfect before work.

        Namaste,
        The FlowFit Team
        """, style="html", frm='"FlowFit" <hello@flowfit.app>', title="FlowFit"),
    Tpl("This week's meal kit: Mediterranean favorites", """
        Hi {first},

        This week's menu: lemon herb salmon, chickpea shawarma bowls, and turkey meatballs with zucchini noodles. All under 600 calories. Edit your box by {date1}.

        FreshPlate
        """, frm='"FreshPlate" <menu@freshplate.com>'),
    Tpl("Spa day special - 25% off massages", """
        Relax and recharge! Book a 60-minute deep tissue massage this month and save 25%. Gift cards available.

        Serenity Day Spa, {city}
        """, frm='"Serenity Day Spa" <book@serenityspa.com>', to='"{full}" <{email}>'),
    Tpl("Join the company step challenge!", """
        Hi team,

        Our spring step challenge starts {date1}. Form teams of 5, sync your tracker, and compete for a catered lunch. Sign up with {staff} by Friday.

        Wellness Committee, {company}
        """, frm=CO_STAFF, to='"All staff" <all@{company_dom}>'),
])

register("clinical-trial-recruit", "clean", 3, [
    Tpl("Do you have type 2 diabetes? You may qualify for a research study", """
        Do you have type 2 diabetes? You may qualify for a research study of an investigational oral medication.

        Participants may receive study-related care at no cost and compensation for time and travel.
        You may qualify if you are 18-75 and currently take metformin.

        Call {phone2} or visit the study website to see if you are eligible.
        Summit Clinical Research | IRB-approved
        """, style="html", frm='"Summit Clinical Research" <studies@summitclinical.com>', to='"{full}" <{email}>', title="Research Study"),
    Tpl("{first}, help us study migraine", """
        Hi {first},

        Do you get 4 or more migraines a month? Researchers at the University are looking for volunteers for a 12-week study. Compensation up to $600.

        Take the 2-minute screener online. Participation is voluntary.
        """, frm='"University Research Registry" <registry@research.edu>'),
    Tpl("Healthy volunteers needed", """
        Healthy adults 18-50 needed for an overnight vaccine study. No medical conditions required. Earn up to $2,400.

        Reply to learn more.
        """, frm='"Phase One Research" <recruit@phaseoneresearch.com>', to='"Subscribers" <news@phaseoneresearch.com>'),
    Tpl("Smoker with a cough? COPD study enrolling", """
        Dear {first},

        If you are a current or former smoker aged 40+ with a daily cough or shortness of breath, you may be eligible for a study evaluating an inhaled treatment. Eligibility will be determined by the study team.

        Lakeside Pulmonary Research
        """, frm='"Lakeside Pulmonary Research" <trials@lakesidepulm.org>'),
])

register("public-health-stats", "clean", 3, [
    Tpl("Weekly respiratory virus report", """
        County Respiratory Surveillance - Week {weeks}

        Influenza positivity: {pct}%
        RSV hospitalizations: 143 (+12%)
        COVID-19 ED visits: 2.1% of all visits

        Data are aggregated and do not identify individuals.
        Epidemiology Unit
        """, frm='"County Epidemiology" <epi@county-health.gov>', to='"Partners" <partners@county-health.gov>'),
    Tpl("Overdose data brief - {year}", """
        Colleagues,

        Attached is the quarterly overdose data brief. Key points: {n2} nonfatal overdose ED visits; fentanyl involved in 74% of deaths; naloxone distribution up 40%.

        Office of Health Statistics
        """, style="html", frm='"Health Statistics" <stats@state-health.gov>', to='"Stakeholders" <list@state-health.gov>', title="Data Brief"),
    Tpl("Hospital quality scores released", """
        The state released {year} hospital quality scores today. Statewide, 30-day readmission for heart failure averaged 21.4%, and central-line infections fell 11%.

        Full report on our website.
        Health Policy Newsletter
        """, frm='"Health Policy Weekly" <news@healthpolicyweekly.org>', to='"{full}" <{email}>'),
    Tpl("Re: cancer registry numbers for the grant", """
        Hi {first},

        Here are the county-level numbers you asked for (2019-2023, age-adjusted per 100k): breast 128.4, prostate 112.9, lung 48.7, colorectal 37.2. Counts under 11 are suppressed.

        {staff}, Epidemiologist
        """, frm='"{staff}" <{staff_email}@county-health.gov>'),
])

register("cme-invitation", "clean", 3, [
    Tpl("Invitation: Updates in Diabetes Management (2.0 CME)", """
        Dear Colleague,

        Join us for "Updates in Diabetes Management: GLP-1s and Beyond" on {date1} at 6:30 PM, {hospital} Auditorium. Dinner provided.

        Speaker: {doc}
        Credit: 2.0 AMA PRA Category 1 Credits

        RSVP by {date_past}.
        """, style="html", frm='"Medical Education" <cme@{clinic_dom}>', to='"Medical Staff" <medstaff@{clinic_dom}>', title="CME Invitation"),
    Tpl("Dr. {last}, save the date: Annual Cardiology Symposium", """
        Dear Dr. {last},

        Save the date for the Annual Cardiology Symposium, {date2}. Early registration ends {date1}.

        Office of Continuing Medical Education
        """, frm='"CME Office" <cme@university-med.edu>', to='"Dr. {full}" <dr.{email}>'),
    Tpl("Webinar: Sepsis recognition in the ED (1.0 CE)", """
        Nurses and physicians: earn 1.0 contact hour. Live webinar {date1_w} at noon. Presenter: {doc}, Emergency Medicine.

        Register now - seats limited.
        """, frm='"EduNurse" <webinars@edunurse.org>', to='"{full}" <{email}>'),
    Tpl("Your CME certificate", """
        Hi Dr. {last},

        Thank you for attending "Opioid Prescribing Best Practices" on {date_past}. Your certificate for 3.0 credits is available in your learner account.

        CME Team
        """, frm='"CME Team" <cme@medlearn.org>', to='"{full}" <{email}>'),
])

register("nurse-job-post", "clean", 3, [
    Tpl("Now hiring: ICU Registered Nurse - night shift", """
        {hospital} is hiring ICU RNs (nights, 3x12). Requirements: active RN license, 1+ yr critical care, BLS/ACLS. Sign-on bonus $15,000.

        Apply at careers.{clinic_dom}
        """, style="html", frm='"{hospital} Careers" <jobs@{clinic_dom}>', to='"Job seekers" <jobs-list@nursejobs.com>', title="Now Hiring"),
    Tpl("Travel RN contracts - ED, L&D, OR", """
        Hi {first},

        New 13-week travel contracts: ED in Tacoma ($2,850/wk), L&D in Phoenix ($2,600/wk), OR in Raleigh ($2,700/wk). Interested?

        {staff}, Nurse Recruiter
        """, frm='"{staff}" <{staff_email}@travelnursepro.com>'),
    Tpl("Position: Family Nurse Practitioner", """
        Full-time FNP needed at {clinic}. Mon-Fri, no call. Competitive salary, CME allowance, loan repayment eligible. Spanish a plus.

        Send CV to {staff}.
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', to='"NP Network" <np-network@lists.org>'),
    Tpl("CNA openings - {clinic}", """
        We are hiring Certified Nursing Assistants for day and evening shifts. $19-23/hr. Open interviews every Thursday 9-3.
        """, frm='"HR" <hr@{clinic_dom}>', to='"Community" <community@{clinic_dom}>'),
])

register("doctor-ooo", "clean", 3, [
    Tpl("Automatic reply: {subjfill}".replace("{subjfill}", "follow up"), """
        I am out of the office until {date1} with limited access to email. For urgent patient matters please contact the clinic at {phone2} or page the on-call physician. For non-urgent questions, my nurse {staff} can assist.

        {docfull}
        """, frm='"{doc}" <{doc_email}@{clinic_dom}>', to='"{full}" <{email}>'),
    Tpl("Out of Office: Re: committee agenda", """
        Thank you for your message. I am attending a conference through {date1}. I will respond when I return.

        {doc}
        Chief, Department of Surgery, {hospital}
        """, frm='"{doc}" <{doc_email}@{clinic_dom}>', to='"{full}" <{work_email}@{company_dom}>'),
    Tpl("Auto-reply", """
        Hello, I'm currently on vacation and will be back {date1}. Dr. {staff_last} is covering my patients. Please do not use email for medical emergencies - call 911.

        {docfull}, Pediatrics
        """, frm='"{doc}" <{doc_email}@{clinic_dom}>', to='"{full}" <{email}>'),
    Tpl("Respuesta automática / Automatic reply", """
        Estoy fuera de la oficina hasta el {date1_es}. / I am out of the office until {date1}.
        Para asuntos urgentes llame al / For urgent matters call {phone2}.

        {doc}
        """, frm='"{doc}" <{doc_email}@{clinic_dom}>', to='"{full}" <{email}>', form="bilingual"),
])

register("insurance-quote", "clean", 3, [
    Tpl("Your health insurance quote", """
        Hi {first},

        Thanks for requesting a quote. Here are your options for coverage starting {date1}:

        Bronze HSA: $412/month, $7,000 deductible
        Silver PPO: $598/month, $3,500 deductible
        Gold PPO: $774/month, $1,000 deductible

        Rates are for {full}, age {age}, ZIP {zip}. Reply to enroll or ask questions.

        {staff}, Licensed Agent
        """, frm='"{staff}" <{staff_email}@coverwise-insurance.com>'),
    Tpl("Re: family plan quote", """
        Hi {first},

        Updated quote for you, your spouse and 2 children: Silver PPO family tier ${amount}/month. Open enrollment ends {date1}.

        {staff}

        ---QUOTE---
        Can you requote with my spouse added? Thanks - {first}
        """, frm='"{staff}" <{staff_email}@bluepeakbrokers.com>'),
    Tpl("Dental & vision quote", """
        Dear {mr} {last},

        Your dental & vision bundle quote: $38.40/month. Includes 2 cleanings/year and an eye exam every 12 months. Quote #{conf} valid 30 days.
        """, style="html", frm='"SmileSight Plans" <quotes@smilesight.com>', title="Your quote"),
    Tpl("Medicare plan options for {year}", """
        Hello {first},

        You're turning 65 soon! Here are Medicare Advantage plans available in ZIP {zip}, with $0 premiums and dental included. Schedule a free call with a licensed agent.

        SeniorChoice Advisors
        """, frm='"SeniorChoice" <info@seniorchoice.com>'),
])

register("icd10-coding-tips", "clean", 3, [
    Tpl("Coding tip: diabetes with complications", """
        Coding Corner

        Remember: when documenting type 2 diabetes with CKD, use E11.22 plus a code from N18 for the CKD stage. Use Z79.4 for long-term insulin use. Don't code E11.9 when a complication is documented.

        Revenue Cycle Education Team
        """, frm='"Revenue Cycle Education" <coding@{clinic_dom}>', to='"Coders" <coders@{clinic_dom}>'),
    Tpl("Q&A: sepsis sequencing", """
        Hi {first},

        Good question. For sepsis due to pneumonia, sequence A41.9 first, then J18.9, and R65.20 if severe sepsis without shock. Documentation must link the two conditions.

        {staff}, CCS
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', to='"{full}" <{work_email}@{clinic_dom}>'),
    Tpl("Denials trend report - CO-97", """
        Team, CO-97 denials rose 8% last quarter, mostly for modifier 25 on E/M with minor procedures. Please review the attached guidance. No patient detail included.
        """, frm='"Billing Manager" <billing@{clinic_dom}>', to='"Billing" <billing-team@{clinic_dom}>'),
    Tpl("ICD-10-CM updates effective October 1", """
        Heads up: new codes this year include expanded options for hypoglycemia levels (E16.A1-E16.A3) and new Z-codes for social determinants. Update your pick lists.
        """, style="html", frm='"HIM Department" <him@{clinic_dom}>', to='"All coders" <coders@{clinic_dom}>', title="ICD-10 Updates"),
])


def _dt_from(f, key="date1_num", hour=None, g=None):
    d = dt.datetime.strptime(f[key], "%m/%d/%Y")
    t = f["time1"]
    h, m = t.split()[0].split(":")
    h = int(h) % 12 + (12 if t.endswith("PM") else 0)
    return d.replace(hour=h, minute=int(m))


def ics_attach(kind):
    def build(g, f):
        st = _dt_from(f)
        en = st + dt.timedelta(minutes=g.ch([30, 45, 60, 90]))
        uid = "%s@%s" % ("".join(g.r.choice("0123456789abcdef") for _ in range(24)), f["clinic_dom"])
        org = (f["staff"], "%s@%s" % (f["staff_email"], f["clinic_dom"]))
        if kind == 0:
            data = make_ics(uid, st, en, "Chemo infusion - %s (cycle 4 FOLFOX)" % f["full"], "%s Infusion Center, Chair 7" % f["hospital"],
                            "Patient: %s\nDOB: %s\nPre-meds: ondansetron 8 mg. Labs (CBC, CMP) 1 hr prior." % (f["full"], f["dob"]),
                            org, [(f["full"], f["email"])])
        elif kind == 1:
            data = make_ics(uid, st, en, "PT - %s - post-op ACL reconstruction" % f["full"], f["clinic"] + " Rehab",
                            "Session 6 of 12. Focus: quad activation, ROM to 110 degrees. Bring brace.", org, [(f["full"], f["email"])])
        elif kind == 2:
            data = make_ics(uid, st, en, "Therapy session - %s" % f["first"], "Telehealth (video)",
                            "%s %s - ongoing treatment for PTSD and insomnia. Session link will be sent 10 minutes before." % (f["first"], f["last"]),
                            org, [(f["full"], f["email"])])
        elif kind == 3:
            data = make_ics(uid, st, en, "Dialysis chair assignment: %s" % f["lastfirst"], "Prairie View Kidney Center",
                            "MRN %s. Hemodialysis 4 hrs, fistula L arm. Transport by ride service." % f["mrn"], org,
                            [(f["full"], f["email"])])
        elif kind == 10:
            data = make_ics(uid, st, en, "Q3 planning meeting", "Conf Room B / Teams", "Agenda: budget, hiring, roadmap.",
                            (f["mgr"], "%s@%s" % (f["mgr_email"], f["company_dom"])), [(f["full"], "%s@%s" % (f["work_email"], f["company_dom"]))])
        elif kind == 11:
            data = make_ics(uid, st, en, "Parent-teacher conference: %s" % f["child"], f["school"] + ", Room 114",
                            "15-minute conference to discuss progress and goals.",
                            (f["teacher"], "%s@%s" % (f["teacher_email"], f["school_dom"])), [(f["full"], f["email"])])
        elif kind == 12:
            data = make_ics(uid, st, en, "CME webinar: Hypertension guidelines 2025", "Online",
                            "1.0 AMA PRA Category 1 Credit. Speaker: %s." % f["doc"], org, [(f["full"], f["email"])])
        else:
            data = make_ics(uid, st, en, "New hire orientation", "HR Training Room",
                            "Bring two forms of ID for I-9. Lunch provided.",
                            (f["mgr"], "%s@%s" % (f["mgr_email"], f["company_dom"])), [(f["full"], "%s@%s" % (f["work_email"], f["company_dom"]))])
        return [(data, "text", "calendar", "invite.ics")]
    return build


register("ics-appointment", "phi", 3, [
    Tpl("Appointment: Infusion {date1_num}", """
        Hi {first},

        Your next infusion is scheduled. Calendar invite attached.

        {staff}
        Oncology Scheduling
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', attach=ics_attach(0), form="ics"),
    Tpl("Invitation: PT session {date1}", """
        Invitation from {staff}. Accept to add to your calendar.
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', attach=ics_attach(1), form="ics"),
    Tpl("Updated invitation: Therapy session", """
        This event has been updated. See attached invite.
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', attach=ics_attach(2), form="ics"),
    Tpl("Schedule change", """
        Your chair time changed - see invite.
        """, frm='"{staff}" <{staff_email}@{clinic_dom}>', attach=ics_attach(3), form="ics"),
])

register("ics-clean-invite", "clean", 3, [
    Tpl("Invitation: Q3 planning meeting @ {date1}", """
        {mgr} has invited you to Q3 planning meeting.
        """, frm=CO_MGR, to=CO_PERSON, attach=ics_attach(10), form="ics"),
    Tpl("Conference scheduled for {child}", """
        Hi {first}, I've scheduled our conference. See the calendar invite. - {teacher}
        """, frm=SCHOOL_T, attach=ics_attach(11), form="ics"),
    Tpl("Registered: CME webinar", """
        You're registered! Add this event to your calendar.
        """, frm='"MedLearn" <events@medlearn.org>', attach=ics_attach(12), form="ics"),
    Tpl("Orientation on {date1}", """
        Welcome aboard, {first}! Orientation invite attached.
        """, frm=CO_MGR, to=CO_PERSON, attach=ics_attach(13), form="ics"),
])

register("grand-rounds", "clean", 3, [
    Tpl("Grand Rounds this Thursday", """
        Medical Grand Rounds: {doc} will present "Advances in Heart Failure Therapy" this Thursday at 8:00 AM in the {hospital} auditorium. Breakfast served.
        """, frm='"Department of Medicine" <medicine@{clinic_dom}>', to='"Medical Staff" <medstaff@{clinic_dom}>'),
    Tpl("Congratulations to {doc}", """
        Please join us in congratulating {doc} on being named Physician of the Year at {hospital}. {doc_last} has served our community for 18 years.
        """, style="html", frm='"Communications" <comms@{clinic_dom}>', to='"All Staff" <all@{clinic_dom}>', title="Staff News"),
    Tpl("Welcome our new providers", """
        We're pleased to welcome {doc} (Endocrinology) and {staff}, NP (Women's Health) to {clinic}. Both are accepting new patients.
        """, frm='"{clinic}" <news@{clinic_dom}>', to='"Community" <community@{clinic_dom}>'),
    Tpl("M&M conference moved", """
        The Surgery M&M conference is moved to Room 3B this week. {doc} is moderating. Cases have been de-identified per policy.
        """, frm='"Surgery Education" <surged@{clinic_dom}>', to='"Surgery Residents" <residents@{clinic_dom}>'),
], blind_only=True)

register("drug-recall", "clean", 3, [
    Tpl("Recall: certain lots of metformin ER", """
        The manufacturer is voluntarily recalling lots 2419A-2422C of metformin ER 500 mg due to NDMA levels above the acceptable limit. Patients should not stop taking their medication without talking to their pharmacist or doctor.
        """, frm='"Drug Safety Alerts" <alerts@drugsafety-news.org>', to='"Subscribers" <list@drugsafety-news.org>'),
    Tpl("Urgent: infusion pump field correction", """
        Dear Biomedical Engineering Manager,

        A software anomaly in model IP-3300 infusion pumps may cause occlusion alarms to be delayed. Install update 4.2.1. No patient injuries have been reported.
        """, frm='"MedDevice Co. Quality" <quality@meddevice.com>', to='"{full}" <{work_email}@{clinic_dom}>'),
    Tpl("Pharmacy bulletin: blood pressure med recall", """
        Hi {first}, as a registered user of our app, we want you to know about a nationwide recall of one brand of losartan. If you take losartan, check the lot number against the FDA list. This notice is sent to all users.
        """, frm='"PillPal App" <news@pillpal.app>'),
    Tpl("FDA safety communication summary", """
        This week: labeling changes for fluoroquinolones; recall of a contaminated eye drop brand; shortage update for amoxicillin suspension.
        """, style="html", frm='"Pharmacy & Therapeutics" <pt-committee@{clinic_dom}>', to='"Prescribers" <prescribers@{clinic_dom}>', title="P&T Update"),
], blind_only=True)

register("hr-open-enrollment", "clean", 3, [
    Tpl("Open enrollment closes Friday, {first}", """
        Hi {first},

        Open enrollment for {year} benefits closes Friday. If you take no action, your current medical, dental and vision elections will roll over. Compare plans in the benefits portal.

        Benefits Team, {company}
        """, frm='"Benefits" <benefits@{company_dom}>', to=CO_PERSON),
    Tpl("Benefits confirmation statement", """
        Employee: {full}
        Your {year} elections: Medical - PPO 500 (Employee + Family); Dental - Basic; Vision - Enrolled; FSA - $1,200.
        Contact HR with questions.
        """, frm='"Benefits" <benefits@{company_dom}>', to=CO_PERSON),
    Tpl("Reminder: benefits fair", """
        All employees: the benefits fair is {date1} in the cafeteria. Carriers will be on site to answer questions. Flu shots available for all.
        """, frm='"HR" <hr@{company_dom}>', to='"All staff" <all@{company_dom}>'),
    Tpl("New dependent verification needed", """
        Hi {first},

        You added a dependent during open enrollment. Please upload a birth or marriage certificate by {date1} to complete verification.

        Benefits Service Center
        """, frm='"Benefits Service Center" <benefits@{company_dom}>', to=CO_PERSON),
], blind_only=True)

# ---- PHI hidden in everyday mail
register("manager-leave", "phi", 3, [
    Tpl("Coverage while {first} is out", """
        Team,

        Heads up: {first} will be out for {weeksout} weeks starting {date1} after {his} hip replacement. {cow_first} will cover {his} accounts; please route approvals to me in the meantime.

        Let's send {him} a card - I'll pass it around Thursday.

        {mgr}
        """, frm=CO_MGR, to='"Sales Team" <sales@{company_dom}>'),
    Tpl("Re: sprint planning", """
        Quick update - {full} is on medical leave until {date2}; {he} is recovering from chemo for {his} lymphoma and asked me to share so people don't keep pinging {him}. Please reassign {his} tickets to {cow_first}.

        {mgr}

        ---QUOTE---
        Is {first} joining planning tomorrow?
        """, frm=CO_MGR, to='"Engineering" <eng@{company_dom}>'),
    Tpl("schedule", """
        Hi {cow_first},

        Can you pick up {first}'s Tuesday shifts for the next month? {He} just found out {he}'s pregnant with twins and the OB put {him} on light duty - no lifting.

        Thanks!
        {mgr_first}
        """, frm=CO_MGR, to=CO_COW, gender="F"),
    Tpl("Out of office - {full}", """
        All,

        {full} had a heart attack over the weekend and is at {hospital}. {He} is stable and expected to be out at least {weeksout} weeks for cardiac rehab. Please keep {him} in your thoughts and don't reach out about work.

        {mgr}
        Director, Operations
        """, style="html", frm=CO_MGR, to='"Ops" <ops@{company_dom}>'),
    Tpl("FW: return to work", """
        {cow_first} - FYI, {first} {last} is cleared to return Monday after {his} back surgery but is restricted to 4-hour days for two weeks per the doctor's note. Please adjust the schedule.

        {mgr_first}
        """, frm=CO_MGR, to=CO_COW),
])

register("teacher-adhd", "phi", 3, [
    Tpl("{child} - medication at lunch", """
        Hi {first},

        I wanted to let you know that {child} didn't go to the nurse for {c_his} ADHD medication (methylphenidate) at lunch today, and {c_he} had a really hard time focusing in the afternoon. Could you remind {c_him} tomorrow?

        Thanks,
        {teacher}
        {grade} Grade, {school}
        """, frm=SCHOOL_T),
    Tpl("Re: {child}'s behavior", """
        Hi {first},

        Thanks for telling me about the change in {child}'s ADHD medication - {c_he} seemed calmer this week on the new Adderall dose, though {c_he} barely ate lunch. Should I let the school nurse know about the appetite issue?

        {teacher}

        ---QUOTE---
        Hi {teacher}, just FYI {child}'s pediatrician switched {c_him} to Adderall XR 10 mg on Monday.
        """, frm=SCHOOL_T),
    Tpl("Accommodations for {child}", """
        Dear {mr} {last},

        Following our 504 meeting, {child} will get extended time and a quiet testing room because of {c_his} ADHD diagnosis. {c_He} may also take movement breaks. Please let me know if {c_his} medication schedule changes.

        {teacher}
        """, frm=SCHOOL_T),
    Tpl("quick note", """
        hi {first} - {child} told me {c_he} forgot {c_his} focalin this morning, just fyi in case {c_he}'s wound up tonight. {c_He} did great on the spelling test anyway!

        {teacher_first}
        """, frm=SCHOOL_T),
])

register("landlord-accommodation", "phi", 3, [
    Tpl("Reasonable accommodation request - Unit {conf}", """
        Dear {mr} {last},

        We have received your request and the letter from your physician confirming your disability (multiple sclerosis with limited mobility). We approve the transfer to a ground-floor unit and the installation of grab bars in the bathroom at no cost to you.

        Acorn Property Management
        """, frm='"Acorn Property Management" <leasing@acornpm.com>'),
    Tpl("Re: emotional support animal", """
        Hi {first},

        Thanks for sending the letter from your therapist regarding your PTSD and anxiety. Your emotional support dog is approved and the pet fee is waived. Please keep the letter on file with us.

        {staff}, Community Manager

        ---QUOTE---
        Hi {staff_first}, attached is the ESA letter from my therapist.
        """, frm='"{staff}" <{staff_email}@maplecourtapts.com>'),
    Tpl("Accessible parking space", """
        Dear {full},

        Per your accommodation request and the documentation of your wheelchair use following your spinal cord injury, we have assigned you accessible parking space #14 near {addr}.

        Management Office
        """, frm='"Management Office" <office@riversideflats.com>'),
    Tpl("Notice to tenants - {addr}", """
        {first},

        I'm writing about the smoking complaint. I understand from your note that {child} has severe asthma and was hospitalized last month. We will issue a no-smoking reminder to the unit next door and replace your air filter this week.

        {staff}
        Landlord
        """, frm='"{staff}" <{staff_email}@gmail.com>'),
])

register("coach-concussion", "phi", 3, [
    Tpl("{child} - concussion protocol", """
        Hi {first},

        {child} took a hard hit in Saturday's game and the athletic trainer diagnosed a concussion. Per league rules {c_he} can't return until cleared by a doctor and completes the 5-step return-to-play protocol.

        Coach {staff_last}
        """, frm='"Coach {staff_last}" <{staff_email}@youthsoccer.org>'),
    Tpl("Re: practice this week", """
        Team parents,

        {child} {last} won't be at practice - {c_he}'s recovering from a concussion and still has headaches. Let's keep {c_him} in our thoughts. Practice is at 5:30 as usual.

        Coach {staff_first}
        """, frm='"{staff}" <{staff_email}@gmail.com>', to='"U12 Parents" <u12-parents@googlegroups.com>'),
    Tpl("Clearance form needed for {child}", """
        Hello {mr} {last},

        We still need the signed physician clearance for {child} after {c_his} concussion on {date_past}. The neurologist's note said no contact for two more weeks, so {c_he} can do light jogging only.

        Athletic Training, {school}
        """, frm='"Athletic Training" <at@{school_dom}>'),
    Tpl("injury update", """
        {first} - update on {child}: the ER did a CT, no bleed, but it's a grade 2 concussion plus a sprained wrist. Dr. said no screens and no school for 3 days. I'll tell the rest of the team {c_he}'s out.

        {staff_first}
        """, frm='"{staff}" <{staff_email}@yahoo.com>'),
])

register("pharmacy-pickup", "phi", 3, [
    Tpl("Your prescription is ready for pickup", """
        Hi {first},

        Your prescription is ready at {pharmacy}.
        Patient: {full}
        Rx #{rx}: Sertraline 50 mg tablet, qty 30
        Prescriber: {doc}

        Pickup by {date1}. Copay: ${amount2}.
        """, frm='"{pharmacy}" <rx@pharmacy-alerts.com>'),
    Tpl("Order shipped: {rx}", """
        {full}, your mail-order prescription has shipped.
        Medication: Eliquis (apixaban) 5 mg, 180 tablets
        DOB on file: {dob}
        Tracking: 1Z{conf}0342
        """, style="html", frm='"HomeRx Mail Pharmacy" <orders@homerx.com>', title="HomeRx"),
    Tpl("Refill too soon", """
        Dear {mr} {last},

        We could not fill Rx {rx} (oxycodone 5 mg) because it is too early for a refill under your plan. Please contact {doc} or call us at {phone2}.

        {pharmacy}
        """, frm='"{pharmacy}" <rx@pharmacy-alerts.com>'),
    Tpl("Reminder: pick up your insulin", """
        Hi {first}! Your Humalog KwikPen refill (Rx {rx}) has been waiting for 7 days. Items not picked up within 10 days are returned to stock.

        {pharmacy}
        """, frm='"{pharmacy}" <rx@pharmacy-alerts.com>'),
])

register("eob-english", "phi", 3, [
    Tpl("Your Explanation of Benefits is ready", """
        Member: {full}
        Member ID: {member}
        Claim: {claim}
        Provider: {doc}
        Date of service: {date_past}
        Service: Office visit - established patient; Spirometry
        Billed: ${amount}  Plan paid: ${amount2}

        THIS IS NOT A BILL.
        """, frm='"Member Services" <eob@bluehorizonhealth.com>'),
    Tpl("Claim denied - action needed", """
        Dear {mr} {last},

        Claim {claim} for your sleep study at {hospital} on {date_past} was denied: no prior authorization on file. You may appeal within 180 days.

        Member ID: {member}
        """, style="html", frm='"Claims" <claims@evergreen-health.com>', title="Claim update"),
    Tpl("Statement from {hospital}", """
        Patient: {full}
        Account: {mrn}
        Services on {date_past}: Emergency room visit, CT head without contrast, laceration repair
        Balance due: ${amount}
        """, frm='"Patient Billing" <billing@hospital-pay.com>'),
    Tpl("Your HSA claim was reimbursed", """
        Hi {first},

        We reimbursed ${amount2} for your claim: physical therapy (lumbar), {doc}'s office, date of service {date_past}.

        HSA Services
        """, frm='"HSA Services" <hsa@benefitbank.com>'),
])

register("hr-accommodation", "phi", 3, [
    Tpl("Accommodation approved", """
        Employee: {full}
        Request: sit/stand desk and ergonomic keyboard
        Basis: carpal tunnel syndrome (bilateral), per provider note dated {date_past}
        Status: Approved

        HR Accommodations, {company}
        """, frm='"HR Accommodations" <accommodations@{company_dom}>', to=CO_PERSON),
    Tpl("FMLA certification received", """
        Hi {first},

        We received the FMLA certification from {doc}. Your intermittent leave for migraine episodes (up to 2 days/month) is approved through {date2}.

        Leave Administration
        """, frm='"Leave Administration" <leave@{company_dom}>', to=CO_PERSON),
    Tpl("Re: schedule change request", """
        {mgr_first},

        {first} {last} has provided documentation that {he} is in treatment for alcohol use disorder and needs Tuesday/Thursday afternoons off for outpatient sessions. Please approve the schedule change and keep this confidential.

        HR Business Partner
        """, frm='"HR" <hr@{company_dom}>', to=CO_MGR),
    Tpl("Fitness for duty", """
        {mr} {last},

        Following your seizure at work on {date_past}, you may not operate forklifts until your neurologist clears you. You've been temporarily reassigned to inventory counting.

        Safety & HR
        """, frm='"Safety" <safety@{company_dom}>', to=CO_PERSON),
], blind_only=True)

register("friend-personal", "phi", 3, [
    Tpl("meal train for {first}", """
        Hi everyone,

        As many of you know, {full} started chemo for breast cancer last week. I set up a meal train for Tues/Thurs dinners - no dairy please, it upsets her stomach right now.

        Sign up here: mealtrain link
        {staff_first}
        """, frm='"{staff}" <{staff_email}@gmail.com>', to='"Book club" <bookclub@googlegroups.com>', gender="F"),
    Tpl("Re: dinner saturday?", """
        Ugh, have to cancel - {first} is having a bad flare of {his} Crohn's and we spent last night in the ER. They started {him} on prednisone. Rain check?

        ---QUOTE---
        Are you and {first} still up for dinner Saturday?
        """, frm='"{staff}" <{staff_email}@icloud.com>', to='"{cow}" <{cow_email}@gmail.com>'),
    Tpl("prayer request", """
        Friends, please pray for my dad, {full}. He had a stroke Sunday and is in the ICU at {hospital}. He can't speak yet. Visiting is family only for now.
        """, frm='"{staff}" <{staff_email}@aol.com>', to='"Small group" <smallgroup@church.org>', gender="M"),
    Tpl("about Grandma", """
        Hi sis,

        Talked to Grandma {first}'s doctor. Her dementia is getting worse and she fell again - no fracture, thank god. They want to increase the donepezil and start PT. Can you take her to the appointment on {date1}?

        Love you
        """, frm='"{staff}" <{staff_email}@gmail.com>', to='"{cow}" <{cow_email}@yahoo.com>', gender="F"),
], blind_only=True)

register("school-nurse", "phi", 3, [
    Tpl("Health office visit - {child}", """
        Dear Parent/Guardian of {child} {last},

        {child} visited the health office today at 10:40 with a temperature of 101.2 F and sore throat. Please pick {c_him} up; {c_he} may return after 24 hours fever-free.

        School Nurse, {school}
        """, frm='"Health Office" <nurse@{school_dom}>'),
    Tpl("EpiPen needed for {child}", """
        Hi {first},

        {child}'s EpiPen in the nurse's office expires on {date1}. Given {c_his} peanut allergy we need a replacement plus an updated allergy action plan signed by the doctor.

        {staff}, RN
        """, frm='"{staff}" <nurse@{school_dom}>'),
    Tpl("Inhaler authorization", """
        Student: {child} {last}
        Grade: {grade}
        Medication: albuterol inhaler 2 puffs q4h PRN wheezing (asthma)
        Please return the signed self-carry form.
        """, frm='"Health Office" <nurse@{school_dom}>'),
    Tpl("Vision screening follow-up", """
        Dear {mr} {last},

        {child} did not pass the vision screening ({c_his} right eye 20/60). Please have {c_him} see an eye doctor and return the referral form.

        School Health Services
        """, frm='"School Health" <health@{school_dom}>'),
], blind_only=True)



# ===========================================================================
# Driver
# ===========================================================================
TARGETS = {  # (strand, label) -> messages per split
    (1, "phi"): 50, (1, "clean"): 52,
    (2, "phi"): 72, (2, "clean"): 30,
    (3, "phi"): 42, (3, "clean"): 62,
}
SEEDS = {"dev": 1109, "blind": 88213}


def split_variants(fam, split):
    v = fam["variants"]
    if fam["blind_only"]:
        return list(v) if split == "blind" else []
    k = len(v) // 2
    return list(v[:k]) if split == "dev" else list(v[k:])


def build(split, out):
    os.makedirs(out, exist_ok=True)
    alloc_rng = random.Random(SEEDS[split])
    fams = [f for f in FAMILIES if split_variants(f, split)]
    counts = {}
    for (strand, label), tgt in TARGETS.items():
        group = [f for f in fams if f["strand"] == strand and f["label"] == label]
        if not group:
            continue
        base, rem = divmod(tgt, len(group))
        extra = set(alloc_rng.sample(range(len(group)), rem))
        for i, f in enumerate(group):
            counts[f["name"]] = max(3, base + (1 if i in extra else 0))
    items = []
    for f in fams:
        vs = split_variants(f, split)
        g = G(split, zlib.crc32(("%s|%s|%d" % (split, f["name"], SEEDS[split])).encode()))
        start = g.r.randrange(len(vs))
        for i in range(counts[f["name"]]):
            v = vs[(start + i) % len(vs)]
            random.seed(g.r.getrandbits(64))  # email.generator draws MIME boundaries from the global RNG
            data, form = v(g)
            items.append((data, f["label"], f["name"], form))
    alloc_rng.shuffle(items)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as mf:
        mf.write("file\tlabel\tfamily\tform\n")
        for i, (data, label, name, form) in enumerate(items, 1):
            fn = "%04d.eml" % i
            with open(os.path.join(out, fn), "wb") as fh:
                fh.write(data)
            mf.write("%s\t%s\t%s\t%s\n" % (fn, label, name, form))
    return items


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", required=True, choices=["dev", "blind"])
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    items = build(a.split, a.out)
    n_phi = sum(1 for it in items if it[1] == "phi")
    print("%s: wrote %d messages (%d phi, %d clean) to %s" % (a.split, len(items), n_phi, len(items) - n_phi, a.out))


if __name__ == "__main__":
    main()
