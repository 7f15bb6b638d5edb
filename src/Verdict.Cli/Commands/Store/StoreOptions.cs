using System.CommandLine;
using Verdict.Storage;
using Verdict.Storage.DuckDb;

namespace Verdict.Cli.Commands.Store;

/// <summary>The <c>--store</c> option and how a connection string picks a backend.</summary>
internal static class StoreOptions
{
    public static Option<string> Store() => new("--store")
    {
        Description = "Event store: a DuckDB file path (default verdict.duckdb), a PostgreSQL connection string (postgres://… or Host=…) or a ClickHouse cluster (clickhouse://host:port,…/database?cluster=name)",
        DefaultValueFactory = _ => DuckDbEventStore.DefaultPath,
    };

    /// <summary>Opens the store named by <paramref name="connection"/>; a store that cannot be reached exits with code 3.</summary>
    public static EventStore Open(string connection, bool readOnly = false)
    {
        if (IsPostgres(connection))
        {
            return StoreBackends.OpenPostgres(connection, readOnly);
        }

        if (Verdict.Storage.ClickHouse.ClickHouseAddress.IsClickHouse(connection))
        {
            return StoreBackends.OpenClickHouse(connection);
        }

        try
        {
            return DuckDbEventStore.Open(connection, readOnly);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CliException($"--store: {e.Message}", ExitCodes.StoreUnavailable);
        }
        catch (StoreUnavailableException e)
        {
            throw new CliException(e.Message, ExitCodes.StoreUnavailable);
        }
    }

    /// <summary>
    /// Opens a store that must already hold data (analyze, report), read-only: a DuckDB path that does not exist is an
    /// error with exit code 3, rather than a new empty file whose analysis reads as "no units yet"; nothing is created.
    /// </summary>
    public static EventStore OpenExisting(string connection)
    {
        if (!IsPostgres(connection) && !Verdict.Storage.ClickHouse.ClickHouseAddress.IsClickHouse(connection) && connection != ":memory:" && !File.Exists(connection))
        {
            throw new CliException(
                $"--store: {Path.GetFullPath(connection)} does not exist; load events first with `verdict ingest --store {connection} FILE` or `verdict simulate experiment BRIEF --store {connection}`",
                ExitCodes.StoreUnavailable);
        }

        return Open(connection, readOnly: true);
    }

    /// <summary>True when a store's engine reports the environment refusing it (full disk, I/O, permissions, memory): exit 2, not 70.</summary>
    public static bool IsEnvironmentFailure(Exception exception) =>
        DuckDbEventStore.IsEnvironmentFailure(exception) || Verdict.Storage.Postgres.PostgresEventStore.IsEnvironmentFailure(exception);

    public static bool IsPostgres(string connection) =>
        connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || connection.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
