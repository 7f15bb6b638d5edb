using Verdict.Server;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;
using Verdict.Storage.DuckDb;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict experiments</c> and <c>verdict keys</c> against a real server on a loopback port.</summary>
public sealed class ExperimentsCommandTests
{
    [Fact]
    public async Task Experiments_Lifecycle_FromTheCommandLine_WithClearRefusals()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("verdict-experiments-cli-").FullName;
        var store = Path.Combine(directory, "verdict.duckdb");
        var app = VerdictServer.Build(new ServerOptions { OpenStore = () => DuckDbEventStore.Open(store), Urls = ["http://127.0.0.1:0"] }, _ => { });
        await app.StartAsync(cancellationToken);
        try
        {
            var server = VerdictServer.Addresses(app)[0];
            var admin = ((Registry)app.Services.GetService(typeof(Registry))!).CreateKey(ApiKeyRole.Admin, "alice", "test").Text;
            var brief = Path.Combine(directory, "brief.yaml");
            var examples = Path.Combine(Verdict.Testing.RepositoryRoot.Path, "examples", "refund-query-rewrite");
            File.Copy(Path.Combine(examples, "brief.yaml"), brief);
            File.Copy(Path.Combine(examples, "metrics.yaml"), Path.Combine(directory, "metrics.yaml"));
            string[] Connect(params string[] args) => [.. args, "--server", server, "--key", admin];

            var unlocked = CliRunner.Run(Connect("experiments", "create", brief));
            Assert.Equal(2, unlocked.ExitCode);
            Assert.Contains("verdict plan", unlocked.Error, StringComparison.Ordinal);

            Assert.Equal(0, CliRunner.Run("plan", brief).ExitCode);
            var created = CliRunner.Run(Connect("experiments", "create", brief, "--reason", "approved"));
            Assert.True(created.ExitCode == 0, created.Error);
            Assert.Contains("\"status\": \"draft\"", created.Out, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run(Connect("experiments", "start", "refund-query-rewrite")).ExitCode);
            var shrink = CliRunner.Run(Connect("experiments", "ramp", "refund-query-rewrite", "--exposure", "0.5"));
            Assert.Equal(2, shrink.ExitCode);
            Assert.Contains("refused (409)", shrink.Error, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run(Connect("experiments", "pause", "refund-query-rewrite", "--reason", "alert")).ExitCode);
            var audit = CliRunner.Run(Connect("experiments", "audit", "refund-query-rewrite"));
            Assert.Contains("\"action\": \"pause\"", audit.Out, StringComparison.Ordinal);
            Assert.Contains("alert", audit.Out, StringComparison.Ordinal);

            var sdk = CliRunner.Run(Connect("keys", "create", "--role", "sdk", "--name", "bot"));
            Assert.StartsWith("vk_", sdk.Out, StringComparison.Ordinal);
            var forbidden = CliRunner.Run("experiments", "stop", "refund-query-rewrite", "--server", server, "--key", sdk.Out.Trim());
            Assert.Equal(2, forbidden.ExitCode);
            Assert.Contains("refused (403)", forbidden.Error, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }

        var closed = $"http://127.0.0.1:{Verdict.Testing.LoopbackPort.Free()}";
        var unreachable = CliRunner.Run("experiments", "list", "--server", closed, "--key", "vk_000000000000.x");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Equal(2, CliRunner.Run("experiments", "list", "--server", "ftp://127.0.0.1", "--key", "vk_x").ExitCode);
        Assert.Equal(2, CliRunner.Run("keys", "create", "--role", "owner", "--name", "x", "--store", store).ExitCode);
    }
}
