using DuckDB.NET.Data;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Storage.DuckDb;

/// <summary>Bulk loads into DuckDB through the Appender (no per-row SQL), inside the load's transaction.</summary>
internal sealed class DuckDbEventLoader : EventLoader
{
    private readonly DuckDBAppender exposures;
    private readonly DuckDBAppender events;
    private readonly SemaphoreSlim writer;
    private readonly StoredKeys? keys;
    private readonly List<ulong> eventHashes = [];
    private readonly List<ulong> exposureHashes = [];
    private readonly HashSet64 staged = new();
    private bool eventsMayRepeat;
    private bool exposuresMayRepeat;

    /// <summary>
    /// Starts a load holding <paramref name="writer"/> (already entered), the store's one-writer-at-a-time turn; with
    /// <paramref name="keys"/>, a load whose keys are all new skips the merge's anti-join.
    /// </summary>
    public DuckDbEventLoader(EventStore store, DuckDBConnection connection, SemaphoreSlim writer, StoredKeys? keys)
        : base(store, connection.BeginTransaction())
    {
        this.writer = writer;
        this.keys = keys;
        keys?.Refresh(store, Transaction);
        CreateStaging();
        exposures = connection.CreateAppender("temp", "main", "stage_exposures");
        events = connection.CreateAppender("temp", "main", "stage_events");
    }

    public override void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (keys is not null)
        {
            var hash = StoredKeys.Exposure(exposure);
            exposuresMayRepeat |= keys.MayHoldExposure(hash) || !staged.Add(hash);
            exposureHashes.Add(hash);
        }

        exposures.CreateRow()
            .AppendValue(exposure.Experiment)
            .AppendValue((int?)exposure.Version)
            .AppendValue(exposure.UnitId)
            .AppendValue(exposure.Arm)
            .AppendValue((long?)ToMicroseconds(exposure.Timestamp))
            .AppendValue(exposure.ReceiptHash)
            .AppendValue(ToJson(exposure.Attributes))
            .EndRow();
    }

    protected override void Append(OutcomeEvent outcome)
    {
        if (keys is not null)
        {
            var hash = StoredKeys.Event(outcome.IdempotencyKey);
            eventsMayRepeat |= keys.MayHoldEvent(hash) || !staged.Add(hash);
            eventHashes.Add(hash);
        }

        events.CreateRow()
            .AppendValue(outcome.IdempotencyKey)
            .AppendValue(outcome.Name)
            .AppendValue(outcome.UnitId)
            .AppendValue((long?)ToMicroseconds(outcome.Timestamp))
            .AppendValue(outcome.Value)
            .AppendValue(ToJson(outcome.Properties))
            .EndRow();
    }

    protected override bool ExposuresKnownNew => keys is not null && !exposuresMayRepeat;

    protected override bool EventsKnownNew => keys is not null && !eventsMayRepeat;

    protected override void Committed(long exposures, long events) => keys?.Committed(eventHashes, events, exposureHashes, exposures);

    protected override void FlushStaging()
    {
        exposures.Close();
        events.Close();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            exposures.Dispose();
            events.Dispose();
        }

        base.Dispose(disposing);
        if (disposing)
        {
            writer.Release();
        }
    }
}
