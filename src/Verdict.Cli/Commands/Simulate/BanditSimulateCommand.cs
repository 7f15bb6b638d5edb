using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdict.Cli.Commands.Bandit;
using Verdict.Cli.Commands.Stats;
using Verdict.Statistics.Bandits;

namespace Verdict.Cli.Commands.Simulate;

/// <summary><c>verdict simulate bandit</c>: seed 001's Thompson run, then regret and estimator bias over many seeded runs.</summary>
internal static class BanditSimulateCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new BanditSimulationOptions();
        var rates = new Option<string>("--rates") { Description = "True success rates, comma-separated (default 0.55,0.62: seed 001)", DefaultValueFactory = _ => "0.55,0.62" };
        var pulls = new Option<int>("--pulls") { Description = $"Pulls per run (default {defaults.Pulls})", DefaultValueFactory = _ => defaults.Pulls };
        var runs = new Option<int>("--runs") { Description = $"Seeded runs (default {defaults.Runs})", DefaultValueFactory = _ => defaults.Runs };
        var batch = new Option<int>("--batch") { Description = $"Pulls per period between weight updates (default {defaults.BatchSize})", DefaultValueFactory = _ => defaults.BatchSize };
        var drift = new Option<double>("--drift") { Description = $"Rise of every arm's rate from first to last period (default {defaults.Drift})", DefaultValueFactory = _ => defaults.Drift };
        var floor = new Option<double>("--min-weight") { Description = $"Weight floor per arm (default {defaults.Thompson.MinimumWeight})", DefaultValueFactory = _ => defaults.Thompson.MinimumWeight };
        var minimum = new Option<long>("--min-sample") { Description = $"Rewards per arm before the first update (default {defaults.Thompson.MinimumSamplePerArm})", DefaultValueFactory = _ => defaults.Thompson.MinimumSamplePerArm };
        var topTwo = new Option<bool>("--top-two") { Description = "Top-two Thompson sampling (β = 0.5) instead of plain" };
        var method = new Option<string>("--method") { Description = "Posterior weights by quadrature or monte-carlo (default quadrature)", DefaultValueFactory = _ => "quadrature" };
        var seed = new Option<int>("--seed") { Description = $"Seed (default {defaults.Seed})", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per core); results do not depend on it" };
        var json = StatsOptions.Json();
        var command = new Command(
            "bandit",
            "Seed 001's Thompson-sampling bandit (one draw per pull), then over many seeded runs of a batched bandit: cumulative regret against a 50/50 split and the bias of the naive pooled lift against the period-stratified and inverse-propensity ones (docs/bandits.md).\n\n"
            + "Example:\n  verdict simulate bandit --rates 0.55,0.62 --pulls 500 --runs 1000 --seed 7")
        {
            rates, pulls, runs, batch, drift, floor, minimum, topTwo, method, seed, threads, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new BanditSimulationOptions
            {
                TrueRates = BanditInput.Rates(parse.GetValue(rates)!, "--rates"),
                Pulls = parse.GetValue(pulls),
                Runs = parse.GetValue(runs),
                BatchSize = parse.GetValue(batch),
                Drift = parse.GetValue(drift),
                Seed = parse.GetValue(seed),
                MaxDegreeOfParallelism = parse.GetValue(threads),
                Thompson = new ThompsonOptions
                {
                    MinimumWeight = parse.GetValue(floor),
                    MinimumSamplePerArm = parse.GetValue(minimum),
                    TopTwo = parse.GetValue(topTwo),
                    Method = BanditInput.Method(parse.GetValue(method)!),
                },
            };
            var result = BanditSimulation.Run(options, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, BanditSimulationJson.From(options, result));
            }
            else
            {
                Print(context, options, result);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Print(CliContext context, BanditSimulationOptions o, BanditSimulationResult r)
    {
        var rates = string.Join(", ", o.TrueRates.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));
        context.Console.WriteLine($"seed 001's run (one Thompson draw per pull, Beta(1,1) priors), true rates [{rates}], {o.Pulls} pulls, seed {o.Seed}:");
        context.Console.WriteLine($"  traffic: [{Join(r.FirstRun.Traffic)}]   successes: [{Join(r.FirstRun.Successes)}]   failures: [{Join(r.FirstRun.Failures)}]");
        var t = r.BestArmTraffic;
        context.Console.WriteLine(Invariant($"  best arm's traffic over {r.Runs} runs: mean {t.Mean:F1}, median {t.Median:F0}, 95% of runs in [{t.Low:F0}, {t.High:F0}]"));
        context.Console.WriteLine();
        context.Console.WriteLine(Invariant($"batched bandit: {o.Periods} periods of {o.BatchSize}, floor {o.Thompson.MinimumWeight}, minimum {o.Thompson.MinimumSamplePerArm} rewards per arm, {(o.Thompson.TopTwo ? "top-two" : "plain")} Thompson, drift {o.Drift}, {r.Runs} runs"));
        var regret = new Table().AddColumns("pulls", "bandit regret (mean)", "95% CI of mean", "2.5%–97.5% of runs", "50/50 regret");
        foreach (var p in r.RegretCurve)
        {
            regret.AddRow(Markup.Escape(p.Pulls.ToString(CultureInfo.InvariantCulture)), Invariant($"{p.Bandit.Mean:F2}"),
                Markup.Escape(Invariant($"[{p.Bandit.MeanCiLow:F2}, {p.Bandit.MeanCiHigh:F2}]")), Invariant($"{p.Bandit.Low:F2}–{p.Bandit.High:F2}"), Invariant($"{p.FixedSplit:F2}"));
        }

        context.Console.Write(regret);
        var bias = new Table().AddColumns("estimate of the lift", "mean bias", "95% CI of bias", "2.5%–97.5% of runs");
        Row(bias, "naive pooled (ignores periods)", r.NaiveBias);
        Row(bias, "period-stratified", r.StratifiedBias);
        Row(bias, "inverse propensity", r.InverseProbabilityBias);
        context.Console.WriteLine(Invariant($"true lift {r.TrueLift:+0.####;-0.####}; bias = estimate − true lift:"));
        context.Console.Write(bias);
        context.Console.WriteLine(Invariant($"stratified 95% interval covered the true lift in {r.StratifiedCoverage * 100:F1}% of runs"));
        context.Console.WriteLine(Invariant($"inverse-propensity 95% interval (sandwich error) covered it in {r.InverseProbabilityCoverage * 100:F1}% of runs"));
        context.Console.WriteLine("A bandit's result is not a fixed-horizon launch test: read the stratified estimate, and confirm a launch with a fixed split.");
    }

    private static void Row(Table table, string name, SpreadSummary s) =>
        table.AddRow(Markup.Escape(name), Invariant($"{s.Mean:+0.0000;-0.0000}"), Markup.Escape(Invariant($"[{s.MeanCiLow:+0.0000;-0.0000}, {s.MeanCiHigh:+0.0000;-0.0000}]")), Invariant($"{s.Low:+0.000;-0.000} … {s.High:+0.000;-0.000}"));

    private static string Join(IReadOnlyList<long> values) => string.Join(", ", values);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
