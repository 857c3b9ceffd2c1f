using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Hosting;
using SecureRelay.Spool;

namespace SecureRelay.Tests.Hosting;

/// <summary>Admin API failures become precise JSON replies: a full disk is 507, never a bare 500
/// and never a stack trace in the reply.</summary>
[TestFixture]
public sealed class AdminErrorsTests
{
    [Test]
    public async Task SpoolOutOfSpaceIs507()
    {
        var (status, body) = await RunAsync(new SpoolException("The spool's disk is full.", isOutOfSpace: true));
        Assert.That(status, Is.EqualTo(StatusCodes.Status507InsufficientStorage));
        Assert.That(body, Does.Contain("insufficient storage"));
    }

    [Test]
    public async Task EnospcIs507()
    {
        // What .NET throws on Linux for a write to a full disk: an IOException whose HResult is the errno.
        var enospc = new IOException("No space left on device", 28);
        var (status, _) = await RunAsync(new InvalidOperationException("wrapped", enospc));
        Assert.That(status, Is.EqualTo(StatusCodes.Status507InsufficientStorage));
    }

    [Test]
    public async Task OtherSpoolFailureIs503()
    {
        var (status, body) = await RunAsync(new SpoolException("The spool could not store the change."));
        Assert.That(status, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
        Assert.That(body, Does.Contain("spool unavailable"));
    }

    [Test]
    public async Task BugIs500WithoutDetail()
    {
        var (status, body) = await RunAsync(new InvalidOperationException("secret internals at Foo.Bar()"));
        Assert.That(status, Is.EqualTo(StatusCodes.Status500InternalServerError));
        Assert.That(body, Does.Not.Contain("Foo.Bar").And.Not.Contain("   at "));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("internal error"));
    }

    private static async Task<(int Status, string Body)> RunAsync(Exception thrown)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/queue/flush";
        using var body = new MemoryStream();
        context.Response.Body = body;
        await new AdminErrors(NullLogger.Instance).InvokeAsync(context, _ => throw thrown);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
