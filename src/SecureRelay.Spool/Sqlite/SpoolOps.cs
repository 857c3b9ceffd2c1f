using System.Buffers;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Stores a finished message: its last (or only) sealed chunk, the sealed envelope, the
/// queue row and its pending-domain index entries.</summary>
internal sealed class CommitMessageOp(
    long key, uint keyId, byte[] noncePrefix, long contentLength, uint chunkCount, long receivedMs, long nextMs,
    byte[] chunk, int chunkLength, byte[] envelope, int envelopeLength, string rcptDomains, string[] distinctDomains, bool hadSpills, int state, bool resumesInline) : SpoolOp<bool>(resumesInline)
{
    public override bool IsMessageCommit => true;

    public override void Execute(WriteSession s)
    {
        s.InsertMessage.Bind(1, key).Bind(2, nextMs).Bind(3, contentLength).Bind(4, chunkCount).Bind(5, receivedMs)
            .Bind(6, keyId).Bind(7, noncePrefix).Bind(8, rcptDomains).Bind(9, envelope.AsSpan(0, envelopeLength)).Bind(10, state).Execute();
        s.InsertChunk.Bind(1, key).Bind(2, chunkCount - 1).Bind(3, chunk.AsSpan(0, chunkLength)).Execute();
        foreach (string d in distinctDomains)
        {
            s.InsertDomain.Bind(1, d).Bind(2, key).Execute();
        }

        if (hadSpills)
        {
            s.DeleteIncomplete.Bind(1, key).Execute();
        }

        Result = true;
    }

    protected override void ReleaseBuffers()
    {
        ArrayPool<byte>.Shared.Return(chunk);
        ArrayPool<byte>.Shared.Return(envelope);
    }
}

/// <summary>Writes a full non-final chunk of a message still being received, and marks the message
/// incomplete so recovery removes the chunks if the commit never comes.</summary>
internal sealed class SpillChunkOp(long key, uint index, byte[] chunk, int chunkLength) : SpoolOp<bool>
{
    /// <summary>A chunk counts only once its message's commit is durable, and that commit's fsync
    /// covers the chunk written before it.</summary>
    public override bool NeedsFsync => false;

    public override void Execute(WriteSession s)
    {
        if (index == 0)
        {
            s.InsertIncomplete.Bind(1, key).Execute();
        }

        s.InsertChunk.Bind(1, key).Bind(2, index).Bind(3, chunk.AsSpan(0, chunkLength)).Execute();
        Result = true;
    }

    protected override void ReleaseBuffers() => ArrayPool<byte>.Shared.Return(chunk);
}

/// <summary>Drops the spilled chunks of an aborted message.</summary>
internal sealed class DiscardChunksOp(long key) : SpoolOp<bool>
{
    /// <summary>Recovery discards chunks of incomplete messages anyway.</summary>
    public override bool NeedsFsync => false;

    public override void Execute(WriteSession s)
    {
        s.DeleteChunks.Bind(1, key).Execute();
        s.DeleteIncomplete.Bind(1, key).Execute();
        Result = true;
    }
}

/// <summary>Hold or release.</summary>
internal sealed class SetStateOp(long key, PersistedState state, long nextMs) : SpoolOp<bool>
{
    public override void Execute(WriteSession s) =>
        Result = s.UpdateState.Bind(1, key).Bind(2, (long)state).Bind(3, nextMs).Execute() > 0;
}

/// <summary>Admin delete.</summary>
internal sealed class DeleteMessageOp(long key) : SpoolOp<bool>
{
    public override void Execute(WriteSession s) => Result = s.RemoveMessage(key);
}

/// <summary>Moves a damaged record to quarantine.</summary>
internal sealed class QuarantineOp(long key, string reason) : SpoolOp<bool>
{
    public override void Execute(WriteSession s)
    {
        s.Quarantine(key, reason);
        Result = true;
    }
}

/// <summary>Does nothing; completes once everything queued before it is durable.</summary>
internal sealed class BarrierOp : SpoolOp<bool>
{
    public override void Execute(WriteSession s) => Result = true;
}
