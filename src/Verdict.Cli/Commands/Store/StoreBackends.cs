using Verdict.Storage;
using Verdict.Storage.ClickHouse;
using Verdict.Storage.ClickHouse.Http;
using Verdict.Storage.Postgres;

namespace Verdict.Cli.Commands.Store;

/// <summary>Backends other than the embedded default.</summary>
internal static class StoreBackends
{
    public static EventStore OpenPostgres(string connection, bool readOnly = false)
    {
        try
        {
            return PostgresEventStore.Open(connection, readOnly);
        }
        catch (StoreUnavailableException e)
        {
            throw new CliException(e.Message, ExitCodes.StoreUnavailable);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--store: not a valid PostgreSQL connection string ({e.Message.Split('\n')[0]})");
        }
    }

    public static EventStore OpenClickHouse(string uri)
    {
        try
        {
            return ClickHouseEventStore.Open(uri);
        }
        catch (Exception e) when (e is StoreUnavailableException or ClickHouseException)
        {
            throw new CliException(e.Message, ExitCodes.StoreUnavailable);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--store: not a valid ClickHouse URI ({e.Message.Split('\n')[0]}); expected clickhouse://host:port[,host:port…][/database][?cluster=name]");
        }
    }
}
