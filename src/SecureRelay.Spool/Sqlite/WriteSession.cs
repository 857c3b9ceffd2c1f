using SQLitePCL;

namespace SecureRelay.Spool.Sqlite;

/// <summary>The writer connection's prepared statements, used only by the commit loop's thread.</summary>
internal sealed class WriteSession : IDisposable
{
    public WriteSession(sqlite3 db, SpoolKeyStore keys)
    {
        Db = db;
        Keys = keys;
        InsertMessage = new RawStatement(db,
            "INSERT INTO message(id,state,next_attempt,attempts,content_length,chunk_count,received_at,key_id,nonce_prefix,rcpt_domains,envelope,status) " +
            "VALUES(?1,?10,?2,0,?3,?4,?5,?6,?7,?8,?9,NULL)");
        InsertChunk = new RawStatement(db, "INSERT INTO chunk(msg,idx,data) VALUES(?1,?2,?3)");
        InsertDomain = new RawStatement(db, "INSERT OR IGNORE INTO pending_domain(domain,msg) VALUES(?1,?2)");
        DeleteDomain = new RawStatement(db, "DELETE FROM pending_domain WHERE domain=?1 AND msg=?2");
        InsertIncomplete = new RawStatement(db, "INSERT OR IGNORE INTO incomplete(msg) VALUES(?1)");
        DeleteIncomplete = new RawStatement(db, "DELETE FROM incomplete WHERE msg=?1");
        DeleteChunks = new RawStatement(db, "DELETE FROM chunk WHERE msg=?1");
        DeleteMessage = new RawStatement(db, "DELETE FROM message WHERE id=?1");
        SelectForAttempt = new RawStatement(db,
            "SELECT state,attempts,status,rcpt_domains,key_id,nonce_prefix,envelope,content_length,chunk_count FROM message WHERE id=?1");
        SelectDomains = new RawStatement(db, "SELECT rcpt_domains FROM message WHERE id=?1 AND state<3");
        UpdateAttempt = new RawStatement(db, "UPDATE message SET state=?2,next_attempt=?3,attempts=?4,status=?5 WHERE id=?1");
        UpdateState = new RawStatement(db, "UPDATE message SET state=?2,next_attempt=?3 WHERE id=?1 AND state<3");
        SetQuarantined = new RawStatement(db, "UPDATE message SET state=3 WHERE id=?1");
        InsertQuarantine = new RawStatement(db, "INSERT OR REPLACE INTO quarantine(msg,reason,at) VALUES(?1,?2,?3)");
        Rollback = new RawStatement(db, "ROLLBACK");
        SyncFull = new RawStatement(db, "PRAGMA synchronous=FULL");
        SyncNormal = new RawStatement(db, "PRAGMA synchronous=NORMAL");
        Begin = new RawStatement(db, "BEGIN IMMEDIATE");
        Commit = new RawStatement(db, "COMMIT");
    }

    public sqlite3 Db { get; }

    public SpoolKeyStore Keys { get; }

    public RawStatement InsertMessage { get; }
    public RawStatement InsertChunk { get; }
    public RawStatement InsertDomain { get; }
    public RawStatement DeleteDomain { get; }
    public RawStatement InsertIncomplete { get; }
    public RawStatement DeleteIncomplete { get; }
    public RawStatement DeleteChunks { get; }
    public RawStatement DeleteMessage { get; }
    public RawStatement SelectForAttempt { get; }
    public RawStatement SelectDomains { get; }
    public RawStatement UpdateAttempt { get; }
    public RawStatement UpdateState { get; }
    public RawStatement SetQuarantined { get; }
    public RawStatement InsertQuarantine { get; }
    public RawStatement Rollback { get; }
    public RawStatement Begin { get; }
    public RawStatement Commit { get; }

    /// <summary>Makes the next COMMIT fsync the WAL (FULL) or not (NORMAL); see <see cref="SpoolOp.NeedsFsync"/>.</summary>
    public RawStatement SyncFull { get; }

    /// <summary>See <see cref="SyncFull"/>.</summary>
    public RawStatement SyncNormal { get; }

    /// <summary>Whether the connection is in <c>synchronous=FULL</c> (it is opened so).</summary>
    public bool FsyncOnCommit { get; set; } = true;

    /// <summary>True when SQLite itself rolled the transaction back (I/O error, disk full).</summary>
    public bool TransactionLost => raw.sqlite3_get_autocommit(Db) != 0;

    /// <summary>Removes a message with everything that hangs off it.</summary>
    public bool RemoveMessage(long key)
    {
        SelectDomains.Bind(1, key);
        string? domains = null;
        try
        {
            if (SelectDomains.Step())
            {
                domains = SelectDomains.GetText(0);
            }
        }
        finally
        {
            SelectDomains.Reset();
        }

        if (domains is null)
        {
            return false;
        }

        foreach (string d in DistinctDomains(domains.Split('\n')))
        {
            DeleteDomain.Bind(1, d).Bind(2, key).Execute();
        }

        DeleteChunks.Bind(1, key).Execute();
        DeleteIncomplete.Bind(1, key).Execute();
        return DeleteMessage.Bind(1, key).Execute() > 0;
    }

    /// <summary>Moves a record to quarantine: the row and its chunks stay (never deleted), the
    /// queue no longer returns it, and the quarantine table says why.</summary>
    public void Quarantine(long key, string reason)
    {
        SetQuarantined.Bind(1, key).Execute();
        InsertQuarantine.Bind(1, key).Bind(2, reason).Bind(3, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Execute();
    }

    public static IEnumerable<string> DistinctDomains(IEnumerable<string> domains) => domains.Distinct(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (RawStatement s in new[]
        {
            InsertMessage, InsertChunk, InsertDomain, DeleteDomain, InsertIncomplete, DeleteIncomplete, DeleteChunks,
            DeleteMessage, SelectForAttempt, SelectDomains, UpdateAttempt, UpdateState, SetQuarantined, InsertQuarantine,
            Rollback, Begin, Commit, SyncFull, SyncNormal,
        })
        {
            s.Dispose();
        }
    }
}
