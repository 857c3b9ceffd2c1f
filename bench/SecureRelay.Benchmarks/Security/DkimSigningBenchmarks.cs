using BenchmarkDotNet.Attributes;
using MimeKit;
using SecureRelay.Security.Dkim;

namespace SecureRelay.Benchmarks.Security;

/// <summary>DKIM signing of one message with <see cref="DkimSigningService"/> (RSA-2048 and Ed25519).</summary>
[MemoryDiagnoser]
public class DkimSigningBenchmarks
{
    private string _dir = "";
    private DkimSigningService? _service;
    private MimeMessage? _message;

    /// <summary>Key algorithm.</summary>
    [Params(DkimKeyAlgorithm.Rsa, DkimKeyAlgorithm.Ed25519)]
    public DkimKeyAlgorithm Algorithm { get; set; }

    /// <summary>Generates a key and parses a 10 KB message.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "securerelay-bench-dkim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var key = DkimKeyGenerator.Generate("example.com", "bench", _dir, Algorithm);
        _service = new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "bench", PrivateKeyPath = key.PrivateKeyPath, Algorithm = Algorithm }] });
        using var stream = new MemoryStream(Payloads.Message(10240));
        _message = MimeMessage.Load(stream);
    }

    /// <summary>Disposes the service and deletes the key.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _service?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Signs the message (its previous signature removed first).</summary>
    [Benchmark]
    public DkimSignOutcome Sign()
    {
        _message!.Headers.RemoveAll(HeaderId.DkimSignature);
        return _service!.Sign(_message);
    }
}
