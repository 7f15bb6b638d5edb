namespace Verdict.Arena.Analysis;

/// <summary>Paired difference (treatment − control) on one metric over the cases both were scored on.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Count">Paired cases.</param>
/// <param name="MeanDifference">Mean of the per-case differences.</param>
/// <param name="CiLow">Lower end of the paired t interval.</param>
/// <param name="CiHigh">Upper end of the paired t interval.</param>
/// <param name="BootstrapCiLow">Lower end of the seeded paired percentile bootstrap interval.</param>
/// <param name="BootstrapCiHigh">Upper end of the bootstrap interval.</param>
/// <param name="Test">Test behind <paramref name="PValue"/>: wilcoxon, sign or t.</param>
/// <param name="PValue">Two-sided p-value of that test.</param>
/// <param name="PValueT">Paired t p-value.</param>
/// <param name="PValueSign">Exact sign test p-value.</param>
/// <param name="PValueWilcoxon">Wilcoxon signed-rank p-value.</param>
/// <param name="AdjustedPValue">Benjamini–Hochberg adjusted p-value across the metrics of this comparison.</param>
/// <param name="CasesNeeded">Golden-set size a paired t test needs to detect the configured difference with the configured power, given the observed spread of differences (NaN when the spread is zero).</param>
/// <param name="Notes">Diagnostics from the statistics engine.</param>
public sealed record AxisComparison(
    string Metric,
    long Count,
    double MeanDifference,
    double CiLow,
    double CiHigh,
    double BootstrapCiLow,
    double BootstrapCiHigh,
    string Test,
    double PValue,
    double PValueT,
    double PValueSign,
    double PValueWilcoxon,
    double AdjustedPValue,
    double CasesNeeded,
    IReadOnlyList<string> Notes);
