using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Tests.Reference;

/// <summary>
/// A reference estimate {estimate, se, ci_low, ci_high, p_value[, p_value_greater, p_value_less][, df]}; a null
/// estimate means the reference has none.
/// </summary>
public record EstimateBlock(
    double? Estimate, double? Se = null, double? CiLow = null, double? CiHigh = null, double? PValue = null,
    double? PValueGreater = null, double? PValueLess = null, double? Df = null);
