using System.Text;
using SecureRelay.Cli;

namespace SecureRelay.Tests.Cli;

[TestFixture]
public sealed class SendmailInputTests
{
    [TestCase("Subject: a\n\nline\n.\nafter\n", true, "Subject: a\n\nline\n")]
    [TestCase("Subject: a\r\n\r\nline\r\n.\r\nafter\r\n", true, "Subject: a\r\n\r\nline\r\n")]
    [TestCase("Subject: a\n\nline\n.", true, "Subject: a\n\nline\n")]
    [TestCase(".\nall gone\n", true, "")]
    [TestCase("Subject: a\n\n..\n.x\n .\n", true, "Subject: a\n\n..\n.x\n .\n")]
    [TestCase("Subject: a\n\nline\n.\nafter\n", false, "Subject: a\n\nline\n.\nafter\n")]
    public async Task LoneDotEndsInputUnlessIgnored(string input, bool dotEnds, string expected)
    {
        var read = await SendmailInput.ReadAsync(new MemoryStream(Encoding.ASCII.GetBytes(input)), 1_000_000, dotEnds, CancellationToken.None);
        Assert.That(Encoding.ASCII.GetString(read), Is.EqualTo(expected));
    }

    [Test]
    public async Task DotLineSplitAcrossReadsIsFound()
    {
        // One byte per read: the dot, its CR and its LF arrive separately.
        var bytes = Encoding.ASCII.GetBytes("Subject: a\r\n\r\nline\r\n.\r\nafter\r\n");
        var read = await SendmailInput.ReadAsync(new TrickleStream(bytes), 1_000_000, dotEndsInput: true, CancellationToken.None);
        Assert.That(Encoding.ASCII.GetString(read), Is.EqualTo("Subject: a\r\n\r\nline\r\n"));
    }

    [Test]
    public void LargerThanTheLimitIsADataError()
    {
        var big = new MemoryStream(new byte[300_000]);
        var e = Assert.ThrowsAsync<SendmailException>(() => SendmailInput.ReadAsync(big, 100_000, dotEndsInput: false, CancellationToken.None));
        Assert.That(e!.ExitCode, Is.EqualTo(SysExits.DataError));
        Assert.That(big.Position, Is.LessThan(300_000), "reading stops past the limit");
    }

    [Test]
    public async Task ExactlyTheLimitIsAccepted()
    {
        var read = await SendmailInput.ReadAsync(new MemoryStream(new byte[100_000]), 100_000, dotEndsInput: false, CancellationToken.None);
        Assert.That(read, Has.Length.EqualTo(100_000));
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
