using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Linear;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>A developer's tool, not a test: microseconds and bytes the linear model adds per message (1, 10
/// and 100 KB of prose and of a clinical note), and the memory the loaded model holds. Wall time on a shared
/// box measures the other tenants too, so the thread's own CPU time (Linux CLOCK_THREAD_CPUTIME_ID) is
/// printed beside it, and so is the rules' cost on the same text for scale.</summary>
public class LinearModelCostTool
{
    private const int ThreadCpuClock = 3;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static double ThreadCpuMicroseconds() =>
        ClockGetTime(ThreadCpuClock, out var t) == 0 ? (t.Seconds * 1e6) + (t.Nanoseconds / 1e3) : double.NaN;

    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

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
        await TestContext.Out.WriteLineAsync("| text | size | model wall us | model thread-CPU us | of which features (no weight reads) | bytes allocated | rules (ClassifyText) thread-CPU us |\n|---|---|---|---|---|---|---|");
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
                var cpu = ThreadCpuMicroseconds();
                var watch = Stopwatch.StartNew();
                for (var k = 0; k < runs; k++)
                {
                    model.Score(extracted, [], PhiVerdict.Clean, settings.Lexicon);
                }

                var us = watch.Elapsed.TotalMicroseconds / runs;
                var cpuUs = (ThreadCpuMicroseconds() - cpu) / runs;
                var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs;
                var count = new Count();
                var featuresCpu = ThreadCpuMicroseconds();
                for (var k = 0; k < runs; k++)
                {
                    PhiFeatures.Collect(extracted, [], PhiVerdict.Clean, settings.Lexicon, ref count);
                }

                var featuresUs = (ThreadCpuMicroseconds() - featuresCpu) / runs;
                var rulesRuns = Math.Max(5, runs / 10);
                PolicyTestData.Patient.ClassifyText(extracted.Text);
                var rulesCpu = ThreadCpuMicroseconds();
                for (var k = 0; k < rulesRuns; k++)
                {
                    PolicyTestData.Patient.ClassifyText(extracted.Text);
                }

                var rulesUs = (ThreadCpuMicroseconds() - rulesCpu) / rulesRuns;
                await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {kb} KB | {us:0.0} | {cpuUs:0.0} | {featuresUs:0.0} | {bytes} | {rulesUs:0.0} |"));
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

    /// <summary>Reads no weights: what tokenising and hashing cost alone.</summary>
    private struct Count : PhiFeatures.IFeatureSink
    {
        public int Features { get; private set; }

        public void Word(int bucket) => Features++;

        public void Rule(int bucket) => Features++;
    }
}
