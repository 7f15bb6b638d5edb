using System.CommandLine;
using Verdict.Cli.Commands.Arena;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict arena …</c>: offline evaluation of variants on a golden set, and promotion of a winner.</summary>
public static class ArenaCommand
{
    public static Command Create(CliContext context)
    {
        var arena = new Command("arena", "Prompt Arena: duel variants on a golden set with judges, paired statistics and a gate.");
        arena.Subcommands.Add(ArenaRunCommand.Create(context));
        arena.Subcommands.Add(ArenaPromoteCommand.Create(context));
        return arena;
    }
}
