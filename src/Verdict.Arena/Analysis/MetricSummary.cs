namespace Verdict.Arena.Analysis;

/// <summary>One variant's mean on one metric (a rubric axis or similarity) with a Student t interval.</summary>
/// <param name="Metric">Metric name.</param>
/// <param name="Count">Cases scored.</param>
/// <param name="Mean">Mean score.</param>
/// <param name="CiLow">Lower end of the t interval (NaN below two cases).</param>
/// <param name="CiHigh">Upper end of the t interval.</param>
public sealed record MetricSummary(string Metric, long Count, double Mean, double CiLow, double CiHigh);
