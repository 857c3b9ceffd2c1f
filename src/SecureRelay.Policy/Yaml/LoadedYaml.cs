using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureRelay.Policy.Yaml;

/// <summary>A deserialized document plus the source positions of its nodes, so that semantic
/// validation after deserialization can still report <c>file:line:col</c>.</summary>
/// <typeparam name="T">The document type.</typeparam>
public sealed class LoadedYaml<T>
{
    private readonly YamlNode? _root;

    /// <summary>Pairs a document with the node tree it was read from.</summary>
    public LoadedYaml(T value, string file, YamlNode? root)
    {
        Value = value;
        File = file;
        _root = root;
    }

    /// <summary>The deserialized document.</summary>
    public T Value { get; }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>Builds an error for the node at <paramref name="path"/> (snake_case keys joined
    /// by dots, list items as <c>[i]</c>: <c>listeners[0].endpoint</c>). When the path is not in the
    /// file (a default), the nearest existing parent is used.</summary>
    public ConfigurationException Error(string path, string reason)
    {
        var mark = Locate(path);
        return new ConfigurationException(File, (int)mark.Line, (int)mark.Column, reason);
    }

    /// <summary>The start of the node at <paramref name="path"/>, or of its nearest existing parent.</summary>
    public Mark Locate(string path)
    {
        var node = _root;
        if (node is null)
        {
            return new Mark(0, 1, 1);
        }

        foreach (var step in Steps(path))
        {
            YamlNode? next = null;
            if (step.Key is not null && node is YamlMappingNode map)
            {
                map.Children.TryGetValue(new YamlScalarNode(step.Key), out next);
            }
            else if (step.Key is null && node is YamlSequenceNode seq && step.Index < seq.Children.Count)
            {
                next = seq.Children[step.Index];
            }

            if (next is null)
            {
                break;
            }

            node = next;
        }

        return node.Start;
    }

    private static IEnumerable<(string? Key, int Index)> Steps(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? part : part[..bracket];
            if (key.Length > 0)
            {
                yield return (key, 0);
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), out var index))
                {
                    yield break;
                }

                yield return (null, index);
                bracket = part.IndexOf('[', close);
            }
        }
    }
}
