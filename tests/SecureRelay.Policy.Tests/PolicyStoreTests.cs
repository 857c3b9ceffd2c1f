namespace SecureRelay.Policy.Tests;

public class PolicyStoreTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("sr-policy-");

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private const string Good = "version: 1\nrules:\n  - name: first\n    methods: [tls]\n";
    private const string Better = "version: 1\nrules:\n  - name: second\n    methods: [escrow]\n";

    [Test]
    public void NoFile_UsesTheBuiltInPolicy()
    {
        var store = new PolicyStore(null);
        Assert.That(store.Current, Is.SameAs(CompiledPolicy.Default));
        Assert.That(store.TryReload().Succeeded, Is.True);
    }

    [Test]
    public void BadFileAtStartup_Throws()
    {
        var path = _dir.File("policy.yaml");
        File.WriteAllText(path, "version: 1\nrulez: []\n");
        var e = Assert.Throws<SecureRelay.Policy.Yaml.ConfigurationException>(() => new PolicyStore(path));
        Assert.That(e!.Message, Does.StartWith(path + ":2:1:"));
    }

    [Test]
    public void Reload_SwapsOnGoodFile_KeepsOldAndCountsOnBadFile()
    {
        var path = _dir.File("policy.yaml");
        File.WriteAllText(path, Good);
        var store = new PolicyStore(path);
        var first = store.Current;
        CompiledPolicy? announced = null;
        store.Reloaded += (_, p) => announced = p;

        File.WriteAllText(path, "version: 1\nrules:\n  - name: broken\n    methods: [smoke-signal]\n");
        var bad = store.TryReload();
        Assert.Multiple(() =>
        {
            Assert.That(bad.Succeeded, Is.False);
            Assert.That(bad.Error, Does.StartWith(path + ":4:15: unknown delivery method"));
            Assert.That(store.Current, Is.SameAs(first));
            Assert.That(store.Current.Rules[0].Name, Is.EqualTo("first"));
            Assert.That(store.FailedReloads, Is.EqualTo(1));
            Assert.That(store.LastError, Is.EqualTo(bad.Error));
            Assert.That(announced, Is.Null);
        });

        File.WriteAllText(path, "version: 1\nversion: 1\n");
        Assert.That(store.TryReload().Succeeded, Is.False);
        Assert.That(store.FailedReloads, Is.EqualTo(2));

        File.WriteAllText(path, Better);
        var good = store.TryReload();
        Assert.Multiple(() =>
        {
            Assert.That(good.Succeeded, Is.True);
            Assert.That(store.Current.Rules[0].Name, Is.EqualTo("second"));
            Assert.That(store.SuccessfulReloads, Is.EqualTo(1));
            Assert.That(store.FailedReloads, Is.EqualTo(2));
            Assert.That(store.LastError, Is.Null);
            Assert.That(announced, Is.SameAs(store.Current));
        });
    }

    [Test]
    public void EngineFollowsTheStore()
    {
        var path = _dir.File("policy.yaml");
        File.WriteAllText(path, Good);
        var store = new PolicyStore(path);
        var engine = new PolicyEngine(store);
        var facts = new MessageFacts(new MessageEnvelope("a@b.example", null, 10), PolicyTestData.NotPhi, []);
        Assert.That(engine.Evaluate(facts, ["x@y.example"]).Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Tls }));
        File.WriteAllText(path, Better);
        store.TryReload();
        Assert.That(engine.Evaluate(facts, ["x@y.example"]).Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Escrow }));
    }

    [Test]
    public async Task Watcher_ReloadsAfterTheFileChanges_Debounced()
    {
        var path = _dir.File("policy.yaml");
        File.WriteAllText(path, Good);
        var store = new PolicyStore(path);
        using var watcher = new PolicyFileWatcher(store, TimeSpan.FromMilliseconds(200));
        var attempts = 0;
        var reloaded = new TaskCompletionSource<PolicyReloadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ReloadAttempted += (_, r) =>
        {
            Interlocked.Increment(ref attempts);
            reloaded.TrySetResult(r);
        };

        // Several writes in quick succession, as editors do: one reload.
        File.WriteAllText(path, "version: 1\n");
        File.WriteAllText(path, Better);
        var result = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(600);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(store.Current.Rules[0].Name, Is.EqualTo("second"));
            Assert.That(attempts, Is.EqualTo(1));
        });
    }
}
