using System.Globalization;
using Verdict.Experiments.Analysis.Evidence;

namespace Verdict.Reports.Text;

/// <summary>The words of the long-term holdout's checks (<c>--holdout</c>), from their evidence.</summary>
internal static class HoldoutText
{
    public static string Detail(StepEvidence evidence) => evidence switch
    {
        HeldOutUnitsEvidence e => $"no exposures of {e.Key} v{e.Version} with arm \"{e.Arm}\": the SDK logs one when a unit is held out (docs/sdk.md); nothing to compare",
        HoldoutExposedUnitsEvidence e => $"no analysed units in any arm of {e.Experiment} v{e.Version}",
        HoldoutRatioEvidence e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Held:N0} held out of {e.Held + e.Exposed:N0} ({100.0 * e.Held / (e.Held + e.Exposed):0.00}%), expected {100 * e.ExpectedShare:0.00}% from traffic.holdout {e.Fraction} (× layer share × exposure now); χ² p = {e.PValue:G3}, alarm below {e.Threshold}. A ramp changes the expected share over time"),
        HoldoutReceiptsEvidence e => $"{e.Exposures:N0} held-out exposures carry a receipt other than control's: the holdout was not served control",
        HoldoutArmsEvidence e => $"{e.Exposures:N0} exposures of {e.Key} name an arm other than \"{e.Arm}\"",
        HoldoutNoDataEvidence e => $"no data to compare {e.Arm} with the holdout",
        _ => throw new ArgumentException($"{evidence.GetType().Name} is not a holdout check's evidence", nameof(evidence)),
    };
}
