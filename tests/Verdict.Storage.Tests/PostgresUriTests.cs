using Npgsql;
using Verdict.Storage.Postgres;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>Every option of a <c>postgres://</c> URI is honoured or refused, never dropped.</summary>
public sealed class PostgresUriTests
{
    [Fact]
    public void Parse_SslModeRequire_IsHonoured()
    {
        var builder = PostgresEventStore.Parse("postgres://verdict:secret@db.example:6543/metrics?sslmode=require&application_name=verdict%20ci&connect_timeout=7");
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("verdict ci", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal(("db.example", 6543, "metrics", "verdict", "secret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Theory]
    [InlineData("postgres://h/db?sslmode=sometimes", "sslmode=sometimes")]
    [InlineData("postgres://h/db?gssencmode=require", "\"gssencmode\" is not supported")]
    [InlineData("postgresql://h/db?connect_timeout=soon", "connect_timeout=soon")]
    [InlineData("postgres://h/db#x", "fragment")]
    public void Parse_OptionNotUnderstood_IsRefusedNamingIt(string uri, string expected)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => PostgresEventStore.Parse(uri));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SslRequiredByTheUri_DoesNotFallBackToPlaintext()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.NewPostgresDatabase());
        using (var probe = new NpgsqlConnection(admin.ConnectionString))
        {
            probe.Open();
            using var command = new NpgsqlCommand("SHOW ssl", probe);
            Assert.SkipWhen((string?)command.ExecuteScalar() == "on", "the test server offers TLS, so require would succeed");
        }

        var uri = $"postgres://{admin.Username}@{admin.Host}:{admin.Port}/{admin.Database}?sslmode=require";
        Assert.Throws<StoreUnavailableException>(() => PostgresEventStore.Open(uri));
        using var plain = PostgresEventStore.Open($"postgres://{admin.Username}@{admin.Host}:{admin.Port}/{admin.Database}?sslmode=disable");
        Assert.Equal(0, plain.Count("events"));
    }
}
