using BenchmarkDotNet.Attributes;
using SecureRelay.Policy;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Benchmarks.Policy;

/// <summary>What the accept path runs before the 250: parse, PHI classification and policy
/// evaluation (<see cref="PolicyEngine.AnalyzeAsync"/> + <see cref="PolicyEngine.Evaluate"/>), and the
/// content detectors alone over filler, ordinary prose and medical (non-PHI) prose.</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private static readonly string[] Recipients = ["rcpt@example.net"];
    private readonly PolicyEngine _engine = new(CompiledPolicy.Default);
    private byte[] _message = [];
    private string _filler = "";
    private string _prose = "";
    private string _clinical = "";

    /// <summary>Message size in bytes.</summary>
    [Params(1024, 10240, 102400)]
    public int Size { get; set; }

    /// <summary>Builds the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = Payloads.Message(Size);
        _filler = Payloads.Filler(Size);
        _prose = Payloads.Prose(Size);
        _clinical = Payloads.Clinical(Size);
    }

    /// <summary>The whole policy step of one message, as SpoolingMessageAcceptor runs it.</summary>
    [Benchmark]
    public async Task<PolicyDecision> AnalyzeAndEvaluate()
    {
        using var stream = new MemoryStream(_message, writable: false);
        var facts = await _engine.AnalyzeAsync(stream, new MessageEnvelope("bench@example.com", null, _message.Length)).ConfigureAwait(false);
        return _engine.Evaluate(facts, Recipients);
    }

    /// <summary>Content detectors over smtp-source-like filler.</summary>
    [Benchmark]
    public Classification DetectFiller() => PhiClassifier.Default.ClassifyText(_filler);

    /// <summary>Content detectors over filler, every detector run (no <c>MayFire</c> shortcut): the
    /// shortcut's own effect, measured in the same run.</summary>
    [Benchmark]
    public Classification DetectFillerExhaustive() => PhiClassifier.Default.ClassifyTextExhaustively(_filler);

    /// <summary>Content detectors over business prose.</summary>
    [Benchmark]
    public Classification DetectProse() => PhiClassifier.Default.ClassifyText(_prose);

    /// <summary>Content detectors over health-plan prose that is not PHI (no early exit anywhere).</summary>
    [Benchmark]
    public Classification DetectClinical() => PhiClassifier.Default.ClassifyText(_clinical);
}
