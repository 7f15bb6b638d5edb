using System.Data.Common;
using DuckDB.NET.Data;
using Verdict.Storage.Dialects;

namespace Verdict.Storage.DuckDb;

/// <summary>The embedded default: one DuckDB file (<c>verdict.duckdb</c> unless told otherwise).</summary>
public sealed class DuckDbEventStore : EventStore
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    private readonly DuckDBConnection connection;
    private readonly SemaphoreSlim memoryWriter = new(1, 1);
    private StoredKeys? storedKeys;
    private PropertyNumbers? propertyNumbers;

    private DuckDbEventStore(string path, DuckDBConnection connection)
    {
        Location = path;
        this.connection = connection;
    }

    /// <summary>The default file name.</summary>
    public const string DefaultPath = "verdict.duckdb";

    /// <inheritdoc/>
    public override SqlDialect Dialect => DuckDbDialect.Instance;

    /// <inheritdoc/>
    public override DbConnection Connection => connection;

    /// <inheritdoc/>
    public override string Location { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>; ":memory:" for an in-memory store.</summary>
    public static DuckDbEventStore Open(string path) => Open(path, readOnly: false);

    /// <summary>
    /// Opens the store at <paramref name="path"/>; with <paramref name="readOnly"/> in DuckDB's read-only mode, creating and
    /// changing nothing (the file must exist and hold Verdict's tables), so analysis needs read access only.
    /// </summary>
    public static DuckDbEventStore Open(string path, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"the store's directory {directory} does not exist");
            }
        }

        var connection = new DuckDBConnection(readOnly && path != ":memory:" ? $"Data Source={path};ACCESS_MODE=READ_ONLY" : $"Data Source={path}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new StoreUnavailableException($"cannot open DuckDB store {path}: {e.Message}", e);
        }

        var store = new DuckDbEventStore(path, connection);
        if (readOnly)
        {
            store.RequireSchema();
        }
        else
        {
            store.EnsureSchema();
        }

        return store;
    }

    /// <summary>
    /// Starts a load. DuckDB runs one writer per file across processes (its file lock) but lets connections of one process
    /// write at once and fails the later commit on a conflict; loads of one file in this process therefore take turns.
    /// </summary>
    /// <summary>
    /// True when <paramref name="exception"/> is the environment refusing the store (a full disk or another I/O error,
    /// missing permissions, memory), not a bug.
    /// </summary>
    public static bool IsEnvironmentFailure(Exception exception) => exception is DuckDBException duck && duck.ErrorType switch
    {
        DuckDB.NET.Native.DuckDBErrorType.Io or DuckDB.NET.Native.DuckDBErrorType.Permission or DuckDB.NET.Native.DuckDBErrorType.OutOfMemory => true,

        // A write that fails during a checkpoint invalidates the database and surfaces as FATAL, carrying the I/O error's text.
        DuckDB.NET.Native.DuckDBErrorType.Fatal => duck.Message.Contains("Could not write file", StringComparison.Ordinal)
            || duck.Message.Contains("No space left on device", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Keeps the hashes of every stored key in memory (about 16 bytes per stored event and exposure) so that a load of
    /// new keys appends without an anti-join over the whole table; for a long-lived writer such as <c>verdict serve</c>,
    /// whose loads are many and small. The first load after this reads the keys once. See <see cref="StoredKeys"/>.
    /// </summary>
    public DuckDbEventStore RememberKeys()
    {
        storedKeys ??= new StoredKeys();
        propertyNumbers ??= new PropertyNumbers();
        return this;
    }

    /// <summary>Loads that were appended straight into the tables because their keys were all new (for tests).</summary>
    internal long DirectLoads => storedKeys?.DirectLoads ?? 0;

    /// <inheritdoc/>
    public override EventLoader BeginLoad()
    {
        var writer = Location == ":memory:" ? memoryWriter : Writers.GetOrAdd(Path.GetFullPath(Location), _ => new SemaphoreSlim(1, 1));
        writer.Wait();
        try
        {
            return new DuckDbEventLoader(this, connection, writer, storedKeys, propertyNumbers);
        }
        catch
        {
            writer.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override DbCommand CreateCommand(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (DuckDBTransaction?)transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
