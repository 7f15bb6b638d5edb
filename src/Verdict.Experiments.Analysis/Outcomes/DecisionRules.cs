namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>
/// Step 7 of the analysis, the one place the verdict is decided (docs/analysis.md, "Verdict"): INVALID when any step
/// argues INVALID, else ROLL BACK, else HOLD, else SHIP; the reasons are those of the winning decision, in step order.
/// </summary>
public static class DecisionRules
{
    /// <summary>The verdict and its reasons from the steps' outcomes; <paramref name="ship"/> is the reason when nothing objects.</summary>
    public static (LaunchDecision Decision, IReadOnlyList<DecisionReason> Reasons) Decide(IEnumerable<StepOutcome> steps, DecisionReason? ship)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return Decide(steps.SelectMany(s => s.Reasons), ship);
    }

    /// <summary>The verdict from reasons already gathered, in order.</summary>
    public static (LaunchDecision Decision, IReadOnlyList<DecisionReason> Reasons) Decide(IEnumerable<DecisionReason> reasons, DecisionReason? ship)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var all = reasons.ToList();
        foreach (var decision in (ReadOnlySpan<LaunchDecision>)[LaunchDecision.Invalid, LaunchDecision.RollBack, LaunchDecision.Hold])
        {
            var winning = all.Where(r => r.Decision == decision).ToList();
            if (winning.Count > 0)
            {
                return (decision, winning);
            }
        }

        return ship is null
            ? throw new ArgumentException("no step objects and no SHIP reason was given", nameof(ship))
            : (LaunchDecision.Ship, [ship]);
    }
}
