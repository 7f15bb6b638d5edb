using System.Collections;
using System.Globalization;
using Verdict.Assignment.Targeting;
using Verdict.Experiments.Metrics;

namespace Verdict.Storage.Sql;

/// <summary>
/// Every event property a set of metrics (and their CUPED covariates) reads or filters on, in the order first met: its
/// stream column (<c>pv0</c>, <c>pv1</c>…), the events that carry it, and whether it is read as a number. Built once
/// per statement and passed to whatever spells a column, so no compiler keeps it as state.
/// </summary>
internal sealed class PropertyMap : IEnumerable<KeyValuePair<string, PropertyRead>>
{
    private readonly Dictionary<string, PropertyRead> reads = new(StringComparer.Ordinal);

    private PropertyMap()
    {
    }

    /// <summary>The read of property <paramref name="key"/>.</summary>
    public PropertyRead this[string key] => reads[key];

    /// <summary>The map of the metric <paramref name="definitions"/>, in order.</summary>
    public static PropertyMap Of(IEnumerable<MetricDefinition> definitions)
    {
        var map = new PropertyMap();
        foreach (var definition in definitions)
        {
            map.Visit(definition);
        }

        return map;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, PropertyRead>> GetEnumerator() => reads.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Visit(MetricDefinition definition)
    {
        if (definition.Value is { } value && value != "value")
        {
            Need(value, definition, numeric: true);
        }

        foreach (var filter in definition.Where)
        {
            Need(filter.Property, definition, filter.Operator is ConditionOperator.GreaterThan or ConditionOperator.GreaterThanOrEqual
                or ConditionOperator.LessThan or ConditionOperator.LessThanOrEqual);
        }
    }

    private void Need(string key, MetricDefinition definition, bool numeric)
    {
        if (!reads.TryGetValue(key, out var entry))
        {
            entry = new PropertyRead("pv" + reads.Count.ToString(CultureInfo.InvariantCulture), new HashSet<string>(StringComparer.Ordinal), false);
        }

        entry.Events.UnionWith(definition.Events);
        reads[key] = entry with { Numeric = entry.Numeric || numeric };
    }
}

/// <summary>How one property is read: its stream column, the events that carry it, and whether as a number.</summary>
internal readonly record struct PropertyRead(string Column, HashSet<string> Events, bool Numeric);
