namespace Verdict.Statistics.MultipleTesting;

/// <summary>A multiple-testing correction.</summary>
public enum PValueAdjustmentMethod
{
    /// <summary>No correction.</summary>
    None,

    /// <summary>Bonferroni: m·p, capped at 1 (controls the family-wise error rate).</summary>
    Bonferroni,

    /// <summary>Holm's step-down: controls the family-wise error rate, uniformly more powerful than Bonferroni.</summary>
    Holm,

    /// <summary>Benjamini–Hochberg step-up: controls the false discovery rate under independence or positive dependence.</summary>
    BenjaminiHochberg,
}
