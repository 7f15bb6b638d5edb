namespace Verdict.Statistics.Simulation;

/// <summary>
/// The A/A peeking study of seed 000: two arms with the same conversion rate, looked at after every batch.
/// Defaults reproduce the seed's set-up (5 000 trials, 20 looks of 100 units per arm, rate 0.40, seed 11).
/// </summary>
public sealed class PeekingSimulationOptions
{
    /// <summary>Number of simulated experiments. Default 5 000.</summary>
    public int Trials { get; init; } = 5000;

    /// <summary>Looks per experiment, one after each batch. Default 20.</summary>
    public int Looks { get; init; } = 20;

    /// <summary>Units per arm added between looks. Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Conversion rate of both arms. Default 0.40.</summary>
    public double Rate { get; init; } = 0.40;

    /// <summary>Treatment conversion rate, for power studies; default null (an A/A test at <see cref="Rate"/>).</summary>
    public double? TreatmentRate { get; init; }

    /// <summary>Two-sided significance level of every policy. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Seed; trial i draws from its own generator seeded from (seed, i), so results do not depend on scheduling. Default 11.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>N* of the always-valid sequence; default null means the planned total, 2 × looks × batch.</summary>
    public double? TuningUnits { get; init; }

    /// <summary>Worker threads; default null means one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Looks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Looks, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        Guard.Probability(Rate);
        if (TreatmentRate is { } treatment)
        {
            Guard.Probability(treatment);
        }

        Guard.Alpha(Alpha);
        if (TuningUnits is { } n)
        {
            Guard.Positive(n);
        }

        if (MaxDegreeOfParallelism is { } workers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        }
    }
}
