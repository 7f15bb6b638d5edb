namespace Verdict.Statistics.Diagnostics;

/// <summary>Collects diagnostics lazily, so a clean result allocates nothing for them.</summary>
internal static class DiagnosticBag
{
    public static void Add(ref List<Diagnostic>? bag, Diagnostic diagnostic) => (bag ??= []).Add(diagnostic);

    public static IReadOnlyList<Diagnostic> Seal(List<Diagnostic>? bag) => bag is null ? Array.Empty<Diagnostic>() : bag;
}
