using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;

namespace Verdict.Server.Monitor;

/// <summary>One guardrail and arm in <see cref="MonitorView"/>: the registered plan, the streak now, the breaches among the kept windows, and the windows.</summary>
public sealed record MonitorTrackView(
    string Metric,
    string Arm,
    string Window,
    string? Threshold,
    long MinSamplePerArm,
    int Consecutive,
    MonitorAction Action,
    double Alpha,
    int Streak,
    int Breaches,
    IReadOnlyList<WindowEvaluation> Windows);
