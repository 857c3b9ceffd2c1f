using SecureRelay.Spool;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests;

/// <summary>A policy hold is committed together with the message: it is never due, survives a
/// reopen, and is delivered only after a release.</summary>
[TestFixture]
public sealed class SpoolHoldOnCommitTests
{
    [Test]
    public async Task HeldAtCommitIsNeverDueAndSurvivesReopen()
    {
        var dir = Directory.CreateTempSubdirectory("sr-hold-").FullName;
        try
        {
            string id;
            await using (var spool = new SqliteMessageSpool(new SpoolOptions { DataDirectory = dir, MinFreeBytes = 0 }))
            {
                await spool.OpenAsync(CancellationToken.None);
                await using var writer = spool.CreateWriter();
                await writer.WriteAsync("Subject: x\r\n\r\nbody\r\n"u8.ToArray(), CancellationToken.None);
                var queued = await writer.CommitAsync(
                    new SpoolEnvelope { ReversePath = "a@b.test", Recipients = [new SpoolRecipient("c@d.test", 0, null)], ReceivedAt = DateTimeOffset.UtcNow, Hold = true },
                    CancellationToken.None);
                id = queued.QueueId;
                Assert.That(queued.State, Is.EqualTo(QueueState.Held));
            }

            await using (var spool = new SqliteMessageSpool(new SpoolOptions { DataDirectory = dir, MinFreeBytes = 0 }))
            {
                await spool.OpenAsync(CancellationToken.None);
                var stored = await spool.GetAsync(id, CancellationToken.None);
                Assert.That(stored!.State, Is.EqualTo(QueueState.Held));
                var due = new List<string>();
                await foreach (var m in spool.EnumerateAsync(new SpoolQuery { DueBefore = DateTimeOffset.UtcNow.AddYears(10) }, CancellationToken.None))
                {
                    due.Add(m.QueueId);
                }

                Assert.That(due, Does.Not.Contain(id));
                Assert.That(await spool.ReleaseAsync(id, CancellationToken.None), Is.True);
                Assert.That((await spool.GetAsync(id, CancellationToken.None))!.State, Is.EqualTo(QueueState.Active));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
