using System.Globalization;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Panels;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// The unit-by-period panel read from a store through the brief's metric definitions equals the same panel computed
/// directly from the events (exclusions, property values, means left out when empty, zeros filled), on each backend.
/// </summary>
public abstract class PanelMetricSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Adoption = Start.AddDays(4);
    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    /// <summary>Seeded traffic: pro units solve more after adoption; some solutions are followed by a ticket within 10 minutes.</summary>
    private (EventStore Store, ExperimentBrief Brief, List<OutcomeEvent> Events, Dictionary<string, string> Plan) Rollout()
    {
        var store = CreateStore();
        stores.Add(store);
        var brief = TestEnvironment.ExampleBrief();
        var random = new Random(41);
        var events = new List<OutcomeEvent>();
        var plan = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var loader = store.BeginLoad())
        {
            for (var u = 0; u < 90; u++)
            {
                var id = "u" + u.ToString("D3", CultureInfo.InvariantCulture);
                plan[id] = u % 3 == 0 ? "pro" : "free";
                loader.Add(new ExposureRecord(brief.Key, brief.Version, id, u % 2 == 0 ? "control" : "treatment", Start.AddDays(-3).AddMinutes(u), null,
                    new Dictionary<string, string> { ["device"] = "mobile", ["plan"] = plan[id] }));
                for (var day = 0; day < 8; day++)
                {
                    var t = Start.AddDays(day).AddHours(9).AddMinutes(u);
                    var lift = plan[id] == "pro" && t >= Adoption ? 0.25 : 0;
                    if (random.NextDouble() < 0.4 + lift)
                    {
                        events.Add(Event("conversation_solved", id, t, null, []));
                        if (random.NextDouble() < 0.3)
                        {
                            events.Add(Event("ticket_opened", id, t.AddMinutes(random.NextDouble() < 0.5 ? 5 : 25), null, []));
                        }
                    }

                    if (random.NextDouble() < 0.7)
                    {
                        var cost = Math.Round(random.NextDouble(), 4).ToString(CultureInfo.InvariantCulture);
                        events.Add(Event("answer_generated", id, t.AddMinutes(-1), null, new() { ["cost_usd"] = cost, ["tokens"] = random.Next(100, 900).ToString(CultureInfo.InvariantCulture), ["latency_ms"] = "800" }));
                    }
                }
            }

            foreach (var e in events)
            {
                loader.Add(e);
            }

            loader.Commit();
        }

        return (store, brief, events, plan);
    }

    private static OutcomeEvent Event(string name, string unit, DateTimeOffset ts, double? value, Dictionary<string, string> properties) =>
        new(name, unit, ts, value, properties, $"{name}-{unit}-{ts.UtcTicks}");

    private static int PeriodOf(DateTimeOffset ts) => (int)Math.Floor((ts - Adoption).TotalDays);

    [Fact]
    public void Load_BinaryWithExclusion_EqualsDirectComputationAndFillsZeros()
    {
        var (store, brief, events, plan) = Rollout();
        var panel = new PanelMetricSource(store).Load(brief, Request("resolved_conversation_rate"));

        // Direct: a unit-day is 1 when a solution there has no ticket within 10 minutes after it.
        var expected = new Dictionary<(string, int), double>();
        foreach (var solved in events.Where(e => e.Name == "conversation_solved"))
        {
            var excluded = events.Any(t => t.Name == "ticket_opened" && t.UnitId == solved.UnitId && t.Timestamp >= solved.Timestamp && t.Timestamp <= solved.Timestamp.AddMinutes(10));
            if (!excluded)
            {
                expected[(solved.UnitId, PeriodOf(solved.Timestamp))] = 1;
            }
        }

        Assert.Equal(90 * 8, panel.Observations.Count);
        foreach (var o in panel.Observations)
        {
            Assert.Equal(expected.GetValueOrDefault((panel.Units[o.Unit], o.Period)), o.Outcome);
            Assert.Equal(plan[panel.Units[o.Unit]] == "pro" && o.Period >= 0, o.Treated);
        }

        // Filled: unit-days without any of the metric's events; an excluded solution still reads 0 from the store.
        Assert.Equal(90 * 8 - events.Where(e => e.Name == "conversation_solved").Select(e => (e.UnitId, PeriodOf(e.Timestamp))).Distinct().Count(), panel.Filled);
        Assert.Equal(Enumerable.Range(-4, 8), panel.Observations.Select(o => o.Period).Distinct().Order());
        var result = DifferenceInDifferences.Estimate(panel.Observations);
        Assert.True(result.IsEstimated, result.Refusal);
        Assert.InRange(0.25, result.TwoWayFixedEffects.CiLow, result.TwoWayFixedEffects.CiHigh);
    }

    [Fact]
    public void Load_SumAndMeanOfProperties_EqualDirectComputation()
    {
        var (store, brief, events, _) = Rollout();
        var answers = events.Where(e => e.Name == "answer_generated").GroupBy(e => (e.UnitId, PeriodOf(e.Timestamp))).ToDictionary(g => g.Key, g => g.ToList());

        var cost = new PanelMetricSource(store).Load(brief, Request("answer_cost_usd"));
        var tokens = new PanelMetricSource(store).Load(brief, Request("answer_tokens", clusterByGroup: true, before: 2, after: 3));

        Assert.Equal(90 * 8, cost.Observations.Count);
        foreach (var o in cost.Observations)
        {
            var sum = answers.TryGetValue((cost.Units[o.Unit], o.Period), out var list) ? list.Sum(e => double.Parse(e.Properties["cost_usd"], CultureInfo.InvariantCulture)) : 0;
            Assert.Equal(sum, o.Outcome, 9);
        }

        // A mean has no value in a period without answers: those unit-periods are absent, not 0.
        var inRange = answers.Where(a => a.Key.Item2 >= -2 && a.Key.Item2 <= 2).ToList();
        Assert.Equal(inRange.Count, tokens.Observations.Count);
        Assert.Equal(0, tokens.Filled);
        Assert.Equal(["free", "pro"], tokens.Clusters.Order(StringComparer.Ordinal));
        foreach (var o in tokens.Observations)
        {
            var mean = answers[(tokens.Units[o.Unit], o.Period)].Average(e => double.Parse(e.Properties["tokens"], CultureInfo.InvariantCulture));
            Assert.Equal(mean, o.Outcome, 9);
        }
    }

    [Theory]
    [InlineData("p95_latency", "plan", "a panel takes binary, count, sum and mean metrics")]
    [InlineData("nope", "plan", "\"nope\" is not a metric")]
    [InlineData("answer_tokens", "region", "\"region\" is not a segment")]
    public void Load_UnsupportedRequest_ThrowsWithReason(string metric, string group, string message)
    {
        var (store, brief, _, _) = Rollout();

        var error = Assert.Throws<ArgumentException>(() => new PanelMetricSource(store).Load(brief, Request(metric, group: group)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static PanelRequest Request(string metric, bool clusterByGroup = false, int? before = null, int? after = null, string group = "plan") => new()
    {
        Metric = metric,
        Group = group,
        TreatedValues = new HashSet<string>(StringComparer.Ordinal) { "pro" },
        Adoption = Adoption,
        ClusterByGroup = clusterByGroup,
        PeriodsBefore = before,
        PeriodsAfter = after,
    };
}

public sealed class DuckDbPanelMetricSourceTests : PanelMetricSourceTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresPanelMetricSourceTests : PanelMetricSourceTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
