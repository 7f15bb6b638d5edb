using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Validation;

/// <summary>A parsed brief (null when it has errors) with every error and warning found, in file order.</summary>
public sealed record BriefLoadResult(ExperimentBrief? Brief, IReadOnlyList<BriefProblem> Problems)
{
    /// <summary>The errors.</summary>
    public IEnumerable<BriefProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The lint warnings.</summary>
    public IEnumerable<BriefProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>True when the brief parsed and validated without errors.</summary>
    public bool IsValid => Brief is not null && !Errors.Any();
}
