using Verdict.Cli.Commands.Stats;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Cli.Commands.OffPolicy;

/// <summary>The <c>verdict ope --json</c> contract (docs/cli.md, docs/ope.md).</summary>
internal sealed record OpeJson(
    int Decisions,
    int Dropped,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Features,
    string CandidateSource,
    double Alpha,
    int BootstrapResamples,
    int Seed,
    int CrossFitFolds,
    EstimateJson Logged,
    IReadOnlyList<OpeEstimateJson> Estimates,
    OpeWeightsJson Weights,
    OpeClippingJson? Clipping,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    public static OpeJson From(OffPolicyResult result, IReadOnlyList<string> actions, IReadOnlyList<string> features, string source, OffPolicyOptions options)
    {
        var w = result.Weights;
        var edges = ImportanceWeights.BinEdges;
        return new OpeJson(
            result.Decisions,
            result.Dropped,
            actions,
            features,
            source,
            options.Alpha,
            options.BootstrapResamples,
            options.Seed,
            options.CrossFitFolds,
            EstimateJson.From(result.Logged),
            result.Estimates.Select(e => new OpeEstimateJson(Name(e.Estimator), EstimateJson.From(e.Value), EstimateJson.From(e.VersusLogged), EstimateJson.N(e.BootstrapLow), EstimateJson.N(e.BootstrapHigh))).ToList(),
            new OpeWeightsJson(EstimateJson.N(w.Mean), EstimateJson.N(w.Max), EstimateJson.N(w.Median), EstimateJson.N(w.P90), EstimateJson.N(w.P99), w.EffectiveSampleSize, EstimateJson.N(w.ZeroWeightShare), w.ClippedCount,
                w.Histogram.Select((count, i) => new OpeBinJson(edges[i], i + 1 < edges.Count ? edges[i + 1] : null, count)).ToList()),
            options.MaxWeight is { } max ? new OpeClippingJson(max, EstimateJson.N(result.ClippingBias)) : null,
            result.Diagnostics.Select(DiagnosticJson.From).ToList());
    }

    /// <summary>"ips", "snips" or "dr".</summary>
    public static string Name(OffPolicyEstimator estimator) => estimator switch
    {
        OffPolicyEstimator.InversePropensity => "ips",
        OffPolicyEstimator.SelfNormalized => "snips",
        _ => "dr",
    };
}

/// <summary>One estimator in <see cref="OpeJson"/>.</summary>
internal sealed record OpeEstimateJson(string Estimator, EstimateJson Value, EstimateJson VersusLogged, double? BootstrapCiLow, double? BootstrapCiHigh);

/// <summary>The weight distribution in <see cref="OpeJson"/>.</summary>
internal sealed record OpeWeightsJson(double? Mean, double? Max, double? Median, double? P90, double? P99, double EffectiveSampleSize, double? ZeroWeightShare, int Clipped, IReadOnlyList<OpeBinJson> Histogram);

/// <summary>A histogram bin [from, to) of importance weights; <c>to</c> is absent for the last, open bin.</summary>
internal sealed record OpeBinJson(double From, double? To, int Count);

/// <summary>Clipping: the cap and the plug-in bias it adds to IPS.</summary>
internal sealed record OpeClippingJson(double MaxWeight, double? Bias);
