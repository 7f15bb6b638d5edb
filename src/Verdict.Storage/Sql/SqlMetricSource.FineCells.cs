using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Storage.Sql;

/// <summary>Cells rolled up in .NET from one grouping of the values by every cell key at once.</summary>
public sealed partial class SqlMetricSource
{
    /// <summary>
    /// The most fine groups read: past it the grouping-sets query is cheaper than carrying the rows to .NET (the brief's
    /// segments then have many values each, and their product is large). Settable for the tests of both paths.
    /// </summary>
    internal int FineGroupLimit { get; init; } = 20_000;

    /// <summary>
    /// Per-cell moments from one <c>GROUP BY arm, day, s0, …</c> (the fine groups: for the benchmark brief about 2 000
    /// against 2.25 M units) instead of a grouping set per scope: each day and segment cell is its fine groups merged
    /// with Chan's update in (arm, day, segment values) order, and the overall cells the day cells, as before. The
    /// merge is exact in the sense of <see cref="BivariateMoments"/> (no raw sums, no cancellation), so the moments are
    /// those of the grouping-sets query to rounding. Null when there are more than <see cref="FineGroupLimit"/> groups.
    /// </summary>
    private (List<MetricCell> Cells, UnitCounts Counts)? FineCells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
        var segments = brief.Segments.Count;
        var keys = "arm, day" + string.Concat(Enumerable.Range(0, segments).Select(i => $", s{i}"));
        var groups = new List<FineGroup>();
        using (var rows = store.Query($"SELECT {keys}, COUNT(*) AS units{Moments(pairs)} FROM {values} GROUP BY {keys} LIMIT {FineGroupLimit + 1}", []))
        {
            while (rows.Read())
            {
                if (groups.Count == FineGroupLimit)
                {
                    return null;
                }

                var segmentValues = new string?[segments];
                for (var s = 0; s < segments; s++)
                {
                    var value = rows[$"s{s}"];
                    segmentValues[s] = value is DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
                }

                var cells = Enumerable.Range(0, pairs.Count).Select(i => RowCell(rows, pairs, i)).ToArray();
                groups.Add(new FineGroup(rows.GetString(0), DbValue.Long(rows["day"]), segmentValues, DbValue.Long(rows["units"]), cells));
            }
        }

        // A fixed merge order, whatever order the engine returned the groups in.
        groups.Sort(FineGroup.Compare);
        var counts = new UnitCounts();
        var days = new Dictionary<(int Metric, string Arm, long Day), BivariateMoments>();
        var bySegment = new Dictionary<(int Metric, string Arm, int Segment, string? Value), BivariateMoments>();
        foreach (var group in groups)
        {
            counts.Add(group.Arm, CellScope.Day, "day", null, group.Units);
            for (var s = 0; s < segments; s++)
            {
                counts.Add(group.Arm, CellScope.Segment, brief.Segments[s].Name, group.Segments[s] ?? "(none)", group.Units);
            }

            for (var i = 0; i < pairs.Count; i++)
            {
                if (group.Cells[i] is not { } cell)
                {
                    continue;
                }

                days[(i, group.Arm, group.Day)] = days.GetValueOrDefault((i, group.Arm, group.Day)) + cell;
                for (var s = 0; s < segments; s++)
                {
                    var key = (i, group.Arm, s, group.Segments[s]);
                    bySegment[key] = bySegment.GetValueOrDefault(key) + cell;
                }
            }
        }

        var result = new List<MetricCell>();
        var dayCells = new List<(string Day, string Arm, int Metric, BivariateMoments Moments)>();
        foreach (var ((metric, arm, day), moments) in days)
        {
            var label = DayLabel(day);
            result.Add(new MetricCell(pairs[metric].Metric, arm, CellScope.Day, "day", label, moments));
            dayCells.Add((label, arm, metric, moments));
        }

        foreach (var ((metric, arm, segment, value), moments) in bySegment)
        {
            result.Add(new MetricCell(pairs[metric].Metric, arm, CellScope.Segment, brief.Segments[segment].Name, value ?? "(none)", moments));
        }

        result.AddRange(Overall(pairs, dayCells));
        return (result, counts);
    }

    /// <summary>One fine group: its keys, its units, and each metric's moments (null when no unit has a value).</summary>
    private sealed record FineGroup(string Arm, long Day, string?[] Segments, long Units, BivariateMoments?[] Cells)
    {
        /// <summary>Ordinal by arm, day, then each segment value (no value first).</summary>
        public static int Compare(FineGroup? left, FineGroup? right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var order = string.CompareOrdinal(left.Arm, right.Arm);
            order = order != 0 ? order : left.Day.CompareTo(right.Day);
            for (var s = 0; order == 0 && s < left.Segments.Length; s++)
            {
                order = string.CompareOrdinal(left.Segments[s], right.Segments[s]);
            }

            return order;
        }
    }
}
