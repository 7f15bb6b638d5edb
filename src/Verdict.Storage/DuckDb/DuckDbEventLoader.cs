using DuckDB.NET.Data;
using Verdict.Experiments.Events;

namespace Verdict.Storage.DuckDb;

/// <summary>
/// Bulk loads into DuckDB through the Appender (no per-row SQL), inside the load's transaction. Without remembered keys
/// the rows stream into staging tables that the merge reads. With them (<see cref="StoredKeys"/>, a long-lived writer's
/// many small loads) the rows are held until the commit: a load whose keys are all new and distinct is appended straight
/// into the tables (<see cref="DirectAppend"/>), any other is staged and merged.
/// </summary>
internal sealed class DuckDbEventLoader : EventLoader
{
    private readonly EventStore store;
    private readonly DuckDBConnection connection;
    private readonly SemaphoreSlim writer;
    private readonly StoredKeys? keys;
    private readonly PropertyNumbers? numbers;
    private readonly List<ulong> eventHashes = [];
    private readonly List<ulong> exposureHashes = [];
    private readonly List<ExposureRecord> heldExposures = [];
    private readonly List<OutcomeEvent> heldEvents = [];
    private readonly HashSet64 staged = new();
    private DuckDBAppender? exposures;
    private DuckDBAppender? events;
    private bool eventsMayRepeat;
    private bool exposuresMayRepeat;
    private bool direct;

    /// <summary>
    /// Starts a load holding <paramref name="writer"/> (already entered), the store's one-writer-at-a-time turn; with
    /// <paramref name="keys"/>, a load whose keys are all new skips the merge and its staging.
    /// </summary>
    public DuckDbEventLoader(EventStore store, DuckDBConnection connection, SemaphoreSlim writer, StoredKeys? keys, PropertyNumbers? numbers)
        : base(store, connection.BeginTransaction())
    {
        this.store = store;
        this.connection = connection;
        this.writer = writer;
        this.keys = keys;
        this.numbers = numbers;
        keys?.Refresh(store, Transaction);
        if (keys is null)
        {
            StartStaging();
        }
    }

    public override void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (keys is null)
        {
            Stage(exposure);
            return;
        }

        var hash = StoredKeys.Exposure(exposure);
        exposuresMayRepeat |= keys.MayHoldExposure(hash) || !staged.Add(hash);
        exposureHashes.Add(hash);
        heldExposures.Add(exposure);
    }

    protected override void Append(OutcomeEvent outcome)
    {
        if (keys is null)
        {
            Stage(outcome);
            return;
        }

        var hash = StoredKeys.Event(outcome.IdempotencyKey);
        eventsMayRepeat |= keys.MayHoldEvent(hash) || !staged.Add(hash);
        eventHashes.Add(hash);
        heldEvents.Add(outcome);
    }

    protected override bool ExposuresKnownNew => keys is not null && !exposuresMayRepeat;

    protected override bool EventsKnownNew => keys is not null && !eventsMayRepeat;

    protected override void Committed(long exposures, long events) => keys?.Committed(eventHashes, events, exposureHashes, exposures);

    protected override void FlushStaging()
    {
        if (keys is not null && numbers is not null && !exposuresMayRepeat && !eventsMayRepeat)
        {
            direct = true;
            return;
        }

        StageHeld();
    }

    protected override (long Exposures, long Events) Merge()
    {
        if (direct)
        {
            var positions = PropertyColumns.Extend(store, Transaction, PropertyKeys, backfill: false);
            if (DirectAppend.TryAppend(store, connection, Transaction, positions, numbers!, heldExposures, heldEvents))
            {
                Transaction.Commit();
                keys!.DirectLoads++;
                Committed(heldExposures.Count, heldEvents.Count);
                return (heldExposures.Count, heldEvents.Count);
            }

            StageHeld();
        }

        return base.Merge();
    }

    /// <summary>Stages what was held (a load that cannot be appended directly) and closes the staging appenders.</summary>
    private void StageHeld()
    {
        if (exposures is null)
        {
            StartStaging();
        }

        foreach (var exposure in heldExposures)
        {
            Stage(exposure);
        }

        foreach (var outcome in heldEvents)
        {
            Stage(outcome);
        }

        exposures!.Close();
        events!.Close();
    }

    private void StartStaging()
    {
        CreateStaging();
        exposures = connection.CreateAppender("temp", "main", "stage_exposures");
        events = connection.CreateAppender("temp", "main", "stage_events");
    }

    private void Stage(ExposureRecord exposure) => DirectAppend.Row(exposures!, exposure).EndRow();

    private void Stage(OutcomeEvent outcome) => DirectAppend.Row(events!, outcome).EndRow();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            exposures?.Dispose();
            events?.Dispose();
        }

        base.Dispose(disposing);
        if (disposing)
        {
            writer.Release();
        }
    }
}
