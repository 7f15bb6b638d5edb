using System.CommandLine;
using Verdict.Cli.Commands.Interleaving;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict interleaving …</c>: interleave two rankings as a ranking service would, and analyse an interleaving experiment.</summary>
public static class InterleavingCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("interleaving", "Team-draft and balanced interleaving of two rankers (docs/interleaving.md).");
        command.Subcommands.Add(InterleaveCommand.Create(context));
        command.Subcommands.Add(InterleavingAnalyzeCommand.Create(context));
        return command;
    }
}
