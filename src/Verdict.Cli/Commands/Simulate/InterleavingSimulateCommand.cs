using System.CommandLine;
using System.Globalization;
using Verdict.Cli.Commands.Stats;
using Verdict.Experiments.Simulation.Interleaving;

namespace Verdict.Cli.Commands.Simulate;

/// <summary><c>verdict simulate interleaving</c>: queries needed by team-draft interleaving and by an A/B test on click-through.</summary>
internal static class InterleavingSimulateCommand
{
    public static Command Create(CliContext context)
    {
        var d = new InterleavingSimulationOptions();
        var queries = new Option<int>("--queries") { Description = $"Simulated queries per block (default {d.QueriesPerBlock})", DefaultValueFactory = _ => d.QueriesPerBlock };
        var blocks = new Option<int>("--blocks") { Description = $"Blocks for the jackknife interval (default {d.Blocks})", DefaultValueFactory = _ => d.Blocks };
        var noiseA = new Option<double>("--noise-a") { Description = $"Ranker A's score noise (default {d.NoiseA})", DefaultValueFactory = _ => d.NoiseA };
        var noiseB = new Option<double>("--noise-b") { Description = $"Ranker B's score noise (default {d.NoiseB}); smaller is better", DefaultValueFactory = _ => d.NoiseB };
        var length = new Option<int>("--length") { Description = $"Results shown (default {d.ListLength})", DefaultValueFactory = _ => d.ListLength };
        var method = new Option<string>("--method") { Description = "team-draft (default) or balanced", DefaultValueFactory = _ => "team-draft" };
        var seed = new Option<int>("--seed") { Description = $"Seed (default {d.Seed})", DefaultValueFactory = _ => d.Seed };
        var alpha = StatsOptions.Alpha();
        var power = new Option<double>("--power") { Description = "Power for the queries-needed figures (default 0.8)", DefaultValueFactory = _ => 0.8 };
        var json = StatsOptions.Json();
        var command = new Command(
            "interleaving",
            "On a seeded cascade click model, how many queries team-draft (or balanced) interleaving and a per-query A/B test on click-through need to detect the same ranker difference, and their ratio with a jackknife interval (docs/interleaving.md).\n\n"
            + "Example:\n  verdict simulate interleaving --noise-a 1.0 --noise-b 0.9 --queries 5000 --blocks 20 --seed 7")
        {
            queries, blocks, noiseA, noiseB, length, method, seed, alpha, power, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new InterleavingSimulationOptions
            {
                QueriesPerBlock = parse.GetValue(queries),
                Blocks = parse.GetValue(blocks),
                NoiseA = parse.GetValue(noiseA),
                NoiseB = parse.GetValue(noiseB),
                ListLength = parse.GetValue(length),
                Seed = parse.GetValue(seed),
                Alpha = parse.GetValue(alpha),
                Power = parse.GetValue(power),
                Method = parse.GetValue(method) switch
                {
                    "team-draft" => Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft,
                    "balanced" => Verdict.Assignment.Interleaving.InterleavingMethod.Balanced,
                    var other => throw new CliException($"--method must be team-draft or balanced, got \"{other}\""),
                },
            };
            var r = InterleavingSimulation.Run(options, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new { Options = new { options.QueriesPerBlock, options.Blocks, options.NoiseA, options.NoiseB, options.ListLength, Method = options.Method == Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft ? "team_draft" : "balanced", options.Seed, options.Alpha, options.Power }, Result = r });
                return Task.FromResult(ExitCodes.Success);
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"""
                {r.Queries:N0} simulated queries (seed {options.Seed}), ranker noise A {options.NoiseA}, B {options.NoiseB}, {options.ListLength} results
                A/B on click-through: {r.ClickThroughA:P2} (A) vs {r.ClickThroughB:P2} (B); needs {r.QueriesAB:N0} queries over both arms
                {(options.Method == Verdict.Assignment.Interleaving.InterleavingMethod.TeamDraft ? "team-draft" : "balanced")} interleaving: B wins {r.PreferenceShareB:P1} of decisive queries, {r.TieShare:P1} tie; needs {r.QueriesInterleaving:N0} queries
                sensitivity ratio (A/B ÷ interleaving, alpha {options.Alpha}, power {options.Power}): {r.SensitivityRatio:F1}, 95% CI [{r.RatioCiLow:F1}, {r.RatioCiHigh:F1}]
                The A/B side randomizes per query, which favours it; randomizing users with many queries each needs more.
                """);
            context.Out.WriteLine(text.Replace(" %", "%", StringComparison.Ordinal));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
