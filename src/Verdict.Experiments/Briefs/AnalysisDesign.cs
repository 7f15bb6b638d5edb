namespace Verdict.Experiments.Briefs;

/// <summary>When the primary metric may be read.</summary>
public enum AnalysisDesign
{
    /// <summary>Once, at the planned sample size.</summary>
    FixedHorizon,

    /// <summary>At planned looks (information fractions) with an alpha-spending function.</summary>
    GroupSequential,

    /// <summary>Continuously, with always-valid p-values and confidence sequences.</summary>
    AlwaysValid,
}
