using System.Text;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// Invariants 2 and 6 after a run that carried PHI: messages holding the marker in body, subject, custom
/// header, file name, HTML and a base64 attachment are escrowed (next hop without STARTTLS), held in the
/// queue (next hop down) or refused (header too large); logging at <c>trace</c>. Afterwards the marker
/// must not be readable in any file under data_dir (spool and escrow are sealed; audit and stores hold
/// none), in the relay's standard output and error, or at the sink.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PhiAtRestTests
{
    [Test]
    public async Task NoFileUnderDataDirNorTheLogHoldsPhiInClear()
    {
        using var sink = await SmtpSink.StartAsync();
        var downPort = TestPorts.Free();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("held.test", downPort), ("*", sink.Port)], tls: "none", auth: "none",
            extra: "logging:\n  level: trace\nlimits:\n  max_header_size: 20000\n"));
        var dataDir = Path.Combine(relay.Directory, "data");

        var shapes = Shapes().ToList();
        var outcomes = new List<string>();
        var sent = 0;
        foreach (var (name, message) in shapes)
        {
            foreach (var rcpt in new[] { $"{name}@dest.test", $"{name}@held.test" })
            {
                var (stage, reply) = await RawSmtp.SendRawMessageAsync(relay.SmtpPort, "app@clinic.test", rcpt, Encoding.Latin1.GetBytes(message));
                outcomes.Add($"{rcpt}: {stage} {reply}");
                sent++;
            }
        }

        var accepted = outcomes.Count(o => o.Contains(": DOT 250", StringComparison.Ordinal));
        var refused = outcomes.Where(o => !o.Contains(": DOT 250", StringComparison.Ordinal)).ToList();
        Assert.That(refused, Has.All.Contain("oversized-header").And.All.Contain(" 552 5.3.4"), string.Join("\n", outcomes));

        // Escrow finishes for dest.test; held.test stays deferred in the queue.
        var escrowable = shapes.Count - 1;
        var notices = await sink.WaitForMessagesAsync(escrowable, TimeSpan.FromSeconds(60));
        Assert.That(notices, Is.EqualTo(escrowable), relay.Log[^Math.Min(relay.Log.Length, 3000)..]);
        var audit = SharedFile.ReadAllText(Path.Combine(dataDir, "audit", "audit.jsonl"));
        Assert.That(audit, Does.Contain("\"outcome\":\"escrowed\"").And.Contain("\"outcome\":\"deferred\""), "both escrowed and queued PHI are at rest");

        var whileRunning = PhiMarker.FilesContaining(dataDir);
        Assert.That(await relay.StopAsync(TimeSpan.FromSeconds(60)), Is.Zero, "graceful stop flushes the log and the spool");
        var afterStop = PhiMarker.FilesContaining(dataDir);
        var files = Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories).ToList();
        var logHit = PhiMarker.InText(relay.Log);
        var sinkHits = sink.ReadTransactions().Count(PhiMarker.AppearsInMessage);
        SuiteRun.Report("phi-at-rest", $"sent {sent} PHI messages ({accepted} accepted, {refused.Count} refused); {files.Count} files under data_dir " +
            $"({files.Sum(f => new FileInfo(f).Length)} bytes) hold the marker: {whileRunning.Count} while running, {afterStop.Count} after stop; " +
            $"relay output {relay.Log.Length} chars, marker {(logHit ? "FOUND" : "absent")}; sink messages with the marker {sinkHits}");

        Assert.That(whileRunning, Is.Empty, "PHI in clear under data_dir while running");
        Assert.That(afterStop, Is.Empty, "PHI in clear under data_dir after shutdown");
        Assert.That(logHit, Is.False, "PHI in the relay's standard output or error");
        Assert.That(sinkHits, Is.Zero, "PHI at the plaintext next hop");
    }

    /// <summary>The marker in each place a message can carry it (plus one refused for its header size).</summary>
    private static IEnumerable<(string Name, string Message)> Shapes()
    {
        const string head = "From: Clinic <app@clinic.test>\r\nTo: patient@dest.test\r\nMIME-Version: 1.0\r\n";
        yield return ("body", head + "Subject: note\r\n\r\n" + PhiMarker.Sentence + "\r\n");
        yield return ("subject", head + $"Subject: {PhiMarker.Sentence}\r\n\r\nsee subject\r\n");
        yield return ("header", head + $"Subject: note\r\nX-Patient-Note: {PhiMarker.Sentence}\r\n\r\nsee header\r\n");
        yield return ("html", head + "Subject: note\r\nContent-Type: text/html\r\n\r\n<p>" + PhiMarker.Sentence + "</p>\r\n");
        yield return ("attachment", head + "Subject: results\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            + "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"visit.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes("ssn,diagnosis\r\n" + PhiMarker.Ssn + "," + PhiMarker.Diagnosis + "\r\n")) + "\r\n--b--\r\n");
        yield return ("filename", head + "Subject: results\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            + $"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"{PhiMarker.Ssn} {PhiMarker.Diagnosis}.txt\"\r\n\r\nfollow-up\r\n--b--\r\n");
        var folded = string.Concat(Enumerable.Repeat("\r\n\t" + new string('p', 68), 450)); // 31 KB in short lines
        yield return ("oversized-header", head + $"Subject: {PhiMarker.Sentence}\r\nX-Pad:{folded}\r\n\r\n{PhiMarker.Sentence}\r\n");
    }
}
