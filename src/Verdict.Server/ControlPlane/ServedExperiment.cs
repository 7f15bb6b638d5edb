using Verdict.Assignment;
using Verdict.Client.Wire;

namespace Verdict.Server.ControlPlane;

/// <summary>An experiment the server serves: its config and the assigner built from it.</summary>
public sealed record ServedExperiment(ExperimentConfig Config, ExperimentAssigner Assigner);
