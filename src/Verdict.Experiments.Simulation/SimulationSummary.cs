namespace Verdict.Experiments.Simulation;

/// <summary>What a simulation wrote: units generated, those in the experiment, logged exposures per arm, and events.</summary>
/// <param name="Units">Units generated.</param>
/// <param name="InExperiment">Units the brief's assignment put in an arm.</param>
/// <param name="Arms">Arm names in declaration order.</param>
/// <param name="Exposures">Exposures written per arm, in <paramref name="Arms"/> order (fewer than assigned under SRM or Simpson).</param>
/// <param name="Events">Outcome events written.</param>
public sealed record SimulationSummary(long Units, long InExperiment, IReadOnlyList<string> Arms, IReadOnlyList<long> Exposures, long Events);
