using Microsoft.Extensions.Logging;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolLoggingTests : SpoolTestBase
{
    [Test]
    public async Task Quarantine_is_logged_with_the_queue_id_and_no_address_or_content()
    {
        var log = new ListLogger<SqliteMessageSpool>();
        var options = new SpoolOptions { DataDirectory = DataDir, MinFreeBytes = 0 };
        QueuedMessage bad;
        await using (var spool = new SqliteMessageSpool(options, log))
        {
            await spool.OpenAsync(CancellationToken.None);
            await WriteAsync(spool, "Dear patient.doe, your results"u8.ToArray(), Envelope("patient.doe@hospital.example"));
            bad = await WriteAsync(spool, Content(100), Envelope("other.person@hospital.example"));
        }

        FlipByte(Path.Combine(DataDir, "spool.db"), "message", "envelope", "id=$k", KeyOf(bad.QueueId), 5);
        await using (var spool = new SqliteMessageSpool(options, log))
        {
            await spool.OpenAsync(CancellationToken.None);
        }

        Assert.That(log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message), Has.Some.Contains(bad.QueueId));
        Assert.That(log.Entries.Select(e => e.Message), Has.None.Contains("@"));
        Assert.That(log.Entries.Select(e => e.Message), Has.None.Contains("patient"));
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.Contains("Spool opened"));
    }
}
