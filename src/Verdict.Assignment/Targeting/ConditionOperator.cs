namespace Verdict.Assignment.Targeting;

/// <summary>How an eligibility condition compares a unit's attribute with its values.</summary>
public enum ConditionOperator
{
    /// <summary>The attribute equals the single value (ordinal string comparison).</summary>
    Equals,

    /// <summary>The attribute is present and differs from the single value.</summary>
    NotEquals,

    /// <summary>The attribute equals one of the values.</summary>
    In,

    /// <summary>The attribute is present and equals none of the values.</summary>
    NotIn,

    /// <summary>The attribute is present (values ignored).</summary>
    Exists,

    /// <summary>The attribute, read as an invariant number, is greater than the value.</summary>
    GreaterThan,

    /// <summary>The attribute, read as an invariant number, is at least the value.</summary>
    GreaterThanOrEqual,

    /// <summary>The attribute, read as an invariant number, is less than the value.</summary>
    LessThan,

    /// <summary>The attribute, read as an invariant number, is at most the value.</summary>
    LessThanOrEqual,
}
