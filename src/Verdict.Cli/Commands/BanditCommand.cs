using System.CommandLine;
using Verdict.Cli.Commands.Bandit;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict bandit …</c>: start a Thompson-sampling bandit, compute its next period from the store, show a unit's arm.</summary>
public static class BanditCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bandit", "Thompson-sampling bandits served through bucket ranges (docs/bandits.md).");
        command.Subcommands.Add(BanditInitCommand.Create(context));
        command.Subcommands.Add(BanditUpdateCommand.Create(context));
        command.Subcommands.Add(BanditAssignCommand.Create(context));
        return command;
    }
}
