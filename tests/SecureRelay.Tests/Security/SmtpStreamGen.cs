using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SecureRelay.Tests.Security;

/// <summary>One piece of a fuzzed client stream: what it is (for the report) and its bytes.</summary>
internal sealed record StreamPiece(string Label, byte[] Bytes);

/// <summary>A fuzzed SMTP client session: the pieces in order and where the writes are cut.</summary>
internal sealed record StreamSession(IReadOnlyList<StreamPiece> Pieces, IReadOnlyList<int> WriteSizes)
{
    /// <summary>All bytes the client sends.</summary>
    public byte[] Bytes => [.. Pieces.SelectMany(p => p.Bytes)];

    /// <summary>A short description for a failure report.</summary>
    public string Describe() => string.Join(" ", Pieces.Select(p => p.Label));
}

/// <summary>
/// FsCheck generators of SMTP client byte streams: valid commands in any order, the same commands mutated
/// (case, NULs, bare CR or LF, 8-bit bytes, overlong lines, truncation, stray spaces), DATA and BDAT bodies
/// with smuggling-shaped endings, raw garbage, and pipelining with arbitrary write boundaries.
/// </summary>
internal static class SmtpStreamGen
{
    private static readonly string[] Commands =
    [
        "EHLO fuzz.test", "HELO fuzz.test", "EHLO", "EHLO [127.0.0.1]", "EHLO [IPv6:::1]",
        "MAIL FROM:<app@clinic.test>", "MAIL FROM:<>", "MAIL FROM:<app@clinic.test> SIZE=1000 BODY=8BITMIME",
        "MAIL FROM:<app@clinic.test> BODY=BINARYMIME", "MAIL FROM:<app@clinic.test> SMTPUTF8", "MAIL FROM:<app@clinic.test> RET=HDRS ENVID=abc+2Bdef",
        "MAIL FROM:<app@clinic.test> SIZE=999999999999", "MAIL FROM:<app@clinic.test> REQUIRETLS", "MAIL FROM:<app@clinic.test> AUTH=<>",
        "MAIL FROM:app@clinic.test", "MAIL FROM: <app@clinic.test>", "MAIL TO:<app@clinic.test>", "MAIL FROM:<@a.test,@b.test:app@clinic.test>",
        "RCPT TO:<rcpt@dest.test>", "RCPT TO:<rcpt@dest.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;rcpt+40dest.test", "RCPT TO:<rcpt@dest.test> NOTIFY=NEVER",
        "RCPT TO:<postmaster>", "RCPT TO:<\"quoted local\"@dest.test>", "RCPT TO:<r@[127.0.0.1]>", "RCPT TO:<ü@dest.test>", "RCPT TO:<rcpt@dest.test> FOO=BAR",
        "DATA", "RSET", "NOOP", "NOOP hello", "VRFY rcpt", "EXPN list", "HELP", "HELP MAIL", "QUIT",
        "AUTH PLAIN AGFwcABzZWNyZXQ=", "AUTH LOGIN", "AUTH CRAM-MD5", "AUTH PLAIN =", "AUTH",
        "BDAT 0 LAST", "BDAT 5", "BDAT 5 LAST", "BDAT abc", "BDAT 99999999999999999999", "BDAT -1",
        "STARTTLS", "ETRN dest.test", "TURN", "XCLIENT ADDR=127.0.0.2", "GET / HTTP/1.1", "",
    ];

    private static readonly string[] BodyLines =
    [
        "Subject: fuzz", "From: app@clinic.test", "To: rcpt@dest.test", "Message-ID: <fuzz@clinic.test>", "", "hello",
        ".", "..", ".leading dot", "MAIL FROM:<smuggled@evil.test>", "RCPT TO:<smuggled@dest.test>", "DATA", "QUIT",
    ];

    /// <summary>Ways to damage a command line (the result keeps a label saying which).</summary>
    private static Gen<Func<string, StreamPiece>> Mutation { get; } = Gen.OneOf(
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"lower({Show(c)})", Ascii(c.ToLowerInvariant() + "\r\n"))),
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"bareLF({Show(c)})", Ascii(c + "\n"))),
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"bareCR({Show(c)})", Ascii(c + "\r"))),
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"CRCRLF({Show(c)})", Ascii(c + "\r\r\n"))),
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"spaces({Show(c)})", Ascii("  " + c.Replace(" ", "   ", StringComparison.Ordinal) + " \t\r\n"))),
        Gen.Constant<Func<string, StreamPiece>>(c => new StreamPiece($"noCRLF({Show(c)})", Ascii(c))),
        Gen.Choose(0, 64).Select<int, Func<string, StreamPiece>>(at => c => Insert(c, at, [0], "NUL")),
        Gen.Choose(0, 64).Select<int, Func<string, StreamPiece>>(at => c => Insert(c, at, [0xC3, 0xA9, 0xFF, 0x80], "8bit")),
        Gen.Choose(0, 64).Select<int, Func<string, StreamPiece>>(at => c => Insert(c, at, [(byte)'\r', (byte)'\n'], "CRLFsplit")),
        Gen.Choose(0, 64).Select<int, Func<string, StreamPiece>>(at => c => new StreamPiece($"truncated({Show(c)},{at})", Ascii(c[..Math.Min(at, c.Length)] + "\r\n"))),
        Gen.Choose(2000, 9000).Select<int, Func<string, StreamPiece>>(n => c => new StreamPiece($"padded({Show(c)},{n})", Ascii(c + " " + new string('x', n) + "\r\n"))),
        Gen.Choose(2, 200).Select<int, Func<string, StreamPiece>>(n => c => new StreamPiece($"repeat({Show(c)}x{n})", Ascii(string.Concat(Enumerable.Repeat(c + "\r\n", n))))));

    /// <summary>DATA with a body of ordinary, dot-stuffed and command-looking lines, ended by one of the
    /// terminators SMTP smuggling plays with (only CRLF.CRLF may end it).</summary>
    private static Gen<StreamPiece> DataBody { get; } =
        from lines in Gen.Choose(0, 30).SelectMany(n => Gen.ListOf(Gen.Elements(BodyLines), n))
        from separator in Gen.Elements("\r\n", "\n", "\r", "\r\n", "\r\n")
        from end in Gen.Elements("\r\n.\r\n", "\n.\n", "\r.\r", "\n.\r\n", "\r\n.\r", "\r\n\0.\r\n", "\r\n.\r\n", "")
        select new StreamPiece($"DATA[{lines.Count} lines,{Show(separator)},end={Show(end)}]", Ascii("DATA\r\n" + string.Join(separator, lines) + end));

    /// <summary>BDAT (RFC 3030) whose declared size is right, short or long.</summary>
    private static Gen<StreamPiece> BdatChunk { get; } =
        from size in Gen.Choose(0, 3000)
        from skew in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(-50, 50)))
        from last in Gen.Elements(true, false)
        select new StreamPiece($"BDAT[{size}{(skew == 0 ? "" : $"{skew:+#;-#}")}{(last ? ",LAST" : "")}]",
            Ascii($"BDAT {size}{(last ? " LAST" : "")}\r\n" + new string('z', Math.Max(0, size + skew))));

    private static Gen<StreamPiece> Piece { get; } = Gen.Frequency(
        (8, Gen.Elements(Commands).Select(c => new StreamPiece(Show(c), Ascii(c + "\r\n")))),
        (5, Gen.Zip(Gen.Elements(Commands), Mutation).Select(t => t.Item2(t.Item1))),
        (2, DataBody),
        (2, BdatChunk),
        (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => new StreamPiece($"raw[{b.Length}]", b))),
        (1, Gen.Choose(2000, 12_000).Select(n => new StreamPiece($"overlong[{n}]", Ascii("NOOP " + new string('a', n) + "\r\n")))),
        (1, Gen.Choose(2000, 12_000).Select(n => new StreamPiece($"unterminated[{n}]", Ascii(new string('b', n))))));

    // Declared after the generators it is built from: static initializers run in textual order.
    /// <summary>A byte stream of 1–40 pieces and the sizes of the writes that carry it.</summary>
    public static Gen<StreamSession> Session { get; } =
        from pieces in Gen.Choose(1, 40).SelectMany(n => Gen.ListOf(Piece, n))
        from cuts in Gen.ListOf(Gen.Frequency((6, Gen.Choose(1, 16)), (3, Gen.Choose(17, 600)), (1, Gen.Choose(601, 70_000))), 64)
        select new StreamSession([.. pieces], [.. cuts]);

    private static StreamPiece Insert(string command, int at, byte[] bytes, string what)
    {
        var ascii = Encoding.UTF8.GetBytes(command);
        var position = Math.Min(at, ascii.Length);
        return new StreamPiece($"{what}@{position}({Show(command)})", [.. ascii[..position], .. bytes, .. ascii[position..], (byte)'\r', (byte)'\n']);
    }

    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    private static string Show(string text) =>
        text.Length == 0 ? "<empty>" : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
