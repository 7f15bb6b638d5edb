using Verdict.Assignment.Interleaving;

namespace Verdict.Experiments.Interleaving;

/// <summary>
/// The brief's <c>interleaving</c> block (docs/interleaving.md, "An interleaving brief"): the experiment interleaves the
/// control arm's ranking (team A) with the treatment's (team B) per query, and <c>verdict analyze</c> reads the
/// preference for B from the impression and click events instead of comparing arms' metrics. Absent from a brief
/// without the block, so such briefs hash exactly as before.
/// </summary>
/// <param name="Method">How the service merges the two rankings (team draft or balanced).</param>
/// <param name="ImpressionEvent">The event logged once per interleaved query (a query without clicks is a tie).</param>
/// <param name="ClickEvent">The event logged per click, carrying the property <c>team</c> (A or B).</param>
/// <param name="Variance">Which error the verdict reads: clustered by the brief's unit, or queries taken as independent.</param>
public sealed record InterleavingDesign(InterleavingMethod Method, string ImpressionEvent, string ClickEvent, InterleavingVariance Variance)
{
    /// <summary>The impression event's default name.</summary>
    public const string DefaultImpressionEvent = "interleaving_impression";

    /// <summary>The click event's default name.</summary>
    public const string DefaultClickEvent = "interleaving_click";

    /// <summary>Below this many units a clustered error is flagged as unreliable (the statistics' own diagnostic).</summary>
    public const int MinimumClusters = 30;
}
