using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>A developer's tool, not a test: microseconds each detector takes on 10 KB of filler, business
/// prose and a clinical note (the benchmark under bench/ is what proves performance).</summary>
public class DetectorCostTool
{
    [Explicit("developer tool: dotnet test --filter DetectorCostTool")]
    [Test]
    public async Task PrintDetectorCosts()
    {
        var filler = new StringBuilder();
        for (var i = 1; filler.Length < 10240; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            filler.Append(n).Append('X', 78 - n.Length).Append('\n');
        }

        var prose = new StringBuilder("Hi Sarah,\n\n");
        string[] sentences =
        [
            "Thanks for the quick turnaround on the revised statement of work; legal has signed off on sections 2 through 5.",
            "The Q3 shipment volumes came in 12.5% above forecast, mostly driven by the Reno and Tacoma distribution centers.",
            "Could you confirm whether the pallet count on PO 4500918273 should be 42 or 44? The warehouse system shows both.",
            "We moved the vendor review to Thursday at 2:30 pm in Conference Room B; the dial-in details are in the calendar invite.",
            "As discussed on the call, we will pilot the returns program in two regions before rolling it out nationally.",
        ];
        for (var i = 0; prose.Length < 10240; i++)
        {
            prose.Append(sentences[i % sentences.Length]).Append(i % 3 == 2 ? "\n\n" : " ");
        }

        prose.Append("Best regards,\n\nDaniel Okafor\nRegional Operations Manager | Northwind Logistics\n1200 Harbor Blvd, Suite 400, Oakland, CA 94607\nTel +1 510 555 0143\n");
        var clinical = new StringBuilder();
        for (var i = 0; clinical.Length < 10240; i++)
        {
            clinical.Append("Patient: Maria Gonzalez, DOB 04/12/1961, MRN 00482913. Assessment: type 2 diabetes mellitus and hypertension. Plan: increase metformin to 1000 mg BID, recheck BMP in 2 weeks. HbA1c 8.2 %.\n");
        }

        var settings = PolicyTestData.Patient.Settings;
        foreach (var (name, text) in new[] { ("filler", filler.ToString()), ("prose", prose.ToString()), ("clinical", clinical.ToString()) })
        {
            var total = 0.0;
            var lines = new List<(double, string)>();
            foreach (var d in settings.Detectors)
            {
                d.Find(text);
                var watch = Stopwatch.StartNew();
                for (var k = 0; k < 20; k++)
                {
                    d.Find(text);
                }

                var us = watch.Elapsed.TotalMicroseconds / 20;
                total += us;
                lines.Add((us, d.Name));
            }

            var whole = Stopwatch.StartNew();
            for (var k = 0; k < 20; k++)
            {
                PolicyTestData.Patient.ClassifyText(text);
            }

            await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== {name}: {text.Length} chars, detectors {total:0} us in all, ClassifyText {whole.Elapsed.TotalMicroseconds / 20:0} us"));
            foreach (var (us, d) in lines.OrderByDescending(l => l.Item1).Take(14))
            {
                await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   {d,-18} {us,8:0.0} us"));
            }
        }
    }
}
