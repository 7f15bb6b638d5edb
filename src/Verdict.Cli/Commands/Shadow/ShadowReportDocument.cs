using Verdict.Experiments.Analysis.Shadow;

namespace Verdict.Cli.Commands.Shadow;

/// <summary>The <c>--json</c> document of <c>verdict shadow report</c> (docs/cli.md, "verdict shadow report"; field names are a contract).</summary>
/// <param name="Experiment">The brief's key.</param>
/// <param name="Version">The brief's version.</param>
/// <param name="Calls">Shadow calls read (at most the limit).</param>
/// <param name="Truncated">True when the read stopped at the limit.</param>
/// <param name="From">The earliest call time read, or null.</param>
/// <param name="To">The time the read stopped at, or null.</param>
/// <param name="Alpha">The two-sided level of every interval.</param>
/// <param name="Judge">The judge's model and endpoint, or null without one.</param>
/// <param name="Arms">One comparison per treatment arm.</param>
/// <param name="Warnings">Why the numbers may mislead (an unlocked brief).</param>
internal sealed record ShadowReportDocument(
    string Experiment,
    int Version,
    long Calls,
    bool Truncated,
    DateTimeOffset? From,
    DateTimeOffset? To,
    double Alpha,
    ShadowJudgeInfo? Judge,
    IReadOnlyList<ShadowArmComparison> Arms,
    IReadOnlyList<string> Warnings);
