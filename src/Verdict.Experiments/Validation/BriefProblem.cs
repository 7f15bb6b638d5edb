namespace Verdict.Experiments.Validation;

/// <summary>
/// One problem in a brief or metrics file, where it is and what is wrong, printed as
/// <c>brief.yaml:14 guardrails[1].budget: expected milliseconds, got "fast"</c>.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file name as given.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Path">The field path (<c>arms[1].receipt.model</c>), empty for the whole file.</param>
/// <param name="Message">What is wrong, with the offending value.</param>
/// <param name="Rule">For warnings, the lint rule's id (docs/brief.md, "Lint rules").</param>
public sealed record BriefProblem(ProblemSeverity Severity, string File, int Line, int Column, string Path, string Message, string? Rule = null)
{
    /// <summary>The longest message or path kept: a problem quotes the offending value, which may be any size.</summary>
    public const int MaxLength = 300;

    /// <summary>What is wrong, cut to <see cref="MaxLength"/> characters.</summary>
    public string Message { get; init; } = Clip(Message);

    /// <summary>The field path, cut to <see cref="MaxLength"/> characters.</summary>
    public string Path { get; init; } = Clip(Path);

    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var what = Path.Length > 0 ? $"{Path}: {Message}" : Message;
        var tag = Severity == ProblemSeverity.Warning ? $"warning{(Rule is null ? string.Empty : $" [{Rule}]")}: " : string.Empty;
        return $"{where} {tag}{what}";
    }

    private static string Clip(string text) =>
        text is null || text.Length <= MaxLength ? text! : $"{text[..(MaxLength - 40)]}… ({text.Length:N0} characters in all)";
}
