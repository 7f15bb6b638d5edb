using System.Data.Common;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Storage.Dialects;
using Verdict.Storage.Ingestion;
using Verdict.Storage.Sql;

namespace Verdict.Storage;

/// <summary>
/// An event store: two tables (exposures, events) behind an ADO.NET connection and a <see cref="SqlDialect"/>.
/// Loads go through a <see cref="EventLoader"/> in one transaction; analysis runs as SQL that returns aggregates.
/// </summary>
public abstract class EventStore : IDisposable
{
    private bool disposed;

    /// <summary>The engine's SQL spelling.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The open connection.</summary>
    public abstract DbConnection Connection { get; }

    /// <summary>A human description of where the store is (a path or a host), without secrets.</summary>
    public abstract string Location { get; }

    /// <summary>Starts a transactional bulk load; nothing is visible until <see cref="EventLoader.Commit"/>.</summary>
    public abstract EventLoader BeginLoad();

    /// <summary>
    /// How many property keys get typed columns (<see cref="PropertyColumns"/>); keys first seen after that stay in
    /// the JSON only. Tests lower it to exercise both paths; raising it on a store that reached it would leave columns
    /// without the values of earlier events.
    /// </summary>
    internal int PropertyColumnLimit { get; set; } = 64;

    /// <summary>
    /// The keys that make loading idempotent, enforced by the database so that concurrent loads cannot both insert a
    /// row: an exposure is (experiment, version, unit, arm, time), an event its idempotency key.
    /// </summary>
    public static IReadOnlyList<(string Name, string Table, string Columns)> UniqueKeys { get; } =
    [
        ("exposures_key", "exposures", "experiment, version, unit_id, arm, ts"),
        ("events_idempotency_key", "events", "idempotency_key"),
    ];

    /// <summary>
    /// Creates the tables when they are missing, in one transaction, then the unique keys. A store written before property columns existed
    /// (events but no catalog) is upgraded in the same transaction: its keys get columns filled from the JSON.
    /// </summary>
    protected void EnsureSchema()
    {
        using var transaction = Connection.BeginTransaction();
        if (Dialect.CatalogLock is { } schemaLock)
        {
            // Two processes opening a new store at once take turns, so neither sees the other's half-made schema.
            Execute(schemaLock, [], transaction);
        }

        var upgrade = TableExists("events", transaction) && !TableExists(PropertyColumns.Catalog, transaction);
        foreach (var statement in Dialect.SchemaStatements)
        {
            Execute(statement, [], transaction);
        }

        if (upgrade)
        {
            var keys = new List<string>();
            using (var command = CreateCommand($"SELECT DISTINCT {Dialect.JsonKeys("properties")} FROM events WHERE properties IS NOT NULL", [], transaction))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                }
            }

            PropertyColumns.Extend(this, transaction, keys, backfill: true);
        }

        transaction.Commit();
        EnsureUniqueKeys();
    }

    /// <summary>
    /// Creates the missing <see cref="UniqueKeys"/>. A store written before a key existed may hold duplicates that
    /// concurrent loads let in: all but one of each are deleted first, in their own transaction (DuckDB does not build
    /// a unique index over rows deleted in the same transaction).
    /// </summary>
    private void EnsureUniqueKeys()
    {
        foreach (var (name, table, columns) in UniqueKeys)
        {
            var p = new SqlParameters(Dialect);
            if (Dialect.IndexCount(p.Add(name)) is not { } query)
            {
                return;
            }

            using (var count = CreateCommand(query, p.Values, null))
            {
                if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            Execute(Dialect.DeleteDuplicates(table, columns), []);
            using var transaction = Connection.BeginTransaction();
            if (Dialect.CatalogLock is { } keyLock)
            {
                Execute(keyLock, [], transaction);
            }

            Execute($"CREATE UNIQUE INDEX IF NOT EXISTS {name} ON {table} ({columns})", [], transaction);
            transaction.Commit();
        }
    }

    /// <summary>True for a store opened read-only that was written before property columns existed: properties are read from the JSON.</summary>
    internal bool WithoutPropertyCatalog { get; private set; }

    private static readonly string[] EventTables = ["exposures", "events"];

    /// <summary>Checks, creating nothing, that the store holds Verdict's tables; throws <see cref="StoreUnavailableException"/> otherwise.</summary>
    protected void RequireSchema()
    {
        using var transaction = Connection.BeginTransaction();
        var missing = EventTables.Where(t => !TableExists(t, transaction)).ToList();
        WithoutPropertyCatalog = !TableExists(PropertyColumns.Catalog, transaction);
        transaction.Commit();
        if (missing.Count > 0)
        {
            throw new StoreUnavailableException($"{Location} has no {string.Join(" or ", missing)} table: it is not a Verdict store, or nothing was ingested into it yet (verdict ingest)");
        }
    }

    private bool TableExists(string table, DbTransaction transaction)
    {
        var p = new SqlParameters(Dialect);
        using var command = CreateCommand($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {p.Add(table)}", p.Values, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>A command with bound parameters, for readers inside a transaction.</summary>
    internal DbCommand Command(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction) =>
        CreateCommand(sql, parameters, transaction);

    /// <summary>Runs a statement with bound parameters.</summary>
    public int Execute(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction = null)
    {
        using var command = CreateCommand(sql, parameters, transaction);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = command.ExecuteNonQuery();
        Trace(sql, parameters, started);
        return rows;
    }

    /// <summary>With VERDICT_TRACE_SQL=1, each statement's time goes to standard error (for tuning a dialect).</summary>
    private static void Trace(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, long started)
    {
        if (Environment.GetEnvironmentVariable("VERDICT_TRACE_SQL") == "1")
        {
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var full = Environment.GetEnvironmentVariable("VERDICT_TRACE_SQL_FULL") == "1";
            Console.Error.WriteLine($"[sql {elapsed.TotalMilliseconds,8:0.0} ms] {(full ? sql : sql.ReplaceLineEndings(" ")[..Math.Min(120, sql.Length)])}");
            if (full && parameters.Count > 0)
            {
                Console.Error.WriteLine("[params] " + string.Join(" ", parameters.Select(p => $"{p.Key}={p.Value}")));
            }
        }
    }

    /// <summary>Runs a query with bound parameters.</summary>
    public DbDataReader Query(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        using var command = CreateCommand(sql, parameters, null);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reader = command.ExecuteReader();
        Trace(sql, parameters, started);
        return reader;
    }

    /// <summary>Counts the rows of a table (for tests and the CLI's summary).</summary>
    public virtual long Count(string table)
    {
        if (table is not ("exposures" or "events"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "expected exposures or events");
        }

        using var command = CreateCommand($"SELECT COUNT(*) FROM {table}", [], null);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The exposures as the analysis reads them: the table, or what deduplicates it in engines without unique keys.</summary>
    internal virtual string ExposureRows => "exposures";

    /// <summary>
    /// The sufficient statistics of <paramref name="brief"/> computed by the engine's own SQL, for engines that cannot
    /// run the shared ANSI SQL of <see cref="SqlMetricSource"/> (ClickHouse); null to use the shared SQL.
    /// </summary>
    internal virtual Verdict.Experiments.Analysis.MetricData? LoadMetrics(ExperimentBrief brief, DateTimeOffset? asOf) => null;

    /// <summary>Creates a command with parameters bound by name.</summary>
    protected abstract DbCommand CreateCommand(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction);

    /// <summary>Loads one file (CSV, NDJSON or Parquet) in one transaction: a bad row rejects the whole file.</summary>
    public IngestResult IngestFile(string path, IProgress<long>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var loader = BeginLoad();
        var counter = new CountingSink(loader, progress);
        EventFileReader.Read(path, counter, this);
        var (exposures, events) = loader.Commit();
        return new IngestResult(path, counter.Exposures, counter.Events, exposures, events);
    }

    /// <summary>Closes the store's connection.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Closes the store's connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection.Dispose();
        }
    }

    private sealed class CountingSink(IEventSink inner, IProgress<long>? progress) : IEventSink
    {
        public long Exposures { get; private set; }

        public long Events { get; private set; }

        public void Add(ExposureRecord exposure)
        {
            inner.Add(exposure);
            Tick(++Exposures + Events);
        }

        public void Add(OutcomeEvent outcome)
        {
            inner.Add(outcome);
            Tick(Exposures + ++Events);
        }

        private void Tick(long rows)
        {
            if (rows % 100_000 == 0)
            {
                progress?.Report(rows);
            }
        }
    }
}
