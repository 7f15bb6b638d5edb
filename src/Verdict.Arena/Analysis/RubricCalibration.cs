namespace Verdict.Arena.Analysis;

/// <summary>
/// The rubric judge against human scores (golden-set labels named <c>VARIANT.AXIS</c>, such as
/// <c>"B.policy_citation": 5</c>): exact and within-one agreement, and Cohen's κ on the 1–5 scores as categories.
/// </summary>
/// <param name="Labels">(case, variant, axis) triples with both a human and a judge score.</param>
/// <param name="ExactAgreement">Share where the scores are equal.</param>
/// <param name="WithinOneAgreement">Share where they differ by at most one point.</param>
/// <param name="Kappa">Unweighted Cohen's κ.</param>
/// <param name="KappaCiLow">Lower end of κ's asymptotic interval.</param>
/// <param name="KappaCiHigh">Upper end of κ's asymptotic interval.</param>
/// <param name="MeanJudgeMinusHuman">Mean of judge − human: a judge that grades leniently is positive.</param>
public sealed record RubricCalibration(
    int Labels,
    double ExactAgreement,
    double WithinOneAgreement,
    double Kappa,
    double KappaCiLow,
    double KappaCiHigh,
    double MeanJudgeMinusHuman);
