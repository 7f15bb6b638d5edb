namespace Verdict.Experiments.Quantities;

/// <summary>The unit of a normalized <see cref="Quantity"/>.</summary>
public enum QuantityUnit
{
    /// <summary>A plain number in the metric's own unit.</summary>
    Number,

    /// <summary>An absolute change of a rate, stored as a proportion (written <c>0.5pp</c>, stored 0.005).</summary>
    Proportion,

    /// <summary>A change relative to control (written <c>5%</c>, stored 0.05).</summary>
    Relative,

    /// <summary>Milliseconds (written <c>150ms</c> or <c>0.15s</c>, stored 150).</summary>
    Milliseconds,
}
