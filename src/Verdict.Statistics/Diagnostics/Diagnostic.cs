namespace Verdict.Statistics.Diagnostics;

/// <summary>A problem found in the data, with a code for machines and a sentence for people.</summary>
public sealed record Diagnostic(DiagnosticCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
