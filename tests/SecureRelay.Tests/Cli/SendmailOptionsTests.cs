using MailKit;
using MailKit.Net.Smtp;
using SecureRelay.Cli;

namespace SecureRelay.Tests.Cli;

/// <summary>The command lines cron, PHP and monitoring tools really pass to /usr/sbin/sendmail.</summary>
[TestFixture]
public sealed class SendmailOptionsTests
{
    [Test]
    public void PhpMailCommandLine()
    {
        // php.ini's default sendmail_path: "sendmail -t -i"
        var o = SendmailOptions.Parse(["-t", "-i"]);
        Assert.That(o.ExtractRecipients, Is.True);
        Assert.That(o.IgnoreDots, Is.True);
        Assert.That(o.Recipients, Is.Empty);
    }

    [Test]
    public void CronCommandLine()
    {
        // Debian cron: sendmail -FCronDaemon -i -B8BITMIME -oem root
        var o = SendmailOptions.Parse(["-FCronDaemon", "-i", "-B8BITMIME", "-oem", "root"]);
        Assert.That(o.FullName, Is.EqualTo("CronDaemon"));
        Assert.That(o.IgnoreDots, Is.True);
        Assert.That(o.Recipients, Is.EqualTo(new[] { "root" }));
    }

    [Test]
    public void ClusteredFlagsAndAttachedOrSeparateArguments()
    {
        var o = SendmailOptions.Parse(["-ti", "-fbounce@clinic.test", "-F", "Night Batch", "-odi", "-bm", "a@x.test"]);
        Assert.That(o.ExtractRecipients && o.IgnoreDots, Is.True);
        Assert.That(o.Sender, Is.EqualTo("bounce@clinic.test"));
        Assert.That(o.FullName, Is.EqualTo("Night Batch"));
        Assert.That(o.Recipients, Is.EqualTo(new[] { "a@x.test" }));

        Assert.That(SendmailOptions.Parse(["-f", "<other@clinic.test>", "b@x.test"]).Sender, Is.EqualTo("other@clinic.test"));
        Assert.That(SendmailOptions.Parse(["-f", "<>", "b@x.test"]).Sender, Is.Empty, "the null sender");
        Assert.That(SendmailOptions.Parse(["-r", "r@clinic.test", "b@x.test"]).Sender, Is.EqualTo("r@clinic.test"), "-r is the old -f");
        Assert.That(SendmailOptions.Parse(["-oi", "b@x.test"]).IgnoreDots, Is.True);
        Assert.That(SendmailOptions.Parse(["-o", "i", "b@x.test"]).IgnoreDots, Is.True);
        Assert.That(SendmailOptions.Parse(["b@x.test"]).IgnoreDots, Is.False);
    }

    [Test]
    public void OptionsEndAtTheFirstRecipientOrAtDoubleDash()
    {
        var o = SendmailOptions.Parse(["-i", "a@x.test", "-t", "b@x.test"]);
        Assert.That(o.ExtractRecipients, Is.False, "as Postfix: getopt stops at the first non-option");
        Assert.That(o.Recipients, Is.EqualTo(new[] { "a@x.test", "-t", "b@x.test" }));

        var dashed = SendmailOptions.Parse(["-i", "--", "-odd@x.test"]);
        Assert.That(dashed.Recipients, Is.EqualTo(new[] { "-odd@x.test" }));
    }

    [Test]
    public void OwnLongOptionsAndDsn()
    {
        var o = SendmailOptions.Parse(["--config", "/etc/x.yaml", "--server=127.0.0.1:2525", "-N", "failure,delay", "-R", "hdrs", "-V", "env-1", "a@x.test"]);
        Assert.That(o.ConfigFile, Is.EqualTo("/etc/x.yaml"));
        Assert.That(o.Server, Is.EqualTo("127.0.0.1:2525"));
        Assert.That(o.Notify, Is.EqualTo(DeliveryStatusNotification.Failure | DeliveryStatusNotification.Delay));
        Assert.That(o.Return, Is.EqualTo(DeliveryStatusNotificationType.HeadersOnly));
        Assert.That(o.EnvelopeId, Is.EqualTo("env-1"));
        Assert.That(SendmailOptions.Parse(["-C", "relay.yaml", "a@x.test"]).ConfigFile, Is.EqualTo("relay.yaml"));
    }

    [TestCase("-k")]
    [TestCase("-bp")]
    [TestCase("-bs")]
    [TestCase("-q")]
    [TestCase("-N", "sometimes")]
    [TestCase("-R", "body")]
    [TestCase("--smtp")]
    [TestCase("-f")]
    public void BadOrUnsupportedFlagsAreUsageErrors(params string[] args)
    {
        var e = Assert.Throws<SendmailException>(() => SendmailOptions.Parse(args));
        Assert.That(e!.ExitCode, Is.EqualTo(SysExits.Usage));
    }
}
