using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>
/// One connection attempt's certificate check: hand <see cref="Callback"/> to MailKit's
/// <c>SmtpClient.ServerCertificateValidationCallback</c> (or an <see cref="SslStream"/>), then read
/// <see cref="Result"/> and build the audit receipt with <see cref="CreateReceipt"/>. Not reusable
/// across connections.
/// </summary>
public sealed class TlsValidationSession
{
    private readonly TlsCertificateValidator _validator;
    private TlsValidationResult? _result;
    private SslProtocols _observedProtocol;
    private TlsCipherSuite? _observedCipher;

    /// <summary>Creates a session; see <see cref="TlsCertificateValidator.CreateSession"/>.</summary>
    /// <param name="validator">The shared validator.</param>
    /// <param name="mxHost">The MX host being connected to.</param>
    /// <param name="policy">The destination policy.</param>
    /// <param name="requireVerified">True for the <c>tls-verified</c> method: refuse any certificate not authenticated.</param>
    public TlsValidationSession(TlsCertificateValidator validator, string mxHost, RecipientTlsPolicy policy, bool requireVerified)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(mxHost);
        ArgumentNullException.ThrowIfNull(policy);
        _validator = validator;
        MxHost = mxHost;
        Policy = policy;
        RequireVerified = requireVerified;
        Callback = Validate;
    }

    /// <summary>The MX host.</summary>
    public string MxHost { get; }

    /// <summary>The destination policy applied.</summary>
    public RecipientTlsPolicy Policy { get; }

    /// <summary>True when an unauthenticated certificate is refused even without a published policy.</summary>
    public bool RequireVerified { get; }

    /// <summary>The callback to install on the TLS client.</summary>
    public RemoteCertificateValidationCallback Callback { get; }

    /// <summary>The validation outcome, null until the TLS stack called <see cref="Callback"/>.</summary>
    public TlsValidationResult? Result => Volatile.Read(ref _result);

    /// <summary>True when the callback let the handshake proceed.</summary>
    public bool Accepted { get; private set; }

    /// <summary>
    /// The receipt for the audit trail. Pass what the client reports after the handshake
    /// (<c>SmtpClient.SslProtocol</c>, <c>SmtpClient.SslCipherSuite</c>); when omitted, what the
    /// callback saw on an <see cref="SslStream"/> sender is used.
    /// </summary>
    /// <exception cref="InvalidOperationException">No handshake reached certificate validation.</exception>
    public TlsSecurityReceipt CreateReceipt(SslProtocols protocol = SslProtocols.None, TlsCipherSuite? cipherSuite = null)
    {
        var result = Result ?? throw new InvalidOperationException("the TLS handshake did not reach certificate validation");
        var p = protocol != SslProtocols.None ? protocol : _observedProtocol;
        var reason = TlsProtocolPolicy.IsAcceptable(p) ? result.Reason : $"{result.Reason}; protocol {p} below TLS 1.2";
        return new TlsSecurityReceipt(MxHost, p, cipherSuite ?? _observedCipher, result.Method, result.IsVerified, result.PolicyMode, result.CertificateSha256, reason);
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var result = _validator.Validate(MxHost, certificate, chain, errors, Policy);
        var accept = result.IsAcceptable(RequireVerified);
        // SslStream senders (not MailKit, which passes the host name) expose the negotiated version
        // here; a pre-1.2 session is refused even if the client options were misconfigured.
        if (sender is SslStream stream)
        {
            _observedProtocol = stream.SslProtocol;
            _observedCipher = stream.NegotiatedCipherSuite;
            if (_observedProtocol != SslProtocols.None && !TlsProtocolPolicy.IsAcceptable(_observedProtocol))
            {
                result = result with { IsVerified = false, Method = TlsValidationMethod.None, Reason = $"protocol {_observedProtocol} below TLS 1.2" };
                accept = false;
            }
        }

        Volatile.Write(ref _result, result);
        Accepted = accept;
        return accept;
    }
}
