namespace Verdict.Experiments.Interleaving;

/// <summary>Which standard error of the preference share an interleaving brief's verdict reads.</summary>
public enum InterleavingVariance
{
    /// <summary>Clustered by the unit the events carry (a user issues many queries): the default.</summary>
    Clustered,

    /// <summary>Every query an independent trial: Wilson interval and the exact binomial test.</summary>
    PerQuery,
}
