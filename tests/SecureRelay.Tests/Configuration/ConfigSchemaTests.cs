using SecureRelay.Configuration;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Configuration;

/// <summary>config/securerelay.schema.json is what the options types generate.</summary>
[TestFixture]
public sealed class ConfigSchemaTests
{
    [Test]
    public void CommittedSchemaIsTheGeneratedOne()
    {
        var committed = File.ReadAllText(Path.Combine(Tools.RepositoryRoot(), "config", "securerelay.schema.json"));
        Assert.That(committed, Is.EqualTo(ConfigSchema.Generate()),
            "config/securerelay.schema.json is stale: regenerate it with 'securerelay config schema > config/securerelay.schema.json'");
    }

    [Test]
    public void SchemaCarriesKeysTypesAndDefaultsFromCode()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(ConfigSchema.Generate())!;
        var limits = schema["properties"]!["limits"]!["properties"]!;
        Assert.That((long)limits["max_message_size"]!["default"]!, Is.EqualTo(new Smtp.SmtpLimits().MessageSize));
        Assert.That((string)limits["data_timeout"]!["default"]!, Is.EqualTo("3m"));
        Assert.That(limits["command_line_length"], Is.Null, "settings without a key are not in the schema");
        var tls = schema["properties"]!["listeners"]!["items"]!["properties"]!["tls"]!;
        Assert.That(tls["enum"]!.AsArray().Select(x => (string)x!), Is.EqualTo(new[] { "none", "starttls", "implicit" }));
        Assert.That((bool)schema["additionalProperties"]!, Is.False);
        Assert.That(schema["properties"]!["delivery"]!["properties"]!["domains"]!["additionalProperties"]!["properties"]!["rate_per_second"], Is.Not.Null);
    }
}
