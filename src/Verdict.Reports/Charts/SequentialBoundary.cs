using Verdict.Experiments.Analysis;
using Verdict.Experiments.Planning;

namespace Verdict.Reports.Charts;

/// <summary>
/// The group-sequential efficacy boundary on the lift scale: at each planned look (information fraction t), the first
/// day whose enrollment reaches t, with the boundary ±z(t)·SE of that day's cumulative estimate.
/// </summary>
public static class SequentialBoundary
{
    /// <summary>One look's boundary.</summary>
    public sealed record Point(DateOnly Day, double InformationFraction, double Z, double Upper);

    /// <summary>The boundary points, empty when the plan has no sequential design or the enrollment has no information fractions.</summary>
    public static IReadOnlyList<Point> Points(ExperimentPlan? plan, IReadOnlyList<CumulativeEffect> cumulative)
    {
        ArgumentNullException.ThrowIfNull(cumulative);
        if (plan?.Sequential is not { } design)
        {
            return [];
        }

        var result = new List<Point>();
        foreach (var look in design.Looks)
        {
            var day = cumulative.FirstOrDefault(c => c.InformationFraction >= look.InformationFraction - 1e-9);
            if (day is not null && double.IsFinite(look.EfficacyZ))
            {
                result.Add(new Point(day.Through, look.InformationFraction, look.EfficacyZ, look.EfficacyZ * day.Lift.Absolute.StandardError));
            }
        }

        return result;
    }
}
