using System.Collections.Frozen;

namespace SecureRelay.Security.Encryption;

/// <summary>Builds the address index of a key or certificate directory (<see cref="PgpKeyDirectory"/>,
/// <see cref="SmimeCertificateDirectory"/>): each entry listed under every email address it names,
/// addresses compared case-insensitively, entries kept in the order they were read.</summary>
/// <typeparam name="T">What the directory holds per key or certificate.</typeparam>
internal sealed class KeyAddressIndex<T>
{
    private readonly Dictionary<string, List<T>> _byAddress = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Number of distinct addresses so far.</summary>
    public int AddressCount => _byAddress.Count;

    /// <summary>Lists <paramref name="entry"/> under each of <paramref name="addresses"/>.</summary>
    public void Add(IEnumerable<string> addresses, T entry)
    {
        foreach (var address in addresses)
        {
            if (!_byAddress.TryGetValue(address, out var list))
            {
                _byAddress[address] = list = [];
            }

            list.Add(entry);
        }
    }

    /// <summary>The finished, read-only index.</summary>
    public FrozenDictionary<string, T[]> ToFrozen() =>
        _byAddress.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
}
