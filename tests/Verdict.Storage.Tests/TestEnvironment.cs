using Verdict.Experiments;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>Where the tests find their services and example files.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot() => Verdict.Testing.RepositoryRoot.Path;

    public static ExperimentBrief ExampleBrief(Func<string, string>? edit = null, string? extraMetrics = null)
    {
        var folder = Path.Combine(RepositoryRoot(), "examples", "refund-query-rewrite");
        var yaml = File.ReadAllText(Path.Combine(folder, "brief.yaml"));
        if (edit is not null)
        {
            yaml = edit(yaml);
        }

        var result = BriefLoader.Parse(yaml, "brief.yaml", name => File.ReadAllText(Path.Combine(folder, name)) + (extraMetrics ?? string.Empty));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Brief!;
    }

    /// <summary>A fresh PostgreSQL database on the test server (skipped or failed as <see cref="Verdict.Testing.PostgresDatabase"/> says).</summary>
    public static string NewPostgresDatabase() => Verdict.Testing.PostgresDatabase.Create();
}
