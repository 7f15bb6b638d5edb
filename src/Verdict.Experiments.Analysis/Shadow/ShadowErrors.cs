using Verdict.Statistics.Paired;

namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>
/// Errors over the complete pairs: each side's error rate with a Wilson interval, and the exact sign test on the
/// discordant pairs (McNemar's exact test): positive = the treatment failed where control did not.
/// </summary>
/// <param name="Pairs">Complete pairs.</param>
/// <param name="ControlRate">Control's error rate.</param>
/// <param name="TreatmentRate">Treatment's error rate.</param>
/// <param name="Discordant">The sign test of treatment-only versus control-only errors.</param>
public sealed record ShadowErrors(long Pairs, ProportionInterval ControlRate, ProportionInterval TreatmentRate, SignTestResult Discordant);
