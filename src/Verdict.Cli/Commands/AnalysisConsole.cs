using Spectre.Console;
using Verdict.Experiments.Analysis;
using Verdict.Reports;
using Verdict.Reports.Text;

namespace Verdict.Cli.Commands;

/// <summary>The human rendering of an analysis: the checks table and the verdict banner.</summary>
internal static class AnalysisConsole
{
    public static void Write(CliContext context, AnalysisReport report) => Write(context, report.Checks, report.Decision, DecisionText.Reasons(report));

    /// <summary>The checks table and the verdict banner of any analysis (a launch analysis, an interleaving brief's).</summary>
    public static void Write(CliContext context, IReadOnlyList<AnalysisCheck> checks, LaunchDecision decisionMade, IReadOnlyList<string> reasons)
    {
        var table = new Table().AddColumns("step", "check", "result", "detail");
        table.Columns[3].Width(90);
        foreach (var check in checks)
        {
            var status = check.Status switch
            {
                CheckStatus.Pass => "[green]PASS[/]",
                CheckStatus.Fail => "[red]FAIL[/]",
                CheckStatus.Warn => "[yellow]WARN[/]",
                _ => "[grey]INFO[/]",
            };
            table.AddRow(Markup.Escape(check.Step), Markup.Escape(check.Name), status, Markup.Escape(CheckText.Detail(check)));
        }

        context.Console.Write(table);
        var decision = AnalysisDocument.DecisionText(decisionMade);
        var colour = decisionMade switch
        {
            LaunchDecision.Ship => "green",
            LaunchDecision.Hold => "yellow",
            _ => "red",
        };
        context.Console.MarkupLine($"[bold {colour}]decision: {decision}[/]");
        foreach (var reason in reasons)
        {
            context.Console.MarkupLine("  " + Markup.Escape(reason));
        }
    }
}
