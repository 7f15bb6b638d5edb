using Verdict.Experiments.Events;

namespace Verdict.Storage.Tests;

/// <summary>Keeps every record in memory and forwards it, so a test can compute the truth from raw rows.</summary>
internal sealed class RecordingSink(IEventSink? inner = null) : IEventSink
{
    public List<ExposureRecord> Exposures { get; } = [];

    public List<OutcomeEvent> Events { get; } = [];

    public void Add(ExposureRecord exposure)
    {
        Exposures.Add(exposure);
        inner?.Add(exposure);
    }

    public void Add(OutcomeEvent outcome)
    {
        Events.Add(outcome);
        inner?.Add(outcome);
    }
}
