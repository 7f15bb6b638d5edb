using Npgsql;
using Xunit;

namespace Verdict.Testing;

/// <summary>
/// A fresh PostgreSQL database on the test server (VERDICT_TEST_POSTGRES, set by test.sh). When the variable is
/// missing the test is skipped, unless VERDICT_REQUIRE_SERVICES=1 (CI), where a missing server fails the run.
/// </summary>
internal static class PostgresDatabase
{
    public static string Create()
    {
        var admin = Environment.GetEnvironmentVariable("VERDICT_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            if (Environment.GetEnvironmentVariable("VERDICT_REQUIRE_SERVICES") == "1")
            {
                Assert.Fail("VERDICT_TEST_POSTGRES is not set but VERDICT_REQUIRE_SERVICES=1: run the tests through ./test.sh");
            }

            Assert.Skip("no PostgreSQL server: set VERDICT_TEST_POSTGRES (./test.sh does)");
        }

        var name = "verdict_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
