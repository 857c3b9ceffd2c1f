using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecureRelay.Configuration;

/// <summary>
/// One key of an options type as it is written in <c>securerelay.yaml</c>: every public settable
/// property, named by its <see cref="DataMemberAttribute"/> or else its snake_case name, except those
/// marked <see cref="IgnoreDataMemberAttribute"/>. The binder, <c>securerelay config</c>, the JSON
/// Schema and the documentation test all read the model through this one type.
/// </summary>
/// <param name="Name">The YAML key.</param>
/// <param name="Property">The property it binds.</param>
public sealed record ConfigKey(string Name, PropertyInfo Property)
{
    /// <summary>The <see cref="DataTypeAttribute"/> custom type that marks a file or directory: relative
    /// values resolve against the directory of the configuration file.</summary>
    public const string PathDataType = "path";

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConfigKey>> Cache = new();
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The property's type.</summary>
    public Type Type => Property.PropertyType;

    /// <summary>Whether the value names a file or directory.</summary>
    public bool IsPath => Property.GetCustomAttribute<DataTypeAttribute>()?.CustomDataType == PathDataType;

    /// <summary>Whether YAML <c>null</c> (or an empty value) is allowed.</summary>
    public bool IsNullable => Nullable.GetUnderlyingType(Type) is not null
        || (!Type.IsValueType && Nullability.Create(Property).WriteState == NullabilityState.Nullable);

    /// <summary>The keys of <paramref name="type"/>, in declaration order.</summary>
    public static IReadOnlyList<ConfigKey> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new ConfigKey(p.GetCustomAttribute<DataMemberAttribute>()?.Name ?? UnderscoredNamingConvention.Instance.Apply(p.Name), p))
            .ToList());
    }

    /// <summary>How a value of <paramref name="type"/> is written.</summary>
    public static ConfigValueKind KindOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
        {
            return ConfigValueKind.List;
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return ConfigValueKind.Map;
        }

        return t.IsClass && t != typeof(string) && !ConfigScalar.IsScalar(t) ? ConfigValueKind.Section : ConfigValueKind.Scalar;
    }

    /// <summary>The element type of a list or the value type of a map.</summary>
    public static Type ElementOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetGenericArguments()[^1];
    }
}
