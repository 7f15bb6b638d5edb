using Verdict.Statistics.Inference;

namespace Verdict.Statistics.OffPolicy;

/// <summary>One estimator's value of the candidate policy, and its difference from the logging policy's value.</summary>
/// <param name="Estimator">Which estimator.</param>
/// <param name="Value">The candidate's estimated value with its influence-function (sandwich) interval.</param>
/// <param name="VersusLogged">Candidate value minus the logged policy's value, with its influence-function interval.</param>
/// <param name="BootstrapLow">Lower end of the percentile bootstrap interval of the value (NaN without a bootstrap).</param>
/// <param name="BootstrapHigh">Upper end of the percentile bootstrap interval of the value.</param>
public sealed record OffPolicyEstimate(OffPolicyEstimator Estimator, Estimate Value, Estimate VersusLogged, double BootstrapLow, double BootstrapHigh);
