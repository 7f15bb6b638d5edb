using System.Globalization;
using System.Text.Json;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Monitoring;
using Verdict.Reports.Text;

namespace Verdict.Cli.Commands.Monitor;

/// <summary>What <c>verdict monitor</c> prints: one line per judged window and one per decision, or one JSON object per pass.</summary>
internal sealed class MonitorOutput(CliContext context, bool json)
{
    public void Empty(ExperimentBrief brief)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new MonitorPassDocument(brief.Key, brief.Version, null, null, [], [], []), MonitorJson.Options));
        }
        else
        {
            context.Out.WriteLine($"{brief.Key} v{brief.Version}: no exposures in the store yet; nothing to judge");
        }
    }

    public void Write(MonitorLedger ledger, DateTimeOffset now, IReadOnlyList<MonitorStep> steps)
    {
        var brief = ledger.Brief;
        if (json)
        {
            var pass = new MonitorPassDocument(
                brief.Key,
                brief.Version,
                ledger.Origin,
                now,
                [.. steps.Select(s => new MonitorWindowDocument(s.Window, s.Streak))],
                [.. steps.Select(s => s.Decision).OfType<MonitorDecision>()],
                [.. ledger.Tracks.Select(t => new MonitorStreakDocument(t.Metric, t.Arm, t.Streak, t.Monitor.Consecutive, t.Monitor.Action))]);
            context.Out.WriteLine(JsonSerializer.Serialize(pass, MonitorJson.Options));
            return;
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{brief.Key} v{brief.Version}: windows from {ledger.Origin:yyyy-MM-dd HH:mm}Z, judged up to {now:yyyy-MM-dd HH:mm}Z; {steps.Count} new window(s)"));
        foreach (var (window, streak, decision) in steps.Where(s => s.Window.Outcome != WindowOutcome.NoData))
        {
            var outcome = window.Outcome switch
            {
                WindowOutcome.Breach => "BREACH",
                WindowOutcome.Held => "held  ",
                WindowOutcome.Calibrating => "calib.",
                _ => "small ",
            };
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {window.Start:MM-dd HH:mm}–{window.End:HH:mm}  {window.Metric} ({window.Arm})  {outcome}  streak {streak}  {MonitorText.Reason(window)}"));
            if (decision is not null)
            {
                context.Out.WriteLine($"  → {decision.Action.ToString().ToUpperInvariant()}: {MonitorText.Reason(decision)}");
            }
        }

        var empty = steps.Count(s => s.Window.Outcome == WindowOutcome.NoData);
        if (empty > 0)
        {
            context.Out.WriteLine($"  ({empty} window(s) without data not shown)");
        }
    }
}
