using System.Globalization;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Storage.Tests;

/// <summary>
/// The example brief's metrics computed straight from raw rows in C#, independently of the SQL compiler:
/// the reference the store's aggregates are checked against.
/// </summary>
internal sealed class DirectComputation
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public DirectComputation(RecordingSink records, DateTimeOffset? asOf = null)
    {
        var limit = asOf ?? DateTimeOffset.MaxValue;
        var exposures = records.Exposures.Where(e => e.Timestamp <= limit).GroupBy(e => e.UnitId);
        foreach (var group in exposures)
        {
            if (group.Select(e => e.Arm).Distinct().Count() > 1)
            {
                MultiArm++;
                continue;
            }

            var first = group.MinBy(e => e.Timestamp)!;
            Units[group.Key] = (first.Arm, first.Timestamp, first.Attributes.GetValueOrDefault("device"));
        }

        foreach (var e in records.Events.Where(e => e.Timestamp <= limit))
        {
            if (Units.ContainsKey(e.UnitId))
            {
                (ByUnit.TryGetValue(e.UnitId, out var list) ? list : ByUnit[e.UnitId] = []).Add(e);
            }
        }
    }

    public Dictionary<string, (string Arm, DateTimeOffset First, string? Device)> Units { get; } = [];

    public Dictionary<string, List<OutcomeEvent>> ByUnit { get; } = [];

    public long MultiArm { get; }

    private List<OutcomeEvent> EventsOf(string unit) => ByUnit.TryGetValue(unit, out var list) ? list : [];

    /// <summary>Solved within 7 days with no ticket within 10 minutes after the solved mark; or in the 30 days before.</summary>
    public double Resolved(string unit, bool prePeriod = false)
    {
        var first = Units[unit].First;
        var events = EventsOf(unit);
        var solved = events.Where(e => e.Name == SupportBotEvents.ConversationSolved && (prePeriod
            ? e.Timestamp < first && e.Timestamp >= first - TimeSpan.FromDays(30)
            : e.Timestamp >= first && e.Timestamp < first + Window));
        return solved.Any(s => !events.Any(t => t.Name == SupportBotEvents.TicketOpened && t.Timestamp >= s.Timestamp && t.Timestamp <= s.Timestamp + TimeSpan.FromMinutes(10))) ? 1 : 0;
    }

    public double Escalated(string unit) => InWindow(unit, SupportBotEvents.Escalated).Any() ? 1 : 0;

    public double GroundingFailure(string unit) =>
        InWindow(unit, SupportBotEvents.GroundingAudit).Any(e => e.Properties.GetValueOrDefault(SupportBotEvents.Grounded) == "false") ? 1 : 0;

    public double? Latency(string unit)
    {
        var values = InWindow(unit, SupportBotEvents.AnswerGenerated).Select(e => Property(e, SupportBotEvents.LatencyMs)).Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    public double Cost(string unit) =>
        InWindow(unit, SupportBotEvents.AnswerGenerated).Select(e => Property(e, SupportBotEvents.CostUsd) ?? 0).Sum();

    /// <summary>
    /// Answers in the window that no ticket follows within an hour, each with its property (null when it has none):
    /// the events the exclusion test's metrics aggregate.
    /// </summary>
    public List<double?> AnswersWithoutTicket(string unit, string property)
    {
        var events = EventsOf(unit);
        return InWindow(unit, SupportBotEvents.AnswerGenerated)
            .Where(a => !events.Any(t => t.Name == SupportBotEvents.TicketOpened && t.Timestamp >= a.Timestamp && t.Timestamp <= a.Timestamp + TimeSpan.FromHours(1)))
            .Select(a => Property(a, property))
            .ToList();
    }

    /// <summary>Answers in the window whose latency is above <paramref name="threshold"/> ms.</summary>
    public double SlowAnswers(string unit, double threshold) =>
        InWindow(unit, SupportBotEvents.AnswerGenerated).Count(e => Property(e, SupportBotEvents.LatencyMs) > threshold);

    public IEnumerable<string> UnitsIn(string arm) => Units.Where(u => u.Value.Arm == arm).Select(u => u.Key);

    private IEnumerable<OutcomeEvent> InWindow(string unit, string name)
    {
        var first = Units[unit].First;
        return EventsOf(unit).Where(e => e.Name == name && e.Timestamp >= first && e.Timestamp < first + Window);
    }

    private static double? Property(OutcomeEvent e, string key) =>
        e.Properties.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Moments of (x, y) over an arm's units.</summary>
    public BivariateMoments Moments(string arm, Func<string, double> y, Func<string, double>? x = null)
    {
        var units = UnitsIn(arm).ToList();
        return BivariateMoments.FromValues(units.Select(u => x?.Invoke(u) ?? 0).ToArray(), units.Select(y).ToArray());
    }
}
