using Verdict.Statistics.Inference;
using Verdict.Statistics.Power;
using Verdict.Statistics.VarianceReduction;
using Verdict.Testing;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

/// <summary>One case of tests/reference/stats/expected.json: its name, the input and scipy's or statsmodels' expected values.</summary>
public sealed record StatsCase<TInput, TExpected>(string Name, TInput Input, TExpected Expected);

/// <summary>Two proportions' counts and alpha.</summary>
public sealed record ProportionsInput(long ControlSuccesses, long ControlN, long TreatmentSuccesses, long TreatmentN, double Alpha);

/// <summary>The absolute and relative lift blocks of a comparison.</summary>
public sealed record LiftBlocks(EstimateBlock Absolute, EstimateBlock Relative);

/// <summary>One arm as n, mean and sd.</summary>
public sealed record MeanArm(long N, double Mean, double Sd);

/// <summary>One arm as n, Σy and Σy².</summary>
public sealed record SumsArm(long N, double Sum, double Sumsq);

/// <summary>Two means, as (n, mean, sd) and as sums, and alpha.</summary>
public sealed record MeansInput(MeanArm Control, MeanArm Treatment, double Alpha, SumsArm ControlSums, SumsArm TreatmentSums);

/// <summary>One arm of a ratio metric as sums of the numerator, the denominator, their squares and their product.</summary>
public sealed record RatioArm(long N, double SumNum, double SumDen, double SumNum2, double SumDen2, double SumNumDen);

/// <summary>Two ratio arms and alpha.</summary>
public sealed record RatioInput(double Alpha, RatioArm Control, RatioArm Treatment);

/// <summary>One arm's ratio and its delta-method variance.</summary>
public sealed record RatioOfArm(double Ratio, double Variance, double Se);

/// <summary>The expected ratio comparison.</summary>
public sealed record RatioExpected(RatioOfArm Control, RatioOfArm Treatment, EstimateBlock Absolute, EstimateBlock Relative);

/// <summary>One arm of a CUPED case as sums of y, x, their squares and their product.</summary>
public sealed record CovariateArm(long N, double SumY, double SumY2, double SumX, double SumX2, double SumXy);

/// <summary>Two CUPED arms and alpha.</summary>
public sealed record CupedInput(double Alpha, CovariateArm Control, CovariateArm Treatment);

/// <summary>The expected CUPED comparison: θ, the adjusted and unadjusted lifts and the variance reduction.</summary>
public sealed record CupedExpected(double Theta, EstimateBlock Absolute, EstimateBlock Relative, EstimateBlock Unadjusted, double VarianceReduction);

/// <summary>Arm counts and their planned weights.</summary>
public sealed record SrmInput(IReadOnlyList<long> Counts, IReadOnlyList<double> Weights);

/// <summary>scipy's χ² test over the arms with a positive weight.</summary>
public sealed record SrmExpected(double ChiSquare, long Df, double PValue, IReadOnlyList<int> ArmsUsed);

/// <summary>Raw p-values.</summary>
public sealed record AdjustInput(IReadOnlyList<double> PValues);

/// <summary>statsmodels' adjusted p-values by method.</summary>
public sealed record AdjustExpected(IReadOnlyList<double> Bonferroni, IReadOnlyList<double> Holm, IReadOnlyList<double> FdrBh);

/// <summary>Two arms' values and the quantiles to compare.</summary>
public sealed record QuantileInput(double Alpha, IReadOnlyList<double> Quantiles, IReadOnlyList<double> Control, IReadOnlyList<double> Treatment);

/// <summary>One arm's order-statistic quantile: ranks, values and standard error.</summary>
public sealed record QuantileArm(long N, double Q, long RankPoint, long RankLow, long RankHigh, double ValuePoint, double ValueLow, double ValueHigh, double Se);

/// <summary>One quantile's arms and difference.</summary>
public sealed record QuantileResult(double Q, QuantileArm Control, QuantileArm Treatment, EstimateBlock Difference);

/// <summary>The expected quantile results.</summary>
public sealed record QuantileExpected(IReadOnlyList<QuantileResult> Results);

/// <summary>Two binomial arms and a Beta prior.</summary>
public sealed record BayesBinomialInput(long ControlSuccesses, long ControlN, long TreatmentSuccesses, long TreatmentN, double PriorAlpha, double PriorBeta);

/// <summary>A Beta posterior.</summary>
public sealed record BetaPosterior(double Alpha, double Beta, double Mean);

/// <summary>scipy's quadrature of the Beta-Binomial comparison.</summary>
public sealed record BayesBinomialExpected(
    BetaPosterior ControlPosterior, BetaPosterior TreatmentPosterior, double ChanceToBeat, double ExpectedLossTreatment, double ExpectedLossControl,
    double DifferenceMean, double DifferenceSd);

/// <summary>A lift estimate with an optional normal prior.</summary>
public sealed record BayesGaussianInput(double Estimate, double Se, double? PriorMean, double? PriorSd, double Alpha);

/// <summary>scipy's normal posterior of the lift.</summary>
public sealed record BayesGaussianExpected(double PosteriorMean, double PosteriorSd, double ChanceToBeat, double CiLow, double CiHigh, double ExpectedLoss);

/// <summary>A non-inferiority test's input.</summary>
public sealed record NonInferiorityInput(double Estimate, double Se, double Margin, string Direction, double Alpha);

/// <summary>The one-sided z test's bound, p-value and outcome.</summary>
public sealed record NonInferiorityExpected(double Bound, bool Passed, double PValue);

/// <summary>The precision case's input: the number of units.</summary>
public sealed record PrecisionInput(long N);

/// <summary>The precision case's exact mean and sample variance.</summary>
public sealed record PrecisionExpected(double Mean, double VarianceSample);

/// <summary>A sample-size input: a baseline rate or an sd, the MDE, alpha, power, allocation ratio and (CUPED) ρ.</summary>
public sealed record SampleSizeInput(double Mde, double Alpha, double Power, double Ratio, double? BaselineRate = null, double? Sd = null, double? Rho = null);

/// <summary>The expected sample sizes.</summary>
public sealed record SampleSizeExpected(double NControlRaw, long NControl, long NTreatment, long Total);

/// <summary>An MDE or power input: the kind (binary_simple or continuous), the control size and the rest.</summary>
public sealed record DesignInput(string Kind, long NControl, double Alpha, double Ratio, double? Power = null, double? Mde = null, double? BaselineRate = null, double? Sd = null);

/// <summary>The expected MDE.</summary>
public sealed record MdeExpected(double Mde);

/// <summary>The expected power.</summary>
public sealed record PowerExpected(double Power);

/// <summary>The sample_size section: one list of cases per formula.</summary>
public sealed record SampleSizeSections(
    IReadOnlyList<StatsCase<SampleSizeInput, SampleSizeExpected>> Simple,
    IReadOnlyList<StatsCase<SampleSizeInput, SampleSizeExpected>> Pooled,
    IReadOnlyList<StatsCase<SampleSizeInput, SampleSizeExpected>> Continuous,
    IReadOnlyList<StatsCase<DesignInput, MdeExpected>> Mde,
    IReadOnlyList<StatsCase<DesignInput, PowerExpected>> Power,
    IReadOnlyList<StatsCase<SampleSizeInput, SampleSizeExpected>> Cuped);

/// <summary>tests/reference/stats/expected.json, generated by tests/reference/stats/generate.py (scipy, statsmodels), read once.</summary>
public sealed record StatsReference(
    IReadOnlyList<StatsCase<ProportionsInput, LiftBlocks>> Proportions,
    IReadOnlyList<StatsCase<MeansInput, LiftBlocks>> Means,
    IReadOnlyList<StatsCase<RatioInput, RatioExpected>> Ratio,
    IReadOnlyList<StatsCase<CupedInput, CupedExpected>> Cuped,
    IReadOnlyList<StatsCase<SrmInput, SrmExpected>> Srm,
    SampleSizeSections SampleSize,
    IReadOnlyList<StatsCase<AdjustInput, AdjustExpected>> Adjust,
    IReadOnlyList<StatsCase<QuantileInput, QuantileExpected>> Quantile,
    IReadOnlyList<StatsCase<BayesBinomialInput, BayesBinomialExpected>> BayesBinomial,
    IReadOnlyList<StatsCase<BayesGaussianInput, BayesGaussianExpected>> BayesGaussian,
    IReadOnlyList<StatsCase<NonInferiorityInput, NonInferiorityExpected>> Noninferiority,
    IReadOnlyList<StatsCase<PrecisionInput, PrecisionExpected>> Precision)
{
    /// <summary>The file.</summary>
    public static StatsReference Value { get; } = ReferenceJson.Read<StatsReference>("stats", "expected.json");

    /// <summary>The names of a section's cases, for a theory.</summary>
    public static TheoryData<string> Names<TInput, TExpected>(IReadOnlyList<StatsCase<TInput, TExpected>> section) => new(section.Select(c => c.Name));
}
