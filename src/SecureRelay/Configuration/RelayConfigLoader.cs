using SecureRelay.Policy.Yaml;
using YamlDotNet.RepresentationModel;

namespace SecureRelay.Configuration;

/// <summary>Loads <c>securerelay.yaml</c>: binds the whole document onto <see cref="RelayConfig"/>,
/// validates every section, and reports every problem at once as <c>file:line:col: key: reason</c>
/// (positions from the YAML parser's marks).</summary>
public static class RelayConfigLoader
{
    /// <summary>Loads and validates a configuration file.</summary>
    /// <exception cref="ConfigurationException">The file is missing or wrong; <see cref="ConfigurationException.Errors"/> lists every problem.</exception>
    public static RelaySettings Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(StrictYaml.ReadText(path), path);
    }

    /// <summary>Binds and validates YAML text; <paramref name="file"/> names it in errors and relative
    /// paths resolve against its directory.</summary>
    /// <exception cref="ConfigurationException">The text is wrong; <see cref="ConfigurationException.Errors"/> lists every problem.</exception>
    public static RelaySettings Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var configFile = Path.GetFullPath(file);
        var baseDir = Path.GetDirectoryName(configFile) ?? Directory.GetCurrentDirectory();
        var root = StrictYaml.ParseTree(text, file);

        // Defaults that depend on data_dir (escrow lives beside the spool) are built before binding,
        // so that nothing is changed after it.
        var dataDir = root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("data_dir"), out var node) && node is YamlScalarNode { Value: { Length: > 0 } d }
            ? d
            : new RelayConfig().DataDir;
        var config = RelayConfig.Create(Path.GetFullPath(Path.Combine(baseDir, dataDir)));
        var binder = new ConfigBinder(baseDir);
        binder.Bind(config, root);

        var loaded = new LoadedYaml<RelayConfig>(config, file, root);
        var errors = binder.Errors
            .Select(e => new ConfigurationException(file, (int)e.Mark.Line, (int)e.Mark.Column, Describe(e.Key, e.Message)))
            .ToList();
        // Validation runs on what did bind; a value that did not is reported once, by the binder.
        var unbound = binder.Errors.Select(e => e.Key).ToList();
        errors.AddRange(config.Validate()
            .Where(e => !unbound.Any(k => k.Length > 0 && (e.Key == k || e.Key.StartsWith(k + ".", StringComparison.Ordinal) || e.Key.StartsWith(k + "[", StringComparison.Ordinal))))
            .Select(e =>
            {
                var mark = binder.Locate(e.Key);
                return new ConfigurationException(file, (int)mark.Line, (int)mark.Column, Describe(e.Key, e.Message));
            }));

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return new RelaySettings(config, configFile, loaded);
    }

    private static string Describe(string key, string message) => key.Length == 0 ? message : $"{key}: {message}";
}
