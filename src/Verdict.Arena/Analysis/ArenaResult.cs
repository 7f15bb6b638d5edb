using Verdict.Arena.Gate;
using Verdict.Arena.Providers;
using Verdict.Arena.Running;

namespace Verdict.Arena.Analysis;

/// <summary>Everything an arena run concluded: per-variant summaries, paired comparisons, calibration and the gate.</summary>
/// <param name="Name">Arena name.</param>
/// <param name="Control">Control variant.</param>
/// <param name="Treatment">Treatment the gate judged.</param>
/// <param name="Cases">Golden-set size.</param>
/// <param name="Alpha">Significance level used.</param>
/// <param name="Variants">Per-variant summaries.</param>
/// <param name="Comparisons">Each challenger against the control.</param>
/// <param name="Calibration">The judge against human labels, when a pairwise judge ran.</param>
/// <param name="RubricCalibration">The rubric judge against human axis scores, when the golden set has them.</param>
/// <param name="Gate">The gate's verdict.</param>
/// <param name="Calls">Call counts: network, cache hits, retries, errors, spend.</param>
/// <param name="Notes">Cautions for the reader (small golden set, missing labels, errors).</param>
/// <param name="Run">The raw per-case results.</param>
public sealed record ArenaResult(
    string Name,
    string Control,
    string Treatment,
    int Cases,
    double Alpha,
    IReadOnlyList<VariantSummary> Variants,
    IReadOnlyList<VariantComparison> Comparisons,
    JudgeCalibration? Calibration,
    RubricCalibration? RubricCalibration,
    GateOutcome Gate,
    ArenaProgress Calls,
    IReadOnlyList<string> Notes,
    ArenaRun Run);
