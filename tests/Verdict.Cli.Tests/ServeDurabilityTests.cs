using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Verdict.Storage.DuckDb;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>
/// <c>verdict serve</c> as its own process under a stream of batches, killed with SIGKILL and restarted: the client
/// retries what was not acknowledged, and every acknowledged event is in the store exactly once.
/// </summary>
public sealed class ServeDurabilityTests
{
    private const int Batches = 40;
    private const int BatchRows = 250;

    [Fact]
    public async Task Serve_KilledMidStream_LosesNoAcknowledgedEventAndCountsNoneTwice()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("verdict-durability-").FullName;
        var store = Path.Combine(directory, "verdict.duckdb");
        var admin = CliRunner.Run("keys", "create", "--role", "admin", "--name", "ops", "--store", store).Out.Trim();
        var sdk = CliRunner.Run("keys", "create", "--role", "sdk", "--name", "bot", "--store", store).Out.Trim();
        var port = Verdict.Testing.LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(20) };

        var server = Start(store, url);
        try
        {
            await WaitHealthyAsync(http);
            var brief = Path.Combine(RepositoryRoot(), "examples", "refund-query-rewrite");
            using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/experiments"))
            {
                create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                create.Content = JsonContent.Create(new { brief = File.ReadAllText(Path.Combine(brief, "brief.yaml")), files = new Dictionary<string, string> { ["metrics.yaml"] = File.ReadAllText(Path.Combine(brief, "metrics.yaml")) } });
                Assert.Equal(201, (int)(await http.SendAsync(create, cancellationToken)).StatusCode);
            }

            var acknowledged = new HashSet<int>();
            var unacknowledged = new List<int>();
            for (var batch = 0; batch < Batches; batch++)
            {
                if (batch == Batches / 2)
                {
                    // Kill while the next batch is in flight: send it without waiting, then SIGKILL.
                    var inFlight = SendAsync(http, sdk, batch, cancellationToken);
                    server.Kill();
                    await server.WaitForExitAsync(cancellationToken);
                    if (await inFlight)
                    {
                        acknowledged.Add(batch);
                    }
                    else
                    {
                        unacknowledged.Add(batch);
                    }

                    server.Dispose();
                    server = Start(store, url);
                    await WaitHealthyAsync(http);
                    continue;
                }

                if (await SendAsync(http, sdk, batch, cancellationToken))
                {
                    acknowledged.Add(batch);
                }
                else
                {
                    unacknowledged.Add(batch);
                }
            }

            foreach (var batch in unacknowledged)
            {
                Assert.True(await SendAsync(http, sdk, batch, cancellationToken), $"retry of batch {batch} failed");
                acknowledged.Add(batch);
            }

            Assert.Equal(Batches, acknowledged.Count);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync(cancellationToken);
            server.Dispose();
        }

        using var opened = DuckDbEventStore.Open(store);
        using var reader = opened.Query("SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM events", []);
        reader.Read();
        Assert.Equal((long)Batches * BatchRows, reader.GetInt64(0));
        Assert.Equal((long)Batches * BatchRows, reader.GetInt64(1));
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<bool> SendAsync(HttpClient http, string key, int batch, CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        for (var row = 0; row < BatchRows; row++)
        {
            body.Append("{\"type\":\"event\",\"name\":\"answer_generated\",\"unit_id\":\"u-").Append(row % 50)
                .Append("\",\"timestamp\":\"2026-05-18T08:00:00Z\",\"value\":").Append(row)
                .Append(",\"idempotency_key\":\"b").Append(batch).Append("-r").Append(row).Append("\"}\n");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent(body.ToString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Process Start(string store, string url)
    {
        var verdict = Path.Combine(AppContext.BaseDirectory, "verdict.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { verdict, "serve", "--store", store, "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("verdict serve did not become healthy within 60 s");
    }

    private static string RepositoryRoot() => Verdict.Testing.RepositoryRoot.Path;
}
