using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Extra CA certificates from <c>tls.trust_anchors</c> (PEM, one or more). When present, a chain
/// that fails against the system roots is rebuilt with these as custom roots.
/// </summary>
public sealed class TrustAnchorStore
{
    /// <summary>No extra anchors: system roots only.</summary>
    public static readonly TrustAnchorStore Empty = new([]);

    /// <summary>Creates a store from certificates already loaded.</summary>
    public TrustAnchorStore(IEnumerable<X509Certificate2> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        Anchors = [.. anchors];
    }

    /// <summary>The anchors.</summary>
    public IReadOnlyList<X509Certificate2> Anchors { get; }

    /// <summary>Loads a PEM file holding one or more certificates.</summary>
    /// <exception cref="InvalidDataException">The file holds no certificate or a malformed one.</exception>
    public static TrustAnchorStore LoadPem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Length > 4 * 1024 * 1024)
        {
            throw new InvalidDataException($"{path}: trust anchor file larger than 4 MB");
        }

        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(path);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        if (collection.Count == 0)
        {
            throw new InvalidDataException($"{path}: no CERTIFICATE block found");
        }

        return new TrustAnchorStore(collection);
    }

    /// <summary>Loads <see cref="TlsOptions.TrustAnchors"/>, or returns <see cref="Empty"/> when unset.</summary>
    public static TrustAnchorStore FromOptions(TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TrustAnchors.Length == 0 ? Empty : LoadPem(options.TrustAnchors);
    }
}
