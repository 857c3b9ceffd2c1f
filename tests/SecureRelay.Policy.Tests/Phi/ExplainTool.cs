using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>A developer's tool, not a test: prints, for each message named in PHI_EXPLAIN (paths separated
/// by ':'), the verdict and the extracted text around each piece of evidence.</summary>
public class ExplainTool
{
    [Explicit("developer tool: PHI_EXPLAIN=path.eml dotnet test --filter ExplainTool")]
    [Test]
    public async Task Explain()
    {
        var classifier = PolicyTestData.Patient;
        foreach (var path in (Environment.GetEnvironmentVariable("PHI_EXPLAIN") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            using var message = await MimeMessage.LoadAsync(path);
            var extracted = MessageTextExtractor.Extract(message, classifier.Settings, ClassificationBudget.Unlimited);
            var text = extracted.Text;
            await TestContext.Out.WriteLineAsync($"   unreadable: {string.Join(',', extracted.Unreadable)}");
            var c = await classifier.ClassifyAsync(message, new MessageEnvelope("sender@explain.example", null, 0));
            await TestContext.Out.WriteLineAsync($"== {path}: {c}");
            foreach (var e in c.Evidence)
            {
                var from = Math.Max(0, e.Offset);
                await TestContext.Out.WriteLineAsync($"   {e.Detector,-18} {e.Side,-8} [{text.Substring(from, Math.Min(70, text.Length - from)).ReplaceLineEndings("⏎")}]");
            }
        }
    }
}
