using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Monitoring;

/// <summary>One arm of a window-rule case: units with a mean and sd (a mean metric) or with successes (a proportion).</summary>
public sealed record WindowArm(long N, double? Mean = null, double? Sd = null, long? Successes = null);

/// <summary>One case of tests/reference/monitor/window_rule.json (scipy Welch, statsmodels Wald).</summary>
public sealed record WindowRuleCase(
    string Name, string Type, WindowArm Control, WindowArm Treatment, string Harmful, double Threshold, double Alpha, double Difference, double PValue, bool Breach);

/// <summary>One case of tests/reference/monitor/stable_threshold.json (numpy).</summary>
public sealed record StableThresholdCase(string Name, IReadOnlyList<double> Values, double? K, double? Quantile, string Harmful, double Threshold);

/// <summary>The monitor's reference files (tests/reference/monitor/, written by the generator scripts beside them), read into typed cases.</summary>
internal static class MonitorReference
{
    public static IReadOnlyList<WindowRuleCase> WindowRule { get; } = Read<WindowRuleCase>("window_rule.json");

    public static IReadOnlyList<StableThresholdCase> StableThreshold { get; } = Read<StableThresholdCase>("stable_threshold.json");

    private static IReadOnlyList<T> Read<T>(string file) => ReferenceJson.Cases<T>(AppContext.BaseDirectory, "Reference", file);
}
