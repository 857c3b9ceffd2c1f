using System.Text;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>AUTH PLAIN and LOGIN over TLS (RFC 4954, RFC 4616), Auth=Required and the failure lock-out.</summary>
[TestFixture]
public sealed class AuthTests
{
    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static async Task<StreamClient> TlsClientAsync(SmtpHarness harness, TestConnection? connection = null)
    {
        connection ??= harness.Connect(SmtpHarness.OutsideClient);
        var client = new StreamClient(connection.ClientStream);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.example");
        await client.CommandAsync("STARTTLS");
        await client.StartTlsAsync();
        await client.CommandAsync("EHLO c.example");
        return client;
    }

    [Test]
    public async Task PlainWithInitialResponseAuthenticatesAndAllowsRelay()
    {
        var harness = SmtpHarness.WithTls();
        await using var client = await TlsClientAsync(harness);
        Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Is.EqualTo("235 2.7.0 Authentication successful\r\n"));
        Assert.That(await client.CommandAsync("AUTH PLAIN"), Is.EqualTo("503 5.5.1 Error: already authenticated\r\n"));
        Assert.That(await client.CommandAsync("MAIL FROM:<app@clinic.example> AUTH=<>"), Is.EqualTo("250 2.1.0 Ok\r\n"));
        Assert.That(await client.CommandAsync("RCPT TO:<patient@d.example>"), Is.EqualTo("250 2.1.5 Ok\r\n"));
        Assert.That(await client.CommandAsync("DATA"), Does.StartWith("354"));
        Assert.That(await client.CommandAsync("x\r\n."), Does.StartWith("250 2.0.0"));
        var message = harness.Acceptor.Single();
        Assert.That(message.Session.AuthenticatedUser, Is.EqualTo(TestAuthenticator.User));
        Assert.That(message.ReceivedHeader, Does.Contain(" with ESMTPSA id "));
        Assert.That(harness.Logs.Entries.Select(e => e.Message), Has.None.Contains(TestAuthenticator.Password), "passwords are never logged");
    }

    [Test]
    public async Task PlainWithChallengeAndLoginBothWork()
    {
        var harness = SmtpHarness.WithTls();
        await using (var client = await TlsClientAsync(harness))
        {
            Assert.That(await client.CommandAsync("AUTH PLAIN"), Is.EqualTo("334 \r\n"));
            Assert.That(await client.CommandAsync(B64($"{TestAuthenticator.User}\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Is.EqualTo("235 2.7.0 Authentication successful\r\n"));
        }

        await using (var client = await TlsClientAsync(harness))
        {
            Assert.That(await client.CommandAsync("AUTH LOGIN"), Is.EqualTo("334 VXNlcm5hbWU6\r\n"));
            Assert.That(await client.CommandAsync(B64(TestAuthenticator.User)), Is.EqualTo("334 UGFzc3dvcmQ6\r\n"));
            Assert.That(await client.CommandAsync(B64(TestAuthenticator.Password)), Is.EqualTo("235 2.7.0 Authentication successful\r\n"));
        }

        await using (var client = await TlsClientAsync(harness))
        {
            Assert.That(await client.CommandAsync("AUTH LOGIN " + B64(TestAuthenticator.User)), Is.EqualTo("334 UGFzc3dvcmQ6\r\n"));
            Assert.That(await client.CommandAsync(B64(TestAuthenticator.Password)), Is.EqualTo("235 2.7.0 Authentication successful\r\n"));
        }

        Assert.That(harness.Events.Log.Count(e => e.StartsWith("auth-ok", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task FailuresAbortsAndMalformedResponses()
    {
        var harness = SmtpHarness.WithTls();
        await using var client = await TlsClientAsync(harness);
        Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0wrong")), Is.EqualTo("535 5.7.8 Error: authentication failed\r\n"));
        Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"someone-else\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Is.EqualTo("535 5.7.8 Error: authentication failed\r\n"));
        Assert.That(await client.CommandAsync("AUTH LOGIN"), Does.StartWith("334 "));
        Assert.That(await client.CommandAsync("*"), Is.EqualTo("501 5.7.0 Authentication aborted\r\n"));
        Assert.That(await client.CommandAsync("AUTH PLAIN %%%notbase64"), Is.EqualTo("501 5.5.2 Error: cannot decode response\r\n"));
        Assert.That(await client.CommandAsync("AUTH CRAM-MD5"), Is.EqualTo("504 5.5.4 Unrecognized authentication type\r\n"));
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Is.EqualTo("250 2.1.0 Ok\r\n"));
        Assert.That(await client.CommandAsync("AUTH PLAIN"), Is.EqualTo("503 5.5.1 Error: MAIL transaction in progress\r\n"));
        Assert.That(harness.Events.Log.Count(e => e == "auth-failed PLAIN"), Is.EqualTo(2));
    }

    [Test]
    public async Task RepeatedFailuresLockTheAddressOutAcrossConnections()
    {
        var harness = SmtpHarness.WithTls(server: s => s.Limits.AuthFailuresPerAddress = 2);
        await using (var client = await TlsClientAsync(harness))
        {
            Assert.That(await client.CommandAsync("AUTH PLAIN " + B64("\0x\0y")), Does.StartWith("535 "));
            Assert.That(await client.CommandAsync("AUTH PLAIN " + B64("\0x\0z")), Does.StartWith("535 "));
            Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")),
                Is.EqualTo("454 4.7.0 Error: too many failed authentication attempts, try again later\r\n"));
        }

        await using (var client = await TlsClientAsync(harness))
        {
            Assert.That(await client.CommandAsync("AUTH LOGIN"), Does.StartWith("454 4.7.0"));
        }

        await using (var client = await TlsClientAsync(harness, harness.Connect(SmtpHarness.RelayClient)))
        {
            Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Does.StartWith("235 "), "other addresses are unaffected");
        }
    }

    /// <summary>45 AUTH LOGIN exchanges opened in parallel from one address: only as many as the limit may
    /// get to the password prompt; the others are refused before any credential is checked.</summary>
    [Test]
    public async Task ParallelLoginsFromOneAddressCountBeforeTheyAreChecked()
    {
        var harness = SmtpHarness.WithTls();
        var clients = await Task.WhenAll(Enumerable.Range(0, 45).Select(_ => TlsClientAsync(harness)));
        try
        {
            var first = await Task.WhenAll(clients.Select(c => c.CommandAsync("AUTH LOGIN")));
            Assert.That(first.Count(r => r == "334 VXNlcm5hbWU6\r\n"), Is.EqualTo(5), "only the limit's worth of attempts may run at once");
            Assert.That(first.Count(r => r == "454 4.7.0 Error: too many failed authentication attempts, try again later\r\n"), Is.EqualTo(40));

            var running = clients.Where((_, i) => first[i].StartsWith("334 ", StringComparison.Ordinal)).ToArray();
            await Task.WhenAll(running.Select(c => c.CommandAsync(B64("guess@clinic.example"))));
            var last = await Task.WhenAll(running.Select(c => c.CommandAsync(B64("wrong"))));
            Assert.That(last, Is.All.EqualTo("535 5.7.8 Error: authentication failed\r\n"));
            Assert.That(harness.Events.Log.Count(e => e == "auth-failed LOGIN"), Is.EqualTo(5));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        await using var late = await TlsClientAsync(harness);
        Assert.That(await late.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Does.StartWith("454 4.7.0"),
            "the five failures lock the address out");
    }

    /// <summary>Guessing one user's password from many addresses (each under its own limit) is bounded per
    /// user name, and checks in progress count: a slow password check does not open a window.</summary>
    [Test]
    public async Task ParallelGuessesForOneUserFromManyAddressesAreBounded()
    {
        var authenticator = new GatedAuthenticator();
        var harness = SmtpHarness.WithTls(authenticator: authenticator);
        var clients = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            TlsClientAsync(harness, harness.Connect(new System.Net.IPEndPoint(System.Net.IPAddress.Parse($"203.0.113.{i}"), 40000)))));
        try
        {
            var replies = clients.Select(c => c.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0guess"))).ToArray();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (authenticator.Entered + replies.Count(r => r.IsCompleted) < 30 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.That(authenticator.Entered, Is.EqualTo(10), "only max_auth_failures_per_user checks may run for one user");
            authenticator.Open();
            var all = await Task.WhenAll(replies);
            Assert.That(all.Count(r => r.StartsWith("535 5.7.8", StringComparison.Ordinal)), Is.EqualTo(10));
            Assert.That(all.Count(r => r == "454 4.7.0 Error: too many failed authentication attempts, try again later\r\n"), Is.EqualTo(20));
        }
        finally
        {
            authenticator.Open();
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task AuthRequiredListenerRefusesMailBeforeAuth()
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required);
        var connection = harness.Connect(SmtpHarness.RelayClient);
        await using var client = new StreamClient(connection.ClientStream);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.example");
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Is.EqualTo("530 5.7.0 Must issue a STARTTLS command first\r\n"));
        await client.CommandAsync("STARTTLS");
        await client.StartTlsAsync();
        await client.CommandAsync("EHLO c.example");
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Is.EqualTo("530 5.7.0 Authentication required\r\n"), "relay networks do not bypass auth=required");
        Assert.That(await client.CommandAsync("AUTH PLAIN " + B64($"\0{TestAuthenticator.User}\0{TestAuthenticator.Password}")), Does.StartWith("235 "));
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Is.EqualTo("250 2.1.0 Ok\r\n"));
    }
}
