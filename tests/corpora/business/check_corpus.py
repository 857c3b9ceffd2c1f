#!/usr/bin/env python3
"""Validate a generated corpus: python3 check_corpus.py DIR
Parses every .eml with the email package, checks CRLF, MIME defects, manifest
counts, and opens attachments (zip+XML for XLSX/DOCX, PDF xref offsets,
ICS 75-octet folding, CSV parse)."""
import sys, os, email, zipfile, io, collections, re, csv
from email import policy
d = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(d, "manifest.tsv")), delimiter="\t"))
print("messages", len(rows), collections.Counter(r["label"] for r in rows))
fam = collections.Counter((r["family"], r["label"]) for r in rows)
print("families", len(fam))
forms = collections.defaultdict(collections.Counter)
bad = 0
for r in rows:
    forms[r["family"]][r["form"]] += 1
    raw = open(os.path.join(d, r["file"]), "rb").read()
    if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        print("LF problem", r["file"]); bad += 1
    if max(len(l) for l in raw.split(b"\r\n")) > 998:
        print("long line", r["file"]); bad += 1
    m = email.message_from_bytes(raw, policy=policy.default)
    if m.defects:
        print("defects", r["file"], m.defects); bad += 1
    for part in m.walk():
        if part.defects:
            print("part defects", r["file"], part.defects); bad += 1
    b = m.get_body(("plain", "html"))
    if b is None:
        print("no body", r["file"]); bad += 1
    else:
        b.get_content()
    exts = []
    for att in m.iter_attachments():
        fn = att.get_filename() or ""
        data = att.get_payload(decode=True) if att.get_content_type() != "message/rfc822" else b""
        ext = fn.rsplit(".", 1)[-1].lower() if fn else "eml"
        exts.append(ext)
        if ext in ("xlsx", "docx"):
            z = zipfile.ZipFile(io.BytesIO(data)); assert z.testzip() is None
            import xml.dom.minidom
            for n in z.namelist():
                if n.endswith(".xml") or n.endswith(".rels"):
                    xml.dom.minidom.parseString(z.read(n))
        elif ext == "pdf":
            assert data.startswith(b"%PDF-1.4")
            sx = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
            assert data[sx:sx + 4] == b"xref", r["file"]
            xr = data[sx:].split(b"\n")
            n = int(xr[1].split()[1])
            for k in range(1, n):
                off = int(xr[2 + k][:10])
                assert data[off:].startswith(b"%d 0 obj" % k), (r["file"], k)
        elif ext == "ics":
            for l in data.split(b"\r\n"):
                assert len(l) <= 75, (r["file"], l)
            assert data.startswith(b"BEGIN:VCALENDAR")
        elif ext == "csv":
            list(csv.reader(io.StringIO(data.decode("utf-8"))))
    toks = set(r["form"].split("+"))
    for e in exts:
        assert e in toks, (r["file"], e, r["form"])
print("bad", bad)
for (f, l), c in sorted(fam.items(), key=lambda x: (x[0][1], x[0][0])):
    print("%-30s %-5s %3d  %s" % (f, l, c, ", ".join("%s(%d)" % kv for kv in sorted(forms[f].items()))))
