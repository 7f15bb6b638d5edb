using System.Globalization;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Did;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>What <c>verdict did</c> prints for a staggered design: the group-time estimate instead of two-way fixed effects.</summary>
internal static class StaggeredOutput
{
    public static int Write(CliContext context, StaggeredDidResult result, string[] periods, string outcome, double alpha, bool json, string? html, bool failOnPreTrend)
    {
        if (result.Refusal is { } refusal)
        {
            throw new CliException(refusal);
        }

        if (html is not null)
        {
            HtmlPage.Write(context, html, Verdict.Reports.Quasi.QuasiPage.Staggered(result, periods, outcome, alpha));
        }

        if (json)
        {
            JsonOutput.Write(context.Out, StaggeredDidJson.From(result, periods, outcome, alpha));
        }
        else
        {
            Human(context, result, periods, outcome, alpha);
        }

        return failOnPreTrend && result.PreTrend is { Flat: false } ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    private static void Human(CliContext context, StaggeredDidResult result, string[] periods, string outcome, double alpha)
    {
        var level = $"{(1 - alpha) * 100:0.##}%";
        var cohorts = result.GroupTime.GroupBy(g => g.Cohort).Select(g => $"{periods[g.Key]} ({g.First().Units:N0} units)");
        context.Out.WriteLine($"{outcome}: staggered adoption — cohorts first treated in {string.Join(", ", cohorts)}; {result.ControlUnits:N0} never-treated units, {result.Clusters:N0} clusters");
        context.Out.WriteLine("two-way fixed effects is biased here (Goodman-Bacon 2021); group-time effects against never-treated units (Callaway and Sant'Anna 2021):");
        var table = new Table().AddColumns("estimate", "effect", "std. error", $"{level} interval", "p-value");
        DidCommand.Row(table, "overall (cohort-size weighted)", result.Overall);
        context.Console.Write(table);
        EventStudyText.Write(context, result.EventStudy, level, null);
        if (result.PreTrend is { } pre)
        {
            context.Out.WriteLine($"parallel trends: joint χ²({pre.NumeratorDf}) = {MetricFormat.Number(pre.Statistic * pre.NumeratorDf)}, p = {MetricFormat.PValue(pre.PValue)} — {EventStudyText.Verdict(pre)}");
        }

        EventStudyText.Notes(context, result.Diagnostics);
    }
}
