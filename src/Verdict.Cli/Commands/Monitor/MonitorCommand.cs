using System.CommandLine;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.Cli.Commands.Monitor;

/// <summary>
/// <c>verdict monitor brief.yaml --store … [--once] [--json]</c>: the live guardrail monitor over a store (docs/monitor.md).
/// It judges the brief's monitor windows and says which actions the registered rules fire; it changes nothing (the
/// server's monitor applies them). Exit 1 when a pause or rollback fires.
/// </summary>
public static class MonitorCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The experiment brief (brief.yaml) with monitor blocks on its guardrails" };
        var store = StoreOptions.Store();
        var once = new Option<bool>("--once") { Description = "Judge the complete windows and exit (default: keep watching, a pass at each window end, until Ctrl-C or a pause/rollback)" };
        var from = new Option<string?>("--from") { Description = "Where the first window starts (ISO-8601, UTC; default: the version's first exposure in the store)" };
        var asOf = new Option<string?>("--as-of") { Description = "Judge the windows complete at this time (ISO-8601, UTC; default: now); implies --once" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per pass (docs/cli.md, \"verdict monitor\")" };
        var unlocked = LockGate.Option();
        var command = new Command("monitor", "Watch a brief's guardrails in windows: breaches, streaks and the registered actions.\n\nExample:\n  verdict monitor examples/refund-query-rewrite/brief.yaml --store verdict.duckdb --once")
        {
            brief, store, once, from, asOf, json, unlocked,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(brief)!;
            var loaded = BriefInput.Load(path).Brief!;
            LockGate.Enforce(path, loaded, parse.GetValue(unlocked));
            if (!MonitorLedger.Monitors(loaded))
            {
                throw new CliException($"{path}: no guardrail has a monitor block (docs/brief.md, \"Guardrails\"); nothing to watch");
            }

            var limit = AnalysisRun.ParseAsOf(parse.GetValue(asOf));
            var origin = AnalysisRun.ParseAsOf(parse.GetValue(from)) ?? FirstExposure(parse.GetValue(store)!, loaded);
            var output = new MonitorOutput(context, parse.GetValue(json));
            if (origin is null)
            {
                output.Empty(loaded);
                return ExitCodes.Success;
            }

            var ledger = new MonitorLedger(loaded, origin.Value);
            var time = TimeProvider.System;
            while (true)
            {
                var now = limit ?? time.GetUtcNow();
                var steps = Pass(parse.GetValue(store)!, ledger, now);
                output.Write(ledger, now, steps);
                if (steps.Any(s => s.Decision is { Action: MonitorAction.Pause or MonitorAction.Rollback }))
                {
                    return ExitCodes.GateFailed;
                }

                if (parse.GetValue(once) || limit is not null)
                {
                    return ExitCodes.Success;
                }

                var next = ledger.Tracks.Min(t => (t.LastEnd ?? ledger.Origin) + t.Monitor.Window);
                var wait = next - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Every complete window not judged yet, up to the first pause or rollback (the store is opened for the pass only, so a server may use it between passes).</summary>
    private static List<MonitorStep> Pass(string connection, MonitorLedger ledger, DateTimeOffset now)
    {
        using var opened = StoreOptions.OpenExisting(connection);
        var source = new SqlMetricSource(opened);
        var steps = new List<MonitorStep>();
        for (var pass = 0; pass < 10_000; pass++)
        {
            var next = ledger.Advance(source, now);
            steps.AddRange(next);
            if (next.Count == 0 || next[^1].Decision is { Action: MonitorAction.Pause or MonitorAction.Rollback })
            {
                // The server would pause or roll back here; the windows after it belong to a version no longer running.
                break;
            }
        }

        return steps;
    }

    private static DateTimeOffset? FirstExposure(string connection, ExperimentBrief brief)
    {
        using var opened = StoreOptions.OpenExisting(connection);
        var p = new SqlParameters(opened.Dialect);
        using var reader = opened.Query($"SELECT MIN(ts) FROM exposures WHERE experiment = {p.Add(brief.Key)} AND version = {p.Add(brief.Version)}", p.Values);
        return reader.Read() && !reader.IsDBNull(0) ? EventLoader.FromMicroseconds(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)) : null;
    }
}
