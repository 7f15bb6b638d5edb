using Verdict.Experiments.Simulation;

namespace Verdict.Cli.Commands.Demo;

/// <summary>One of the demo's stories: seed 000's clean launch or one of the seeds' failure cases, and what it should end in.</summary>
internal sealed record DemoScenario(string Name, SupportBotFailures Failures, string? MinimumShipLift, string Expected, string Story)
{
    /// <summary>The scenarios by name, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new("none", SupportBotFailures.None, null, "SHIP", "seed 000's launch gate: +4 points of resolution, guardrails inside their budgets"),
        new("latency", SupportBotFailures.LatencyRegression, null, "ROLL BACK", "treatment p95 latency rises by about 310 ms, beyond the 150 ms budget"),
        new("srm", SupportBotFailures.Srm, null, "INVALID", "an assignment bug loses 15% of treatment exposures: the sample ratio fails"),
        new("threshold", SupportBotFailures.None, "5.0pp", "HOLD", "the same +4 points, but the team registered a 5-point minimum ship lift"),
        new("simpson", SupportBotFailures.Simpson, null, "Simpson's paradox warning", "biased logging gives the arms opposite device mixes: every device favours control, the pooled rate favours treatment"),
        new("novelty", SupportBotFailures.Novelty, null, "novelty warning", "a lift three times the steady effect on day one that halves every two days"),
    ];

    /// <summary>The scenario called <paramref name="name"/>.</summary>
    public static DemoScenario Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"--scenario: unknown scenario \"{name}\"; expected {string.Join(", ", All.Select(s => s.Name))}");
}
