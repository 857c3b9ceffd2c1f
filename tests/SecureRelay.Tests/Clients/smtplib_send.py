"""Sends one message with Python's smtplib, as an application would; driven by ClientCompatibilityTests.

argv[1] is a JSON object: port, kind (plain | auth | utf8 | attachment), mode (str | bytes),
sender, to, subject, body, user, password, eml (bytes mode: an .eml file with LF line endings),
attachment / attachment_name (str mode), utf8_address (bool).
"""
import json
import smtplib
import ssl
import sys
from email.message import EmailMessage
from email import policy

a = json.loads(sys.argv[1])
smtp = smtplib.SMTP("127.0.0.1", a["port"], timeout=30)
try:
    smtp.ehlo("python.client.test")
    if a["kind"] == "auth":
        context = ssl.create_default_context()
        context.check_hostname = False       # the relay's certificate is self-signed in the test
        context.verify_mode = ssl.CERT_NONE
        smtp.starttls(context=context)
        smtp.ehlo("python.client.test")
        smtp.login(a["user"], a["password"])  # smtplib picks AUTH PLAIN from "AUTH PLAIN LOGIN"

    if a["mode"] == "bytes":
        # The case that used to fail: bytes straight from an LF file, bare LF and all.
        with open(a["eml"], "rb") as f:
            data = f.read()
        options = ["SMTPUTF8", "BODY=8BITMIME"] if a["kind"] == "utf8" else []
        smtp.sendmail(a["sender"], [a["to"]], data, mail_options=options)
    elif a["kind"] in ("plain", "auth"):
        # A hand-written str message with \n line endings (smtplib turns them into CRLF).
        text = "From: {0}\nTo: {1}\nSubject: {2}\n\n{3}".format(a["sender"], a["to"], a["subject"], a["body"])
        smtp.sendmail(a["sender"], [a["to"]], text)
    else:
        msg = EmailMessage(policy=policy.SMTPUTF8 if a["kind"] == "utf8" else policy.SMTP)
        msg["From"] = a["sender"]
        msg["To"] = a["to"]
        msg["Subject"] = a["subject"]
        msg.set_content(a["body"], cte="8bit" if a["kind"] == "utf8" else "7bit")
        if a["kind"] == "attachment":
            with open(a["attachment"], "rb") as f:
                msg.add_attachment(f.read(), maintype="application", subtype="octet-stream", filename=a["attachment_name"])
            smtp.sendmail(a["sender"], [a["to"]], msg.as_string())
        else:
            smtp.send_message(msg)  # adds SMTPUTF8 and BODY=8BITMIME for a non-ASCII address
finally:
    smtp.quit()
