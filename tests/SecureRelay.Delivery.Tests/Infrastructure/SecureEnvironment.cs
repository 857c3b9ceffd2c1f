using System.Text.Json;
using SecureRelay.Delivery.Audit;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tls;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>A temp directory holding what secure delivery needs: S/MIME certificates, PGP keys
/// (made with gpg), an escrow store, trust anchors, DKIM keys and the audit log.</summary>
public sealed class SecureEnvironment : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public SecureEnvironment()
    {
        Root = Directory.CreateTempSubdirectory("srdel-").FullName;
        CertsDir = Dir("smime");
        PrivateDir = Dir("private");
        PgpDir = Dir("pgp");
        AuditPath = Path.Combine(Root, "audit", "delivery.jsonl");
    }

    public string Root { get; }

    public string CertsDir { get; }

    public string PrivateDir { get; }

    public string PgpDir { get; }

    public string AuditPath { get; }

    public TestPki Pki { get; } = new();

    public string? GnuPgHome { get; private set; }

    public EscrowStore? Escrow { get; private set; }

    public string Dir(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    /// <summary>Generates a gpg key for <paramref name="address"/> in a private GNUPGHOME, exports the
    /// public key to the key directory and returns its fingerprint.</summary>
    public string GeneratePgpKey(string address)
    {
        Tools.Require("gpg");
        if (GnuPgHome is null)
        {
            GnuPgHome = Dir("gnupg");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(GnuPgHome, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Gpg("--quick-gen-key", $"<{address}>", "default", "default", "never");
        string listing = Gpg("--with-colons", "--list-keys", address);
        string fingerprint = listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        File.WriteAllText(Path.Combine(PgpDir, address + ".asc"), Gpg("--armor", "--export", fingerprint));
        return fingerprint;
    }

    public string Gpg(params string[] args)
    {
        (int code, string stdout, string stderr) = Tools.Run("gpg", ["--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "", .. args],
            env: new Dictionary<string, string> { ["GNUPGHOME"] = GnuPgHome! });
        Assert.That(code, Is.Zero, "gpg " + string.Join(' ', args) + ": " + stderr);
        return stdout;
    }

    /// <summary>The services; each flag adds one piece (built from the files present now).</summary>
    public SecureDeliveryServices Services(bool smime = false, bool pgp = false, bool escrow = false, string? trustAnchorsPem = null, bool tls = false, DkimSigningService? dkim = null, (string Cert, string Key)? smimeSigner = null)
    {
        SmimeCertificateDirectory? certificates = null;
        SmimeEncryptor? smimeEncryptor = null;
        if (smime)
        {
            certificates = Own(new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = CertsDir, ReloadOnChange = false }));
            smimeEncryptor = new SmimeEncryptor(certificates, new SmimeOptions { SigningCertificate = smimeSigner?.Cert, SigningKey = smimeSigner?.Key });
        }

        PgpEncryptor? pgpEncryptor = null;
        if (pgp)
        {
            var options = new PgpOptions { KeysDir = PgpDir, ReloadOnChange = false, Wkd = new WkdOptions { Enabled = false } };
            pgpEncryptor = new PgpEncryptor(Own(new PgpKeyDirectory(options)), null, options);
        }

        var escrowOptions = new EscrowOptions
        {
            DatabasePath = Path.Combine(Root, "escrow", "escrow.db"),
            KeyFile = Path.Combine(Root, "escrow", "escrow.key"),
            PortalBaseUrl = "https://portal.relay.test",
            NoticeSender = "no-reply@relay.test",
        };
        if (escrow)
        {
            Escrow = new EscrowStore(escrowOptions);
        }

        RecipientTlsServices? tlsServices = null;
        if (tls || trustAnchorsPem is not null)
        {
            string anchors = string.Empty;
            if (trustAnchorsPem is not null)
            {
                anchors = Path.Combine(Root, "anchors.pem");
                File.WriteAllText(anchors, trustAnchorsPem);
            }

            // No DNS: DANE and MTA-STS off, so PKIX (system roots + anchors) is what verifies.
            tlsServices = Own(RecipientTlsServices.Create(new TlsOptions { TrustAnchors = anchors, Dane = false, MtaSts = false }));
        }

        return new SecureDeliveryServices
        {
            SmimeCertificates = certificates,
            Smime = smimeEncryptor,
            Pgp = pgpEncryptor,
            Escrow = escrow ? Escrow : null,
            EscrowNotices = escrow ? new EscrowNoticeBuilder(escrowOptions) : null,
            Tls = tlsServices,
            Dkim = dkim,
            Audit = Own(new JsonLinesAuditLog(AuditPath)),
        };
    }

    /// <summary>The audit records written so far (the file may be tailed while open).</summary>
    public List<JsonElement> AuditRecords()
    {
        if (!File.Exists(AuditPath))
        {
            return [];
        }

        using var stream = new FileStream(AuditPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    /// <summary>Waits until the audit records satisfy <paramref name="condition"/> (they are written
    /// just after the spool update and the events) and returns them.</summary>
    public async Task<List<JsonElement>> WaitForAuditAsync(Func<List<JsonElement>, bool> condition)
    {
        List<JsonElement> records = AuditRecords();
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(records) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            records = AuditRecords();
        }

        return records;
    }

    /// <summary>The latest record for <paramref name="recipient"/>, waiting for it to be written.</summary>
    public async Task<JsonElement> AuditForAsync(string recipient, string? queueId = null)
    {
        bool Match(JsonElement r) => r.GetProperty("recipient").GetString() == recipient
            && (queueId is null || r.GetProperty("queue_id").GetString() == queueId);
        List<JsonElement> records = await WaitForAuditAsync(list => list.Any(Match));
        return records.Last(Match);
    }

    public string AuditText() => File.Exists(AuditPath) ? string.Join('\n', AuditRecords().Select(r => r.GetRawText())) : string.Empty;

    public void Dispose()
    {
        foreach (IDisposable d in _owned)
        {
            d.Dispose();
        }

        if (GnuPgHome is not null)
        {
            Tools.Run("gpgconf", ["--kill", "gpg-agent"], env: new Dictionary<string, string> { ["GNUPGHOME"] = GnuPgHome });
        }

        Pki.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // gpg-agent may still be removing its socket; the temp dir is harmless.
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
