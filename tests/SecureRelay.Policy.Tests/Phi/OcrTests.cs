using System.Diagnostics;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Extraction.Ocr;
using SecureRelay.Policy.Yaml;
using static SecureRelay.Policy.Tests.PolicyTestData;
using static SecureRelay.Policy.Tests.Phi.ExtractionTests;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>OCR of images and scanned PDFs with the installed Tesseract: what it reads is classified like any
/// text; what it cannot read (noise, oversized, timed out, OCR off) stays uncertain.</summary>
public class OcrTests
{
    private static readonly string[] Letter =
    [
        "Riverside Family Clinic", "March 3, 2026", "Patient: Robert Alvarez", "Date of birth: 04/12/1961", "Dear Mr. Alvarez,",
        "Your HbA1c result was 8.5%, above the target range.", "Diagnosis: type 2 diabetes mellitus.", "Please continue metformin 500 mg twice daily.",
    ];

    private static readonly string[] Flyer =
        ["Get your flu shot this fall!", "Walk-in vaccination clinic open Saturdays, 9 am to 1 pm.", "Healthy families start with prevention."];

    private string _dir = "";

    [OneTimeSetUp]
    public void Wrapper()
    {
        // A stand-in for the executable: answers --list-langs as Tesseract does, and otherwise leaves a mark that
        // it ran and hangs, so a test can tell whether OCR was attempted and how a hung run ends.
        _dir = Directory.CreateTempSubdirectory("ocr-wrapper-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "chatty"));
        File.WriteAllText(Hanging, $"#!/bin/sh\ncase \"$1\" in --list-langs) exec tesseract --list-langs;; esac\ntouch '{Marker}'\nexec sleep 60\n");
        // And one that answers with endless output (64 MiB of it) on stdout and stderr.
        File.WriteAllText(Chatty, "#!/bin/sh\ncase \"$1\" in --list-langs) exec tesseract --list-langs;; esac\nhead -c 67108864 /dev/zero >&2 &\nexec head -c 67108864 /dev/zero\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(Chatty, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [OneTimeTearDown]
    public void RemoveWrapper() => Directory.Delete(_dir, recursive: true);

    private string Hanging => Path.Combine(_dir, "tesseract");

    private string Marker => Path.Combine(_dir, "ran");

    private string Chatty => Path.Combine(_dir, "chatty", "tesseract");

    private static PhiClassifier Classifier(string ocr) =>
        PolicyCompiler.Parse($"classifier:\n  limits: {{ timeout_ms: 60000 }}\n  ocr: {ocr}\n", "test.yaml").Classifier;

    [Test]
    public async Task ScannedLetter_NamingPatientAndDiagnosis_IsPhi()
    {
        var png = ScannedPages.Image("png", 150, Letter);
        var extracted = ExtractAttachment("letter.png", "image/png", png);
        Assert.That(extracted.Text, Does.Contain("Robert Alvarez").And.Contain("metformin"));
        Assert.That(extracted.Unreadable, Is.EqualTo((IReadOnlyList<string>)["ocr_text"]));
        var c = await Classify(WithAttachment("Please see the attached letter.", "letter.png", "image/png", png));
        Assert.That(c.Verdict, Is.EqualTo(PhiVerdict.Phi), c.ToString());
    }

    [Test]
    public async Task Flyer_HealthSloganAndNoPerson_IsReadButNeverProvenClean()
    {
        var png = ScannedPages.Image("png", 150, Flyer);
        Assert.That(ExtractAttachment("flyer.png", "image/png", png).Text, Does.Contain("flu shot"));
        var c = await Classify(WithAttachment("Our autumn flyer is attached.", "flyer.png", "image/png", png));
        // OCR can show PHI, never prove its absence: text of more than a few words keeps the message protected.
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:ocr_text")), c.ToString());
        var banner = ScannedPages.Image("png", 150, ["Riverside Family Clinic"]);
        var logo = await Classify(WithAttachment("Our autumn flyer is attached.", "banner.png", "image/png", banner));
        Assert.That(logo.Verdict, Is.EqualTo(PhiVerdict.Clean), "a banner of a few words counts as read: " + logo);
    }

    [Test]
    public async Task NoiseImage_StaysUncertain()
    {
        var random = new Random(7);
        var noise = DocumentReaderTests.Png(800, 800, (_, _) => (byte)random.Next(256));
        Assert.That(ExtractAttachment("scan.png", "image/png", noise).Unreadable, Is.EqualTo(new[] { "image_no_text" }));
        var c = await Classify(WithAttachment("See attached.", "scan.png", "image/png", noise));
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:image_no_text")));
    }

    [Test]
    public async Task OversizedImage_StaysUncertain_WithoutRunningOcr()
    {
        File.Delete(Marker);
        var classifier = Classifier($"{{ command: '{Hanging}', max_pixels: 1000000 }}");
        var c = await Classify(WithAttachment("See attached.", "scan.png", "image/png", DocumentReaderTests.Png(1200, 900)), classifier);
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:image_too_large")));

        // A header that claims 40,000 x 40,000 pixels in a few bytes: refused before anything decodes it.
        var bomb = DocumentReaderTests.Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(16), 40_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bomb.AsSpan(20), 40_000);
        c = await Classify(WithAttachment("See attached.", "bomb.png", "image/png", bomb), classifier);
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:image_too_large")));
        Assert.That(File.Exists(Marker), Is.False, "OCR ran on an oversized image");
    }

    [Test]
    public async Task OcrTimeout_StaysUncertain_AndTheProcessIsStopped()
    {
        File.Delete(Marker);
        var classifier = Classifier($"{{ command: '{Hanging}', timeout_ms: 500 }}");
        var clock = Stopwatch.StartNew();
        var c = await Classify(WithAttachment("See attached.", "letter.png", "image/png", DocumentReaderTests.Png(700, 700)), classifier);
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:ocr_timeout")));
        Assert.That(File.Exists(Marker), Is.True, "the stand-in never ran");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "a hung OCR run held the classification");
    }

    [Test]
    public async Task OcrOutputPastItsCap_StaysUncertain_AtOnce()
    {
        var clock = Stopwatch.StartNew();
        var c = await Classify(WithAttachment("See attached.", "letter.png", "image/png", DocumentReaderTests.Png(700, 700)), Classifier($"{{ command: '{Chatty}' }}"));
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:ocr_limit")));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(50)), "the cap waited for the 60 s timeout");
    }

    [Test]
    public void TesseractMissing_IsAClearConfigurationError()
    {
        var e = Assert.Throws<ConfigurationException>(() => PolicyCompiler.Parse("classifier:\n  ocr: { command: /nonexistent/tesseract }\n", "p.yaml"));
        Assert.That(e!.Message, Does.Contain("p.yaml:2").And.Contain("tesseract-ocr").And.Contain("/nonexistent/tesseract"));
        var language = Assert.Throws<ConfigurationException>(() => PolicyCompiler.Parse("classifier:\n  ocr: { languages: [eng, xqz] }\n", "p.yaml"));
        Assert.That(language!.Message, Does.Contain("tesseract-ocr-xqz"));
        Assert.Throws<ConfigurationException>(() => PolicyCompiler.Parse("classifier:\n  ocr: { timeout_ms: 0 }\n", "p.yaml"));
        Assert.Throws<ConfigurationException>(() => PolicyCompiler.Parse("classifier:\n  ocr: { languages: ['eng; rm'] }\n", "p.yaml"));
        Assert.That(PolicyCompiler.Parse("classifier:\n  ocr: { enabled: false, command: /nonexistent/tesseract }\n", "p.yaml").Classifier.Settings.Ocr.Enabled, Is.False);
    }

    [Test]
    public async Task OcrDisabled_ImageStaysUncertain()
    {
        var png = ScannedPages.Image("png", 150, Flyer);
        var c = await Classify(WithAttachment("Our autumn flyer is attached.", "flyer.png", "image/png", png), Classifier("{ enabled: false }"));
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:image")));
    }

    [Test]
    public async Task IconSizedImage_IsSkipped_AndCountsAsRead()
    {
        File.Delete(Marker);
        var e = ExtractAttachment("logo.png", "image/png", DocumentReaderTests.Png(32, 32));
        Assert.That((e.Text, e.Unreadable), Is.EqualTo(("Hello\n\nSee attached.\n\nlogo.png\n\n", (IReadOnlyList<string>)[])));
        var c = await Classify(WithAttachment("See attached.", "logo.png", "image/png", DocumentReaderTests.Png(32, 32)), Classifier($"{{ command: '{Hanging}' }}"));
        Assert.That(c.Verdict, Is.EqualTo(PhiVerdict.Clean), c.ToString());
        Assert.That(File.Exists(Marker), Is.False, "OCR ran on an icon");
    }

    [Test]
    public async Task ScannedPdf_PngOrJpegPage_IsReadByOcr()
    {
        foreach (var jpeg in new[] { false, true })
        {
            var pdf = ScannedPages.ScannedPdf(jpeg, Letter);
            var e = ExtractAttachment("referral.pdf", "application/pdf", pdf);
            Assert.That(e.Text, Does.Contain("Alvarez"), jpeg ? "jpeg" : "png");
            Assert.That(e.Unreadable, Is.EqualTo((IReadOnlyList<string>)["ocr_text"]), jpeg ? "jpeg" : "png");
            var c = await Classify(WithAttachment("Referral attached.", "referral.pdf", "application/pdf", pdf));
            Assert.That(c.Verdict, Is.EqualTo(PhiVerdict.Phi), c.ToString());
        }
    }

    [Test]
    public async Task MoreImagesThanAllowed_TheRestStayUncertain()
    {
        var flyer = ScannedPages.Image("png", 150, Flyer);
        var message = WithAttachment("Two flyers attached.", "a.png", "image/png", flyer);
        var builder = new MimeKit.BodyBuilder { TextBody = "Two flyers attached." };
        builder.Attachments.Add("a.png", flyer, MimeKit.ContentType.Parse("image/png"));
        builder.Attachments.Add("b.png", flyer, MimeKit.ContentType.Parse("image/png"));
        message.Body = builder.ToMessageBody();
        var c = await Classify(message, Classifier("{ max_images: 1 }"));
        Assert.That((c.Verdict, c.Signal), Is.EqualTo((PhiVerdict.Uncertain, (string?)"unreadable:ocr_limit")));
    }

    [Test]
    public async Task OcrGate_BoundsRunsAndWaiters()
    {
        // A size of its own (no other test uses 3): all slots taken, then every allowed waiter waiting.
        const int size = 3;
        var held = Enumerable.Range(0, size).Select(_ => OcrGate.Enter(size, TimeSpan.Zero, CancellationToken.None)).ToList();
        Assert.That(held, Has.All.Not.Null);
        Assert.That(OcrGate.Enter(size, TimeSpan.Zero, CancellationToken.None), Is.Null, "a run past the slots");
        using var stop = new CancellationTokenSource();
        var waiters = Enumerable.Range(0, size * OcrGate.WaitersPerSlot)
            .Select(_ => Task.Factory.StartNew(() => OcrGate.Enter(size, TimeSpan.FromMinutes(5), stop.Token), TaskCreationOptions.LongRunning)).ToList();
        var clock = Stopwatch.StartNew();
        while (OcrGate.Waiting(size) < size * OcrGate.WaitersPerSlot && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        // Every waiter waits: one more is refused at once instead of blocking a thread for its whole OCR time.
        var attempt = Stopwatch.StartNew();
        Assert.That(OcrGate.Enter(size, TimeSpan.FromMinutes(2), CancellationToken.None), Is.Null);
        Assert.That(attempt.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "the extra waiter blocked");
        foreach (var slot in held)
        {
            slot!.Dispose();
        }

        var granted = 0;
        await stop.CancelAsync();
        foreach (var waiter in waiters)
        {
            try
            {
                using var slot = await waiter;
                granted += slot is null ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                // Still waiting when the test stopped: no slot.
            }
        }

        Assert.That(granted, Is.GreaterThanOrEqualTo(size), "released slots went to waiters");
    }
}
