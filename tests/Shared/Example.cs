namespace Verdict.Experiments.Tests;

/// <summary>Seed 000's brief (examples/refund-query-rewrite), loaded as the CLI loads it, and edited copies of it.</summary>
internal static class Example
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Examples");

    public static string BriefText => File.ReadAllText(Path.Combine(Directory, "brief.yaml"));

    public static string MetricsText => File.ReadAllText(Path.Combine(Directory, "metrics.yaml"));

    public static BriefLoadResult Load(double? dailyUnits = null) => BriefLoader.LoadFile(Path.Combine(Directory, "brief.yaml"), dailyUnits);

    /// <summary>Parses the example brief after replacing <paramref name="from"/> with <paramref name="to"/> (which must occur).</summary>
    public static BriefLoadResult Edited(string from, string to, double? dailyUnits = null, string? metrics = null)
    {
        var text = BriefText;
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Parse(text.Replace(from, to, StringComparison.Ordinal), dailyUnits, metrics);
    }

    public static BriefLoadResult Parse(string text, double? dailyUnits = null, string? metrics = null) =>
        BriefLoader.Parse(text, "brief.yaml", name => name == "metrics.yaml" ? metrics ?? MetricsText : null, dailyUnits);

    public static ExperimentBrief Brief()
    {
        var result = Load();
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }
}
