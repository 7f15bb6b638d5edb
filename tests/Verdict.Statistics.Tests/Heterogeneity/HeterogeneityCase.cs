using Verdict.Statistics.Tests.Reference;

namespace Verdict.Statistics.Tests.Heterogeneity;

/// <summary>
/// One case of tests/reference/heterogeneity/heterogeneity.json (statsmodels combine_effects): the slices' effects and
/// standard errors, Cochran's Q with its df and p-value, I² and the pooled effect.
/// </summary>
public sealed record HeterogeneityCase(
    string Name, IReadOnlyList<double> Effects, IReadOnlyList<double> StandardErrors, double Q, int Df, double PValue, double I2, EstimateBlock Pooled);
