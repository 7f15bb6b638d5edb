using System.CommandLine;
using System.Globalization;
using Verdict.Experiments.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary><c>verdict simulate rollout</c>: a seeded weekly panel of a regional rollout with a known effect, for <c>verdict did</c>.</summary>
internal static class RolloutCommand
{
    public static Command Create(CliContext context)
    {
        var units = new Option<int>("--units") { Description = "Customers (default 2000)", DefaultValueFactory = _ => 2000 };
        var weeks = new Option<int>("--weeks") { Description = "Weeks (default 10)", DefaultValueFactory = _ => 10 };
        var adoption = new Option<int>("--adoption-week") { Description = "The first treated week, 2..weeks (default 6)", DefaultValueFactory = _ => 6 };
        var effect = new Option<double>("--effect") { Description = "True effect on the weekly resolution rate (default 0.03)", DefaultValueFactory = _ => 0.03 };
        var preTrend = new Option<double>("--pre-trend") { Description = "Weekly drift of treated regions relative to the others, which breaks parallel trends (default 0)", DefaultValueFactory = _ => 0 };
        var regions = new Option<int>("--treated-regions") { Description = "How many of the 12 regions get the change (default 4)", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed (default 11)", DefaultValueFactory = _ => 11 };
        var output = new Option<string?>("--out") { Description = "Write the CSV here (default: standard output)" };
        var command = new Command(
            "rollout",
            "A seeded weekly panel of a change rolled out to some regions (docs/quasi-experiments.md, \"Demo\"); the true effect goes to standard error.\n\n"
            + "Example:\n  verdict simulate rollout --out panel.csv && verdict did panel.csv --outcome resolution_rate --cluster region")
        {
            units, weeks, adoption, effect, preTrend, regions, seed, output,
        };
        command.SetAction(parse =>
        {
            var (n, w, a) = (parse.GetValue(units), parse.GetValue(weeks), parse.GetValue(adoption));
            if (n < 1 || w < 2 || a < 2 || a > w)
            {
                throw new CliException($"--units must be positive, --weeks at least 2 and --adoption-week between 2 and --weeks; got {n}, {w}, {a}");
            }

            var treatedRegions = parse.GetValue(regions) is var r && r >= 1 && r < RolloutSimulation.Regions.Count ? r : throw new CliException($"--treated-regions must lie between 1 and {RolloutSimulation.Regions.Count - 1}, got {r}");
            using var writer = parse.GetValue(output) is { } path ? new StreamWriter(path) : null;
            var target = writer ?? context.Out;
            target.Write("unit,period,region,treated,resolution_rate\n");
            foreach (var (unit, week, region, treated, outcome) in RolloutSimulation.Run(n, w, a - 1, parse.GetValue(effect), parse.GetValue(preTrend), treatedRegions, parse.GetValue(seed)))
            {
                target.Write(string.Create(CultureInfo.InvariantCulture, $"{unit},{week},{region},{(treated ? 1 : 0)},{outcome}\n"));
            }

            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulated {n:N0} customers over {w} weeks (seed {parse.GetValue(seed)}): {treatedRegions} of {RolloutSimulation.Regions.Count} regions adopt in week {a}; true effect {parse.GetValue(effect):+0.####;-0.####;0}, pre-trend {parse.GetValue(preTrend)} per week"));
            return ExitCodes.Success;
        });
        return command;
    }
}
