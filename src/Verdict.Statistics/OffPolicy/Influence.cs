using Verdict.Statistics.Inference;

namespace Verdict.Statistics.OffPolicy;

/// <summary>A Wald estimate from a value and its influence function: SE² = Σφᵢ²/(n(n − 1)), the sample variance of φ over n.</summary>
internal static class Influence
{
    public static Estimate Of(double value, double[] influence, double alpha)
    {
        var n = influence.Length;
        var squares = 0.0;
        foreach (var phi in influence)
        {
            squares += phi * phi;
        }

        return Estimate.FromStatistic(value, Math.Sqrt(squares / ((double)n * (n - 1))), alpha);
    }
}
