using System.Text;
using SecureRelay.Configuration;
using SecureRelay.Users;

namespace SecureRelay.Tests.Users;

/// <summary>Which sender domains a user owns: envelope parsing (quoted local parts, the null
/// sender) and the From:/Sender: header check.</summary>
[TestFixture]
public sealed class UserDirectoryTests
{
    private static readonly UserDirectory Users = new(
    [
        new UserConfig { Name = "clinic", SenderDomains = ["clinic.example", "*.lab.example"] },
        new UserConfig { Name = "bouncer", SenderDomains = ["clinic.example"], AllowNullSender = true },
        new UserConfig { Name = "any" },
    ]);

    [TestCase("app@clinic.example", "clinic.example")]
    [TestCase("\"x@hospital.example\"@clinic.example", "clinic.example")]
    [TestCase("\"x\\\"@hospital.example\"@clinic.example", "clinic.example")]
    [TestCase("\"x@clinic.example\"@hospital.example", "hospital.example")]
    [TestCase("app@clinic.example.", "clinic.example")]
    [TestCase("a@b@clinic.example", null)]
    [TestCase("\"unterminated@clinic.example", null)]
    [TestCase("\"x\"clinic.example", null)]
    [TestCase("nodomain", null)]
    public void EnvelopeDomainIsWhatFollowsTheLocalPart(string mailbox, string? domain) =>
        Assert.That(UserDirectory.EnvelopeDomain(mailbox), Is.EqualTo(domain));

    [TestCase("clinic", "app@clinic.example", true)]
    [TestCase("clinic", "app@CLINIC.example", true)]
    [TestCase("clinic", "app@eu.lab.example", true)]
    [TestCase("clinic", "app@lab.example", false)]
    [TestCase("clinic", "ceo@hospital.example", false)]
    [TestCase("clinic", "app@clinic.example.hospital.example", false)]
    [TestCase("clinic", "\"x@clinic.example\"@hospital.example", false)]
    [TestCase("clinic", "", false)]
    [TestCase("bouncer", "", true)]
    [TestCase("any", "ceo@hospital.example", true)]
    [TestCase("any", "", false)]
    [TestCase("nobody", "app@clinic.example", false)]
    public void MaySendAs(string user, string reversePath, bool allowed) =>
        Assert.That(Users.MaySendAs(user, reversePath), Is.EqualTo(allowed));

    [TestCase("From: App <app@clinic.example>\r\nSender: ops@eu.lab.example\r\n", null)]
    [TestCase("From: ceo@hospital.example\r\n", "<ceo@hospital.example>: From: header address rejected: not owned by user clinic")]
    [TestCase("From: app@clinic.example\r\nFrom: ceo@hospital.example\r\n", "<ceo@hospital.example>: From: header")]
    [TestCase("From: Team: app@clinic.example, ceo@hospital.example;\r\n", "<ceo@hospital.example>: From: header")]
    [TestCase("From: app@clinic.example\r\nsender: ceo@hospital.example\r\n", "<ceo@hospital.example>: Sender: header")]
    [TestCase("From: \"x@hospital.example\"@clinic.example\r\n", null)]
    [TestCase("From: undisclosed\r\n", "From: header")]
    [TestCase("Reply-To: ceo@hospital.example\r\nFrom: app@clinic.example\r\n", null)]
    public void HeaderAddressesMustBeOwned(string headers, string? refusal)
    {
        using var content = new MemoryStream(Encoding.ASCII.GetBytes(headers + "Subject: s\r\n\r\nbody\r\n"));
        var result = SenderHeaderCheck.FindForeign(Users, "clinic", content, truncated: false);
        if (refusal is null)
        {
            Assert.That(result, Is.Null);
        }
        else
        {
            Assert.That(result, Does.Contain(refusal));
        }
    }

    [Test]
    public void HeaderSectionCutOffByTheCaptureFailsClosed()
    {
        // The copy ended inside the header section: a From: further down could not be seen.
        using var content = new MemoryStream(Encoding.ASCII.GetBytes("From: app@clinic.example\r\nX-Long: aaaa"));
        Assert.That(SenderHeaderCheck.FindForeign(Users, "clinic", content, truncated: true), Does.Contain("too large"));
        using var complete = new MemoryStream(Encoding.ASCII.GetBytes("From: app@clinic.example\r\n\r\nbody cut"));
        Assert.That(SenderHeaderCheck.FindForeign(Users, "clinic", complete, truncated: true), Is.Null);
    }
}
