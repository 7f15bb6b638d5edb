namespace Verdict.Assignment.Interleaving;

/// <summary>How two rankings are merged.</summary>
public enum InterleavingMethod
{
    /// <summary>Team draft (Radlinski et al. 2008): clicks credit the team that contributed the item.</summary>
    TeamDraft,

    /// <summary>Balanced (Joachims 2002): clicks credit by rank in each original list.</summary>
    Balanced,
}
