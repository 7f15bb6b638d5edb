using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdict.Cli.Commands.Stats;
using Verdict.Reports.Text;
using Verdict.Statistics.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary><c>verdict simulate peeking</c>: seed 000's A/A peeking study under four stopping policies.</summary>
internal static class PeekingCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new PeekingSimulationOptions();
        var trials = new Option<int>("--trials") { Description = $"Simulated A/A experiments (default {defaults.Trials})", DefaultValueFactory = _ => defaults.Trials };
        var looks = new Option<int>("--looks") { Description = $"Looks per experiment (default {defaults.Looks})", DefaultValueFactory = _ => defaults.Looks };
        var batch = new Option<int>("--batch") { Description = $"Units per arm between looks (default {defaults.BatchSize})", DefaultValueFactory = _ => defaults.BatchSize };
        var rate = new Option<double>("--rate") { Description = $"Conversion rate of both arms (default {defaults.Rate})", DefaultValueFactory = _ => defaults.Rate };
        var seed = new Option<int>("--seed") { Description = $"Seed (default {defaults.Seed})", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per core); results do not depend on it" };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command(
            "peeking",
            "A/A tests looked at after every batch: false-win rates of a single planned look, naive peeking, an O'Brien–Fleming plan and always-valid p-values.\n\n"
            + "Example:\n  verdict simulate peeking --trials 5000 --looks 20 --batch 100 --rate 0.4 --seed 11")
        {
            trials, looks, batch, rate, seed, threads, alpha, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new PeekingSimulationOptions
            {
                Trials = Positive(parse.GetValue(trials), "--trials"),
                Looks = Positive(parse.GetValue(looks), "--looks"),
                BatchSize = Positive(parse.GetValue(batch), "--batch"),
                Rate = parse.GetValue(rate) is var r && r is >= 0 and <= 1 ? r : throw new CliException($"--rate must lie in [0, 1], got {r}"),
                Seed = parse.GetValue(seed),
                Alpha = parse.GetValue(alpha),
                MaxDegreeOfParallelism = parse.GetValue(threads) is { } t ? Positive(t, "--threads") : null,
            };
            if (options.Looks > 50)
            {
                throw new CliException($"--looks: at most 50, got {options.Looks}");
            }

            var asJson = parse.GetValue(json);
            var result = context.Interactive && !asJson
                ? WithProgressBar(context, options, cancellationToken)
                : PeekingSimulation.Run(options, null, cancellationToken);
            if (asJson)
            {
                JsonOutput.Write(context.Out, PeekingJson.From(options, result));
            }
            else
            {
                Print(context, options, result);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new CliException($"{option} must be at least 1, got {value}");

    private static PeekingSimulationResult WithProgressBar(CliContext context, PeekingSimulationOptions options, CancellationToken cancellationToken)
    {
        PeekingSimulationResult? result = null;
        context.Console.Progress().Start(progress =>
        {
            var task = progress.AddTask("A/A trials", maxValue: options.Trials);
            result = PeekingSimulation.Run(options, new TaskProgress(task), cancellationToken);
            task.Value = options.Trials;
        });
        return result!;
    }

    private static void Print(CliContext context, PeekingSimulationOptions o, PeekingSimulationResult result)
    {
        context.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Trials} A/A experiments, {o.Looks} looks of {o.BatchSize} units per arm, rate {o.Rate}, alpha {o.Alpha}, seed {o.Seed}"));
        var table = new Table().AddColumns("policy", "false wins", "rate", "95% CI");
        foreach (var outcome in result.Outcomes)
        {
            table.AddRow(
                Markup.Escape(PeekingJson.Describe(outcome.Policy)),
                outcome.Wins.ToString(CultureInfo.InvariantCulture),
                MetricFormat.Percent(outcome.Rate).TrimStart('+'),
                Markup.Escape($"[{MetricFormat.Percent(outcome.CiLow).TrimStart('+')}, {MetricFormat.Percent(outcome.CiHigh).TrimStart('+')}]"));
        }

        context.Console.Write(table);
        context.Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"O'Brien–Fleming plan: ±{Boundary(result.PlanBoundaries[0])} at look 1 … ±{Boundary(result.PlanBoundaries[^1])} at look {o.Looks}; always-valid N* = {result.TuningUnits}"));
    }

    private static string Boundary(double z) => double.IsPositiveInfinity(z) ? "∞ (no alpha spent)" : MetricFormat.Number(z);

    /// <summary>Moves a Spectre progress task from the simulation's worker threads.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock gate = new();

        public void Report(int value)
        {
            lock (gate)
            {
                task.Value = Math.Max(task.Value, value);
            }
        }
    }
}
