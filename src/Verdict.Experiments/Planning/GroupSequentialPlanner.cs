using Verdict.Statistics.Sequential;

namespace Verdict.Experiments.Planning;

/// <summary>
/// The brief's group-sequential plan from the statistics engine: two-sided boundaries at the registered looks, and
/// the maximum-sample inflation factor for the brief's power (Jennison and Turnbull, ch. 19).
/// </summary>
public sealed class GroupSequentialPlanner : ISequentialPlanner
{
    /// <summary>The shared instance.</summary>
    public static GroupSequentialPlanner Instance { get; } = new();

    /// <summary>The engine's design for a brief's analysis fields.</summary>
    public static GroupSequentialDesign Design(IReadOnlyList<double> looks, string spending, double alpha, double power)
    {
        ArgumentNullException.ThrowIfNull(looks);
        if (!SpendingSpecification.TryParse(spending, allowClassic: true, out var function, out var classic, out var error))
        {
            throw new ArgumentException(error, nameof(spending));
        }

        return GroupSequentialDesign.Create(new GroupSequentialOptions
        {
            InformationFractions = looks,
            Alpha = alpha,
            Sides = 2,
            AlphaSpending = function,
            Classic = classic,
            Beta = 1 - power,
        });
    }

    /// <inheritdoc/>
    public SequentialDesign Plan(IReadOnlyList<double> looks, string spending, double alpha, double power)
    {
        var design = Design(looks, spending, alpha, power);
        var characteristics = design.Characteristics();
        var planned = Enumerable.Range(0, design.Looks)
            .Select(i => new SequentialLook(design.InformationFractions[i], design.EfficacyBoundaries[i], design.CumulativeAlpha[i]))
            .ToList();
        return new SequentialDesign(characteristics.InflationFactor, planned);
    }
}
