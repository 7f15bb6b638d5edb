namespace Verdict.Server.Ladder;

/// <summary>One stage in <see cref="LadderView"/>: its plan and where the version is relative to it (<c>done</c>, <c>current</c>, <c>ahead</c>).</summary>
public sealed record LadderStageView(string Name, string Kind, double Exposure, string Position, string? MinDuration, long? MinSamplePerArm, IReadOnlyList<string> Guardrails);
