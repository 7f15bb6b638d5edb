using System.CommandLine;
using Verdict.Cli.Commands.Simulate;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict simulate …</c>: seeded traffic for tests, the demo and benchmarks, and seeded simulation studies.</summary>
public static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "simulate",
            "Seeded simulations: experiment traffic (docs/events.md, \"Simulated support-bot traffic\"), the peeking study (docs/sequential.md), bandits (docs/bandits.md) and interleaving (docs/interleaving.md).");
        command.Subcommands.Add(SimulateExperimentCommand.Create(context));
        command.Subcommands.Add(PeekingCommand.Create(context));
        command.Subcommands.Add(LoggedBanditCommand.Create(context));
        command.Subcommands.Add(RolloutCommand.Create(context));
        command.Subcommands.Add(BanditSimulateCommand.Create(context));
        command.Subcommands.Add(InterleavingSimulateCommand.Create(context));
        return command;
    }
}
