using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdict.Cli.Commands.Stats;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;
using Verdict.Storage;

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
                    PerQuery = Json(plain),
                    PerUser = Json(clustered),
                });
                return ExitCodes.Success;
            }

            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key}: {sums.Total.Queries:N0} queries from {sums.Users:N0} users: A won {sums.Total.WinsA:N0}, B won {sums.Total.WinsB:N0}, {sums.Total.Ties:N0} tied"));
            var table = new Table().AddColumns("variance", "B's share of decisive queries", $"{(1 - a) * 100:0.#}% CI", "p-value (share = ½)", "Δ_AB");
            Row(table, "queries independent (Wilson, exact binomial)", plain);
            Row(table, "clustered by user (Wald)", clustered);
            context.Console.Write(table);
            foreach (var d in plain.Diagnostics.Concat(clustered.Diagnostics).DistinctBy(d => d.Message))
            {
                context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static object Json(PreferenceResult r) => new
    {
        ShareB = EstimateJson.N(r.ShareB),
        StandardError = EstimateJson.N(r.StandardError),
        CiLow = EstimateJson.N(r.CiLow),
        CiHigh = EstimateJson.N(r.CiHigh),
        PValue = EstimateJson.N(r.PValue),
        DeltaAb = EstimateJson.N(r.DeltaAB),
        Diagnostics = r.Diagnostics.Select(d => $"{d.Code}: {d.Message}").ToList(),
    };

    private static void Row(Table table, string name, PreferenceResult r) => table.AddRow(
        Markup.Escape(name),
        MetricFormat.Percent(r.ShareB).TrimStart('+'),
        Markup.Escape($"[{MetricFormat.Percent(r.CiLow).TrimStart('+')}, {MetricFormat.Percent(r.CiHigh).TrimStart('+')}]"),
        MetricFormat.PValue(r.PValue),
        MetricFormat.Number(r.DeltaAB));

}
