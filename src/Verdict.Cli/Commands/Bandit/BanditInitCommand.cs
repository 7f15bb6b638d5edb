using System.CommandLine;
using Verdict.Cli.Commands.Briefs;
using Verdict.Experiments.Analysis.Bandits;

namespace Verdict.Cli.Commands.Bandit;

/// <summary><c>verdict bandit init BRIEF --out STATE</c>: period 0 with equal weights.</summary>
internal static class BanditInitCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The experiment brief (its arms, salt and primary metric, the reward)" };
        var output = new Option<string>("--out") { Description = "The bandit state file to create", Required = true };
        var enrollment = new Option<double>("--enrollment-per-period") { Description = "Share of all units each period's cohort enrols (default 0.05: 20 periods)", DefaultValueFactory = _ => 0.05 };
        var floor = new Option<double>("--min-weight") { Description = "Weight floor per arm (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var minimum = new Option<long>("--min-sample") { Description = "Rewards per arm before the first update (default 100)", DefaultValueFactory = _ => 100 };
        var topTwo = new Option<bool>("--top-two") { Description = "Top-two Thompson sampling (β = 0.5)" };
        var method = new Option<string>("--method") { Description = "quadrature (default) or monte-carlo", DefaultValueFactory = _ => "quadrature" };
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws (default 10000)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Monte Carlo seed; period p uses seed + p (default 1)", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Replace an existing state file" };
        var command = new Command("init", "Start a bandit: write its state file with period 0 at equal weights.\n\nExample:\n  verdict bandit init brief.yaml --out bandit.json --enrollment-per-period 0.05 --min-weight 0.05")
        {
            brief, output, enrollment, floor, minimum, topTwo, method, draws, seed, force,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new CliException($"--out: {path} exists; a bandit's history is not overwritten without --force");
            }

            var loaded = BriefInput.Load(parse.GetValue(brief)!).Brief!;
            BanditState state;
            if (loaded.Bandit is not null)
            {
                // The brief's bandit block is the one place the options live: a flag beside it would be a second.
                var given = new Option[] { enrollment, floor, minimum, topTwo, method, draws, seed }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (given.Count > 0)
                {
                    throw new CliException($"{string.Join(", ", given)}: the brief has a bandit block, which sets the bandit's options; change them there (docs/brief.md, \"Bandit\")");
                }

                state = BanditUpdater.Start(loaded, TimeProvider.System.GetUtcNow());
            }
            else
            {
                state = BanditUpdater.Start(loaded, parse.GetValue(enrollment), TimeProvider.System.GetUtcNow(), s => s with
                {
                    MinWeight = parse.GetValue(floor),
                    MinSample = parse.GetValue(minimum),
                    TopTwo = parse.GetValue(topTwo),
                    Method = BanditInput.Method(parse.GetValue(method)!),
                    Draws = parse.GetValue(draws),
                    Seed = parse.GetValue(seed),
                });
            }

            BanditStateFile.Save(state, path);
            context.Out.WriteLine($"bandit {state.Experiment} v{state.Version}: period 0 serves [{string.Join(", ", state.Arms)}] at equal weights to {state.ToSchedule().CohortBuckets} of 10000 buckets; state in {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
