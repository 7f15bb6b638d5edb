using System.Globalization;
using Verdict.Experiments.Analysis.Monitoring;

namespace Verdict.Reports.Text;

/// <summary>The words of a registered sequential look the monitor took (its reasons and the audit log's one sentence).</summary>
public static class LookText
{
    /// <summary><paramref name="look"/> with its <see cref="LookRecord.Reasons"/> and <see cref="LookRecord.Summary"/> worded, as the audit log stores it.</summary>
    public static LookRecord Worded(LookRecord look)
    {
        ArgumentNullException.ThrowIfNull(look);
        var reasons = DecisionText.Reasons(look.DecisionReasons);
        var fractions = string.Join(", ", look.Registered.Select(l => l.ToString("0.##", CultureInfo.InvariantCulture)));
        var summary = look.Look is null
            ? string.Create(CultureInfo.InvariantCulture, $"registered look at {fractions} reached (information {look.InformationFraction:0.###}), {look.Arm}: no estimate; verdict {look.Decision}: {string.Join("; ", reasons)}")
            : string.Create(CultureInfo.InvariantCulture, $"look {look.Look} (registered at {fractions}) at information {look.InformationFraction:0.###}, {look.Arm}: {look.Metric} lift {MetricFormat.Delta(look.Lift, look.Unit)}, z {look.Z:0.00} against ±{look.EfficacyBoundary:0.00}: {look.Action}; verdict {look.Decision}");
        return look with { Reasons = reasons, Summary = summary };
    }
}
