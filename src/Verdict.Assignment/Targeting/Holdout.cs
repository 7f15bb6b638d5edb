namespace Verdict.Assignment.Targeting;

/// <summary>
/// A global holdout: the units whose bucket under the salt <c>"holdout:" + name</c> falls below
/// round(<see cref="Fraction"/> × 10 000) are kept out of every experiment that names this holdout.
/// </summary>
public sealed record Holdout(string Name, double Fraction)
{
    /// <summary>The salt units are hashed with to decide whether they are held out.</summary>
    public string Salt => "holdout:" + Name;
}
