using System.Net;
using System.Text.RegularExpressions;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// Invariant 4, never an open relay: a client outside <c>relay_networks</c> (127.0.0.1 while only
/// 127.0.0.2/32 may relay) tries the classic address tricks; every RCPT is refused and nothing reaches
/// the next hop. A client inside the network relays through the same listener, so the refusals come
/// from the relay check and not from a relay that refuses everything.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class OpenRelayAttemptTests
{
    /// <summary>Recipients that have fooled relays (percent hack, source routes, quoted local parts holding
    /// an @, bang paths, address literals of ourselves, case games, the relay's own name) and the refusal
    /// each must get: relay access denied, or a syntax error for what RFC 5321 does not allow at all (no
    /// domain, a trailing dot, two @, an address literal inside a source route), which is just as final.</summary>
    private static readonly (string Address, string Refusal)[] Tricks =
    [
        ("victim@dest.test", Denied),
        ("VICTIM@DEST.TEST", Denied),
        ("victim%dest.test@relay.test", Denied),
        ("victim%dest.test@RELAY.TEST", Denied),
        ("victim%dest.test@[127.0.0.1]", Denied),
        ("@relay.test:victim@dest.test", Denied),
        ("@relay.test,@localhost:victim@dest.test", Denied),
        ("@relay.test,@[127.0.0.1]:victim@dest.test", BadSyntax),
        ("\"victim@dest.test\"@relay.test", Denied),
        ("\"victim%dest.test\"@relay.test", Denied),
        ("\"victim@dest.test\"", BadSyntax),
        ("dest.test!victim@relay.test", Denied),
        ("dest.test!victim", BadSyntax),
        ("victim@dest.test.", BadSyntax),
        ("victim@relay.test.", BadSyntax),
        ("victim@[127.0.0.1]", Denied),
        ("victim@[IPv6:::1]", Denied),
        ("victim@127.0.0.1", Denied),
        ("victim@localhost", Denied),
        ("postmaster@dest.test", Denied),
        ("postmaster@relay.test", Denied),
        ("postmaster", Denied),
        ("victim@dest.test@relay.test", BadSyntax),
    ];

    private const string Denied = "554 5.7.1";
    private const string BadSyntax = "501 5.1.3";

    [Test]
    public async Task EveryTrickFromOutsideRelayNetworksIsRefusedAndNothingIsRelayed()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "starttls", auth: "optional", relayNetworks: "[127.0.0.2/32]"));
        var outside = IPAddress.Loopback;
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);

        // Sessions of at most 6 tricks (12 refused RCPTs, 15 errors in all): 20 errors end a session.
        foreach (var sender in new[] { "<app@clinic.test>", "<>", "<victim@dest.test>", "<postmaster@relay.test>" })
        {
            foreach (var chunk in Tricks.Chunk(6))
            {
                var lines = new List<string> { "EHLO relay.test", "XCLIENT ADDR=127.0.0.2", "XFORWARD ADDR=127.0.0.2", $"MAIL FROM:{sender}" };
                lines.AddRange(chunk.Select(t => $"RCPT TO:<{t.Address}>"));
                lines.AddRange(chunk.Select(t => $"rcpt to:<{t.Address}>"));
                lines.Add("DATA");
                lines.Add("QUIT");
                var transcript = await RawSmtp.ConverseFromAsync(outside, relay.SmtpPort, [.. lines]);

                var replies = ClientAndReply().Matches(transcript).Select(m => (Command: m.Groups["cmd"].Value, Reply: m.Groups["reply"].Value)).ToList();
                Assert.That(replies.Single(r => r.Command.StartsWith("MAIL", StringComparison.Ordinal)).Reply, Does.StartWith("250 "), transcript);
                var rcpts = replies.Where(r => r.Command.StartsWith("RCPT", StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.That(rcpts, Has.Count.EqualTo(2 * chunk.Length), transcript);
                foreach (var (command, reply) in rcpts)
                {
                    var refusal = Expected(command);
                    Assert.That(reply, Does.StartWith(refusal), $"{command} from outside relay_networks with MAIL FROM:{sender}\n{transcript}");
                    refusals[refusal] = refusals.GetValueOrDefault(refusal) + 1;
                }

                Assert.That(replies.Single(r => r.Command == "DATA").Reply, Does.StartWith("503 5.5.1").Or.StartWith("554 5.5.1"), transcript);
                Assert.That(replies.Where(r => r.Command.StartsWith('X')).Select(r => r.Reply), Has.All.StartWith("5"), "no XCLIENT/XFORWARD overrides");
            }
        }

        // The control: from inside relay_networks the same listener relays.
        var control = await RawSmtp.ConverseFromAsync(IPAddress.Parse("127.0.0.2"), relay.SmtpPort,
            "EHLO inside.test", "MAIL FROM:<app@clinic.test>", "RCPT TO:<friend@dest.test>", "DATA",
            "From: app@clinic.test\r\nSubject: control\r\nMessage-ID: <control@clinic.test>\r\n\r\nhello\r\n.", "QUIT");
        Assert.That(control, Does.Contain("C: RCPT TO:<friend@dest.test>\nS: 250 2.1.5").And.Contain("\nS: 250 2.0.0"), control);
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60)), Is.EqualTo(1), relay.Log);
        var transactions = sink.ReadTransactions();
        Assert.That(transactions, Has.Count.EqualTo(1));
        Assert.That(transactions[0], Does.Contain("<control@clinic.test>").And.Not.Contain("victim"), "only the control message was relayed");
        SuiteRun.Report("open-relay", $"{rcptCount(refusals)} RCPT attempts from outside relay_networks: " +
            string.Join(", ", refusals.Select(kv => $"{kv.Value}× {kv.Key}")) + "; relayed 0; control from inside relayed 1");

        static int rcptCount(Dictionary<string, int> r) => r.Values.Sum();
    }

    private static string Expected(string command)
    {
        var address = command[(command.IndexOf('<', StringComparison.Ordinal) + 1)..^1];
        return Tricks.Single(t => t.Address == address).Refusal;
    }

    [GeneratedRegex(@"^C: (?<cmd>[^\n]*)\nS: (?<reply>[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex ClientAndReply();
}
