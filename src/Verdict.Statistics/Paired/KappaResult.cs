using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>Cohen's κ with its asymptotic standard error and interval.</summary>
/// <param name="Count">Cases labelled by both raters.</param>
/// <param name="Agreement">Observed agreement p_o.</param>
/// <param name="ChanceAgreement">Agreement expected by chance p_e from the margins.</param>
/// <param name="Kappa">(p_o − p_e) / (1 − p_e).</param>
/// <param name="StandardError">Large-sample standard error of κ.</param>
/// <param name="CiLow">Lower end of κ ± z·SE.</param>
/// <param name="CiHigh">Upper end of κ ± z·SE.</param>
/// <param name="StandardErrorNull">Standard error under κ = 0.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record KappaResult(
    long Count,
    double Agreement,
    double ChanceAgreement,
    double Kappa,
    double StandardError,
    double CiLow,
    double CiHigh,
    double StandardErrorNull,
    IReadOnlyList<Diagnostic> Diagnostics);
