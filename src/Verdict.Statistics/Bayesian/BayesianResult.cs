namespace Verdict.Statistics.Bayesian;

/// <summary>
/// A Bayesian comparison: the posterior of the lift (treatment − control) summarized by its mean, standard deviation
/// and equal-tailed credible interval, the chance that treatment beats control, and the expected loss of choosing
/// each arm (the lift forgone if that choice is wrong).
/// </summary>
public sealed record BayesianResult(
    double ControlPosteriorMean,
    double TreatmentPosteriorMean,
    double LiftMean,
    double LiftStandardDeviation,
    double CredibleLow,
    double CredibleHigh,
    double ChanceToBeatControl,
    double ExpectedLossTreatment,
    double ExpectedLossControl);
