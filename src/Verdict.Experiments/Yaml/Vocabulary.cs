using Verdict.Assignment.Targeting;
using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Guardrails;
using Verdict.Statistics.MultipleTesting;

namespace Verdict.Experiments.Yaml;

/// <summary>The words a brief uses for each choice, mapped to the model's enums (docs/brief.md).</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, RandomizationUnit> Units = new Dictionary<string, RandomizationUnit>
    {
        ["user"] = RandomizationUnit.User,
        ["account"] = RandomizationUnit.Account,
        ["conversation"] = RandomizationUnit.Conversation,
        ["session"] = RandomizationUnit.Session,
        ["request"] = RandomizationUnit.Request,
        ["cluster"] = RandomizationUnit.Cluster,
    };

    public static readonly IReadOnlyDictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>
    {
        ["eq"] = ConditionOperator.Equals,
        ["ne"] = ConditionOperator.NotEquals,
        ["in"] = ConditionOperator.In,
        ["not_in"] = ConditionOperator.NotIn,
        ["exists"] = ConditionOperator.Exists,
        ["gt"] = ConditionOperator.GreaterThan,
        ["gte"] = ConditionOperator.GreaterThanOrEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["lte"] = ConditionOperator.LessThanOrEqual,
    };

    public static readonly IReadOnlyDictionary<string, MetricType> MetricTypes = new Dictionary<string, MetricType>
    {
        ["binary"] = MetricType.Binary,
        ["count"] = MetricType.Count,
        ["sum"] = MetricType.Sum,
        ["mean"] = MetricType.Mean,
        ["ratio"] = MetricType.Ratio,
        ["quantile"] = MetricType.Quantile,
    };

    public static readonly IReadOnlyDictionary<string, MetricUnit> MetricUnits = new Dictionary<string, MetricUnit>
    {
        ["proportion"] = MetricUnit.Proportion,
        ["ms"] = MetricUnit.Milliseconds,
        ["count"] = MetricUnit.Count,
        ["number"] = MetricUnit.Number,
    };

    public static readonly IReadOnlyDictionary<string, CovariatePeriod> Periods = new Dictionary<string, CovariatePeriod>
    {
        ["pre_exposure"] = CovariatePeriod.PreExposure,
        ["post_exposure"] = CovariatePeriod.PostExposure,
    };

    public static readonly IReadOnlyDictionary<string, RolloutStage> Stages = new Dictionary<string, RolloutStage>
    {
        ["shadow"] = RolloutStage.Shadow,
        ["canary"] = RolloutStage.Canary,
        ["ab"] = RolloutStage.AB,
    };

    public static readonly IReadOnlyDictionary<string, HarmfulDirection> Directions = new Dictionary<string, HarmfulDirection>
    {
        ["increase"] = HarmfulDirection.Increase,
        ["decrease"] = HarmfulDirection.Decrease,
    };

    public static readonly IReadOnlyDictionary<string, GuardrailRule> Rules = new Dictionary<string, GuardrailRule>
    {
        ["observed_delta"] = GuardrailRule.ObservedDelta,
        ["non_inferiority"] = GuardrailRule.NonInferiority,
    };

    public static readonly IReadOnlyDictionary<string, MonitorAction> MonitorActions = new Dictionary<string, MonitorAction>
    {
        ["alert"] = MonitorAction.Alert,
        ["pause"] = MonitorAction.Pause,
        ["rollback"] = MonitorAction.Rollback,
        ["review_spend"] = MonitorAction.ReviewSpend,
    };

    public static readonly IReadOnlyDictionary<string, PValueAdjustmentMethod> Corrections = new Dictionary<string, PValueAdjustmentMethod>
    {
        ["none"] = PValueAdjustmentMethod.None,
        ["bonferroni"] = PValueAdjustmentMethod.Bonferroni,
        ["holm"] = PValueAdjustmentMethod.Holm,
        ["benjamini_hochberg"] = PValueAdjustmentMethod.BenjaminiHochberg,
    };

    public static readonly IReadOnlyDictionary<string, AnalysisDesign> Designs = new Dictionary<string, AnalysisDesign>
    {
        ["fixed_horizon"] = AnalysisDesign.FixedHorizon,
        ["group_sequential"] = AnalysisDesign.GroupSequential,
        ["always_valid"] = AnalysisDesign.AlwaysValid,
    };

    /// <summary>How a change on a metric of this unit is written, for messages.</summary>
    public static string Expected(MetricUnit unit) => unit switch
    {
        MetricUnit.Proportion => "percentage points",
        MetricUnit.Milliseconds => "milliseconds",
        MetricUnit.Count => "a count",
        _ => "a number",
    };
}
