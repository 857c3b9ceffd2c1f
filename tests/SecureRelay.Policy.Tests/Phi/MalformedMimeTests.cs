using System.Text;
using MimeKit;
using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>The extractor sees every byte a lenient client could show: headers, preambles and epilogues,
/// the raw text behind broken transfer encodings and odd charsets; and reports (never ignores) what it
/// cannot read. Each fixture is a small malformed message, parsed as the relay parses it.</summary>
public class MalformedMimeTests
{
    private static ExtractedText Extract(string eml)
    {
        // Not ReplaceLineEndings: it would turn an EBCDIC 'e' (0x85, NEL) into a line break.
        var bytes = Encoding.Latin1.GetBytes(eml.Replace("\n", "\r\n", StringComparison.Ordinal));
        using var message = Patient.Parse(new MemoryStream(bytes, writable: false), CancellationToken.None);
        return MessageTextExtractor.Extract(message, Patient.Settings, ClassificationBudget.Unlimited);
    }

    [Test]
    public void MultipartWithoutBoundary_ItsBodyIsText()
    {
        // MimeKit finds no parts and keeps the whole body as the preamble.
        var e = Extract("Subject: s\nContent-Type: multipart/mixed\n\nPatient Jane Roe DOB 04/12/1961\n--x\nContent-Type: text/plain\n\nMRN 00482913\n--x--\n");
        Assert.That(e.Text, Does.Contain("DOB 04/12/1961").And.Contain("MRN 00482913"));
        Assert.That(e.Unreadable, Is.Empty);
    }

    [Test]
    public void PreambleAndEpilogue_AreRead()
    {
        var e = Extract("Subject: s\nContent-Type: multipart/mixed; boundary=x\n\nPREAMBLE MRN 00482913\n--x\nContent-Type: text/plain\n\nhi\n--x--\nEPILOGUE DOB 04/12/1961\n");
        Assert.That(e.Text, Does.Contain("PREAMBLE MRN 00482913").And.Contain("EPILOGUE DOB 04/12/1961").And.Contain("hi"));
    }

    [Test]
    public void Headers_ShownOnesAreRead_RoutingAndTraceAreNot()
    {
        var e = Extract(
            "Received: from trace.example (TRACEHOST)\nDKIM-Signature: v=1; b=SIGNATUREBYTES\nMessage-ID: <MSGID@x>\n"
            + "From: \"Jane Roe (DOB 04/12/1961)\" <jane@patient.example>\nTo: Dr Who <who@clinic.example>\n"
            + "Subject: visit\nX-Patient-MRN: 00482913\nComments: follow-up for diabetes\nKeywords: oncology\n"
            + "Content-Type: text/plain\n\nbody\n");
        Assert.That(e.Text, Does.Contain("Jane Roe (DOB 04/12/1961)").And.Contain("Dr Who").And.Contain("X-Patient-MRN: 00482913")
            .And.Contain("Comments: follow-up for diabetes").And.Contain("Keywords: oncology").And.Contain("visit"));
        Assert.That(e.Text, Does.Not.Contain("TRACEHOST").And.Not.Contain("SIGNATUREBYTES").And.Not.Contain("MSGID").And.Not.Contain("jane@patient.example"));
    }

    [Test]
    public void PartHeaders_DescriptionAndFileNameAreRead()
    {
        var e = Extract("Subject: s\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\nContent-Description: labs for Jane Roe\n"
            + "Content-Disposition: attachment; filename=\"roe_dob_1961-04-12.txt\"\n\nresults\n--x--\n");
        Assert.That(e.Text, Does.Contain("labs for Jane Roe").And.Contain("roe_dob_1961-04-12.txt"));
    }

    [Test]
    public void Base64DeclaredOverPlainText_RawTextIsReadToo()
    {
        // MimeKit's lenient decoder turns the text into bytes of noise; a client showing the source shows text.
        var e = Extract("Subject: s\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nPatient: Jane Roe, DOB 04/12/1961!\n");
        Assert.That(e.Text, Does.Contain("Patient: Jane Roe, DOB 04/12/1961!"));
        Assert.That(e.Unreadable, Is.Empty, "the raw text is readable");
    }

    [Test]
    public void Base64DeclaredOverBinary_IsBadTransferEncoding()
    {
        var e = Extract("Subject: s\nContent-Type: application/x-thing\nContent-Transfer-Encoding: base64\n\n\u0001\u0002\u0003\u0004\u0005\u0006*&^%\u0007\u0008\u000e\u000f\n");
        Assert.That(e.Unreadable, Does.Contain("bad_transfer_encoding"));
    }

    [Test]
    public void ValidBase64_IsNotDoubled()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("MRN 00482913"));
        var e = Extract($"Subject: s\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{body}\n");
        Assert.That(e.Text, Does.Contain("MRN 00482913").And.Not.Contain(body));
        Assert.That(e.Unreadable, Is.Empty);
    }

    [Test]
    public void BrokenQuotedPrintable_RawTextIsReadToo()
    {
        var e = Extract("Subject: s\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nMRN =ZZ 00482913 D=\nOB =4\n");
        Assert.That(e.Text, Does.Contain("MRN =ZZ 00482913 D=\r\nOB =4").Or.Contain("MRN =ZZ 00482913 D=\nOB =4"));
        Assert.That(e.Unreadable, Is.Empty);
        var valid = Extract("Subject: s\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 D=\nOB  \n");
        Assert.That(valid.Text, Does.Contain("Café DOB").And.Not.Contain("=C3"));
    }

    [Test]
    public void EbcdicCharset_IsDecoded_AndRawBytesReadAsLatin1()
    {
        // "Patient" in IBM037, then ASCII a lenient client would show if it ignored the label.
        var e = Extract("Subject: s\nContent-Type: text/plain; charset=ibm037\n\n\u00d7\u0081\u00a3\u0089\u0085\u0095\u00a3 MRN 00482913\n");
        Assert.That(e.Text, Does.Contain("Patient").And.Contain("MRN 00482913"), e.Text.Replace("\r", "<CR>").Replace("\n", "<LF>"));
        Assert.That(e.Unreadable, Is.Empty);
    }

    [Test]
    public void UnknownCharset_BestEffortAndRaw_BinaryIsReported()
    {
        var text = Extract("Subject: s\nContent-Type: text/plain; charset=x-no-such-charset\n\nJ\u00e4ne Roe MRN 00482913\n");
        Assert.That(text.Text, Does.Contain("J\u00e4ne Roe MRN 00482913"));
        Assert.That(text.Unreadable, Is.Empty);
        var binary = Extract("Subject: s\nContent-Type: text/plain; charset=x-no-such-charset\n\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011\n");
        Assert.That(binary.Unreadable, Does.Contain("unknown_charset"));
    }

    [TestCase("Content-Type: message/partial; id=\"abc\"; number=1; total=2\n\nSubject: inner\n\nMRN 00482913\n", "message_partial")]
    [TestCase("Content-Type: message/external-body; access-type=URL; URL=\"http://x.example/\"\n\nContent-Type: text/plain\n\n", "external_body")]
    [TestCase("Content-Type: application/pkcs7-mime; smime-type=enveloped-data\nContent-Transfer-Encoding: base64\n\nAAAA\n", "encrypted_part")]
    [TestCase("Content-Type: application/pkcs7-mime; smime-type=signed-data\nContent-Transfer-Encoding: base64\n\nAAAA\n", "opaque_signed")]
    [TestCase("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=x\n\n--x\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--x\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\nabc\n-----END PGP MESSAGE-----\n--x--\n", "encrypted_part")]
    [TestCase("Content-Type: text/plain\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n", "encrypted_part")]
    [TestCase("Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n", "image")]
    [TestCase("Content-Type: audio/mpeg\n\nID3\n", "media")]
    public void ContentWeCannotSee_IsUnreadable(string part, string reason)
    {
        var e = Extract("Subject: s\n" + part);
        Assert.That(e.Unreadable, Does.Contain(reason));
    }

    [Test]
    public async Task Unreadable_IsNeverClean()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("Subject: s\r\nContent-Type: message/partial; id=\"a\"; number=1; total=2\r\n\r\nSubject: x\r\n\r\nhello\r\n"));
        var c = await Patient.ClassifyAsync(stream, Envelope());
        Assert.That((c.Verdict, c.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, "unreadable:message_partial")));
    }

    [Test]
    public void Html_TablesAsRows_BlocksAsLines_CommentsAndAltKept()
    {
        var text = MessageTextExtractor.StripHtml(
            "<html><head><style>td{color:red}</style></head><body><p>Results</p><table><tr><th>Name</th><th>DOB</th></tr>"
            + "<tr><td>Jane Roe</td><td>04/12/1961</td></tr></table><!-- MRN 00482913 --><img alt=\"Scan of Jane&#39;s card\" src=x>"
            + "<script>var x = '<tr>';</script>a &lt; b</body></html>");
        Assert.That(text, Does.Contain("Name | DOB\n").And.Contain("Jane Roe | 04/12/1961").And.Contain("MRN 00482913")
            .And.Contain("Scan of Jane's card").And.Contain("Results\n").And.Contain("a < b"));
        Assert.That(text, Does.Not.Contain("color:red").And.Not.Contain("var x"));
    }

    [Test]
    public void ForwardedMessage_HeadersAreRead()
    {
        var outer = Message("fwd");
        var inner = Message("see below", subject: "Labs", ("X-Chart", "MRN 00482913"));
        inner.From.Clear();
        inner.From.Add(new MailboxAddress("Jane Roe", "jane@patient.example"));
        outer.Body = new Multipart("mixed") { new TextPart("plain") { Text = "fwd" }, new MessagePart { Message = inner } };
        var e = MessageTextExtractor.Extract(outer, Patient.Settings, ClassificationBudget.Unlimited);
        Assert.That(e.Text, Does.Contain("Labs").And.Contain("X-Chart: MRN 00482913").And.Contain("Jane Roe"));
    }
}
