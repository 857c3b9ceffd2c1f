#!/usr/bin/env python3
"""Blind evaluation corpus generator: Spanish / mixed-language mail and
unusual or malformed MIME, for an email PHI classifier.

Standard library only; deterministic.  See README.md.

    python3 generate.py --split blind --out DIR
    python3 generate.py --split dev   --out DIR
"""
import argparse
import base64
import datetime as _dt
import io
import os
import quopri
import random
import struct
import unicodedata
import zipfile
import zlib

CRLF = b"\r\n"

# ---------------------------------------------------------------------------
# people, places, identifiers
# ---------------------------------------------------------------------------
FIRST_F = ["Rosa", "Dolores", "Pilar", "Soledad", "Amparo", "Consuelo", "Mercedes",
           "Luz", "Esperanza", "Rocío", "Socorro", "Guadalupe", "Ximena", "Itzel",
           "Yesenia", "Marisol", "Concepción", "Paloma", "Alba", "Aurora", "Estrella",
           "Milagros", "Azucena", "Blanca", "Nieves", "Inés", "Fátima", "Adaeze",
           "Mei", "Lan", "Priya", "Thandiwe", "Leilani", "Hope", "Joy", "Ivy", "Faith",
           "Candelaria", "Caridad", "Victoria", "Reina", "Paz", "María José", "Ana Belén"]
FIRST_M = ["Ángel", "Jesús", "Salvador", "Santos", "Domingo", "Amador", "Modesto",
           "Inocencio", "Ciro", "Tadeo", "Joaquín", "Wilfredo", "Yeison", "Brayan",
           "Kwame", "Chidi", "Wei", "Hiroshi", "Arjun", "Tuan", "Omar", "Yusuf",
           "Faustino", "Bienvenido", "Clemente", "Justo", "Cruz", "Patrick", "Grant",
           "Will", "Chase", "Rey", "Leoncio", "Maximino", "José Luis", "Juan Pablo",
           "Fidel", "Sol", "Ernesto", "Dante"]
LAST = ["Blanco", "Moreno", "Rubio", "Cruz", "Luna", "Campos", "Flores", "Ríos",
        "Castillo", "Iglesias", "Prieto", "Cordero", "Palacios", "Parra", "Mesa",
        "Cano", "Sierra", "Lobo", "Toro", "Vega", "Rey", "Pastor", "Caballero",
        "Bravo", "Delgado", "Serrano", "Nieto", "Calvo", "Montes", "Peña", "Paz",
        "Soto", "Navarro", "Quispe", "Mamani", "Huamán", "Cuauhtle", "Tzul", "Okafor",
        "Mensah", "Nguyen", "Chen", "Kim", "Benali", "Haddad", "Demir", "Raman",
        "Kowalski", "Silva", "Oliveira", "Dubois", "Moreau", "Baker", "Marsh",
        "Story", "Price", "Church", "Gómez", "Hernández", "Ramírez", "Zúñiga",
        "Ibáñez", "Muñoz", "Salud", "Cama", "Villa", "Aguirre", "Bonilla", "Sol"]
PT_FIRST = ["Conceição", "João", "Sebastião", "Graça", "Luíza", "Thiago", "Raimunda",
            "Benedita", "Aparecida", "Severino", "Jaqueline", "Cícero"]
PT_LAST = ["Gonçalves", "Araújo", "Pereira", "Rocha", "Leão", "Pinto", "Costa",
           "Barbosa", "Cardoso", "Nascimento", "Ferreira"]
FR_FIRST = ["Amandine", "Thérèse", "Mamadou", "Aïssatou", "Benoît", "Hélène",
            "Yannick", "Océane", "Grégoire", "Fatou", "Rose", "Blanche"]
FR_LAST = ["Lefèvre", "Diallo", "Traoré", "Marchand", "Boulanger", "Petit",
           "Lebrun", "Fontaine", "Mercier", "Nguyen", "Benali"]
CLINICIANS = ["Dra. Elena Sauceda", "Dr. Ramiro Quintanilla", "Dra. Ngozi Adeyemi",
              "Dr. Tomás Arriaga", "Dra. Wen Li Ortega", "Dr. Osvaldo Pimentel",
              "Dra. Maribel Ochoa", "Dr. Farid Nasser", "Dra. Camila Restrepo",
              "Dr. Hugo Benavides", "Dra. Iris Montalvo", "Dr. Kenji Morales"]
FREE_DOMAINS = ["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.es", "yahoo.es",
                "icloud.com", "live.com.mx", "prodigy.net.mx"]
CITIES = ["Guadalajara", "Monterrey", "Puebla", "Oaxaca", "Mérida", "Bogotá", "Medellín",
          "Quito", "Lima", "Cusco", "Santiago", "Valparaíso", "Sevilla", "Zaragoza",
          "San Antonio", "El Paso", "Los Ángeles", "Miami", "Houston", "Tucson"]
CLINICS = [
    ("Clínica San Rafael", "clinicasanrafael.mx"),
    ("Centro de Salud Comunitario La Esperanza", "cscesperanza.org"),
    ("Hospital General del Norte", "hgnorte.com.mx"),
    ("Clínica Familiar Los Pinos", "clinicalospinos.com"),
    ("Centro Médico Santa Lucía", "cmsantalucia.es"),
    ("Salud Familiar del Valle Community Health Center", "saludvalle-chc.org"),
    ("Policlínico Miraflores", "policlinicomiraflores.pe"),
    ("Unidad de Medicina Familiar 14", "umf14-salud.mx"),
]
LABS = [("Laboratorio Diagnóstico Norte", "labdxnorte.com"),
        ("Laboratorios Clínicos Azteca", "lab-azteca.mx"),
        ("BioAnálisis del Pacífico", "bioanalisispacifico.co"),
        ("Laboratorio Central Vida", "labcentralvida.es")]
PHARMS = [("Farmacias La Esperanza", "farmaciaslaesperanza.com.mx"),
          ("Farmacia del Ahorro Popular", "farmaciaahorropopular.mx"),
          ("Botica San Judas", "boticasanjudas.pe"),
          ("Farmacia Cruz Verde Barrio", "fcruzverdebarrio.cl")]
PAYERS = [("Seguros Vitalia", "segurosvitalia.com"),
          ("Aseguradora Horizonte Salud", "horizontesalud.mx"),
          ("MediPlan Latino Health Plan", "mediplanlatino.com"),
          ("Previsora Andina EPS", "previsoraandina.co")]
SCHOOLS = [("Escuela Primaria Benito Juárez", "primariabjuarez.edu.mx"),
           ("Colegio Santa Cecilia", "colegiosantacecilia.edu.co"),
           ("Roosevelt Elementary - Programa Bilingüe", "roosevelt-elem.org"),
           ("Instituto Miguel Hidalgo", "imhidalgo.edu.mx")]
EMPLOYERS = [("Maquiladora Del Bajío S.A. de C.V.", "maqbajio.com.mx"),
             ("Grupo Logístico Ruta Sur", "rutasur.com"),
             ("Constructora Andes Ltda.", "constructoraandes.cl"),
             ("Hotel Costa Dorada", "hotelcostadorada.es")]

CONDITIONS = [
    ("diabetes mellitus tipo 2", "E11.9"), ("hipertensión arterial sistémica", "I10"),
    ("hipotiroidismo", "E03.9"), ("asma persistente moderada", "J45.40"),
    ("epilepsia focal", "G40.109"), ("episodio depresivo mayor", "F32.1"),
    ("trastorno de ansiedad generalizada", "F41.1"),
    ("enfermedad renal crónica estadio 3", "N18.3"),
    ("cáncer de mama (carcinoma ductal infiltrante)", "C50.9"),
    ("infección por VIH", "B20"), ("hepatitis C crónica", "B18.2"),
    ("neumonía adquirida en la comunidad", "J18.9"),
    ("fractura de radio distal derecho", "S52.501A"), ("apendicitis aguda", "K35.80"),
    ("COVID-19", "U07.1"), ("artritis reumatoide", "M06.9"), ("EPOC", "J44.9"),
    ("migraña crónica", "G43.709"), ("lupus eritematoso sistémico", "M32.9"),
    ("dengue con signos de alarma", "A91"), ("tuberculosis pulmonar", "A15.0"),
    ("preeclampsia leve", "O14.03"), ("lumbalgia aguda", "M54.5"),
    ("gastritis erosiva", "K29.70"), ("trastorno por consumo de alcohol", "F10.20"),
]
PROCEDURES = ["colonoscopia", "endoscopia digestiva alta", "mastografía diagnóstica",
              "resonancia magnética de rodilla izquierda", "biopsia de tiroides por aspiración",
              "ecocardiograma transtorácico", "cateterismo cardíaco", "histerectomía laparoscópica",
              "cirugía de cataratas (ojo derecho)", "colecistectomía laparoscópica",
              "sesión de hemodiálisis", "ciclo 3 de quimioterapia", "prueba de esfuerzo",
              "ultrasonido obstétrico de 20 semanas", "densitometría ósea", "espirometría"]
MEDS = [("metformina 850 mg", "1 tableta cada 12 horas con alimentos"),
        ("losartán 50 mg", "1 tableta diaria por la mañana"),
        ("levotiroxina 100 mcg", "1 tableta en ayunas"),
        ("salbutamol inhalador 100 mcg", "2 disparos cada 6 horas si hay falta de aire"),
        ("sertralina 50 mg", "1 tableta diaria"),
        ("insulina glargina 100 UI/ml", "18 unidades por la noche"),
        ("atorvastatina 20 mg", "1 tableta por la noche"),
        ("ácido valproico 500 mg", "1 tableta cada 12 horas"),
        ("tenofovir/emtricitabina 300/200 mg", "1 tableta diaria"),
        ("omeprazol 20 mg", "1 cápsula antes del desayuno"),
        ("enalapril 10 mg", "1 tableta cada 12 horas"),
        ("fluoxetina 20 mg", "1 cápsula diaria"),
        ("montelukast 5 mg", "1 tableta masticable por la noche"),
        ("metilfenidato 10 mg", "1 tableta antes de la escuela"),
        ("amoxicilina 500 mg", "1 cápsula cada 8 horas por 7 días"),
        ("quetiapina 25 mg", "1 tableta al acostarse")]
LABTESTS = [("Glucosa en ayunas", "mg/dL", (70, 99), (60, 260)),
            ("Hemoglobina glucosilada (HbA1c)", "%", (4.0, 5.6), (4.5, 11.8)),
            ("Colesterol total", "mg/dL", (0, 200), (140, 310)),
            ("Triglicéridos", "mg/dL", (0, 150), (70, 420)),
            ("Creatinina sérica", "mg/dL", (0.6, 1.2), (0.5, 3.4)),
            ("TSH", "µUI/mL", (0.4, 4.0), (0.1, 14.0)),
            ("Hemoglobina", "g/dL", (12.0, 16.0), (8.2, 17.5)),
            ("Leucocitos", "x10³/µL", (4.5, 11.0), (2.8, 18.0)),
            ("Ácido úrico", "mg/dL", (3.4, 7.0), (2.5, 10.5)),
            ("ALT (TGP)", "U/L", (7, 56), (10, 190))]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
MONTHS_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
             "setembro", "outubro", "novembro", "dezembro"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, rng, lang="es", sex=None, age=None):
        self.sex = sex or rng.choice("FM")
        if lang == "pt":
            self.first = rng.choice(PT_FIRST)
            self.last = rng.choice(PT_LAST) + " " + rng.choice(PT_LAST)
        elif lang == "fr":
            self.first = rng.choice(FR_FIRST)
            self.last = rng.choice(FR_LAST)
        else:
            self.first = rng.choice(FIRST_F if self.sex == "F" else FIRST_M)
            l1, l2 = rng.sample(LAST, 2)
            self.last = l1 + (" " + l2 if rng.random() < 0.6 else "")
        if lang in ("pt", "fr"):
            self.sex = rng.choice("FM")
        age = age if age is not None else rng.randint(19, 88)
        self.dob = _dt.date(2026 - age, rng.randint(1, 12), rng.randint(1, 28))
        self.age = age
        self.name = self.first + " " + self.last
        u = ascii_fold(self.first.split()[0]).lower()
        v = ascii_fold(self.last.split()[0]).lower()
        style = rng.randint(0, 4)
        local = [u + "." + v, u + v + str(rng.randint(1, 99)), u[0] + v, v + "_" + u,
                 u + "." + v + str(self.dob.year % 100)][style]
        self.email = local + "@" + rng.choice(FREE_DOMAINS)

    @property
    def title(self):
        return "Sra." if self.sex == "F" else "Sr."

    @property
    def estimad(self):
        return "Estimada" if self.sex == "F" else "Estimado"

    @property
    def short(self):
        return self.first.split()[0] + " " + self.last.split()[0]


def fmt_date(rng, d, style=None):
    style = rng.randint(0, 5) if style is None else style
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return "%d de %s de %d" % (d.day, MONTHS_ES[d.month - 1], d.year)
    if style == 2:
        return d.isoformat()
    if style == 3:
        return "%02d-%s-%02d" % (d.day, MONTHS_ES[d.month - 1][:3].upper(), d.year % 100)
    if style == 4:
        return d.strftime("%d.%m.%Y")
    return "%d/%d/%d" % (d.day, d.month, d.year)


def fmt_date_pt(d):
    return "%d de %s de %d" % (d.day, MONTHS_PT[d.month - 1], d.year)


def fmt_date_fr(d):
    return "%d %s %d" % (d.day, MONTHS_FR[d.month - 1], d.year)


def rand_date(rng, start=(2025, 9, 1), span=420):
    return _dt.date(*start) + _dt.timedelta(days=rng.randint(0, span))


def rand_id(rng, kind=None):
    kind = rng.randint(0, 9) if kind is None else kind
    n = rng.randint
    return [
        "Exp. %05d-%02d" % (n(100, 99999), n(10, 26)),
        "NHC %07d" % n(1000000, 9999999),
        "MRN: A-%06d" % n(100000, 999999),
        "Folio LAB-2026-%06d" % n(1000, 999999),
        "NSS %02d-%02d-%02d-%04d-%d" % (n(10, 99), n(10, 99), n(10, 99), n(1000, 9999), n(0, 9)),
        "Núm. afiliado %04d %04d %02d" % (n(1000, 9999), n(0, 9999), n(0, 99)),
        "Historia clínica Nº %d" % n(20000, 899999),
        "Carnet %s%07d" % (rng.choice("ABCKMX"), n(0, 9999999)),
        "ID paciente: %d-%s" % (n(1000, 9999), "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3))),
        "CIP %s%s%08d" % (rng.choice("BCGMRS"), rng.choice("AEIOU"), n(0, 99999999)),
    ][kind]


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def typo(rng, text, rate=0.03):
    """Human-style typos: dropped accents, swapped letters, missing letters."""
    out = []
    words = text.split(" ")
    for w in words:
        r = rng.random()
        if r < rate and len(w) > 3 and w.isalpha():
            i = rng.randrange(len(w) - 1)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif r < rate * 2 and len(w) > 4 and w.isalpha():
            i = rng.randrange(1, len(w) - 1)
            w = w[:i] + w[i + 1:]
        elif r < rate * 6:
            w = ascii_fold(w)
        out.append(w)
    return " ".join(out)


# ---------------------------------------------------------------------------
# signatures and disclaimers (used on BOTH labels)
# ---------------------------------------------------------------------------
DISCLAIMERS = [
    "AVISO DE CONFIDENCIALIDAD: Este mensaje y sus anexos son para uso exclusivo de su "
    "destinatario y pueden contener información confidencial. Si usted lo recibió por error, "
    "notifique al remitente y elimínelo.",
    "Este correo puede contener información privilegiada. Si no es usted el destinatario, "
    "queda prohibida su difusión. / This e-mail may contain privileged information; if you "
    "received it in error please delete it.",
    "Aviso de privacidad: sus datos personales son tratados conforme a la Ley Federal de "
    "Protección de Datos Personales. Consulte el aviso integral en nuestro sitio web.",
    "CONFIDENTIALITY NOTICE: This message may contain protected health information. "
    "Unauthorized review, use or disclosure is prohibited.",
    "Por favor, no responda a este correo; el buzón no es monitoreado.",
    "Antes de imprimir este correo piense en el medio ambiente.",
    "Conforme al RGPD, le informamos que sus datos forman parte de un fichero responsabilidad "
    "de la entidad remitente. Puede ejercer sus derechos ARCO escribiendo a privacidad@.",
]


def org_signature(rng, orgname, domain, person_name=None, role=None):
    lines = []
    if person_name:
        lines.append(person_name)
    if role:
        lines.append(role)
    lines.append(orgname)
    style = rng.randint(0, 3)
    tel = "+52 %d %d %04d" % (rng.randint(33, 99), rng.randint(100, 999), rng.randint(0, 9999))
    if style == 0:
        lines.append("Tel. " + tel)
    elif style == 1:
        lines.append("Tel: %s | www.%s" % (tel, domain))
    elif style == 2:
        lines.append("%s %d, %s" % (pick(rng, ["Av. Reforma", "Calle Hidalgo", "Av. Libertad", "Calle Mayor", "Jr. Ucayali"]),
                                    rng.randint(10, 2200), pick(rng, CITIES)))
        lines.append(tel)
    else:
        lines.append("www." + domain)
    sep = pick(rng, ["--", "", "____________________", "-- ", ""])
    return ([sep] if sep else []) + lines


def maybe_disclaimer(rng, p=0.5):
    if rng.random() < p:
        return ["", pick(rng, DISCLAIMERS)]
    return []


# ---------------------------------------------------------------------------
# MIME building blocks (hand assembled bytes)
# ---------------------------------------------------------------------------
def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def b64_body(data):
    s = base64.b64encode(data).decode("ascii")
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76)).encode("ascii") + CRLF


def qp_body(data):
    data = data.replace(b"\r\n", b"\n")
    enc = quopri.encodestring(data)
    return enc.replace(b"\n", b"\r\n") + (b"" if enc.endswith(b"\n") else CRLF)


def enc_word(s, rng=None, charset="utf-8", mode=None):
    """RFC 2047 encode a header value if non-ASCII."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    mode = mode or (rng.choice("BQ") if rng else "B")
    raw = s.encode(charset)
    words = []
    if mode == "B":
        step = 45
        # do not split inside a UTF-8 sequence
        i = 0
        while i < len(raw):
            j = min(i + step, len(raw))
            while j < len(raw) and (raw[j] & 0xC0) == 0x80:
                j -= 1
            words.append("=?%s?B?%s?=" % (charset, base64.b64encode(raw[i:j]).decode()))
            i = j
    else:
        cur = ""
        for ch in s:
            b = ch.encode(charset)
            if ch == " ":
                t = "_"
            elif all(0x21 <= x <= 0x7e and chr(x) not in "=?_" for x in b):
                t = ch
            else:
                t = "".join("=%02X" % x for x in b)
            if len(cur) + len(t) > 50:
                words.append("=?%s?Q?%s?=" % (charset, cur))
                cur = ""
            cur += t
        if cur:
            words.append("=?%s?Q?%s?=" % (charset, cur))
    return "\r\n ".join(words)


def addr(name, email, rng=None):
    if not name:
        return "<%s>" % email if rng and rng.random() < 0.3 else email
    n = enc_word(name, rng)
    if n == name and any(c in name for c in ',.()"'):
        n = '"%s"' % name
    return "%s <%s>" % (n, email)


def rfc_date(rng, d=None):
    d = d or rand_date(rng)
    dt = _dt.datetime(d.year, d.month, d.day, rng.randint(6, 22), rng.randint(0, 59), rng.randint(0, 59))
    tz = pick(rng, ["-0600", "-0500", "-0300", "+0100", "+0200", "-0700", "-0400", "+0000"])
    return dt.strftime("%a, %d %b %Y %H:%M:%S ") + tz


def fold_header(name, value):
    """Fold a long unstructured header at spaces (CRLF + space)."""
    line = name + ": "
    out = []
    cur = line
    for w in value.split(" "):
        if len(cur) + len(w) + 1 > 76 and cur.strip() != (name + ":"):
            out.append(cur.rstrip())
            cur = " " + w + " "
        else:
            cur += w + " "
    out.append(cur.rstrip())
    return "\r\n".join(out)


def top_headers(rng, frm, to, subject, date=None, extra=(), cc=None, raw_subject=False):
    dom = frm.split("@")[-1].rstrip(">")
    h = []
    order = rng.randint(0, 1)
    h.append("Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"))
    h.append("Received: from mail.%s (mail.%s [10.%d.%d.%d])\r\n\tby mx.relay.local with ESMTPS id %08x;\r\n\t%s"
             % (dom, dom, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254),
                rng.getrandbits(32), date or rfc_date(rng)))
    fields = [("From", frm), ("To", to)]
    if cc:
        fields.append(("Cc", cc))
    subj = subject if raw_subject else enc_word(subject, rng)
    fields.append(("Subject", subj))
    fields.append(("Date", date or rfc_date(rng)))
    if order:
        fields = [fields[-1]] + fields[:-1]
    for k, v in fields:
        h.append("%s: %s" % (k, v))
    h.append("Message-ID: <%08x.%04x@%s>" % (rng.getrandbits(32), rng.getrandbits(16), dom))
    h.extend(extra)
    h.append("MIME-Version: 1.0")
    return "\r\n".join(h).encode("utf-8")


def boundary(rng):
    styles = ["----=_Part_%d_%d.%d" % (rng.randint(1000, 99999), rng.getrandbits(30), rng.getrandbits(40)),
              "=_%032x" % rng.getrandbits(128),
              "000000000000%012x" % rng.getrandbits(48),
              "Apple-Mail=_%08X-%04X-%04X" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16)),
              "----boundary_%d" % rng.randint(1, 999999)]
    return pick(rng, styles)


class Part:
    def __init__(self, headers, body):
        self.headers = headers  # list of str header lines (may contain folding)
        self.body = body        # bytes with CRLF

    def bytes(self):
        return "\r\n".join(self.headers).encode("utf-8") + CRLF + CRLF + self.body


def text_part(rng, text, subtype="plain", charset="utf-8", cte=None):
    data = crlf(text).encode(charset)
    if cte is None:
        try:
            text.encode("ascii")
            cte = pick(rng, ["7bit", "7bit", "quoted-printable"])
        except UnicodeEncodeError:
            cte = pick(rng, ["quoted-printable", "base64", "8bit", "quoted-printable"])
    if cte == "base64":
        body = b64_body(data)
    elif cte == "quoted-printable":
        body = qp_body(data)
    else:
        body = data if data.endswith(CRLF) else data + CRLF
    ct = 'text/%s; charset="%s"' % (subtype, charset) if rng.random() < 0.5 else "text/%s; charset=%s" % (subtype, charset)
    if subtype == "plain" and rng.random() < 0.3:
        ct += "; format=flowed"
    return Part(["Content-Type: " + ct, "Content-Transfer-Encoding: " + cte], body)


def attach_part(rng, ctype, filename, data, cte="base64"):
    fn = enc_word(filename, rng) if any(ord(c) > 127 for c in filename) else filename
    h = ['Content-Type: %s; name="%s"' % (ctype, fn),
         'Content-Disposition: attachment; filename="%s"' % fn,
         "Content-Transfer-Encoding: " + cte]
    if cte == "base64":
        body = b64_body(data)
    elif cte == "quoted-printable":
        body = qp_body(data)
    else:
        body = data
    return Part(h, body)


def multipart(rng, subtype, parts, bnd=None, preamble=None, epilogue=None):
    bnd = bnd or boundary(rng)
    out = b""
    if preamble is not None:
        out += crlf(preamble).encode("utf-8") + CRLF
    elif rng.random() < 0.4:
        out += b"This is a multi-part message in MIME format." + CRLF + CRLF
    for p in parts:
        out += b"--" + bnd.encode() + CRLF + p.bytes()
        if not out.endswith(CRLF):
            out += CRLF
    out += b"--" + bnd.encode() + b"--" + CRLF
    if epilogue is not None:
        out += crlf(epilogue).encode("utf-8") + CRLF
    return Part(['Content-Type: multipart/%s; boundary="%s"' % (subtype, bnd)], out)


def assemble(top, part):
    return top + CRLF + part.bytes()


# ---------------------------------------------------------------------------
# attachments: real files
# ---------------------------------------------------------------------------
ZIP_TIME = (2026, 1, 5, 9, 30, 0)


def _zip(files):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return bio.getvalue()


def xesc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def make_csv(rows, sep=",", bom=False, enc="utf-8"):
    out = []
    for r in rows:
        cells = []
        for c in r:
            c = str(c)
            if sep in c or '"' in c or "\n" in c:
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(sep.join(cells))
    data = ("\r\n".join(out) + "\r\n").encode(enc)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_xlsx(rows, sheet="Hoja1"):
    srows = []
    for ri, r in enumerate(rows, 1):
        cells = []
        for ci, v in enumerate(r):
            ref = "%s%d" % (_col(ci), ri)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, xesc(v)))
        srows.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 '<sheetData>%s</sheetData></worksheet>' % "".join(srows))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % xesc(sheet))
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    return _zip([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", sheet_xml)])


def make_docx(paragraphs):
    ps = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % xesc(p) for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>%s<w:sectPr/></w:body></w:document>' % ps)
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
    b = s.encode("cp1252", "replace")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_assemble(objs):
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def make_pdf(lines, title=None):
    """Single-page PDF with a real text content stream (WinAnsi Helvetica)."""
    cs = b"BT\n/F1 11 Tf\n14 TL\n50 790 Td\n"
    if title:
        cs += b"/F2 14 Tf\n(" + _pdf_str(title) + b") Tj T*\n/F1 11 Tf\nT*\n"
    for ln in lines[:52]:
        cs += b"(" + _pdf_str(ln) + b") Tj T*\n"
    cs += b"ET\n"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(cs) + cs + b"endstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"]
    return _pdf_assemble(objs)


def make_pdf_image(lines, scale=2):
    """Scanned-looking PDF: one grayscale image XObject, no text layer at all."""
    w, h, px = render_text(lines, scale)
    data = zlib.compress(px, 9)
    pw, ph = 595, 842
    dw = min(pw - 60, w)
    dh = int(h * dw / w)
    cs = b"q\n%d 0 0 %d 30 %d cm\n/Im1 Do\nQ\n" % (dw, dh, ph - 40 - dh)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(cs) + cs + b"endstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data))
            + data + b"\nendstream"]
    return _pdf_assemble(objs)


def ics_fold(line):
    b = line.encode("utf-8")
    out = []
    limit = 75
    while len(b) > limit:
        cut = limit
        while (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[:cut])
        b = b[cut:]
        limit = 74
    out.append(b)
    return b"\r\n ".join(out)


def ics_text(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def make_ics(rng, summary, start_dt, minutes, location, description, organizer):
    uid = "%032x@agenda" % rng.getrandbits(128)
    end = start_dt + _dt.timedelta(minutes=minutes)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Agenda Clinica//ES", "METHOD:REQUEST",
             "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T120000Z",
             "DTSTART:" + start_dt.strftime("%Y%m%dT%H%M%S"),
             "DTEND:" + end.strftime("%Y%m%dT%H%M%S"),
             "SUMMARY:" + ics_text(summary), "LOCATION:" + ics_text(location),
             "DESCRIPTION:" + ics_text(description),
             "ORGANIZER;CN=%s:mailto:%s" % (ics_text(organizer[0]), organizer[1]),
             "BEGIN:VALARM", "TRIGGER:-PT24H", "ACTION:DISPLAY", "DESCRIPTION:Recordatorio",
             "END:VALARM", "END:VEVENT", "END:VCALENDAR"]
    return b"\r\n".join(ics_fold(l) for l in lines) + b"\r\n"


def html_doc(title, paras, table=None, footer=None, rng=None):
    style = rng.randint(0, 2) if rng else 0
    css = ["font-family:Arial,sans-serif;font-size:14px;color:#222",
           "font-family:Verdana;font-size:13px", "font-family:'Segoe UI',Tahoma;color:#333"][style]
    h = ['<!DOCTYPE html>', '<html lang="es"><head><meta charset="utf-8"><title>%s</title></head>' % xesc(title),
         '<body style="%s">' % css]
    if style != 1:
        h.append('<h2 style="color:#0a5a8a">%s</h2>' % xesc(title))
    for p in paras:
        h.append("<p>%s</p>" % xesc(p).replace("\n", "<br>"))
    if table:
        h.append('<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">')
        h.append("<tr>%s</tr>" % "".join('<th style="background:#e8f1f8">%s</th>' % xesc(c) for c in table[0]))
        for r in table[1:]:
            h.append("<tr>%s</tr>" % "".join("<td>%s</td>" % xesc(c) for c in r))
        h.append("</table>")
    if footer:
        h.append('<p style="font-size:11px;color:#777">%s</p>' % "<br>".join(xesc(f) for f in footer))
    h.append("</body></html>")
    return "\n".join(h)


# 5x7 bitmap font for rendering "scanned" documents into PNG / image-only PDF
_FONT = {
    "A": "01110 10001 10001 11111 10001 10001 10001", "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110", "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111", "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111", "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110", "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001", "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001", "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110", "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101", "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110", "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110", "V": "10001 10001 10001 10001 01010 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010", "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100", "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    ":": "00000 01100 01100 00000 01100 01100 00000", ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000", "-": "00000 00000 00000 11111 00000 00000 00000",
    "/": "00000 00001 00010 00100 01000 10000 00000", "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000", "#": "01010 01010 11111 01010 11111 01010 01010",
    "%": "11000 11001 00010 00100 01000 10011 00011", "+": "00000 00100 00100 11111 00100 00100 00000",
    "'": "00100 00100 01000 00000 00000 00000 00000", "@": "01110 10001 10111 10101 10111 10000 01110",
}


def render_text(lines, scale=2, margin=12):
    lines = [ascii_fold(l).upper() for l in lines]
    cols = max(len(l) for l in lines)
    cw, ch = 6 * scale, 10 * scale
    w = cols * cw + 2 * margin
    h = len(lines) * ch + 2 * margin
    img = bytearray(b"\xff" * (w * h))
    for li, l in enumerate(lines):
        for ci, c in enumerate(l):
            g = _FONT.get(c)
            if not g:
                continue
            rows = g.split()
            for ry, row in enumerate(rows):
                for rx, bit in enumerate(row):
                    if bit == "1":
                        for dy in range(scale):
                            y = margin + li * ch + ry * scale + dy
                            base = y * w + margin + ci * cw + rx * scale
                            for dx in range(scale):
                                img[base + dx] = 0x20
    return w, h, bytes(img)


def make_png(lines, scale=2, frame=False):
    w, h, px = render_text(lines, scale)
    if frame:
        px = bytearray(px)
        for x in range(w):
            px[2 * w + x] = 0x40
            px[(h - 3) * w + x] = 0x40
        for y in range(h):
            px[y * w + 2] = 0x40
            px[y * w + w - 3] = 0x40
        px = bytes(px)
    raw = b"".join(b"\x00" + px[y * w:(y + 1) * w] for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------
# message content helpers
# ---------------------------------------------------------------------------
def greet(rng, p, formal=None):
    formal = rng.random() < 0.7 if formal is None else formal
    if formal:
        return pick(rng, ["%s %s %s:" % (p.estimad, p.title, p.name),
                          "%s %s %s," % (p.estimad, p.title, p.last.split()[0]),
                          "Apreciable %s %s:" % (p.title, p.short),
                          "%s paciente %s:" % (p.estimad, p.name),
                          "Buen día %s %s," % (p.title, p.last.split()[0])])
    return pick(rng, ["Hola %s," % p.first, "Hola %s!" % p.first.split()[0],
                      "Buenas tardes %s," % p.first, "%s, buen día." % p.first.split()[0]])


def closing(rng):
    return pick(rng, ["Saludos cordiales,", "Atentamente,", "Quedamos a sus órdenes.",
                      "Reciba un cordial saludo.", "Gracias,", "Saludos.", "Un saludo,", "Cordialmente,"])


def hour(rng):
    return "%d:%02d" % (rng.randint(7, 18), pick(rng, [0, 15, 30, 45]))


def Msg(frm, to, subject, text, html=None, atts=None, lang="es", cc=None):
    return {"frm": frm, "to": to, "subject": subject, "text": text, "html": html,
            "atts": atts or [], "lang": lang, "cc": cc}


def lab_values(rng, n=None, abnormal=True):
    tests = rng.sample(LABTESTS, n or rng.randint(3, 6))
    rows = []
    for name, unit, ref, rngv in tests:
        if isinstance(ref[0], float) or isinstance(rngv[0], float):
            v = round(rng.uniform(*rngv), 1)
        else:
            v = rng.randint(*rngv)
        flag = ""
        if v > ref[1]:
            flag = "ALTO"
        elif v < ref[0]:
            flag = "BAJO"
        rows.append([name, str(v), unit, "%s - %s" % ref, flag])
    return rows


# ===========================================================================
# PHI families (Spanish / mixed / Portuguese / French)
# ===========================================================================
def fam_es_lab_results(rng, inline=False):
    p = Person(rng)
    lab, dom = pick(rng, LABS)
    d = rand_date(rng)
    rows = lab_values(rng)
    folio = rand_id(rng, 3)
    doc = pick(rng, CLINICIANS)
    hdr = ["Paciente: " + p.name, "Fecha de nac.: " + fmt_date(rng, p.dob, pick(rng, [0, 4, 5])),
           "Edad: %d años   Sexo: %s" % (p.age, p.sex), folio,
           "Médico solicitante: " + doc, "Fecha de toma: " + fmt_date(rng, d, 0)]
    rng.shuffle(hdr)
    table_txt = ["%-34s %8s %-8s (ref. %s) %s" % tuple(r) for r in rows]
    t = rng.randint(0, 3)
    atts = []
    html = None
    if t == 0:
        subj = pick(rng, ["Resultados de laboratorio - %s" % folio.split()[-1],
                          "Sus resultados están listos", "Entrega de resultados %s" % fmt_date(rng, d, 0),
                          "Resultados estudio %s" % p.last.split()[0].upper()])
        body = [greet(rng, p), "",
                pick(rng, ["Le informamos que los resultados de los estudios realizados el %s ya se encuentran disponibles." % fmt_date(rng, d, 1),
                           "Por este medio le hacemos llegar los resultados de su toma de muestra del día %s." % fmt_date(rng, d, 1),
                           "Adjuntamos el reporte de resultados correspondiente a su visita del %s." % fmt_date(rng, d, 1)])]
        use_pdf = not inline and rng.random() < 0.6
        if use_pdf:
            body += ["", pick(rng, ["Encontrará el reporte en el archivo PDF adjunto.", "El reporte va adjunto en formato PDF.",
                                    "Ver archivo adjunto (PDF)."])]
            atts.append(("application/pdf", "resultados_%s.pdf" % folio.split("-")[-1],
                         make_pdf(hdr + [""] + table_txt + ["", "Validado por: Q.F.B. " + pick(rng, ["Irma Salcedo", "Leonel Ruiz", "Thi Ha Pham"])],
                                  title=lab), "pdf"))
        else:
            body += [""] + hdr + [""] + table_txt
        if any(r[4] for r in rows):
            body += ["", pick(rng, ["Algunos valores se encuentran fuera del rango de referencia; le sugerimos comentarlos con su médico.",
                                    "Se observan valores marcados como ALTO/BAJO. Consulte a su médico tratante.",
                                    "Recomendamos acudir con su médico para la interpretación de estos resultados."])]
        body += ["", closing(rng)] + org_signature(rng, lab, dom, role="Atención a pacientes") + maybe_disclaimer(rng, 0.7)
        if not inline and not use_pdf and rng.random() < 0.5:
            html = html_doc("Reporte de resultados", [greet(rng, p, True), "\n".join(hdr)],
                            [["Prueba", "Resultado", "Unidades", "Referencia", ""]] + rows,
                            footer=[lab, pick(rng, DISCLAIMERS)], rng=rng)
        to = addr(p.name, p.email, rng)
    elif t == 1:
        crit = pick(rng, [("Potasio sérico", "6.4 mmol/L"), ("Glucosa", "38 mg/dL"), ("Hemoglobina", "6.1 g/dL"),
                          ("Troponina I", "2.3 ng/mL"), ("Sodio", "121 mmol/L"), ("Plaquetas", "19 x10³/µL")])
        subj = pick(rng, ["VALOR CRÍTICO - paciente %s" % p.short, "Aviso de valor crítico %s" % folio.split()[-1],
                          "Urgente: resultado crítico"])
        body = ["%s:" % pick(rng, ["Estimado(a) " + doc, doc, "Buenas tardes " + doc]), "",
                pick(rng, ["Notificamos un valor crítico en la muestra de su paciente:",
                           "Conforme al protocolo de valores críticos informamos lo siguiente:"]),
                "", "Paciente: %s   Fecha de nac.: %s" % (p.name, fmt_date(rng, p.dob, 0)), folio,
                "%s: %s" % crit, "", pick(rng, ["Se intentó contacto telefónico sin éxito.",
                                                  "Se notificó por teléfono a las %s a enfermería." % hour(rng)]),
                "", closing(rng)] + org_signature(rng, lab, dom, "Q.F.B. " + pick(rng, ["Irma Salcedo", "Leonel Ruiz"]), "Responsable sanitario")
        to = "%s@%s" % (pick(rng, ["consultorio", "dr.agenda", "medicina.interna", "urgencias"]), pick(rng, CLINICS)[1])
    elif t == 2:
        v = rows[0]
        subj = pick(rng, ["Your lab results / Sus resultados de laboratorio", "Lab results ready - resultados listos",
                          "Results from your visit on %s" % d.strftime("%m/%d/%Y")])
        body = ["Hello %s / Hola %s %s," % (p.first.split()[0], p.title, p.last.split()[0]), "",
                "Your recent lab results are listed below. Sus resultados recientes son:", ""] + \
               ["- %s: %s %s %s" % (r[0], r[1], r[2], "(%s)" % r[4] if r[4] else "") for r in rows] + \
               ["", pick(rng, ["Dr. %s reviewed them and recommends a follow-up visit. / El doctor recomienda una cita de seguimiento." % doc.split()[-1],
                               "Please call us to discuss. Favor de llamarnos para hablar de sus resultados.",
                               "Your %s is above the goal; we will adjust your treatment at your next visit." % v[0]]),
                "", "DOB / Fecha de nac.: " + p.dob.strftime("%m/%d/%Y"), "",
                pick(rng, ["Nurse Care Team", "Equipo de Enfermería", "Care Coordination / Coordinación de Cuidados"])] + \
               org_signature(rng, *pick(rng, CLINICS[5:6] + CLINICS[1:2])) + maybe_disclaimer(rng, 0.6)
        to = addr(p.name, p.email, rng)
    else:
        subj = pick(rng, ["resultados %s" % p.first.split()[0].lower(), "RE: laboratorios", "labs de %s" % p.short,
                          "Fw: resultados"])
        r = rows[0]
        body = [pick(rng, ["Dra., le paso los labs de %s (%s):" % (p.name, fmt_date(rng, p.dob, 0)),
                           "Ya llegaron los resultados de la Sra/Sr %s, exp %s." % (p.last, rand_id(rng, 0).split()[-1]),
                           "Resultados de %s, fecha de nac. %s:" % (p.short, fmt_date(rng, p.dob, 5))]),
                "%s %s %s %s" % (r[0], r[1], r[2], r[4]),
                pick(rng, ["El resto normal.", "Todo lo demás dentro de rango.", "los demas ok", ""]),
                pick(rng, ["Le llamo para darle cita?", "Avíseme si quiere repetirlos.", "Saludos", "gracias!"])]
        body = [typo(rng, x, 0.04) for x in body]
        body += ["", pick(rng, ["Enviado desde mi iPhone", "Lupita - recepción", "--\nEnf. Marisela Ortiz", ""])]
        to = "%s@%s" % (pick(rng, ["dra.sauceda", "consultorio3", "dr.arriaga"]), pick(rng, CLINICS)[1])
        lab, dom = pick(rng, CLINICS)
    frm = addr(lab, pick(rng, ["resultados", "noreply", "laboratorio", "atencion", "recepcion"]) + "@" + dom, rng)
    if not inline and t != 0 and rng.random() < 0.3:
        atts.append(("application/pdf", "reporte_%s.pdf" % ascii_fold(p.last.split()[0]).lower(),
                     make_pdf(hdr + [""] + table_txt, title=lab), "pdf"))
    return Msg(frm, to, subj, "\n".join(body), html, atts)


def fam_es_appointment_procedure(rng, inline=False):
    p = Person(rng)
    clinic, dom = pick(rng, CLINICS)
    proc = pick(rng, PROCEDURES)
    d = rand_date(rng)
    h = hour(rng)
    doc = pick(rng, CLINICIANS)
    prep = {"colonoscopia": "Tome la solución evacuante (polietilenglicol) la tarde anterior y mantenga dieta de líquidos claros 24 horas antes.",
            "endoscopia digestiva alta": "Ayuno de 8 horas. Acuda acompañado; se aplicará sedación.",
            "cateterismo cardíaco": "Suspenda la metformina 48 horas antes y traiga su último electrocardiograma.",
            "histerectomía laparoscópica": "Preséntese 2 horas antes en admisión hospitalaria con sus estudios preoperatorios.",
            "sesión de hemodiálisis": "Recuerde no aplicar presión sobre su fístula y traer su carnet de diálisis."}.get(
        proc, pick(rng, ["Ayuno de 6 horas.", "No requiere preparación especial.", "Traiga sus estudios previos y una identificación.",
                         "Presentarse 20 minutos antes con su orden médica."]))
    t = rng.randint(0, 3)
    atts = []
    html = None
    ident = pick(rng, ["Paciente: %s" % p.name, "Nombre: %s %s" % (p.title, p.name), "Paciente: %s, %s" % (p.last.upper(), p.first)])
    if t == 0:
        subj = pick(rng, ["Confirmación de cita: %s" % proc, "Su cita de %s - %s" % (proc, fmt_date(rng, d, 0)),
                          "Cita programada %s" % fmt_date(rng, d, 1)])
        body = [greet(rng, p), "", pick(rng, ["Le confirmamos su cita para %s:" % proc,
                                              "Su %s ha quedado programada con los siguientes datos:" % proc,
                                              "Por medio del presente confirmamos la programación de su procedimiento (%s)." % proc]),
                "", ident, "Fecha: %s, %s" % (DAYS_ES[d.weekday()], fmt_date(rng, d, 1)), "Hora: " + h,
                "Médico: " + doc, "Lugar: %s, %s" % (clinic, "Unidad de Hemodiálisis" if "hemodiálisis" in proc else ("piso 2, endoscopia" if "scopia" in proc else pick(rng, ["Torre B consultorio 214", "área de procedimientos ambulatorios", "planta baja, imagenología", "segundo piso"]))),
                "", "Indicaciones: " + prep, "", pick(rng, ["Si necesita reprogramar, llámenos con 48 horas de anticipación.",
                                                             "Para cancelar responda a este correo.", ""]), closing(rng)]
        body += org_signature(rng, clinic, dom, role="Agenda y Citas") + maybe_disclaimer(rng, 0.6)
    elif t == 1:
        subj = pick(rng, ["Recordatorio de cita", "Recordatorio: mañana %s" % proc, "Reminder / Recordatorio - %s" % proc])
        body = [pick(rng, ["%s, le recordamos su %s mañana %s a las %s con %s." % (p.first.split()[0], proc, fmt_date(rng, d, 0), h, doc),
                           "Recordatorio: %s %s tiene %s el %s %s hrs. %s" % (p.title, p.last.split()[0], proc, fmt_date(rng, d, 0), h, prep),
                           "Reminder: %s, your %s (%s) is on %s at %s. Recuerde: %s" % (p.first.split()[0], proc, "procedimiento", d.strftime("%m/%d/%Y"), h, prep)]),
                "", pick(rng, ["Responda SI para confirmar o NO para cancelar.", "Confirme al 800 %03d %04d." % (rng.randint(100, 999), rng.randint(0, 9999)), ""]),
                clinic]
    elif t == 2:
        subj = pick(rng, ["Cambio de fecha de su %s" % proc, "Reprogramación de cita", "Aviso: su procedimiento fue reprogramado"])
        d2 = d + _dt.timedelta(days=rng.randint(3, 20))
        body = [greet(rng, p), "", "Lamentamos informarle que por %s su %s del %s debe moverse al %s a las %s." % (
            pick(rng, ["mantenimiento del equipo", "ausencia del médico", "falta de insumos"]), proc, fmt_date(rng, d, 0), fmt_date(rng, d2, 1), h),
                pick(rng, ["El diagnóstico de envío (%s) y su orden siguen vigentes." % pick(rng, CONDITIONS)[0],
                           "Continúe con su tratamiento actual hasta la nueva fecha.", ""]),
                "", ident, rand_id(rng), "", closing(rng)] + org_signature(rng, clinic, dom) + maybe_disclaimer(rng)
    else:
        cond = pick(rng, CONDITIONS)[0]
        subj = pick(rng, ["Cita con especialista", "Referencia a %s" % pick(rng, ["cardiología", "oncología", "nefrología", "endocrinología", "psiquiatría"]),
                          "Interconsulta agendada"])
        body = [greet(rng, p), "", "Su médico familiar le refirió por %s. Le agendamos con %s el %s a las %s para %s." % (
            cond, doc, fmt_date(rng, d, 1), h, proc), "", prep, "", ident, "Fecha de nac.: " + fmt_date(rng, p.dob, 0), "", closing(rng)] + \
               org_signature(rng, clinic, dom, role="Referencias y Contrarreferencias")
    if not inline and t != 1 and rng.random() < 0.55:
        start = _dt.datetime(d.year, d.month, d.day, int(h.split(":")[0]), int(h.split(":")[1]))
        atts.append(("text/calendar; method=REQUEST; charset=UTF-8", "cita.ics",
                     make_ics(rng, "%s - %s" % (proc.capitalize(), p.name), start, rng.choice([30, 45, 60, 120]),
                              clinic, "Paciente: %s. %s" % (p.name, prep), (clinic, "citas@" + dom)), "ics"))
    if not inline and t == 0 and rng.random() < 0.4:
        html = html_doc("Confirmación de cita", [greet(rng, p, True)], [["Campo", "Dato"], ["Paciente", p.name], ["Procedimiento", proc],
                                                                        ["Fecha", fmt_date(rng, d, 1)], ["Hora", h], ["Médico", doc], ["Indicaciones", prep]],
                        footer=[clinic], rng=rng)
    frm = addr(clinic, pick(rng, ["citas", "agenda", "no-reply", "recordatorios"]) + "@" + dom, rng)
    return Msg(frm, addr(p.name, p.email, rng), subj, "\n".join(body), html, atts)


def fam_es_pharmacy_pickup(rng, inline=False):
    p = Person(rng)
    ph, dom = pick(rng, PHARMS)
    med, sig = pick(rng, MEDS)
    rx = pick(rng, ["Receta #%d" % rng.randint(100000, 9999999), "Rx %07d" % rng.randint(0, 9999999), "Folio receta %s-%d" % (rng.choice("ABC"), rng.randint(1000, 99999))])
    suc = pick(rng, ["Sucursal Centro", "Sucursal Las Torres", "Sucursal Av. Juárez", "Sucursal Plaza Norte"])
    t = rng.randint(0, 3)
    html = None
    if t == 0:
        subj = pick(rng, ["Su receta está lista", "Receta lista para recoger", "Listo para recoger: %s" % med.split()[0]])
        body = [greet(rng, p), "", pick(rng, ["Su medicamento ya está listo para recoger en %s." % suc,
                                              "Le avisamos que su surtido está listo en %s." % suc]),
                "", "Paciente: " + p.name, rx, "Medicamento: " + med, "Indicación: " + sig,
                "Prescrito por: " + pick(rng, CLINICIANS), "", pick(rng, ["Lo guardaremos 7 días.", "Recuerde traer su identificación.", "Horario 8:00 a 22:00."]),
                "", closing(rng)] + org_signature(rng, ph, dom) + maybe_disclaimer(rng, 0.4)
        if not inline and rng.random() < 0.4:
            html = html_doc("Receta lista", [greet(rng, p, True), "Su medicamento está listo en %s." % suc],
                            [["Paciente", "Medicamento", "Indicación", "Receta"], [p.name, med, sig, rx]], footer=[ph], rng=rng)
    elif t == 1:
        subj = pick(rng, ["Es hora de resurtir su medicamento", "Recordatorio de resurtido", "Refill reminder / Resurtido"])
        body = [greet(rng, p, False), "", pick(rng, ["Según nuestros registros su %s se termina el %s." % (med, fmt_date(rng, rand_date(rng), 0)),
                                                     "Ya casi se le acaba su %s. ¿Desea que lo preparemos?" % med]),
                "Le quedan %d resurtidos de su receta (%s)." % (rng.randint(0, 5), rx), "", ph]
    elif t == 2:
        subj = pick(rng, ["Problema con su receta", "Autorización previa requerida", "Aviso sobre su medicamento"])
        body = [greet(rng, p), "", "Su seguro rechazó la cobertura de %s porque requiere autorización previa." % med,
                "Ya enviamos la solicitud a %s. Mientras tanto puede pagar el genérico a $%d." % (pick(rng, CLINICIANS), rng.randint(90, 900)),
                "", "Paciente: %s   Fecha de nac.: %s" % (p.name, fmt_date(rng, p.dob, 0)), rx, "", closing(rng)] + org_signature(rng, ph, dom, role="Farmacéutico responsable")
    else:
        subj = pick(rng, ["Entrega a domicilio programada", "Su pedido de farmacia", "Pedido #%d en camino" % rng.randint(10000, 99999)])
        body = [greet(rng, p, False), "", "Su pedido con %s y %s va en camino a %s %d." % (med, pick(rng, MEDS)[0], pick(rng, ["Calle Olmo", "Av. Patria", "Calle Cedro"]), rng.randint(1, 900)),
                "Requiere cadena de frío: %s." % pick(rng, ["sí", "no"]), "Receta: " + rx, "", ph]
    frm = addr(ph, pick(rng, ["avisos", "recetas", "noreply", "farmacia"]) + "@" + dom, rng)
    return Msg(frm, addr(p.name, p.email, rng), subj, "\n".join(body), html)


def fam_es_discharge(rng, inline=False):
    p = Person(rng)
    clinic, dom = pick(rng, CLINICS[:5] + CLINICS[6:7])
    cond, code = pick(rng, CONDITIONS)
    meds = rng.sample(MEDS, rng.randint(1, 3))
    din = rand_date(rng)
    dout = din + _dt.timedelta(days=rng.randint(1, 9))
    doc = pick(rng, CLINICIANS)
    alarm = pick(rng, ["fiebre mayor de 38.5 °C, dolor que no cede o sangrado", "dificultad para respirar o dolor en el pecho",
                       "confusión, vómito persistente o desmayo", "hinchazón de piernas o orina escasa"])
    lines = ["Paciente: %s" % p.name, "Fecha de nac.: %s" % fmt_date(rng, p.dob, 0), rand_id(rng, pick(rng, [0, 1, 6])),
             "Fecha de ingreso: %s   Fecha de egreso: %s" % (fmt_date(rng, din, 0), fmt_date(rng, dout, 0)),
             "Diagnóstico de egreso: %s (CIE-10 %s)" % (cond, code), "Médico tratante: " + doc, "",
             "Medicamentos:"] + ["  - %s: %s" % m for m in meds] + \
            ["", "Dieta: " + pick(rng, ["blanda por 5 días", "baja en sal", "para diabético", "normal"]),
             "Actividad: " + pick(rng, ["reposo relativo 7 días", "no cargar objetos pesados por 6 semanas", "caminar 20 minutos diarios"]),
             "Acuda a urgencias si presenta: " + alarm,
             "Cita de control: %s con %s" % (fmt_date(rng, dout + _dt.timedelta(days=rng.randint(7, 30)), 1), pick(rng, CLINICIANS))]
    t = rng.randint(0, 2)
    atts = []
    who = pick(rng, ["patient", "family"])
    if who == "family":
        fam = Person(rng)
        to = addr(fam.name, fam.email, rng)
        g = "%s %s %s:" % (fam.estimad, fam.title, fam.name) if rng.random() < 0.6 else "Estimada familia %s:" % p.last.split()[0]
        intro = "Como familiar responsable de %s %s, le enviamos las indicaciones de alta." % (p.title, p.name)
    else:
        to = addr(p.name, p.email, rng)
        g = greet(rng, p)
        intro = pick(rng, ["Le enviamos por escrito sus indicaciones de alta.", "Adjuntamos su resumen de egreso e instrucciones de cuidado en casa.",
                           "Como se le explicó al salir del hospital, estas son sus indicaciones."])
    subj = pick(rng, ["Indicaciones de alta", "Resumen de egreso - %s" % p.last.split()[0], "Instrucciones de alta hospitalaria",
                      "Discharge instructions / Indicaciones de alta", "Alta médica %s" % fmt_date(rng, dout, 0)])
    if inline or t == 0:
        body = [g, "", intro, ""] + lines
    else:
        body = [g, "", intro, pick(rng, ["Encontrará el documento adjunto.", "Ver documento anexo.", "Favor de leer el adjunto y conservarlo."])]
        if t == 1:
            atts.append(("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "indicaciones_alta_%s.docx" % ascii_fold(p.last.split()[0]).lower(), make_docx([clinic, "INDICACIONES DE ALTA", ""] + lines), "docx"))
        else:
            atts.append(("application/pdf", "resumen_egreso.pdf", make_pdf(lines, title="%s - Resumen de egreso" % clinic), "pdf"))
    body += ["", closing(rng)] + org_signature(rng, clinic, dom, pick(rng, ["Enf. Rosalba Medina", "Lic. Enf. Samuel Toh", None]),
                                                pick(rng, ["Coordinación de Enfermería", "Trabajo Social", "Hospitalización"])) + maybe_disclaimer(rng, 0.7)
    return Msg(addr(clinic, pick(rng, ["altas", "hospitalizacion", "enfermeria"]) + "@" + dom, rng), to, subj, "\n".join(body), None, atts)


def fam_es_sick_note(rng, inline=False):
    p = Person(rng)
    emp, dom = pick(rng, EMPLOYERS)
    cond = pick(rng, CONDITIONS)[0]
    days = rng.randint(2, 21)
    d = rand_date(rng)
    boss = Person(rng)
    hr = Person(rng)
    t = rng.randint(0, 3)
    atts = []
    if t == 0:   # employee -> HR
        subj = pick(rng, ["incapacidad", "Incapacidad IMSS", "justificante médico", "Baja médica", "falta de hoy"])
        body = [pick(rng, ["Buenos días Lic. %s," % hr.last.split()[0], "Hola %s," % hr.first.split()[0], "Buen dia RH,"]), "",
                typo(rng, pick(rng, ["Le envío mi incapacidad por %d días, me diagnosticaron %s." % (days, cond),
                                     "Adjunto el justificante, el doctor dice que tengo %s y debo guardar reposo %d dias." % (cond, days),
                                     "no voy a poder ir esta semana, estoy con %s. Mando foto de la incapacidad." % cond]), 0.05),
                pick(rng, ["Regreso el %s." % fmt_date(rng, d + _dt.timedelta(days=days), 0), "Cualquier cosa me avisan.", ""]),
                "", pick(rng, ["Saludos", "Gracias", "Atte."]), p.name, pick(rng, ["Línea 3 - turno B", "Almacén", "Recepción", "Operador %d" % rng.randint(100, 999)])]
        frm, to = addr(p.name, p.email, rng), addr("Recursos Humanos", "rh@" + dom, rng)
    elif t == 1:  # HR -> supervisor
        subj = pick(rng, ["Ausencia de %s" % p.short, "Licencia médica - %s" % p.name, "Cobertura de turno"])
        body = ["%s," % boss.first.split()[0], "", "Te informo que %s estará de licencia médica del %s al %s %s." % (
            p.name, fmt_date(rng, d, 0), fmt_date(rng, d + _dt.timedelta(days=days), 0),
            pick(rng, ["por %s" % cond, "(cirugía: %s)" % pick(rng, PROCEDURES), "por complicaciones de %s" % cond])),
                pick(rng, ["Favor de organizar la cobertura del turno.", "Por favor maneja esta información con discreción.", ""]),
                "", closing(rng), hr.name, "Recursos Humanos", emp] + maybe_disclaimer(rng, 0.5)
        frm, to = addr(hr.name, ascii_fold(hr.first.split()[0]).lower() + "." + ascii_fold(hr.last.split()[0]).lower() + "@" + dom, rng), \
            addr(boss.name, ascii_fold(boss.first.split()[0]).lower() + "@" + dom, rng)
    elif t == 2:  # doctor certificate
        clinic, cdom = pick(rng, CLINICS)
        doc = pick(rng, CLINICIANS)
        cert = ["CONSTANCIA MÉDICA", "", "A quien corresponda:", "",
                "Se hace constar que %s %s, de %d años, con fecha de nacimiento %s, fue valorado(a) en esta unidad el %s "
                "con diagnóstico de %s, por lo que requiere reposo de %d días a partir de esta fecha." % (
                    p.title, p.name, p.age, fmt_date(rng, p.dob, 0), fmt_date(rng, d, 1), cond, days),
                "", "Se extiende la presente a petición del interesado para los fines que convengan.", "", doc,
                "Céd. Prof. %d" % rng.randint(1000000, 9999999), clinic]
        subj = pick(rng, ["Constancia médica %s" % p.last.split()[0], "Certificado de reposo", "Constancia solicitada"])
        if inline:
            body = [greet(rng, p), "", "Le enviamos la constancia solicitada:", ""] + cert
        else:
            body = [greet(rng, p), "", "Adjunto la constancia médica solicitada en su consulta.", "", closing(rng)] + org_signature(rng, clinic, cdom)
            if rng.random() < 0.5:
                atts.append(("application/pdf", "constancia_medica.pdf", make_pdf(cert), "pdf"))
            else:
                atts.append(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "constancia.docx", make_docx(cert), "docx"))
        frm, to = addr(clinic, "consultorio@" + cdom, rng), addr(p.name, p.email, rng)
    else:  # short English/Spanish mix from employee
        subj = pick(rng, ["out sick", "no puedo ir hoy", "Sick day"])
        body = [typo(rng, pick(rng, ["Hi %s, me dio %s otra vez, el doctor me dio 3 dias. Sorry!" % (boss.first.split()[0], pick(rng, ["la migraña", "el asma", "la gastritis", "la presión alta"])),
                                     "Jefe no voy a ir, estoy en urgencias con mi %s, le dio %s." % (pick(rng, ["hijo", "esposa", "mamá"]), pick(rng, ["neumonía", "dengue", "una crisis de asma"])),
                                     "Good morning, I won't make it today - my %s flared up, tengo cita con el reumatólogo." % pick(rng, ["lupus", "artritis", "crohn's"])]), 0.05),
                "", p.first.split()[0]]
        frm, to = addr(p.name, p.email, rng), addr(boss.name, ascii_fold(boss.first.split()[0]).lower() + "@" + dom, rng)
    return Msg(frm, to, subj, "\n".join(body), None, atts)


def fam_es_benefits_letter(rng, inline=False):
    p = Person(rng)
    payer, dom = pick(rng, PAYERS)
    proc = pick(rng, PROCEDURES)
    cond, code = pick(rng, CONDITIONS)
    mid = rand_id(rng, 5)
    d = rand_date(rng)
    t = rng.randint(0, 2)
    atts = []
    html = None
    if t == 0:
        dec = rng.random() < 0.5
        subj = pick(rng, ["Resolución de autorización %s" % ("aprobada" if dec else "denegada"), "Su solicitud de autorización",
                          "Carta de determinación de beneficios"])
        body = [greet(rng, p, True), "", "Hemos revisado la solicitud de autorización previa para %s enviada por %s." % (proc, pick(rng, CLINICIANS)),
                "Resultado: %s." % ("APROBADA por %d sesiones/eventos" % rng.randint(1, 6) if dec else
                                    "DENEGADA - no cumple criterios de necesidad médica para %s (%s)" % (cond, code)),
                "", "Asegurado: " + p.name, mid, "Fecha de nac.: " + fmt_date(rng, p.dob, 0), "Número de caso: AUT-%07d" % rng.randint(0, 9999999),
                "", pick(rng, ["Tiene derecho a apelar esta decisión dentro de 60 días.", "Para dudas comuníquese a nuestra línea de atención 24/7."]),
                "", closing(rng)] + org_signature(rng, payer, dom, role="Departamento de Autorizaciones") + maybe_disclaimer(rng, 0.8)
    elif t == 1:
        subj = pick(rng, ["Explicación de beneficios (EOB)", "Estado de cuenta de reclamación", "Explanation of Benefits / Explicación de beneficios"])
        rows = [["Fecha", "Servicio", "Dx", "Monto", "Pagado", "Su parte"]]
        for _ in range(rng.randint(1, 4)):
            amt = rng.randint(300, 15000)
            paid = int(amt * rng.uniform(0.5, 0.95))
            rows.append([fmt_date(rng, rand_date(rng), 0), pick(rng, PROCEDURES + ["consulta de especialidad", "urgencias"]), code, "$%d" % amt, "$%d" % paid, "$%d" % (amt - paid)])
        body = [greet(rng, p, True), "", "Le enviamos la explicación de beneficios de las reclamaciones procesadas.",
                "Asegurado: %s   %s" % (p.name, mid), ""] + ["  ".join(r) for r in rows] + ["", "Este documento no es una factura.", payer]
        if not inline and rng.random() < 0.6:
            html = html_doc("Explicación de beneficios", ["Asegurado: %s" % p.name, mid, "Diagnóstico: %s" % cond], rows, footer=[payer, "Este documento no es una factura."], rng=rng)
        if not inline and rng.random() < 0.4:
            atts.append(("application/pdf", "EOB_%s.pdf" % d.strftime("%Y%m"), make_pdf(["Asegurado: " + p.name, mid, ""] + ["  ".join(r) for r in rows], title=payer), "pdf"))
    else:
        subj = pick(rng, ["Reembolso procesado", "Su reembolso de gastos médicos", "Trámite de reembolso %d" % rng.randint(1000, 99999)])
        body = [greet(rng, p), "", "Su reembolso por %s (diagnóstico %s) fue aprobado por $%s MXN y será depositado en 5 días hábiles." % (
            pick(rng, PROCEDURES), cond, "{:,}".format(rng.randint(800, 48000))), "", mid, closing(rng)] + org_signature(rng, payer, dom)
    return Msg(addr(payer, pick(rng, ["notificaciones", "beneficios", "autorizaciones"]) + "@" + dom, rng), addr(p.name, p.email, rng),
               subj, "\n".join(body), html, atts)


def fam_es_family_illness(rng, inline=False):
    sender = Person(rng)
    rel = pick(rng, [("la abuela", "F"), ("mi mamá", "F"), ("mi papá", "M"), ("el tío", "M"), ("la tía", "F"), ("mi hermano", "M"), ("mi suegra", "F")])
    sick = Person(rng, sex=rel[1], age=rng.randint(45, 90))
    sick.last = sender.last if rng.random() < 0.5 else sick.last
    nm = pick(rng, [sick.first.split()[0], "%s %s" % (rel[0], sick.first.split()[0])])
    cond = pick(rng, ["cáncer de colon", "un tumor en el pulmón", "alzheimer", "diabetes y le van a cortar un dedo del pie",
                      "un infarto", "un derrame cerebral", "covid y está intubado", "cirrosis", "leucemia", "parkinson",
                      "insuficiencia renal, va a empezar diálisis", "depresión muy fuerte"])
    hosp = pick(rng, [c[0] for c in CLINICS])
    t = rng.randint(0, 3)
    if t == 0:
        subj = pick(rng, ["noticias de %s" % rel[0].split()[-1], "%s" % sick.first.split()[0], "urgente familia", "Sobre %s" % rel[0]])
        body = [pick(rng, ["Hola a todos,", "Familia:", "Queridos primos,", "Hola hermanos"]), "",
                typo(rng, "Les escribo para contarles que a %s (%s) le diagnosticaron %s. Está en %s, cuarto %d." % (
                    rel[0], sick.name, cond, hosp, rng.randint(100, 650)), 0.05),
                typo(rng, pick(rng, ["Los doctores dicen que hay que esperar los estudios de la semana que viene.",
                                     "Le van a hacer %s el %s." % (pick(rng, PROCEDURES), fmt_date(rng, rand_date(rng), 0)),
                                     "Está estable pero muy cansada/o, no quiere que se enteren todos todavía."]), 0.05),
                typo(rng, pick(rng, ["Si pueden visitarla el domingo mejor.", "Les pido oraciones.", "Vamos a hacer turnos para cuidarla en la noche.",
                                     "Les aviso cualquier cambio."]), 0.05), "", pick(rng, ["Los quiero", "Besos", "Abrazos", "Un abrazo"]),
                sender.first.split()[0]]
    elif t == 1:
        subj = pick(rng, ["Mom update", "update on Dad / papá", "RE: %s" % sick.first.split()[0]])
        body = [pick(rng, ["Hey guys,", "Hi all / hola,", "Quick update:"]), "",
                typo(rng, "%s's biopsy came back, es %s. They want to start treatment at %s next week." % (
                    sick.first.split()[0], pick(rng, ["maligno, stage 2", "benigno gracias a Dios", "linfoma"]), hosp), 0.04),
                typo(rng, pick(rng, ["El doctor dijo que la quimio son 6 ciclos.", "She's taking %s now, se marea mucho." % pick(rng, MEDS)[0],
                                     "Can someone take him to the appointment on %s? yo trabajo." % fmt_date(rng, rand_date(rng), 5)]), 0.04),
                "", pick(rng, ["love you all", "xo", "- " + sender.first.split()[0], sender.first.split()[0]])]
    elif t == 2:
        subj = pick(rng, ["%s" % sick.first, "lo de %s" % nm, "pregunta"])
        body = [typo(rng, pick(rng, ["oye, supiste que a %s le encontraron %s? me dijo %s que ya está con tratamiento." % (nm, cond, pick(rng, FIRST_F)),
                                     "%s salió positivo en la prueba de VIH, no le digas a nadie porfa." % nm,
                                     "ya dieron de alta a %s, le quedó %s. hay que turnarnos para ayudarle." % (nm, pick(rng, ["la mitad del cuerpo paralizada", "una sonda", "oxígeno en casa"]))]), 0.06),
                "", sender.first.split()[0].lower()]
    else:
        subj = pick(rng, ["Gastos médicos de %s" % rel[0], "cuentas del hospital", "medicinas de %s" % nm])
        body = ["Hermanos:", "", "Les paso las cuentas de %s %s:" % (sick.title, sick.name),
                "- %s: $%s" % (pick(rng, PROCEDURES), "{:,}".format(rng.randint(2000, 90000))),
                "- %s (un mes): $%d" % (pick(rng, MEDS)[0], rng.randint(150, 4000)),
                "- consulta con %s: $%d" % (pick(rng, CLINICIANS), rng.randint(500, 2500)),
                "", typo(rng, "Por lo de %s va a necesitar mas estudios, yo pongo la mitad si ustedes ponen el resto." % cond, 0.05), "", sender.first.split()[0]]
    rcp = [Person(rng) for _ in range(rng.randint(1, 3))]
    return Msg(addr(sender.name, sender.email, rng), ", ".join(addr(r.name, r.email, rng) for r in rcp), subj, "\n".join(body))


def fam_es_school_medication(rng, inline=False):
    parent = Person(rng)
    child = Person(rng, age=rng.randint(6, 15))
    child.last = parent.last
    school, dom = pick(rng, SCHOOLS)
    grade = "%d°%s" % (rng.randint(1, 6), rng.choice("ABC"))
    cond, medsig = pick(rng, [("asma", ("salbutamol inhalador", "2 disparos si tiene tos o falta de aire")),
                              ("epilepsia", ("ácido valproico 250 mg", "1 tableta a las 13:00")),
                              ("TDAH", ("metilfenidato 10 mg", "1 tableta a la hora del recreo")),
                              ("diabetes tipo 1", ("insulina lispro", "según glucometría antes del almuerzo")),
                              ("alergia grave al cacahuate", ("autoinyector de epinefrina 0.3 mg", "aplicar en muslo si hay reacción y llamar al 911")),
                              ("infección de oído", ("amoxicilina suspensión 250 mg/5 ml", "5 ml a las 12:00 por 7 días"))])
    t = rng.randint(0, 3)
    atts = []
    if t == 0:
        subj = pick(rng, ["Medicamento de %s %s" % (child.first.split()[0], grade), "Autorización de medicamento", "%s - %s" % (child.name, cond)])
        body = [pick(rng, ["Estimada maestra %s:" % pick(rng, ["Leticia", "Norma", "Sonia", "Beatriz"]), "Buenos días enfermería,", "Profesor %s," % pick(rng, ["Alan", "Rubén", "Gerardo"])]),
                "", typo(rng, "Le escribo porque mi %s %s, del grupo %s, tiene %s y necesita %s: %s." % (
                    "hija" if child.sex == "F" else "hijo", child.first, grade, cond, medsig[0], medsig[1]), 0.04),
                typo(rng, pick(rng, ["Le mando el medicamento en su mochila con su nombre.", "Adjunto la receta del pediatra.",
                                     "Por favor avíseme si lo nota decaído.", "Ya firmé el formato de autorización."]), 0.04),
                "", pick(rng, ["Gracias de antemano.", "Muchas gracias.", "Quedo al pendiente."]), parent.name,
                pick(rng, ["Cel. 55 %04d %04d" % (rng.randint(0, 9999), rng.randint(0, 9999)), "mamá de %s" % child.first.split()[0], "papá de %s" % child.first.split()[0]])]
        frm, to = addr(parent.name, parent.email, rng), addr(school, pick(rng, ["enfermeria", "direccion", "maestros"]) + "@" + dom, rng)
        if not inline and rng.random() < 0.75:
            form = ["FORMATO DE AUTORIZACIÓN PARA ADMINISTRAR MEDICAMENTOS", "", "Alumno(a): " + child.name, "Grupo: " + grade,
                    "Fecha de nac.: " + fmt_date(rng, child.dob, 0), "Diagnóstico: " + cond, "Medicamento: " + medsig[0], "Dosis/horario: " + medsig[1],
                    "Médico: " + pick(rng, CLINICIANS), "Padre/madre/tutor: " + parent.name, "Firma: ____________"]
            if rng.random() < 0.5:
                atts.append(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "autorizacion_medicamento.docx", make_docx(form), "docx"))
            else:
                atts.append(("application/pdf", "autorizacion_%s.pdf" % ascii_fold(child.first.split()[0]).lower(), make_pdf(form), "pdf"))
    elif t == 1:
        subj = pick(rng, ["Incidente en enfermería", "Aviso de enfermería escolar", "Su %s hoy en la escuela" % ("hija" if child.sex == "F" else "hijo")])
        body = [greet(rng, parent), "", "Le informamos que %s (%s) presentó hoy %s a las %s. %s" % (
            child.first, grade, pick(rng, ["una crisis convulsiva de 2 minutos", "dificultad para respirar", "glucosa de 54 mg/dL", "una reacción alérgica en la cara"]),
            hour(rng), pick(rng, ["Se le administró su medicamento y se recuperó.", "Se llamó a la ambulancia.", "Está en enfermería esperando que pasen por él/ella."])),
                "", closing(rng), pick(rng, ["Enf. Gloria Treviño", "Nurse Amanda Ruiz, RN", "Enfermería escolar"]), school] + maybe_disclaimer(rng, 0.3)
        frm, to = addr(school, "enfermeria@" + dom, rng), addr(parent.name, parent.email, rng)
    elif t == 2:
        subj = pick(rng, ["Ausencia de %s" % child.first.split()[0], "justificante", "Absence note / justificante"])
        body = [typo(rng, pick(rng, ["Buenas noches maestra, %s no va a ir mañana porque le dio %s, el doctor le mandó reposo." % (child.first.split()[0], pick(rng, ["varicela", "influenza", "conjuntivitis", "bronquitis"])),
                                     "Hello, %s will be absent this week - tiene neumonía, le mando la nota del pediatra." % child.first.split()[0],
                                     "Maestro disculpe, %s estuvo internado por %s, regresa el lunes." % (child.first.split()[0], pick(rng, ["apendicitis", "deshidratación", "una fractura"]))]), 0.06),
                "", parent.first.split()[0]]
        frm, to = addr(parent.name, parent.email, rng), addr(None, pick(rng, ["maestra.", "prof."]) + pick(rng, ["lety", "norma", "ruben"]) + "@" + dom, rng)
    else:
        subj = pick(rng, ["Plan de cuidado 504 / IEP", "Reunión sobre plan de salud de %s" % child.first.split()[0], "Plan individual de salud"])
        body = [greet(rng, parent, True), "", "Para actualizar el plan individual de salud de %s (%s, fecha de nac. %s) por %s, necesitamos la orden médica firmada y la receta de %s." % (
            child.name, grade, fmt_date(rng, child.dob, 0), cond, medsig[0]), "La reunión será el %s a las %s." % (fmt_date(rng, rand_date(rng), 1), hour(rng)), "",
                closing(rng), "Coordinación de Servicios Estudiantiles", school]
        frm, to = addr(school, "servicios.estudiantiles@" + dom, rng), addr(parent.name, parent.email, rng)
    return Msg(frm, to, subj, "\n".join(body), None, atts)


def fam_pt_patient(rng, inline=False):
    p = Person(rng, "pt")
    clinic, dom = pick(rng, [("Clínica Bem Viver", "clinicabemviver.com.br"), ("UBS Jardim das Flores", "ubsjardimflores.gov.br"),
                             ("Laboratório Vida Nova", "labvidanova.com.br"), ("Centro de Saúde de Alvalade", "csalvalade.pt")])
    d = rand_date(rng)
    cond = pick(rng, ["diabetes tipo 2", "hipertensão arterial", "asma", "depressão", "hepatite B", "gravidez de 12 semanas", "anemia ferropriva", "tuberculose"])
    t = rng.randint(0, 2)
    atts = []
    if t == 0:
        subj = pick(rng, ["Resultado de exames", "Seus resultados estão disponíveis", "Resultados - %s" % p.last.split()[0]])
        rows = lab_values(rng, 3)
        body = ["Prezado(a) %s," % p.name, "", "Informamos que os resultados dos exames colhidos em %s estão prontos." % fmt_date_pt(d), "",
                "Paciente: %s" % p.name, "Data de nasc.: %s" % p.dob.strftime("%d/%m/%Y"), "CNS %03d %04d %04d %04d" % (rng.randint(700, 999), rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(0, 9999)), ""] + \
               ["%s: %s %s %s" % (r[0], r[1], r[2], r[4]) for r in rows] + ["", "Procure seu médico para avaliação.", "Atenciosamente,", clinic]
    elif t == 1:
        subj = pick(rng, ["Consulta agendada", "Agendamento de consulta", "Lembrete de consulta"])
        body = ["Olá %s," % p.first, "", "Sua consulta de acompanhamento de %s foi agendada para %s às %s com %s." % (
            cond, fmt_date_pt(d), hour(rng), pick(rng, ["Dra. Luciana Prado", "Dr. Evandro Matos", "Dra. Keiko Sato"])),
                "Traga seu cartão do SUS e os exames anteriores.", "", clinic]
    else:
        med, sig = pick(rng, [("losartana 50 mg", "1 comprimido por dia"), ("metformina 850 mg", "1 comprimido 2x ao dia"),
                              ("sulfato ferroso 40 mg", "1 comprimido em jejum"), ("fluoxetina 20 mg", "1 cápsula pela manhã")])
        subj = pick(rng, ["Receita médica", "Sua receita", "Renovação de receita"])
        presc = ["RECEITUÁRIO", "Paciente: " + p.name, "Data de nasc.: " + p.dob.strftime("%d/%m/%Y"), "Diagnóstico: " + cond, "Uso contínuo: %s - %s" % (med, sig),
                 "Data: " + d.strftime("%d/%m/%Y")]
        body = ["Bom dia %s," % p.first, "", "Segue a renovação da sua receita."]
        if inline or rng.random() < 0.5:
            body += [""] + presc
        else:
            atts.append(("application/pdf", "receita.pdf", make_pdf(presc, title=clinic), "pdf"))
        body += ["", "Abraço,", "Equipe " + clinic]
    body += maybe_disclaimer(rng, 0.2)
    return Msg(addr(clinic, "atendimento@" + dom, rng), addr(p.name, p.email, rng), subj, "\n".join(body), None, atts, "pt")


def fam_fr_patient(rng, inline=False):
    p = Person(rng, "fr")
    clinic, dom = pick(rng, [("Centre de santé Belleville", "cs-belleville.fr"), ("Laboratoire BioSud", "biosud-labo.fr"),
                             ("Cabinet médical des Tilleuls", "cabinet-tilleuls.fr"), ("Clinique du Parc, Montréal", "cliniqueduparc.qc.ca")])
    d = rand_date(rng)
    cond = pick(rng, ["diabète de type 2", "hypertension artérielle", "asthme", "dépression", "insuffisance rénale", "grossesse", "sclérose en plaques", "VIH"])
    t = rng.randint(0, 2)
    atts = []
    if t == 0:
        subj = pick(rng, ["Vos résultats d'analyses", "Résultats disponibles", "Compte rendu de biologie"])
        rows = lab_values(rng, 3)
        body = ["%s %s %s," % (pick(rng, ["Bonjour", "Madame, Monsieur", "Cher/Chère"]), "Mme" if p.sex == "F" else "M.", p.last), "",
                "Vos résultats du %s sont disponibles :" % fmt_date_fr(d), "", "Patient : " + p.name, "Né(e) le : " + p.dob.strftime("%d/%m/%Y"),
                "N° dossier : %d" % rng.randint(100000, 999999), ""] + ["%s : %s %s %s" % (r[0], r[1], r[2], r[4]) for r in rows] + \
               ["", "Merci de les transmettre à votre médecin traitant.", "Cordialement,", clinic]
    elif t == 1:
        subj = pick(rng, ["Ordonnance", "Votre ordonnance renouvelée", "Renouvellement de traitement"])
        ordo = ["ORDONNANCE", "Patient : " + p.name, "Date de naissance : " + p.dob.strftime("%d/%m/%Y"), "Motif : suivi " + cond,
                "%s - %s" % pick(rng, [("metformine 1000 mg", "1 cp matin et soir"), ("ramipril 5 mg", "1 cp le matin"), ("sertraline 50 mg", "1 cp par jour")]),
                "QSP 3 mois", "Dr " + pick(rng, ["Anne Rousseau", "Karim Bensaïd", "Paul Ndiaye"])]
        body = ["Bonjour %s," % p.first, "", "Veuillez trouver votre ordonnance pour le suivi de votre %s." % cond]
        if inline or rng.random() < 0.5:
            body += [""] + ordo
        else:
            atts.append(("application/pdf", "ordonnance.pdf", make_pdf(ordo), "pdf"))
        body += ["", "Bien à vous,", clinic]
    else:
        subj = pick(rng, ["Rendez-vous confirmé", "Confirmation de rendez-vous", "Rappel : votre examen"])
        body = ["Bonjour %s %s," % ("Mme" if p.sex == "F" else "M.", p.last), "",
                "Votre %s est prévu(e) le %s à %s. Motif : %s." % (pick(rng, ["coloscopie", "IRM cérébrale", "échographie", "consultation de suivi"]), fmt_date_fr(d), hour(rng), cond),
                "Merci de venir à jeun.", "", clinic]
    body += maybe_disclaimer(rng, 0.2)
    return Msg(addr(clinic, "secretariat@" + dom, rng), addr(p.name, p.email, rng), subj, "\n".join(body), None, atts, "fr")


def fam_es_own_care_noname(rng, inline=False):
    """Mail to/from one person about their own care; no name in the text."""
    p = Person(rng)
    clinic, dom = pick(rng, CLINICS)
    t = rng.randint(0, 4)
    if t == 0:
        subj = pick(rng, ["pregunta", "resultados?", "consulta", "duda con mi tratamiento", "Re: cita"])
        body = [typo(rng, pick(rng, ["Buenas tardes, quería saber si ya llegaron mis resultados de la biopsia de tiroides que me hicieron el %s." % fmt_date(rng, rand_date(rng), 5),
                                     "Hola, ya se me acabó la %s y no alcancé cita, me pueden mandar la receta?" % pick(rng, ["sertralina", "metformina", "levotiroxina", "insulina"]),
                                     "Doctora desde que empecé el %s me da mucho mareo y náusea, lo sigo tomando?" % pick(rng, MEDS)[0].split()[0],
                                     "Buen día, me salió la glucosa en %d esta mañana, es normal?" % rng.randint(180, 320),
                                     "Tengo sangrado todavía despues de la %s, cuando debo preocuparme?" % pick(rng, ["cesárea", "biopsia", "extracción", "colonoscopia"])]), 0.05),
                "", pick(rng, ["Gracias", "gracias!", "Saludos", "Enviado desde mi Android", ""])]
        frm, to = addr(None, p.email, rng), addr(clinic, pick(rng, ["contacto", "consultorio", "enfermeria"]) + "@" + dom, rng)
    elif t == 1:
        subj = pick(rng, ["Respuesta a su consulta", "RE: pregunta", "Re: resultados?", "Su mensaje al consultorio"])
        body = [pick(rng, ["Buenas tardes,", "Hola,", "Estimado(a) paciente:"]), "",
                pick(rng, ["Su prueba de embarazo salió positiva. Le agendamos su primer control prenatal; tome ácido fólico diario.",
                           "La doctora revisó su biopsia: es benigna, no requiere cirugía. Control en 6 meses con ultrasonido.",
                           "Su carga viral es indetectable. Continúe igual con su tratamiento antirretroviral.",
                           "Sus estudios muestran hígado graso; la doctora quiere verle en 2 semanas.",
                           "Puede seguir con el mismo medicamento; el mareo suele mejorar en 2 semanas. Si no, bajamos la dosis a la mitad.",
                           "Su resultado de papanicolaou salió con cambios leves (LSIL). Necesitamos hacer una colposcopia."]),
                "", closing(rng), pick(rng, ["Enfermería", "Consultorio " + pick(rng, CLINICIANS), "Equipo de atención"]), clinic]
        frm, to = addr(clinic, "consultorio@" + dom, rng), addr(None, p.email, rng)
    elif t == 2:
        subj = pick(rng, ["Tu seguimiento", "Cómo te sientes?", "Check-in / seguimiento"])
        body = [pick(rng, ["Hola!", "Hi / Hola,"]), "",
                pick(rng, ["Queremos saber cómo te has sentido desde que empezaste la terapia para la ansiedad. Tu próxima sesión es el %s." % fmt_date(rng, rand_date(rng), 1),
                           "Han pasado 3 meses desde tu último control de presión. ¿Ya te checaste? Tu última toma fue 158/96.",
                           "Just checking in - ¿cómo va la herida después de la cirugía? Recuerda cambiar el apósito cada 48 horas."]),
                "", pick(rng, ["Tu promotora de salud", "Equipo de salud mental", "Nurse Navigator"]), clinic]
        frm, to = addr(clinic, "seguimiento@" + dom, rng), addr(None, p.email, rng)
    elif t == 3:
        subj = pick(rng, ["mi cita", "cancelar", "Reagendar"])
        body = [typo(rng, pick(rng, ["No voy a poder ir a mi sesión de quimioterapia del jueves, me siento muy mal, me pueden cambiar la fecha?",
                                     "Quisiera cancelar mi cita de psiquiatría del martes. Ya me siento mejor con el medicamento.",
                                     "Necesito mover mi ultrasonido del embarazo, tengo 20 semanas y el doctor dijo que no se pasara."]), 0.04),
                "", pick(rng, ["Gracias", "saludos"])]
        frm, to = addr(None, p.email, rng), addr(clinic, "citas@" + dom, rng)
    else:
        subj = pick(rng, ["Su resultado", "Resultado de su prueba", "Información de su prueba"])
        body = ["Su resultado de %s es %s." % (pick(rng, ["prueba rápida de VIH", "antígeno COVID-19", "prueba de sífilis", "prueba de influenza"]),
                                               pick(rng, ["REACTIVO; necesita confirmatoria", "POSITIVO", "NEGATIVO"])),
                pick(rng, ["Llámenos para orientación.", "Acuda a su clínica para tratamiento.", "Guarde este mensaje como comprobante."]), "", clinic]
        frm, to = addr(clinic, "resultados@" + dom, rng), addr(None, p.email, rng)
    return Msg(frm, to, subj, "\n".join(body))


def fam_es_chw_followup(rng, inline=False):
    p = Person(rng)
    chw = Person(rng)
    clinic, dom = pick(rng, CLINICS[1:2] + CLINICS[5:6])
    bp = "%d/%d" % (rng.randint(140, 190), rng.randint(88, 115))
    t = rng.randint(0, 2)
    if t == 0:
        subj = pick(rng, ["Home visit - %s" % p.short, "Visita domiciliaria %s" % fmt_date(rng, rand_date(rng), 0), "Follow up %s" % p.last.split()[0]])
        body = [pick(rng, ["Hi team,", "Hola equipo,", "Dr. %s," % pick(rng, CLINICIANS).split()[-1]]), "",
                typo(rng, "Visited %s %s today (DOB %s). BP %s, no está tomando el losartán porque se le acabó. %s" % (
                    p.title, p.name, p.dob.strftime("%m/%d/%Y"), bp, pick(rng, ["Le dejé cita para el jueves.", "Says she can't afford the copay.",
                                                                                 "Tiene los pies hinchados, could someone call her?", "Glucose 245 fasting per her meter."])), 0.03),
                typo(rng, pick(rng, ["Her daughter interprets, prefiere español.", "He lives alone, no tiene transporte.", "Necesita insulina y tiras reactivas."]), 0.03),
                "", chw.first.split()[0], pick(rng, ["Promotora de Salud / Community Health Worker", "CHW - Outreach", "Promotor comunitario"]), clinic]
    elif t == 1:
        subj = pick(rng, ["Prenatal outreach", "Control prenatal - seguimiento", "No-show prenatal"])
        body = ["Hola %s," % pick(rng, ["Nurse Kelly", "Enf. Adriana", "Dr. Salas"]), "",
                "La paciente %s (%s, FN %s) tiene %d semanas de embarazo y faltó a su cita. %s" % (
                    p.name if p.sex == "F" else p.first.split()[0] + " " + p.last, rand_id(rng, 2), fmt_date(rng, p.dob, 0), rng.randint(12, 36),
                    pick(rng, ["Dice que tiene dolor de cabeza y ve lucecitas.", "She had spotting last week.", "Tiene diabetes gestacional y no se está midiendo la glucosa."])),
                "I'll try calling again tomorrow.", "", chw.name, clinic]
    else:
        subj = pick(rng, ["Lista de visitas", "visits this week / visitas", "Resumen semanal promotoras"])
        others = [Person(rng) for _ in range(rng.randint(2, 4))]
        body = ["Resumen de visitas de la semana:", ""] + ["- %s (%s): %s" % (o.name, fmt_date(rng, o.dob, 0), pick(rng, [
            "HbA1c %.1f, educación en dieta" % rng.uniform(7, 12), "TA %s, refiero a médico" % bp, "depresión PHQ-9 = %d, referir a salud mental" % rng.randint(10, 24),
            "herida en pie diabético, curación", "EPOC, usa oxígeno 2 L", "embarazo 28 sem, sin control"])) for o in others + [p]] + ["", chw.first.split()[0]]
    return Msg(addr(chw.name, ascii_fold(chw.first.split()[0]).lower() + "." + ascii_fold(chw.last.split()[0]).lower() + "@" + dom, rng),
               addr("Care Team / Equipo Clínico", "careteam@" + dom, rng), subj, "\n".join(body) + "\n" + "\n".join(maybe_disclaimer(rng, 0.6)))


def fam_es_patient_roster(rng, inline=False):
    org, dom = pick(rng, CLINICS)
    ppl = [Person(rng) for _ in range(rng.randint(4, 12))]
    kind = rng.randint(0, 2)
    if kind == 0:
        head = ["Paciente", "Fecha de nac.", "Expediente", "Diagnóstico", "CIE-10", "Última HbA1c"]
        rows = [head] + [[x.name, fmt_date(rng, x.dob, 0), rand_id(rng, 0).split()[-1]] + list(pick(rng, CONDITIONS[:3])) + [round(rng.uniform(6, 12), 1)] for x in ppl]
        subj = pick(rng, ["Lista programa crónicos", "Padrón de pacientes crónicos %s" % rand_date(rng).strftime("%m/%Y"), "Pacientes para programa de diabetes"])
        intro = pick(rng, ["Anexo el padrón de pacientes del programa de enfermedades crónicas.", "Les comparto la lista de pacientes para la jornada de seguimiento.",
                           "Adjunto listado actualizado; favor de validar diagnósticos."])
    elif kind == 1:
        head = ["Nombre", "Puesto", "Vacuna hepatitis B", "Influenza 2025", "PPD", "Observaciones"]
        rows = [head] + [[x.name, pick(rng, ["enfermería", "camillero", "laboratorio", "cocina"]), pick(rng, ["completa", "incompleta", "no"]),
                          pick(rng, ["sí", "no"]), pick(rng, ["negativo", "positivo - en tratamiento", "pendiente"]), pick(rng, ["", "embarazada", "alergia a látex", "inmunosuprimido"])] for x in ppl]
        subj = pick(rng, ["Estado de vacunación del personal", "Salud ocupacional - vacunas", "Reporte PPD personal"])
        intro = "Envío el estado de vacunación y PPD del personal por área."
    else:
        head = ["Afiliado", "Núm. afiliado", "Fecha servicio", "Servicio", "Dx", "Monto"]
        rows = [head] + [[x.name, rand_id(rng, 5).split(" ", 2)[-1], fmt_date(rng, rand_date(rng), 2), pick(rng, PROCEDURES), pick(rng, CONDITIONS)[1], rng.randint(400, 30000)] for x in ppl]
        subj = pick(rng, ["Reclamaciones %s" % (lambda d: "%s %d" % (MONTHS_ES[d.month - 1], d.year))(rand_date(rng)), "Lote de facturación", "Relación de servicios para cobro"])
        intro = "Adjuntamos la relación de servicios prestados para su revisión y pago."
    body = [pick(rng, ["Buenas tardes,", "Estimados:", "Hola,"]), "", intro]
    atts = []
    if inline:
        body += [""] + [" | ".join(str(c) for c in r) for r in rows]
    else:
        ft = rng.randint(0, 2)
        if ft == 0:
            atts.append(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "padron_%s.xlsx" % rand_date(rng).strftime("%Y%m"), make_xlsx(rows), "xlsx"))
        elif ft == 1:
            atts.append(("text/csv; charset=utf-8", "lista_pacientes.csv", make_csv(rows, sep=pick(rng, [",", ";"]), bom=rng.random() < 0.5), "csv"))
        else:
            atts.append(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "reporte.xlsx", make_xlsx(rows, "Datos"), "xlsx"))
    body += ["", closing(rng)] + org_signature(rng, org, dom, pick(rng, ["Lic. Mónica Arredondo", "Ing. Raúl Chen", "C.P. Yolanda Itzá"]),
                                                pick(rng, ["Estadística", "Facturación", "Salud Ocupacional", "Coordinación Médica"])) + maybe_disclaimer(rng, 0.8)
    to = pick(rng, ["coordinacion@" + pick(rng, PAYERS)[1], "jurisdiccion@salud-estatal.gob.mx", "rrhh@" + dom, "facturacion@" + pick(rng, PAYERS)[1]])
    return Msg(addr(org, "estadistica@" + dom, rng), to, subj, "\n".join(body), None, atts)


# ===========================================================================
# CLEAN look-alike families
# ===========================================================================
def _public_to(rng):
    return pick(rng, ["Lista de difusión <undisclosed-recipients:;>", "undisclosed-recipients:;", "vecinos@listas.%s" % pick(rng, ["coloniaroma.org", "barrio-sur.net"]),
                      addr(Person(rng).name, Person(rng).email, rng), "boletin@suscriptores.info"])


def fam_es_health_campaign(rng, inline=False):
    org, dom = pick(rng, CLINICS + [("Secretaría de Salud Municipal", "salud.municipio.gob.mx"), ("Cruz Roja Delegación Sur", "cruzroja-sur.org")])
    d = rand_date(rng)
    topic = pick(rng, [("detección de diabetes e hipertensión", "toma de glucosa capilar y presión arterial"),
                       ("mastografías gratuitas", "mastografía de tamizaje para mujeres de 40 a 69 años"),
                       ("prueba rápida de VIH y sífilis", "prueba confidencial con resultado en 20 minutos"),
                       ("salud mental: semana de prevención del suicidio", "orientación psicológica y línea de ayuda"),
                       ("detección de cáncer de próstata", "antígeno prostático (PSA) para hombres mayores de 45"),
                       ("jornada de salud visual", "examen de la vista y lentes a bajo costo"),
                       ("control del dengue", "descacharrización y fumigación casa por casa")])
    sites = [[pick(rng, ["Centro comunitario", "Parque", "Mercado", "Iglesia", "Escuela"]) + " " + pick(rng, ["Hidalgo", "La Paz", "Las Flores", "Santa Cruz", "San Judas"]),
              fmt_date(rng, d + _dt.timedelta(days=i * 2), 0), "%s - %s" % (hour(rng), hour(rng))] for i in range(rng.randint(2, 5))]
    subj = pick(rng, ["Jornada de %s" % topic[0], "Campaña: %s" % topic[0], "¡Participa! %s" % topic[0].capitalize(), "Invitación: %s" % topic[0]])
    paras = [pick(rng, ["Invitamos a toda la comunidad a la jornada de %s." % topic[0], "Este mes realizaremos %s en distintas sedes." % topic[0],
                        "¿Sabías que 1 de cada %d adultos no sabe que tiene %s? Ven a la jornada de %s." % (rng.randint(3, 6), pick(rng, ["diabetes", "hipertensión"]), topic[0])]),
             "Servicio: %s. Sin costo, sin cita." % topic[1],
             pick(rng, ["Trae tu identificación y tu cartilla de salud.", "Acude en ayuno de 8 horas si deseas glucosa.", "Los resultados se entregan de forma confidencial a cada participante."])]
    text = "\n\n".join(paras) + "\n\nSedes:\n" + "\n".join("- %s, %s, %s" % tuple(s) for s in sites) + "\n\n" + org + "\n" + pick(rng, ["Para dejar de recibir estos correos responda BAJA.", "Comparte con tus vecinos.", pick(rng, DISCLAIMERS)])
    html = None
    atts = []
    if not inline and rng.random() < 0.6:
        html = html_doc(subj, paras, [["Sede", "Fecha", "Horario"]] + sites, footer=[org, "Si no desea recibir más correos, haga clic en cancelar suscripción."], rng=rng)
    if not inline and rng.random() < 0.3:
        atts.append(("application/pdf", "cartel_jornada.pdf", make_pdf(paras + [""] + ["%s  %s  %s" % tuple(s) for s in sites], title=subj), "pdf"))
    elif not inline and rng.random() < 0.3:
        st = _dt.datetime(d.year, d.month, d.day, 9, 0)
        atts.append(("text/calendar; charset=UTF-8", "jornada.ics", make_ics(rng, subj, st, 480, sites[0][0], " ".join(paras), (org, "comunicacion@" + dom)), "ics"))
    return Msg(addr(org, pick(rng, ["comunicacion", "boletin", "difusion"]) + "@" + dom, rng), _public_to(rng), subj, text, html, atts)


def fam_es_vaccination_drive(rng, inline=False):
    org, dom = pick(rng, [("Secretaría de Salud Municipal", "salud.municipio.gob.mx"), ("Centro de Salud Comunitario La Esperanza", "cscesperanza.org"),
                          ("Salud Familiar del Valle Community Health Center", "saludvalle-chc.org"), ("Ayuntamiento de San Blas - Salud Pública", "sanblas.es")])
    vac = pick(rng, ["influenza estacional", "VPH para niñas y niños de 9 a 11 años", "sarampión y rubéola (SR)", "COVID-19 refuerzo actualizado",
                     "neumococo para adultos mayores", "hepatitis B", "tétanos y difteria (Td)"])
    d = rand_date(rng)
    bil = rng.random() < 0.35
    subj = pick(rng, ["Campaña de vacunación: %s" % vac, "Vacunación gratuita %s" % fmt_date(rng, d, 1), "Free vaccines / Vacunas gratis - %s" % vac if bil else "Vacúnate: %s" % vac,
                      "Módulo de vacunación en tu colonia"])
    lines = [pick(rng, ["Estimados vecinos:", "A la población en general:", "Hola comunidad,", "Dear neighbors / Estimados vecinos,"]), "",
             "Del %s al %s se aplicará la vacuna contra %s en los siguientes puntos." % (fmt_date(rng, d, 1), fmt_date(rng, d + _dt.timedelta(days=rng.randint(5, 30)), 1), vac),
             pick(rng, ["Población objetivo: %s." % pick(rng, ["mayores de 60 años, embarazadas y personas con diabetes, asma o VIH", "personal de salud y cuidadores", "niñas y niños en edad escolar"]),
                       "Si usted tiene una enfermedad crónica como diabetes o EPOC, es especialmente importante vacunarse."]),
             "Requisitos: cartilla de vacunación o identificación. No es necesario hacer cita.", ""]
    if bil:
        lines += ["English: Free %s vaccine for everyone who qualifies. No appointment needed. Bring ID if you have one." % vac, ""]
    lines += ["- " + pick(rng, ["Mercado municipal", "Parroquia San José", "Biblioteca central", "Unidad deportiva"]) + ", %s a %s" % (hour(rng), hour(rng)) for _ in range(rng.randint(1, 3))]
    lines += ["", pick(rng, ["Vacunarse es un acto de amor.", "Protege a tu familia.", "#VacúnateYa"]), org] + maybe_disclaimer(rng, 0.4)
    html = None
    if not inline and rng.random() < 0.5:
        html = html_doc(subj, lines[2:5], [["Sede", "Horario"], ["Mercado municipal", "9:00-14:00"], ["Unidad deportiva", "10:00-16:00"]], footer=[org], rng=rng)
    return Msg(addr(org, "vacunacion@" + dom, rng), _public_to(rng), subj, "\n".join(lines), html)


def fam_es_pharmacy_promo(rng, inline=False):
    ph, dom = pick(rng, PHARMS)
    prods = rng.sample([("Metformina 850 mg genérico 30 tab", 89), ("Losartán 50 mg 30 tab", 120), ("Glucómetro + 50 tiras", 499), ("Prueba de embarazo digital", 145),
                        ("Omeprazol 20 mg 14 cáps", 65), ("Baumanómetro digital de brazo", 699), ("Paracetamol 500 mg 20 tab", 35), ("Preservativos 12 pzas", 110),
                        ("Suplemento ácido fólico 90 tab", 99), ("Inhalador salbutamol (requiere receta)", 180), ("Prueba rápida antígeno COVID", 149)], rng.randint(3, 6))
    cust = Person(rng) if rng.random() < 0.4 else None
    subj = pick(rng, ["Ofertas de la semana en %s" % ph, "2x1 en medicamentos para diabetes e hipertensión", "¡Tu salud a mejor precio!", "Promociones de temporada",
                      "%s, tienes puntos por vencer" % cust.first.split()[0] if cust else "Monedero electrónico: acumula puntos"])
    g = "Hola %s," % cust.first.split()[0] if cust else pick(rng, ["Hola,", "Estimado cliente:", "¡Hola!"])
    intros = ["Aprovecha estas ofertas válidas hasta el %s:" % fmt_date(rng, rand_date(rng), 1), "Este mes cuidamos tu bolsillo:"]
    if not cust:
        intros.append("Precios especiales en productos para el control de la diabetes y la presión:")
    lines = [g, "", pick(rng, intros), ""]
    if cust:
        lines[2] += " (promoción general para todos los clientes del monedero)"
    lines += ["- %s: $%d (antes $%d)" % (n, p, int(p * 1.3)) for n, p in prods]
    if cust:
        lines += ["", "Tienes %d puntos en tu monedero (tarjeta ****%04d). Vencen el %s." % (rng.randint(50, 3000), rng.randint(0, 9999), fmt_date(rng, rand_date(rng), 0))]
    lines += ["", pick(rng, ["Medicamentos de receta se surten solo con receta médica vigente.", "Consulte a su médico. Promoción sujeta a disponibilidad."]),
              pick(rng, ["Consultorio adyacente: consulta general $50.", "Servicio a domicilio gratis en compras mayores a $300."]), "", ph,
              "Para darse de baja responda a este correo con BAJA."]
    html = None
    if not inline and rng.random() < 0.7:
        html = html_doc(subj, [g, "Ofertas válidas en todas las sucursales."], [["Producto", "Precio", "Antes"]] + [[n, "$%d" % p, "$%d" % int(p * 1.3)] for n, p in prods],
                        footer=[ph, "Aviso de privacidad en www.%s" % dom], rng=rng)
    return Msg(addr(ph, pick(rng, ["promociones", "ofertas", "noticias"]) + "@" + dom, rng), addr(cust.name, cust.email, rng) if cust else _public_to(rng), subj, "\n".join(lines), html)


def fam_es_health_news(rng, inline=False):
    src, dom = pick(rng, [("Boletín Salud Hoy", "saludhoy-boletin.com"), ("Noticias Médicas Semanales", "noticiasmedicas.mx"), ("Observatorio de Salud Pública", "observatoriosalud.org"),
                          ("Diario del Sur - Sección Salud", "diariodelsur.com")])
    items = rng.sample([
        "Casos de dengue aumentan %d%% respecto al año pasado en la región; el %d%% de los hospitalizados eran menores de 15 años." % (rng.randint(10, 80), rng.randint(20, 60)),
        "Un estudio con %d pacientes con diabetes tipo 2 muestra que caminar 30 minutos reduce la HbA1c en 0.6 puntos." % rng.randint(800, 12000),
        "La Dra. %s, epidemióloga, recomienda vacunarse contra la influenza antes de diciembre." % pick(rng, ["Elena Sauceda", "Ngozi Adeyemi", "Camila Restrepo"]),
        "Nueva guía de hipertensión baja la meta de presión arterial a 130/80 para adultos con riesgo cardiovascular.",
        "La tasa de suicidio en jóvenes de 15 a 24 años subió a %.1f por cada 100 mil habitantes." % rng.uniform(5, 12),
        "Aprueban un nuevo medicamento para la hepatitis C con curación superior al 95%.",
        "Hospitales reportan desabasto de insulina en %d estados." % rng.randint(3, 14),
        "Encuesta: %d%% de los adultos mayores vive con al menos una enfermedad crónica." % rng.randint(55, 85),
        "Se detectó un brote de sarampión en una escuela; autoridades no han revelado la identidad de los %d niños afectados." % rng.randint(3, 20)], rng.randint(3, 5))
    subj = pick(rng, ["Boletín semanal de salud", "Noticias de salud - %s" % fmt_date(rng, rand_date(rng), 1), "Lo más leído en salud esta semana", "Alerta epidemiológica: resumen"])
    text = "\n\n".join(["%s\n%s" % (pick(rng, ["EN BREVE", "ESTUDIOS", "EPIDEMIOLOGÍA", "GUÍAS", "NACIONAL"]), it) for it in items]) + "\n\n--\n%s\nwww.%s\nRecibe este boletín porque se suscribió." % (src, dom)
    html = html_doc(subj, items, footer=[src], rng=rng) if not inline and rng.random() < 0.6 else None
    return Msg(addr(src, "boletin@" + dom, rng), _public_to(rng), subj, text, html)


def fam_es_insurance_quote(rng, inline=False):
    p = Person(rng)
    payer, dom = pick(rng, PAYERS)
    agent = Person(rng)
    plan = pick(rng, ["Plan Esencial", "Gastos Médicos Mayores Plus", "Plan Familia Integral", "Seguro Dental Básico", "Plan Vida y Salud 360"])
    prima = rng.randint(650, 9800)
    rows = [["Concepto", "Detalle"], ["Solicitante", p.name], ["Fecha de nac.", fmt_date(rng, p.dob, 0)], ["Edad", "%d años" % p.age],
            ["Plan", plan], ["Suma asegurada", "$%s" % "{:,}".format(rng.choice([500000, 1000000, 5000000, 20000000]))], ["Deducible", "$%d" % rng.choice([5000, 10000, 25000])],
            ["Coaseguro", "%d%%" % rng.choice([10, 20])], ["Prima mensual", "$%d" % prima]]
    subj = pick(rng, ["Cotización de seguro de gastos médicos", "Su cotización %s" % plan, "Propuesta de seguro - folio %d" % rng.randint(10000, 999999), "Cotización solicitada"])
    lines = [greet(rng, p, True), "", pick(rng, ["Gracias por su interés. Con base en los datos proporcionados, le presentamos la siguiente cotización:",
                                                "Como acordamos por teléfono, le envío la cotización del plan:"]), ""] + \
            ["%s: %s" % tuple(r) for r in rows[1:]] + ["",
             pick(rng, ["El plan cubre hospitalización, cirugía, maternidad después de 10 meses y padecimientos preexistentes después de 2 años de antigüedad.",
                        "Incluye consultas ilimitadas con médico general, estudios de laboratorio y descuentos en farmacias."]),
             pick(rng, ["La emisión está sujeta al cuestionario médico.", "Vigencia de la cotización: 30 días.", ""]), "", closing(rng), agent.name,
             pick(rng, ["Agente de seguros, cédula %s%d" % (rng.choice("ABC"), rng.randint(100000, 999999)), "Asesor comercial"]), payer] + maybe_disclaimer(rng, 0.7)
    atts = []
    html = None
    if not inline:
        r = rng.random()
        if r < 0.4:
            atts.append(("application/pdf", "cotizacion_%s.pdf" % ascii_fold(p.last.split()[0]).lower(), make_pdf(["%s: %s" % tuple(x) for x in rows[1:]], title="%s - Cotización" % payer), "pdf"))
        elif r < 0.7:
            html = html_doc("Cotización", [greet(rng, p, True)], rows, footer=[payer], rng=rng)
    return Msg(addr(agent.name + " - " + payer, ascii_fold(agent.first.split()[0]).lower() + "@" + dom, rng), addr(p.name, p.email, rng), subj, "\n".join(lines), html, atts)


def fam_es_school_notice(rng, inline=False):
    school, dom = pick(rng, SCHOOLS)
    t = rng.randint(0, 4)
    d = rand_date(rng)
    parent = Person(rng) if rng.random() < 0.4 else None
    if t == 0:
        subj = "Revisión general de piojos"
        body = "Se realizará una revisión general de piojos a todos los grupos el %s. Es una medida preventiva; recomendamos revisar en casa y usar cabello recogido." % fmt_date(rng, d, 1)
    elif t == 1:
        subj = pick(rng, ["Campaña de vacunación en la escuela", "Vacunación VPH en el plantel"])
        body = "El centro de salud aplicará la vacuna contra el VPH y la Td a los alumnos de 5° y 6° el %s. Envíe la cartilla de vacunación de su hijo(a) y el formato de consentimiento firmado." % fmt_date(rng, d, 1)
    elif t == 2:
        subj = pick(rng, ["Recordatorio: alumnos con fiebre", "Medidas de salud en temporada de influenza"])
        body = "Les recordamos que los alumnos con fiebre, vómito o diarrea no deben asistir a clases hasta 24 horas sin síntomas. Si su hijo(a) necesita tomar medicamento en horario escolar, solicite en dirección el formato de autorización."
    elif t == 3:
        subj = pick(rng, ["Semana de la salud y lonche saludable", "Feria de salud escolar"])
        body = "Del %s al %s celebraremos la Semana de la Salud: pláticas de nutrición, prevención de diabetes infantil y salud bucal. Les pedimos enviar lonche sin bebidas azucaradas." % (fmt_date(rng, d, 0), fmt_date(rng, d + _dt.timedelta(days=4), 0))
    else:
        subj = pick(rng, ["Actualización de ficha médica", "Fichas de emergencia 2026"])
        body = "Solicitamos a todas las familias actualizar la ficha médica de emergencia en la plataforma escolar antes del %s (alergias, tipo de sangre, teléfonos de contacto). La información es confidencial." % fmt_date(rng, d, 1)
    g = "%s %s %s:" % (parent.estimad, parent.title, parent.name) if parent else pick(rng, ["Estimados padres de familia:", "Queridas familias:", "Dear families / Estimadas familias:"])
    lines = [g, "", body, "", pick(rng, ["Agradecemos su apoyo.", "Gracias por su colaboración.", "Atentamente, la Dirección"]), pick(rng, ["Prof. Armando Leyva, Director", "Mtra. Sofía Quintero, Directora", "Enfermería escolar"]), school]
    atts = []
    if not inline and rng.random() < 0.35:
        form = ["CIRCULAR", school, "", body, "", "Nombre del alumno: ____________", "Firma del padre/madre/tutor: ____________"]
        if rng.random() < 0.5:
            atts.append(("application/pdf", "circular_%02d.pdf" % rng.randint(1, 40), make_pdf(form), "pdf"))
        else:
            atts.append(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "circular.docx", make_docx(form), "docx"))
    return Msg(addr(school, pick(rng, ["direccion", "avisos", "comunicados"]) + "@" + dom, rng), addr(parent.name, parent.email, rng) if parent else _public_to(rng),
               subj, "\n".join(lines) + "\n" + "\n".join(maybe_disclaimer(rng, 0.3)), None, atts)


def fam_es_job_post(rng, inline=False):
    org, dom = pick(rng, CLINICS + LABS + PHARMS)
    role = pick(rng, [("Enfermera(o) general - turno nocturno", "Título y cédula profesional, 2 años de experiencia en hospitalización, manejo de pacientes con diabetes e hipertensión."),
                      ("Químico(a) clínico", "Experiencia en hematología, química clínica y control de calidad; manejo de resultados críticos."),
                      ("Médico general para consulta externa", "Cédula profesional, manejo de enfermedades crónicas, expediente clínico electrónico."),
                      ("Promotor(a) de salud bilingüe (español/inglés)", "Visitas domiciliarias, educación en diabetes, trabajo con familias migrantes."),
                      ("Auxiliar de farmacia", "Surtido de recetas, manejo de inventario de medicamentos controlados."),
                      ("Codificador(a) CIE-10", "Codificación de diagnósticos y procedimientos, auditoría de expedientes.")])
    subj = pick(rng, ["Vacante: %s" % role[0], "Oferta de empleo - %s" % role[0], "Estamos contratando: %s" % role[0], "Job opening / Vacante %s" % role[0]])
    lines = [pick(rng, ["Buen día,", "Hola,", "Estimado(a) candidato(a):"]), "", "%s busca %s." % (org, role[0]), "", "Requisitos: " + role[1],
             "Ofrecemos: sueldo $%s mensuales, prestaciones de ley, seguro de gastos médicos y vales." % "{:,}".format(rng.randint(12, 45) * 1000),
             "Interesados enviar CV a reclutamiento@%s con el asunto '%s'." % (dom, role[0].split()[0]), "", pick(rng, ["Recursos Humanos", "Talento Humano", "Reclutamiento"]), org] + maybe_disclaimer(rng, 0.5)
    atts = []
    if not inline and rng.random() < 0.3:
        atts.append(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "descripcion_puesto.docx", make_docx(lines), "docx"))
    html = html_doc(subj, lines[2:6], footer=[org], rng=rng) if not inline and rng.random() < 0.4 else None
    return Msg(addr(org + " Reclutamiento", "reclutamiento@" + dom, rng), _public_to(rng), subj, "\n".join(lines), html, atts)


def fam_es_portal_notification(rng, inline=False):
    p = Person(rng)
    org, dom = pick(rng, CLINICS + PAYERS + LABS)
    t = rng.randint(0, 4)
    named = rng.random() < 0.6
    g = greet(rng, p) if named else pick(rng, ["Estimado usuario:", "Hola,", "Estimado(a) paciente:"])
    body = [
        "Tiene un nuevo mensaje en su portal de pacientes. Por su seguridad, el contenido no se incluye en este correo. Inicie sesión en https://portal.%s para leerlo." % dom,
        "Hay un nuevo documento disponible en su cuenta. Ingrese a https://mi.%s con su usuario y contraseña." % dom,
        "Su contraseña vence en %d días. Puede cambiarla desde la sección Mi perfil." % rng.randint(2, 15),
        "Su estado de cuenta del mes de %s ya está disponible en línea. Total a pagar: $%d." % (pick(rng, MONTHS_ES), rng.randint(50, 3000)),
        "Se detectó un inicio de sesión desde un dispositivo nuevo el %s. Si no fue usted, cambie su contraseña." % fmt_date(rng, rand_date(rng), 0)][t]
    subj = pick(rng, [["Nuevo mensaje en su portal", "Tiene un mensaje nuevo", "Notificación: mensaje seguro"],
                      ["Nuevo documento disponible", "Aviso del portal"], ["Su contraseña está por vencer"], ["Estado de cuenta disponible"], ["Alerta de seguridad de su cuenta"]][t])
    lines = [g, "", body, "", pick(rng, ["Este es un mensaje automático, no responda.", "Gracias por usar nuestro portal."]), org] + maybe_disclaimer(rng, 0.6)
    html = html_doc(subj, [g, body], footer=[org, "Mensaje automático"], rng=rng) if not inline and rng.random() < 0.5 else None
    return Msg(addr(org, "no-reply@" + dom, rng), addr(p.name if named else None, p.email, rng), subj, "\n".join(lines), html)


def fam_es_synthetic_deid(rng, inline=False):
    org, dom = pick(rng, CLINICS)
    t = rng.randint(0, 2)
    atts = []
    if t == 0:
        rows = [["Paciente", "Fecha de nac.", "Expediente", "Diagnóstico", "CIE-10"]]
        for i in range(rng.randint(4, 9)):
            rows.append(["PRUEBA%s, PACIENTE %s" % (pick(rng, ["", " QA"]), "ABCDEFGHIJ"[i]), "01/01/19%02d" % rng.randint(30, 99), "TEST-%05d" % rng.randint(0, 99999)] + list(pick(rng, CONDITIONS)))
        subj = pick(rng, ["Datos de prueba para interfaz HL7", "Pacientes sintéticos para QA del expediente", "Ambiente de pruebas - carga de datos ficticios"])
        intro = pick(rng, ["Les comparto los pacientes SINTÉTICOS (ficticios) para las pruebas de la interfaz de laboratorio. Ninguno corresponde a una persona real.",
                           "Adjunto el set de datos de prueba generado para el ambiente QA; todos los registros son ficticios (prefijo PRUEBA/TEST)."])
    elif t == 1:
        rows = [["Grupo de edad", "Sexo", "Diagnóstico", "Casos", "Tasa x 100 mil"]]
        for _ in range(rng.randint(5, 10)):
            rows.append([pick(rng, ["0-14", "15-29", "30-44", "45-64", "65+"]), pick(rng, ["F", "M"]), pick(rng, CONDITIONS)[0], rng.randint(3, 900), round(rng.uniform(1, 400), 1)])
        subj = pick(rng, ["Datos agregados morbilidad %d" % rng.choice([2024, 2025]), "Informe desidentificado de diagnósticos", "Estadística trimestral (sin identificadores)"])
        intro = "Envío la base agregada y desidentificada (sin nombres ni fechas de nacimiento; celdas menores a 3 suprimidas) para el informe trimestral."
    else:
        rows = [["MRN", "Nombre", "FN", "Dx", "Medicamento"]]
        for i in range(rng.randint(3, 6)):
            rows.append(["ZZ%06d" % rng.randint(0, 999999), "Test%s, Synthetic" % "ABCDEF"[i], "1900-01-01", pick(rng, CONDITIONS)[0], pick(rng, MEDS)[0]])
        subj = pick(rng, ["Synthetic patients for UAT / pacientes de prueba", "Casos de prueba para validación de recetas electrónicas"])
        intro = "Estos son registros generados por Synthea (datos sintéticos) para la prueba de aceptación; no contienen información de pacientes reales."
    body = [pick(rng, ["Hola equipo,", "Buen día,", "Team,"]), "", intro]
    if inline or rng.random() < 0.3:
        body += [""] + [" | ".join(str(c) for c in r) for r in rows]
    else:
        if rng.random() < 0.5:
            atts.append(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "datos_prueba.xlsx", make_xlsx(rows), "xlsx"))
        else:
            atts.append(("text/csv", "dataset_qa.csv", make_csv(rows), "csv"))
    body += ["", pick(rng, ["Saludos,", "Gracias,"]), pick(rng, ["Ing. Raúl Chen", "Lic. Mónica Arredondo", "Tania Oyelaran"]), pick(rng, ["Informática Médica", "Estadística", "TI Clínica"]), org] + maybe_disclaimer(rng, 0.7)
    return Msg(addr("Informática " + org, "ti@" + dom, rng), "equipo-qa@" + dom, subj, "\n".join(body), None, atts)


def fam_es_vet(rng, inline=False):
    owner = Person(rng)
    pet = pick(rng, ["Firulais", "Canela", "Rocky", "Luna", "Max", "Chispa", "Pelusa", "Bruno", "Nala", "Toby", "Rosa", "Dolores"])
    species = pick(rng, ["canino, labrador, 7 años", "felino, doméstico pelo corto, 12 años", "canino, chihuahua, 3 años", "canino, mestizo, 10 años", "felino, siamés, 5 años"])
    vet, dom = pick(rng, [("Hospital Veterinario San Francisco de Asís", "vetsanfrancisco.mx"), ("Clínica Veterinaria Patitas", "patitasvet.com"), ("VetCare Bilingual Animal Hospital", "vetcare-bilingual.com")])
    cond = pick(rng, ["diabetes mellitus", "insuficiencia renal crónica", "otitis externa", "dermatitis alérgica", "parvovirus", "hipotiroidismo", "fractura de fémur", "moquillo"])
    t = rng.randint(0, 2)
    atts = []
    if t == 0:
        rows = lab_values(rng, 4)
        subj = pick(rng, ["Resultados de laboratorio de %s" % pet, "Resultados - paciente %s" % pet, "Análisis de sangre de %s" % pet])
        lines = [greet(rng, owner), "", "Le compartimos los resultados del perfil bioquímico de %s (%s):" % (pet, species), "",
                 "Paciente: %s   Propietario: %s   Exp. V-%05d" % (pet, owner.name, rng.randint(0, 99999))] + ["%s: %s %s %s" % (r[0], r[1], r[2], r[4]) for r in rows] + \
                ["", "Diagnóstico presuntivo: %s. Recomendamos %s." % (cond, pick(rng, ["dieta renal", "insulina 2 UI cada 12 h", "repetir estudios en 15 días", "radiografía de control"]))]
    elif t == 1:
        subj = pick(rng, ["Recordatorio de vacuna de %s" % pet, "%s: refuerzo de vacunas" % pet, "Cita de %s" % pet])
        lines = [greet(rng, owner), "", "A %s le toca su refuerzo de vacuna %s y desparasitación el %s a las %s." % (pet, pick(rng, ["antirrábica", "múltiple (DHPPi)", "triple felina"]), fmt_date(rng, rand_date(rng), 1), hour(rng)),
                 "También revisaremos la evolución de su %s." % cond]
    else:
        subj = pick(rng, ["Alta de %s" % pet, "Indicaciones postoperatorias - %s" % pet, "Instrucciones de alta de su mascota"])
        lines = [greet(rng, owner), "", "%s fue dado(a) de alta hoy tras su %s." % (pet, pick(rng, ["esterilización", "cirugía de fémur", "hospitalización por " + cond])),
                 "Medicamentos: %s; collar isabelino 10 días; no bañar." % pick(rng, ["meloxicam 0.1 mg/kg", "amoxicilina con ácido clavulánico", "tramadol 2 mg/kg"]),
                 "Signos de alarma: vómito, sangrado o que no coma en 24 h."]
        if not inline and rng.random() < 0.5:
            atts.append(("application/pdf", "alta_%s.pdf" % ascii_fold(pet).lower(), make_pdf(lines[2:], title=vet), "pdf"))
    lines += ["", closing(rng), pick(rng, ["MVZ Alejandra Torres", "Dr. Iván Cárdenas, MVZ", "MVZ Noriko Fujii"])] + org_signature(rng, vet, dom) + maybe_disclaimer(rng, 0.4)
    return Msg(addr(vet, "citas@" + dom, rng), addr(owner.name, owner.email, rng), subj, "\n".join(lines), None, atts)


def fam_es_coding_guidance(rng, inline=False):
    org, dom = pick(rng, PAYERS + [("Asociación de Codificadores Clínicos", "codificadores.org")])
    items = rng.sample([
        ("Diabetes con complicaciones renales", "Para un paciente con diabetes tipo 2 y enfermedad renal crónica estadio 3, codifique E11.22 seguido de N18.3."),
        ("Hipertensión con insuficiencia cardíaca", "Use I11.0 más el código de insuficiencia cardíaca (I50.-); la relación causal se presume."),
        ("COVID-19", "Codifique U07.1 solo con confirmación por laboratorio o diagnóstico documentado por el médico."),
        ("Embarazo", "Los códigos del capítulo O tienen prioridad; agregue Z3A.xx para las semanas de gestación."),
        ("Secuelas", "Para secuelas de fractura use el séptimo carácter 'S' y codifique primero la condición residual."),
        ("VIH", "B20 se asigna a pacientes con enfermedad por VIH confirmada; Z21 para estado asintomático."),
        ("Salud mental", "F32.1 episodio depresivo mayor moderado; documente gravedad y si es recurrente (F33.-)."),
        ("Autorizaciones", "Las solicitudes de resonancia magnética requieren el código CIE-10 que justifique la necesidad médica.")], rng.randint(2, 4))
    subj = pick(rng, ["Guía de codificación CIE-10 - actualización", "Tips de codificación del mes", "Boletín para prestadores: codificación y facturación", "Cambios en códigos CIE-10-MC %d" % rng.choice([2026, 2027])])
    lines = [pick(rng, ["Estimados prestadores:", "Estimado equipo de facturación:", "Colegas:"]), "", pick(rng, ["Compartimos las siguientes recomendaciones para reducir rechazos:", "Recordatorios de codificación:"]), ""]
    for a, b in items:
        lines += ["* " + a, "  " + b]
    lines += ["", "Ejemplo (caso ficticio): paciente femenina de 67 años con diabetes tipo 2 y ERC estadio 3 -> E11.22, N18.3.",
              "", "Dudas: prestadores@" + dom, org] + maybe_disclaimer(rng, 0.5)
    html = html_doc(subj, [a + ": " + b for a, b in items], [["Situación", "Código"], ["DM2 + ERC 3", "E11.22 + N18.3"], ["HTA + IC", "I11.0 + I50.9"]], footer=[org], rng=rng) if not inline and rng.random() < 0.5 else None
    return Msg(addr(org, "prestadores@" + dom, rng), "red-de-prestadores@" + dom, subj, "\n".join(lines), html)


def fam_ptfr_public(rng, inline=False):
    t = rng.randint(0, 3)
    if t == 0:
        org, dom = "Secretaria Municipal de Saúde", "saude.prefeitura.gov.br"
        subj = pick(rng, ["Campanha de vacinação contra a gripe", "Dia D de vacinação", "Vacinação contra o sarampo"])
        lines = ["Prezados moradores,", "", "A campanha de vacinação contra %s acontece de %s a %s em todas as UBS." % (pick(rng, ["a gripe", "o sarampo", "a dengue"]), fmt_date_pt(rand_date(rng)), fmt_date_pt(rand_date(rng))),
                 "Público prioritário: idosos, gestantes, crianças de 6 meses a 5 anos e pessoas com doenças crônicas como diabetes e asma.", "Leve o cartão do SUS e a caderneta de vacinação.", "", org]
    elif t == 1:
        org, dom = "Boletim Saúde em Dia", "saudeemdia.com.br"
        subj = "Notícias da semana: saúde"
        lines = ["Casos de dengue crescem %d%% no estado; %d mortes confirmadas." % (rng.randint(10, 90), rng.randint(2, 40)), "",
                 "Estudo aponta que %d%% dos brasileiros com hipertensão não sabem do diagnóstico." % rng.randint(20, 50), "", org, "Para cancelar a assinatura, clique aqui."]
    elif t == 2:
        org, dom = "Agence régionale de santé", "ars-sante.fr"
        subj = pick(rng, ["Campagne de dépistage du cancer colorectal", "Vaccination antigrippale : c'est le moment", "Semaine de la santé mentale"])
        lines = ["Madame, Monsieur,", "", "Dans le cadre de la campagne %s, les personnes de 50 à 74 ans peuvent retirer un kit de dépistage gratuit en pharmacie." % pick(rng, ["nationale", "régionale"]),
                 "Les personnes atteintes de diabète, d'asthme ou d'insuffisance cardiaque sont invitées à se faire vacciner.", "", "Cordialement,", org]
    else:
        org, dom = "Pharmacie du Marché", "pharmaciedumarche.fr"
        subj = pick(rng, ["Promotions du mois", "-20% sur les tensiomètres", "Nouveau : dépistage angine en pharmacie"])
        lines = ["Bonjour,", "", "Ce mois-ci : tensiomètres -20%, lecteurs de glycémie à 29,90 €, tests antigéniques 4,50 €.", "Votre pharmacien peut réaliser un test angine sans rendez-vous.", "", org, "Se désabonner"]
    return Msg(addr(org, "info@" + dom, rng), _public_to(rng), subj, "\n".join(lines), None, [], "pt" if dom.endswith("br") else "fr")


def fam_es_clinic_admin(rng, inline=False):
    org, dom = pick(rng, CLINICS)
    doc = pick(rng, CLINICIANS)
    t = rng.randint(0, 3)
    if t == 0:
        subj = pick(rng, ["Bienvenida a %s" % doc, "Nueva especialista en el equipo", "Se incorpora %s" % doc])
        body = "Nos da gusto anunciar que %s se incorpora al servicio de %s. Atenderá %s de %s a %s en el consultorio %d. Pueden agendar a sus pacientes a partir del %s." % (
            doc, pick(rng, ["cardiología", "endocrinología", "psiquiatría", "oncología", "pediatría"]), pick(rng, ["lunes y miércoles", "martes y jueves", "de lunes a viernes"]), hour(rng), hour(rng), rng.randint(100, 420), fmt_date(rng, rand_date(rng), 1))
    elif t == 1:
        subj = pick(rng, ["Horario de fin de año", "Cierre por día festivo", "Cambio de horario de laboratorio"])
        body = "Les informamos que del %s al %s la clínica operará en horario reducido de %s a %s. Urgencias funcionará normalmente. Las tomas de muestra se reanudan el %s." % (
            fmt_date(rng, rand_date(rng), 0), fmt_date(rng, rand_date(rng), 0), hour(rng), hour(rng), fmt_date(rng, rand_date(rng), 1))
    elif t == 2:
        subj = pick(rng, ["Sesión clínica del jueves", "Reunión de calidad - agenda", "Capacitación: manejo de la diabetes"])
        body = "La sesión general del %s será impartida por %s con el tema '%s'. Lugar: auditorio, %s. Se tomará asistencia para puntos de educación médica continua." % (
            fmt_date(rng, rand_date(rng), 1), doc, pick(rng, ["Actualización en insuficiencia cardíaca", "Manejo de la crisis asmática en urgencias", "Depresión en atención primaria", "Nuevas metas de HbA1c"]), hour(rng))
    else:
        subj = pick(rng, ["Guardias de diciembre", "Rol de guardias", "Cobertura de consultas"])
        body = "Rol de guardias: %s (lunes), %s (martes), %s (miércoles). Cualquier cambio comunicarlo a la coordinación médica con 48 horas de anticipación." % tuple(rng.sample(CLINICIANS, 3))
    lines = [pick(rng, ["Estimado personal:", "Compañeros:", "A todo el personal médico y de enfermería:", "Hola a todos,"]), "", body, "", closing(rng)] + \
            org_signature(rng, org, dom, pick(rng, ["Dirección Médica", "Coordinación de Enseñanza", "Administración"])) + maybe_disclaimer(rng, 0.7)
    return Msg(addr("Dirección " + org, "direccion@" + dom, rng), "personal@" + dom, subj, "\n".join(lines))


PHI_FAMS = [("es_lab_results", fam_es_lab_results), ("es_appointment_procedure", fam_es_appointment_procedure),
            ("es_pharmacy_pickup", fam_es_pharmacy_pickup), ("es_discharge", fam_es_discharge), ("es_sick_note", fam_es_sick_note),
            ("es_benefits_letter", fam_es_benefits_letter), ("es_family_illness", fam_es_family_illness),
            ("es_school_medication", fam_es_school_medication), ("pt_patient", fam_pt_patient), ("fr_patient", fam_fr_patient),
            ("es_own_care_noname", fam_es_own_care_noname), ("es_chw_followup", fam_es_chw_followup), ("es_patient_roster", fam_es_patient_roster)]
CLEAN_FAMS = [("es_health_campaign", fam_es_health_campaign), ("es_vaccination_drive", fam_es_vaccination_drive),
              ("es_pharmacy_promo", fam_es_pharmacy_promo), ("es_health_news", fam_es_health_news), ("es_insurance_quote", fam_es_insurance_quote),
              ("es_school_notice", fam_es_school_notice), ("es_job_post", fam_es_job_post), ("es_portal_notification", fam_es_portal_notification),
              ("es_synthetic_deid", fam_es_synthetic_deid), ("es_vet", fam_es_vet), ("es_coding_guidance", fam_es_coding_guidance),
              ("ptfr_public", fam_ptfr_public), ("es_clinic_admin", fam_es_clinic_admin)]


def render(rng, m):
    """Well-formed MIME for a content Msg. Returns (bytes, form)."""
    text, html, atts = m["text"], m["html"], m["atts"]
    if html is None and rng.random() < 0.3:
        # webmail-style HTML twin of the plain text (both labels alike)
        paras = text.split("\n\n")
        html = pick(rng, ['<div dir="ltr">%s</div>', '<html><body><div style="font-family:Calibri,sans-serif">%s</div></body></html>']) % \
            "".join("<div>%s</div><div><br></div>" % xesc(p).replace("\n", "<br>") for p in paras)
    tokens = []
    if html is not None:
        mode = rng.randint(0, 2)
        if mode == 0:
            body = text_part(rng, html, "html")
            tokens.append("html")
        else:
            body = multipart(rng, "alternative", [text_part(rng, text), text_part(rng, html, "html")])
            tokens.append("text+html")
    else:
        body = text_part(rng, text)
        tokens.append("text")
    if atts:
        parts = [body]
        for ct, fn, data, tok in atts:
            if ct.startswith("text/calendar") or ct.startswith("text/csv"):
                cte = pick(rng, ["base64", "quoted-printable", "base64"])
                parts.append(attach_part(rng, ct, fn, data, cte))
            else:
                parts.append(attach_part(rng, ct, fn, data))
            tokens.append(tok)
        body = multipart(rng, "mixed", parts)
    top = top_headers(rng, m["frm"], m["to"], m["subject"], cc=m.get("cc"))
    return assemble(top, body), "+".join(tokens)


# ===========================================================================
# Malformed / unusual MIME families (each with phi and clean variants)
# ===========================================================================
def snippet(rng, label):
    fams = PHI_FAMS if label == "phi" else CLEAN_FAMS
    name, f = pick(rng, fams)
    m = f(rng, inline=True)
    m["html"] = None
    m["atts"] = []
    return m


VACS = ["influenza", "sarampión", "VPH", "hepatitis B", "neumococo", "COVID-19"]


def one_line(rng, label):
    p = Person(rng)
    if label == "phi":
        cond = pick(rng, CONDITIONS)[0]
        return pick(rng, [
            "Resultado VIH reactivo - %s, FN %s" % (p.name, fmt_date(rng, p.dob, 0)),
            "%s %s (%s) - dx %s, %s el %s" % (p.title, p.name, rand_id(rng), cond, pick(rng, PROCEDURES), fmt_date(rng, rand_date(rng), 0)),
            "Receta lista: %s para %s" % (pick(rng, MEDS)[0], p.name),
            "Incapacidad de %s: %s, %d días de reposo" % (p.name, cond, rng.randint(2, 15)),
            "Alta de %s (Fecha de nac. %s): %s" % (p.name, fmt_date(rng, p.dob, 5), cond),
            "%s - glucosa %d mg/dL, HbA1c %.1f%%" % (p.name, rng.randint(140, 320), rng.uniform(7, 12)),
            "Paciente: %s; Dx: %s; próxima cita %s" % (p.name, cond, fmt_date(rng, rand_date(rng), 0)),
            "%s tiene %s, favor de no darle %s" % (p.first, pick(rng, ["epilepsia", "asma", "alergia a la penicilina"]), pick(rng, ["penicilina", "ibuprofeno", "cacahuate"]))])
    return pick(rng, [
        "Jornada gratuita de detección de VIH y sífilis - sábado %s, parque %s" % (fmt_date(rng, rand_date(rng), 0), pick(rng, ["Hidalgo", "La Paz", "Morelos"])),
        "Campaña de vacunación contra %s: %s, sin cita" % (pick(rng, VACS), fmt_date(rng, rand_date(rng), 1)),
        "2x1 en %s genérico hasta el %s" % (pick(rng, MEDS)[0], fmt_date(rng, rand_date(rng), 0)),
        "Cotización %s para %s, FN %s: prima $%d" % (pick(rng, ["Plan Esencial", "GMM Plus"]), p.name, fmt_date(rng, p.dob, 0), rng.randint(600, 5000)),
        "Vacante: enfermera(o) turno nocturno, experiencia en diabetes e hipertensión",
        "Resultados de %s (canino): glucosa %d mg/dL" % (pick(rng, ["Firulais", "Canela", "Rocky", "Luna"]), rng.randint(90, 400)),
        "Guía CIE-10: E11.22 + N18.3 para DM2 con ERC estadio 3",
        "Sesión clínica: manejo de la crisis asmática, %s, auditorio" % pick(rng, CLINICIANS),
        "Semana de la salud escolar: pláticas de diabetes infantil y salud bucal"])


NEUTRAL_BODIES = ["", "Ver detalles.", "Enviado desde mi iPhone", "Mensaje generado automáticamente por el sistema.", "Favor de revisar.",
                  "FYI", "--", "Reenvío para su atención.", "(sin contenido)", "Saludos."]
NEUTRAL_SUBJECTS = ["Notificación", "Aviso automático", "", "Re:", "Mensaje del sistema", "FYI", "Pendiente", "Información"]


def _senders(rng, m=None):
    if m:
        return m["frm"], m["to"]
    o, d = pick(rng, CLINICS + PAYERS + PHARMS + LABS)
    p = Person(rng)
    return addr(o, pick(rng, ["sistema", "notificaciones", "agenda", "info"]) + "@" + d, rng), addr(p.name, p.email, rng)


def raw_top(rng, frm, to, subject_raw, extra=(), mime=True):
    return top_headers(rng, frm, to, subject_raw, extra=list(extra), raw_subject=True) if mime else None


def mal_bad_base64(rng, label):
    m = snippet(rng, label)
    data = crlf(m["text"]).encode("utf-8")
    v = rng.randint(0, 2)
    if v == 0:
        body, form = data + CRLF, "text+b64-declared-plaintext"
    elif v == 1:
        enc = b64_body(data).split(CRLF)
        out = []
        for ln in enc:
            if ln and rng.random() < 0.35:
                i = rng.randrange(len(ln))
                ln = ln[:i] + pick(rng, [b"!!", b" ", b"*", b"\xc3\xb1", b"=", b"%"]) + ln[i:]
            out.append(ln)
        body, form = CRLF.join(out), "text+b64-garbage-chars"
    else:
        enc = base64.b64encode(data)
        cut = len(enc) - rng.randint(1, 3)
        enc = enc[:cut]
        body, form = b"\r\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + CRLF, "text+b64-truncated-padding"
    part = Part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"], body)
    if rng.random() < 0.35:
        part = multipart(rng, "alternative", [part])
        form = "multipart-alt(" + form + ")"
    top = top_headers(rng, m["frm"], m["to"], m["subject"])
    return assemble(top, part), form


def mal_boundary(rng, label):
    m = snippet(rng, label)
    v = rng.randint(0, 2)
    real = boundary(rng)
    txt = crlf(m["text"]).encode("utf-8")
    p1 = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + txt + CRLF
    p2 = b""
    if rng.random() < 0.5:
        p2 = (b"Content-Type: text/plain; charset=us-ascii\r\nContent-Disposition: inline\r\n\r\n" +
              pick(rng, [b"Este mensaje fue enviado desde un dispositivo movil.", b"Powered by ClinicMail 2.1", b"--\r\nNo imprima este correo."]) + CRLF)
    body = b"--" + real.encode() + CRLF + p1 + (b"--" + real.encode() + CRLF + p2 if p2 else b"")
    if v == 0:
        ct, form = "Content-Type: multipart/mixed", "multipart-no-boundary-param"
        body += b"--" + real.encode() + b"--" + CRLF
    elif v == 1:
        ct, form = 'Content-Type: multipart/mixed; boundary="%s"' % boundary(rng), "multipart-wrong-boundary"
        body += b"--" + real.encode() + b"--" + CRLF
    else:
        ct, form = 'Content-Type: multipart/mixed; boundary="%s"' % real, "multipart-missing-close-delimiter"
    form += "+text" + ("+text" if p2 else "")
    top = top_headers(rng, m["frm"], m["to"], m["subject"])
    return top + CRLF + ct.encode() + CRLF + CRLF + body, form


def mal_preamble_epilogue(rng, label):
    m = snippet(rng, label)
    bnd = boundary(rng)
    txt = crlf(m["text"])
    v = rng.randint(0, 2)
    pre = epi = ""
    if v == 0:
        pre, form = txt, "multipart-content-in-preamble"
    elif v == 1:
        epi, form = txt, "multipart-content-in-epilogue"
    else:
        lines = txt.split("\r\n")
        k = len(lines) // 2
        pre, epi, form = "\r\n".join(lines[:k]), "\r\n".join(lines[k:]), "multipart-content-split-preamble-epilogue"
    filler = pick(rng, [b"", b" ", pick(rng, NEUTRAL_BODIES[1:]).encode("utf-8")])
    parts = b"--" + bnd.encode() + CRLF + b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + filler + CRLF
    if rng.random() < 0.4:
        parts += b"--" + bnd.encode() + CRLF + b"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>" + filler + b"</p></body></html>" + CRLF
        form += "+empty-text+empty-html"
    else:
        form += "+empty-text"
    body = (pre.encode("utf-8") + CRLF if pre else b"") + parts + b"--" + bnd.encode() + b"--" + CRLF + (epi.encode("utf-8") + CRLF if epi else b"")
    top = top_headers(rng, m["frm"], m["to"], m["subject"])
    return top + CRLF + ('Content-Type: multipart/mixed; boundary="%s"' % bnd).encode() + CRLF + CRLF + body, form


def mal_header_details(rng, label):
    frm, to = _senders(rng)
    line = one_line(rng, label)
    v = rng.randint(0, 3)
    name = pick(rng, ["X-Patient-Note", "X-Nota-Clinica", "X-Detalle", "X-Resumen", "X-Agenda-Info"]) if v < 2 else "Comments"
    if v in (0, 2):
        hv, enc = enc_word(line, rng), "rfc2047"
    elif v == 1:
        hv, enc = line, "raw-utf8"
    else:
        hv, enc = ascii_fold(line), "ascii"
    hdr = fold_header(name, hv) if enc != "rfc2047" else name + ": " + hv
    extra = [hdr]
    if rng.random() < 0.4:
        extra.append("X-Mailer: %s" % pick(rng, ["AgendaMed 4.2", "Microsoft Outlook 16.0", "ClinicMail"]))
    top = top_headers(rng, frm, to, pick(rng, NEUTRAL_SUBJECTS), extra=extra)
    body = text_part(rng, pick(rng, NEUTRAL_BODIES), cte="7bit") if rng.random() < 0.5 else text_part(rng, pick(rng, NEUTRAL_BODIES) + "\n", cte="quoted-printable")
    return assemble(top, body), "%s-header-%s+neutral-text" % ("comments" if name == "Comments" else "x", enc)


def mal_message_partial(rng, label):
    m = snippet(rng, label)
    pid = "%08x.%d@%s" % (rng.getrandbits(32), rng.randint(1, 99), m["frm"].split("@")[-1].rstrip(">"))
    total = rng.randint(2, 4)
    v = rng.randint(0, 1)
    txt = crlf(m["text"]).encode("utf-8")
    if v == 0:
        inner = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                 % (m["frm"], m["to"], enc_word(m["subject"], rng))).encode("utf-8")
        body = inner + txt + CRLF
        number, form = 1, "message-partial-1of%d" % total
    else:
        body = txt + CRLF
        number, form = rng.randint(2, total), "message-partial-continuation"
    top = top_headers(rng, m["frm"], m["to"], m["subject"] + (" (%d/%d)" % (number, total) if rng.random() < 0.5 else ""))
    ct = 'Content-Type: message/partial; id="%s"; number=%d; total=%d' % (pid, number, total)
    return top + CRLF + ct.encode() + CRLF + CRLF + body, form


def mal_html_comment(rng, label):
    m = snippet(rng, label)
    visible = pick(rng, ["Mensaje reenviado desde el sistema.", "Por favor vea la versión en línea.", "Este correo requiere un cliente compatible con HTML.",
                         "Gracias por su atención.", "&nbsp;"])
    v = rng.randint(0, 2)
    hidden = xesc(m["text"]).replace("--", "- -")
    if v == 0:
        html = "<html><head><meta charset=\"utf-8\"></head><body>\n<!--\n%s\n-->\n<p>%s</p>\n</body></html>" % (hidden, visible)
        form = "html-content-in-comment"
    elif v == 1:
        html = "<html><body>\n<p>%s</p>\n<!--[if mso]>\n<div>%s</div>\n<![endif]-->\n</body></html>" % (visible, hidden.replace("\n", "<br>\n"))
        form = "html-content-in-conditional-comment"
    else:
        html = ("<html><body><table><tr><td>%s</td></tr>\n<!-- borrador / draft:\n%s\n--></table>"
                "<div style=\"display:none\"></div></body></html>") % (visible, hidden)
        form = "html-content-in-comment-inside-table"
    top = top_headers(rng, m["frm"], m["to"], pick(rng, NEUTRAL_SUBJECTS + [m["subject"]]))
    return assemble(top, text_part(rng, html, "html")), form


def mal_charset(rng, label):
    m = snippet(rng, label)
    txt = m["text"]
    cs = pick(rng, ["iso-8859-1", "windows-1252", "utf-16", "ibm037", "unknown"])
    if cs == "windows-1252":
        lines = txt.split("\n")
        lines[0] = "\u201c" + lines[0] + "\u201d \u2013"
        txt = "\n".join(lines) + "\n\u2022 Ref. \u2116 %d \u2014 \u20ac" % rng.randint(100, 999)
        txt = txt.replace("\u2116", "No.")
        data = crlf(txt).encode("cp1252", "replace")
        decl, cte = pick(rng, ["windows-1252", "Windows-1252", "cp1252"]), pick(rng, ["8bit", "quoted-printable"])
    elif cs == "iso-8859-1":
        data = crlf(txt).encode("latin-1", "replace")
        decl, cte = pick(rng, ["iso-8859-1", "ISO-8859-1", "latin1"]), pick(rng, ["8bit", "quoted-printable", "base64"])
    elif cs == "utf-16":
        decl = pick(rng, ["utf-16", "UTF-16", "utf-16le"])
        data = crlf(txt).encode("utf-16" if decl.lower() == "utf-16" else "utf-16-le")
        cte = pick(rng, ["base64", "base64", "binary"])
    elif cs == "ibm037":
        decl = pick(rng, ["ibm037", "IBM037", "cp037", "ebcdic-cp-us"])
        if rng.random() < 0.5:
            data, cte = txt.replace("\n", "\r\n").encode("cp037", "replace"), "base64"
        else:
            data, cte = b"\r\n".join(l.encode("cp037", "replace") for l in txt.split("\n")), "8bit"
    else:
        decl = pick(rng, ["x-unknown", "latin-99", "x-mac-clinica", "utf-8x", "iso-8859-99"])
        data = crlf(txt).encode(pick(rng, ["utf-8", "latin-1"]), "replace")
        cte = pick(rng, ["8bit", "quoted-printable"])
    if cte == "base64":
        body = b64_body(data)
    elif cte == "quoted-printable":
        body = qp_body(data)
    else:
        body = data + CRLF
    part = Part(["Content-Type: text/plain; charset=%s" % decl, "Content-Transfer-Encoding: " + cte], body)
    top = top_headers(rng, m["frm"], m["to"], m["subject"])
    return assemble(top, part), "text-charset-%s+%s" % (decl.lower(), cte)


def qp_soft(rng, text):
    out_lines = []
    for line in crlf(text).split("\r\n"):
        toks = []
        for b in line.encode("utf-8"):
            if b > 126 or b == 61 or (b < 32) or (rng.random() < 0.06 and 33 <= b <= 126):
                toks.append("=%02X" % b)
            else:
                toks.append(chr(b))
        if toks and toks[-1] in (" ", "\t"):
            toks[-1] = "=%02X" % ord(toks[-1])
        cur = ""
        lim = rng.randint(6, 40)
        segs = []
        for t in toks:
            if len(cur) + len(t) > lim:
                segs.append(cur + "=")
                cur = ""
                lim = rng.randint(6, 40)
            cur += t
        segs.append(cur)
        out_lines.extend(segs)
    return ("\r\n".join(out_lines) + "\r\n").encode("ascii")


def mal_qp_softbreak(rng, label):
    m = snippet(rng, label)
    part = Part(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"], qp_soft(rng, m["text"]))
    form = "text-qp-softbreaks-inside-words"
    if rng.random() < 0.3:
        html = html_doc(m["subject"] or "Mensaje", m["text"].split("\n\n"), rng=rng)
        hp = Part(["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"], qp_soft(rng, html))
        part = multipart(rng, "alternative", [part, hp])
        form = "multipart-alt(text-qp-softbreaks+html-qp-softbreaks)"
    top = top_headers(rng, m["frm"], m["to"], m["subject"])
    return assemble(top, part), form


def mal_rfc2047_subject(rng, label):
    frm, to = _senders(rng)
    line = one_line(rng, label)
    v = rng.randint(0, 4)
    if v == 0:
        subj, form = enc_word(line, rng, mode="B"), "rfc2047-subject-b"
    elif v == 1:
        subj, form = enc_word(line, rng, mode="Q"), "rfc2047-subject-q"
    elif v == 2:
        subj, form = enc_word(line, rng, charset="iso-8859-1", mode=pick(rng, "BQ")), "rfc2047-subject-latin1"
    elif v == 3:
        raw = line.encode("utf-8")
        cuts = sorted(rng.sample(range(1, len(raw)), min(3, len(raw) - 1)))
        pieces = [raw[a:b] for a, b in zip([0] + cuts, cuts + [len(raw)])]
        subj = " ".join("=?UTF-8?B?%s?=" % base64.b64encode(pc).decode() for pc in pieces)
        form = "rfc2047-subject-split-mid-character"
    else:
        b = base64.b64encode(line.encode("utf-8")).decode()
        subj = pick(rng, ['"=?utf-8?B?%s?="' % b, "=?utf-8*es?B?%s?=" % b, "Aviso:=?utf-8?B?%s?=" % b])
        form = "rfc2047-subject-nonstandard-placement"
    top = top_headers(rng, frm, to, subj, raw_subject=True)
    return assemble(top, text_part(rng, pick(rng, NEUTRAL_BODIES), cte="7bit")), form + "+neutral-text"


def mal_nested_forward(rng, label):
    m = snippet(rng, label)
    inner, _ = render(rng, m)
    fw1 = Person(rng)
    fw2 = Person(rng)
    note1 = pick(rng, ["FYI", "Te reenvío esto.", "---------- Forwarded message ----------", "Ver abajo", "Para tu archivo.", ""])
    mid = multipart(rng, "mixed", [text_part(rng, note1 or " ", cte="7bit"), Part(["Content-Type: message/rfc822", "Content-Disposition: inline"], inner)])
    mid_bytes = assemble(top_headers(rng, addr(fw1.name, fw1.email, rng), addr(fw2.name, fw2.email, rng), "Fwd: " + m["subject"]), mid)
    note2 = pick(rng, ["Reenvío.", "Mira lo que me mandaron", "FW", "Please see below / ver abajo", ""])
    outer = multipart(rng, "mixed", [text_part(rng, note2 or " ", cte="7bit"),
                                     Part(["Content-Type: message/rfc822", 'Content-Disposition: attachment; filename="reenviado.eml"'], mid_bytes)])
    dest = Person(rng)
    top = top_headers(rng, addr(fw2.name, fw2.email, rng), addr(dest.name, dest.email, rng), "Fwd: Fwd: " + m["subject"])
    return assemble(top, outer), "text+rfc822(text+rfc822(text))"


def data_rows(rng, label):
    if label == "phi":
        ppl = [Person(rng) for _ in range(rng.randint(3, 10))]
        v = rng.randint(0, 1)
        if v == 0:
            return [["nombre", "fecha_nac", "expediente", "diagnostico", "medicamento"]] + [[x.name, fmt_date(rng, x.dob, 2), rand_id(rng, 0).split()[-1], pick(rng, CONDITIONS)[0], pick(rng, MEDS)[0]] for x in ppl]
        return [["Paciente", "FN", "Prueba", "Resultado", "Fecha"]] + [[x.name, fmt_date(rng, x.dob, 0), pick(rng, ["VIH", "HbA1c", "Papanicolaou", "PCR COVID", "BK esputo"]), pick(rng, ["reactivo", "9.1%", "LSIL", "positivo", "negativo"]), fmt_date(rng, rand_date(rng), 0)] for x in ppl]
    v = rng.randint(0, 2)
    if v == 0:
        return [["vacuna", "lote", "dosis_disponibles", "caducidad", "sede"]] + [[pick(rng, VACS), "L%05d" % rng.randint(0, 99999), rng.randint(20, 900), fmt_date(rng, rand_date(rng), 2), pick(rng, ["Centro", "Norte", "Mercado"])] for _ in range(rng.randint(3, 9))]
    if v == 1:
        return [["diagnostico", "grupo_edad", "casos", "tasa_100mil"]] + [[pick(rng, CONDITIONS)[0], pick(rng, ["0-14", "15-44", "45-64", "65+"]), rng.randint(3, 800), round(rng.uniform(1, 300), 1)] for _ in range(rng.randint(4, 10))]
    return [["producto", "precio", "promocion"]] + [[pick(rng, MEDS)[0], rng.randint(30, 900), pick(rng, ["2x1", "-20%", "", "3x2"])] for _ in range(rng.randint(3, 9))]


def mal_octet_stream(rng, label):
    rows = data_rows(rng, label)
    frm, to = _senders(rng)
    v = rng.randint(0, 2)
    if v == 2:
        m = snippet(rng, label)
        data, kind = crlf(m["text"]).encode(pick(rng, ["utf-8", "latin-1"]), "replace"), "text"
    else:
        data, kind = make_csv(rows, sep=pick(rng, [",", ";", "\t"])), "csv"
    fn = pick(rng, ["export.dat", "datos", "reporte.csv", "archivo.bin", "ATT00001", "nota.txt", None])
    h = ["Content-Type: application/octet-stream" + ('; name="%s"' % fn if fn else "")]
    if fn or rng.random() < 0.5:
        h.append("Content-Disposition: attachment" + ('; filename="%s"' % fn if fn else ""))
    cte = pick(rng, ["base64", "base64", "7bit" if kind == "csv" else "8bit"])
    h.append("Content-Transfer-Encoding: " + cte)
    att = Part(h, b64_body(data) if cte == "base64" else data + CRLF)
    body = text_part(rng, pick(rng, ["Adjunto el archivo.", "Se anexa exportación.", "Ver archivo adjunto.", "Archivo solicitado", " "]), cte="7bit")
    top = top_headers(rng, frm, to, pick(rng, NEUTRAL_SUBJECTS + ["Archivo", "Exportación", "datos"]))
    return assemble(top, multipart(rng, "mixed", [body, att])), "text+octet-stream-%s" % kind


def mal_zip_csv(rng, label):
    rows = data_rows(rng, label)
    files = [(pick(rng, ["datos.csv", "export_%d.csv" % rng.randint(1, 99), "reporte/lista.csv"]), make_csv(rows, sep=pick(rng, [",", ";"]), bom=rng.random() < 0.4))]
    if rng.random() < 0.4:
        files.append(("LEEME.txt", "Archivo generado automáticamente. Separador: coma o punto y coma.\r\n"))
    z = _zip(files)
    frm, to = _senders(rng)
    ct = pick(rng, ["application/zip", "application/x-zip-compressed", "application/octet-stream"])
    att = attach_part(rng, ct, pick(rng, ["datos.zip", "export.zip", "reporte_%d.zip" % rng.randint(1, 999)]), z)
    parts = [text_part(rng, pick(rng, ["Adjunto zip.", "Va comprimido por el tamaño.", "Contraseña no requerida.", " "]), cte="7bit"), att]
    if rng.random() < 0.25:
        parts = [att]
    top = top_headers(rng, frm, to, pick(rng, NEUTRAL_SUBJECTS + ["Archivo comprimido", "reporte"]))
    return assemble(top, multipart(rng, "mixed", parts)), ("text+" if len(parts) == 2 else "") + "zip(csv%s)" % ("+txt" if len(files) == 2 else "")


def doc_image_lines(rng, label):
    p = Person(rng)
    clinic = pick(rng, CLINICS)[0]
    if label == "phi":
        cond = pick(rng, CONDITIONS)[0]
        med = pick(rng, MEDS)
        return pick(rng, [
            [clinic, "RECETA MEDICA", "PACIENTE: " + p.name, "FECHA DE NAC.: " + fmt_date(rng, p.dob, 0), "DX: " + cond, "RX: %s" % med[0], med[1], pick(rng, CLINICIANS)],
            [pick(rng, LABS)[0], "RESULTADOS DE LABORATORIO", "PACIENTE: " + p.name, rand_id(rng, 3)] + ["%s: %s %s %s" % (r[0], r[1], r[2], r[4]) for r in lab_values(rng, 3)],
            ["CONSTANCIA DE INCAPACIDAD", "NOMBRE: " + p.name, "NSS: %d" % rng.randint(10 ** 9, 10 ** 10), "DIAGNOSTICO: " + cond, "DIAS: %d" % rng.randint(2, 21), pick(rng, CLINICIANS)],
            ["CARNET DE CITAS - " + clinic, p.name, "FN " + fmt_date(rng, p.dob, 0), "PROGRAMA: " + pick(rng, ["DIABETES", "VIH", "TUBERCULOSIS", "CONTROL PRENATAL"]), "PROXIMA CITA: " + fmt_date(rng, rand_date(rng), 0)]])
    return pick(rng, [
        [pick(rng, PHARMS)[0], "TU SALUD, NUESTRO COMPROMISO"],
        [clinic, "CUIDAMOS DE TI Y TU FAMILIA", "TEL. 800 %03d %04d" % (rng.randint(100, 999), rng.randint(0, 9999))],
        ["CAMPANA DE VACUNACION", pick(rng, VACS).upper(), fmt_date(rng, rand_date(rng), 1), "MERCADO MUNICIPAL 9:00-14:00", "GRATIS, SIN CITA"],
        [clinic, "RECETA MEDICA", "PACIENTE: ______________________", "FECHA DE NAC.: ____/____/______", "DX: ____________________", "RX: ____________________", "FIRMA: ______________"],
        ["JORNADA DE DETECCION DE DIABETES", "TOMA DE GLUCOSA GRATIS", "SABADO " + fmt_date(rng, rand_date(rng), 0), "PARQUE HIDALGO"],
        ["COTIZACION " + pick(rng, PAYERS)[0], "SOLICITANTE: " + p.name, "FECHA DE NAC.: " + fmt_date(rng, p.dob, 0), "PLAN ESENCIAL - PRIMA $%d" % rng.randint(600, 5000)]])


def mal_image_only(rng, label):
    lines = doc_image_lines(rng, label)
    png = make_png(lines, scale=rng.choice([2, 3]), frame=rng.random() < 0.5)
    frm, to = _senders(rng)
    if rng.random() < 0.5:
        p = Person(rng)
        frm = addr(p.name, p.email, rng)
    fn = pick(rng, ["IMG_%04d.png" % rng.randint(1, 9999), "scan%03d.png" % rng.randint(1, 200), "image001.png", "foto.png"])
    subj = pick(rng, NEUTRAL_SUBJECTS + ["foto", "imagen", fn])
    top = top_headers(rng, frm, to, subj)
    att = attach_part(rng, "image/png", fn, png)
    if rng.random() < 0.5:
        att.headers[1] = 'Content-Disposition: %s; filename="%s"' % (pick(rng, ["inline", "attachment"]), fn)
        return assemble(top, att), "png-only-singlepart"
    return assemble(top, multipart(rng, "mixed", [att])), "multipart(png-only)"


def mal_pdf_no_text(rng, label):
    lines = doc_image_lines(rng, label)
    pdf = make_pdf_image(lines, scale=rng.choice([2, 3]))
    frm, to = _senders(rng)
    fn = pick(rng, ["escaneo.pdf", "scan_%04d.pdf" % rng.randint(1, 9999), "documento.pdf", "doc%d.pdf" % rng.randint(1, 99)])
    parts = [attach_part(rng, "application/pdf", fn, pdf)]
    if rng.random() < 0.6:
        parts.insert(0, text_part(rng, pick(rng, ["Adjunto escaneo.", "Se envía documento escaneado.", "Scanned by MFP-%d" % rng.randint(100, 999), " "]), cte="7bit"))
    top = top_headers(rng, frm, to, pick(rng, NEUTRAL_SUBJECTS + ["Escaneo", "Documento escaneado", "Scan"]))
    return assemble(top, multipart(rng, "mixed", parts)), ("text+" if len(parts) == 2 else "") + "pdf-image-only-no-text-layer"


MAL_FAMS = [("mime_bad_base64", mal_bad_base64), ("mime_multipart_boundary", mal_boundary), ("mime_preamble_epilogue", mal_preamble_epilogue),
            ("mime_header_details", mal_header_details), ("mime_message_partial", mal_message_partial), ("mime_html_comment", mal_html_comment),
            ("mime_charset", mal_charset), ("mime_qp_softbreak", mal_qp_softbreak), ("mime_rfc2047_subject", mal_rfc2047_subject),
            ("mime_nested_forward", mal_nested_forward), ("mime_octet_stream_text", mal_octet_stream), ("mime_zip_csv", mal_zip_csv),
            ("mime_image_only", mal_image_only), ("mime_pdf_no_text", mal_pdf_no_text)]


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------
COUNTS = {"blind": {"phi": 10, "clean": 11, "mixed": 17}, "dev": {"phi": 1, "clean": 1, "mixed": 2}}
DEV_EXTRA = {"es_lab_results": 1, "es_family_illness": 1, "es_own_care_noname": 1,
             "es_pharmacy_promo": 1, "es_insurance_quote": 1, "es_synthetic_deid": 1}


def plan(split):
    c = COUNTS[split]
    jobs = []
    for name, f in PHI_FAMS:
        n = c["phi"] + (DEV_EXTRA.get(name, 0) if split == "dev" else 0)
        jobs += [(name, "phi", f, i) for i in range(n)]
    for name, f in CLEAN_FAMS:
        n = c["clean"] + (DEV_EXTRA.get(name, 0) if split == "dev" else 0)
        jobs += [(name, "clean", f, i) for i in range(n)]
    for name, f in MAL_FAMS:
        jobs += [(name, "mixed", f, i) for i in range(c["mixed"])]
    return jobs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["blind", "dev"], required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    jobs = plan(a.split)
    msgs = []
    for name, kind, f, i in jobs:
        rng = random.Random("%s|%s|%d|v1" % (a.split, name, i))
        if kind == "mixed":
            label = "phi" if (i % 2 == 0) else "clean"
            data, form = f(rng, label)
        else:
            label = kind
            data, form = render(rng, f(rng))
        msgs.append((data, label, name, form))
    random.Random("shuffle|" + a.split).shuffle(msgs)
    rows = ["file\tlabel\tfamily\tform"]
    for k, (data, label, name, form) in enumerate(msgs, 1):
        fn = "%04d.eml" % k
        with open(os.path.join(a.out, fn), "wb") as fh:
            fh.write(data)
        rows.append("%s\t%s\t%s\t%s" % (fn, label, name, form))
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(rows) + "\n")
    print("wrote %d messages to %s" % (len(msgs), a.out))


if __name__ == "__main__":
    main()
