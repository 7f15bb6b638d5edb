using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// Filters and exclusions done at the scan of the events table (docs/analysis-sql.md, "What the scan does"): the same
/// counts whether an event name's readers all share a filter or an "unless" (done at the scan) or not (done in the
/// per-unit aggregates), on every engine.
/// </summary>
public abstract class ScanTests : IDisposable
{
    private const string Metrics = """

          solved_chat_no_ticket:
            type: binary
            event: conversation_solved
            where: [{property: channel, op: eq, value: chat}]
            within: 7d
            unless: {event: ticket_opened, within: 10m}
            unit: proportion
          solves_chat_no_ticket:
            type: count
            event: conversation_solved
            where: [{property: channel, op: eq, value: chat}]
            within: 7d
            unless: {event: ticket_opened, within: 10m}
          solves_chat:
            type: count
            event: conversation_solved
            where: [{property: channel, op: eq, value: chat}]
            within: 7d
          escalations_no_ticket:
            type: count
            event: escalated_to_human
            within: 7d
            unless: {event: ticket_opened, within: 10m, after: escalated_to_human}
        """;

    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    [Fact]
    public void Load_FilterSharedByEveryReaderWithExclusionOnSome_CountsOnlyFilteredEventsAndExcludesTheirs()
    {
        // conversation_solved: every reader filters channel = chat (done at the scan); one count has no "unless", so
        // the exclusion is subtracted in the aggregates and must skip the email solve that the scan filtered out.
        var (data, _) = Load("solves_chat_no_ticket", "solves_chat");
        Assert.Equal((3, 2.0, 2.0), Totals(data, "solves_chat_no_ticket"));   // u1: 2 chat solves − 1 excluded = 1; u2: 1; u3: 0
        Assert.Equal((3, 3.0, 5.0), Totals(data, "solves_chat"));             // u1: 2; u2: 1; u3: 0
        Assert.Equal((3, 2.0, 2.0), Totals(data, "solved_chat_no_ticket"));
    }

    [Fact]
    public void Load_FilterAndExclusionSharedByEveryReader_DropsBothAtTheScan()
    {
        // Every reader of conversation_solved filters it and excludes it the same way: both are done at the scan.
        var (data, _) = Load("solves_chat_no_ticket", "solves_chat_no_ticket");
        Assert.Equal((3, 2.0, 2.0), Totals(data, "solves_chat_no_ticket"));
        Assert.Equal((3, 2.0, 2.0), Totals(data, "solved_chat_no_ticket"));

        // escalated_to_human is also read by escalation_rate (no "unless"): excluded in the aggregates. u3's escalation
        // has a ticket 5 minutes later and counts 0; u2's ticket came before its escalation.
        Assert.Equal((3, 1.0, 1.0), Totals(data, "escalations_no_ticket"));
        Assert.Equal((3, 2.0, 2.0), Totals(data, "escalation_rate"));
    }

    /// <summary>Over the three control units (u1, u2, u3): the number with a value, Σ value and Σ value².</summary>
    private static (long Units, double Sum, double Squares) Totals(MetricData data, string metric)
    {
        var cell = data.Cells.Single(c => c.Metric == metric && c.Arm == "control" && c.Scope == CellScope.Overall).Moments;
        return (cell.Count, Math.Round(cell.MeanY * cell.Count, 9), Math.Round(cell.SyY + (cell.Count * cell.MeanY * cell.MeanY), 9));
    }

    private (MetricData Data, ExperimentBrief Brief) Load(string first, string second)
    {
        var brief = TestEnvironment.ExampleBrief(
            yaml => yaml
                .Replace("primary_metric: resolved_conversation_rate", "primary_metric: solved_chat_no_ticket", StringComparison.Ordinal)
                .Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", $"secondary_metrics: [{string.Join(", ", new[] { first, second }.Distinct())}, escalations_no_ticket]", StringComparison.Ordinal),
            Metrics);
        var store = CreateStore();
        stores.Add(store);
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        var none = new Dictionary<string, string>();
        var chat = new Dictionary<string, string> { ["channel"] = "chat" };
        var email = new Dictionary<string, string> { ["channel"] = "email" };
        using (var loader = store.BeginLoad())
        {
            foreach (var unit in new[] { "u1", "u2", "u3" })
            {
                loader.Add(new ExposureRecord("refund-query-rewrite", 1, unit, "control", start, null, none));
            }

            loader.Add(new OutcomeEvent("conversation_solved", "u1", start.AddMinutes(5), null, chat, "s1"));
            loader.Add(new OutcomeEvent("ticket_opened", "u1", start.AddMinutes(6), null, none, "t1"));
            loader.Add(new OutcomeEvent("conversation_solved", "u1", start.AddMinutes(20), null, email, "s2"));
            loader.Add(new OutcomeEvent("ticket_opened", "u1", start.AddMinutes(21), null, none, "t2"));
            loader.Add(new OutcomeEvent("conversation_solved", "u1", start.AddHours(2), null, chat, "s3"));
            loader.Add(new OutcomeEvent("conversation_solved", "u2", start.AddMinutes(5), null, chat, "s4"));
            loader.Add(new OutcomeEvent("ticket_opened", "u2", start.AddMinutes(16), null, none, "t3"));
            loader.Add(new OutcomeEvent("escalated_to_human", "u3", start.AddMinutes(1), null, none, "e1"));
            loader.Add(new OutcomeEvent("ticket_opened", "u3", start.AddMinutes(6), null, none, "t4"));
            loader.Add(new OutcomeEvent("escalated_to_human", "u2", start.AddMinutes(30), null, none, "e2"));
            loader.Commit();
        }

        return (new SqlMetricSource(store).Load(brief, null), brief);
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

public sealed class DuckDbScanTests : ScanTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresScanTests : ScanTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}

public sealed class ClickHouseScanTests : ScanTests
{
    protected override EventStore CreateStore() => Verdict.Storage.ClickHouse.ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());
}
