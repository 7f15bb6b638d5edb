using DuckDB.NET.Data;
using Verdict.Experiments;

namespace Verdict.Storage;

/// <summary>Bulk loads into DuckDB through the Appender (no per-row SQL), inside the load's transaction.</summary>
internal sealed class DuckDbEventLoader : EventLoader
{
    private readonly DuckDBAppender exposures;
    private readonly DuckDBAppender events;
    private readonly SemaphoreSlim writer;

    /// <summary>Starts a load holding <paramref name="writer"/> (already entered), the store's one-writer-at-a-time turn.</summary>
    public DuckDbEventLoader(EventStore store, DuckDBConnection connection, SemaphoreSlim writer)
        : base(store, connection.BeginTransaction())
    {
        this.writer = writer;
        CreateStaging();
        exposures = connection.CreateAppender("temp", "main", "stage_exposures");
        events = connection.CreateAppender("temp", "main", "stage_events");
    }

    public override void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
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
        events.CreateRow()
            .AppendValue(outcome.IdempotencyKey)
            .AppendValue(outcome.Name)
            .AppendValue(outcome.UnitId)
            .AppendValue((long?)ToMicroseconds(outcome.Timestamp))
            .AppendValue(outcome.Value)
            .AppendValue(ToJson(outcome.Properties))
            .EndRow();
    }

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
