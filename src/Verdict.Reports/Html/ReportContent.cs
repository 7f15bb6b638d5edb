using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Planning;

namespace Verdict.Reports.Html;

/// <summary>
/// Everything the HTML report shows: the locked brief, its analysis, its plan, the lock found beside the brief (null when
/// it was never planned) and when the report was generated.
/// </summary>
public sealed record ReportContent(ExperimentBrief Brief, AnalysisReport Analysis, ExperimentPlan Plan, BriefLock? Lock, DateTimeOffset? GeneratedAt = null)
{
    /// <summary>The brief's canonical hash now; equal to the lock's when the brief was not changed since it was locked.</summary>
    public string BriefHash { get; } = BriefCanonicalForm.Hash(Brief);

    /// <summary>How the brief relates to its lock.</summary>
    public LockStatus LockStatus => BriefCanonicalForm.Compare(Brief, Lock);
}
