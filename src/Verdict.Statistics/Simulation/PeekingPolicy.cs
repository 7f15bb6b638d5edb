namespace Verdict.Statistics.Simulation;

/// <summary>How an analyst decides when looking at a running A/A test in <see cref="PeekingSimulation"/>.</summary>
public enum PeekingPolicy
{
    /// <summary>Analyse once, at the planned final look, with a fixed-horizon test.</summary>
    FixedHorizon,

    /// <summary>Look after every batch and declare a win at the first fixed-horizon crossing.</summary>
    NaivePeeking,

    /// <summary>Look after every batch against a registered O'Brien–Fleming-type spending plan.</summary>
    ObrienFlemingPlan,

    /// <summary>Look after every batch and stop when the always-valid p-value falls to alpha.</summary>
    AlwaysValid,
}
