using SecureRelay.Configuration;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Cli;

/// <summary><c>securerelay config defaults|show|schema</c> print the model from code.</summary>
[TestFixture]
public sealed class ConfigCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task DefaultsListsEveryKeyWithItsDefaultFromCode()
    {
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "config", "defaults");
        Assert.That(code, Is.Zero, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(ConfigListing.Defaults().Count()));
        Assert.That(lines, Does.Contain("limits.data_timeout = 3m"));
        Assert.That(lines, Does.Contain("delivery.domains.NAME.rate_per_second ="));
        Assert.That(lines, Does.Contain("escrow.database_path = ./data/escrow/escrow.db"));
    }

    [Test]
    public async Task ShowPrintsTheValuesInEffectAndSchemaTheCommittedSchema()
    {
        var dir = Directory.CreateTempSubdirectory("sr-config-show-").FullName;
        var path = Path.Combine(dir, "securerelay.yaml");
        File.WriteAllText(path, "listeners:\n  - name: a\n    endpoint: 127.0.0.1:2525\nlimits:\n  data_timeout: 90s\n");
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "config", "show", "--config", path);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("limits.data_timeout = 90s"));
        Assert.That(output, Does.Contain($"data_dir = {Path.Combine(dir, "data")}"));

        var (schemaCode, schema) = await RelayProcess.RunVerbAsync(Wait, "config", "schema");
        Assert.That(schemaCode, Is.Zero);
        Assert.That(schema.ReplaceLineEndings("\n"), Is.EqualTo(ConfigSchema.Generate()));
    }

    [Test]
    public async Task CheckPrintsEveryProblemAndExitsOne()
    {
        var dir = Directory.CreateTempSubdirectory("sr-config-check-").FullName;
        var path = Path.Combine(dir, "securerelay.yaml");
        File.WriteAllText(path, "listeners:\n  - name: a\n    endpoint: nowhere\ndelivery:\n  max_age: soon\n  retry_frist: 5m\n");
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", path);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"{path}:3:15: listeners[0].endpoint: 'nowhere' is not address:port"));
        Assert.That(output, Does.Contain($"{path}:5:12: delivery.max_age: 'soon' is not a duration"));
        Assert.That(output, Does.Contain($"{path}:6:3: delivery.retry_frist: unknown key 'retry_frist'"));
    }
}
