namespace Verdict.Statistics.Simulation;

/// <summary>The outcome of every policy in one <see cref="PeekingSimulation"/> run, and the plan used.</summary>
/// <param name="Outcomes">One outcome per <see cref="PeekingPolicy"/>, in enum order.</param>
/// <param name="PlanBoundaries">The O'Brien–Fleming-type plan's ±z boundary per look.</param>
/// <param name="TuningUnits">N* used by the always-valid policy.</param>
public sealed record PeekingSimulationResult(IReadOnlyList<PolicyOutcome> Outcomes, IReadOnlyList<double> PlanBoundaries, double TuningUnits)
{
    /// <summary>The outcome of one policy.</summary>
    public PolicyOutcome this[PeekingPolicy policy] => Outcomes.Single(o => o.Policy == policy);
}
