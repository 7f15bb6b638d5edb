using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Reports.Text;

namespace Verdict.Reports.Tests.Text;

/// <summary>The words Reports gives the analysis's evidence: the sentences docs/analysis.md quotes for nothing to test and the registered plan.</summary>
public sealed class CheckTextTests
{
    [Fact]
    public void Detail_NoExposures_SaysWhetherTheKeyIsAbsentOrWhichVersionsThereAre()
    {
        Assert.Equal("nothing to test: no exposures of refund-query-rewrite v1; the experiment key \"refund-query-rewrite\" is absent from the store",
            CheckText.Detail(Check(new NoExposuresEvidence("refund-query-rewrite", 1, []), ReasonCodes.NoExposures)));
        Assert.Equal("nothing to test: no exposures of refund-query-rewrite v2; the store has exposures of \"refund-query-rewrite\" version 1, 3 only",
            CheckText.Detail(Check(new NoExposuresEvidence("refund-query-rewrite", 2, [1, 3]), ReasonCodes.NoExposures)));
        Assert.Equal("nothing to test: no exposures of refund-query-rewrite v1",
            CheckText.Detail(Check(new NoExposuresEvidence("refund-query-rewrite", 1, null), ReasonCodes.NoExposures)));
    }

    [Fact]
    public void DetailAndText_MetricWhoseEventsAreAbsent_NameTheEventsForTheCheckAndTheReason()
    {
        var absent = new NoEstimateEvidence("escalation_typo_rate", new AbsentEventsEvidence("escalation_typo_rate", ["escalation_requestd", "escalated"]), null);
        const string Why = "nothing to test: no \"escalation_requestd\" or \"escalated\" event is in the store (metric escalation_typo_rate); check the event name and that it is logged";
        Assert.Equal("no data to judge this guardrail: " + Why, CheckText.Detail(Check(absent, ReasonCodes.GuardrailNoData)));
        Assert.Equal("no estimate: " + Why, CheckText.Detail(Check(absent, ReasonCodes.PrimaryNoEstimate)));
        Assert.Equal("the primary metric could not be estimated: " + Why, DecisionText.Text(new DecisionReason(ReasonCodes.PrimaryNoEstimate, LaunchDecision.Invalid, absent)));
        Assert.Equal("guardrail escalation_typo_rate could not be judged", DecisionText.Text(new DecisionReason(ReasonCodes.GuardrailNoData, LaunchDecision.Hold, absent)));
        Assert.Equal("no data to judge this guardrail: the metric has no cells", CheckText.Detail(Check(absent with { Absence = null }, ReasonCodes.GuardrailNoData)));
    }

    [Fact]
    public void DetailAndText_RegisteredPlan_CheckSaysExploratoryAndReasonNamesTheCheck()
    {
        var problem = new RegisteredPlanEvidence("brief.yaml has no lock");
        Assert.Equal("brief.yaml has no lock (analysed with --unlocked: exploratory, cannot ship)", CheckText.Detail(RegisteredPlanCheck.Check(problem)));
        Assert.Equal("registered plan: brief.yaml has no lock", DecisionText.Text(problem));
        Assert.Equal("registered plan: brief.yaml has no lock (analysed with --unlocked: exploratory, cannot ship)", DecisionText.Text(new CheckReasonEvidence(RegisteredPlanCheck.Check(problem))));
    }

    [Fact]
    public void Text_EvidenceWithoutAReasonWording_ThrowsNamingTheType()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionText.Text(new BurnInEvidence(TimeSpan.Zero, 0)));
        Assert.Contains(nameof(BurnInEvidence), error.Message, StringComparison.Ordinal);
    }

    private static AnalysisCheck Check(StepEvidence evidence, string code) => new("integrity", "check", CheckStatus.Fail, evidence, code);
}
