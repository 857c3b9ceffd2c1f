using System.Net.Security;
using System.Security.Authentication;
using SecureRelay.Security.Tls;

namespace SecureRelay.Delivery.Outbound;

/// <summary>
/// The one TLS path of an outbound connection: the callback MailKit calls during STARTTLS, and what
/// the connection turned out to offer. The certificate is judged by the recipient domain's policy
/// (DANE, MTA-STS, PKIX: <see cref="TlsValidationSession"/>) when recipient TLS services are
/// configured, else by the scheduler's <see cref="IOutboundTlsPolicy"/>; either way the agent sees
/// one callback and one <see cref="SessionSecurity"/>.
/// </summary>
internal sealed class CertificateCheck
{
    private readonly TlsValidationSession? _validation;
    private bool _authenticated;
    private string? _certificateSha256;

    private CertificateCheck(TlsValidationSession validation)
    {
        _validation = validation;
        Callback = validation.Callback;
    }

    private CertificateCheck(IOutboundTlsPolicy policy, string destination, string hostName)
    {
        Callback = (_, certificate, chain, errors) =>
        {
            bool accept = policy.AcceptCertificate(destination, hostName, certificate, chain, errors, out bool authenticated);
            _authenticated = accept && authenticated;
            _certificateSha256 = certificate is null ? null : CertificateFingerprint.Sha256(certificate);
            return accept;
        };
    }

    /// <summary>For MailKit's <c>ServerCertificateValidationCallback</c>.</summary>
    public RemoteCertificateValidationCallback Callback { get; }

    /// <summary>Why the handshake was refused, when the recipient policy refused it.</summary>
    public string? RefusalReason => _validation?.Result?.Reason;

    /// <summary>Judged by the recipient policy of the destination. Not "require verified": one
    /// connection serves tls and tls-verified recipients alike, the result says which it satisfies;
    /// DANE / MTA-STS enforce still refuse in the handshake.</summary>
    public static CertificateCheck ForRecipientPolicy(RecipientTlsServices tls, string hostName, RecipientTlsPolicy policy) =>
        new(tls.Validator.CreateSession(hostName, policy, requireVerified: false));

    /// <summary>Judged by <paramref name="policy"/> alone (no recipient TLS services configured).</summary>
    public static CertificateCheck ForSeam(IOutboundTlsPolicy policy, string destination, string hostName) =>
        new(policy, destination, hostName);

    /// <summary>The connection's TLS facts once MailKit has connected (and perhaps done STARTTLS).</summary>
    public SessionSecurity Describe(RelaySmtpClient client, bool policyRequires)
    {
        if (!client.IsEncrypted)
        {
            return new SessionSecurity(false, false, policyRequires, SslProtocols.None, null, "none", null, "no STARTTLS");
        }

        if (_validation?.Result is not null)
        {
            TlsSecurityReceipt receipt = _validation.CreateReceipt(client.SslProtocol, client.SslCipherSuite);
            return new SessionSecurity(true, receipt.Verified && receipt.ProtocolAcceptable, policyRequires, receipt.Protocol,
                receipt.CipherSuite?.ToString(), MethodName(receipt.Method), receipt.CertificateSha256, receipt.Reason);
        }

        bool verified = _authenticated && TlsProtocolPolicy.IsAcceptable(client.SslProtocol);
        return new SessionSecurity(true, verified, policyRequires, client.SslProtocol, client.SslCipherSuite?.ToString(),
            verified ? "pkix" : "none", _certificateSha256, verified ? "PKIX valid" : "certificate not authenticated");
    }

    private static string MethodName(TlsValidationMethod method) => method switch
    {
        TlsValidationMethod.Dane => "dane",
        TlsValidationMethod.MtaSts => "mta-sts",
        TlsValidationMethod.Pkix => "pkix",
        _ => "none",
    };
}
