using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Verdict.Benchmarks.Online;

/// <summary>`verdict serve` as a second process on a loopback port, with an admin and an sdk key and the example experiment started.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServeProcess(Process process, string url, string admin, string sdk, string store)
    {
        this.process = process;
        Url = url;
        Admin = admin;
        Sdk = sdk;
        Store = store;
    }

    public string Url { get; }

    public string Admin { get; }

    public string Sdk { get; }

    public string Store { get; }

    /// <summary>The server's process id (for <c>taskset</c>).</summary>
    public int ProcessId => process.Id;

    public static async Task<ServeProcess> StartAsync(string directory)
    {
        var store = Path.Combine(directory, "verdict.duckdb");
        string Key(string role)
        {
            using var output = new StringWriter();
            var code = Verdict.Cli.CliApp.Run(["keys", "create", "--role", role, "--name", "bench", "--store", store], output, TextWriter.Null);
            return code == 0 ? output.ToString().Trim() : throw new InvalidOperationException("keys create failed");
        }

        var (admin, sdk) = (Key("admin"), Key("sdk"));
        var port = Verdict.Testing.LoopbackPort.Free();

        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        // The CLI's own build output: its deps file resolves its dependencies, which the benchmark's folder may hold at other versions.
        var verdict = Path.Combine(Verdict.Testing.RepositoryRoot.Path, "src", "Verdict.Cli", "bin", "Release", "net10.0", "verdict.dll");
        foreach (var argument in new[] { verdict, "serve", "--store", store, "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new ServeProcess(process, url, admin, sdk, store);
        using var http = server.Client(admin);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "Examples");
        var created = await http.PostAsJsonAsync("/api/v1/experiments", new { brief = File.ReadAllText(Path.Combine(folder, "brief.yaml")), files = new Dictionary<string, string> { ["metrics.yaml"] = File.ReadAllText(Path.Combine(folder, "metrics.yaml")) } });
        created.EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/start", new { reason = "bench" })).EnsureSuccessStatusCode();
        return server;
    }

    public HttpClient Client(string key, int connections = 64)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>The server process's resident and peak resident memory, in MiB (from /proc).</summary>
    public (double Rss, double Peak) Memory()
    {
        double Field(string name) => File.ReadLines($"/proc/{process.Id}/status")
            .Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
        return (Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>The server process's CPU time so far (user + system, all threads), in seconds (from /proc, 100 ticks a second).</summary>
    public double CpuSeconds()
    {
        // The fields after the command's closing parenthesis: state is field 3, utime 14 and stime 15.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
