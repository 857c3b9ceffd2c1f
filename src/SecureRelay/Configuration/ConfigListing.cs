using System.Collections;

namespace SecureRelay.Configuration;

/// <summary>
/// Lists the keys of a configuration object as <c>key.path = value</c> lines, like Postfix's
/// <c>postconf</c>: with the defaults (<c>securerelay config defaults</c>, an element template
/// <c>listeners[].name</c> for list and map items) or with the values in effect
/// (<c>securerelay config show</c>, secrets redacted).
/// </summary>
public static class ConfigListing
{
    /// <summary>What stands in for a redacted value.</summary>
    public const string Redacted = "(redacted)";

    /// <summary>Every key with its default: the values of a freshly built <see cref="RelayConfig"/>.</summary>
    public static IEnumerable<(string Key, string Value)> Defaults() => List(RelayConfig.Create("./data"), "", template: true);

    /// <summary>Every key with the value in effect; list and map items one by one; secrets redacted.</summary>
    public static IEnumerable<(string Key, string Value)> Effective(RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return List(config, "", template: false);
    }

    /// <summary>Whether a key holds a secret (a password hash); paths of secret files are not secrets.</summary>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var leaf = key[(key.LastIndexOf('.') + 1)..];
        return leaf.EndsWith("_hash", StringComparison.Ordinal) || leaf is "password" or "passphrase" or "token" or "secret";
    }

    private static IEnumerable<(string Key, string Value)> List(object target, string prefix, bool template)
    {
        foreach (var key in ConfigKey.Of(target.GetType()))
        {
            var path = prefix + key.Name;
            var value = key.Property.GetValue(target);
            switch (ConfigKey.KindOf(key.Type))
            {
                case ConfigValueKind.Section:
                    foreach (var line in List(value ?? Activator.CreateInstance(key.Type)!, path + ".", template))
                    {
                        yield return line;
                    }

                    break;

                case ConfigValueKind.List:
                    var element = ConfigKey.ElementOf(key.Type);
                    var items = ((IList?)value)?.Cast<object>().ToList() ?? [];
                    if (ConfigKey.KindOf(element) != ConfigValueKind.Section)
                    {
                        yield return (path, "[" + string.Join(", ", items.Select(ConfigScalar.Format)) + "]");
                    }
                    else if (template)
                    {
                        yield return (path, "[]");
                        foreach (var line in List(Activator.CreateInstance(element)!, path + "[].", template))
                        {
                            yield return line;
                        }
                    }
                    else
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            foreach (var line in List(items[i], $"{path}[{i}].", template))
                            {
                                yield return line;
                            }
                        }
                    }

                    break;

                case ConfigValueKind.Map:
                    var entries = (IDictionary?)value;
                    if (template)
                    {
                        yield return (path, "{}");
                        foreach (var line in List(Activator.CreateInstance(ConfigKey.ElementOf(key.Type))!, path + ".NAME.", template))
                        {
                            yield return line;
                        }
                    }
                    else if (entries is not null)
                    {
                        foreach (DictionaryEntry entry in entries)
                        {
                            foreach (var line in List(entry.Value!, $"{path}.{entry.Key}.", template))
                            {
                                yield return line;
                            }
                        }
                    }

                    break;

                default:
                    yield return (path, !template && value is not null && IsSecret(path) ? Redacted : ConfigScalar.Format(value));
                    break;
            }
        }
    }
}
