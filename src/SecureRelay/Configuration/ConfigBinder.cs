using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureRelay.Configuration;

/// <summary>
/// Binds a YAML node tree onto options objects through <see cref="ConfigKey"/>, collecting every
/// problem (unknown keys, wrong shapes, values of the wrong type) with the parser's mark instead of
/// stopping at the first. Then makes relative paths absolute against the configuration's directory,
/// defaults included, before anyone reads the options.
/// </summary>
public sealed class ConfigBinder
{
    private readonly string _baseDirectory;
    private readonly List<(Mark Mark, string Key, string Message)> _errors = [];
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    /// <summary>Creates a binder; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public ConfigBinder(string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        _baseDirectory = baseDirectory;
    }

    /// <summary>The problems found so far: where, which key, what.</summary>
    public IReadOnlyList<(Mark Mark, string Key, string Message)> Errors => _errors;

    /// <summary>The position of the value at <paramref name="path"/> (<c>listeners[0].endpoint</c>,
    /// <c>delivery.domains.example.com.max_connections</c>), or of its nearest parent that the file
    /// contains (a default has no position of its own); the file's start when none does.</summary>
    public Mark Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        while (path.Length > 0)
        {
            if (_marks.TryGetValue(path, out var mark))
            {
                return mark;
            }

            path = path[..Math.Max(0, Math.Max(path.LastIndexOf('.'), path.LastIndexOf('[')))];
        }

        return new Mark(0, 1, 1);
    }

    /// <summary>Binds <paramref name="node"/> (a mapping, or null for an empty file) onto
    /// <paramref name="target"/> and resolves the paths of the whole object graph.</summary>
    public void Bind(object target, YamlNode? node)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (node is not null && !IsNull(node))
        {
            if (node is YamlMappingNode map)
            {
                Populate(target, map, "");
            }
            else
            {
                _errors.Add((node.Start, "", "the configuration must be a mapping of keys to values"));
            }
        }

        ResolvePaths(target);
    }

    private void Populate(object target, YamlMappingNode map, string path)
    {
        var keys = ConfigKey.Of(target.GetType());
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            var key = keys.FirstOrDefault(x => x.Name == name);
            if (key is null)
            {
                _errors.Add((k.Start, Join(path, name), $"unknown key '{name}' in {(path.Length == 0 ? "the top level" : path)} (known: {string.Join(", ", keys.Select(x => x.Name))})"));
                continue;
            }

            var at = Join(path, name);
            _marks[at] = v.Start;
            if (IsNull(v))
            {
                if (key.IsNullable)
                {
                    key.Property.SetValue(target, null);
                }
                else if (ConfigKey.KindOf(key.Type) == ConfigValueKind.Scalar)
                {
                    _errors.Add((v.Start, at, "needs a value"));
                }

                continue;
            }

            if (TryConvert(v, key.Type, key.Property.GetValue(target), at, out var value))
            {
                key.Property.SetValue(target, value);
            }
        }
    }

    private bool TryConvert(YamlNode node, Type type, object? existing, string path, out object? value)
    {
        value = null;
        switch (ConfigKey.KindOf(type))
        {
            case ConfigValueKind.Scalar:
                if (node is not YamlScalarNode scalar)
                {
                    return Fail(node, path, "must be a single value, not a list or mapping");
                }

                return ConfigScalar.TryParse(scalar.Value ?? "", type, out value, out var error) || Fail(node, path, error);

            case ConfigValueKind.List:
                if (node is not YamlSequenceNode sequence)
                {
                    return Fail(node, path, "must be a list");
                }

                var list = (IList)Activator.CreateInstance(type)!;
                var elementType = ConfigKey.ElementOf(type);
                var ok = true;
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    _marks[$"{path}[{i}]"] = item.Start;
                    if (IsNull(item))
                    {
                        ok = Fail(item, $"{path}[{i}]", "needs a value");
                    }
                    else if (TryConvert(item, elementType, null, $"{path}[{i}]", out var element))
                    {
                        list.Add(element);
                    }
                    else
                    {
                        ok = false;
                    }
                }

                value = list;
                return ok;

            case ConfigValueKind.Map:
                if (node is not YamlMappingNode entries)
                {
                    return Fail(node, path, "must be a mapping of names to settings");
                }

                // Fill the existing dictionary: it carries its key comparer (domains are case-insensitive).
                var map = (IDictionary?)existing ?? (IDictionary)Activator.CreateInstance(type)!;
                map.Clear();
                var valueType = ConfigKey.ElementOf(type);
                foreach (var (k, v) in entries.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? "";
                    _marks[Join(path, name)] = v.Start;
                    if (TryConvert(v, valueType, null, Join(path, name), out var entry))
                    {
                        map[name] = entry;
                    }
                }

                value = map;
                return true;

            default:
                if (node is not YamlMappingNode section)
                {
                    return Fail(node, path, "must be a mapping of keys to values");
                }

                value = existing ?? Activator.CreateInstance(type)!;
                Populate(value, section, path);
                return true;
        }
    }

    private bool Fail(YamlNode node, string path, string message)
    {
        _errors.Add((node.Start, path, message));
        return false;
    }

    private void ResolvePaths(object? target)
    {
        if (target is null)
        {
            return;
        }

        foreach (var key in ConfigKey.Of(target.GetType()))
        {
            var value = key.Property.GetValue(target);
            if (key.IsPath)
            {
                if (value is string { Length: > 0 } relative)
                {
                    key.Property.SetValue(target, Path.GetFullPath(Path.Combine(_baseDirectory, relative)));
                }

                continue;
            }

            switch (ConfigKey.KindOf(key.Type))
            {
                case ConfigValueKind.Section:
                    ResolvePaths(value);
                    break;
                case ConfigValueKind.List when ConfigKey.KindOf(ConfigKey.ElementOf(key.Type)) == ConfigValueKind.Section:
                    foreach (var item in (IList)value!)
                    {
                        ResolvePaths(item);
                    }

                    break;
                case ConfigValueKind.Map when ConfigKey.KindOf(ConfigKey.ElementOf(key.Type)) == ConfigValueKind.Section:
                    foreach (var item in ((IDictionary)value!).Values)
                    {
                        ResolvePaths(item);
                    }

                    break;
            }
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
