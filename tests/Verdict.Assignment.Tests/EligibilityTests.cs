using Verdict.Assignment.Targeting;

namespace Verdict.Assignment.Tests;

public sealed class EligibilityTests
{
    private static readonly Eligibility AnnualRefunds = new(
        "refund_question_submitted",
        FirstOccurrenceOnly: true,
        [new EligibilityCondition("plan", ConditionOperator.Equals, ["annual"]), new EligibilityCondition("tenure_days", ConditionOperator.GreaterThanOrEqual, ["7"])]);

    [Theory]
    [InlineData("refund_question_submitted", "annual", "12", true)]
    [InlineData("refund_question_submitted", "monthly", "12", false)]
    [InlineData("refund_question_submitted", "annual", "3", false)]
    [InlineData("page_viewed", "annual", "12", false)]
    public void Admits_EventAndConditions_AllMustHold(string eventName, string plan, string tenure, bool expected)
    {
        var attributes = new Dictionary<string, string> { ["plan"] = plan, ["tenure_days"] = tenure };
        Assert.Equal(expected, AnnualRefunds.Admits(eventName, attributes));
    }

    [Fact]
    public void Admits_MissingAttribute_IsNotEligible()
    {
        Assert.False(AnnualRefunds.Admits("refund_question_submitted", new Dictionary<string, string> { ["plan"] = "annual" }));
    }

    [Theory]
    [InlineData(ConditionOperator.In, "mobile", true)]
    [InlineData(ConditionOperator.NotIn, "mobile", false)]
    [InlineData(ConditionOperator.NotIn, "desktop", true)]
    [InlineData(ConditionOperator.Exists, "desktop", true)]
    public void IsMetBy_SetOperators_CompareOrdinally(ConditionOperator op, string device, bool expected)
    {
        var condition = new EligibilityCondition("device", op, ["mobile", "tablet"]);
        Assert.Equal(expected, condition.IsMetBy(new Dictionary<string, string> { ["device"] = device }));
    }
}
