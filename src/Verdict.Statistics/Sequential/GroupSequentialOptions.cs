namespace Verdict.Statistics.Sequential;

/// <summary>
/// What a group-sequential plan registers: the looks, the error budget and how it is spent. Validated once by
/// <see cref="GroupSequentialDesign.Create"/>.
/// </summary>
public sealed class GroupSequentialOptions
{
    /// <summary>Planned information fractions t_1 &lt; … &lt; t_K = 1 (share of the maximum sample size). Default 0.25, 0.5, 0.75, 1.</summary>
    public IReadOnlyList<double> InformationFractions { get; init; } = [0.25, 0.5, 0.75, 1];

    /// <summary>Total type-I error; for two-sided designs the sum over both sides. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>1 for an upper efficacy boundary only, 2 for symmetric ±z boundaries. Default 2.</summary>
    public int Sides { get; init; } = 2;

    /// <summary>The alpha-spending function. Default O'Brien–Fleming-type. Ignored when <see cref="Classic"/> is set.</summary>
    public SpendingFunction AlphaSpending { get; init; } = SpendingFunction.ObrienFleming;

    /// <summary>A classic fixed boundary (only at registered looks) instead of a spending function. Default none.</summary>
    public ClassicBoundary? Classic { get; init; }

    /// <summary>Beta-spending function for non-binding futility boundaries (one-sided designs only). Default none.</summary>
    public SpendingFunction? BetaSpending { get; init; }

    /// <summary>Type-II error for planning and beta spending (power is 1 − β). Default 0.2.</summary>
    public double Beta { get; init; } = 0.2;

    /// <summary>Grid parameter r of Jennison and Turnbull §19.2.1. Default 16.</summary>
    public int GridSize { get; init; } = SequentialIntegrator.DefaultGridSize;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(InformationFractions);
        if (InformationFractions.Count is < 1 or > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(InformationFractions), InformationFractions.Count, "a plan needs between 1 and 50 looks");
        }

        for (var i = 0; i < InformationFractions.Count; i++)
        {
            var t = InformationFractions[i];
            if (!(t > 0 && t <= 1) || (i > 0 && !(t > InformationFractions[i - 1])))
            {
                throw new ArgumentException(
                    $"information fractions must increase strictly within (0, 1]; look {i + 1} is {t}", nameof(InformationFractions));
            }
        }

        if (Math.Abs(InformationFractions[^1] - 1) > 1e-12)
        {
            throw new ArgumentException("the last planned look must be at information fraction 1", nameof(InformationFractions));
        }

        Guard.Alpha(Alpha);
        Guard.Alpha(Beta);
        if (Sides is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(Sides), Sides, "must be 1 or 2");
        }

        ArgumentNullException.ThrowIfNull(AlphaSpending);
        if (BetaSpending is not null && Sides != 1)
        {
            throw new ArgumentException("futility boundaries from beta spending need a one-sided design", nameof(BetaSpending));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(GridSize, 8);
    }
}
