using System.Globalization;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Sequential;

/// <summary>Evaluating looks against the registered plan, spending by realized information.</summary>
public sealed partial class GroupSequentialDesign
{
    private const double SameLook = 1e-9;

    /// <summary>
    /// Evaluates the current look. <paramref name="informationFractions"/> holds the realized information fraction
    /// of every look so far, this one last. Registered looks use the planned boundaries; a look the plan did not
    /// register is spent for by the spending function at its realized information (Lan and DeMets 1983) and marked
    /// <see cref="LookEvaluation.Recomputed"/>, or refused for a classic design.
    /// </summary>
    public LookEvaluation Evaluate(ReadOnlySpan<double> informationFractions, double z, bool finalLook = false)
    {
        Guard.Finite(z);
        var look = informationFractions.Length;
        if (IsRegistered(informationFractions, finalLook))
        {
            var i = look - 1;
            return Decide(look, informationFractions[i], z, efficacy[i], futility?[i], nominal[i], cumulativeAlpha[i], i == Looks - 1, false, null);
        }

        var realized = Realize(informationFractions, finalLook);
        var last = look - 1;
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"look {look} at information {informationFractions[last]:0.####} was not registered; {Options.AlphaSpending} spent {realized.CumulativeAlpha[last]:0.######} of alpha by this look");
        return Decide(
            look,
            informationFractions[last],
            z,
            realized.Efficacy[last],
            realized.Futility?[last],
            SequentialIntegrator.Phi(-realized.Efficacy[last]),
            realized.CumulativeAlpha[last],
            realized.IsFinal,
            true,
            note);
    }

    /// <summary>
    /// Evaluates the current look from an effect estimate and its standard error (z = estimate / SE) and adds the
    /// repeated confidence interval estimate ± c_k·SE (Jennison and Turnbull 2000, eq. 9.2). For one-sided plans each
    /// end is a one-sided bound at level 1 − α, and both are reported as rpact's <c>getAnalysisResults</c> does.
    /// </summary>
    public LookEvaluation Evaluate(ReadOnlySpan<double> informationFractions, Estimate estimate, bool finalLook = false)
    {
        Guard.Finite(estimate.Value);
        Guard.Positive(estimate.StandardError);
        var result = Evaluate(informationFractions, estimate.Value / estimate.StandardError, finalLook);
        var half = result.EfficacyBoundary * estimate.StandardError;
        return result with
        {
            RepeatedCiLow = estimate.Value - half,
            RepeatedCiHigh = estimate.Value + half,
        };
    }

    /// <summary>
    /// The p-value after stopping at the current look with statistic <paramref name="z"/>, under the stage-wise
    /// ordering (Armitage 1957; Jennison and Turnbull 2000, §8.4): the probability under H0 of crossing at an earlier
    /// look, plus of reaching this look and seeing a statistic at least as extreme. Futility is ignored (non-binding).
    /// </summary>
    public double StageWiseAdjustedPValue(ReadOnlySpan<double> informationFractions, double z, bool finalLook = false)
    {
        Guard.Finite(z);
        var realized = IsRegistered(informationFractions, finalLook)
            ? (Efficacy: efficacy[..informationFractions.Length], CumulativeAlpha: cumulativeAlpha, Futility: futility, IsFinal: false)
            : Realize(informationFractions, finalLook);
        var k = informationFractions.Length;
        var two = Options.Sides == 2;
        var upper = realized.Efficacy[..k].ToArray();
        upper[^1] = two ? Math.Abs(z) : z;
        var lower = upper.Select(b => two ? -b : double.NegativeInfinity).ToArray();
        var (up, down, _) = BoundaryCalculator.Exits(informationFractions.ToArray(), lower, upper, 0, Options.GridSize);
        var p = up.Sum() + (two ? down.Sum() : 0);
        return Math.Clamp(p, 0, 1);
    }

    private bool IsRegistered(ReadOnlySpan<double> informationFractions, bool finalLook)
    {
        var realized = informationFractions;
        var look = realized.Length;
        if (look == 0)
        {
            throw new ArgumentException("give the information fraction of every look so far, this one last", nameof(informationFractions));
        }

        if (look > Looks || (finalLook && look != Looks))
        {
            return false;
        }

        for (var i = 0; i < look; i++)
        {
            if (Math.Abs(realized[i] - fractions[i]) > SameLook)
            {
                return false;
            }
        }

        return true;
    }

    private (double[] Efficacy, double[] CumulativeAlpha, double[]? Futility, bool IsFinal) Realize(ReadOnlySpan<double> informationFractions, bool finalLook)
    {
        var t = informationFractions.ToArray();
        for (var i = 0; i < t.Length; i++)
        {
            if (!(t[i] > 0) || !double.IsFinite(t[i]) || (i > 0 && !(t[i] > t[i - 1])))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"realized information fractions must be positive and increase strictly; look {i + 1} is {t[i]}"),
                    nameof(informationFractions));
            }

            if (i < t.Length - 1 && t[i] >= 1 - SameLook)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"the plan ended at look {i + 1} (information fraction {t[i]}); no look can follow it"),
                    nameof(informationFractions));
            }
        }

        if (!UsesSpendingFunction)
        {
            var planned = string.Join(", ", fractions.Select(f => f.ToString("0.####", CultureInfo.InvariantCulture)));
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"look {t.Length} at information fraction {t[^1]:0.####} was not registered: the classic {(Options.Classic == ClassicBoundary.Pocock ? "Pocock" : "O'Brien–Fleming")} boundary is defined only at the planned looks ({planned}){(finalLook ? " ending at the last one" : string.Empty)}; register the look or plan with a spending function"),
                nameof(informationFractions));
        }

        var isFinal = finalLook || t[^1] >= 1 - SameLook;
        var o = Options;
        var last = t.Length - 1;
        var (z, spent) = BoundaryCalculator.Efficacy(
            t, i => i == last && isFinal ? o.Alpha : o.AlphaSpending.CumulativeForSides(Math.Min(t[i], 1), o.Alpha, o.Sides), o.Sides, o.GridSize);
        double[]? f = null;
        if (o.BetaSpending is { } betaSpending)
        {
            f = BoundaryCalculator.Futility(t, z, i => betaSpending.Cumulative(Math.Min(t[i], 1), o.Beta), FutilityDrift, o.GridSize, isFinal).Futility;
        }

        return (z, spent, f, isFinal);
    }

    private LookEvaluation Decide(
        int look, double t, double z, double b, double? f, double nominalP, double spent, bool isFinal, bool recomputed, string? note)
    {
        LookAction action;
        if (Options.Sides == 2 ? Math.Abs(z) >= b : z >= b)
        {
            action = LookAction.StopEfficacy;
        }
        else if (isFinal || (f is { } futilityBound && z <= futilityBound))
        {
            action = LookAction.StopFutility;
        }
        else
        {
            action = LookAction.Continue;
        }

        return new LookEvaluation(look, t, z, action, b, f, nominalP, spent, isFinal, recomputed, note);
    }
}
