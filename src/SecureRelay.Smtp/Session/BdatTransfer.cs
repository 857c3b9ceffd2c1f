using System.Diagnostics;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Session;

/// <summary>A message arriving in BDAT chunks (RFC 3030): its sink and scanner live across commands.</summary>
internal sealed class BdatTransfer : IAsyncDisposable
{
    public BdatTransfer(BodySinkWriter writer, MessageContentScanner scanner)
    {
        Writer = writer;
        Scanner = scanner;
    }

    public BodySinkWriter Writer { get; }

    public MessageContentScanner Scanner { get; }

    public long Started { get; } = Stopwatch.GetTimestamp();

    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
