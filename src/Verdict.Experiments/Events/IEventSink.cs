namespace Verdict.Experiments.Events;

/// <summary>Receives exposures and outcome events, for example a store's bulk loader or a file writer.</summary>
public interface IEventSink
{
    /// <summary>Adds one exposure.</summary>
    void Add(ExposureRecord exposure);

    /// <summary>Adds one outcome event.</summary>
    void Add(OutcomeEvent outcome);
}
