using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads a guardrail's <c>monitor</c> block (docs/brief.md, "Guardrails"; docs/monitor.md).</summary>
internal static class MonitorReader
{
    public static readonly string[] Fields = ["window", "threshold", "min_sample_per_arm", "consecutive", "action", "alpha"];

    /// <summary>Reads the block of guardrail <paramref name="guardrail"/>; null when it has none or it has errors.</summary>
    public static GuardrailMonitor? Read(YamlFields guardrail, MetricUnit? unit, Quantity? budget)
    {
        var f = guardrail.Mapping("monitor", Fields);
        if (f is null)
        {
            return null;
        }

        var window = f.Duration("window", required: true);
        if (window is { } w && w < TimeSpan.FromMinutes(1))
        {
            f.Error("window", $"a window must last at least 1m, got \"{f.String("window")}\"");
        }

        var stable = f.Get("threshold") is YamlDotNet.RepresentationModel.YamlMappingNode ? StableThresholdReader.Read(f) : null;
        var threshold = stable is null && f.Get("threshold") is not YamlDotNet.RepresentationModel.YamlMappingNode ? ChangeReader.Read(f, "threshold", unit) : null;
        if (threshold is { Value: < 0 })
        {
            f.Error("threshold", $"a threshold is a harm and cannot be negative, got \"{f.String("threshold")}\"");
        }
        else if (threshold is null && budget is null && !f.Has("threshold"))
        {
            f.Error("threshold", "required field is missing (the guardrail has no budget to fall back on)");
        }

        var minimum = f.Integer("min_sample_per_arm");
        if (minimum is < 2)
        {
            f.Error("min_sample_per_arm", $"must be a whole number of at least 2 (a window test needs a variance), got {minimum}");
        }

        var consecutive = f.Integer("consecutive");
        if (consecutive is < 1 or > 1000)
        {
            f.Error("consecutive", $"must be a whole number from 1 to 1000, got {consecutive}");
        }

        var alpha = f.Number("alpha");
        if (alpha is not null and not (> 0 and < 0.5))
        {
            f.Error("alpha", $"must lie strictly between 0 and 0.5 (a one-sided level), got {alpha}");
        }

        var action = f.Choice("action", Vocabulary.MonitorActions, required: true);
        if (f.Context.HasErrors || window is null || action is null)
        {
            return null;
        }

        return new GuardrailMonitor(window.Value, threshold, minimum ?? GuardrailMonitor.DefaultMinSamplePerArm, (int)(consecutive ?? 1), action.Value, alpha) { StableThreshold = stable };
    }
}
