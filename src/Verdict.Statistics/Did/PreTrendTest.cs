namespace Verdict.Statistics.Did;

/// <summary>The joint Wald F test that every lead is 0 (parallel pre-trends), with cluster-robust covariance.</summary>
/// <param name="Statistic">F = b'V⁻¹b / q.</param>
/// <param name="NumeratorDf">q, the number of leads.</param>
/// <param name="DenominatorDf">G − 1.</param>
/// <param name="PValue">P(F(q, G − 1) &gt; statistic).</param>
/// <param name="Flat">True when the test does not reject at the configured level.</param>
public sealed record PreTrendTest(double Statistic, int NumeratorDf, double DenominatorDf, double PValue, bool Flat);
