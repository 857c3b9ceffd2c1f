using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Tests.Logging;

/// <summary>Each area owns a range of log event ids (README, "Logging") and no two messages share one,
/// so an id found in a log names one event. Read by reflection from every [LoggerMessage] declaration.</summary>
public sealed class EventIdTests
{
    private static readonly (string Assembly, string Area, int First, int Last)[] Ranges =
    [
        ("SecureRelay.Smtp", "Smtp", 1000, 1999),
        ("SecureRelay.Spool", "Spool", 2000, 2999),
        ("SecureRelay.Policy", "Policy", 3000, 3999),
        ("SecureRelay.Delivery", "Delivery", 4000, 4999),
        ("SecureRelay.Security", "Security", 5000, 5999),
        ("securerelay", "Host", 6000, 6999),
        ("SecureRelay.Storage", "Storage", 7000, 7999),
    ];

    private static List<(string Assembly, string Method, int Id)> Declarations() =>
        Ranges.Select(r => Assembly.Load(r.Assembly))
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method.DeclaringType!.Assembly.GetName().Name!, $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}", x.Attribute!.EventId))
            .ToList();

    [Test]
    public void No_two_log_messages_share_an_event_id()
    {
        var declarations = Declarations();
        Assert.That(declarations, Has.Count.GreaterThan(90), "the [LoggerMessage] declarations were found");
        var shared = declarations.GroupBy(d => d.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Method))}").ToList();
        Assert.That(shared, Is.Empty);
    }

    [Test]
    public void Every_event_id_is_in_its_areas_range()
    {
        var outside = Declarations()
            .Select(d => (d, Range: Ranges.Single(r => r.Assembly == d.Assembly)))
            .Where(x => x.d.Id < x.Range.First || x.d.Id > x.Range.Last)
            .Select(x => $"{x.d.Method} = {x.d.Id}, outside {x.Range.Area} {x.Range.First}-{x.Range.Last}")
            .ToList();
        Assert.That(outside, Is.Empty);
    }
}
