using System.CommandLine;
using Spectre.Console;
using Verdict.Cli.Commands.Stats;
using Verdict.Reports.Text;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;

namespace Verdict.Cli.Commands.Quasi;

/// <summary><c>verdict did PANEL</c>: difference-in-differences for a change rolled out to some units at a known time (docs/quasi-experiments.md).</summary>
internal static class DidCommand
{
    public static Command Create(CliContext context)
    {
        var panelFile = new Argument<string?>("panel") { Description = "Unit-by-period panel: CSV or NDJSON with unit, period, treated and the outcome (or --store)", Arity = ArgumentArity.ZeroOrOne };
        var outcome = new Option<string>("--outcome") { Description = "The outcome column (default outcome)", DefaultValueFactory = _ => "outcome" };
        var cluster = new Option<string?>("--cluster") { Description = "The column of the cluster the rollout was assigned at (default: the unit)" };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided error rate (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var failOnPreTrend = new Option<bool>("--fail-on-pre-trend") { Description = "Exit 1 when the leads are not flat (for CI gates)" };
        var json = StatsOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page with the estimates and the event-study plot" };
        var store = new DidStoreOptions();
        var command = new Command("did", "Difference-in-differences: the 2x2 estimate, two-way fixed effects with cluster-robust errors and an event study of the leads.\n\nExamples:\n  verdict did panel.csv --outcome resolved --cluster region\n  verdict did --store verdict.duckdb --brief brief.yaml --metric resolved_conversation_rate --group plan --treated-values annual --adoption 2026-05-05")
        {
            panelFile, outcome, cluster, alpha, failOnPreTrend, html, json,
        };
        store.AddTo(command);
        command.SetAction(parse =>
        {
            var a = parse.GetValue(alpha);
            if (!(a > 0 && a < 1))
            {
                throw new CliException($"--alpha must lie strictly between 0 and 1, got {a}");
            }

            var (panel, periods, units, name) = (parse.GetValue(panelFile), store.Given(parse)) switch
            {
                ({ } path, false) => Read(path, parse.GetValue(outcome)!, parse.GetValue(cluster)),
                (null, true) => store.Load(context, parse, parse.GetValue(json)),
                (null, false) => throw new CliException("give a panel file, or --store with --brief, --metric, --group, --treated-values and --adoption"),
                _ => throw new CliException("give either a panel file or --store, not both"),
            };
            var options = new DidOptions { Alpha = a, PeriodName = i => periods[i], UnitName = i => units[i] };
            var result = DifferenceInDifferences.Estimate(panel, options);
            if (result.IsStaggered)
            {
                return StaggeredOutput.Write(context, StaggeredDifferenceInDifferences.Estimate(panel, options), periods, name, a, parse.GetValue(json), parse.GetValue(html), parse.GetValue(failOnPreTrend));
            }

            if (result.Refusal is { } refusal)
            {
                throw new CliException(refusal);
            }

            if (parse.GetValue(html) is { } page)
            {
                HtmlPage.Write(context, page, Verdict.Reports.Quasi.QuasiPage.DifferenceInDifferences(result, periods, name, a));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, DidJson.From(result, periods, name, a));
            }
            else
            {
                Write(context, result, periods, name, a);
            }

            return parse.GetValue(failOnPreTrend) && result.PreTrend is { Flat: false } ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }

    private static (List<PanelObservation>, string[], string[], string) Read(string path, string outcome, string? cluster)
    {
        var (panel, periods, units) = PanelFile.Read(path, outcome, cluster);
        return (panel, periods, units, outcome);
    }

    private static void Write(CliContext context, DidResult result, string[] periods, string outcome, double alpha)
    {
        var level = $"{(1 - alpha) * 100:0.##}%";
        var adoption = result.AdoptionPeriod!.Value;
        var cells = result.Cells!;
        context.Out.WriteLine($"{outcome}: {result.TreatedUnits:N0} treated and {result.ControlUnits:N0} never-treated units, {result.Periods} periods, adoption at {periods[adoption]}, {result.Clusters:N0} clusters");
        context.Out.WriteLine($"means before/after: treated {MetricFormat.Number(cells.TreatedPre)} → {MetricFormat.Number(cells.TreatedPost)}, control {MetricFormat.Number(cells.ControlPre)} → {MetricFormat.Number(cells.ControlPost)}");
        var table = new Table().AddColumns("estimate", "effect", "std. error", $"{level} interval", "p-value");
        Row(table, "2x2 difference-in-differences", result.TwoByTwo);
        Row(table, "two-way fixed effects", result.TwoWayFixedEffects);
        context.Console.Write(table);
        EventStudyText.Write(context, result.EventStudy, level, k => periods[adoption + k]);
        if (result.PreTrend is { } pre)
        {
            context.Out.WriteLine($"parallel trends: joint F({pre.NumeratorDf}, {pre.DenominatorDf}) = {MetricFormat.Number(pre.Statistic)}, p = {MetricFormat.PValue(pre.PValue)} — {EventStudyText.Verdict(pre)}");
        }

        EventStudyText.Notes(context, result.Diagnostics);
    }

    internal static void Row(Table table, string name, Estimate e) =>
        table.AddRow(new[] { name, MetricFormat.Number(e.Value), MetricFormat.Number(e.StandardError), $"[{MetricFormat.Number(e.CiLow)}, {MetricFormat.Number(e.CiHigh)}]", MetricFormat.PValue(e.PValue) }.Select(Markup.Escape).ToArray());
}
