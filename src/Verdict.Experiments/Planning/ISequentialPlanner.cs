namespace Verdict.Experiments.Planning;

/// <summary>
/// The seam to the sequential engine (Verdict.Statistics, <c>Sequential/</c>): turns a brief's looks and spending
/// function into boundaries. <see cref="ExperimentPlanner"/> prints boundaries only when one is supplied.
/// </summary>
public interface ISequentialPlanner
{
    /// <summary>Boundaries for <paramref name="looks"/> under <paramref name="spending"/> at two-sided <paramref name="alpha"/> and <paramref name="power"/>.</summary>
    SequentialDesign Plan(IReadOnlyList<double> looks, string spending, double alpha, double power);
}
