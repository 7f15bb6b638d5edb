namespace Verdict.Assignment.Targeting;

/// <summary>
/// Who may enrol: the enrollment event (for example the first submitted refund question) and attribute conditions,
/// all of which must hold. Evaluated before assignment; an ineligible unit is never hashed into an arm.
/// </summary>
public sealed record Eligibility(string EnrollmentEvent, bool FirstOccurrenceOnly, IReadOnlyList<EligibilityCondition> Conditions)
{
    /// <summary>True when <paramref name="eventName"/> is the enrollment event and every condition holds.</summary>
    public bool Admits(string eventName, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!string.Equals(eventName, EnrollmentEvent, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var condition in Conditions)
        {
            if (!condition.IsMetBy(attributes))
            {
                return false;
            }
        }

        return true;
    }
}
