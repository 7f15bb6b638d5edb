using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Ingestion;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// One suite, every backend: the aggregates SQL computes inside the store agree with a direct computation over the
/// same raw rows, and loading behaves the same (one transaction per file, idempotent keys).
/// </summary>
public abstract class StoreConformanceTests : IDisposable
{
    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    private EventStore Store()
    {
        var store = CreateStore();
        stores.Add(store);
        return store;
    }

    private static (RecordingSink Records, ExperimentBrief Brief) Simulate(EventStore store, SupportBotScenario scenario)
    {
        var brief = TestEnvironment.ExampleBrief();
        using var loader = store.BeginLoad();
        var records = new RecordingSink(loader);
        new SupportBotSimulator(brief, scenario).Run(records);
        loader.Commit();
        return (records, brief);
    }

    [Fact]
    public void Load_SimulatedTraffic_MatchesDirectComputationOnRawRows()
    {
        var store = Store();
        var (records, brief) = Simulate(store, new SupportBotScenario { Units = 3000, Seed = 5 });
        var data = new SqlMetricSource(store).Load(brief, null);
        var truth = new DirectComputation(records);

        foreach (var arm in new[] { "control", "treatment" })
        {
            Assert.Equal(truth.UnitsIn(arm).LongCount(), data.Population.UnitsPerArm[arm]);
            AssertMoments(truth.Moments(arm, u => truth.Resolved(u), u => truth.Resolved(u, prePeriod: true)), Cell(data, "resolved_conversation_rate", arm), "resolved");
            AssertMoments(truth.Moments(arm, truth.Escalated), Cell(data, "escalation_rate", arm), "escalation");
            AssertMoments(truth.Moments(arm, truth.GroundingFailure), Cell(data, "grounded_answer_failure_rate", arm), "grounding");
            AssertMoments(truth.Moments(arm, truth.Cost, u => truth.Resolved(u)), Cell(data, "cost_per_resolved_conversation", arm), "cost ratio");

            var latencies = truth.UnitsIn(arm).Select(truth.Latency).Where(v => v is not null).Select(v => v!.Value).ToArray();
            var expected = QuantileEstimate.FromValues(latencies, 0.95);
            var actual = data.Quantiles.Single(q => q.Metric == "p95_latency" && q.Arm == arm && q.Scope == CellScope.Overall).Estimate;
            Assert.Equal(expected.Ranks, actual.Ranks);
            Assert.Equal(expected.Value, actual.Value, 9);
            Assert.Equal(expected.CiLow, actual.CiLow, 9);
            Assert.Equal(expected.CiHigh, actual.CiHigh, 9);

            foreach (var device in new[] { "mobile", "desktop" })
            {
                var units = truth.UnitsIn(arm).Where(u => truth.Units[u].Device == device).ToList();
                var cell = data.Cells.Single(c => c.Metric == "resolved_conversation_rate" && c.Arm == arm && c.Scope == CellScope.Segment && c.ScopeName == "device" && c.ScopeValue == device);
                Assert.Equal(units.Count, cell.Moments.Count);
                Assert.Equal(units.Average(u => truth.Resolved(u)), cell.Moments.MeanY, 12);
            }
        }
    }

    /// <summary>Every metric type with an "unless" exclusion, a numeric property filter, and a quantile primary's segments.</summary>
    private const string ExclusionMetrics = """

          answer_tokens_no_ticket:
            type: mean
            event: answer_generated
            value: tokens
            within: 7d
            unless: {event: ticket_opened, within: 1h}
          answer_cost_no_ticket:
            type: sum
            event: answer_generated
            value: cost_usd
            within: 7d
            unless: {event: ticket_opened, within: 1h}
          answers_no_ticket:
            type: count
            event: answer_generated
            within: 7d
            unless: {event: ticket_opened, within: 1h}
          slow_answers:
            type: count
            event: answer_generated
            where: [{property: latency_ms, op: gt, value: "1100"}]
            within: 7d
        """;

    [Fact]
    public void Load_ExclusionsOnEveryMetricTypeAndNumericFilters_MatchDirectComputation()
    {
        var store = Store();
        var brief = TestEnvironment.ExampleBrief(
            yaml => yaml
                .Replace("primary_metric: resolved_conversation_rate", "primary_metric: p95_latency", StringComparison.Ordinal)
                .Replace("baseline: 0.38", "baseline: 1100", StringComparison.Ordinal)
                .Replace("mde: 2.0pp", "mde: 20ms", StringComparison.Ordinal)
                .Replace("minimum_ship_lift: 2.0pp", "minimum_ship_lift: 20ms", StringComparison.Ordinal)
                .Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", "secondary_metrics: [answer_tokens_no_ticket, answer_cost_no_ticket, answers_no_ticket, slow_answers]", StringComparison.Ordinal),
            ExclusionMetrics);
        using (var loader = store.BeginLoad())
        {
            var records = new RecordingSink(loader);
            new SupportBotSimulator(brief, new SupportBotScenario { Units = 3000, Seed = 8 }).Run(records, TestContext.Current.CancellationToken);
            loader.Commit();
            var data = new SqlMetricSource(store).Load(brief, null);
            var truth = new DirectComputation(records);
            foreach (var arm in new[] { "control", "treatment" })
            {
                // Mean over units with at least one counted answer; sum and count over every unit.
                var tokens = truth.UnitsIn(arm).Select(u => truth.AnswersWithoutTicket(u, SupportBotEvents.Tokens).Where(v => v is not null).Select(v => v!.Value).ToList())
                    .Where(v => v.Count > 0).Select(v => v.Average()).ToArray();
                AssertMoments(BivariateMoments.FromValues(new double[tokens.Length], tokens), Cell(data, "answer_tokens_no_ticket", arm), "mean with exclusion");
                AssertMoments(truth.Moments(arm, u => truth.AnswersWithoutTicket(u, SupportBotEvents.CostUsd).Sum(v => v ?? 0)), Cell(data, "answer_cost_no_ticket", arm), "sum with exclusion");
                AssertMoments(truth.Moments(arm, u => truth.AnswersWithoutTicket(u, SupportBotEvents.CostUsd).Count), Cell(data, "answers_no_ticket", arm), "count with exclusion");
                AssertMoments(truth.Moments(arm, u => truth.SlowAnswers(u, 1100)), Cell(data, "slow_answers", arm), "numeric filter");

                foreach (var device in new[] { "mobile", "desktop" })
                {
                    var latencies = truth.UnitsIn(arm).Where(u => truth.Units[u].Device == device).Select(truth.Latency).Where(v => v is not null).Select(v => v!.Value).ToArray();
                    var expected = QuantileEstimate.FromValues(latencies, 0.95);
                    var actual = data.Quantiles.Single(q => q.Metric == "p95_latency" && q.Arm == arm && q.Scope == CellScope.Segment && q.ScopeName == "device" && q.ScopeValue == device).Estimate;
                    Assert.Equal(expected.Ranks, actual.Ranks);
                    Assert.Equal(expected.Value, actual.Value, 9);
                    Assert.Equal(expected.CiLow, actual.CiLow, 9);
                    Assert.Equal(expected.CiHigh, actual.CiHigh, 9);
                }
            }

            // The overall cells are the day cells merged: the same moments as one pass over every unit.
            var days = data.Cells.Where(c => c.Metric == "slow_answers" && c.Arm == "control" && c.Scope == CellScope.Day).ToList();
            Assert.True(days.Count > 1);
            Assert.Equal(Cell(data, "slow_answers", "control").Moments.Count, days.Sum(d => d.Moments.Count));
        }
    }

    [Fact]
    public void Load_EventBlockedByTwoTickets_IsExcludedOnce()
    {
        // u1 solves twice: the first solve is followed by two tickets within 10 minutes (excluded once, not twice), the
        // second by none. u2 solves once, and its ticket comes 11 minutes later (outside the window).
        var brief = TestEnvironment.ExampleBrief(
            yaml => yaml.Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", "secondary_metrics: [solves_without_ticket]", StringComparison.Ordinal),
            """

              solves_without_ticket:
                type: count
                event: conversation_solved
                within: 7d
                unless: {event: ticket_opened, within: 10m}
            """);
        var store = Store();
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        using (var loader = store.BeginLoad())
        {
            var none = new Dictionary<string, string>();
            loader.Add(new ExposureRecord("refund-query-rewrite", 1, "u1", "control", start, null, none));
            loader.Add(new ExposureRecord("refund-query-rewrite", 1, "u2", "control", start, null, none));
            loader.Add(new OutcomeEvent("conversation_solved", "u1", start.AddMinutes(5), null, none, "s1"));
            loader.Add(new OutcomeEvent("ticket_opened", "u1", start.AddMinutes(6), null, none, "t1"));
            loader.Add(new OutcomeEvent("ticket_opened", "u1", start.AddMinutes(7), null, none, "t2"));
            loader.Add(new OutcomeEvent("conversation_solved", "u1", start.AddHours(2), null, none, "s2"));
            loader.Add(new OutcomeEvent("conversation_solved", "u2", start.AddMinutes(5), null, none, "s3"));
            loader.Add(new OutcomeEvent("ticket_opened", "u2", start.AddMinutes(16), null, none, "t3"));
            loader.Commit();
        }

        var data = new SqlMetricSource(store).Load(brief, null);
        var count = Cell(data, "solves_without_ticket", "control").Moments;
        Assert.Equal(2, count.Count);
        Assert.Equal(1.0, count.MeanY, 12);   // u1: 2 solves − 1 excluded = 1; u2: 1
        Assert.Equal(0.0, count.SyY, 12);
        var resolved = Cell(data, "resolved_conversation_rate", "control").Moments;
        Assert.Equal(1.0, resolved.MeanY, 12);
    }

    [Fact]
    public void Load_SegmentValues_ComeFromEachUnitsFirstExposureEvenWhenItLacksTheAttribute()
    {
        var store = Store();
        var brief = TestEnvironment.ExampleBrief();
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        using (var loader = store.BeginLoad())
        {
            Dictionary<string, string> Attributes(string? device) => device is null ? new() { ["plan"] = "pro" } : new() { ["plan"] = "pro", ["device"] = device };
            // u1's first exposure has no device (a later one says mobile): u1 is in no device segment.
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u1", "control", start, null, Attributes(null)));
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u1", "control", start.AddHours(1), null, Attributes("mobile")));
            // u2 was first seen on desktop, later on mobile: desktop. u3 only on mobile.
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u2", "control", start.AddMinutes(1), null, Attributes("desktop")));
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u2", "control", start.AddHours(2), null, Attributes("mobile")));
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u3", "control", start.AddMinutes(2), null, Attributes("mobile")));
            loader.Add(new ExposureRecord(brief.Key, brief.Version, "u4", "treatment", start.AddMinutes(3), null, Attributes("mobile")));
            loader.Commit();
        }

        var data = new SqlMetricSource(store).Load(brief, null);
        var device = data.Cells.Where(c => c.Metric == "resolved_conversation_rate" && c.Arm == "control" && c.Scope == CellScope.Segment && c.ScopeName == "device")
            .ToDictionary(c => c.ScopeValue!, c => c.Moments.Count);
        Assert.Equal(1, device["desktop"]);
        Assert.Equal(1, device["mobile"]);
        Assert.Equal(3, data.Population.UnitsPerArm["control"]);
    }

    [Fact]
    public void Load_AsOf_CountsOnlyEarlierData()
    {
        var store = Store();
        var (records, brief) = Simulate(store, new SupportBotScenario { Units = 1500, Seed = 9 });
        var asOf = new DateTimeOffset(2026, 5, 9, 0, 0, 0, TimeSpan.Zero);
        var data = new SqlMetricSource(store).Load(brief, asOf);
        var truth = new DirectComputation(records, asOf);
        foreach (var arm in new[] { "control", "treatment" })
        {
            Assert.Equal(truth.UnitsIn(arm).LongCount(), data.Population.UnitsPerArm[arm]);
            AssertMoments(truth.Moments(arm, u => truth.Resolved(u), u => truth.Resolved(u, prePeriod: true)), Cell(data, "resolved_conversation_rate", arm), "resolved as of");
        }
    }

    [Fact]
    public void Load_BurnIn_ExcludesAndCountsTheUnitsFirstExposedInsideIt()
    {
        var store = Store();
        var (records, registered) = Simulate(store, new SupportBotScenario { Units = 1500, Seed = 13 });
        var burnIn = TimeSpan.FromDays(2);
        var brief = registered with { Analysis = registered.Analysis with { BurnIn = burnIn } };
        var data = new SqlMetricSource(store).Load(brief, null);
        var truth = new DirectComputation(records);

        // The burn-in runs from the experiment's first exposure (any unit's, multi-arm ones included).
        var end = records.Exposures.Min(e => e.Timestamp) + burnIn;
        var inside = truth.Units.Count(u => u.Value.First < end);
        Assert.InRange(inside, 1, truth.Units.Count - 1);
        Assert.Equal(inside, data.Population.BurnInUnits);
        foreach (var arm in new[] { "control", "treatment" })
        {
            var analysed = truth.UnitsIn(arm).LongCount(u => truth.Units[u].First >= end);
            Assert.Equal(analysed, data.Population.UnitsPerArm[arm]);
            Assert.Equal(analysed, Cell(data, "escalation_rate", arm).Moments.Count);
        }
    }

    [Fact]
    public void Analyze_SimulatedScenarios_GiveTheSeedsVerdicts()
    {
        var ship = Store();
        var (_, brief) = Simulate(ship, new SupportBotScenario { Units = 30_000, Seed = 11 });
        Assert.Equal(LaunchDecision.Ship, LaunchAnalyzer.Analyze(brief, new SqlMetricSource(ship).Load(brief, null)).Decision);

        var latency = Store();
        Simulate(latency, new SupportBotScenario { Units = 30_000, Seed = 11, Failures = SupportBotFailures.LatencyRegression });
        var report = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(latency).Load(brief, null));
        Assert.Equal(LaunchDecision.RollBack, report.Decision);
        Assert.Contains(report.Guardrails, g => g.Comparison.Metric == "p95_latency" && !g.Passed);

        var srm = Store();
        Simulate(srm, new SupportBotScenario { Units = 30_000, Seed = 11, Failures = SupportBotFailures.Srm });
        var invalid = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(srm).Load(brief, null));
        Assert.Equal(LaunchDecision.Invalid, invalid.Decision);
        Assert.Null(invalid.Primary);

        var receipts = Store();
        Simulate(receipts, new SupportBotScenario { Units = 5000, Seed = 11, Failures = SupportBotFailures.ReceiptMismatch });
        var mismatch = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(receipts).Load(brief, null));
        Assert.Equal(LaunchDecision.Invalid, mismatch.Decision);
        Assert.Contains(mismatch.Checks, c => c.Name == "pinned receipts" && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Ingest_BadRowInTheMiddle_RejectsTheWholeFileWithItsLine()
    {
        var store = Store();
        var path = Temp(".ndjson", """
            {"type":"exposure","experiment":"x","version":1,"unit_id":"u1","arm":"control","timestamp":"2026-05-04T00:00:00Z"}
            {"type":"event","name":"conversation_solved","unit_id":"u1","timestamp":"2026-05-04T00:01:00Z","idempotency_key":"k1"}
            {"type":"event","name":"conversation_solved","unit_id":"u1","timestamp":"yesterday","idempotency_key":"k2"}
            """);
        var error = Assert.Throws<IngestException>(() => store.IngestFile(path));
        Assert.Equal(3, error.Line);
        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count("events"));
        Assert.Equal(0, store.Count("exposures"));
    }

    [Fact]
    public void Ingest_SameFileTwice_DoesNotDoubleCount()
    {
        var store = Store();
        var path = Temp(".csv", """
            name,unit_id,timestamp,value,idempotency_key,prop.grounded
            grounding_audit,u1,2026-05-04T00:05:00Z,,a1,false
            answer_generated,u1,2026-05-04T00:00:02Z,1180.5,a2,
            answer_generated,u1,2026-05-04T00:00:02Z,1180.5,a2,
            """);
        var first = store.IngestFile(path);
        var second = store.IngestFile(path);
        Assert.Equal(3, first.EventsRead);
        Assert.Equal(2, first.EventsAdded);
        Assert.Equal(0, second.EventsAdded);
        Assert.Equal(2, store.Count("events"));
    }

    [Fact]
    public void Ingest_CsvExposuresWithAttributes_AreAnalysedAsSegments()
    {
        var store = Store();
        var exposures = Temp(".csv", """
            experiment,version,unit_id,arm,timestamp,receipt_hash,attr.device
            refund-query-rewrite,1,u1,control,2026-05-04T00:00:00Z,,mobile
            refund-query-rewrite,1,u2,treatment,2026-05-04T00:00:00Z,,desktop
            """);
        store.IngestFile(exposures);
        var data = new SqlMetricSource(store).Load(TestEnvironment.ExampleBrief(), null);
        Assert.Equal(1, data.Population.UnitsPerSegment["device"]["mobile"]["control"]);
        Assert.Equal(1, data.Population.UnitsPerSegment["device"]["desktop"]["treatment"]);
    }

    [Fact]
    public void Ingest_Parquet_LoadsLikeNdjson()
    {
        var store = Store();
        var parquet = Path.Combine(Path.GetTempPath(), $"verdict-{Guid.NewGuid():N}.parquet");
        using (var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = $"COPY (SELECT 'answer_generated' AS name, 'u' || i AS unit_id, TIMESTAMP '2026-05-04 00:00:00' + INTERVAL (i) MINUTE AS timestamp, 1000.0 + i AS value, 'p' || i AS idempotency_key FROM range(5) t(i)) TO '{parquet}' (FORMAT PARQUET)";
            command.ExecuteNonQuery();
        }

        var result = store.IngestFile(parquet);
        Assert.Equal(5, result.EventsAdded);
        File.Delete(parquet);
    }

    [Fact]
    public void Load_SegmentAttributeWithQuotes_IsBoundNotSpliced()
    {
        var store = Store();
        var brief = TestEnvironment.ExampleBrief(yaml => yaml.Replace("  - name: plan", "  - name: plan\n    attribute: \"pl'an\\\"; DROP TABLE events; --\"", StringComparison.Ordinal));
        Simulate(store, new SupportBotScenario { Units = 200, Seed = 1 });
        var data = new SqlMetricSource(store).Load(brief, null);
        Assert.True(data.Population.UnitsPerArm.Values.Sum() > 0);
        Assert.True(store.Count("events") > 0);
    }

    private static MetricCell Cell(MetricData data, string metric, string arm) =>
        data.Cells.Single(c => c.Metric == metric && c.Arm == arm && c.Scope == CellScope.Overall);

    private static void AssertMoments(BivariateMoments expected, MetricCell actual, string what)
    {
        var m = actual.Moments;
        Assert.True(expected.Count == m.Count, $"{what}: n {expected.Count} vs {m.Count}");
        Near(expected.MeanY, m.MeanY, what + " mean y");
        Near(expected.MeanX, m.MeanX, what + " mean x");
        Near(expected.SyY, m.SyY, what + " Syy");
        Near(expected.SxX, m.SxX, what + " Sxx");
        Near(expected.SxY, m.SxY, what + " Sxy");
    }

    /// <summary>Equal within 1e-9, relative to the expected value's magnitude (absolute below 1).</summary>
    internal static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static string Temp(string extension, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"verdict-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        return path;
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class DuckDbConformanceTests : StoreConformanceTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresConformanceTests : StoreConformanceTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}

public sealed class ClickHouseConformanceTests : StoreConformanceTests
{
    protected override EventStore CreateStore() => Storage.ClickHouse.ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
}

public class ClusterRandomizationTests
{
    /// <summary>The store the cases run on: DuckDB here, the other engines in subclasses (ClickHouse/ClickHouseClusterRandomizationTests.cs).</summary>
    protected virtual EventStore CreateStore() => DuckDbEventStore.Open(":memory:");

    /// <summary>The example brief randomized by team (the exposures' "team" attribute), analysed per account.</summary>
    private static ExperimentBrief ClusterBrief() => TestEnvironment.ExampleBrief(yaml => yaml.Replace(
        "unit:\n  randomization: account\n  id: customer_account_id\n  analysis: account",
        "unit:\n  randomization: cluster\n  cluster_key: team\n  analysis: account",
        StringComparison.Ordinal));

    [Fact]
    public void Load_ClusterRandomizedBrief_GivesClusterLevelSumsAndDeltaMethodVariance()
    {
        // 40 teams of 1–9 users; the arm follows the team. Users resolve with a team-level propensity.
        var brief = ClusterBrief();
        var random = new Random(4);
        using var store = CreateStore();
        var perCluster = new Dictionary<string, (string Arm, double Users, double Resolved)>();
        var latencies = new List<(string Arm, string Team, double Latency)>();
        using (var loader = store.BeginLoad())
        {
            var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
            for (var team = 0; team < 40; team++)
            {
                var arm = team % 2 == 0 ? "control" : "treatment";
                var propensity = 0.2 + (0.5 * random.NextDouble());
                var users = 1 + random.Next(9);
                double resolved = 0;
                for (var u = 0; u < users; u++)
                {
                    var id = $"t{team}-u{u}";
                    var at = start.AddMinutes(team + u);
                    loader.Add(new Verdict.Experiments.Events.ExposureRecord("refund-query-rewrite", 1, id, arm, at, null, new Dictionary<string, string> { ["team"] = $"team-{team}", ["device"] = "mobile" }));
                    var latency = 900 + (40 * team) + (100 * random.NextDouble());
                    latencies.Add((arm, $"team-{team}", latency));
                    loader.Add(new Verdict.Experiments.Events.OutcomeEvent("answer_generated", id, at.AddMinutes(1), latency, new Dictionary<string, string> { ["latency_ms"] = latency.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }, id + ":a"));
                    if (random.NextDouble() < propensity)
                    {
                        resolved++;
                        loader.Add(new Verdict.Experiments.Events.OutcomeEvent("conversation_solved", id, at.AddMinutes(3), null, new Dictionary<string, string>(), id + ":s"));
                    }
                }

                perCluster[$"team-{team}"] = (arm, users, resolved);
            }

            loader.Commit();
        }

        var data = new SqlMetricSource(store).Load(brief, null);
        Assert.Equal(20, data.Population.ClustersPerArm!["control"]);
        foreach (var arm in new[] { "control", "treatment" })
        {
            var clusters = perCluster.Values.Where(c => c.Arm == arm).ToList();
            var expected = Verdict.Statistics.SufficientStatistics.BivariateMoments.FromValues(clusters.Select(c => c.Users).ToArray(), clusters.Select(c => c.Resolved).ToArray());
            var cell = data.Cells.Single(c => c.Metric == "resolved_conversation_rate" && c.Arm == arm && c.Scope == Experiments.Analysis.CellScope.Overall).Moments;
            Assert.Equal(expected.Count, cell.Count);
            Assert.Equal(expected.MeanY, cell.MeanY, 9);
            Assert.Equal(expected.MeanX, cell.MeanX, 9);
            Assert.Equal(expected.SxY, cell.SxY, 6);
        }

        // p95 latency: order statistics over users, ranks widened by the clusters' delta-method variance.
        foreach (var arm in new[] { "control", "treatment" })
        {
            var rows = latencies.Where(l => l.Arm == arm).ToList();
            var sorted = rows.Select(r => r.Latency).Order().ToArray();
            var point = sorted[Verdict.Statistics.Quantiles.QuantileRanks.For(sorted.Length, 0.95).Point - 1];
            var teams = rows.GroupBy(r => r.Team).ToList();
            var (_, variance) = Verdict.Statistics.Comparisons.RatioMetric.Of(Verdict.Statistics.SufficientStatistics.BivariateMoments.FromValues(
                teams.Select(t => (double)t.Count()).ToArray(), teams.Select(t => (double)t.Count(r => r.Latency <= point)).ToArray()));
            var ranks = Verdict.Statistics.Quantiles.QuantileRanks.ForDependent(sorted.Length, 0.95, variance);
            var expected = Verdict.Statistics.Quantiles.QuantileEstimate.FromOrderStatistics(ranks, sorted[ranks.Point - 1], sorted[ranks.Low - 1], sorted[ranks.High - 1]);
            var actual = data.Quantiles.Single(q => q.Metric == "p95_latency" && q.Arm == arm && q.Scope == Experiments.Analysis.CellScope.Overall).Estimate;
            Assert.Equal(expected, actual);
            Assert.True(ranks.High - ranks.Low > Verdict.Statistics.Quantiles.QuantileRanks.For(sorted.Length, 0.95).High - Verdict.Statistics.Quantiles.QuantileRanks.For(sorted.Length, 0.95).Low, "clustering widens the rank interval");
        }

        var report = Experiments.Analysis.LaunchAnalyzer.Analyze(brief with { Analysis = brief.Analysis with { PlannedUnitsPerArm = 1 } }, data);
        var primary = report.Primary!;
        var c = perCluster.Values.Where(v => v.Arm == "control").ToList();
        var t = perCluster.Values.Where(v => v.Arm == "treatment").ToList();
        var lift = Verdict.Statistics.Comparisons.RatioMetric.Compare(
            Verdict.Statistics.SufficientStatistics.BivariateMoments.FromValues(c.Select(v => v.Users).ToArray(), c.Select(v => v.Resolved).ToArray()),
            Verdict.Statistics.SufficientStatistics.BivariateMoments.FromValues(t.Select(v => v.Users).ToArray(), t.Select(v => v.Resolved).ToArray()));
        Assert.Equal(lift.Absolute.StandardError, primary.Lift.Absolute.StandardError, 9);
    }
    [Fact]
    public void Load_ClusterRandomizedBriefWithCovariate_AdjustsByRatioCupedOverClusters()
    {
        // 60 teams; a user's pre-period resolution and outcome both follow the team's propensity, so the covariate
        // predicts the outcome at the cluster level.
        var brief = ClusterBrief();
        var random = new Random(9);
        using var store = CreateStore();
        var rows = new List<(string Arm, int Team, double Resolved, double Before)>();
        using (var loader = store.BeginLoad())
        {
            var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
            for (var team = 0; team < 60; team++)
            {
                var arm = team % 2 == 0 ? "control" : "treatment";
                var propensity = 0.1 + (0.8 * random.NextDouble());
                var users = 2 + random.Next(8);
                for (var u = 0; u < users; u++)
                {
                    var id = $"t{team}-u{u}";
                    var at = start.AddMinutes(team + u);
                    loader.Add(new Verdict.Experiments.Events.ExposureRecord("refund-query-rewrite", 1, id, arm, at, null, new Dictionary<string, string> { ["team"] = $"team-{team}" }));
                    var before = random.NextDouble() < propensity ? 1.0 : 0.0;
                    if (before == 1)
                    {
                        loader.Add(new Verdict.Experiments.Events.OutcomeEvent("conversation_solved", id, at.AddDays(-5), null, new Dictionary<string, string>(), id + ":p"));
                    }

                    var resolved = random.NextDouble() < propensity + (arm == "treatment" ? 0.05 : 0) ? 1.0 : 0.0;
                    if (resolved == 1)
                    {
                        loader.Add(new Verdict.Experiments.Events.OutcomeEvent("conversation_solved", id, at.AddMinutes(3), null, new Dictionary<string, string>(), id + ":s"));
                    }

                    rows.Add((arm, team, resolved, before));
                }
            }

            loader.Commit();
        }

        var data = new SqlMetricSource(store).Load(brief, null);
        RatioCovariateMoments Direct(string arm)
        {
            var teams = rows.Where(r => r.Arm == arm).GroupBy(r => r.Team).ToList();
            var units = teams.Select(t => (double)t.Count()).ToArray();
            return RatioCovariateMoments.FromValues(teams.Select(t => t.Sum(r => r.Resolved)).ToArray(), units, teams.Select(t => t.Sum(r => r.Before)).ToArray(), units);
        }

        foreach (var arm in new[] { "control", "treatment" })
        {
            var expected = Direct(arm);
            var actual = data.RatioCovariates!.Single(c => c.Metric == "resolved_conversation_rate" && c.Arm == arm && c.Scope == CellScope.Overall).Moments;
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(expected.Sum(i), actual.Sum(i), 9);
                for (var j = 0; j < 4; j++)
                {
                    Assert.Equal(expected.Covariance(i, j), actual.Covariance(i, j), 9);
                }
            }
        }

        var cuped = Cuped.CompareRatio(Direct("control"), Direct("treatment"));
        var primary = LaunchAnalyzer.Analyze(brief with { Analysis = brief.Analysis with { PlannedUnitsPerArm = 1 } }, data).Primary!;
        Assert.Equal(cuped.Adjusted.Absolute.Value, primary.Lift.Absolute.Value, 9);
        Assert.Equal(cuped.Adjusted.Absolute.StandardError, primary.Lift.Absolute.StandardError, 9);
        Assert.NotNull(primary.Unadjusted);
        Assert.True(primary.VarianceReduction > 0.1, $"variance reduction {primary.VarianceReduction}");
    }
}
