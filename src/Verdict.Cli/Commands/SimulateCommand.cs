using System.CommandLine;
using Verdict.Cli.Commands.Simulate;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict simulate …</c>: generate traffic and data for tests, the demo and benchmarks.</summary>
public static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("simulate", "Generate simulated experiment traffic (docs/events.md, \"Simulated support-bot traffic\").");
        command.Subcommands.Add(SimulateExperimentCommand.Create(context));
        return command;
    }
}
