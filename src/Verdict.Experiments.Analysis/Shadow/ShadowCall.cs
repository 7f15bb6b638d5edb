namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>
/// One <c>shadow_call</c> event as the IChatClient middleware logs it (docs/sdk.md, "Shadow mode"): the pair it belongs
/// to, the arm, its latency, whether it was the arm's first call in its process (cold), cost, error and the answer kept.
/// </summary>
/// <param name="Pair">The shadow pair id shared by the control call and its treatment calls.</param>
/// <param name="Arm">The arm whose receipt the call ran with.</param>
/// <param name="UnitId">The unit (conversation) of the call.</param>
/// <param name="At">When the call ended.</param>
/// <param name="LatencyMs">The call's latency in milliseconds.</param>
/// <param name="Cold">True for the arm's first call in its process (a cold start).</param>
/// <param name="CostUsd">The call's cost, when priced.</param>
/// <param name="Error">The error's type name, or null when the call succeeded.</param>
/// <param name="Output">The answer kept for judging (empty on error).</param>
public sealed record ShadowCall(string Pair, string Arm, string UnitId, DateTimeOffset At, double LatencyMs, bool Cold, double? CostUsd, string? Error, string? Output);
