using MimeKit;
using SecureRelay.Security.Escrow;

namespace SecureRelay.Security.Tests.Escrow;

public sealed class EscrowNoticeBuilderTests
{
    [Test]
    public void Notice_has_link_expiry_and_no_phi()
    {
        var original = new MimeMessage();
        original.Subject = "HIV test result for Jane Example";
        var builder = new BodyBuilder { TextBody = "Viral load 20000 copies/mL" };
        builder.Attachments.Add("jane-example-labs.pdf", "%PDF-1.4 fake"u8.ToArray());
        original.Body = builder.ToMessageBody();

        var options = new EscrowOptions
        {
            PortalBaseUrl = "https://portal.example.org/",
            NoticeSender = "Secure Mail <notices@relay.example.org>",
        };
        var stored = new EscrowStoreResult("id1", "tok_EN-abc123", new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero));
        var notice = new EscrowNoticeBuilder(options).Build(stored, "pat@example.net", "Clinic.Example.com");

        using var stream = new MemoryStream();
        notice.WriteTo(stream);
        var wire = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(notice.TextBody, Does.Contain("You have a secure message from clinic.example.com"));
            Assert.That(notice.TextBody, Does.Contain("https://portal.example.org/m/tok_EN-abc123"));
            Assert.That(notice.HtmlBody, Does.Contain("href=\"https://portal.example.org/m/tok_EN-abc123\""));
            Assert.That(notice.TextBody, Does.Contain("2026-04-01 09:30 UTC"));
            Assert.That(notice.From.Mailboxes.Single().Address, Is.EqualTo("notices@relay.example.org"));
            Assert.That(notice.To.Mailboxes.Single().Address, Is.EqualTo("pat@example.net"));
            Assert.That(notice.MessageId, Does.EndWith("@relay.example.org"));
            Assert.That(notice.Body, Is.InstanceOf<MultipartAlternative>());
            foreach (var phi in new[] { "HIV", "Jane", "Viral", "labs.pdf" })
            {
                Assert.That(wire, Does.Not.Contain(phi).IgnoreCase, phi);
            }
        });
    }

    [Test]
    public void Organisation_setting_overrides_domain_and_is_html_encoded()
    {
        var options = new EscrowOptions { SenderOrganisation = "Smith & <Sons> Clinic", NoticeSender = "n@relay.example.org" };
        var notice = new EscrowNoticeBuilder(options).Build(
            new EscrowStoreResult("id", "t", DateTimeOffset.UtcNow.AddDays(1)), "pat@example.net", "example.com");
        Assert.That(notice.TextBody, Does.Contain("from Smith & <Sons> Clinic"));
        Assert.That(notice.HtmlBody, Does.Contain("Smith &amp; &lt;Sons&gt; Clinic"));
        Assert.That(notice.HtmlBody, Does.Not.Contain("<Sons>"));
    }

    [Test]
    public void Plain_http_portal_is_refused_unless_loopback()
    {
        Assert.That(() => new EscrowNoticeBuilder(new EscrowOptions { PortalBaseUrl = "http://portal.example.org" }),
            Throws.ArgumentException.With.Message.Contains("portal_base_url"));
        Assert.That(() => new EscrowNoticeBuilder(new EscrowOptions { PortalBaseUrl = "http://127.0.0.1:8080" }), Throws.Nothing);
    }

    [TestCase("a..b@example.net")]
    [TestCase(".lead@example.net")]
    [TestCase("\"john doe\"@example.net")]
    [TestCase("user@[127.0.0.1]")]
    [TestCase("josé@exämple.net")]
    public void Notice_is_built_for_any_address_smtp_accepted(string recipient)
    {
        // MailboxAddress.Parse refuses some of these; an escrowed message must not then sit deferred.
        var options = new EscrowOptions { PortalBaseUrl = "https://portal.example.org/", NoticeSender = "notices@relay.example.org" };
        var stored = new EscrowStoreResult("id1", "tok", DateTimeOffset.UtcNow.AddDays(30));
        var notice = new EscrowNoticeBuilder(options).Build(stored, recipient, "clinic.example.com");
        Assert.That(notice.To.Mailboxes.Single().Address.Replace("\"", "", StringComparison.Ordinal), Is.EqualTo(recipient.Replace("\"", "", StringComparison.Ordinal)));
    }
}
