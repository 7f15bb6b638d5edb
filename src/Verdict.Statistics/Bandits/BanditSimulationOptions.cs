namespace Verdict.Statistics.Bandits;

/// <summary>
/// A seeded bandit study (docs/bandits.md, "Simulation"). Defaults follow seed 001: two arms with true success rates
/// 0.55 and 0.62 and 500 pulls; the batched study recomputes Thompson weights every <see cref="BatchSize"/> pulls.
/// </summary>
public sealed class BanditSimulationOptions
{
    /// <summary>True success rate of each arm at the start. Default [0.55, 0.62] (seed 001).</summary>
    public IReadOnlyList<double> TrueRates { get; init; } = [0.55, 0.62];

    /// <summary>Pulls (units) per run. Default 500 (seed 001).</summary>
    public int Pulls { get; init; } = 500;

    /// <summary>Simulated runs. Default 1 000.</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>Units between weight updates in the batched study (one period). Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// A rise shared by every arm's rate, linear from 0 in the first period to this in the last (weekday, novelty,
    /// seasonality), so the true lift is constant but the base moves. Default 0.10; 0 is a stationary world.
    /// </summary>
    public double Drift { get; init; } = 0.10;

    /// <summary>
    /// How the batched study computes weights. Default: quadrature, floor 0.10, minimum 20 rewards per arm. The floor
    /// keeps about ten units of each arm in every period, so no period drops out of the stratified estimate.
    /// </summary>
    public ThompsonOptions Thompson { get; init; } = new() { MinimumSamplePerArm = 20, MinimumWeight = 0.10 };

    /// <summary>Two-sided level of the stratified lift's interval, whose coverage the study reports. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Seed; run i draws from its own generator seeded from (seed, i). Default 7 (seed 001's <c>random.Random(7)</c>).</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Worker threads; default null means one per processor. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Periods in the batched study: ⌈pulls / batch⌉.</summary>
    public int Periods => (Pulls + BatchSize - 1) / BatchSize;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TrueRates);
        ArgumentNullException.ThrowIfNull(Thompson);
        if (TrueRates.Count < 2)
        {
            throw new ArgumentException($"A bandit needs at least two arms, got {TrueRates.Count}.", nameof(TrueRates));
        }

        foreach (var rate in TrueRates)
        {
            Guard.Probability(rate, nameof(TrueRates));
            if (!(rate + Drift is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Drift), Drift, $"rate {rate} plus drift must stay in [0, 1]");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Pulls, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Pulls, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Runs, 100_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Periods, 1000, nameof(BatchSize));
        Guard.Alpha(Alpha);
        Thompson.Validate(TrueRates.Count);
        if (MaxDegreeOfParallelism is { } workers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        }
    }
}
