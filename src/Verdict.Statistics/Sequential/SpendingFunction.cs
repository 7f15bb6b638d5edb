using MathNet.Numerics.Distributions;

namespace Verdict.Statistics.Sequential;

/// <summary>
/// A Lan–DeMets error-spending function: how much of a one-sided error budget has been spent by information
/// fraction t. Used for alpha (efficacy) and beta (futility) spending. Two-sided designs spend
/// 2·f(t; α/2), as rpact does (rpact 3.3 <c>getDesignGroupSequential</c>, <c>sided = 2</c>).
/// </summary>
/// <param name="Family">The family.</param>
/// <param name="Parameter">ρ for <see cref="SpendingFamily.Power"/>, γ for <see cref="SpendingFamily.HwangShihDeCani"/>, otherwise 0.</param>
public sealed record SpendingFunction(SpendingFamily Family, double Parameter = 0)
{
    /// <summary>O'Brien–Fleming-type spending.</summary>
    public static SpendingFunction ObrienFleming { get; } = new(SpendingFamily.ObrienFleming);

    /// <summary>Pocock-type spending.</summary>
    public static SpendingFunction Pocock { get; } = new(SpendingFamily.Pocock);

    /// <summary>Kim–DeMets α·t^ρ with ρ &gt; 0 (ρ = 1 spends linearly, ρ = 3 resembles O'Brien–Fleming).</summary>
    public static SpendingFunction Power(double rho)
    {
        Guard.Positive(rho);
        return new SpendingFunction(SpendingFamily.Power, rho);
    }

    /// <summary>Hwang–Shih–DeCani with finite γ (γ = −4 resembles O'Brien–Fleming, γ = 1 Pocock).</summary>
    public static SpendingFunction HwangShihDeCani(double gamma)
    {
        Guard.Finite(gamma);
        return new SpendingFunction(SpendingFamily.HwangShihDeCani, gamma);
    }

    /// <summary>The cumulative one-sided error spent by fraction <paramref name="t"/> of a budget <paramref name="total"/>; t ≥ 1 spends it all.</summary>
    public double Cumulative(double t, double total)
    {
        Guard.Alpha(total);
        if (!(t > 0))
        {
            return 0;
        }

        if (t >= 1)
        {
            return total;
        }

        return Family switch
        {
            SpendingFamily.ObrienFleming => 2 * Normal.CDF(0, 1, Normal.InvCDF(0, 1, total / 2) / Math.Sqrt(t)),
            SpendingFamily.Pocock => total * Math.Log(1 + ((Math.E - 1) * t)),
            SpendingFamily.Power => total * Math.Pow(t, Parameter),
            SpendingFamily.HwangShihDeCani => Parameter == 0
                ? total * t
                : total * (-double.ExpM1(-Parameter * t)) / (-double.ExpM1(-Parameter)),
#pragma warning disable CA2208 // The spending function's own family is what is out of range.
            _ => throw new ArgumentOutOfRangeException(nameof(Family), Family, "unknown spending family"),
#pragma warning restore CA2208
        };
    }

    /// <summary>Cumulative error spent by a design with <paramref name="sides"/> sides and total budget <paramref name="total"/>.</summary>
    internal double CumulativeForSides(double t, double total, int sides) =>
        sides == 2 ? 2 * Cumulative(t, total / 2) : Cumulative(t, total);

    /// <inheritdoc/>
    public override string ToString() => Family switch
    {
        SpendingFamily.ObrienFleming => "O'Brien–Fleming-type spending",
        SpendingFamily.Pocock => "Pocock-type spending",
        SpendingFamily.Power => $"Kim–DeMets power spending (ρ = {Parameter})",
        _ => $"Hwang–Shih–DeCani spending (γ = {Parameter})",
    };
}
