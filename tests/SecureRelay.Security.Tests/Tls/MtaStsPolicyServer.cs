using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// A Kestrel HTTPS endpoint on 127.0.0.1 serving <c>/.well-known/mta-sts.txt</c>. The fetcher reaches
/// it through a handler whose ConnectCallback dials loopback, so the URL, SNI and certificate name
/// check stay those of <c>mta-sts.test.example</c>.
/// </summary>
internal sealed class MtaStsPolicyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private MtaStsPolicyServer(WebApplication app)
    {
        _app = app;
    }

    public int Port { get; private set; }

    public string Body { get; set; } = "";

    public int StatusCode { get; set; } = 200;

    public string ContentType { get; set; } = "text/plain";

    /// <summary>Answer this many requests with 503 before serving the policy.</summary>
    public int FailFirst { get; set; }

    /// <summary>Wait this long before answering (timeout tests).</summary>
    public TimeSpan Delay { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public string? LastHost { get; private set; }

    public static async Task<MtaStsPolicyServer> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new MtaStsPolicyServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public static string Policy(string mode, int maxAge, params string[] mx) =>
        $"version: STSv1\r\nmode: {mode}\r\n{string.Concat(mx.Select(m => $"mx: {m}\r\n"))}max_age: {maxAge}\r\n";

    /// <summary>The production handler, with connections redirected to this server's port.</summary>
    public SocketsHttpHandler CreateHandler(TrustAnchorStore anchors)
    {
        var handler = MtaStsPolicyFetcher.CreateHandler(anchors);
        handler.ConnectCallback = async (context, ct) =>
        {
            Assert.That(context.DnsEndPoint.Host, Is.EqualTo("mta-sts." + TestCertificates.Domain));
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException)
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        LastHost = context.Request.Host.Host;
        if (context.Request.Path != "/.well-known/mta-sts.txt")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (n <= FailFirst)
        {
            context.Response.StatusCode = 503;
            return;
        }

        context.Response.StatusCode = StatusCode;
        if (StatusCode is >= 300 and < 400)
        {
            context.Response.Headers.Location = "https://mta-sts." + TestCertificates.Domain + "/other.txt";
            return;
        }

        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(Body);
    }
}
