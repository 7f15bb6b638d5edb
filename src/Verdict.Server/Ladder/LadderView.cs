using Verdict.Experiments.Analysis.Ladder;

namespace Verdict.Server.Ladder;

/// <summary>
/// The ladder of one experiment version, for <c>GET /api/v1/experiments/{key}/ladder</c> and the dashboard
/// (docs/monitor.md, "The ladder"): every stage with its gate, the current stage, and its gate's status now.
/// </summary>
public sealed record LadderView(string Experiment, int Version, string Status, string Current, double Exposure, IReadOnlyList<LadderStageView> Stages, GateStatus Gate);
