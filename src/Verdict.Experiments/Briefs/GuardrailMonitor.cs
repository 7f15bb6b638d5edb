using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Briefs;

/// <summary>
/// The live monitor's plan for one aggregate guardrail (brief <c>guardrails[i].monitor</c>, docs/monitor.md): the window
/// length, the threshold (absolute in the metric's unit, or relative to control), the smallest sample per arm that makes
/// a window count, how many consecutive breached windows fire the action, the action, and the one-sided alpha of the
/// window test.
/// </summary>
/// <param name="Window">The length of one window; windows are laid end to end from the version's start.</param>
/// <param name="Threshold">The harm a window must credibly exceed; null means the guardrail's own budget (or <see cref="StableThreshold"/> when set).</param>
/// <param name="MinSamplePerArm">Units per arm a window needs before it is judged.</param>
/// <param name="Consecutive">Breached windows in a row that fire <paramref name="Action"/>.</param>
/// <param name="Action">What fires at the streak.</param>
/// <param name="Alpha">The one-sided level of the window test; null means <see cref="DefaultAlpha"/>.</param>
public sealed record GuardrailMonitor(TimeSpan Window, Quantity? Threshold, long MinSamplePerArm, int Consecutive, MonitorAction Action, double? Alpha)
{
    /// <summary>The window test's one-sided level when the brief gives none.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The units per arm a window needs when the brief gives none.</summary>
    public const long DefaultMinSamplePerArm = 100;

    /// <summary>The threshold derived from control's stable period, when the brief registers one (then <see cref="Threshold"/> is null).</summary>
    public ControlStableThreshold? StableThreshold { get; init; }
}
