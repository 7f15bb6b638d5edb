using System.Globalization;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Quantities;

namespace Verdict.Reports.Text;

/// <summary>The words of the integrity checks (step 1), from their evidence.</summary>
internal static class IntegrityText
{
    public static string NoExposures(NoExposuresEvidence e)
    {
        var why = e.VersionsInStore switch
        {
            null => string.Empty,
            { Count: 0 } => $"; the experiment key \"{e.Experiment}\" is absent from the store",
            var versions => $"; the store has exposures of \"{e.Experiment}\" version {string.Join(", ", versions)} only",
        };
        return $"nothing to test: no exposures of {e.Experiment} v{e.Version}{why}";
    }

    public static string SampleRatio(SampleRatioEvidence e)
    {
        var split = string.Join(" / ", e.Arms.Select(a => $"{a.Arm} {a.Units:N0}")) + (e.Clusters ? " clusters" : string.Empty);
        return $"{split} against planned {string.Join("/", e.Weights.Select(w => w.ToString("0.##", CultureInfo.InvariantCulture)))}: χ² {Plain(e.ChiSquare)}, p {MetricFormat.PValue(e.PValue)} (alert below {e.Threshold.ToString(CultureInfo.InvariantCulture)})";
    }

    public static string SegmentSampleRatio(SegmentSampleRatioEvidence e) =>
        e.Mismatched.Count > 0
            ? $"the arm mix differs within {string.Join(", ", e.Mismatched.Select(m => $"{m.Value} (p {MetricFormat.PValue(m.PValue)})"))}: segment results are not comparable with the pooled ones"
            : $"{e.Values} values balanced (threshold {e.Threshold.ToString("G3", CultureInfo.InvariantCulture)} each)";

    public static string MultiArmUnits(MultiArmUnitsEvidence e) =>
        $"{e.Units:N0} units saw more than one arm ({e.Share:P2}); excluded from the analysis (tolerance {e.Tolerance:P0})";

    public static string UnknownArms(UnknownArmsEvidence e) => $"{e.Exposures:N0} exposures name an arm the brief does not declare";

    public static string Receipts(ReceiptsEvidence e)
    {
        var problems = new List<string>();
        if (e.Undeclared.Count > 0)
        {
            problems.Add($"the brief's receipts differ beyond the declared change in {string.Join(", ", e.Undeclared)}");
        }

        if (e.Mismatched.Count > 0)
        {
            problems.Add("exposures carry a receipt other than their arm's: " + string.Join(", ", e.Mismatched.Select(m => $"{m.Arm} {m.Exposures:N0}")));
        }

        return problems.Count > 0 ? string.Join("; ", problems) : $"every exposure matches its arm's receipt; only {e.ChangedField} differs";
    }

    public static string BurnIn(BurnInEvidence e) =>
        e.BurnIn > TimeSpan.Zero
            ? $"registered burn-in {DurationText.Format(e.BurnIn)} applied: {e.Units:N0} units first exposed inside it are excluded"
            : "no burn-in registered";

    public static string PlannedSample(PlannedSampleEvidence e) =>
        e.Behind.Count > 0
            ? "fixed-horizon analysis before the planned enrollment: " + string.Join(", ", e.Behind.Select(a => $"{a.Arm} {a.Units:N0} of {a.Needed:N0}"))
            : $"every arm reached its planned {e.Planned:N0} units";

    public static string LookReached(LookReachedEvidence e) => string.Create(CultureInfo.InvariantCulture,
        $"information fraction {e.Fraction:0.###} of the plan's maximum; registered looks at {string.Join(", ", e.Looks.Select(l => l.ToString("0.##", CultureInfo.InvariantCulture)))}{(e.Reached ? string.Empty : ": too early for the first look")}");

    private static string Plain(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.##", CultureInfo.InvariantCulture);
}
