using System.Globalization;
using Verdict.Assignment;
using Verdict.Assignment.Targeting;
using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Experiments.Simulation.LongTerm;

/// <summary>
/// Seeded traffic of a launched change under a long-term holdout, with a known truth (docs/analysis.md, "Long-term
/// holdout"): units enrol uniformly over the first <c>enrollDays</c>, are held out, exposed or left out by the brief's
/// own assignment, and then solve a conversation in each week after exposure with probability <c>baseRate</c>, plus, in
/// every non-control arm, an effect that starts at <c>launchEffect</c> and decays by half every <c>halfLifeWeeks</c>
/// towards <c>steadyEffect</c>. The held-out units and control get no effect.
/// </summary>
public static class HoldoutSimulation
{
    /// <summary>The outcome event written.</summary>
    public const string Event = "conversation_solved";

    /// <summary>The true effect on the weekly solve probability in week <paramref name="week"/> (0-based) after exposure.</summary>
    public static double Effect(int week, double launchEffect, double steadyEffect, double halfLifeWeeks) =>
        steadyEffect + ((launchEffect - steadyEffect) * Math.Pow(0.5, week / halfLifeWeeks));

    /// <summary>The true difference in solved conversations per unit over <paramref name="weeks"/> weeks: Σ of the weekly effects.</summary>
    public static double TotalEffect(int weeks, double launchEffect, double steadyEffect, double halfLifeWeeks) =>
        Enumerable.Range(0, weeks).Sum(w => Effect(w, launchEffect, steadyEffect, halfLifeWeeks));

    /// <summary>Writes the exposures and events to <paramref name="sink"/>; returns the held-out and exposed unit counts.</summary>
    public static (long HeldOut, long Exposed) Run(
        ExperimentBrief brief, IEventSink sink, int units, int weeks, int seed, DateTimeOffset start,
        double baseRate = 0.30, double launchEffect = 0.06, double steadyEffect = 0.02, double halfLifeWeeks = 2, int enrollDays = 14)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(enrollDays);
        if (brief.Traffic.Holdout is null)
        {
            throw new ArgumentException($"{brief.Key} has no traffic.holdout", nameof(brief));
        }

        var assigner = new ExperimentAssigner(brief.ToAssignmentSpec());
        var receipts = brief.Arms.ToDictionary(a => a.Name, a => ReceiptHash.Of(a.Receipt), StringComparer.Ordinal);
        var heldKey = HoldoutAnalysis.ExperimentKey(brief.Key);
        var random = new Random(seed);
        var empty = new Dictionary<string, string>();
        long held = 0, exposed = 0;
        for (var u = 0; u < units; u++)
        {
            var id = "customer-" + (u + 1).ToString("D6", CultureInfo.InvariantCulture);
            var first = start.AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(enrollDays).Ticks));
            first = new DateTimeOffset(first.UtcTicks - (first.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            var assignment = assigner.Assign(id);
            string? arm;
            if (assignment.Status == AssignmentStatus.HeldOut)
            {
                sink.Add(new ExposureRecord(heldKey, brief.Version, id, HoldoutAnalysis.Arm, first, receipts[brief.Control.Name], empty));
                arm = null;
                held++;
            }
            else if (assignment.Status == AssignmentStatus.Assigned)
            {
                arm = assigner.ArmName(assignment.Arm)!;
                sink.Add(new ExposureRecord(brief.Key, brief.Version, id, arm, first, receipts[arm], empty));
                exposed++;
            }
            else
            {
                continue;
            }

            var treated = arm is not null && arm != brief.Control.Name;
            for (var week = 0; week < weeks; week++)
            {
                var p = baseRate + (treated ? Effect(week, launchEffect, steadyEffect, halfLifeWeeks) : 0);
                var draw = random.NextDouble();
                var at = first.AddDays((7 * week) + (random.NextDouble() * 7));
                if (draw < p)
                {
                    var ts = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
                    sink.Add(new OutcomeEvent(Event, id, ts, null, empty, $"{id}:{Event}:w{week}"));
                }
            }
        }

        return (held, exposed);
    }
}
