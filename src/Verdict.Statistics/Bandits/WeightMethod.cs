namespace Verdict.Statistics.Bandits;

/// <summary>How the posterior probabilities behind bandit weights are computed.</summary>
public enum WeightMethod
{
    /// <summary>Composite Gauss–Legendre quadrature: deterministic, accurate to about 1e-9.</summary>
    Quadrature,

    /// <summary>Seeded Monte Carlo draws: error about √(p(1 − p)/draws), reproducible from the seed.</summary>
    MonteCarlo,
}
