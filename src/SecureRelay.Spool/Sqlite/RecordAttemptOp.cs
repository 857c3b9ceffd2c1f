namespace SecureRelay.Spool.Sqlite;

/// <summary>What an attempt did to the stored record.</summary>
internal enum AttemptDisposition
{
    NotFound,
    Updated,
    Removed,
    Quarantined,
}

/// <summary>The row as it stands after an attempt (the caller opens the envelope, off the loop).</summary>
internal sealed record AttemptResult(
    AttemptDisposition Disposition, PersistedState State, long NextMs, int Attempts, long ContentLength,
    uint ChunkCount, uint KeyId, byte[] NoncePrefix, byte[] Envelope, RecipientStatus[] Statuses, string? Reason)
{
    public static readonly AttemptResult NotFound = new(AttemptDisposition.NotFound, PersistedState.Active, 0, 0, 0, 0, 0, [], [], [], null);
}

/// <summary>Read-modify-write of one message's recipient statuses, serialized by the commit loop so
/// concurrent attempts cannot lose each other's updates.</summary>
internal sealed class RecordAttemptOp(long key, IReadOnlyList<RecipientOutcome> outcomes, PersistedState nextState, long nextMs) : SpoolOp<AttemptResult>
{
    /// <summary>An attempt lost in a crash is made again after the restart (at least once, like
    /// Postfix between delivery and removing its queue file): an fsync per delivered message would
    /// double the spool's fsyncs for nothing that could lose mail.</summary>
    public override bool NeedsFsync => false;

    public override void Execute(WriteSession s)
    {
        RawStatement sel = s.SelectForAttempt;
        sel.Bind(1, key);
        long state, attempts, contentLength, chunkCount;
        uint keyId;
        byte[]? status;
        string[] domains;
        byte[] prefix, envelope;
        try
        {
            if (!sel.Step() || (state = sel.GetInt64(0)) == (long)PersistedState.Quarantined)
            {
                Result = AttemptResult.NotFound;
                return;
            }

            attempts = sel.GetInt64(1);
            status = sel.IsNull(2) ? null : sel.GetBlob(2).ToArray();
            domains = sel.GetText(3).Split('\n');
            keyId = (uint)sel.GetInt64(4);
            prefix = sel.GetBlob(5).ToArray();
            envelope = sel.GetBlob(6).ToArray();
            contentLength = sel.GetInt64(7);
            chunkCount = sel.GetInt64(8);
        }
        finally
        {
            sel.Reset();
        }

        RecipientStatus[] statuses;
        try
        {
            statuses = status is null ? RecordCodec.FreshStatus(domains.Length) : RecordSealer.OpenStatus(s.Keys, key, status, domains.Length);
        }
        catch (RecordDamagedException ex)
        {
            s.Quarantine(key, ex.Reason);
            Result = AttemptResult.NotFound with { Disposition = AttemptDisposition.Quarantined, Reason = ex.Reason };
            return;
        }

        foreach (RecipientOutcome o in outcomes)
        {
            if (o.Index < 0 || o.Index >= statuses.Length)
            {
#pragma warning disable CA2208 // 'outcomes' is the public RecordAttemptAsync argument this op carries
                throw new ArgumentOutOfRangeException(nameof(outcomes), $"Recipient index {o.Index} is outside 0..{statuses.Length - 1}.");
#pragma warning restore CA2208
            }
        }

        var pendingBefore = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < statuses.Length; i++)
        {
            if (statuses[i].State == RecipientState.Pending)
            {
                pendingBefore.Add(domains[i]);
            }
        }

        foreach (RecipientOutcome o in outcomes)
        {
            RecipientStatus cur = statuses[o.Index];
            if (cur.State != RecipientState.Pending)
            {
                continue; // a final state stays final
            }

            statuses[o.Index] = cur with { State = o.State, Attempts = cur.Attempts + 1, LastResponse = o.Response };
        }

        var pendingAfter = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < statuses.Length; i++)
        {
            if (statuses[i].State == RecipientState.Pending)
            {
                pendingAfter.Add(domains[i]);
            }
        }

        int newAttempts = checked((int)attempts + 1);
        if (pendingAfter.Count == 0)
        {
            s.RemoveMessage(key);
            Result = new AttemptResult(AttemptDisposition.Removed, (PersistedState)state, nextMs, newAttempts, contentLength, (uint)chunkCount, keyId, prefix, envelope, statuses, null);
            return;
        }

        long storedNext = nextState == PersistedState.Held ? SpoolFormat.NeverMs : nextMs;
        byte[] sealedStatus = RecordSealer.SealStatus(s.Keys.Current, key, statuses);
        s.UpdateAttempt.Bind(1, key).Bind(2, (long)nextState).Bind(3, storedNext).Bind(4, newAttempts).Bind(5, sealedStatus).Execute();
        foreach (string d in pendingBefore)
        {
            if (!pendingAfter.Contains(d))
            {
                s.DeleteDomain.Bind(1, d).Bind(2, key).Execute();
            }
        }

        Result = new AttemptResult(AttemptDisposition.Updated, nextState, storedNext, newAttempts, contentLength, (uint)chunkCount, keyId, prefix, envelope, statuses, null);
    }
}
