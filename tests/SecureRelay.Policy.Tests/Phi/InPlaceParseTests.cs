using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>A seekable message within the size limit is parsed in place (persistent); that must read and
/// classify exactly as the bounded copying parse does.</summary>
public class InPlaceParseTests
{
    /// <summary>Hides seeking, forcing the bounded copying parse.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public async Task CorpusMessages_ReadAndClassifyTheSameInPlaceAndCopied()
    {
        var classifier = Patient;
        var files = Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus"), "*.eml", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.GreaterThan(300));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var inPlace = classifier.Parse(new MemoryStream(bytes, writable: false), CancellationToken.None);
            var copied = classifier.Parse(new ForwardOnlyStream(new MemoryStream(bytes, writable: false)), CancellationToken.None);
            var fromInPlace = MessageTextExtractor.Extract(inPlace, classifier.Settings, ClassificationBudget.Unlimited);
            var fromCopy = MessageTextExtractor.Extract(copied, classifier.Settings, ClassificationBudget.Unlimited);
            Assert.That((fromInPlace.Text, fromInPlace.Unreadable), Is.EqualTo((fromCopy.Text, fromCopy.Unreadable)), file);
            Assert.That(
                inPlace.Headers.Select(h => h.Field + ":" + h.Value),
                Is.EqualTo(copied.Headers.Select(h => h.Field + ":" + h.Value)),
                file);

            var envelope = Envelope(size: bytes.Length);
            var a = await classifier.ClassifyAsync(new MemoryStream(bytes, writable: false), envelope);
            var b = await classifier.ClassifyAsync(new ForwardOnlyStream(new MemoryStream(bytes, writable: false)), envelope);
            Assert.That(a.ToString(), Is.EqualTo(b.ToString()), file);
        }
    }

    [Test]
    public async Task SizeLimit_HoldsForSeekableStreams()
    {
        var policy = PolicyCompiler.Parse("classifier:\n  limits: { max_message_bytes: 400, timeout_ms: 60000 }\n", "p.yaml");
        using var small = ToStream(Message("short note"));
        Assert.That(small.Length, Is.LessThanOrEqualTo(400));
        Assert.That((await policy.Classifier.ClassifyAsync(small, Envelope())).Source, Is.EqualTo(ClassificationSource.Content));

        using var big = ToStream(Message(new string('x', 600)));
        var c = await policy.Classifier.ClassifyAsync(big, Envelope());
        Assert.That((c.Verdict, c.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, "failure:message_too_large")));
    }
}
