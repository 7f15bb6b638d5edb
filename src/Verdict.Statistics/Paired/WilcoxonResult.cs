using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>A Wilcoxon signed-rank test.</summary>
/// <param name="Count">Non-zero differences ranked.</param>
/// <param name="RankSumPositive">Sum of ranks of positive differences (R⁺).</param>
/// <param name="RankSumNegative">Sum of ranks of negative differences (R⁻).</param>
/// <param name="Z">The normal statistic, NaN for the exact method.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">Exact or normal approximation.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record WilcoxonResult(
    int Count,
    double RankSumPositive,
    double RankSumNegative,
    double Z,
    double PValue,
    WilcoxonMethod Method,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>min(R⁺, R⁻), the statistic scipy reports for the two-sided test.</summary>
    public double Statistic => Math.Min(RankSumPositive, RankSumNegative);
}
