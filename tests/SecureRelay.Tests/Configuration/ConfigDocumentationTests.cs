using System.Text.RegularExpressions;
using SecureRelay.Configuration;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Configuration;

/// <summary>The sample configuration, the README tables and the component READMEs name only keys that
/// exist, with the defaults the code has (<c>securerelay config defaults</c>).</summary>
[TestFixture]
public sealed partial class ConfigDocumentationTests
{
    private static readonly Dictionary<string, string> Defaults = ConfigListing.Defaults().ToDictionary(x => x.Key, x => x.Value);

    [Test]
    public void SampleConfigurationAgreesWithTheDefaultsInCode()
    {
        var path = Path.Combine(Tools.RepositoryRoot(), "config", "securerelay.yaml");
        var problems = new List<string>();
        var checkedDefaults = 0;
        foreach (var (line, key, value, example) in SampleKeys(File.ReadAllLines(path)))
        {
            var template = Template(key);
            if (!Exists(template))
            {
                problems.Add($"line {line}: '{key}' is not a key (securerelay config defaults lists them)");
            }
            else if (!example && value.Length > 0 && Defaults.TryGetValue(template, out var expected) && expected.Length > 0
                && template == key && !key.Contains("[]", StringComparison.Ordinal) && key != "hostname")
            {
                checkedDefaults++;
                if (!Same(expected, value))
                {
                    problems.Add($"line {line}: {key} shows {value}, the default in code is {expected}");
                }
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(checkedDefaults, Is.GreaterThan(30), "the sample's keys were read");
        Assert.DoesNotThrow(() => RelayConfigLoader.Parse(File.ReadAllText(path), path));
    }

    [TestCase("README.md")]
    [TestCase("src/SecureRelay.Delivery/README.md")]
    [TestCase("src/SecureRelay.Spool/README.md")]
    public void ReadmeTablesAgreeWithTheDefaultsInCode(string readme)
    {
        var problems = new List<string>();
        var rows = 0;
        string? prefix = null;
        var defaultColumn = -1;
        foreach (var text in File.ReadAllLines(Path.Combine(Tools.RepositoryRoot(), readme)))
        {
            if (!text.StartsWith('|'))
            {
                prefix = null;
                continue;
            }

            var cells = text.Trim('|').Split('|').Select(c => c.Trim()).ToList();
            if (prefix is null)
            {
                // A header: configuration tables start with a "key" column ("key", "`limits.` key").
                prefix = cells[0] == "key" ? "" : HeaderPrefix().Match(cells[0]) is { Success: true } m ? m.Groups[1].Value + "." : "-";
                defaultColumn = cells.IndexOf("default");
                continue;
            }

            if (prefix == "-" || cells[0].StartsWith("---", StringComparison.Ordinal) || cells[0] == "(none)")
            {
                continue;
            }

            var keys = Code().Matches(cells[0]).Select(k => prefix + k.Groups[1].Value).ToList();
            var values = defaultColumn < 0 ? [] : cells[defaultColumn].Split(" / ");
            for (var i = 0; i < keys.Count; i++)
            {
                rows++;
                var template = Template(keys[i].Replace(".<destination>.*", ".NAME.max_connections", StringComparison.Ordinal));
                if (!Exists(template))
                {
                    problems.Add($"'{keys[i]}' is not a key");
                    continue;
                }

                if (values.Length == keys.Count && Defaults.TryGetValue(template, out var expected) && expected.Length > 0 && !keys[i].StartsWith("hostname", StringComparison.Ordinal))
                {
                    var shown = values[i].Trim('`').Split(' ')[0].Trim('`').Replace(",", "", StringComparison.Ordinal);
                    if (!Same(expected, shown))
                    {
                        problems.Add($"{keys[i]}: the table says {values[i]}, the default in code is {expected}");
                    }
                }
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(rows, Is.GreaterThan(1), "the tables were read");
    }

    [Test]
    public void ADisagreementIsFound()
    {
        var keys = SampleKeys(["# limits:", "#   data_timeout: 300s", "#   max_recipients: 1000   # e.g.", "#   max_lines: 5"]).ToList();
        Assert.That(keys.Select(k => (k.Key, k.Value, k.Example)), Is.EqualTo(new[]
        {
            ("limits", "", false), ("limits.data_timeout", "300s", false), ("limits.max_recipients", "1000", true), ("limits.max_lines", "5", false),
        }));
        Assert.That(Same(Defaults["limits.data_timeout"], "300s"), Is.False, "300s is not the 3m default");
        Assert.That(Defaults.ContainsKey("limits.max_lines"), Is.False);
    }

    /// <summary>The keys of the sample, commented out or not: line, key path, value, marked "e.g.".</summary>
    private static IEnumerable<(int Line, string Key, string Value, bool Example)> SampleKeys(string[] lines)
    {
        var stack = new List<(int Indent, string Key)>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].StartsWith("# ", StringComparison.Ordinal) ? lines[n][2..] : lines[n];
            var m = KeyLine().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var indent = m.Groups[1].Length + m.Groups[2].Length;
            var isItem = m.Groups[2].Length > 0;
            stack.RemoveAll(s => s.Indent >= (isItem ? m.Groups[1].Length + 1 : indent) && !(s.Key.EndsWith("[]", StringComparison.Ordinal) && s.Indent < indent));
            if (isItem && stack.Count > 0)
            {
                stack[^1] = (stack[^1].Indent, stack[^1].Key.TrimEnd('[', ']') + "[]");
            }

            var parent = stack.Count == 0 ? "" : stack[^1].Key + ".";
            var key = parent.Replace("[].", "[].", StringComparison.Ordinal) + m.Groups[3].Value;
            var value = m.Groups[4].Value.Trim().Trim('"');
            var example = m.Groups[5].Value.Contains("e.g.", StringComparison.Ordinal);
            if (value.StartsWith('{'))
            {
                foreach (var part in value.Trim('{', '}').Split(','))
                {
                    var kv = part.Split(':', 2);
                    yield return (n + 1, key + "." + kv[0].Trim(), kv[1].Trim(), true);
                }

                continue;
            }

            yield return (n + 1, key, value, example);
            if (value.Length == 0)
            {
                stack.Add((indent, key));
            }
        }
    }

    /// <summary>Whether a key or section (<c>limits</c>, <c>listeners[]</c>) exists.</summary>
    private static bool Exists(string template) =>
        Defaults.ContainsKey(template) || Defaults.Keys.Any(k => k.StartsWith(template + ".", StringComparison.Ordinal) || k.StartsWith(template + "[", StringComparison.Ordinal));

    /// <summary>A key as <c>config defaults</c> lists it: list items as <c>[]</c>, map entries as <c>NAME</c>.</summary>
    private static string Template(string key)
    {
        var t = Index().Replace(key, "[]");
        foreach (var map in Defaults.Where(d => d.Value == "{}").Select(d => d.Key))
        {
            if (t.StartsWith(map + ".", StringComparison.Ordinal) && !t.StartsWith(map + ".NAME", StringComparison.Ordinal))
            {
                var rest = t[(map.Length + 1)..];
                var leaf = Defaults.Keys.Where(k => k.StartsWith(map + ".NAME.", StringComparison.Ordinal)).Select(k => k[(map.Length + 6)..]).FirstOrDefault(l => rest.EndsWith("." + l, StringComparison.Ordinal));
                t = leaf is null ? map + ".NAME" : $"{map}.NAME.{leaf}";
            }
        }

        return t;
    }

    private static bool Same(string expected, string shown)
    {
        static string Path(string s) => s.StartsWith("./", StringComparison.Ordinal) ? s[2..] : s;
        if (Duration.TryParse(expected, out var a) && Duration.TryParse(shown, out var b) && !double.TryParse(expected, out _))
        {
            return a == b;
        }

        return string.Equals(Path(expected), Path(shown), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^( *)(- )?([a-z_][a-z0-9_]*|[a-z0-9*.-]+\.[a-z]+):(?: +([^#]*?))?\s*(#.*)?$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^`([a-z_]+)\.` key$")]
    private static partial Regex HeaderPrefix();

    [GeneratedRegex(@"`([a-z_][a-z0-9_.\[\]<>*]*)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
