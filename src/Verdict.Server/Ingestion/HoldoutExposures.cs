using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Events;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Ingestion;

/// <summary>The exposures of held-out units (docs/sdk.md): <c>{key}/holdout</c>, arm <c>holdout</c>, of a created version whose brief has a holdout.</summary>
internal static class HoldoutExposures
{
    /// <summary>True when <paramref name="exposure"/> is a held-out unit's exposure the server should store.</summary>
    public static bool Accepts(Registry registry, ExposureRecord exposure)
    {
        if (exposure.Arm != HoldoutAnalysis.Arm || !exposure.Experiment.EndsWith("/" + HoldoutAnalysis.Arm, StringComparison.Ordinal))
        {
            return false;
        }

        var key = exposure.Experiment[..^(HoldoutAnalysis.Arm.Length + 1)];
        return registry.Brief(key, exposure.Version)?.Traffic.Holdout is not null;
    }
}
