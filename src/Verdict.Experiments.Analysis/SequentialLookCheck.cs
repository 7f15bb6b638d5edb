using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// For a group-sequential brief, at the current look's information fraction (analysed units over each arm's planned
/// target, <see cref="ResolvedPlan.InformationFraction"/>): whether the first look is reached, the boundary the
/// registered design sets there, and the action. Earlier looks are taken to have happened at their registered
/// fractions; a look between registered fractions is spent for by the spending function (recorded).
/// </summary>
internal static class SequentialLookCheck
{
    /// <summary>The integrity check "registered look reached" at information fraction <paramref name="fraction"/> (<see cref="ResolvedPlan.InformationFraction"/>).</summary>
    public static AnalysisCheck Reached(ExperimentBrief brief, double fraction)
    {
        var first = brief.Analysis.Looks.Min();
        var reached = fraction >= first * 0.9;
        return new AnalysisCheck(IntegrityChecks.Step, "registered look reached", reached ? CheckStatus.Pass : CheckStatus.Fail,
            new LookReachedEvidence(fraction, brief.Analysis.Looks, reached), ReasonCodes.LookReached);
    }

    /// <summary>Evaluates the primary estimate at the current look.</summary>
    public static LookEvaluation Evaluate(ExperimentBrief brief, double fraction, Estimate primary)
    {
        var design = GroupSequentialPlanner.Design(brief.Analysis.Looks, brief.Analysis.Spending!, brief.PrimaryAlpha, brief.Analysis.Power);
        var current = Math.Min(fraction, 1);
        var looks = brief.Analysis.Looks.Where(l => l < current - 1e-9).Append(current).ToArray();
        return design.Evaluate(looks, primary, finalLook: fraction >= 1 - 1e-9);
    }
}
