namespace Verdict.Experiments.Simulation.Interleaving;

/// <summary>
/// A seeded click model for comparing interleaving with an A/B test on click-through (docs/interleaving.md,
/// "Sensitivity"). Each query has <see cref="Documents"/> candidates with graded relevance; each ranker sorts them
/// by relevance plus its own Gaussian noise (B is better when its noise is smaller); a user scans the list from the
/// top (cascade model, Craswell et al. 2008), clicks an item with a probability that grows with its grade, stops after
/// a click with probability <see cref="StopAfterClick"/> and abandons after each unclicked item with probability
/// <see cref="Abandon"/>.
/// </summary>
public sealed class InterleavingSimulationOptions
{
    /// <summary>Simulated queries per block. Default 20 000.</summary>
    public int QueriesPerBlock { get; init; } = 20_000;

    /// <summary>Blocks (for the jackknife interval of the ratio). Default 20.</summary>
    public int Blocks { get; init; } = 20;

    /// <summary>Candidate documents per query. Default 30.</summary>
    public int Documents { get; init; } = 30;

    /// <summary>Results shown. Default 10.</summary>
    public int ListLength { get; init; } = 10;

    /// <summary>Ranker A's score noise (standard deviation in relevance grades). Default 1.0.</summary>
    public double NoiseA { get; init; } = 1.0;

    /// <summary>Ranker B's score noise. Default 0.9 (B ranks slightly better).</summary>
    public double NoiseB { get; init; } = 0.9;

    /// <summary>Click probability for relevance grades 0, 1, 2, 3. Default 0.02, 0.08, 0.25, 0.5.</summary>
    public IReadOnlyList<double> ClickProbability { get; init; } = [0.02, 0.08, 0.25, 0.5];

    /// <summary>Probability of each grade 0, 1, 2, 3 among candidates. Default 0.55, 0.25, 0.12, 0.08.</summary>
    public IReadOnlyList<double> GradeProbability { get; init; } = [0.55, 0.25, 0.12, 0.08];

    /// <summary>Chance the user stops after a click. Default 0.6.</summary>
    public double StopAfterClick { get; init; } = 0.6;

    /// <summary>Chance the user abandons after an item they did not click. Default 0.2.</summary>
    public double Abandon { get; init; } = 0.2;

    /// <summary>Team draft (default) or balanced interleaving.</summary>
    public Verdict.Assignment.Interleaving.InterleavingMethod Method { get; init; } = Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft;

    /// <summary>Significance level for the queries-needed figures. Default 0.05 (two-sided).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Power for the queries-needed figures. Default 0.8.</summary>
    public double Power { get; init; } = 0.8;

    /// <summary>Seed; query q draws from its own generator seeded from (seed, q). Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Throws on an option outside its range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueriesPerBlock, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(Blocks, 2);
        if ((long)QueriesPerBlock * Blocks > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(QueriesPerBlock), "at most 10 000 000 queries in all");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ListLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ListLength, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(Documents, ListLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Documents, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseA);
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseB);
        if (ClickProbability.Count != 4 || GradeProbability.Count != 4)
        {
            throw new ArgumentException("Click and grade probabilities need one value per grade 0–3.", nameof(ClickProbability));
        }

        if (ClickProbability.Concat(GradeProbability).Append(StopAfterClick).Append(Abandon).Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(ClickProbability), "every probability must lie in [0, 1]");
        }

        if (Math.Abs(GradeProbability.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("Grade probabilities must sum to 1.", nameof(GradeProbability));
        }

        if (!(Alpha > 0 && Alpha < 1) || !(Power > 0 && Power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), "alpha and power must lie strictly between 0 and 1");
        }
    }
}
