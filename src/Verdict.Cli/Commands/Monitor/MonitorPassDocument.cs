using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;

namespace Verdict.Cli.Commands.Monitor;

/// <summary>The JSON of one <c>verdict monitor</c> pass (docs/cli.md): the windows judged, the decisions fired, the streaks now.</summary>
internal sealed record MonitorPassDocument(
    string Experiment,
    int Version,
    DateTimeOffset? Origin,
    DateTimeOffset? AsOf,
    IReadOnlyList<MonitorWindowDocument> Windows,
    IReadOnlyList<MonitorDecision> Decisions,
    IReadOnlyList<MonitorStreakDocument> Streaks);

/// <summary>One judged window and the streak after it.</summary>
internal sealed record MonitorWindowDocument(WindowEvaluation Window, int Streak);

/// <summary>One guardrail and arm's streak against its registered length.</summary>
internal sealed record MonitorStreakDocument(string Metric, string Arm, int Streak, int Consecutive, MonitorAction Action);
