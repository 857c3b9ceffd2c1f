using System.Reflection;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using SecureRelay.Policy.Model;
using YamlDotNet.Serialization;

namespace SecureRelay.Policy.Tests;

/// <summary>config/policy.schema.json validates the sample and stays in step with the model classes.</summary>
public class SchemaTests
{
    private static string ConfigDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "config");

    private static async Task<JsonSchema> Schema() => await JsonSchema.FromFileAsync(Path.Combine(ConfigDir, "policy.schema.json"));

    private static string YamlToJson(string yaml)
    {
        var graph = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize(new StringReader(yaml));
        return new SerializerBuilder().JsonCompatible().Build().Serialize(graph);
    }

    [Test]
    public async Task SamplePolicy_IsValidAgainstTheSchema()
    {
        var schema = await Schema();
        var errors = schema.Validate(YamlToJson(await File.ReadAllTextAsync(Path.Combine(ConfigDir, "policy.yaml"))));
        Assert.That(errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(ConfigDir, "policy.yaml")), Does.StartWith("# yaml-language-server: $schema=./policy.schema.json"));
    }

    [TestCase("rulez: []\n")]
    [TestCase("rules:\n  - name: a\n    methods: [carrier-pigeon]\n")]
    [TestCase("defaults:\n  phi_methods: [tls, opportunistic]\n")]
    [TestCase("classifier:\n  detectors:\n    horoscope: { weight: 1 }\n")]
    public async Task Schema_RejectsWhatTheLoaderRejects(string yaml)
    {
        var schema = await Schema();
        Assert.That(schema.Validate(YamlToJson(yaml)), Is.Not.Empty);
        Assert.Throws<SecureRelay.Policy.Yaml.ConfigurationException>(() => PolicyCompiler.Parse(yaml, "p.yaml"));
    }

    [Test]
    public void SchemaProperties_MatchTheModel()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(ConfigDir, "policy.schema.json")));
        void Check(Type type, JToken? node, string where)
        {
            Assert.That(node, Is.Not.Null, where);
            var names = ((JObject)node!["properties"]!).Properties().Select(p => p.Name).Order().ToList();
            var model = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance.Apply(p.Name)).Order().ToList();
            Assert.That(names, Is.EqualTo(model), where);
        }

        var p = schema["properties"]!;
        Check(typeof(PolicyDocument), schema, "root");
        Check(typeof(DefaultsOptions), p["defaults"], "defaults");
        Check(typeof(ClassifierOptions), p["classifier"], "classifier");
        Check(typeof(ClassifierLimitsOptions), p["classifier"]!["properties"]!["limits"], "limits");
        Check(typeof(DetectorOptions), schema["definitions"]!["detector"], "detector");
        Check(typeof(SenderRuleOptions), p["senders"]!["items"], "senders");
        Check(typeof(DomainOptions), p["domains"]!["items"], "domains");
        Check(typeof(RuleOptions), p["rules"]!["items"], "rules");
        Check(typeof(MatchOptions), p["rules"]!["items"]!["properties"]!["match"], "match");
        Check(typeof(RejectOptions), p["rules"]!["items"]!["properties"]!["reject"], "reject");
        Check(typeof(MarketingOptions), p["marketing"], "marketing");
        var detectors = ((JObject)p["classifier"]!["properties"]!["detectors"]!["properties"]!).Properties().Select(x => x.Name);
        Assert.That(detectors, Is.EquivalentTo(SecureRelay.Policy.Phi.ClassifierSettings.DetectorNames));
    }
}
