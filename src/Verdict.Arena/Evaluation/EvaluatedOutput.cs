using Verdict.Arena.Dataset;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Evaluation;

/// <summary>What an evaluator looks at: the case, which variant answered, and its reply.</summary>
/// <param name="Case">The golden case.</param>
/// <param name="Variant">The variant's name.</param>
/// <param name="Reply">The variant's reply (succeeded).</param>
internal sealed record EvaluatedOutput(GoldenCase Case, string Variant, ModelReply Reply);
