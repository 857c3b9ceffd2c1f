using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

public sealed class WebKeyDirectoryClientTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) });

    private TempDirectory _dir = null!;
    private LoopbackHttpServer _server = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory();
        _server = await LoopbackHttpServer.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private WkdOptions Options(string? advanced = null, string? direct = null) => new()
    {
        AdvancedBaseUrl = advanced ?? _server.BaseUrl,
        DirectBaseUrl = direct ?? _server.BaseUrl,
        RetryDelayMs = 10,
        TimeoutSeconds = 5,
    };

    /// <summary>The server answers <paramref name="key"/> at <paramref name="pathAndQuery"/> and 404 everywhere else.</summary>
    private void ServeKeyAt(string pathAndQuery, byte[] key, string? contentType = null) => _server.Handler = async context =>
    {
        if (context.Request.Path + context.Request.QueryString == pathAndQuery)
        {
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            await context.Response.Body.WriteAsync(key);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    };

    private static string ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    [Test]
    public void Hash_matches_the_draft_test_vector()
    {
        Assert.That(WebKeyDirectoryClient.HashLocalPart("Joe.Doe"), Is.EqualTo("iy9q119eutrkn8s1mk4r39qejnbu3n5q"));
        var client = new WebKeyDirectoryClient(Http, new WkdOptions());
        Assert.Multiple(() =>
        {
            Assert.That(client.AdvancedUri("Joe.Doe@Example.ORG").ToString(),
                Is.EqualTo("https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"));
            Assert.That(client.DirectUri("Joe.Doe@Example.ORG").ToString(),
                Is.EqualTo("https://example.org/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"));
        });
    }

    [Test]
    public async Task Advanced_lookup_finds_binary_key_caches_it_and_pgp_encryptor_uses_it()
    {
        using var gpg = new GnuPgHome(_dir.File("gnupg"));
        var fpr = gpg.Generate("Alice <Alice@Example.org>", "future-default");
        var key = gpg.ExportBinary(fpr, _dir.File("alice.gpg"));
        var expectedPath = "/.well-known/openpgpkey/example.org/hu/" + WebKeyDirectoryClient.HashLocalPart("alice") + "?l=alice";
        ServeKeyAt(expectedPath, key, "application/octet-stream");

        var client = new WebKeyDirectoryClient(Http, Options());
        var result = await client.LookupAsync("alice@example.org");
        Assert.That(result.Status, Is.EqualTo(WkdLookupStatus.Found), result.Detail);
        Assert.That(result.Key!.Fingerprint, Is.EqualTo(fpr));
        Assert.That(result.Key.Source, Is.EqualTo("wkd"));
        Assert.That(_server.Requests, Is.EqualTo(new[] { expectedPath }));

        var again = await client.LookupAsync("alice@example.org");
        Assert.That(again.FromCache, Is.True);
        Assert.That(_server.Requests, Has.Count.EqualTo(1));

        // The same key drives a real encryption that gpg decrypts.
        var pgpOptions = new PgpOptions { KeysDir = _dir.File("empty"), ReloadOnChange = false, Wkd = Options() };
        using var directory = new PgpKeyDirectory(pgpOptions);
        var encryptor = new PgpEncryptor(directory, client, pgpOptions);
        var encrypted = await encryptor.EncryptAsync(PgpEncryptorTests.PhiMessage("alice@example.org"), ["alice@example.org"]);
        var plaintext = PgpEncryptorTests.GpgDecrypt(gpg, encrypted, _dir.File("payload.asc"));
        Assert.That(plaintext, Does.Contain("malignant melanoma"));
    }

    [Test]
    public async Task Falls_back_to_direct_method_only_when_advanced_host_is_unreachable()
    {
        using var gpg = new GnuPgHome(_dir.File("gnupg"));
        var fpr = gpg.Generate("Bob <bob@example.net>", "future-default");
        var key = gpg.ExportBinary(fpr, _dir.File("bob.gpg"));
        var directPath = "/.well-known/openpgpkey/hu/" + WebKeyDirectoryClient.HashLocalPart("bob") + "?l=bob";
        ServeKeyAt(directPath, key);

        var unreachable = new WebKeyDirectoryClient(Http, Options(advanced: ClosedPortUrl()));
        var found = await unreachable.LookupAsync("bob@example.net");
        Assert.That(found.Status, Is.EqualTo(WkdLookupStatus.Found), found.Detail);
        Assert.That(_server.Requests, Is.EqualTo(new[] { directPath }));

        // Advanced host answers 404: that is authoritative, no direct request.
        _server.Requests.Clear();
        var advancedAnswers = new WebKeyDirectoryClient(Http, Options());
        var notFound = await advancedAnswers.LookupAsync("bob@example.net");
        Assert.That(notFound.Status, Is.EqualTo(WkdLookupStatus.NotFound));
        Assert.That(_server.Requests.Single(), Does.StartWith("/.well-known/openpgpkey/example.net/hu/"));
    }

    [Test]
    public async Task Transient_errors_are_retried()
    {
        using var gpg = new GnuPgHome(_dir.File("gnupg"));
        var key = gpg.ExportBinary(gpg.Generate("Carol <carol@example.org>", "future-default"), _dir.File("carol.gpg"));
        var calls = 0;
        _server.Handler = async context =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await context.Response.Body.WriteAsync(key);
        };

        var result = await new WebKeyDirectoryClient(Http, Options()).LookupAsync("carol@example.org");
        Assert.That(result.Status, Is.EqualTo(WkdLookupStatus.Found), result.Detail);
        Assert.That(calls, Is.EqualTo(3));

        calls = -100; // always 503 from now on
        var failing = await new WebKeyDirectoryClient(Http, Options()).LookupAsync("carol@example.org");
        Assert.That(failing.Status, Is.EqualTo(WkdLookupStatus.Failed));
        Assert.That(failing.Detail, Does.Contain("503"));
    }

    [Test]
    public async Task Oversized_malformed_and_foreign_keys_are_rejected()
    {
        using var gpg = new GnuPgHome(_dir.File("gnupg"));
        var mallory = gpg.ExportBinary(gpg.Generate("Mallory <mallory@evil.example>", "future-default"), _dir.File("m.gpg"));
        var body = new byte[100 * 1024];
        _server.Handler = context => context.Response.Body.WriteAsync(body).AsTask();
        var client = new WebKeyDirectoryClient(Http, Options());
        var large = await client.LookupAsync("big@example.org");
        Assert.That(large.Status, Is.EqualTo(WkdLookupStatus.Failed));
        Assert.That(large.Detail, Does.Contain("larger than 65536"));

        body = "this is not an OpenPGP key"u8.ToArray();
        Assert.That((await client.LookupAsync("junk@example.org")).Status, Is.EqualTo(WkdLookupStatus.Failed));

        // A key published under someone else's hash but naming another address must be ignored.
        body = mallory;
        var foreign = await client.LookupAsync("victim@example.org");
        Assert.That(foreign.Status, Is.EqualTo(WkdLookupStatus.NotFound));
        Assert.That(foreign.Key, Is.Null);
    }

    [Test]
    public async Task Slow_server_times_out()
    {
        _server.Handler = async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var options = Options();
        options.TimeoutSeconds = 1;
        options.RetryCount = 0;
        var started = DateTime.UtcNow;
        var result = await new WebKeyDirectoryClient(Http, options).LookupAsync("slow@example.org");
        Assert.That(result.Status, Is.EqualTo(WkdLookupStatus.Failed));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task Not_found_is_cached_until_negative_ttl_expires()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var options = Options();
        options.NegativeCacheMinutes = 5;
        var client = new WebKeyDirectoryClient(Http, options, clock);
        Assert.That((await client.LookupAsync("none@example.org")).Status, Is.EqualTo(WkdLookupStatus.NotFound));
        Assert.That((await client.LookupAsync("none@example.org")).FromCache, Is.True);
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.That((await client.LookupAsync("none@example.org")).FromCache, Is.False);
        Assert.That(_server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Slow_domain_is_probed_once_per_ttl_and_a_thousand_lookups_finish_fast()
    {
        _server.Handler = async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        var options = Options();
        options.TimeoutSeconds = 1;
        options.RetryCount = 0;
        options.FailureCacheMinutes = 10;
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<WebKeyDirectoryClient>();
        var client = new WebKeyDirectoryClient(Http, options, clock, logger);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.LookupAsync($"patient{i}@example.org")));
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Problem?.ToString()).Distinct(), Is.EqualTo(new[] { "wkd_lookup_failed (timeout)" }));
            Assert.That(_server.Requests, Has.Count.EqualTo(1), "one probe, not one request per recipient");
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "one 1 s timeout, not a thousand");
            Assert.That(logger.Lines.Count(l => l.Contains("failed (timeout)", StringComparison.Ordinal)), Is.EqualTo(1), "logged once per domain");
        });

        // The next message within the TTL does not ask; after it, one probe again (and one more log line).
        Assert.That((await client.LookupAsync("later@example.org")).FromCache, Is.True);
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.That((await client.LookupAsync("later@example.org")).Problem?.WkdFailure, Is.EqualTo(WkdFailureKind.Timeout));
        Assert.That(_server.Requests, Has.Count.EqualTo(2));
        Assert.That(logger.Lines.Count(l => l.Contains("failed (timeout)", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task Http_error_is_cached_per_domain_other_domains_are_still_asked()
    {
        _server.Handler = context =>
        {
            context.Response.StatusCode = context.Request.Path.Value!.Contains("/broken.example/", StringComparison.Ordinal) ? 503 : 404;
            return Task.CompletedTask;
        };
        var options = Options();
        options.RetryCount = 0;
        var client = new WebKeyDirectoryClient(Http, options);
        for (var i = 0; i < 20; i++)
        {
            var result = await client.LookupAsync($"p{i}@broken.example");
            Assert.That(result.Problem?.ToString(), Is.EqualTo("wkd_lookup_failed (http_error)"));
        }

        Assert.That(_server.Requests, Has.Count.EqualTo(1));
        var other = await client.LookupAsync("someone@fine.example");
        Assert.That(other.Problem?.ToString(), Is.EqualTo("no_address_match"), "404: no key published");
        Assert.That(_server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Server_down_fails_fast_as_connection_failed_once_per_domain()
    {
        var options = Options(ClosedPortUrl(), ClosedPortUrl());
        var client = new WebKeyDirectoryClient(Http, options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.LookupAsync($"p{i}@down.example")));
        watch.Stop();
        Assert.That(results.Select(r => r.Problem?.ToString()).Distinct(), Is.EqualTo(new[] { "wkd_lookup_failed (connection_failed)" }));
        Assert.That(results.Count(r => !r.FromCache), Is.EqualTo(1), "one probe; the rest answered by the domain's failure");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }
}
