using SecureRelay.Policy.Stores;

namespace SecureRelay.Policy.Tests.Stores;

public class ConsentStoreTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("sr-consent-");

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Add_Revoke_List_AndLookupHonoursTime()
    {
        var path = _dir.File("consent.db");
        var store = new ConsentStore(path);
        var id = store.Add("Jane.Roe@Example.ORG", "marketing", T0, T0.AddYears(1), "form-17");
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.GreaterThan(0));
            Assert.That(store.HasAuthorization("jane.roe@example.org", "marketing", T0.AddDays(1)), Is.True);
            Assert.That(store.HasAuthorization("<jane.roe@example.org>", "marketing", T0.AddDays(1)), Is.True);
            Assert.That(store.HasAuthorization("jane.roe@example.org", "research", T0.AddDays(1)), Is.False);
            Assert.That(store.HasAuthorization("jane.roe@example.org", "marketing", T0.AddDays(-1)), Is.False);
            Assert.That(store.HasAuthorization("jane.roe@example.org", "marketing", T0.AddYears(2)), Is.False);
            Assert.That(store.HasAuthorization("not an address", "marketing", T0), Is.False);
        });

        Assert.That(store.Revoke("jane.roe@example.org", "marketing", T0.AddDays(10)), Is.EqualTo(1));
        Assert.That(store.HasAuthorization("jane.roe@example.org", "marketing", T0.AddDays(5)), Is.True, "valid before revocation");
        Assert.That(store.HasAuthorization("jane.roe@example.org", "marketing", T0.AddDays(11)), Is.False);
        Assert.That(store.Revoke("jane.roe@example.org", "marketing", T0.AddDays(12)), Is.Zero);

        // Survives reopening (it is on disk).
        var reopened = new ConsentStore(path);
        var record = reopened.List("jane.roe@example.org").Single();
        Assert.That(record, Is.EqualTo(new ConsentRecord(id, "jane.roe@example.org", "marketing", T0, T0.AddYears(1), T0.AddDays(10), "form-17")));
        Assert.That(record.IsValidAt(T0.AddDays(5)), Is.True);
    }

    [Test]
    public void Add_RejectsBadInput()
    {
        var store = new ConsentStore(_dir.File("c.db"));
        Assert.Throws<ArgumentException>(() => store.Add("no-at-sign"));
        Assert.Throws<ArgumentException>(() => store.Add("a@b.example", "marketing", T0, T0.AddDays(-1)));
    }

    [Test]
    public void Import_Csv_ReportsErrorsByLine_SkipsDuplicates()
    {
        var time = new ManualTimeProvider(T0);
        var store = new ConsentStore(_dir.File("c.db"), time);
        const string Csv = """
            recipient,granted_at,expires_at,source
            a@x.example,2025-01-01T00:00:00Z,,paper form
            "b@x.example",2025-02-01,2026-02-01,"portal, web"
            not-an-address,2025-01-01,,x
            c@x.example,yesterday,,x
            d@x.example,,,
            """;
        var result = store.Import(new StringReader(Csv));
        Assert.Multiple(() =>
        {
            Assert.That(result.Added, Is.EqualTo(3));
            Assert.That(result.Errors, Has.Count.EqualTo(2));
            Assert.That(result.Errors[0], Does.StartWith("line 4:"));
            Assert.That(result.Errors[1], Does.StartWith("line 5: granted_at 'yesterday'"));
            Assert.That(store.List("b@x.example").Single().Source, Is.EqualTo("portal, web"));
            Assert.That(store.HasAuthorization("d@x.example", "marketing", T0.AddMinutes(1)), Is.True);
        });

        var again = store.Import(new StringReader(Csv));
        Assert.That((again.Added, again.Skipped, again.Errors.Count), Is.EqualTo((0, 3, 2)));
        Assert.Throws<FormatException>(() => store.Import(new StringReader("email,scope\na@b.example,x\n")));
    }

    [Test]
    public void A_consent_database_without_version_table_keeps_its_authorizations()
    {
        var path = _dir.File("consent.db");
        StoreSql.Scalar(path, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE consent (id INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, scope TEXT NOT NULL,
                granted_at INTEGER NOT NULL, expires_at INTEGER NULL, revoked_at INTEGER NULL, source TEXT NULL);
            CREATE INDEX consent_recipient ON consent (recipient, scope);
            INSERT INTO consent(recipient, scope, granted_at) VALUES('pat@example.org', 'marketing', 1700000000000);
            """);

        var store = new ConsentStore(path);
        Assert.That(store.HasAuthorization("pat@example.org", "marketing", DateTimeOffset.FromUnixTimeMilliseconds(1800000000000)), Is.True);
        Assert.That(store.HasAuthorization("other@example.org", "marketing", DateTimeOffset.FromUnixTimeMilliseconds(1800000000000)), Is.False);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.That(StoreSql.Scalar(path, "SELECT version FROM schema_version WHERE component='consent'"), Is.EqualTo(1L));
    }
}
