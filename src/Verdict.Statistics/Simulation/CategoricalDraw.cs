namespace Verdict.Statistics.Simulation;

/// <summary>One draw from a categorical distribution by inversion of its cumulative weights, for seeded simulations.</summary>
public static class CategoricalDraw
{
    /// <summary>
    /// The index i with Σ_{j&lt;i} w ≤ u &lt; Σ_{j≤i} w for a uniform <paramref name="u"/> in [0, 1); the last index absorbs
    /// the rounding of weights that sum to 1.
    /// </summary>
    public static int Index(IReadOnlyList<double> weights, double u)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count - 1; i++)
        {
            cumulative += weights[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
