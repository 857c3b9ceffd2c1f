using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsClient;

namespace SecureRelay.Testing;

/// <summary>
/// A tiny authoritative DNS responder on 127.0.0.1 (UDP, RFC 1035 wire format) answering A, AAAA,
/// MX, TXT and TLSA from a table. A name with no record of any type gets NXDOMAIN; a name with
/// records of other types gets an empty NOERROR answer. Faults are programmable per name: any RCODE
/// (<see cref="Rcodes"/>; 2 SERVFAIL, 3 NXDOMAIN) and silence (<see cref="Silent"/>, for timeouts).
/// The AD flag stands in for a validating resolver: it is set on answers unless
/// <see cref="AuthenticData"/> is false, the name is in <see cref="InsecureNames"/>, or the answer is SERVFAIL.
/// Queries are bounded: a malformed or over-long question is dropped.
/// </summary>
public sealed class LoopbackDnsServer : IDisposable, IAsyncDisposable
{
    private const int MaxQueryBytes = 512;

    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentDictionary<(string Name, QueryType Type), List<byte[]>> _records = new();
    private readonly ConcurrentDictionary<(string Name, QueryType Type), int> _queries = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _queryTotal;

    /// <summary>Starts answering on a free loopback port.</summary>
    public LoopbackDnsServer()
    {
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>The UDP port it listens on.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The TTL of every answer (0 by default, so a client library caches nothing).</summary>
    public uint TtlSeconds { get; set; }

    /// <summary>Set AD on every answer (a validating resolver saying "secure").</summary>
    public bool AuthenticData { get; set; } = true;

    /// <summary>Names answered without AD even when <see cref="AuthenticData"/> is true.</summary>
    public ConcurrentDictionary<string, bool> InsecureNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names answered with this RCODE and no records (2 SERVFAIL, 3 NXDOMAIN).</summary>
    public ConcurrentDictionary<string, int> Rcodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names never answered (the client times out).</summary>
    public ConcurrentDictionary<string, bool> Silent { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Queries received so far, all names and types.</summary>
    public int Queries => Volatile.Read(ref _queryTotal);

    /// <summary>Queries received so far for <paramref name="name"/> and <paramref name="type"/>.</summary>
    public int QueryCount(string name, QueryType type) => _queries.TryGetValue((name.ToLowerInvariant(), type), out var n) ? n : 0;

    /// <summary>Adds an MX record; <paramref name="exchange"/> "." is the null MX (RFC 7505).</summary>
    public void AddMx(string domain, ushort preference, string exchange) =>
        Add(domain, QueryType.MX, [.. BigEndian(preference), .. EncodeName(exchange)]);

    /// <summary>Adds an A or AAAA record, by the address family.</summary>
    public void AddAddress(string name, IPAddress address) =>
        Add(name, address.AddressFamily == AddressFamily.InterNetworkV6 ? QueryType.AAAA : QueryType.A, address.GetAddressBytes());

    /// <summary>Adds an A or AAAA record, by the address family.</summary>
    public void AddAddress(string name, string address) => AddAddress(name, IPAddress.Parse(address));

    /// <summary>Replaces the TXT records of <paramref name="name"/> (long strings split at 255 bytes).</summary>
    public void SetTxt(string name, params string[] texts)
    {
        _records[(name.ToLowerInvariant(), QueryType.TXT)] = [.. texts.Select(EncodeTxt)];
    }

    /// <summary>Removes every record of <paramref name="type"/> for <paramref name="name"/>.</summary>
    public void Clear(string name, QueryType type) => _records.TryRemove((name.ToLowerInvariant(), type), out _);

    /// <summary>Adds a TLSA record (RFC 6698).</summary>
    public void AddTlsa(string name, byte usage, byte selector, byte matchingType, byte[] data) =>
        Add(name, QueryType.TLSA, [usage, selector, matchingType, .. data]);

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket's ObjectDisposedException/OperationCanceledException.
        }

        _stop.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Add(string name, QueryType type, byte[] rdata) =>
        _records.AddOrUpdate((name.ToLowerInvariant(), type), _ => [rdata], (_, list) => [.. list, rdata]);

    private Task LoopAsync() =>
        ReceiveLoop.RunAsync(_udp.ReceiveAsync, async packet =>
        {
            if (Answer(packet.Buffer) is { } reply)
            {
                try
                {
                    await _udp.SendAsync(reply, packet.RemoteEndPoint, _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    // Stopping: the loop ends at its next receive.
                }
            }
        }, _stop.Token);

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12 || query.Length > MaxQueryBytes || BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(4)) != 1)
        {
            return null;
        }

        // Question: labels, then QTYPE and QCLASS.
        var labels = new List<string>();
        var pos = 12;
        while (pos < query.Length && query[pos] != 0)
        {
            int len = query[pos];
            if (len > 63 || pos + 1 + len > query.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(query, pos + 1, len));
            pos += 1 + len;
        }

        if (pos + 5 > query.Length)
        {
            return null;
        }

        var questionEnd = pos + 5;
        var name = string.Join('.', labels).ToLowerInvariant();
        var type = (QueryType)BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(pos + 1));
        Interlocked.Increment(ref _queryTotal);
        _queries.AddOrUpdate((name, type), 1, (_, n) => n + 1);
        if (Silent.ContainsKey(name))
        {
            return null;
        }

        var requestFlags = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(2));
        List<byte[]> answers = [];
        int rcode = Rcodes.GetValueOrDefault(name);
        if (rcode != 0)
        {
            // As programmed, with no records.
        }
        else if (_records.TryGetValue((name, type), out var found))
        {
            answers = found;
        }
        else if (!_records.Keys.Any(k => k.Name == name))
        {
            rcode = 3; // NXDOMAIN
        }

        var ad = rcode != 2 && AuthenticData && !InsecureNames.ContainsKey(name);
        // QR | AA | RD (copied) | RA | AD | RCODE
        var flags = (ushort)(0x8000 | 0x0400 | (requestFlags & 0x0100) | 0x0080 | (ad ? 0x0020 : 0) | (rcode & 0x0F));
        var reply = new List<byte>(512);
        reply.AddRange(query.AsSpan(0, 2).ToArray());
        reply.AddRange(BigEndian(flags));
        reply.AddRange(BigEndian(1));
        reply.AddRange(BigEndian((ushort)answers.Count));
        reply.AddRange(BigEndian(0));
        reply.AddRange(BigEndian(0));
        reply.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        var ttl = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ttl, TtlSeconds);
        foreach (var rdata in answers)
        {
            reply.AddRange([0xC0, 0x0C]); // pointer to the question name
            reply.AddRange(BigEndian((ushort)type));
            reply.AddRange(BigEndian(1));
            reply.AddRange(ttl);
            reply.AddRange(BigEndian((ushort)rdata.Length));
            reply.AddRange(rdata);
        }

        return [.. reply];
    }

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static byte[] EncodeTxt(string text)
    {
        var data = Encoding.ASCII.GetBytes(text);
        var bytes = new List<byte>();
        for (var i = 0; i < data.Length; i += 255)
        {
            var chunk = data.AsSpan(i, Math.Min(255, data.Length - i));
            bytes.Add((byte)chunk.Length);
            bytes.AddRange(chunk.ToArray());
        }

        return [.. bytes];
    }
}
