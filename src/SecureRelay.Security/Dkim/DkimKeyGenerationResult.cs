namespace SecureRelay.Security.Dkim;

/// <summary>Files and DNS record written by <see cref="DkimKeyGenerator.Generate"/>.</summary>
/// <param name="PrivateKeyPath">Private key PEM (mode 0600), <c>{selector}.private</c>.</param>
/// <param name="DnsRecordPath">Zone-file snippet, <c>{selector}.txt</c>.</param>
/// <param name="DnsName">Owner name of the TXT record: <c>{selector}._domainkey.{domain}</c>.</param>
/// <param name="DnsValue">TXT record value, e.g. <c>v=DKIM1; k=rsa; p=MIIB…</c>.</param>
public sealed record DkimKeyGenerationResult(string PrivateKeyPath, string DnsRecordPath, string DnsName, string DnsValue);
