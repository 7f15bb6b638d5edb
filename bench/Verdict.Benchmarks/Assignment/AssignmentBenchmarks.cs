using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Verdict.Assignment;
using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;
using Verdict.Assignment.Targeting;

namespace Verdict.Benchmarks.Assignment;

/// <summary>
/// One assignment of a customer id to control/treatment at 50/50 with the seed's salt, by Verdict's
/// <see cref="ExperimentAssigner"/> and by Microsoft.FeatureManagement's percentile variant allocation with the same seed.
/// Both cycle through the same 1 024 pre-built ids so that neither pays for building its input.
/// </summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    private const string Feature = "refund-query-rewrite";
    private const string Salt = "refund-query-rewrite:v1";
    private string[] ids = [];
    private TargetingContext[] contexts = [];
    private ExperimentAssigner assigner = null!;
    private ExperimentAssigner layered = null!;
    private FeatureManager featureManager = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        ids = Enumerable.Range(0, 1024).Select(i => $"customer-{i:D6}").ToArray();
        contexts = ids.Select(id => new TargetingContext { UserId = id, Groups = [] }).ToArray();
        var arms = new[] { new ArmWeight("control", 0.5), new ArmWeight("treatment", 0.5) };
        assigner = new ExperimentAssigner(new AssignmentSpec { Salt = Salt, Arms = arms });
        layered = new ExperimentAssigner(new AssignmentSpec
        {
            Salt = Salt,
            Arms = arms,
            Exposure = 0.5,
            Layer = LayerRange.FromFractions("support", 0, 0.8),
            Holdout = new Holdout("global", 0.05),
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["feature_management:feature_flags:0:id"] = Feature,
            ["feature_management:feature_flags:0:enabled"] = "true",
            ["feature_management:feature_flags:0:variants:0:name"] = "control",
            ["feature_management:feature_flags:0:variants:1:name"] = "treatment",
            ["feature_management:feature_flags:0:allocation:percentile:0:variant"] = "control",
            ["feature_management:feature_flags:0:allocation:percentile:0:from"] = "0",
            ["feature_management:feature_flags:0:allocation:percentile:0:to"] = "50",
            ["feature_management:feature_flags:0:allocation:percentile:1:variant"] = "treatment",
            ["feature_management:feature_flags:0:allocation:percentile:1:from"] = "50",
            ["feature_management:feature_flags:0:allocation:percentile:1:to"] = "100",
            ["feature_management:feature_flags:0:allocation:seed"] = Salt,
            ["feature_management:feature_flags:0:allocation:default_when_enabled"] = "control",
        }).Build();
        featureManager = new FeatureManager(new ConfigurationFeatureDefinitionProvider(configuration));
        if (FeatureManagementVariant() is null)
        {
            throw new InvalidOperationException("FeatureManagement did not allocate a variant; check the configuration.");
        }
    }

    /// <summary>Verdict: hash, bucket, arm.</summary>
    [Benchmark(Baseline = true)]
    public int Verdict() => assigner.Assign(ids[next++ & 1023]).Arm;

    /// <summary>Verdict hashing through <c>SHA256.HashData</c> instead of OpenSSL's block function (the portable path).</summary>
    [Benchmark]
    public int VerdictBclSha256() => assigner.Assign(ids[next++ & 1023]).Arm;

    /// <summary>Switches the BCL path on for <see cref="VerdictBclSha256"/> only (each benchmark runs in its own process).</summary>
    [GlobalSetup(Target = nameof(VerdictBclSha256))]
    public void SetupBcl()
    {
        Setup();
        AssignmentHash.UseNative = false;
    }

    /// <summary>Verdict with a holdout, a layer and a 50% exposure: three hashes.</summary>
    [Benchmark]
    public int VerdictLayered() => layered.Assign(ids[next++ & 1023]).Arm;

    /// <summary>Microsoft.FeatureManagement 4.7.0: <c>GetVariantAsync</c> with percentile allocation and a seed.</summary>
    [Benchmark]
    public string? FeatureManagementVariant()
    {
        var pending = featureManager.GetVariantAsync(Feature, contexts[next++ & 1023], CancellationToken.None);
        var variant = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return variant?.Name;
    }
}
