using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// A check with nothing to test never passes, on every backend: a guardrail whose event is never logged, an experiment
/// with no exposures, and a store that does not have the brief's key (or only other versions of it).
/// </summary>
public abstract class NothingToTestTests : IDisposable
{
    private const string TypoMetric = """

          escalation_typo_rate:
            type: binary
            event: escalation_requestd
            within: 7d
            unit: proportion
        """;

    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The brief sized for the 3000 simulated units, so the planned-sample check passes and the metric checks run.</summary>
    private static string Small(string yaml) => yaml.Replace("  alpha: 0.05", "  alpha: 0.05\n  planned_units_per_arm: 1000", StringComparison.Ordinal);

    private EventStore Simulated(ExperimentBrief brief)
    {
        var store = CreateStore();
        stores.Add(store);
        using var loader = store.BeginLoad();
        new SupportBotSimulator(brief, new SupportBotScenario { Units = 3000, Seed = 5 }).Run(loader);
        loader.Commit();
        return store;
    }

    [Fact]
    public void Analyze_GuardrailWhoseEventIsNeverLogged_FailsNamingTheEvent()
    {
        var brief = TestEnvironment.ExampleBrief(
            yaml => Small(yaml).Replace("  - metric: escalation_rate", "  - metric: escalation_typo_rate", StringComparison.Ordinal), TypoMetric);
        var report = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(Simulated(brief)).Load(brief, null));
        var check = Assert.Single(report.Checks, c => c.Step == "guardrails" && c.Name == "escalation_typo_rate");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal(["escalation_requestd"], Assert.IsType<NoEstimateEvidence>(check.Evidence).Absence!.Events);
        Assert.NotEqual(LaunchDecision.Ship, report.Decision);
    }

    [Fact]
    public void Analyze_PrimaryWhoseEventIsNeverLogged_IsInvalid()
    {
        var brief = TestEnvironment.ExampleBrief(
            yaml => Small(yaml).Replace("primary_metric: resolved_conversation_rate", "primary_metric: escalation_typo_rate", StringComparison.Ordinal)
                .Replace("baseline: 0.38", "baseline: 0.15", StringComparison.Ordinal),
            TypoMetric);
        var report = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(Simulated(brief)).Load(brief, null));
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        Assert.Contains("escalation_requestd", Assert.IsType<NoEstimateEvidence>(report.DecisionReasons[0].Evidence).Absence!.Events);
    }

    [Fact]
    public void Analyze_StoreWithoutTheExperimentKey_IsInvalidSayingTheKeyIsAbsent()
    {
        var store = CreateStore();
        stores.Add(store);
        var brief = TestEnvironment.ExampleBrief();
        var report = LaunchAnalyzer.Analyze(brief, new SqlMetricSource(store).Load(brief, null));
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        var srm = Assert.Single(report.Checks, c => c.Name == "sample ratio");
        Assert.Equal(CheckStatus.Fail, srm.Status);
        var none = Assert.IsType<NoExposuresEvidence>(srm.Evidence);
        Assert.Equal(("refund-query-rewrite", 1), (none.Experiment, none.Version));
        Assert.Empty(none.VersionsInStore!);
    }

    [Fact]
    public void Analyze_StoreWithAnotherVersionOnly_NamesTheVersionsPresent()
    {
        var store = Simulated(TestEnvironment.ExampleBrief());
        var v2 = TestEnvironment.ExampleBrief(yaml => yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal));
        var report = LaunchAnalyzer.Analyze(v2, new SqlMetricSource(store).Load(v2, null));
        Assert.Equal(LaunchDecision.Invalid, report.Decision);
        var failed = Assert.IsType<CheckReasonEvidence>(report.DecisionReasons[0].Evidence).Check;
        Assert.Equal([1], Assert.IsType<NoExposuresEvidence>(failed.Evidence).VersionsInStore!);
    }
}

public sealed class DuckDbNothingToTestTests : NothingToTestTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresNothingToTestTests : NothingToTestTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
