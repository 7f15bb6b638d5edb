using System.CommandLine;
using Verdict.Cli.Commands.Stats;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict stats …</c>: calculators over sufficient statistics.</summary>
public static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var stats = new Command("stats", "Statistics calculators: lifts, intervals, power, SRM, corrections, sequential boundaries.");
        stats.Subcommands.Add(ProportionsCommand.Create(context));
        stats.Subcommands.Add(MeansCommand.Create(context));
        stats.Subcommands.Add(CupedCommand.CreateRatio(context));
        stats.Subcommands.Add(CupedCommand.Create(context));
        stats.Subcommands.Add(SrmCommand.Create(context));
        stats.Subcommands.Add(SampleSizeCommand.Create(context));
        stats.Subcommands.Add(SampleSizeCommand.CreateMde(context));
        stats.Subcommands.Add(SampleSizeCommand.CreatePower(context));
        stats.Subcommands.Add(AdjustCommand.Create(context));
        stats.Subcommands.Add(QuantileCommand.Create(context));
        stats.Subcommands.Add(BayesCommand.Create(context));
        stats.Subcommands.Add(NonInferiorityCommand.Create(context));
        stats.Subcommands.Add(SequentialCommand.Create(context));
        stats.Subcommands.Add(SequentialLookCommand.Create(context));
        stats.Subcommands.Add(AlwaysValidCommand.Create(context));
        return stats;
    }
}
