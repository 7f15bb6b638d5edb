using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Interleaving;
using Verdict.Statistics.Interleaving;

namespace Verdict.Experiments.Analysis.Interleaving;

/// <summary>
/// The analysis of an interleaving brief (docs/interleaving.md, "An interleaving brief"): the per-user sums, both
/// analyses of B's preference share, which one the verdict read, the checks in the order they ran, and the verdict.
/// </summary>
/// <param name="Experiment">The brief's key.</param>
/// <param name="Version">The brief's version.</param>
/// <param name="AsOf">The time data was counted up to, when given.</param>
/// <param name="Design">The brief's interleaving block.</param>
/// <param name="TeamA">The control arm's name (team A).</param>
/// <param name="TeamB">The treatment arm's name (team B).</param>
/// <param name="Sums">Per-user outcome sums from the store.</param>
/// <param name="PerQuery">Queries as independent trials: Wilson interval, exact binomial test.</param>
/// <param name="PerUnit">Clustered by unit: cluster-robust standard error, Wald interval and test.</param>
/// <param name="Decision">SHIP, HOLD, ROLL BACK or INVALID.</param>
/// <param name="Reasons">Why, most important first (worded by Verdict.Reports' <c>DecisionText</c>).</param>
/// <param name="Checks">Every check, in order.</param>
public sealed record InterleavingReport(
    string Experiment,
    int Version,
    DateTimeOffset? AsOf,
    InterleavingDesign Design,
    string TeamA,
    string TeamB,
    ClusteredInterleavingTally Sums,
    PreferenceResult PerQuery,
    PreferenceResult PerUnit,
    LaunchDecision Decision,
    IReadOnlyList<StepEvidence> Reasons,
    IReadOnlyList<AnalysisCheck> Checks)
{
    /// <summary>The analysis the verdict reads, chosen by the brief's <c>variance</c>.</summary>
    public PreferenceResult Primary => Design.Variance == InterleavingVariance.Clustered ? PerUnit : PerQuery;

    /// <summary>
    /// Contract 3 (DESIGN.md) for an interleaving brief: unchanged when <paramref name="problem"/> is null; otherwise a
    /// failed "registered plan" check first and the verdict INVALID (as <see cref="RegisteredPlanCheck"/> does).
    /// </summary>
    public InterleavingReport WithPlanProblem(string? problem)
    {
        if (problem is null)
        {
            return this;
        }

        var evidence = new RegisteredPlanEvidence(problem);
        return this with
        {
            Decision = LaunchDecision.Invalid,
            Checks = [RegisteredPlanCheck.Check(evidence), .. Checks],
            Reasons = [evidence, .. Decision == LaunchDecision.Invalid ? Reasons : []],
        };
    }
}
