using System.Globalization;

namespace Verdict.Assignment.Targeting;

/// <summary>One attribute condition a unit must meet to enrol, such as <c>plan = annual</c>.</summary>
public sealed record EligibilityCondition(string Attribute, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>True when <paramref name="attributes"/> meet the condition. A missing attribute meets only nothing.</summary>
    public bool IsMetBy(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!attributes.TryGetValue(Attribute, out var actual))
        {
            return false;
        }

        return Operator switch
        {
            ConditionOperator.Exists => true,
            ConditionOperator.Equals => Values.Count > 0 && string.Equals(actual, Values[0], StringComparison.Ordinal),
            ConditionOperator.NotEquals => Values.Count > 0 && !string.Equals(actual, Values[0], StringComparison.Ordinal),
            ConditionOperator.In => Values.Contains(actual, StringComparer.Ordinal),
            ConditionOperator.NotIn => !Values.Contains(actual, StringComparer.Ordinal),
            _ => Compare(actual),
        };
    }

    private bool Compare(string actual)
    {
        if (Values.Count == 0
            || !double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(Values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var right))
        {
            return false;
        }

        return Operator switch
        {
            ConditionOperator.GreaterThan => left > right,
            ConditionOperator.GreaterThanOrEqual => left >= right,
            ConditionOperator.LessThan => left < right,
            ConditionOperator.LessThanOrEqual => left <= right,
            _ => false,
        };
    }
}
