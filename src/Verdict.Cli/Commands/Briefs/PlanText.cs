using System.Globalization;
using Spectre.Console;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Planning;
using Verdict.Experiments.Validation;

namespace Verdict.Cli.Commands.Briefs;

/// <summary>The human rendering of <c>verdict plan</c>.</summary>
internal static class PlanText
{
    public static void Write(CliContext context, ExperimentBrief brief, ExperimentPlan plan, BriefLock newLock, string lockPath, string lockWord, IReadOnlyList<BriefProblem> warnings, IReadOnlyList<string> notes)
    {
        var console = context.Console;
        console.MarkupLineInterpolated($"[bold]{brief.Key}[/] v{brief.Version}: {brief.Hypothesis}");
        console.WriteLine($"unit: {Word(brief.Unit.Randomization)} (analysis: {Word(brief.Unit.Analysis)}), salt \"{newLock.Salt}\"");
        console.WriteLine($"primary: {brief.PrimaryMetric}, MDE {brief.Analysis.Mde}, alpha {N(brief.Analysis.Alpha)}, power {N(brief.Analysis.Power)}, ship at ≥ {brief.Analysis.MinimumShipLift}");
        if (plan.Arms.Count > 0)
        {
            var table = new Table().AddColumns("arm", "weight", "units");
            foreach (var arm in plan.Arms)
            {
                table.AddRow(Markup.Escape(arm.Name), N(arm.Weight), arm.Units.ToString("N0", CultureInfo.InvariantCulture));
            }

            table.AddRow("total", "1", (plan.TotalUnits ?? 0).ToString("N0", CultureInfo.InvariantCulture));
            console.Write(table);
        }

        if (plan.DurationDays is { } days)
        {
            console.WriteLine($"duration: {days} day{(days == 1 ? string.Empty : "s")} at {plan.EnrolledPerDay!.Value.ToString("N0", CultureInfo.InvariantCulture)} enrolled a day ({plan.DailyUnits!.Value.ToString("N0", CultureInfo.InvariantCulture)} eligible × {N(ExperimentPlanner.EnrolledShare(brief))})");
        }

        console.WriteLine($"design: {Word(brief.Analysis.Design)}{(brief.Analysis.Looks.Count > 0 ? $", looks at {string.Join(", ", brief.Analysis.Looks.Select(N))}, spending {brief.Analysis.Spending}" : string.Empty)}");
        if (plan.Sequential is { } sequential)
        {
            foreach (var look in sequential.Looks)
            {
                console.WriteLine($"  look at {N(look.InformationFraction)}: |z| ≥ {look.EfficacyZ.ToString("0.000", CultureInfo.InvariantCulture)}, alpha spent {look.CumulativeAlpha.ToString("0.00000", CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var guardrail in brief.Guardrails)
        {
            console.WriteLine($"guardrail: {guardrail.Metric} must not {Word(guardrail.Harmful)} by more than {guardrail.Budget?.ToString() ?? "(no budget)"} ({Word(guardrail.Rule)})");
        }

        foreach (var note in notes)
        {
            console.MarkupLineInterpolated($"[grey]note[/] {note}");
        }

        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"[yellow]{warning.ToString()}[/]");
        }

        console.WriteLine($"lock: {lockPath} ({lockWord.Replace('_', ' ')}), sha256 {newLock.Hash}");
    }

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Word<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()!).Replace('_', ' ');
}
