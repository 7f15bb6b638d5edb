using System.Data.Common;
using Npgsql;
using Verdict.Storage.Dialects;

namespace Verdict.Storage.Postgres;

/// <summary>An event store in PostgreSQL, chosen by a connection string (<c>postgres://…</c> or <c>Host=…</c>).</summary>
public sealed class PostgresEventStore : EventStore
{
    private readonly NpgsqlConnection connection;

    private PostgresEventStore(NpgsqlConnection connection, string location)
    {
        this.connection = connection;
        Location = location;
    }

    /// <inheritdoc/>
    public override SqlDialect Dialect => PostgresDialect.Instance;

    /// <inheritdoc/>
    public override DbConnection Connection => connection;

    /// <inheritdoc/>
    public override string Location { get; }

    /// <summary>Opens the store; a URI (<c>postgres://user:pass@host:port/db</c>) or a key-value connection string.</summary>
    public static PostgresEventStore Open(string connectionString) => Open(connectionString, readOnly: false);

    /// <summary>
    /// Opens the store; with <paramref name="readOnly"/> it creates and changes nothing (the tables must exist), so a
    /// role with SELECT on them (and PostgreSQL's default TEMP privilege, for the analysis's temporary tables) suffices.
    /// </summary>
    public static PostgresEventStore Open(string connectionString, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = Parse(connectionString);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreUnavailableException($"cannot reach PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}: {e.Message}", e);
        }

        var store = new PostgresEventStore(connection, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
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

    /// <summary>Turns a URI (every option honoured or refused, <see cref="PostgresUri"/>) or a key-value string into Npgsql's builder.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString) =>
        PostgresUri.IsUri(connectionString) ? PostgresUri.Parse(connectionString) : new NpgsqlConnectionStringBuilder(connectionString);

    /// <summary>
    /// True when <paramref name="exception"/> is the server's environment refusing the store, not a bug: SQLSTATE
    /// classes 53 (insufficient resources: disk full, out of memory) and 58 (system error: I/O).
    /// </summary>
    public static bool IsEnvironmentFailure(Exception exception) =>
        exception is PostgresException { SqlState: ['5', '3', ..] or ['5', '8', ..] };

    /// <inheritdoc/>
    public override EventLoader BeginLoad() => new PostgresEventLoader(this, connection);

    /// <inheritdoc/>
    protected override DbCommand CreateCommand(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, DbTransaction? transaction)
    {
        var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
