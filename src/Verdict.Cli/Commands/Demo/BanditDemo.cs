using System.Globalization;
using Verdict.Cli.Commands.Bandit;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Simulation.Bandits;
using Verdict.Reports.Bandits;
using Verdict.Reports.Text;
using Verdict.Storage.Sql;

namespace Verdict.Cli.Commands.Demo;

/// <summary>
/// <c>verdict demo --scenario bandit</c>: seed 001's bandit run through the product. Writes the prompt-bandit brief,
/// starts the bandit, and for eight periods serves simulated customers from the state's schedule (true resolution
/// rates 0.55 and 0.62) into a fresh DuckDB store and runs <c>bandit update</c>; then writes the bandit page.
/// </summary>
internal static class BanditDemo
{
    private const int Periods = 8;
    private const int CandidatesPerPeriod = 5000;
    private static readonly double[] TrueRates = [0.55, 0.62];

    public static int Run(CliContext context, string directory, int seed, bool json, TimeProvider time)
    {
        var say = json ? TextWriter.Null : context.Out;
        say.WriteLine("Verdict demo: seed 001's Thompson-sampling bandit (true resolution rates 0.55 and 0.62), served through bucket cohorts and updated from the store");
        var briefPath = Path.Combine(directory, "brief.yaml");
        File.WriteAllText(briefPath, BriefYaml);
        var brief = BriefInput.Load(briefPath).Brief!;
        var statePath = Path.Combine(directory, "bandit.json");
        var storePath = Path.Combine(directory, "verdict.duckdb");
        File.Delete(storePath);
        File.Delete(storePath + ".wal");
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        var state = BanditUpdater.Start(brief, 0.1, start, s => s with { MinSample = 100, MinWeight = 0.05 });
        BanditReport? report = null;
        using (var store = StoreOptions.Open(storePath))
        {
            for (var period = 0; period < Periods; period++)
            {
                int enrolled;
                using (var loader = store.BeginLoad())
                {
                    enrolled = BanditTraffic.Serve(state, period, CandidatesPerPeriod, TrueRates, "conversation_solved", start.AddDays(period), seed, loader);
                    loader.Commit();
                }

                var data = new SqlMetricSource(store).Load(BanditUpdater.ForStore(brief), null);
                (state, report) = BanditUpdater.Update(brief, state, data, start.AddDays(period + 1));
                var next = state.Periods[^1];
                say.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  period {period}: {enrolled} customers enrolled; next weights {string.Join(" / ", next.Weights.Select(w => w.ToString("0.000", CultureInfo.InvariantCulture)))}{(next.Updated ? string.Empty : " (unchanged: minimum sample)")}"));
            }
        }

        BanditStateFile.Save(state, statePath);
        var page = Path.Combine(directory, "bandit.html");
        File.WriteAllText(page, BanditPage.Render(state, report!, time.GetUtcNow()));
        if (json)
        {
            JsonOutput.Write(context.Out, new { dir = directory, scenario = "bandit", brief = briefPath, state = statePath, store = storePath, report = page, update = BanditReportJson.From(report!, recorded: true) });
        }
        else
        {
            say.WriteLine();
            say.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"P(best) {string.Join(" / ", report!.Weights.ProbabilityBest.Select(p => p.ToString("0.###", CultureInfo.InvariantCulture)))}; naive lift {report.Estimate.Naive[^1] - report.Estimate.Naive[0]:+0.0000;-0.0000}, period-stratified lift {report.Estimate.Lift.Value:+0.0000;-0.0000} (95% CI [{report.Estimate.Lift.CiLow:+0.0000;-0.0000}, {report.Estimate.Lift.CiHigh:+0.0000;-0.0000}]), true lift +0.07"));
            say.WriteLine(Caveats.Bandit);
            say.WriteLine($"state: {statePath}");
            say.WriteLine($"report: {page}");
        }

        return ExitCodes.Success;
    }

    /// <summary>examples/prompt-bandit/brief.yaml.</summary>
    private const string BriefYaml = """
        key: prompt-bandit
        version: 1
        owner: support-ai-team
        hypothesis: Shifting traffic toward the prompt that resolves more conversations lowers the cost of exploring two prompts.
        change:
          field: prompt
          description: The candidate system prompt for the refund assistant.
        unit:
          randomization: account
          id: customer_account_id
          analysis: account
        eligibility:
          enrollment_event: refund_question_submitted
          first_only: true
        arms:
          - name: control
            control: true
            weight: 0.5
            receipt: {model: support-generator-v7, prompt: refund-prompt-v3}
          - name: treatment
            weight: 0.5
            receipt: {model: support-generator-v7, prompt: refund-prompt-v4}
        receipt_must_match: [model]
        traffic:
          exposure: 1.0
          stage: ab
          daily_units: 1500
        metrics:
          resolved:
            description: The customer marks the conversation solved within a day of the first answer.
            type: binary
            event: conversation_solved
            within: 1d
            unit: proportion
        primary_metric: resolved
        analysis:
          baseline: 0.55
          mde: 7pp
          minimum_ship_lift: 7pp

        """;
}
