using Verdict.Experiments.Analysis;
using Verdict.Reports.Text;

namespace Verdict.Reports;

/// <summary>One check; <c>code</c> names its rule (docs/analysis-json.md, "Codes").</summary>
public sealed record CheckDocument(string Step, string Name, string Status, string Detail, string Code)
{
    /// <summary>The document of one check.</summary>
    public static CheckDocument From(AnalysisCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(check.Step, check.Name, check.Status.ToString().ToUpperInvariant(), CheckText.Detail(check), check.Code);
    }
}
