namespace Verdict.Experiments.Ladder;

/// <summary>
/// The condition for leaving a stage (brief <c>stages[i].gate</c>, docs/monitor.md "The ladder"): the stage has lasted
/// at least <paramref name="MinDuration"/>, and for every gate guardrail and treatment arm the stage's cohort has at least
/// <paramref name="MinSamplePerArm"/> units per arm and no credible breach of the guardrail's threshold (the monitor's
/// window rule over the whole stage). A shadow stage enrols nobody; its gate counts paired shadow calls per treatment.
/// </summary>
/// <param name="MinDuration">The least time spent in the stage.</param>
/// <param name="MinSamplePerArm">Units per arm (shadow: complete shadow pairs per treatment) the stage needs.</param>
/// <param name="Guardrails">The guardrail metrics that must hold; empty on a shadow stage.</param>
public sealed record StageGate(TimeSpan MinDuration, long MinSamplePerArm, IReadOnlyList<string> Guardrails)
{
    /// <summary>The units per arm a gate needs when the brief gives none.</summary>
    public const long DefaultMinSamplePerArm = 100;
}
