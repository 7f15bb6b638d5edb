using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Verdict.Statistics.Sequential;

/// <summary>
/// A registered group-sequential plan: efficacy boundaries (and optional non-binding futility boundaries) at
/// planned information fractions, computed by recursive numerical integration (Armitage, McPherson and Rowe 1969;
/// Jennison and Turnbull 2000, ch. 19) and checked against rpact 3.3.4 <c>getDesignGroupSequential</c>.
/// Immutable and thread-safe once created.
/// </summary>
public sealed partial class GroupSequentialDesign
{
    private readonly double[] fractions;
    private readonly double[] efficacy;
    private readonly double[] nominal;
    private readonly double[] cumulativeAlpha;
    private readonly double[]? futility;

    private GroupSequentialDesign(GroupSequentialOptions options, double[] efficacy, double[] cumulativeAlpha, double[]? futility, double futilityDrift)
    {
        Options = options;
        fractions = [.. options.InformationFractions];
        this.efficacy = efficacy;
        this.cumulativeAlpha = cumulativeAlpha;
        this.futility = futility;
        FutilityDrift = futilityDrift;
        nominal = efficacy.Select(b => SequentialIntegrator.Phi(-b)).ToArray();
    }

    /// <summary>The options the plan was registered with.</summary>
    public GroupSequentialOptions Options { get; }

    /// <summary>Number of planned looks K.</summary>
    public int Looks => fractions.Length;

    /// <summary>Planned information fractions.</summary>
    public IReadOnlyList<double> InformationFractions => fractions;

    /// <summary>Upper efficacy boundary per look (the boundary is ±z for two-sided plans).</summary>
    public IReadOnlyList<double> EfficacyBoundaries => efficacy;

    /// <summary>One-sided nominal level 1 − Φ(z_k) per look (rpact <c>stageLevels</c>).</summary>
    public IReadOnlyList<double> NominalLevels => nominal;

    /// <summary>Type-I error spent by each look, from the integration (rpact <c>alphaSpent</c>).</summary>
    public IReadOnlyList<double> CumulativeAlpha => cumulativeAlpha;

    /// <summary>Non-binding futility boundary per look (the last equals the last efficacy boundary), or null.</summary>
    public IReadOnlyList<double>? FutilityBoundaries => futility;

    /// <summary>The drift E[Z_K] under which beta spending was solved; NaN without futility boundaries.</summary>
    public double FutilityDrift { get; }

    /// <summary>True when boundaries come from a spending function, so unplanned looks can be spent for.</summary>
    public bool UsesSpendingFunction => Options.Classic is null;

    /// <summary>Computes the boundaries of the plan described by <paramref name="options"/>.</summary>
    public static GroupSequentialDesign Create(GroupSequentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var t = options.InformationFractions;
        double[] z;
        double[] spent;
        if (options.Classic is { } classic)
        {
            z = BoundaryCalculator.Classic(t, options.Alpha, options.Sides, classic, options.GridSize);
            spent = CumulativeExits(t, z, options.Sides, options.GridSize);
        }
        else
        {
            (z, spent) = BoundaryCalculator.Efficacy(
                t, i => options.AlphaSpending.CumulativeForSides(t[i], options.Alpha, options.Sides), options.Sides, options.GridSize);
        }

        double[]? futility = null;
        var drift = double.NaN;
        if (options.BetaSpending is { } betaSpending)
        {
            double Beta(int i) => betaSpending.Cumulative(t[i], options.Beta);
            drift = BoundaryCalculator.FutilityDrift(t, z, Beta, options.Beta, options.GridSize);
            futility = BoundaryCalculator.Futility(t, z, Beta, drift, options.GridSize).Futility;
        }

        return new GroupSequentialDesign(options, z, spent, futility, drift);
    }

    /// <summary>Power, expected sample sizes and stopping probabilities at power 1 − <see cref="GroupSequentialOptions.Beta"/>.</summary>
    public DesignCharacteristics Characteristics()
    {
        var o = Options;
        var zAlpha = Normal.InvCDF(0, 1, 1 - (o.Alpha / o.Sides));
        var zBeta = Normal.InvCDF(0, 1, 1 - o.Beta);
        var fixedDrift2 = (zAlpha + zBeta) * (zAlpha + zBeta);
        var lower = futility ?? efficacy.Select(b => o.Sides == 2 ? -b : double.NegativeInfinity).ToArray();
        var drift = futility is null
            ? Brent.FindRoot(d => BoundaryCalculator.Exits(fractions, lower, efficacy, d, o.GridSize).Upper.Sum() - (1 - o.Beta), 0, 20, 1e-11, 200)
            : FutilityDrift;
        var inflation = drift * drift / fixedDrift2;
        var h1 = BoundaryCalculator.Exits(fractions, lower, efficacy, drift, o.GridSize);
        var half = BoundaryCalculator.Exits(fractions, lower, efficacy, drift / 2, o.GridSize);
        var h0 = BoundaryCalculator.Exits(fractions, lower, efficacy, 0, o.GridSize);
        var power = new double[Looks];
        var running = 0.0;
        for (var i = 0; i < Looks; i++)
        {
            running += h1.Upper[i];
            power[i] = running;
        }

        var futilityProbabilities = futility is null ? new double[Looks - 1] : h1.Lower.Take(Looks - 1).ToArray();
        return new DesignCharacteristics(
            fixedDrift2,
            drift,
            inflation,
            power,
            h1.Upper,
            futilityProbabilities,
            StopProbabilities(h0),
            StopProbabilities(h1),
            inflation * ExpectedFraction(h0),
            inflation * ExpectedFraction(half),
            inflation * ExpectedFraction(h1));
    }

    private double[] StopProbabilities((double[] Upper, double[] Lower, double[] Reach) exits)
    {
        var stop = new double[Looks];
        for (var i = 0; i < Looks - 1; i++)
        {
            stop[i] = exits.Upper[i] + exits.Lower[i];
        }

        stop[^1] = exits.Reach[^1];
        return stop;
    }

    private double ExpectedFraction((double[] Upper, double[] Lower, double[] Reach) exits)
    {
        var stop = StopProbabilities(exits);
        var sum = 0.0;
        for (var i = 0; i < Looks; i++)
        {
            sum += fractions[i] * stop[i];
        }

        return sum;
    }

    private static double[] CumulativeExits(IReadOnlyList<double> t, double[] z, int sides, int gridSize)
    {
        var lower = z.Select(b => sides == 2 ? -b : double.NegativeInfinity).ToArray();
        var (up, down, _) = BoundaryCalculator.Exits(t, lower, z, 0, gridSize);
        var cumulative = new double[z.Length];
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            sum += up[i] + (sides == 2 ? down[i] : 0);
            cumulative[i] = sum;
        }

        return cumulative;
    }
}
