using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Reports.Text;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Inference;
using Verdict.Storage.Bandits;

namespace Verdict.Cli.Commands.Bandit;

/// <summary><c>verdict bandit update BRIEF --state STATE --store STORE</c>: compute and record the next period's weights.</summary>
internal static class BanditUpdateCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The experiment brief" };
        var state = new Option<string>("--state") { Description = "The bandit state file (from bandit init)", Required = true };
        var store = StoreOptions.Store();
        var asOf = new Option<string?>("--as-of") { Description = "Only count data at or before this time (ISO-8601, UTC)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and print, but do not record the period" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command(
            "update",
            "Compute the next period's weights from the rewards in the store (per arm and enrolling period) and append it to the state file; prints the probability each arm is best, the period-stratified estimate and the regret so far.\n\n"
            + "Example:\n  verdict bandit update brief.yaml --state bandit.json --store verdict.duckdb")
        {
            brief, state, store, asOf, dryRun, json,
        };
        command.SetAction(parse =>
        {
            var loaded = BriefInput.Load(parse.GetValue(brief)!).Brief!;
            var statePath = parse.GetValue(state)!;
            var current = BanditStateFile.Load(statePath);
            var limit = AnalysisRun.ParseAsOf(parse.GetValue(asOf));
            var asJson = parse.GetValue(json);
            using var opened = StoreOptions.OpenExisting(parse.GetValue(store)!);
            var now = limit ?? TimeProvider.System.GetUtcNow();
            if (loaded.Bandit?.Differences(current) is { Count: > 0 } differences)
            {
                throw new CliException($"--state: {statePath} was not started from this brief's bandit block: {string.Join(", ", differences)} differ (the brief is the one place a bandit's options live; start a new state with verdict bandit init)");
            }

            (BanditState State, BanditReport Report) result;
            try
            {
                result = CliProgress.Status(context, asJson, $"computing rewards per arm and period in {opened.Location}", () => BanditStoreUpdate.Next(opened, loaded, current, now, limit));
            }
            catch (ArgumentException e) when (e.ParamName is "state" or "brief")
            {
                throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
            }

            if (!parse.GetValue(dryRun))
            {
                BanditStateFile.Save(result.State, statePath);
            }

            if (asJson)
            {
                JsonOutput.Write(context.Out, BanditReportJson.From(result.Report, !parse.GetValue(dryRun)));
            }
            else
            {
                Print(context, result.Report, parse.GetValue(dryRun) ? "not recorded (--dry-run)" : $"recorded in {statePath}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, BanditReport r, string recorded)
    {
        context.Console.WriteLine($"bandit {r.Experiment} v{r.Version}: period {r.NextPeriod} {(r.Weights.Updated ? "weights updated" : "weights unchanged")}, {recorded}");
        var table = new Table().AddColumns("arm", "rewards", "naive mean", "stratified mean", "IPW mean", "P(best)", "next weight");
        for (var i = 0; i < r.Arms.Count; i++)
        {
            table.AddRow(
                Markup.Escape(r.Arms[i]),
                r.RewardsPerArm[i].ToString("N0", CultureInfo.InvariantCulture),
                Format(r.Estimate.Naive[i]),
                Format(r.Estimate.Stratified[i]),
                Format(r.Estimate.InverseProbability[i]),
                Format(r.Weights.ProbabilityBest[i]),
                Format(r.Weights.Weights[i]));
        }

        context.Console.Write(table);
        var lift = r.Estimate.Lift;
        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stratified lift {r.Arms[^1]} − {r.Arms[0]}: {Format(lift.Value)} (95% CI [{Format(lift.CiLow)}, {Format(lift.CiHigh)}]) over {r.Estimate.PeriodsUsed} period(s); estimated regret so far {Format(r.EstimatedRegret)}"));
        var ipw = r.Estimate.InverseProbabilityLift;
        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IPW lift: {Format(ipw.Value)} (95% CI [{Format(ipw.CiLow)}, {Format(ipw.CiHigh)}], sandwich error)"));
        context.Console.WriteLine(r.RewardCutoff is { } cutoff
            ? string.Create(CultureInfo.InvariantCulture, $"rewards counted for units first exposed by {cutoff:O}, whose reward windows have closed")
            : "the reward metric has no window (within), so every enrolled unit's rewards are counted");
        foreach (var d in r.Weights.Diagnostics.Concat(r.Estimate.Diagnostics))
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
        }

        context.Console.WriteLine(Caveats.Bandit);
    }

    private static string Format(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.####", CultureInfo.InvariantCulture);
}
