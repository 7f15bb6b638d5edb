namespace Verdict.Statistics.Interleaving;

/// <summary>Which ranker one interleaved query preferred: more clicks credited to A, to B, or as many (a tie).</summary>
public enum QueryOutcome
{
    /// <summary>Ranker A earned more clicks.</summary>
    A,

    /// <summary>Ranker B earned more clicks.</summary>
    B,

    /// <summary>As many clicks each, including none.</summary>
    Tie,
}
