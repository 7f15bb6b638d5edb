using System.Globalization;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.Monitoring;

/// <summary>
/// The monitor's false-alarm rate, measured on seeded A/A traffic through the real window SQL on DuckDB
/// (docs/monitor.md, "False alarms"): the treatment arm is the control (no effect, no latency shift), every guardrail
/// is watched in 12h windows over 30 days.
/// </summary>
public sealed class MonitorFalseAlarmTests
{
    private const double Alpha = 0.05;

    [Fact]
    public void Advance_SeededAATraffic_StaysUnderTheDocumentedFalseAlarmRate()
    {
        var scenario = new SupportBotScenario { Units = 40_000, Seed = 1401, Days = 30, Effect = 0, TreatmentLatencyShiftMs = 0 };
        using var store = DuckDbEventStore.Open(":memory:");
        using (var loader = store.BeginLoad())
        {
            new SupportBotSimulator(Brief("0", 2), scenario).Run(loader, TestContext.Current.CancellationToken);
            loader.Commit();
        }

        // Threshold 0 is the worst case the rule allows (the test sits on H0's boundary): each judged window breaches
        // with probability about alpha; two in a row (the streak) with about alpha².
        var worst = Run(store, Brief("0", 2), scenario);
        var judged = worst.Where(s => s.Window.Outcome is WindowOutcome.Breach or WindowOutcome.Held).ToList();
        var breaches = judged.Count(s => s.Window.Outcome == WindowOutcome.Breach);
        var actions = worst.Count(s => s.Decision is not null);
        var rate = (double)breaches / judged.Count;

        // 3 binomial standard errors above alpha: a calibrated test fails this about 1 time in 700.
        var limit = Alpha + (3 * Math.Sqrt(Alpha * (1 - Alpha) / judged.Count));
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold 0: {breaches}/{judged.Count} windows breached ({rate:P2}), {actions} action(s) at streak 2, limit {limit:P2}"));
        foreach (var metric in judged.GroupBy(s => s.Window.Metric))
        {
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metric.Key}: {metric.Count(s => s.Window.Outcome == WindowOutcome.Breach)}/{metric.Count()}"));
        }

        Assert.True(judged.Count >= 150, $"only {judged.Count} windows were judged");
        Assert.True(rate <= limit, $"{breaches} of {judged.Count} A/A windows breached ({rate:P2}), above {limit:P2}");
        Assert.True(actions <= 3, $"{actions} actions fired on A/A traffic at streak 2");

        // The registered budgets (0.5pp, 150ms, 0.5pp) as thresholds: a larger threshold only removes breaches.
        var registered = Run(store, Brief(null, 2), scenario);
        var kept = registered.Where(s => s.Window.Outcome == WindowOutcome.Breach).Select(s => (s.Window.Metric, s.Window.Start)).ToList();
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered budgets: {kept.Count}/{judged.Count} windows breached, {registered.Count(s => s.Decision is not null)} action(s) at streak 2"));
        Assert.Subset(judged.Where(s => s.Window.Outcome == WindowOutcome.Breach).Select(s => (s.Window.Metric, s.Window.Start)).ToHashSet(), kept.ToHashSet());

        // Thresholds derived from control's stable period (its first 6 windows, k = 2 standard deviations; the budgets
        // meanwhile): every derived threshold is ≥ 0, so again only windows that breach at 0 may breach.
        var stable = Run(store, Brief("{from: control_stable, periods: 6, k: 2}", 2), scenario);
        var derived = stable.Where(s => s.Window.Outcome == WindowOutcome.Breach).Select(s => (s.Window.Metric, s.Window.Start)).ToList();
        var after = stable.Where(s => s.Window.Start >= scenario.Start.AddHours(6 * 12) && s.Window.Outcome is WindowOutcome.Breach or WindowOutcome.Held).ToList();
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"control_stable k 2 over 6 windows: {derived.Count}/{judged.Count} windows breached ({after.Count(s => s.Window.Outcome == WindowOutcome.Breach)}/{after.Count} after the stable period), {stable.Count(s => s.Decision is not null)} action(s) at streak 2"));
        foreach (var metric in stable.Where(s => s.Window.Start == scenario.Start.AddHours(6 * 12)).Select(s => s.Window))
        {
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metric.Metric}: derived threshold {metric.Threshold:G4}, window SE {metric.StandardError:G4}"));
        }

        Assert.True(after.Count >= 120, $"only {after.Count} windows were judged after the stable period");
        Assert.All(after, s => Assert.True(s.Window.Threshold > 0, $"{s.Window.Metric}: derived threshold {s.Window.Threshold}"));
        Assert.Subset(judged.Where(s => s.Window.Outcome == WindowOutcome.Breach).Select(s => (s.Window.Metric, s.Window.Start)).ToHashSet(), derived.ToHashSet());
        Assert.True(stable.Count(s => s.Decision is not null) <= 3);
    }

    private static ExperimentBrief Brief(string? threshold, int consecutive)
    {
        var block = $"\n    monitor: {{window: 12h, consecutive: {consecutive}, action: alert{(threshold is null ? string.Empty : ", threshold: " + threshold)}}}";
        var brief = TestEnvironment.ExampleBrief(yaml => yaml.Replace("    rule: observed_delta", "    rule: observed_delta" + block, StringComparison.Ordinal));
        Assert.Equal(3, brief.Guardrails.Count(g => g.Monitor is not null));
        return brief;
    }

    private static List<MonitorStep> Run(EventStore store, ExperimentBrief brief, SupportBotScenario scenario)
    {
        var ledger = new MonitorLedger(brief, scenario.Start);
        var steps = ledger.Advance(new SqlMetricSource(store), scenario.Start.AddDays(scenario.Days));
        return [.. steps];
    }
}
