using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

public sealed class WebKeyDirectoryClientTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) });

    private ProtectionTestDirectory _dir = null!;
    private LoopbackHttpServer _server = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new ProtectionTestDirectory();
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
        _server.Handler = async context =>
        {
            if (context.Request.Path + context.Request.QueryString == expectedPath)
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(key);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        };

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
        _server.Handler = async context =>
        {
            if (context.Request.Path + context.Request.QueryString == directPath)
            {
                await context.Response.Body.WriteAsync(key);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        };

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
        var clock = new ProtectionClock(DateTimeOffset.UtcNow);
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
}
