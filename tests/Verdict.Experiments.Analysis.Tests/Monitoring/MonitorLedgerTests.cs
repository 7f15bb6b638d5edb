using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Analysis.Tests.Monitoring;

/// <summary>Streaks, actions and window bookkeeping of <see cref="MonitorLedger"/>, over windows scripted hour by hour.</summary>
public sealed class MonitorLedgerTests
{
    private static readonly DateTimeOffset Origin = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_BreachesInARowReachingTheStreak_FireTheActionOnceAndStopAtPause()
    {
        var ledger = new MonitorLedger(Brief(consecutive: 3, MonitorAction.Pause), Origin);
        var source = new Scripted("bad", "bad", "bad", "bad");
        var steps = ledger.Advance(source, Origin.AddHours(4));
        Assert.Equal([1, 2, 3], steps.Select(s => s.Streak));
        Assert.Equal([null, null, MonitorAction.Pause], steps.Select(s => s.Decision?.Action));
        Assert.Equal(3, steps[^1].Decision!.Windows.Count);
        Assert.Equal(3, source.Loads);
    }

    [Fact]
    public void Advance_HeldWindowBetweenBreaches_ResetsTheStreak()
    {
        var ledger = new MonitorLedger(Brief(consecutive: 2, MonitorAction.Pause), Origin);
        var steps = ledger.Advance(new Scripted("bad", "good", "bad", "good"), Origin.AddHours(4));
        Assert.Equal([1, 0, 1, 0], steps.Select(s => s.Streak));
        Assert.All(steps, s => Assert.Null(s.Decision));
    }

    [Fact]
    public void Advance_SmallWindowInsideAStreak_NeitherBreaksNorExtendsIt()
    {
        var ledger = new MonitorLedger(Brief(consecutive: 2, MonitorAction.Alert), Origin);
        var steps = ledger.Advance(new Scripted("bad", "small", "bad", "bad", "bad"), Origin.AddHours(5));
        Assert.Equal([WindowOutcome.Breach, WindowOutcome.TooSmall, WindowOutcome.Breach, WindowOutcome.Breach, WindowOutcome.Breach], steps.Select(s => s.Window.Outcome));
        Assert.Equal([1, 1, 2, 1, 2], steps.Select(s => s.Streak));

        // An alert does not stop the pass; it fires each time the streak is reached again.
        Assert.Equal([null, null, MonitorAction.Alert, null, MonitorAction.Alert], steps.Select(s => s.Decision?.Action));
    }

    [Fact]
    public void Advance_IncompleteWindowAndAlreadyJudgedWindows_AreNotJudged()
    {
        var ledger = new MonitorLedger(Brief(consecutive: 2, MonitorAction.Alert), Origin);
        var source = new Scripted("good", "good", "good");
        Assert.Single(ledger.Advance(source, Origin.AddMinutes(119)));
        Assert.Single(ledger.Advance(source, Origin.AddMinutes(120)));
        Assert.Empty(ledger.Advance(source, Origin.AddMinutes(150)));
        Assert.Equal([Origin, Origin.AddHours(1)], ledger.Tracks[0].Windows.Select(w => w.Start));
    }

    [Fact]
    public void Restart_AfterAResumeMidWindow_SkipsTheWindowsThatOverlapThePause()
    {
        var ledger = new MonitorLedger(Brief(consecutive: 2, MonitorAction.Pause), Origin);
        var source = new Scripted("bad", "bad", "bad", "bad", "bad", "bad");
        Assert.Equal(2, ledger.Advance(source, Origin.AddHours(6)).Count);
        ledger.Restart(Origin.AddMinutes(190));
        var steps = ledger.Advance(source, Origin.AddHours(6));
        Assert.Equal([Origin.AddHours(4), Origin.AddHours(5)], steps.Select(s => s.Window.Start));
        Assert.Equal([1, 2], steps.Select(s => s.Streak));
    }

    private static ExperimentBrief Brief(int consecutive, MonitorAction action) =>
        MonitorWindows.Brief("answer_tokens", HarmfulDirection.Increase, new Quantity(5, QuantityUnit.Number), consecutive: consecutive, minimum: 100, action: action);

    /// <summary>Hour k's window is "bad" (treatment +60 tokens), "good" (equal arms) or "small" (20 units per arm).</summary>
    private sealed class Scripted(params string[] hours) : IMetricWindowSource
    {
        public int Loads { get; private set; }

        public MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end)
        {
            Loads++;
            return hours[(int)(start - Origin).TotalHours] switch
            {
                "bad" => MonitorWindows.Window("answer_tokens", (400, 400, 60), (400, 460, 60)),
                "good" => MonitorWindows.Window("answer_tokens", (400, 400, 60), (400, 400, 60)),
                _ => MonitorWindows.Window("answer_tokens", (20, 400, 60), (20, 460, 60)),
            };
        }
    }
}
