using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Testing;

namespace Verdict.Experiments.Simulation.Tests;

/// <summary>
/// A sink that turns the simulated stream back into one row per conversation with plain C#, applying the metric
/// definitions of examples/refund-query-rewrite/metrics.yaml by hand (no SQL), so tests can check the generator's rates.
/// </summary>
internal sealed class SimulatedConversations : IEventSink
{
    private static readonly TimeSpan TicketWindow = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, Conversation> byUnit = new(StringComparer.Ordinal);

    public IEnumerable<Conversation> All => byUnit.Values;

    /// <summary>Conversations whose exposure was logged, as an analysis joining on exposures sees them.</summary>
    public IEnumerable<Conversation> Exposed => byUnit.Values.Where(c => c.Arm is not null);

    public static SimulatedConversations Run(SupportBotScenario scenario)
    {
        var sink = new SimulatedConversations();
        new SupportBotSimulator(Example.Brief(), scenario).Run(sink, TestContext.Current.CancellationToken);
        return sink;
    }

    public void Add(ExposureRecord exposure)
    {
        var row = Row(exposure.UnitId);
        Assert.Null(row.Arm);
        row.Arm = exposure.Arm;
        row.ExposedAt = exposure.Timestamp;
        row.ReceiptHash = exposure.ReceiptHash;
        row.Device = exposure.Attributes["device"];
        row.Plan = exposure.Attributes["plan"];
        row.Region = exposure.Attributes["region"];
    }

    public void Add(OutcomeEvent outcome)
    {
        var row = Row(outcome.UnitId);
        Assert.True(row.Keys.Add(outcome.IdempotencyKey), $"duplicate idempotency key {outcome.IdempotencyKey}");
        switch (outcome.Name)
        {
            case "refund_question_submitted":
                row.EnrolledAt = outcome.Timestamp;
                break;
            case "conversation_solved" when row.EnrolledAt is null:
                row.SolvedBefore = true;
                break;
            case "conversation_solved":
                row.SolvedAt = outcome.Timestamp;
                break;
            case "ticket_opened":
                row.TicketAt = outcome.Timestamp;
                break;
            case "answer_generated":
                row.LatencyMs = outcome.Value!.Value;
                Assert.Equal(row.LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Properties["latency_ms"]);
                row.CostUsd = double.Parse(outcome.Properties["cost_usd"], System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "grounding_audit":
                row.GroundingFailed = outcome.Properties["grounded"] == "false";
                break;
            case "escalated_to_human":
                row.Escalated = true;
                break;
            default:
                Assert.Fail($"unexpected event {outcome.Name}");
                break;
        }
    }

    private Conversation Row(string unit)
    {
        if (!byUnit.TryGetValue(unit, out var row))
        {
            row = new Conversation { UnitId = unit };
            byUnit.Add(unit, row);
        }

        return row;
    }

    internal sealed class Conversation
    {
        public required string UnitId { get; init; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public string? Arm { get; set; }

        public DateTimeOffset? ExposedAt { get; set; }

        public string? ReceiptHash { get; set; }

        public string? Device { get; set; }

        public string? Plan { get; set; }

        public string? Region { get; set; }

        public DateTimeOffset? EnrolledAt { get; set; }

        public bool SolvedBefore { get; set; }

        public DateTimeOffset? SolvedAt { get; set; }

        public DateTimeOffset? TicketAt { get; set; }

        public double LatencyMs { get; set; }

        public double CostUsd { get; set; }

        public bool GroundingFailed { get; set; }

        public bool Escalated { get; set; }

        /// <summary>resolved_conversation_rate: solved, and no ticket within 10 minutes after the solved mark.</summary>
        public bool Resolved => SolvedAt is { } solved && !(TicketAt is { } ticket && ticket >= solved && ticket - solved <= TicketWindow);

        public double Day => (EnrolledAt!.Value - new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero)).TotalDays;
    }
}
