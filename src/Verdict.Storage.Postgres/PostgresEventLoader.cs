using Npgsql;
using NpgsqlTypes;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Storage.Postgres;

/// <summary>
/// Bulk loads into PostgreSQL with binary COPY into temporary staging tables, inside the load's transaction. A
/// connection runs one COPY at a time, so rows are buffered per table and copied in batches.
/// </summary>
internal sealed class PostgresEventLoader : EventLoader
{
    private const int BatchSize = 50_000;
    private readonly NpgsqlConnection connection;
    private readonly List<ExposureRecord> exposures = [];
    private readonly List<OutcomeEvent> events = [];

    public PostgresEventLoader(EventStore store, NpgsqlConnection connection)
        : base(store, connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted))
    {
        this.connection = connection;
        CreateStaging("DOUBLE PRECISION", "JSONB");
    }

    public override void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        exposures.Add(exposure);
        if (exposures.Count >= BatchSize)
        {
            CopyExposures();
        }
    }

    protected override void Append(OutcomeEvent outcome)
    {
        events.Add(outcome);
        if (events.Count >= BatchSize)
        {
            CopyEvents();
        }
    }

    protected override void FlushStaging()
    {
        CopyExposures();
        CopyEvents();
    }

    private void CopyExposures()
    {
        using var importer = connection.BeginBinaryImport("COPY stage_exposures (experiment, version, unit_id, arm, ts, receipt_hash, attributes) FROM STDIN (FORMAT BINARY)");
        foreach (var exposure in exposures)
        {
            importer.StartRow();
            importer.Write(exposure.Experiment, NpgsqlDbType.Text);
            importer.Write(exposure.Version, NpgsqlDbType.Integer);
            importer.Write(exposure.UnitId, NpgsqlDbType.Text);
            importer.Write(exposure.Arm, NpgsqlDbType.Text);
            importer.Write(ToMicroseconds(exposure.Timestamp), NpgsqlDbType.Bigint);
            WriteNullable(importer, exposure.ReceiptHash, NpgsqlDbType.Text);
            WriteNullable(importer, ToJson(exposure.Attributes), NpgsqlDbType.Jsonb);
        }

        importer.Complete();
        exposures.Clear();
    }

    private void CopyEvents()
    {
        using var importer = connection.BeginBinaryImport("COPY stage_events (idempotency_key, name, unit_id, ts, value, properties) FROM STDIN (FORMAT BINARY)");
        foreach (var outcome in events)
        {
            importer.StartRow();
            importer.Write(outcome.IdempotencyKey, NpgsqlDbType.Text);
            importer.Write(outcome.Name, NpgsqlDbType.Text);
            importer.Write(outcome.UnitId, NpgsqlDbType.Text);
            importer.Write(ToMicroseconds(outcome.Timestamp), NpgsqlDbType.Bigint);
            if (outcome.Value is { } v)
            {
                importer.Write(v, NpgsqlDbType.Double);
            }
            else
            {
                importer.WriteNull();
            }

            WriteNullable(importer, ToJson(outcome.Properties), NpgsqlDbType.Jsonb);
        }

        importer.Complete();
        events.Clear();
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
