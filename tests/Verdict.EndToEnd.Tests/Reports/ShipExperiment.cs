using Verdict.Experiments.Simulation;

namespace Verdict.EndToEnd.Tests.Reports;

/// <summary>The clean launch (SHIP), shared by the tests of one class.</summary>
public sealed class ShipExperiment : IDisposable
{
    public AnalysedExperiment Experiment { get; } = new(SupportBotFailures.None);

    public void Dispose() => Experiment.Dispose();
}
