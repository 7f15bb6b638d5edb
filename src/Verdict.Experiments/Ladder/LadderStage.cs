using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Ladder;

/// <summary>
/// One rung of the registered rollout ladder (brief <c>stages[i]</c>, docs/brief.md "Stages"): its name, its kind
/// (shadow, canary or A/B), the exposure it serves, and the gate that must pass before the next stage.
/// </summary>
/// <param name="Name">The stage's name, unique in the brief (<c>canary-1</c>).</param>
/// <param name="Kind">What the stage serves: shadow (control served, treatment run unseen), canary or A/B.</param>
/// <param name="Exposure">The enrolled fraction while in this stage, in (0, 1]; never lower than the stage before.</param>
/// <param name="Gate">What must hold before the next stage; null means only an admin can move past this stage.</param>
public sealed record LadderStage(string Name, RolloutStage Kind, double Exposure, StageGate? Gate);
