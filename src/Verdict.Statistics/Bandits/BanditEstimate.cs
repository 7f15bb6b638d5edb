using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// What a bandit's data can honestly say about each arm. <see cref="Naive"/> pools every period (biased when the
/// weights move with time-varying rewards: Simpson's paradox across periods, and the adaptive-sampling bias of
/// Nie et al. 2018); <see cref="Stratified"/> weights each period by its share of units; <see cref="InverseProbability"/>
/// is the Horvitz–Thompson mean with the logged propensities. <see cref="Lift"/> is treatment − control, stratified.
/// </summary>
public sealed record BanditEstimate(
    IReadOnlyList<double> Naive,
    IReadOnlyList<double> Stratified,
    IReadOnlyList<double> InverseProbability,
    Estimate Lift,
    int PeriodsUsed,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Each arm's inverse-propensity mean with its sandwich standard error and normal interval (test of 0).</summary>
    public IReadOnlyList<Estimate> InverseProbabilityIntervals { get; init; } = [];

    /// <summary>The inverse-propensity lift, treatment − control, with its sandwich standard error, interval and test.</summary>
    public Estimate InverseProbabilityLift { get; init; } = Estimate.Missing;
}
