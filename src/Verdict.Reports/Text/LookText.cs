using System.Globalization;
using Verdict.Experiments.Analysis.Monitoring;

namespace Verdict.Reports.Text;

/// <summary>The words of a registered sequential look the monitor took: its verdict's reasons and the audit log's one sentence.</summary>
public static class LookText
{
    /// <summary>The reasons of the analysis's verdict at the look, in order (<c>reasons</c> in the audit evidence).</summary>
    public static IReadOnlyList<string> Reasons(LookRecord look)
    {
        ArgumentNullException.ThrowIfNull(look);
        return DecisionText.Reasons(look.DecisionReasons);
    }

    /// <summary>One sentence for the audit log's reason (<c>summary</c> in the audit evidence).</summary>
    public static string Summary(LookRecord look)
    {
        ArgumentNullException.ThrowIfNull(look);
        var fractions = string.Join(", ", look.Registered.Select(l => l.ToString("0.##", CultureInfo.InvariantCulture)));
        return look.Look is null
            ? string.Create(CultureInfo.InvariantCulture, $"registered look at {fractions} reached (information {look.InformationFraction:0.###}), {look.Arm}: no estimate; verdict {look.Decision}: {string.Join("; ", Reasons(look))}")
            : string.Create(CultureInfo.InvariantCulture, $"look {look.Look} (registered at {fractions}) at information {look.InformationFraction:0.###}, {look.Arm}: {look.Metric} lift {MetricFormat.Delta(look.Lift, look.Unit)}, z {look.Z:0.00} against ±{look.EfficacyBoundary:0.00}: {look.Action}; verdict {look.Decision}");
    }
}
