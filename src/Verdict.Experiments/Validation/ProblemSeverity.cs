namespace Verdict.Experiments.Validation;

/// <summary>Whether a problem stops the brief (error) or is a design the seeds warn about (warning).</summary>
public enum ProblemSeverity
{
    /// <summary>The brief is invalid; nothing is planned, locked or assigned.</summary>
    Error,

    /// <summary>The brief is valid but its design is risky; printed and kept in the plan.</summary>
    Warning,
}
