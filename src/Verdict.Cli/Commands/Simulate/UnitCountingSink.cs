using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary>Passes records through and reports how many simulated customers have asked their question (one per unit in the experiment).</summary>
internal sealed class UnitCountingSink(IEventSink inner, Action<double> report) : IEventSink
{
    private const int Every = 2048;

    private long units;

    public void Add(ExposureRecord exposure) => inner.Add(exposure);

    public void Add(OutcomeEvent outcome)
    {
        inner.Add(outcome);
        if (outcome.Name == SupportBotEvents.QuestionSubmitted && ++units % Every == 0)
        {
            report(units);
        }
    }
}
