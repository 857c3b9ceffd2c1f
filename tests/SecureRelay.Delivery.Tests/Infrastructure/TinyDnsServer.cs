using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>A minimal authoritative-looking DNS responder on 127.0.0.1 (UDP) answering MX, A and AAAA
/// from a table, with programmable NXDOMAIN, SERVFAIL and silence (timeouts).</summary>
public sealed class TinyDnsServer : IAsyncDisposable
{
    public const ushort TypeA = 1, TypeMx = 15, TypeAaaa = 28;

    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;

    public TinyDnsServer() => _loop = LoopAsync();

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    /// <summary>Answers by (lower-case name, type): MX as "pref host", A/AAAA as addresses.</summary>
    public Dictionary<(string Name, ushort Type), List<string>> Records { get; } = [];

    /// <summary>Names answered with this RCODE (3 NXDOMAIN, 2 SERVFAIL).</summary>
    public Dictionary<string, int> Rcodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names never answered.</summary>
    public HashSet<string> Silent { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Queries;

    private async Task LoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            UdpReceiveResult r;
            try
            {
                r = await _udp.ReceiveAsync(_cts.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref Queries);
            byte[]? reply = Answer(r.Buffer);
            if (reply is not null)
            {
                await _udp.SendAsync(reply, r.RemoteEndPoint, _cts.Token);
            }
        }
    }

    private byte[]? Answer(byte[] q)
    {
        int pos = 12;
        var labels = new List<string>();
        while (q[pos] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(q, pos + 1, q[pos]));
            pos += q[pos] + 1;
        }

        pos++;
        string name = string.Join('.', labels).ToLowerInvariant();
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(q.AsSpan(pos));
        int questionEnd = pos + 4;
        if (Silent.Contains(name))
        {
            return null;
        }

        var answers = new List<byte[]>();
        int rcode = Rcodes.GetValueOrDefault(name);
        if (rcode == 0 && Records.TryGetValue((name, type), out List<string>? values))
        {
            foreach (string v in values)
            {
                answers.Add(Record(type, v));
            }
        }

        var reply = new MemoryStream();
        var header = new byte[12];
        header[0] = q[0];
        header[1] = q[1];
        header[2] = (byte)(0x84 | (q[2] & 0x01)); // QR, AA, copy RD
        header[3] = (byte)(0x80 | rcode);  // RA + RCODE
        header[5] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)answers.Count);
        reply.Write(header);
        reply.Write(q, 12, questionEnd - 12);
        foreach (byte[] a in answers)
        {
            reply.Write(a);
        }

        return reply.ToArray();
    }

    private static byte[] Record(ushort type, string value)
    {
        byte[] rdata = type switch
        {
            TypeMx => MxData(value),
            _ => IPAddress.Parse(value).GetAddressBytes(),
        };
        var rr = new byte[12 + rdata.Length];
        rr[0] = 0xC0; // pointer to the question name
        rr[1] = 12;
        BinaryPrimitives.WriteUInt16BigEndian(rr.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16BigEndian(rr.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(rr.AsSpan(6), 60);
        BinaryPrimitives.WriteUInt16BigEndian(rr.AsSpan(10), (ushort)rdata.Length);
        rdata.CopyTo(rr, 12);
        return rr;
    }

    private static byte[] MxData(string value)
    {
        string[] parts = value.Split(' ');
        var ms = new MemoryStream();
        ms.WriteByte((byte)(ushort.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) >> 8));
        ms.WriteByte((byte)ushort.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
        foreach (string label in parts[1].TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            ms.WriteByte((byte)label.Length);
            ms.Write(Encoding.ASCII.GetBytes(label));
        }

        ms.WriteByte(0);
        return ms.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _udp.Dispose();
        await _loop;
        _cts.Dispose();
    }
}
