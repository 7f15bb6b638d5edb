namespace Verdict.Statistics.Bayesian;

/// <summary>A Beta(α, β) prior on a proportion; <see cref="Flat"/> is Beta(1, 1).</summary>
public readonly record struct BetaPrior(double Alpha, double Beta)
{
    /// <summary>The uniform prior Beta(1, 1).</summary>
    public static BetaPrior Flat => new(1, 1);
}
