using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Linear;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>A developer's tool, not a test: microseconds and bytes the linear model adds per message (1, 10
/// and 100 KB of prose and of a clinical note), and the memory the loaded model holds.</summary>
public class LinearModelCostTool
{
    [Explicit("developer tool: dotnet test --filter LinearModelCostTool")]
    [Test]
    public async Task PrintCost()
    {
        var settings = PolicyTestData.Patient.Settings;
        string[] prose =
        [
            "Thanks for the quick turnaround on the revised statement of work; legal has signed off on sections 2 through 5.",
            "Could you confirm whether the pallet count on PO 4500918273 should be 42 or 44? The warehouse system shows both.",
            "We moved the vendor review to Thursday at 2:30 pm in Conference Room B; the dial-in details are in the calendar invite.",
        ];
        string[] clinical = ["Patient: Maria Gonzalez, DOB 04/12/1961, MRN 00482913. Assessment: type 2 diabetes mellitus and hypertension. Plan: increase metformin to 1000 mg BID, recheck BMP in 2 weeks. HbA1c 8.2 %."];
        foreach (var (name, sentences) in new[] { ("prose", prose), ("clinical", clinical) })
        {
            foreach (var kb in new[] { 1, 10, 100 })
            {
                var text = new StringBuilder();
                for (var i = 0; text.Length < kb * 1024; i++)
                {
                    text.Append(sentences[i % sentences.Length]).Append(i % 3 == 2 ? "\n\n" : " ");
                }

                var extracted = new ExtractedText(text.ToString(), []) { Headers = [0..Math.Min(60, text.Length)] };
                var model = LinearModel.Default;
                model.Score(extracted, [], PhiVerdict.Clean, settings.Lexicon);
                var runs = kb == 100 ? 50 : 500;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (var k = 0; k < runs; k++)
                {
                    model.Score(extracted, [], PhiVerdict.Clean, settings.Lexicon);
                }

                var us = watch.Elapsed.TotalMicroseconds / runs;
                var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs;
                await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {kb,3} KB: {us,8:0.0} us/message, {bytes,6} bytes allocated/message"));
            }
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var stream = File.OpenText(LinearModelTrainingTool.ModelPath);
        var loaded = LinearModel.Parse(stream);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"loaded model: {(after - before) / 1024.0 / 1024.0:0.00} MB managed ({PhiFeatures.Buckets} float weights = {PhiFeatures.Buckets * 4 / 1024.0 / 1024.0:0.00} MB), threshold {loaded.Threshold:0.00}"));
        GC.KeepAlive(loaded);
    }
}
