using System.Globalization;
using Verdict.Assignment.Targeting;
using Verdict.Experiments.Metrics;

namespace Verdict.Storage.Sql;

/// <summary>
/// The parts of the per-unit SQL that mean the same in every engine's compiler (<see cref="UnitTableCompiler"/> and
/// the ClickHouse one): which events a metric reads, an event's condition, and the plain per-unit aggregates.
/// </summary>
internal static class MetricConditions
{
    /// <summary>Adds the events a metric reads to <paramref name="names"/>, and its "unless" exclusion to <paramref name="exclusions"/>.</summary>
    public static void Collect(MetricDefinition definition, ISet<string> names, List<EventExclusion> exclusions)
    {
        names.UnionWith(definition.Events);
        if (definition.Unless is { } unless)
        {
            // The excluding event is read by the exclusion's own lookup, not by the per-unit stream.
            names.Add(unless.After);
            exclusions.Add(unless);
        }
    }

    /// <summary>
    /// An event's condition for a metric: one of its names, inside its window from first exposure (or the covariate's
    /// period, <paramref name="pre"/>), a value when one is needed, and its property filters. <paramref name="column"/>
    /// spells a stream column (name, ts, first_ts); <paramref name="property"/> a property's text column, whose number
    /// column is the same name with <c>n</c> appended. A <paramref name="panel"/> has no window from first exposure.
    /// </summary>
    public static string Of(MetricDefinition definition, SqlParameters p, CupedCovariate? pre, Func<string, string> column, string value, Func<string, string> property, bool panel = false)
    {
        string ts = column("ts"), first = column("first_ts");
        var parts = new List<string> { $"{column("name")} IN {p.List(definition.Events)}" };
        if (pre is null && panel)
        {
            // A panel (UnitTableCompiler.Panel.cs) counts each period's events, whenever the unit was first exposed.
        }
        else if (pre is null)
        {
            parts.Add($"{ts} >= {first}");
            if (definition.Within is { } within)
            {
                parts.Add($"{ts} < {first} + {p.Add(within.Ticks / 10)}");
            }
        }
        else if (pre.Period == CovariatePeriod.PreExposure)
        {
            parts.Add($"{ts} < {first} AND {ts} >= {first} - {p.Add(pre.Lookback.Ticks / 10)}");
        }
        else
        {
            parts.Add($"{ts} >= {first} AND {ts} < {first} + {p.Add(pre.Lookback.Ticks / 10)}");
        }

        if (definition.Type is not (MetricType.Binary or MetricType.Count))
        {
            parts.Add(value + " IS NOT NULL");
        }

        foreach (var filter in definition.Where)
        {
            var text = property(filter.Property);
            parts.Add(Filter(filter, text, text + "n", p));
        }

        return string.Join(" AND ", parts);
    }

    /// <summary>The per-unit aggregate of events meeting <paramref name="condition"/>: any (binary), how many, Σ value, or the mean value.</summary>
    public static string Aggregate(MetricType type, string condition, string value) => type switch
    {
        MetricType.Binary => $"MAX(CASE WHEN {condition} THEN 1 ELSE 0 END)",
        MetricType.Count => $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)",
        MetricType.Sum => $"SUM(CASE WHEN {condition} THEN {value} END)",
        _ => $"AVG(CASE WHEN {condition} THEN {value} END)",
    };

    /// <summary>A property filter on the text column <paramref name="text"/> and its number column <paramref name="number"/>.</summary>
    public static string Filter(PropertyFilter filter, string text, string number, SqlParameters p)
    {
        string Number() => p.Add(double.Parse(filter.Values[0], NumberStyles.Float, CultureInfo.InvariantCulture));
        return filter.Operator switch
        {
            ConditionOperator.Equals => $"{text} = {p.Add(filter.Values[0])}",
            ConditionOperator.NotEquals => $"({text} IS NULL OR {text} <> {p.Add(filter.Values[0])})",
            ConditionOperator.In => $"{text} IN {p.List(filter.Values)}",
            ConditionOperator.NotIn => $"({text} IS NULL OR {text} NOT IN {p.List(filter.Values)})",
            ConditionOperator.Exists => $"{text} IS NOT NULL",
            ConditionOperator.GreaterThan => $"{number} > {Number()}",
            ConditionOperator.GreaterThanOrEqual => $"{number} >= {Number()}",
            ConditionOperator.LessThan => $"{number} < {Number()}",
            ConditionOperator.LessThanOrEqual => $"{number} <= {Number()}",
            _ => throw new NotSupportedException($"property operator {filter.Operator}"),
        };
    }
}
