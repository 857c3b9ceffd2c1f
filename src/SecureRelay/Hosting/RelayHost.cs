using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using SecureRelay.Configuration;
using SecureRelay.Logging;
using SecureRelay.Metrics;
using SecureRelay.Users;

namespace SecureRelay.Hosting;

/// <summary>
/// Runs the relay: opens the spool (crash recovery first), starts delivery, then the SMTP listeners
/// and the admin endpoint on Kestrel. Shutdown runs in the reverse order: stop accepting, let
/// sessions finish, let in-flight deliveries finish, then flush and close the spool.
/// </summary>
public static class RelayHost
{
    /// <summary>How long shutdown waits for SMTP sessions and deliveries before aborting them.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs until the process is asked to stop. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(RelaySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Before anything creates a file: the data directory holds PHI (spool, escrow, audit).
        DataDirectoryPermissions.RestrictUmask();
        Directory.CreateDirectory(settings.DataDir);
        var tightened = DataDirectoryPermissions.Tighten(settings.DataDir);
        var tokenFileExisted = File.Exists(settings.AdminTokenFile);
        AdminTokens tokens;
        try
        {
            tokens = AdminTokens.Load(settings.AdminTokenFile, create: settings.AdminTokenFileIsDefault);
        }
        catch (InvalidDataException e)
        {
            throw settings.Source.Error("admin.token_file", e.Message);
        }

        // Declared first so that it is disposed last: every line logged during shutdown is written.
        using var logOutput = new BatchingConsoleLoggerProvider();

        // No appsettings.json reload: its watcher is recursive over the content root (the data
        // directory), so every spool and audit write woke a thread (perf: inotify reads and fsnotify
        // in the relay's profile). The relay's configuration is its own YAML file.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = settings.DataDir,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Host.UseSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logOutput);
        builder.Logging.SetMinimumLevel(settings.Config.Logging.Level);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        var metrics = new RelayMetrics();
        var components = new RelayComponents(settings, metrics);
        builder.Services.AddSingleton(metrics);

        // SMTP sessions never block (every wait is awaited), so their code may run on the thread that
        // completed the socket read instead of being queued to the thread pool once more.
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.AdminEndpoint);
            foreach (var listener in components.Listeners)
            {
                // The handler is built in StartAsync below; Kestrel accepts nothing before app.StartAsync.
                kestrel.Listen(listener.Endpoint!, lo => lo.Run(connection => components.HandlerFor(listener.Name).OnConnectedAsync(connection)));
            }
        });

        await using var app = builder.Build();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger("SecureRelay");
        if (tightened > 0)
        {
            RelayLog.PermissionsTightened(logger, tightened, settings.DataDir);
        }

        if (!tokenFileExisted)
        {
            RelayLog.AdminTokenCreated(logger, settings.AdminTokenFile);
        }

        await components.StartAsync(loggerFactory, cancellationToken).ConfigureAwait(false);

        var guard = new AdminGuard(tokens, settings.AdminEndpoint, settings.Config.Admin.AllowedHosts, metrics, loggerFactory.CreateLogger<AdminGuard>());
        var errors = new AdminErrors(loggerFactory.CreateLogger<AdminErrors>());
        app.Use(guard.InvokeAsync);
        app.Use(errors.InvokeAsync);
        AdminEndpoints.Map(app, components);
        app.Lifetime.ApplicationStopping.Register(() => RelayLog.ShuttingDown(logger));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var version = typeof(RelayHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
            RelayLog.Started(logger, version, settings.Listeners.Count, settings.AdminEndpoint.ToString(), settings.DataDir);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await components.DisposeAsync().ConfigureAwait(false);
            RelayLog.Stopped(logger);
        }

        return 0;
    }
}
