using SecureRelay.Configuration;
using SecureRelay.Policy.Yaml;
using SecureRelay.Smtp;

namespace SecureRelay.Tests.Configuration;

/// <summary>The loader binds every section onto its component's options type and reports every
/// problem at once, each at the parser's mark.</summary>
[TestFixture]
public sealed class RelayConfigLoaderTests
{
    private const string Listener = "listeners:\n  - name: a\n    endpoint: 127.0.0.1:2525\n";

    [Test]
    public void EveryProblemIsReportedAtOnceWithItsPosition()
    {
        var yaml = """
            data_dir: ./d
            listners: []
            listeners:
              - name: a
                endpoint: nowhere
                tls: sometimes
              - name: a
                endpoint: 127.0.0.1:25
                tls: none
                auth: required
            delivery:
              max_age: soon
              max_connections: many
              domains:
                partner.example: { rate_per_second: x }
            limits:
              max_recipients: [1]
            """;
        var e = Assert.Throws<ConfigurationException>(() => RelayConfigLoader.Parse(yaml, "/etc/sr.yaml"))!;
        Assert.That(e.Errors.Select(x => $"{x.Line}:{x.Column} {x.Reason}"), Is.EqualTo(new[]
        {
            "2:1 listners: unknown key 'listners' in the top level (known: data_dir, hostname, listeners, users, routes, limits, delivery, spool, admin, logging, policy_file, smime, pgp, tls, escrow, dkim, audit, stores)",
            "5:15 listeners[0].endpoint: 'nowhere' is not address:port",
            "6:10 listeners[0].tls: 'sometimes' is not one of none, starttls, implicit",
            "7:11 listeners[1].name: duplicate listener name 'a'",
            "10:11 listeners[1].auth: auth: required needs tls: starttls or implicit (AUTH is only offered over TLS)",
            "12:12 delivery.max_age: 'soon' is not a duration such as 30s, 5m, 4h, 5d",
            "13:20 delivery.max_connections: 'many' is not a whole number up to 2147483647",
            "15:41 delivery.domains.partner.example.rate_per_second: 'x' is not a number",
            "17:19 limits.max_recipients: must be a single value, not a list or mapping",
        }), e.Message);
        Assert.That(e.Message.Split('\n'), Has.Length.EqualTo(9).And.All.StartWith("/etc/sr.yaml:"));
    }

    [Test]
    public void ValidationProblemsOfEverySectionComeTogether()
    {
        var yaml = Listener + """
              - name: a
                endpoint: 127.0.0.1:2526
                tls: none
                auth: required
            delivery:
              max_connections: 0
              domains:
                partner.example: { rate_per_second: -1 }
            limits:
              max_line_length: 999
            escrow:
              expiry_days: 0
            tls:
              dns_servers: [resolver.example]
            """;
        var e = Assert.Throws<ConfigurationException>(() => RelayConfigLoader.Parse(yaml, "c.yaml"))!;
        Assert.That(e.Errors.Select(x => $"{x.Line}:{x.Column} {x.Reason[..x.Reason.IndexOf(':')]}"), Is.EqualTo(new[]
        {
            "4:11 listeners[1].name",
            "7:11 listeners[1].auth",
            "9:20 delivery.max_connections",
            "11:41 delivery.domains.partner.example.rate_per_second",
            "13:20 limits.max_line_length",
            "15:16 escrow.expiry_days",
            "17:17 tls.dns_servers[0]",
        }), e.Message);
    }

    [Test]
    public void SectionsAreTheComponentsOptionsWithPathsResolvedAndDerivedValuesInTheHost()
    {
        var dir = Directory.CreateTempSubdirectory("sr-config-").FullName;
        var yaml = Listener + """
                relay_networks: [10.0.0.0/8, 192.0.2.7]
            hostname: relay.example.org
            data_dir: /var/lib/sr
            routes:
              - domains: ["*"]
                next_hop: 127.0.0.1:2526
            limits:
              max_line_length: 4096
              data_timeout: 300s
              bare_line_endings: reject
            delivery:
              domains:
                Partner.Example: { max_connections: 2 }
            smime:
              signing_key: keys/org.pem
            spool:
              min_free_bytes: 0
            logging:
              level: warning
            """;
        var settings = RelayConfigLoader.Parse(yaml, Path.Combine(dir, "securerelay.yaml"));
        var c = settings.Config;
        Assert.Multiple(() =>
        {
            Assert.That(c.Listeners[0].RelayNetworks.Select(n => n.ToString()), Is.EqualTo(new[] { "10.0.0.0/8", "192.0.2.7/32" }));
            Assert.That(c.Listeners[0].Tls, Is.EqualTo(SmtpTlsMode.StartTls));
            Assert.That((c.Limits.CommandLineLength, c.Limits.DataLineLength), Is.EqualTo((4096, 4096)));
            Assert.That(c.Limits.DataTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(c.Limits.BareLineEndings, Is.EqualTo(BareLineEndingHandling.Reject));
            Assert.That(c.Delivery.HostName, Is.EqualTo("relay.example.org"));
            Assert.That(c.Delivery.Routes.Single().NextHop, Is.EqualTo("127.0.0.1:2526"));
            Assert.That(c.Delivery.LimitsFor("partner.example").MaxConnections, Is.EqualTo(2));
            Assert.That(c.Delivery.LimitsFor("other.example").MaxConnections, Is.EqualTo(20));
            Assert.That(c.Smime.SigningKey, Is.EqualTo(Path.Combine(dir, "keys", "org.pem")));
            Assert.That(c.Smime.CertificatesDir, Is.EqualTo(Path.Combine(dir, "certs", "smime")), "defaults resolve against the file too");
            Assert.That(c.Escrow.DatabasePath, Is.EqualTo("/var/lib/sr/escrow/escrow.db"), "escrow lives beside the spool");
            Assert.That(c.Escrow.KeyFile, Is.EqualTo("/var/lib/sr/keys/escrow/escrow.key"));
            Assert.That(settings.Spool.DataDirectory, Is.EqualTo("/var/lib/sr/spool"));
            Assert.That(settings.Spool.KeyFile, Is.EqualTo("/var/lib/sr/keys/spool.key"));
            Assert.That(settings.Spool.MinFreeBytes, Is.Zero);
            Assert.That(c.Logging.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        });
    }

    [Test]
    public void EmptySectionsKeepTheirDefaults()
    {
        var settings = RelayConfigLoader.Parse(Listener + "limits:\ndelivery: ~\n", "c.yaml");
        Assert.That(settings.Config.Limits.MessageSize, Is.EqualTo(new SmtpLimits().MessageSize));
        Assert.That(settings.Config.Delivery.MaxConnectionsTotal, Is.EqualTo(500));
    }

    [Test]
    public void ShowRedactsSecretsButNotPaths()
    {
        var yaml = Listener + "users:\n  - name: app\n    password_hash: \"" + SecureRelay.Users.PasswordHasher.Hash("pw") + "\"\n";
        var settings = RelayConfigLoader.Parse(yaml, "/etc/sr/c.yaml");
        var shown = ConfigListing.Effective(settings.Config).ToDictionary(x => x.Key, x => x.Value);
        Assert.That(shown["users[0].password_hash"], Is.EqualTo(ConfigListing.Redacted));
        Assert.That(shown["users[0].name"], Is.EqualTo("app"));
        Assert.That(shown["listeners[0].endpoint"], Is.EqualTo("127.0.0.1:2525"));
        Assert.That(shown["smime.certificates_dir"], Is.EqualTo("/etc/sr/certs/smime"));
        Assert.That(string.Join('\n', shown.Values), Does.Not.Contain("pbkdf2"));
    }
}
