using System.Text;
using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>
/// Text that travels with a message outside its readable parts (preamble, epilogue, custom header
/// fields, file names) is classified, and content the parser cannot take apart (a boundary that never
/// appears, x-uuencode, text beside base64) is never clean. Found by the MIME fuzz in
/// tests/SecureRelay.Tests/Security: each of these left PHI in plaintext through <c>opportunistic</c>.
/// </summary>
public class HiddenTextTests
{
    private const string Phi = "Patient SSN 587-21-4093, diagnosis: type 2 diabetes mellitus (E11.9).";
    private const string Head = "From: app@clinic.example\r\nTo: someone@example.org\r\nSubject: note\r\nMIME-Version: 1.0\r\n";

    private static string Multipart(string preamble, string epilogue, string boundaryDeclared = "b", string boundaryUsed = "b") =>
        Head + $"Content-Type: multipart/mixed; boundary=\"{boundaryDeclared}\"\r\n\r\n{preamble}\r\n"
        + $"--{boundaryUsed}\r\nContent-Type: text/plain\r\n\r\nsee you soon\r\n--{boundaryUsed}--\r\n{epilogue}";

    [TestCase("preamble")]
    [TestCase("epilogue")]
    [TestCase("custom header")]
    [TestCase("file name")]
    public async Task PhiOutsideTheTextPartsIsNeverClean(string where)
    {
        var message = where switch
        {
            "preamble" => Multipart(Phi, ""),
            "epilogue" => Multipart("This is a multi-part message in MIME format.", Phi + "\r\n"),
            "custom header" => Head.Replace("Subject: note", "Subject: note\r\nX-Patient-Note: " + Phi, StringComparison.Ordinal) + "\r\nsee header\r\n",
            _ => Head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nattached\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"SSN 587-21-4093 type 2 diabetes mellitus.txt\"\r\n\r\nfollow-up\r\n--b--\r\n",
        };

        var c = await ClassifyRaw(message);
        Assert.That(c.IsProtected, Is.True, c.ToString()); // phi or uncertain: never clean
    }

    [TestCase("boundary never used")]
    [TestCase("x-uuencode")]
    [TestCase("text beside base64")]
    public async Task ContentThatCannotBeTakenApartIsNeverClean(string damage)
    {
        var message = damage switch
        {
            "boundary never used" => Multipart(Phi, "", boundaryDeclared: "b", boundaryUsed: "other"),
            "x-uuencode" => Head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a.txt\r\n" + Phi + "\r\nend\r\n",
            _ => Head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Convert.ToBase64String(Encoding.ASCII.GetBytes("see you soon")) + "\r\n" + Phi + "\r\n",
        };

        var c = await ClassifyRaw(message);
        // Read as a client that shows the raw text would show it: the PHI in it is found.
        Assert.That(c.IsProtected, Is.True, c.ToString());
    }

    [Test]
    public async Task OrdinaryMultipartWithPreambleHeadersAndBase64StaysClean()
    {
        var message = Head.Replace("Subject: note", "Subject: note\r\nX-Mailer: Example Mailer 4.2\r\nX-Campaign: spring-2026", StringComparison.Ordinal)
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\nThis is a multi-part message in MIME format.\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nOur office hours change next week.\r\n"
            + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"hours.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(Encoding.ASCII.GetBytes("Mon-Fri 9-17\r\n")) + "\r\n--b--\r\n";

        var c = await ClassifyRaw(message);
        Assert.That(c.Verdict, Is.EqualTo(PhiVerdict.Clean), c.ToString());
    }

    private static async Task<Classification> ClassifyRaw(string message)
    {
        var bytes = Encoding.ASCII.GetBytes(message);
        return await Patient.ClassifyAsync(new MemoryStream(bytes), Envelope(size: bytes.Length));
    }
}
