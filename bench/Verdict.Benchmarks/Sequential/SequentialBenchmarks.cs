using BenchmarkDotNet.Attributes;
using Verdict.Statistics.AlwaysValid;
using Verdict.Statistics.Sequential;

namespace Verdict.Benchmarks.Sequential;

/// <summary>
/// Group-sequential boundaries (targets: K = 20 looks under 50 ms) and per-look costs (target: a registered look
/// under 1 µs once the plan exists), plus always-valid inference at one look.
/// </summary>
[MemoryDiagnoser]
public class SequentialBenchmarks
{
    private static readonly double[] Twenty = Enumerable.Range(1, 20).Select(k => k / 20.0).ToArray();
    private static readonly double[] Four = [0.25, 0.5, 0.75, 1];
    private readonly GroupSequentialDesign plan = GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = Twenty });
    private readonly double[] registered = Twenty[..10];
    private readonly double[] unregistered = [.. Twenty[..9], 0.52];
    private double estimate = 0.04;
    private double standardError = 0.0155;

    /// <summary>Four looks, O'Brien–Fleming-type spending, two-sided: the everyday plan.</summary>
    [Benchmark(Baseline = true)]
    public double BoundariesFourLooks() =>
        GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = Four }).EfficacyBoundaries[^1];

    [Benchmark]
    public double BoundariesTwentyLooks() =>
        GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = Twenty }).EfficacyBoundaries[^1];

    [Benchmark]
    public double BoundariesTwentyLooksClassicPocock() =>
        GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = Twenty, Classic = ClassicBoundary.Pocock }).EfficacyBoundaries[^1];

    [Benchmark]
    public double BoundariesTwentyLooksWithFutility() =>
        GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = Twenty, Sides = 1, Alpha = 0.025, BetaSpending = SpendingFunction.ObrienFleming })
            .FutilityBoundaries![^2];

    [Benchmark]
    public double CharacteristicsTwentyLooks() => plan.Characteristics().InflationFactor;

    [Benchmark]
    public LookAction EvaluateRegisteredLook() => plan.Evaluate(registered, 2.1).Action;

    [Benchmark]
    public LookAction EvaluateUnregisteredLook() => plan.Evaluate(unregistered, 2.1).Action;

    [Benchmark]
    public double AsymptoticSequenceOneLook() => AsymptoticConfidenceSequence.Evaluate(estimate, standardError, 4000).PValue;

    [Benchmark]
    public double MixtureSprtOneLook() => MixtureSprt.Evaluate(estimate, standardError, 0.039).PValue;
}
