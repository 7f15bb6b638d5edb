namespace Verdict.Experiments.Simulation;

/// <summary>
/// Failure modes <see cref="SupportBotSimulator"/> can inject into the support-bot traffic, one flag each, so tests and
/// the demo can show that the analysis catches them (docs/events.md, "Simulated support-bot traffic").
/// </summary>
[Flags]
public enum SupportBotFailures
{
    /// <summary>Clean traffic.</summary>
    None = 0,

    /// <summary>A logging bug loses <see cref="SupportBotScenario.SrmDropRate"/> of the treatment exposures (sample-ratio mismatch).</summary>
    Srm = 1,

    /// <summary>The effect starts at <see cref="SupportBotScenario.NoveltyMultiplier"/> times its size and halves every <see cref="SupportBotScenario.NoveltyHalfLifeDays"/>.</summary>
    Novelty = 2,

    /// <summary>Biased exposure logging gives the arms different device mixes, with seed 001's per-segment rates (Simpson's paradox).</summary>
    Simpson = 4,

    /// <summary>Treatment latency shifts by <see cref="SupportBotScenario.RegressedLatencyShiftMs"/> at p95 instead of <see cref="SupportBotScenario.TreatmentLatencyShiftMs"/>.</summary>
    LatencyRegression = 8,

    /// <summary><see cref="SupportBotScenario.ReceiptMismatchRate"/> of treatment exposures carry the hash of a receipt with a different model.</summary>
    ReceiptMismatch = 16,
}
