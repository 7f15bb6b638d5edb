using System.Text.Json;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Bandits;

/// <summary>
/// A served bandit's periods live in the audit log (docs/bandits.md, "The server runs the schedule"): period 0 opens
/// at equal weights when the version starts, and every later period is one <see cref="Action"/> line whose
/// <c>after</c> is a <see cref="BanditPeriodLine"/>. Replaying them gives the same state after a restart.
/// </summary>
public static class BanditLedger
{
    /// <summary>The audit action of a recorded period.</summary>
    public const string Action = "bandit_period";

    /// <summary>The audit action written once when the bucket space is used up.</summary>
    public const string ExhaustedAction = "bandit_exhausted";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The state of the bandit <paramref name="record"/> runs, from its brief's block and the audit lines of its key.</summary>
    public static BanditState State(ExperimentRecord record, ExperimentBrief brief, IReadOnlyList<AuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(audit);
        var mine = audit.Where(a => a.Version == record.Version).ToList();
        var started = mine.FirstOrDefault(a => a.Action == "start")?.At ?? record.UpdatedAt;
        var state = BanditUpdater.Start(brief, started);
        var periods = new List<BanditPeriodRecord>(state.Periods);
        foreach (var line in mine.Where(a => a.Action == Action && a.After is not null))
        {
            var period = JsonSerializer.Deserialize<BanditPeriodLine>(line.After!, Options)
                ?? throw new InvalidDataException($"{record.Key} v{record.Version}: audit line {line.Sequence} holds no bandit period");
            if (period.Index != periods.Count)
            {
                throw new InvalidDataException($"{record.Key} v{record.Version}: audit line {line.Sequence} records period {period.Index}, expected {periods.Count}");
            }

            periods.Add(new BanditPeriodRecord(period.Index, period.Weights, period.ComputedAt, period.RewardsPerArm, period.ProbabilityBest, period.Updated));
        }

        return state with { Periods = periods };
    }

    /// <summary>The audit evidence of the period <paramref name="report"/> computed (the last period of <paramref name="next"/>).</summary>
    public static string Evidence(BanditState next, BanditReport report)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(report);
        var p = next.Periods[^1];
        var lift = report.Estimate.Lift;
        return JsonSerializer.Serialize(
            new BanditPeriodLine(p.Index, p.Weights, p.ComputedAt, p.RewardsPerArm, p.ProbabilityBest is { } best && best.All(double.IsFinite) ? best : null, p.Updated)
            {
                RewardCutoff = report.RewardCutoff,
                StratifiedMeans = report.Estimate.Stratified.Select(N).ToArray(),
                StratifiedLift = N(lift.Value),
                StratifiedLiftCiLow = N(lift.CiLow),
                StratifiedLiftCiHigh = N(lift.CiHigh),
                EstimatedRegret = N(report.EstimatedRegret),
                Diagnostics = report.Weights.Diagnostics.Concat(report.Estimate.Diagnostics).Select(d => $"{d.Code}: {d.Message}").ToArray(),
            },
            Options);
    }

    private static double? N(double v) => double.IsFinite(v) ? v : null;
}
