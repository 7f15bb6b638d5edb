using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Verdict.Experiments.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary><c>verdict simulate logged-bandit</c>: seeded logged decisions with a known true value, for <c>verdict ope</c>.</summary>
internal static class LoggedBanditCommand
{
    public static Command Create(CliContext context)
    {
        var decisions = new Option<int>("--decisions") { Description = "Logged decisions (default 5000)", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "Seed (default 11)", DefaultValueFactory = _ => 11 };
        var output = new Option<string?>("--out") { Description = "Write the NDJSON here (default: standard output)" };
        var command = new Command(
            "logged-bandit",
            "Seeded logged decisions of an answer-style bandit (docs/ope.md, \"Demo\"); the true values of the logged and candidate policies go to standard error.\n\n"
            + "Example:\n  verdict simulate logged-bandit --decisions 5000 --out decisions.ndjson && verdict ope decisions.ndjson")
        {
            decisions, seed, output,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(decisions) is var d && d > 0 ? d : throw new CliException($"--decisions must be positive, got {d}");
            using var writer = parse.GetValue(output) is { } path ? new StreamWriter(path) : null;
            var target = writer ?? context.Out;
            foreach (var decision in LoggedBanditSimulation.Run(n, parse.GetValue(seed)))
            {
                target.Write(JsonSerializer.Serialize(new
                {
                    id = decision.Id,
                    action = decision.Action,
                    propensity = decision.Propensity,
                    reward = decision.Reward,
                    context = new Dictionary<string, double>
                    {
                        ["pro"] = decision.Tier == "pro" ? 1 : 0,
                        ["enterprise"] = decision.Tier == "enterprise" ? 1 : 0,
                        ["returning"] = decision.Returning ? 1 : 0,
                    },
                    candidate = decision.Candidate,
                }));
                target.Write('\n');
            }

            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulated {n:N0} decisions (seed {parse.GetValue(seed)}): true value of the logged policy {LoggedBanditSimulation.TrueValue(LoggedBanditSimulation.Logging):F4}, of the candidate {LoggedBanditSimulation.TrueValue(LoggedBanditSimulation.Candidate):F4}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
