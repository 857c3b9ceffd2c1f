using SecureRelay.Policy.Stores;

namespace SecureRelay.Policy.Tests.Stores;

public class SuppressionListTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("sr-suppress-");

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Test]
    public void Add_Remove_List_AddressAndDomain()
    {
        var list = new SuppressionList(_dir.File("s.db"));
        Assert.Multiple(() =>
        {
            Assert.That(list.Add("Bob@Example.org", "unsubscribe"), Is.True);
            Assert.That(list.Add("bob@example.org"), Is.False);
            Assert.That(list.Add("@Blocked.example", "complaint"), Is.True);
            Assert.That(list.IsSuppressed("BOB@example.org"), Is.True);
            Assert.That(list.IsSuppressed("alice@example.org"), Is.False);
            Assert.That(list.IsSuppressed("anyone@blocked.example"), Is.True);
            Assert.That(list.IsSuppressed("anyone@sub.blocked.example"), Is.False);
            Assert.That(list.List().Select(e => (e.Entry, e.Reason)), Is.EqualTo(new[] { ("@blocked.example", (string?)"complaint"), ("bob@example.org", "unsubscribe") }));
        });

        Assert.That(list.Remove("bob@example.org"), Is.True);
        Assert.That(list.Remove("bob@example.org"), Is.False);
        Assert.That(list.IsSuppressed("bob@example.org"), Is.False);
        Assert.Throws<ArgumentException>(() => list.Add("@*.example"));
        Assert.Throws<ArgumentException>(() => list.Add("bob"));
    }

    [Test]
    public void Import_Csv()
    {
        var list = new SuppressionList(_dir.File("s.db"));
        list.Add("old@x.example");
        var result = list.Import(new StringReader("reason,address\nbounce,a@x.example\n,old@x.example\nbad,nope\ncomplaint,@y.example\n"));
        Assert.Multiple(() =>
        {
            Assert.That((result.Added, result.Skipped), Is.EqualTo((2, 1)));
            Assert.That(result.Errors.Single(), Does.StartWith("line 4:"));
            Assert.That(list.IsSuppressed("z@y.example"), Is.True);
            Assert.That(list.List().Single(e => e.Entry == "a@x.example").Reason, Is.EqualTo("bounce"));
        });
    }

    [Test]
    public void WorksWithTheEngine()
    {
        var list = new SuppressionList(_dir.File("s.db"));
        list.Add("gone@x.example");
        var engine = new PolicyEngine(CompiledPolicy.Default, suppression: list);
        var c = PolicyTestData.NotPhi with { Category = MessageCategory.Marketing };
        var d = engine.Evaluate(new MessageFacts(PolicyTestData.Envelope(), c, []), ["gone@x.example"]);
        Assert.That(d.Rejection, Is.EqualTo(PolicyRejection.Suppressed));
    }

    [Test]
    public void A_suppression_database_without_version_table_keeps_its_entries()
    {
        var path = _dir.File("suppression.db");
        StoreSql.Scalar(path, """
            CREATE TABLE suppression (entry TEXT PRIMARY KEY, reason TEXT NULL, added_at INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO suppression VALUES('@blocked.example', 'complaint', 1700000000000);
            """);

        var list = new SuppressionList(path);
        Assert.That(list.List().Select(e => e.Entry), Is.EqualTo(new[] { "@blocked.example" }));
        Assert.That(list.Add("@blocked.example"), Is.False, "the old row is the same entry");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.That(StoreSql.Scalar(path, "SELECT version FROM schema_version WHERE component='suppression'"), Is.EqualTo(1L));
    }
}
