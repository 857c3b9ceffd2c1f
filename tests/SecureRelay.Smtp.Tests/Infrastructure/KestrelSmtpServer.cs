using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>A real Kestrel listener on 127.0.0.1 with an ephemeral port, wired the way the host wires it.</summary>
internal sealed class KestrelSmtpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelSmtpServer(WebApplication app, IPEndPoint endPoint)
    {
        _app = app;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public static async Task<KestrelSmtpServer> StartAsync(SmtpHarness harness)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, options =>
        {
            listen = options;
            options.Run(connection => harness.Handler.OnConnectedAsync(connection));
        }));
        var app = builder.Build();
        await app.StartAsync();
        return new KestrelSmtpServer(app, listen!.IPEndPoint!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
