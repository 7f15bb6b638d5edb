using Verdict.Experiments.Briefs;
using Verdict.Experiments.Yaml;
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

    /// <summary>
    /// A ClickHouse store in a fresh database on the test cluster (VERDICT_TEST_CLICKHOUSE, set by test.sh from
    /// tests/clickhouse/start.sh); skipped when missing, a failure with VERDICT_REQUIRE_SERVICES=1.
    /// </summary>
    public static string NewClickHouseDatabase()
    {
        var cluster = Service("VERDICT_TEST_CLICKHOUSE", "no ClickHouse cluster: set VERDICT_TEST_CLICKHOUSE (./test.sh does, from tests/clickhouse/start.sh)");
        var address = Storage.ClickHouse.ClickHouseAddress.Parse(cluster);
        var name = "verdict_test_" + Guid.NewGuid().ToString("N")[..12];
        return $"clickhouse://{string.Join(',', address.Endpoints.Select(e => e.Authority))}/{name}?cluster={address.Cluster}";
    }

    /// <summary>A service's address from <paramref name="variable"/>; the test is skipped without it, or fails when VERDICT_REQUIRE_SERVICES=1.</summary>
    private static string Service(string variable, string skipReason)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            if (Environment.GetEnvironmentVariable("VERDICT_REQUIRE_SERVICES") == "1")
            {
                Assert.Fail($"{variable} is not set but VERDICT_REQUIRE_SERVICES=1: run the tests through ./test.sh");
            }

            Assert.Skip(skipReason);
        }

        return value;
    }
}
