using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Security.Encryption;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Why a recipient's S/MIME or PGP method was skipped reaches its audit record by name, and
/// key lookups for many recipients cost one probe per domain, not one round trip per recipient.</summary>
public class KeyLookupTests
{
    private SecureEnvironment _env = null!;

    [SetUp]
    public void SetUp() => _env = new SecureEnvironment();

    [TearDown]
    public void TearDown() => _env.Dispose();

    private static SpoolEnvelope Phi(string methods, params string[] to)
    {
        SpoolEnvelope envelope = TestMessages.WithMethods(DateTimeOffset.UtcNow, "app@sender.test", methods, to);
        return envelope with { Decision = envelope.Decision with { Verdict = VerdictClass.Phi } };
    }

    [Test]
    public async Task RefusedCertificate_AndMissingKey_NamedInTheAuditRecord()
    {
        Tools.Require("openssl");
        const string Recipient = "pat@dest.test";
        (int code, _, string error) = Tools.Run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(_env.PrivateDir, "pat.key"),
            "-out", Path.Combine(_env.CertsDir, "pat.pem"), "-days", "30", "-subj", "/emailAddress=" + Recipient, "-addext", "subjectAltName=email:" + Recipient,
            "-addext", "keyUsage=critical,digitalSignature"]);
        Assert.That(code, Is.Zero, error);
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(1), security: _env.Services(smime: true, pgp: true, escrow: true)).StartedAsync();
        QueuedMessage q = spool.Add(Phi("smime,pgp,escrow", Recipient), TestMessages.Content(to: Recipient));
        scheduler.Enqueue(q);

        JsonElement audit = await _env.AuditForAsync(Recipient, q.QueueId);
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("escrow"));
        Assert.That(audit.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()),
            Is.EqualTo(new[] { "smime: key_usage_forbids_encryption", "pgp: no_address_match" }));
    }

    [Test]
    public async Task ThousandRecipients_SlowWkd_OneProbe_AllSettledQuickly_WithTheFailureKind()
    {
        // A WKD server that accepts connections and never answers: every request would time out.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int accepted = 0;
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        Task acceptLoop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client = await silent.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                lock (held)
                {
                    held.Add(client);
                }
            }
        });

        string url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var pgpOptions = new PgpOptions
        {
            KeysDir = _env.PgpDir,
            ReloadOnChange = false,
            Wkd = new WkdOptions { AdvancedBaseUrl = url, DirectBaseUrl = url, TimeoutSeconds = 1, RetryCount = 0 },
        };
        using var http = new HttpClient();
        var wkd = new WebKeyDirectoryClient(http, pgpOptions.Wkd);
        using var keys = new PgpKeyDirectory(pgpOptions);
        SecureDeliveryServices services = _env.Services() with { Pgp = new PgpEncryptor(keys, wkd, pgpOptions) };

        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), security: services).StartedAsync();
        string[] recipients = Enumerable.Range(0, 1000).Select(i => $"patient{i}@dest.test").ToArray();
        var watch = Stopwatch.StartNew();
        QueuedMessage q = scheduler.Submit(spool, Phi("pgp,tls", recipients));

        // The sink offers no STARTTLS, so every recipient is deferred once both methods were judged.
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count >= 1, TimeSpan.FromSeconds(60)), Is.True);
        watch.Stop();
        await stop.CancelAsync();
        silent.Stop();
        await Task.WhenAny(acceptLoop, Task.Delay(TimeSpan.FromSeconds(5)));
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }

        Assert.Multiple(() =>
        {
            Assert.That(spool.Attempts.Single().Outcomes, Has.Count.EqualTo(1000));
            Assert.That(spool.Attempts.Single().Outcomes.Select(o => o.State).Distinct(), Is.EqualTo(new[] { RecipientState.Pending }));
            Assert.That(Volatile.Read(ref accepted), Is.EqualTo(1), "one WKD probe for the domain, not one per recipient");
            // One 1 s timeout plus the SMTP session; sequential lookups would take 1,000 s.
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });

        JsonElement audit = await _env.AuditForAsync("patient999@dest.test", q.QueueId);
        Assert.That(audit.GetProperty("skipped")[0].GetString(), Is.EqualTo("pgp: wkd_lookup_failed (timeout)"));
    }
}
