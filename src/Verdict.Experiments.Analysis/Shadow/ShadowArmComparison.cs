namespace Verdict.Experiments.Analysis.Shadow;

/// <summary>One treatment's shadow calls against control's, pair by pair (docs/cli.md, "verdict shadow report").</summary>
public sealed record ShadowArmComparison
{
    /// <summary>The treatment arm.</summary>
    public required string Arm { get; init; }

    /// <summary>Pairs with both a control call and this treatment's call.</summary>
    public long Pairs { get; init; }

    /// <summary>Control calls whose treatment call is missing (skipped at the concurrency limit, or still running).</summary>
    public long Unpaired { get; init; }

    /// <summary>Pairs where both calls were warm.</summary>
    public required ShadowLatency WarmLatency { get; init; }

    /// <summary>Pairs where either call was a cold start; kept apart, since a cold start is not the change's latency (seed 001).</summary>
    public required ShadowLatency ColdLatency { get; init; }

    /// <summary>Cost per call.</summary>
    public required ShadowCost Cost { get; init; }

    /// <summary>Error rates.</summary>
    public required ShadowErrors Errors { get; init; }

    /// <summary>The judge's preference, or null when no judge was given.</summary>
    public ShadowPreference? Preference { get; init; }
}
