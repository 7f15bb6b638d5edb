namespace Verdict.Arena.Evaluation;

/// <summary>Cosine similarity of two embedding vectors: u·v / (‖u‖‖v‖); NaN when either is zero or lengths differ.</summary>
public static class SimilarityScore
{
    /// <summary>The cosine of the angle between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static double Cosine(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length || left.Length == 0)
        {
            return double.NaN;
        }

        double dot = 0, l = 0, r = 0;
        for (var i = 0; i < left.Length; i++)
        {
            dot += (double)left[i] * right[i];
            l += (double)left[i] * left[i];
            r += (double)right[i] * right[i];
        }

        return l == 0 || r == 0 ? double.NaN : dot / Math.Sqrt(l * r);
    }
}
