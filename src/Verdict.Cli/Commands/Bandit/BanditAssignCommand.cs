using System.CommandLine;
using System.Globalization;
using Verdict.Experiments.Analysis.Bandits;

namespace Verdict.Cli.Commands.Bandit;

/// <summary><c>verdict bandit assign --state STATE UNIT…</c>: each unit's arm, period and propensity.</summary>
internal static class BanditAssignCommand
{
    public static Command Create(CliContext context)
    {
        var state = new Option<string>("--state") { Description = "The bandit state file", Required = true };
        var units = new Argument<string[]>("units") { Description = "Unit ids", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("assign", "The arm, enrolling period and propensity of units under a bandit's current schedule.\n\nExample:\n  verdict bandit assign --state bandit.json customer-014 customer-231")
        {
            state, units, json,
        };
        command.SetAction(parse =>
        {
            var loaded = BanditStateFile.Load(parse.GetValue(state)!);
            var schedule = loaded.ToSchedule();
            var rows = parse.GetValue(units)!.Select(u =>
            {
                var a = schedule.Assign(u);
                return new BanditAssignmentJson(u, a.Bucket, a.IsEnrolled ? loaded.Arms[a.Arm] : null, a.IsEnrolled ? a.Period : null, a.Propensity);
            }).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new { Experiment = loaded.Experiment, Version = loaded.Version, Period = loaded.Periods.Count - 1, Units = rows });
                return ExitCodes.Success;
            }

            foreach (var r in rows)
            {
                context.Out.WriteLine(r.Arm is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Unit}\tbucket {r.Bucket}\tnot enrolled yet (no open cohort)")
                    : string.Create(CultureInfo.InvariantCulture, $"{r.Unit}\tbucket {r.Bucket}\t{r.Arm}\tperiod {r.Period}\tpropensity {r.Propensity:0.####}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record BanditAssignmentJson(string Unit, int Bucket, string? Arm, int? Period, double Propensity);
}
