using System.CommandLine;

namespace Verdict.Cli.Commands.Stats;

/// <summary>Options shared by the <c>stats</c> calculators.</summary>
internal static class StatsOptions
{
    public static Option<double> Alpha() => new("--alpha")
    {
        Description = "Two-sided significance level (default 0.05)",
        DefaultValueFactory = _ => 0.05,
        Validators = { result => { if (result.GetValueOrDefault<double>() is var a && !(a > 0 && a < 1)) { result.AddError($"--alpha must lie strictly between 0 and 1, got {a}"); } } },
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of a table" };
}
