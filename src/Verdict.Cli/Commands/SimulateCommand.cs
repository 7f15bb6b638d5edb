using System.CommandLine;
using Verdict.Cli.Commands.Simulate;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict simulate …</c>: seeded, reproducible simulation studies. Each study is one subcommand.</summary>
public static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var simulate = new Command("simulate", "Seeded, reproducible simulation studies (peeking, experiments).");
        simulate.Subcommands.Add(PeekingCommand.Create(context));
        return simulate;
    }
}
