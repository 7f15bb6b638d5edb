namespace Verdict.Statistics.Bandits;

/// <summary>How a Thompson-sampling bandit turns posteriors into traffic weights. Validated by <see cref="Validate"/>.</summary>
public sealed class ThompsonOptions
{
    /// <summary>Quadrature (default) or seeded Monte Carlo.</summary>
    public WeightMethod Method { get; init; } = WeightMethod.Quadrature;

    /// <summary>Monte Carlo draws (default 10 000).</summary>
    public int Draws { get; init; } = 10_000;

    /// <summary>Monte Carlo seed (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Top-two Thompson sampling (Russo 2020) instead of plain Thompson sampling (default false).</summary>
    public bool TopTwo { get; init; }

    /// <summary>Top-two's chance β of playing the leader rather than the challenger (default 0.5).</summary>
    public double TopTwoLeaderProbability { get; init; } = 0.5;

    /// <summary>Every arm keeps at least this weight (default 0.01); k · floor must not exceed 1.</summary>
    public double MinimumWeight { get; init; } = 0.01;

    /// <summary>No update until every arm has this many rewards (default 100).</summary>
    public long MinimumSamplePerArm { get; init; } = 100;

    /// <summary>Throws on an option outside its range; <paramref name="arms"/> is the number of arms.</summary>
    public void Validate(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Draws, 1, nameof(Draws));
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumSamplePerArm, nameof(MinimumSamplePerArm));
        if (!(TopTwoLeaderProbability > 0 && TopTwoLeaderProbability < 1))
        {
#pragma warning disable CA2208 // Names the option at fault, as the other checks of Validate do.
            throw new ArgumentOutOfRangeException(nameof(TopTwoLeaderProbability), TopTwoLeaderProbability, "must lie strictly between 0 and 1");
#pragma warning restore CA2208
        }

        if (!(MinimumWeight >= 0 && MinimumWeight * arms <= 1))
        {
#pragma warning disable CA2208 // Names the option at fault.
            throw new ArgumentOutOfRangeException(nameof(MinimumWeight), MinimumWeight, $"must lie in [0, 1/{arms}] for {arms} arms");
#pragma warning restore CA2208
        }
    }
}
