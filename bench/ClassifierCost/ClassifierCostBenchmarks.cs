using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using SecureRelay.Policy;

namespace ClassifierCost;

/// <summary>Entry point: BenchmarkDotNet, <c>show</c> to print each input's size and verdict, or <c>memory</c>
/// to print what the policy engine (word lists, classifier, automata built while classifying) adds to the managed
/// heap and the working set of a fresh process.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks (or <c>show</c>).</summary>
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "show")
        {
            var engine = new PolicyEngine(CompiledPolicy.Default);
            foreach (var kind in Enum.GetValues<Kind>())
            {
                foreach (var size in new[] { 1024, 10240, 102400 })
                {
                    var bytes = Messages.Build(kind, size);
                    using var s = new MemoryStream(bytes, writable: false);
                    var facts = await engine.AnalyzeAsync(s, new MessageEnvelope("sender@northwind.example", null, bytes.Length));
                    var d = engine.Evaluate(facts, ["rcpt@example.net"]);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{kind,-9} {size,7} bytes={bytes.Length,7} isPhi={d.Classification.IsPhi} category={d.Classification.Category}"));
                }
            }

            return;
        }

        if (args.Length > 0 && args[0] == "memory")
        {
            await PrintMemory();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static readonly int[] Sizes = [1024, 10240, 102400];

    private static async Task PrintMemory()
    {
        var messages = Enum.GetValues<Kind>().SelectMany(k => Sizes.Select(size => Messages.Build(k, size))).ToList();
        var (heap0, ws0) = Measure();
        var engine = new PolicyEngine(CompiledPolicy.Default);
        var (heap1, ws1) = Measure();
        for (var round = 0; round < 5; round++)
        {
            foreach (var bytes in messages)
            {
                using var s = new MemoryStream(bytes, writable: false);
                var facts = await engine.AnalyzeAsync(s, new MessageEnvelope("sender@northwind.example", null, bytes.Length));
                _ = engine.Evaluate(facts, ["rcpt@example.net"]);
            }
        }

        var (heap2, ws2) = Measure();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process start: heap {Mb(heap0)} MB, working set {Mb(ws0)} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine built (word lists, classifier, warm-up): heap +{Mb(heap1 - heap0)} MB, working set +{Mb(ws1 - ws0)} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after 45 messages: heap +{Mb(heap2 - heap1)} MB, working set +{Mb(ws2 - ws1)} MB; total heap {Mb(heap2)} MB, working set {Mb(ws2)} MB"));
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>Which message.</summary>
public enum Kind
{
    /// <summary>Ordinary business prose with a signature block (name, title, address, phones, disclaimer).</summary>
    Prose,

    /// <summary>A clinical message: patient names, DOB, MRN, diagnoses, lab values, medications.</summary>
    Clinical,

    /// <summary>smtp-source's filler body (what bench/run.sh sends end to end).</summary>
    Filler,
}

/// <summary>The accept path's policy step (SpoolingMessageAcceptor): parse + classify
/// (<see cref="PolicyEngine.AnalyzeAsync"/>) + <see cref="PolicyEngine.Evaluate"/>, over whole RFC 5322 messages.</summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class ClassifierCostBenchmarks
{
    private static readonly string[] Recipients = ["rcpt@example.net"];
    private PolicyEngine _engine = null!;
    private byte[] _message = [];

    /// <summary>Message kind.</summary>
    [Params(Kind.Prose, Kind.Clinical, Kind.Filler)]
    public Kind Kind { get; set; }

    /// <summary>Approximate whole-message size in bytes (headers + body).</summary>
    [Params(1024, 10240, 102400)]
    public int Size { get; set; }

    /// <summary>Builds the message and loads the classifier (word lists included) outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new PolicyEngine(CompiledPolicy.Default);
        _message = Messages.Build(Kind, Size);
    }

    /// <summary>Parse, classify and evaluate one message.</summary>
    [Benchmark]
    public async Task<PolicyDecision> AnalyzeAndEvaluate()
    {
        using var stream = new MemoryStream(_message, writable: false);
        var facts = await _engine.AnalyzeAsync(stream, new MessageEnvelope("sender@northwind.example", null, _message.Length)).ConfigureAwait(false);
        return _engine.Evaluate(facts, Recipients);
    }
}

/// <summary>Deterministic test messages.</summary>
public static class Messages
{
    private const string Headers =
        "Return-Path: <{0}>\r\nFrom: {1} <{0}>\r\nTo: {2} <{3}>\r\nSubject: {4}\r\nDate: Tue, 24 Nov 2026 09:41:07 -0800\r\n" +
        "Message-ID: <20261124174107.8842.{5}@mail.northwind.example>\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: 7bit\r\n\r\n";

    private static readonly string[] Business =
    [
        "Thanks for the quick turnaround on the revised statement of work; legal has signed off on sections 2 through 5.",
        "The Q3 shipment volumes came in 12.5% above forecast, mostly driven by the Reno and Tacoma distribution centers.",
        "Could you confirm whether the pallet count on PO 4500918273 should be 42 or 44? The warehouse system shows both.",
        "We moved the vendor review to Thursday at 2:30 pm in Conference Room B; the dial-in details are in the calendar invite.",
        "Finance asked that all invoices for November be submitted by the 28th so they can close the month on time.",
        "I have attached the updated rate card; the fuel surcharge is now indexed to the weekly DOE diesel average.",
        "Our carrier scorecard shows on-time delivery at 96.1% for October, up from 94.3% in September.",
        "Please loop in procurement before committing to the three-year term; they want to compare it with the current contract.",
        "The new dock scheduling tool goes live on December 1, and training sessions run every morning next week.",
        "Let me know if the draft budget works for your team, or if we should revisit the headcount assumptions.",
        "As discussed on the call, we will pilot the returns program in two regions before rolling it out nationally.",
        "The customer escalated the damaged freight claim again; I suggested we offer a credit of $1,250 to close it out.",
        "I reviewed the slides for Monday's steering committee and left comments on pages 4, 7 and 11.",
        "Inventory accuracy at the Fresno site improved to 99.2% after the cycle count changes we made in the summer.",
        "Marketing would like a short case study on the cold-chain project; could you share two or three key figures?",
        "Please note the office will be closed on Thanksgiving Day and the following Friday.",
    ];

    private const string Signature =
        "Best regards,\r\n\r\nDaniel Okafor\r\nRegional Operations Manager | Northwind Logistics\r\n" +
        "1200 Harbor Blvd, Suite 400, Oakland, CA 94607\r\nTel +1 510 555 0143 | Mobile +1 510 555 0198\r\n" +
        "https://www.northwind.example\r\n\r\n" +
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended solely for the addressee and may contain\r\n" +
        "confidential information. If you received it in error, please notify the sender and delete it.\r\n";

    private static readonly string[] Given = ["Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David", "Susan", "Carlos", "Nguyen", "Aisha"];
    private static readonly string[] Family = ["Gonzalez", "Thompson", "Patel", "Johnson", "Williams", "Okonkwo", "Brown", "Garcia", "Kowalski", "Tran", "Miller", "Haddad"];
    private static readonly string[] Conditions =
    [
        "type 2 diabetes mellitus and hypertension", "chronic kidney disease stage 3a", "congestive heart failure with reduced ejection fraction",
        "COPD exacerbation", "hypothyroidism", "major depressive disorder, recurrent", "atrial fibrillation on anticoagulation", "asthma, moderate persistent",
    ];

    private static readonly string[] Plans =
    [
        "increase metformin to 1000 mg BID, start lisinopril 10 mg daily, recheck BMP in 2 weeks",
        "continue furosemide 40 mg daily, daily weights, low-sodium diet, follow up in cardiology clinic in 4 weeks",
        "start levothyroxine 50 mcg daily, repeat TSH in 6 weeks",
        "continue apixaban 5 mg BID, rate control with metoprolol 25 mg BID, echo ordered",
        "sertraline increased to 100 mg daily, referred to behavioral health, safety plan reviewed",
        "albuterol PRN, fluticasone/salmeterol 250/50 one puff BID, spirometry at next visit",
    ];

    /// <summary>The whole message (headers + body) of about <paramref name="size"/> bytes.</summary>
    public static byte[] Build(Kind kind, int size) => Encoding.UTF8.GetBytes(kind switch
    {
        Kind.Prose => Prose(size),
        Kind.Clinical => Clinical(size),
        _ => Filler(size),
    });

    private static string Head(string from, string fromName, string toName, string to, string subject, int size) =>
        string.Format(CultureInfo.InvariantCulture, Headers, from, fromName, toName, to, subject, size);

    private static string Prose(int size)
    {
        var sb = new StringBuilder(size + 1024);
        sb.Append(Head("daniel.okafor@northwind.example", "Daniel Okafor", "Sarah Lindqvist", "sarah.lindqvist@contoso.example", "RE: Q4 planning and open items", size));
        sb.Append("Hi Sarah,\r\n\r\n");
        var random = new Random(42);
        var target = size - Signature.Length;
        while (sb.Length < target)
        {
            // A paragraph of 2-4 sentences, wrapped at ~76 columns.
            var n = 2 + random.Next(3);
            var line = new StringBuilder();
            for (var i = 0; i < n && sb.Length + line.Length < target; i++)
            {
                foreach (var word in Business[random.Next(Business.Length)].Split(' '))
                {
                    if (line.Length + word.Length + 1 > 76)
                    {
                        sb.Append(line).Append("\r\n");
                        line.Clear();
                    }

                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                }
            }

            sb.Append(line).Append("\r\n\r\n");
        }

        return sb.Append(Signature).ToString();
    }

    private static string Clinical(int size)
    {
        const string ClinicSignature =
            "Thank you,\r\n\r\nRebecca Stone, RN\r\nCare Coordination, Lakeside Internal Medicine\r\nPhone 555-0176 | Fax 555-0177\r\n";
        var sb = new StringBuilder(size + 1024);
        sb.Append(Head("rstone@lakeside-im.example", "Rebecca Stone", "Dr. Anil Patel", "apatel@lakeside-im.example", "Lab results for your patients this week", size));
        sb.Append("Dr. Patel,\r\n\r\nBelow are the results for the patients seen this week, for your review before Friday.\r\n\r\n");
        var random = new Random(7);
        var target = size - ClinicSignature.Length;
        for (var i = 0; sb.Length < target; i++)
        {
            var name = Given[random.Next(Given.Length)] + " " + Family[random.Next(Family.Length)];
            var dob = new DateOnly(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28));
            sb.Append(CultureInfo.InvariantCulture,
                $"Patient: {name}\r\nDOB: {dob:MM/dd/yyyy}   MRN: {10000000 + random.Next(89999999)}\r\n" +
                $"Seen 11/{10 + random.Next(18)}/2026 for follow-up of {Conditions[random.Next(Conditions.Length)]}.\r\n" +
                $"Labs: HbA1c {6 + random.NextDouble() * 4:0.0} %, fasting glucose {90 + random.Next(120)} mg/dL, LDL {70 + random.Next(110)} mg/dL,\r\n" +
                $"creatinine {0.7 + random.NextDouble() * 1.5:0.0} mg/dL, eGFR {30 + random.Next(70)} mL/min/1.73m2, potassium {3.5 + random.NextDouble() * 1.5:0.0} mmol/L.\r\n" +
                $"Plan: {Plans[random.Next(Plans.Length)]}.\r\n\r\n");
        }

        return sb.Append(ClinicSignature).ToString();
    }

    private static string Filler(int size)
    {
        // smtp-source's body shape ("1XXXX...", 80 characters with CRLF), as bench/SecureRelay.Benchmarks/Payloads.cs.
        var sb = new StringBuilder(size + 200);
        sb.Append("From: <bench@example.com>\r\nTo: <rcpt@example.net>\r\nDate: Tue, 24 Nov 2026 09:41:07 -0800\r\nMessage-Id: <bench.1@example.com>\r\n\r\n");
        for (var i = 1; sb.Length < size; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append(n).Append('X', 78 - n.Length).Append("\r\n");
        }

        return sb.ToString();
    }
}
