using System.Globalization;
using System.Text;
using Verdict.Experiments.Metrics;

namespace Verdict.Storage.Sql;

/// <summary>
/// What the per-unit statement does at the scan of the events table instead of inside the per-unit aggregates
/// (docs/analysis-sql.md): an event name whose every reader filters it the same way, on stored property columns, is
/// filtered there; an event name whose every reader excludes it by the same "unless" loses its excluded events there,
/// by an anti-join on the unit and the exclusion's time window. The readers' definitions are then used without what the
/// scan already did (<see cref="Effective"/>), so the rows that reach the join and the grouping are only those that count.
/// </summary>
internal sealed class EventScan
{
    private readonly Dictionary<string, IReadOnlyList<PropertyFilter>> filters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventExclusion> dropped = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, int> positions;

    private EventScan(IReadOnlyDictionary<string, int> positions) => this.positions = positions;

    /// <summary>The scan for a statement whose metrics (and covariate metrics) are <paramref name="readers"/>.</summary>
    public static EventScan Of(IEnumerable<MetricDefinition> readers, IReadOnlyDictionary<string, int> propertyPositions)
    {
        var scan = new EventScan(propertyPositions);
        var byName = readers.SelectMany(r => r.Events.Select(e => (Name: e, Reader: r))).GroupBy(x => x.Name, StringComparer.Ordinal);
        foreach (var group in byName)
        {
            var where = group.Select(x => x.Reader.Where).ToList();
            if (where[0].Count > 0 && where.All(w => Signature(w) == Signature(where[0])) && where[0].All(f => propertyPositions.ContainsKey(f.Property)))
            {
                scan.filters[group.Key] = where[0];
            }

            // The exclusion a reader applies to this name's events: its "unless" when the unless is after this name.
            var unless = group.Select(x => x.Reader.Unless is { } u && u.After == group.Key ? u : null).Distinct().ToList();
            if (unless is [{ } shared])
            {
                scan.dropped[group.Key] = shared;
            }
        }

        return scan;
    }

    /// <summary>
    /// <paramref name="definition"/> without what the scan does for it: its filters when all its events are filtered at
    /// the scan, its "unless" when the scan drops the excluded events.
    /// </summary>
    public MetricDefinition Effective(MetricDefinition definition)
    {
        var result = definition;
        if (definition.Where.Count > 0 && definition.Events.All(filters.ContainsKey))
        {
            result = result with { Where = [] };
        }

        if (definition.Unless is { } unless && dropped.TryGetValue(unless.After, out var scanned) && scanned == unless)
        {
            result = result with { Unless = null };
        }

        return result;
    }

    /// <summary>Whether the scan drops the excluded events of <paramref name="name"/>.</summary>
    public bool Drops(string name) => dropped.ContainsKey(name);

    /// <summary>
    /// The scan's condition on the events of <paramref name="names"/> read from rows aliased <paramref name="alias"/>:
    /// name and scan filters, and for a name whose excluded events are dropped the anti-join on its exclusion (no event
    /// <c>unless.event</c> of the unit in [ts, ts + within], up to <paramref name="asOf"/>). Null when no name is given.
    /// </summary>
    public string? Condition(SqlParameters p, string alias, IEnumerable<string> names, string asOf)
    {
        var plain = new List<string>();
        var parts = new List<string>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            if (!filters.ContainsKey(name) && !dropped.ContainsKey(name))
            {
                plain.Add(name);
                continue;
            }

            var part = new StringBuilder($"{alias}.name = {p.Add(name)}");
            if (filters.TryGetValue(name, out var where))
            {
                part.Append(" AND ").Append(Filters(p, alias, where));
            }

            if (dropped.TryGetValue(name, out var x))
            {
                part.Append(CultureInfo.InvariantCulture, $"""
                     AND NOT EXISTS (SELECT 1 FROM events t WHERE t.unit_id = {alias}.unit_id AND t.name = {p.Add(x.Event)}
                        AND t.ts >= {alias}.ts AND t.ts <= {alias}.ts + {p.Add(x.Within.Ticks / 10)} AND t.ts <= {asOf})
                    """);
            }

            parts.Add("(" + part + ")");
        }

        if (plain.Count > 0)
        {
            parts.Insert(0, $"{alias}.name IN {p.List(plain)}");
        }

        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>The scan filters of <paramref name="name"/> on rows aliased <paramref name="alias"/>, or null when it has none.</summary>
    public string? Filter(SqlParameters p, string alias, string name) =>
        filters.TryGetValue(name, out var where) ? Filters(p, alias, where) : null;

    private string Filters(SqlParameters p, string alias, IReadOnlyList<PropertyFilter> where) => string.Join(" AND ", where.Select(f =>
    {
        var position = positions[f.Property];
        return MetricConditions.Filter(f, $"{alias}.{PropertyColumns.Text(position)}", $"{alias}.{PropertyColumns.Number(position)}", p);
    }));

    private static string Signature(IReadOnlyList<PropertyFilter> where) =>
        string.Join("\u001f", where.Select(f => f.Property + "\u001e" + f.Operator.ToString() + "\u001e" + string.Join("\u001e", f.Values)));
}
