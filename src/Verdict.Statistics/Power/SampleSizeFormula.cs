namespace Verdict.Statistics.Power;

/// <summary>The sample-size formula for a binary metric.</summary>
public enum SampleSizeFormula
{
    /// <summary>Seed 000: n = 2p(1−p)(z₁₋α/₂ + z_power)²/δ² per arm, with the baseline variance in both arms.</summary>
    Simple,

    /// <summary>Seed 001: pooled variance under H0, unpooled variances under H1 (Fleiss, Levin and Paik 2003, eq. 4.14).</summary>
    Pooled,
}
