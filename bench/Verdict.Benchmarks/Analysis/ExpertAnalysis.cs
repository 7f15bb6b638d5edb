using System.Data.Common;
using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Storage;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The expert's analysis: <see cref="ExpertQuery"/>'s one statement, its rows read into the analysis's input
/// (<see cref="MetricData"/>) and the same statistics run on it (<see cref="LaunchAnalyzer"/>). The overall cells are
/// the day cells merged in day order, as the analysis merges them.
/// </summary>
public static class ExpertAnalysis
{
    /// <summary>The statement for <paramref name="store"/> (its property catalog read once, as an expert reads the schema).</summary>
    public static string Statement(EventStore store, ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(brief);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = store.Query("SELECT key, position FROM property_columns", []))
        {
            while (reader.Read())
            {
                positions[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        return ExpertQuery.Sql(positions, brief.Arms.Select(a => (a.Name, ReceiptHash.Of(a.Receipt))).ToList(), postgres: store.Dialect is Verdict.Storage.Postgres.PostgresDialect);
    }

    /// <summary>Runs <paramref name="sql"/> and reads its rows into the analysis's input.</summary>
    public static MetricData Load(EventStore store, ExperimentBrief brief, string sql)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(brief);
        var rows = new Rows(brief);
        using (var reader = store.Query(sql, []))
        {
            while (reader.Read())
            {
                rows.Read(reader);
            }
        }

        return rows.Data();
    }

    /// <summary>The expert's whole analysis: the statement, then the same statistics.</summary>
    public static AnalysisReport Run(EventStore store, ResolvedPlan plan, string sql)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return LaunchAnalyzer.Analyze(plan, Load(store, plan.Brief, sql));
    }

    /// <summary>The rows of one run, gathered by kind.</summary>
    private sealed class Rows(ExperimentBrief brief)
    {
        private readonly List<MetricCell> cells = [];
        private readonly List<(string Day, string Arm, int Pair, BivariateMoments Moments)> days = [];
        private readonly List<QuantileCell> quantiles = [];
        private readonly Dictionary<string, long> perArm = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, Dictionary<string, long>>> perSegment = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> mismatches = brief.Arms.ToDictionary(a => a.Name, _ => 0L, StringComparer.Ordinal);
        private readonly Dictionary<string, long> eventsByName = brief.Metrics.Values.SelectMany(m => m.Events).Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        private readonly List<int> versions = [];
        private long multi;
        private long unknown;
        private DateTimeOffset? first;
        private DateTimeOffset? last;

        public void Read(DbDataReader row)
        {
            var kind = row.GetString(row.GetOrdinal("kind"));
            var units = Long(row, "units");
            switch (kind)
            {
                case "cell":
                    Cell(row, units);
                    break;
                case "quantile":
                    var ranks = QuantileRanks.For(units, 0.95, brief.Analysis.Alpha);
                    if (ranks.Point != Long(row, "rp") || ranks.Low != Long(row, "rl") || ranks.High != Long(row, "rh"))
                    {
                        throw new InvalidOperationException($"the statement's ranks ({Long(row, "rp")}, {Long(row, "rl")}, {Long(row, "rh")}) are not {ranks}");
                    }

                    var estimate = QuantileEstimate.FromOrderStatistics(ranks, Double(row, "qp"), Double(row, "ql"), Double(row, "qh"), brief.Analysis.Alpha);
                    quantiles.Add(new QuantileCell("p95_latency", Text(row, "arm")!, CellScope.Overall, null, null, estimate));
                    break;
                case "units":
                    multi = units;
                    first = row.IsDBNull(row.GetOrdinal("first_ts")) ? null : EventLoader.FromMicroseconds(Long(row, "first_ts"));
                    break;
                case "exposures":
                    var arm = Text(row, "arm")!;
                    var lastTs = EventLoader.FromMicroseconds(Long(row, "last_ts"));
                    last = last is null || lastTs > last ? lastTs : last;
                    if (mismatches.ContainsKey(arm))
                    {
                        mismatches[arm] = Long(row, "mismatched");
                    }
                    else
                    {
                        unknown += units;
                    }

                    break;
                case "events":
                    eventsByName[Text(row, "arm")!] = units;
                    break;
                default:
                    versions.Add((int)units);
                    break;
            }
        }

        public MetricData Data()
        {
            foreach (var group in days.OrderBy(d => d.Pair).ThenBy(d => d.Arm, StringComparer.Ordinal).ThenBy(d => d.Day, StringComparer.Ordinal).GroupBy(d => (d.Pair, d.Arm)))
            {
                var total = BivariateMoments.Empty;
                foreach (var day in group)
                {
                    total += day.Moments;
                }

                cells.Add(new MetricCell(ExpertQuery.Pairs[group.Key.Pair].Metric, group.Key.Arm, CellScope.Overall, null, null, total));
            }

            versions.Sort();
            var population = new PopulationSummary
            {
                UnitsPerArm = brief.Arms.ToDictionary(a => a.Name, a => perArm.GetValueOrDefault(a.Name), StringComparer.Ordinal),
                UnitsPerSegment = perSegment.ToDictionary(
                    s => s.Key,
                    s => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>)s.Value.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, long>)v.Value, StringComparer.Ordinal),
                    StringComparer.Ordinal),
                MultiArmUnits = multi,
                ReceiptMismatches = mismatches,
                UnknownArmExposures = unknown,
                FirstExposure = first,
                LastExposure = last,
                EventsByName = eventsByName,
                VersionsInStore = versions,
            };
            return new MetricData(population, cells, quantiles);
        }

        private void Cell(DbDataReader row, long units)
        {
            var arm = Text(row, "arm")!;
            var segment = Enumerable.Range(0, brief.Segments.Count).FirstOrDefault(i => Long(row, $"g{i}") == 0, -1);
            var (scope, name, value) = segment < 0
                ? (CellScope.Day, "day", DayCells.Label(DayCells.FromUnixDay(Long(row, "day"))))
                : (CellScope.Segment, brief.Segments[segment].Name, Text(row, $"s{segment}") ?? "(none)");

            if (scope == CellScope.Segment)
            {
                var byValue = perSegment.TryGetValue(name, out var v) ? v : perSegment[name] = new(StringComparer.Ordinal);
                var byArm = byValue.TryGetValue(value, out var a) ? a : byValue[value] = new(StringComparer.Ordinal);
                byArm[arm] = units;
            }
            else
            {
                perArm[arm] = perArm.GetValueOrDefault(arm) + units;
            }

            for (var i = 0; i < ExpertQuery.Pairs.Count; i++)
            {
                var n = Long(row, $"n{i}");
                if (n <= 0)
                {
                    continue;
                }

                var covariate = ExpertQuery.Pairs[i].X is not null;
                var moments = new BivariateMoments(
                    n,
                    covariate ? Double(row, $"mx{i}") : 0,
                    Double(row, $"my{i}"),
                    covariate ? Math.Max(Double(row, $"vx{i}"), 0) * n : 0,
                    Math.Max(Double(row, $"vy{i}"), 0) * n,
                    covariate ? Double(row, $"cxy{i}") * n : 0);
                cells.Add(new MetricCell(ExpertQuery.Pairs[i].Metric, arm, scope, name, value, moments));
                if (scope == CellScope.Day)
                {
                    days.Add((value, arm, i, moments));
                }
            }
        }

        private static long Long(DbDataReader row, string column) => row.GetValue(row.GetOrdinal(column)) switch
        {
            System.Numerics.BigInteger big => (long)big,
            var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        };

        private static double Double(DbDataReader row, string column) => Convert.ToDouble(row.GetValue(row.GetOrdinal(column)), CultureInfo.InvariantCulture);

        private static string? Text(DbDataReader row, string column) => row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetString(row.GetOrdinal(column));
    }
}
