using System.CommandLine;
using Verdict.Cli.Commands.Store;
using Microsoft.Extensions.Hosting;
using Verdict.Server;

namespace Verdict.Cli.Commands.Server;

/// <summary><c>verdict serve [--store …] [--urls http://127.0.0.1:5080]</c>: the Verdict server (docs/server.md).</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOptions.Store();
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Run the Verdict server: SDK config and assignment, event ingestion, experiment lifecycle, audit log, results.\n\nExample:\n  verdict keys create --role admin --name me --store verdict.duckdb\n  verdict serve --store verdict.duckdb")
        {
            store, urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetValue(store)!;
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (Verdict.Storage.ClickHouse.ClickHouseAddress.IsClickHouse(connection))
            {
                throw new CliException("--store: verdict serve keeps its keys, experiments and audit log in DuckDB or PostgreSQL (it needs transactions); ClickHouse serves ingest, analyze and report");
            }

            using (StoreOptions.Open(connection))
            {
                // Opened once here so that a store that cannot be reached exits 3 before the server starts.
            }

            var app = VerdictServer.Build(new ServerOptions { OpenStore = () => StoreOptions.Open(connection), Urls = listen });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"verdict serve: listening on {string.Join(", ", VerdictServer.Addresses(app))}, store {connection}; Ctrl-C stops").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
