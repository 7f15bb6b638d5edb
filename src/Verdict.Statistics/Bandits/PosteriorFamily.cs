namespace Verdict.Statistics.Bandits;

/// <summary>The distribution family of one arm's posterior in a bandit.</summary>
public enum PosteriorFamily
{
    /// <summary>Beta(α, β): a Bernoulli reward with a Beta prior.</summary>
    Beta,

    /// <summary>Normal(m, s²): a continuous reward's mean with a normal prior and a plug-in variance.</summary>
    Normal,
}
