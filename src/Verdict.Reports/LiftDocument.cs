using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>Absolute and relative lift with diagnostics.</summary>
public sealed record LiftDocument(EstimateDocument Absolute, EstimateDocument Relative, IReadOnlyList<string> Diagnostics)
{
    /// <summary>The document of a lift.</summary>
    public static LiftDocument From(Lift lift) => new(EstimateDocument.From(lift.Absolute), EstimateDocument.From(lift.Relative), lift.Diagnostics.Select(d => d.ToString()).ToList());
}
