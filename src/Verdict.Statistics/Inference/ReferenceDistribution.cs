using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Inference;

/// <summary>The standard normal or a Student t: the reference distribution of a test statistic.</summary>
internal readonly struct ReferenceDistribution
{
    private readonly double degreesOfFreedom;

    private ReferenceDistribution(double degreesOfFreedom) => this.degreesOfFreedom = degreesOfFreedom;

    public static ReferenceDistribution For(double? degreesOfFreedom) =>
        new(degreesOfFreedom is { } df && double.IsFinite(df) ? df : double.PositiveInfinity);

    public bool IsNormal => double.IsPositiveInfinity(degreesOfFreedom);

    /// <summary>P(X &gt; x), computed without cancellation in the far tail.</summary>
    public double UpperTail(double x) =>
        IsNormal ? Normal.CDF(0, 1, -x) : StudentT.CDF(0, 1, degreesOfFreedom, -x);

    public double Quantile(double probability) =>
        IsNormal ? Normal.InvCDF(0, 1, probability) : StudentTQuantile.Of(degreesOfFreedom, probability);
}
