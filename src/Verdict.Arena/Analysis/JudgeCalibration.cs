namespace Verdict.Arena.Analysis;

/// <summary>The judge measured against human labels, as an instrument.</summary>
/// <param name="LabelledCases">Cases with both a human pairwise label and a judge outcome.</param>
/// <param name="Agreement">Share of those where judge and human agree.</param>
/// <param name="Kappa">Cohen's κ.</param>
/// <param name="KappaCiLow">Lower end of κ's asymptotic interval.</param>
/// <param name="KappaCiHigh">Upper end of κ's asymptotic interval.</param>
/// <param name="PositionInconsistencyRate">Share of duels where the two orders disagreed.</param>
/// <param name="LengthBias">Length-bias check.</param>
/// <param name="MinimumAgreement">The gate's policy, if any.</param>
/// <param name="Trusted">True when agreement meets the policy (or no policy is set and labels exist).</param>
/// <param name="Decision">"judge trusted", "recalibrate judge" or "no human labels".</param>
public sealed record JudgeCalibration(
    int LabelledCases,
    double Agreement,
    double Kappa,
    double KappaCiLow,
    double KappaCiHigh,
    double PositionInconsistencyRate,
    LengthBias LengthBias,
    double? MinimumAgreement,
    bool Trusted,
    string Decision);
