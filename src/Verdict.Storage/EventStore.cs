using System.Data.Common;
using Verdict.Experiments;

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

    /// <summary>Creates the tables when they are missing.</summary>
    protected void EnsureSchema()
    {
        foreach (var statement in Dialect.SchemaStatements)
        {
            Execute(statement, []);
        }
    }

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
    public long Count(string table)
    {
        if (table is not ("exposures" or "events"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "expected exposures or events");
        }

        using var command = CreateCommand($"SELECT COUNT(*) FROM {table}", [], null);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

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

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

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
