using System.CommandLine;
using Verdict.Cli.Commands.Stats;
using Verdict.Cli.Commands.Store;
using Verdict.Reports.Interleaving;
using Verdict.Statistics.Interleaving;
using Verdict.Storage.Interleaving;

namespace Verdict.Cli.Commands.Interleaving;

/// <summary><c>verdict interleaving analyze --experiment KEY --store STORE</c>: preference share, its CI and tests.</summary>
internal static class InterleavingAnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var experiment = new Option<string>("--experiment") { Description = "The experiment key the impression and click events carry", Required = true };
        var store = StoreOptions.Store();
        var asOf = new Option<string?>("--as-of") { Description = "Only count events at or before this time (ISO-8601, UTC)" };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command(
            "analyze",
            "Analyse an interleaving experiment from its impression and click events: per-query outcomes (A, B, tie), B's share of decisive queries with a Wilson interval and the exact binomial test, and the same share with a per-user clustered standard error.\n\n"
            + "Example:\n  verdict interleaving analyze --experiment search-ranker --store verdict.duckdb")
        {
            experiment, store, asOf, alpha, json,
        };
        command.SetAction(parse =>
        {
            using var opened = StoreOptions.OpenExisting(parse.GetValue(store)!);
            var key = parse.GetValue(experiment)!;
            var sums = new SqlInterleavingSource(opened).Load(key, AnalysisRun.ParseAsOf(parse.GetValue(asOf)));
            var a = parse.GetValue(alpha);
            var plain = InterleavingPreference.Analyze(sums.Total, a);
            var clustered = InterleavingPreference.AnalyzeClustered(sums, a);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    Experiment = key,
                    Users = sums.Users,
                    Queries = sums.Total.Queries,
                    WinsA = sums.Total.WinsA,
                    WinsB = sums.Total.WinsB,
                    Ties = sums.Total.Ties,
                    PerQuery = PreferenceDocument.From(plain),
                    PerUser = PreferenceDocument.From(clustered),
                });
                return ExitCodes.Success;
            }

            InterleavingTable.Write(context, key, sums, plain, clustered, a);
            return ExitCodes.Success;
        });
        return command;
    }
}
