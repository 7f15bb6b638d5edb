using Verdict.Assignment;
using Verdict.Assignment.Bandits;
using Verdict.Client.Wire;

namespace Verdict.Server.ControlPlane;

/// <summary>An experiment the server serves: its config and the assigner built from it.</summary>
public sealed record ServedExperiment(ExperimentConfig Config, ExperimentAssigner Assigner)
{
    /// <summary>The bandit's state when the experiment is a bandit (its periods so far), or null.</summary>
    public Verdict.Experiments.Analysis.Bandits.BanditState? Bandit { get; init; }

    /// <summary>The bandit's serving schedule (its period cohorts), or null.</summary>
    public BanditSchedule? BanditSchedule { get; init; }
}
