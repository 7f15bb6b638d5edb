using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Inference;

/// <summary>
/// Treatment-versus-control comparison of one metric: the absolute lift (treatment − control) and the relative lift
/// ((treatment − control) / |control|), each with its own interval and p-value, and any diagnostics.
/// </summary>
public readonly record struct Lift(
    double ControlMean,
    double TreatmentMean,
    Estimate Absolute,
    Estimate Relative,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the data allowed an absolute estimate.</summary>
    public bool IsAvailable => Absolute.IsAvailable;
}
