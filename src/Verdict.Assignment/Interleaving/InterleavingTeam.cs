namespace Verdict.Assignment.Interleaving;

/// <summary>The ranker an interleaved item was taken from: A (control) or B (the candidate).</summary>
public enum InterleavingTeam
{
    /// <summary>Ranker A, the control.</summary>
    A,

    /// <summary>Ranker B, the candidate.</summary>
    B,
}
