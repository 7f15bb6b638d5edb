namespace Verdict.Statistics.Paired;

/// <summary>Turns two aligned score lists into per-case differences (treatment − control).</summary>
public static class PairedDifferences
{
    /// <summary>treatment[i] − control[i]; the lists must have the same length.</summary>
    public static double[] Of(IReadOnlyList<double> control, IReadOnlyList<double> treatment)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Count != treatment.Count)
        {
            throw new ArgumentException($"paired lists must have the same length ({control.Count} vs {treatment.Count})", nameof(treatment));
        }

        var differences = new double[control.Count];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = treatment[i] - control[i];
        }

        return differences;
    }
}
