using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>The registered action firing: which guardrail and arm, at what streak, on which breached windows.</summary>
public sealed record MonitorDecision(string Metric, string Arm, MonitorAction Action, int Streak, IReadOnlyList<WindowEvaluation> Windows)
{
    /// <summary>One sentence for the audit log.</summary>
    public string Reason =>
        $"guardrail {Metric} ({Arm}) breached {Streak} consecutive window(s) of {DurationText.Format(Windows[^1].End - Windows[^1].Start)} "
        + $"(the registered streak), last [{Windows[^1].Start:O}, {Windows[^1].End:O}): {Windows[^1].Reason}";
}
