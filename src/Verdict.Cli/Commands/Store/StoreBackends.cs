using Verdict.Storage;

namespace Verdict.Cli.Commands.Store;

/// <summary>Backends other than the embedded default.</summary>
internal static class StoreBackends
{
    public static EventStore OpenPostgres(string connection) =>
        throw new CliException("PostgreSQL stores are not available in this build", ExitCodes.StoreUnavailable);
}
