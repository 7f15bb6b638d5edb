using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Verdict.Testing;
using Conversation = Verdict.Experiments.Simulation.Tests.SimulatedConversations.Conversation;

namespace Verdict.Experiments.Simulation.Tests;

/// <summary>
/// Seeded checks of the support-bot traffic: every rate is compared with its target within 4 standard errors
/// (two-sided, about 1 in 16 000 for a correct generator), and each failure mode with the signal it must produce.
/// </summary>
public sealed class SupportBotSimulatorTests
{
    private const double Tolerance = 4;
    private const int Large = 40_000;

    [Fact]
    public void Run_Defaults_ReproduceSeedRatesPerArm()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large }).Exposed.ToList();
        var control = rows.Where(r => r.Arm == "control").ToList();
        var treatment = rows.Where(r => r.Arm == "treatment").ToList();

        AssertRate(control, r => r.Resolved, 0.38);
        AssertRate(treatment, r => r.Resolved, 0.42);
        AssertRate(control, r => r.Escalated, 0.155);
        AssertRate(treatment, r => r.Escalated, 0.155);
        AssertRate(control, r => r.GroundingFailed, 0.011);
        AssertRate(treatment, r => r.GroundingFailed, 0.011);
        AssertRate(rows, r => r.SolvedBefore, 0.45);
        AssertRate(rows, r => r.Device == "mobile", 0.55);
        AssertRate(rows, r => r.Plan == "annual", 0.4);
        AssertRate(rows, r => r.Region == "americas", 0.45);
        AssertRate(rows, r => r.Region == "europe", 0.35);
        AssertRate(rows, r => r.Region == "asia_pacific", 0.20);
        AssertP95(control, 1180);
        AssertP95(treatment, 1260);

        // Seed 000's 18-minute ticket: tickets after the window exist and leave the conversation resolved.
        Assert.Contains(rows, r => r.Resolved && r.TicketAt is { } t && t - r.SolvedAt!.Value > TimeSpan.FromMinutes(10));
        Assert.Contains(rows, r => !r.Resolved && r.SolvedAt is not null);
    }

    [Fact]
    public void Run_Defaults_CostPerAnswerNearTwoTenthsOfACentAndRatioComputable()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large }).Exposed.ToList();
        var control = rows.Where(r => r.Arm == "control").ToList();
        var treatment = rows.Where(r => r.Arm == "treatment").ToList();

        // Tokens ~ N(400, 60) at 0.005 USD per 1000; treatment adds 60 rewrite tokens.
        var se = 60 * 0.005 / 1000 / Math.Sqrt(control.Count);
        Assert.InRange(control.Average(r => r.CostUsd), 0.002 - (Tolerance * se), 0.002 + (Tolerance * se));
        Assert.InRange(treatment.Average(r => r.CostUsd), 0.0023 - (Tolerance * se), 0.0023 + (Tolerance * se));

        // Cost per resolved conversation: Σ cost_usd over answers / resolved conversations, per arm.
        var controlRatio = control.Sum(r => r.CostUsd) / control.Count(r => r.Resolved);
        var treatmentRatio = treatment.Sum(r => r.CostUsd) / treatment.Count(r => r.Resolved);
        Assert.InRange(controlRatio, 0.002 / 0.38 * 0.95, 0.002 / 0.38 * 1.05);
        Assert.InRange(treatmentRatio, 0.0023 / 0.42 * 0.95, 0.0023 / 0.42 * 1.05);
    }

    [Fact]
    public void Run_Defaults_ArmsFollowTheBriefsAssignment()
    {
        var brief = Example.Brief();
        var assigner = new Verdict.Assignment.ExperimentAssigner(brief.ToAssignmentSpec());
        var sink = new SimulatedConversations();
        var summary = new SupportBotSimulator(brief, new SupportBotScenario { Units = 4000 }).Run(sink, TestContext.Current.CancellationToken);

        Assert.Equal(4000, summary.InExperiment);
        Assert.Equal(4000, summary.Exposures.Sum());
        foreach (var row in sink.Exposed)
        {
            Assert.Equal(assigner.ArmName(assigner.Assign(row.UnitId).Arm), row.Arm);
            Assert.Equal(ReceiptHash.Of(brief.Arms.Single(a => a.Name == row.Arm).Receipt), row.ReceiptHash);
            Assert.Equal(row.EnrolledAt, row.ExposedAt);
        }

        var srm = SampleRatioMismatch.Test(summary.Exposures, [0.5, 0.5]);
        Assert.True(srm.PValue > SampleRatioMismatch.DefaultThreshold, $"p = {srm.PValue}");
    }

    [Fact]
    public void Run_Srm_ChiSquareAlarmsAtFourThousandUnits()
    {
        var clean = new SupportBotSimulator(Example.Brief(), new SupportBotScenario { Units = 4000 }).Run(new NullSink(), TestContext.Current.CancellationToken);
        var broken = new SupportBotSimulator(Example.Brief(), new SupportBotScenario { Units = 4000, Failures = SupportBotFailures.Srm }).Run(new NullSink(), TestContext.Current.CancellationToken);

        Assert.True(SampleRatioMismatch.Test(clean.Exposures, [0.5, 0.5]).PValue > SampleRatioMismatch.DefaultThreshold);
        Assert.True(SampleRatioMismatch.Test(broken.Exposures, [0.5, 0.5]).PValue < SampleRatioMismatch.DefaultThreshold);

        // Common random numbers: the same units, the same control exposures; only treatment exposures go missing.
        Assert.Equal(clean.Exposures[0], broken.Exposures[0]);
        Assert.InRange(broken.Exposures[1] / (double)clean.Exposures[1], 0.85 - 0.04, 0.85 + 0.04);
        Assert.Equal(clean.Events, broken.Events);
    }

    [Fact]
    public void Run_Simpson_EachDeviceFavoursControlWhilePooledFavoursTreatment()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large, Failures = SupportBotFailures.Simpson }).Exposed.ToList();
        foreach (var device in new[] { "mobile", "desktop" })
        {
            var (c, t) = (Rate(rows, "control", device), Rate(rows, "treatment", device));
            Assert.True(c.Rate - t.Rate > 2 * StandardError(c, t), $"{device}: control {c.Rate:P1} vs treatment {t.Rate:P1}");
        }

        var (pooledControl, pooledTreatment) = (Rate(rows, "control", null), Rate(rows, "treatment", null));
        Assert.True(pooledTreatment.Rate - pooledControl.Rate > 2 * StandardError(pooledControl, pooledTreatment), $"pooled {pooledControl.Rate:P1} vs {pooledTreatment.Rate:P1}");

        // Seed 001's mixes: control 20% mobile, treatment 80% mobile, with equal arm sizes (no SRM to give it away).
        AssertRate(rows.Where(r => r.Arm == "control").ToList(), r => r.Device == "mobile", 0.2);
        AssertRate(rows.Where(r => r.Arm == "treatment").ToList(), r => r.Device == "mobile", 0.8);
        var counts = new long[] { rows.Count(r => r.Arm == "control"), rows.Count(r => r.Arm == "treatment") };
        Assert.True(SampleRatioMismatch.Test(counts, [0.5, 0.5]).PValue > SampleRatioMismatch.DefaultThreshold);
    }

    [Fact]
    public void Run_Novelty_FirstDaysEffectMuchLargerThanLastDays()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large, Failures = SupportBotFailures.Novelty }).Exposed.ToList();
        var early = rows.Where(r => r.Day < 3).ToList();
        var late = rows.Where(r => r.Day >= 11).ToList();
        var (earlyControl, earlyTreatment) = (Rate(early, "control", null), Rate(early, "treatment", null));
        var (lateControl, lateTreatment) = (Rate(late, "control", null), Rate(late, "treatment", null));
        var earlyLift = earlyTreatment.Rate - earlyControl.Rate;
        var lateLift = lateTreatment.Rate - lateControl.Rate;
        var se = Math.Sqrt(Math.Pow(StandardError(earlyControl, earlyTreatment), 2) + Math.Pow(StandardError(lateControl, lateTreatment), 2));

        // 3 × 4 points halving every 2 days: about +7.5 points over days 0–3 and +0.2 over days 11–14.
        Assert.True(earlyLift - lateLift > 3 * se, $"early {earlyLift:P1}, late {lateLift:P1}, se {se:P2}");
        Assert.True(earlyLift > 0.04, $"early {earlyLift:P1}");
    }

    [Fact]
    public void Run_Defaults_PrePeriodCovariateReducesVarianceUnderCuped()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large }).Exposed.ToList();
        BivariateMoments Moments(string arm)
        {
            var armRows = rows.Where(r => r.Arm == arm).ToList();
            return BivariateMoments.FromValues(
                armRows.Select(r => r.SolvedBefore ? 1.0 : 0.0).ToArray(),
                armRows.Select(r => r.Resolved ? 1.0 : 0.0).ToArray());
        }

        var result = Cuped.Compare(Moments("control"), Moments("treatment"));

        // With p = 0.173 + 0.46·x and x ~ Bernoulli(0.45), R² ≈ 0.22 (seed 000's lab reports 21.9%).
        Assert.True(result.VarianceReduction > 0.10, $"variance reduction {result.VarianceReduction:P1}");
        Assert.True(result.Theta > 0.3, $"theta {result.Theta}");
    }

    [Fact]
    public void Run_LatencyRegression_TreatmentP95BreachesTheBudget()
    {
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large, Failures = SupportBotFailures.LatencyRegression }).Exposed.ToList();
        AssertP95(rows.Where(r => r.Arm == "control").ToList(), 1180);
        AssertP95(rows.Where(r => r.Arm == "treatment").ToList(), 1490);
    }

    [Fact]
    public void Run_ReceiptMismatch_SomeTreatmentExposuresCarryAnotherReceipt()
    {
        var brief = Example.Brief();
        var rows = SimulatedConversations.Run(new SupportBotScenario { Units = Large, Failures = SupportBotFailures.ReceiptMismatch }).Exposed.ToList();
        var controlHash = ReceiptHash.Of(brief.Control.Receipt);
        var treatmentHash = ReceiptHash.Of(brief.Arms.Single(a => !a.IsControl).Receipt);

        Assert.All(rows.Where(r => r.Arm == "control"), r => Assert.Equal(controlHash, r.ReceiptHash));
        AssertRate(rows.Where(r => r.Arm == "treatment").ToList(), r => r.ReceiptHash != treatmentHash, 0.10);
    }

    [Theory]
    [InlineData(nameof(SupportBotScenario.Units))]
    [InlineData(nameof(SupportBotScenario.BaselineResolution))]
    [InlineData(nameof(SupportBotScenario.LatencyP95Ms))]
    [InlineData(nameof(SupportBotScenario.CovariateSlope))]
    [InlineData(nameof(SupportBotScenario.Days))]
    public void Constructor_OptionOutOfRange_ThrowsNamingIt(string option)
    {
        var scenario = option switch
        {
            nameof(SupportBotScenario.Units) => new SupportBotScenario { Units = -1 },
            nameof(SupportBotScenario.BaselineResolution) => new SupportBotScenario { BaselineResolution = 1.2 },
            nameof(SupportBotScenario.LatencyP95Ms) => new SupportBotScenario { LatencyP95Ms = 900 },
            nameof(SupportBotScenario.CovariateSlope) => new SupportBotScenario { CovariateSlope = 0.9 },
            _ => new SupportBotScenario { Days = 0 },
        };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new SupportBotSimulator(Example.Brief(), scenario));
        Assert.Equal(option, exception.ParamName);
    }

    [Fact]
    public void Run_InRanges_WritesExactlyWhatOneRunWrites()
    {
        var simulator = new SupportBotSimulator(Example.Brief(), new SupportBotScenario { Units = 3000, Seed = 4 });
        string Write(params (long First, long Last)[] ranges)
        {
            using var stream = new MemoryStream();
            using (var writer = new NdjsonEventWriter(stream, leaveOpen: true))
            {
                foreach (var (first, last) in ranges)
                {
                    simulator.Run(writer, first, last, TestContext.Current.CancellationToken);
                }
            }

            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        var whole = Write((1, 3000));
        Assert.Equal(whole, Write((1, 1000), (1001, 2999), (3000, 3000)));
        Assert.True(whole.Length > 100_000);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Run(new NullSink(), 0, 10, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Run(new NullSink(), 10, 3001, TestContext.Current.CancellationToken));
    }

    private static (double Rate, int Count) Rate(IEnumerable<Conversation> rows, string arm, string? device)
    {
        var selected = rows.Where(r => r.Arm == arm && (device is null || r.Device == device)).ToList();
        return (selected.Count(r => r.Resolved) / (double)selected.Count, selected.Count);
    }

    private static double StandardError((double Rate, int Count) a, (double Rate, int Count) b) =>
        Math.Sqrt((a.Rate * (1 - a.Rate) / a.Count) + (b.Rate * (1 - b.Rate) / b.Count));

    private static void AssertRate(List<Conversation> rows, Func<Conversation, bool> outcome, double expected)
    {
        var rate = rows.Count(outcome) / (double)rows.Count;
        var se = Math.Sqrt(expected * (1 - expected) / rows.Count);
        Assert.True(Math.Abs(rate - expected) <= Tolerance * se, $"rate {rate:F4}, expected {expected} ± {Tolerance * se:F4} (n = {rows.Count})");
    }

    /// <summary>Nearest-rank p95 against the log-normal target; SE = √(p(1−p)/n) / f(q) with f the log-normal density at q.</summary>
    private static void AssertP95(List<Conversation> rows, double expected)
    {
        var latencies = rows.Select(r => r.LatencyMs).Order().ToArray();
        var p95 = latencies[(int)Math.Ceiling(0.95 * latencies.Length) - 1];
        const double z95 = 1.6448536269514722;
        var sigma = Math.Log(1180.0 / 1000.0) / z95;
        var density = Math.Exp(-z95 * z95 / 2) / Math.Sqrt(2 * Math.PI) / (expected * sigma);
        var se = Math.Sqrt(0.95 * 0.05 / latencies.Length) / density;
        Assert.True(Math.Abs(p95 - expected) <= (Tolerance * se) + 1, $"p95 {p95} ms, expected {expected} ± {Tolerance * se:F1} ms");
    }

    private sealed class NullSink : IEventSink
    {
        public void Add(ExposureRecord exposure)
        {
        }

        public void Add(OutcomeEvent outcome)
        {
        }
    }
}
