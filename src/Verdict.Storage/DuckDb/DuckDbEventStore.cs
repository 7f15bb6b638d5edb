using System.Data.Common;
using DuckDB.NET.Data;

namespace Verdict.Storage;

/// <summary>The embedded default: one DuckDB file (<c>verdict.duckdb</c> unless told otherwise).</summary>
public sealed class DuckDbEventStore : EventStore
{
    private readonly DuckDBConnection connection;

    private DuckDbEventStore(string path, DuckDBConnection connection)
    {
        Location = path;
        this.connection = connection;
    }

    /// <summary>The default file name.</summary>
    public const string DefaultPath = "verdict.duckdb";

    public override SqlDialect Dialect => DuckDbDialect.Instance;

    public override DbConnection Connection => connection;

    public override string Location { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>; ":memory:" for an in-memory store.</summary>
    public static DuckDbEventStore Open(string path)
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

        var connection = new DuckDBConnection($"Data Source={path}");
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
        store.EnsureSchema();
        return store;
    }

    public override EventLoader BeginLoad() => new DuckDbEventLoader(this, connection);

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
