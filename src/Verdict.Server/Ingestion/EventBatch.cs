using Verdict.Experiments.Events;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Ingestion;

/// <summary>
/// The rows of one request body, checked against what the server knows before any is queued: an exposure must name a
/// created experiment version and one of its arms; no row may be further in the future than the allowed clock skew.
/// A refusal throws <see cref="InvalidDataException"/>, which the reader reports at the row's line; a row past
/// <paramref name="maxRows"/> throws <see cref="BatchTooLargeException"/>.
/// </summary>
public sealed class EventBatch(Registry registry, DateTimeOffset latestAllowed, int maxRows = int.MaxValue) : IEventSink
{
    /// <summary>The exposures, in body order.</summary>
    public List<ExposureRecord> Exposures { get; } = [];

    /// <summary>The outcome events, in body order.</summary>
    public List<OutcomeEvent> Events { get; } = [];

    /// <summary>Rows in the batch.</summary>
    public int Count => Exposures.Count + Events.Count;

    /// <inheritdoc />
    public void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        CheckRoom();
        if (HoldoutExposures.Accepts(registry, exposure))
        {
            CheckTime(exposure.Timestamp);
            Exposures.Add(exposure);
            return;
        }

        var brief = registry.Brief(exposure.Experiment, exposure.Version)
            ?? throw new InvalidDataException($"experiment: no experiment \"{exposure.Experiment}\" v{exposure.Version} has been created on this server");
        if (!brief.Arms.Any(a => a.Name == exposure.Arm))
        {
            throw new InvalidDataException($"arm: \"{exposure.Arm}\" is not an arm of {exposure.Experiment} v{exposure.Version} (arms: {string.Join(", ", brief.Arms.Select(a => a.Name))})");
        }

        Bandits.BanditExposures.Check(registry, brief, exposure);
        CheckTime(exposure.Timestamp);
        Exposures.Add(exposure);
    }

    /// <inheritdoc />
    public void Add(OutcomeEvent outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        CheckRoom();
        CheckTime(outcome.Timestamp);
        Events.Add(outcome);
    }

    private void CheckRoom()
    {
        if (Count >= maxRows)
        {
            throw new BatchTooLargeException(maxRows);
        }
    }

    private void CheckTime(DateTimeOffset timestamp)
    {
        if (timestamp > latestAllowed)
        {
            throw new InvalidDataException($"timestamp: {timestamp:O} is in the future (the server accepts up to {latestAllowed:O})");
        }
    }
}
