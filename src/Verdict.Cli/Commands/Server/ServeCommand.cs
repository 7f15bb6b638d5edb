using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Verdict.Cli.Commands.Store;
using Verdict.Server;

namespace Verdict.Cli.Commands.Server;

/// <summary><c>verdict serve [--store …] [--urls http://127.0.0.1:5080] [--monitor-interval 1m] [--bandit-interval 1m]</c>: the Verdict server (docs/server.md).</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOptions.Store();
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var monitorInterval = new Option<string>("--monitor-interval") { Description = "How often the guardrail monitor runs: a duration (30s, 1m, 1h; at least 1s) or off (default 1m)", DefaultValueFactory = _ => "1m" };
        var banditInterval = new Option<string>("--bandit-interval") { Description = "How often the bandit updater checks whether a bandit's period is over: a duration (at least 1s) or off (default 1m)", DefaultValueFactory = _ => "1m" };
        var command = new Command("serve", "Run the Verdict server: SDK config and assignment, event ingestion, experiment lifecycle, audit log, results.\n\nExample:\n  verdict keys create --role admin --name me --store verdict.duckdb\n  verdict serve --store verdict.duckdb")
        {
            store, urls, monitorInterval, banditInterval,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetValue(store)!;
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var interval = MonitorInterval(parse.GetValue(monitorInterval)!);
            var bandits = Interval(parse.GetValue(banditInterval)!, "--bandit-interval");
            if (Verdict.Storage.ClickHouse.ClickHouseAddress.IsClickHouse(connection))
            {
                throw new CliException("--store: verdict serve keeps its keys, experiments and audit log in DuckDB or PostgreSQL (it needs transactions); ClickHouse serves ingest, analyze and report");
            }

            using (StoreOptions.Open(connection))
            {
                // Opened once here so that a store that cannot be reached exits 3 before the server starts.
            }

            var app = VerdictServer.Build(new ServerOptions { OpenStore = () => StoreOptions.Open(connection), Urls = listen, MonitorInterval = interval, BanditInterval = bandits });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"verdict serve: listening on {string.Join(", ", VerdictServer.Addresses(app))}, store {connection}; Ctrl-C stops").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--monitor-interval</c> value: a duration of at least 1 s, or null for <c>off</c>; anything else is an input error.</summary>
    public static TimeSpan? MonitorInterval(string text) => Interval(text, "--monitor-interval");

    /// <summary>An interval option's value (<paramref name="option"/> names it in the error): a duration of at least 1 s, or null for <c>off</c>.</summary>
    public static TimeSpan? Interval(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(text.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Verdict.Experiments.Quantities.DurationText.TryParse(text, out var interval) || interval < TimeSpan.FromSeconds(1))
        {
            throw new CliException($"{option}: expected a duration of at least 1s such as 30s, 1m or 1h, or off; got \"{text}\"");
        }

        return interval;
    }
}
