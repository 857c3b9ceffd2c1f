using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>The measurement behind the storage choice (BLOB chunks in SQLite vs an append-only
/// segment file + SQLite index). Explicit: it is an experiment, run by hand, printing figures.</summary>
[Explicit("Measurement, run by hand")]
public sealed class StorageLayoutExperiment : SpoolTestBase
{
    private const int Batch = 32;
    private const int Batches = 300;
    private const int MessageSize = 10 * 1024;

    [Test]
    public void Blob_in_sqlite_vs_segment_file()
    {
        byte[] body = Content(MessageSize);
        for (int round = 0; round < 2; round++)
        {
            double blob = RunBlob(Path.Combine(Root, $"blob{round}.db"), body);
            double segment = RunSegment(Path.Combine(Root, $"seg{round}.db"), Path.Combine(Root, $"seg{round}.log"), body);
            TestContext.Out.WriteLine($"round {round}: sqlite-blob {blob:F3} ms/batch ({Batch * 1000 / blob:F0} msg/s), segment+index {segment:F3} ms/batch ({Batch * 1000 / segment:F0} msg/s), batch={Batch} x {MessageSize} B");
        }
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using SqliteCommand p = c.CreateCommand();
        p.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, data BLOB);";
        p.ExecuteNonQuery();
        return c;
    }

    private static double RunBlob(string db, byte[] body)
    {
        using SqliteConnection c = Open(db);
        using SqliteCommand ins = c.CreateCommand();
        ins.CommandText = "INSERT INTO t(a,b,data) VALUES(0,0,$d)";
        SqliteParameter d = ins.Parameters.Add("$d", SqliteType.Blob);
        var sw = Stopwatch.StartNew();
        for (int b = 0; b < Batches; b++)
        {
            using SqliteTransaction tx = c.BeginTransaction();
            ins.Transaction = tx;
            for (int i = 0; i < Batch; i++)
            {
                d.Value = body;
                ins.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return sw.Elapsed.TotalMilliseconds / Batches;
    }

    private static double RunSegment(string db, string log, byte[] body)
    {
        using SqliteConnection c = Open(db);
        using var seg = new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using SqliteCommand ins = c.CreateCommand();
        ins.CommandText = "INSERT INTO t(a,b) VALUES($a,$b)";
        SqliteParameter pa = ins.Parameters.Add("$a", SqliteType.Integer);
        SqliteParameter pb = ins.Parameters.Add("$b", SqliteType.Integer);
        var sw = Stopwatch.StartNew();
        for (int b = 0; b < Batches; b++)
        {
            long start = seg.Position;
            for (int i = 0; i < Batch; i++)
            {
                seg.Write(body);
            }

            seg.Flush(flushToDisk: true); // the content must be durable before the index names it
            using SqliteTransaction tx = c.BeginTransaction();
            ins.Transaction = tx;
            for (int i = 0; i < Batch; i++)
            {
                pa.Value = start + ((long)i * body.Length);
                pb.Value = body.Length;
                ins.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return sw.Elapsed.TotalMilliseconds / Batches;
    }
}
