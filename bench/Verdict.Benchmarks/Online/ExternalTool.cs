using System.Diagnostics;

namespace Verdict.Benchmarks.Online;

/// <summary>Runs a load generator or system tool (hey, wrk, taskset) to completion and returns its standard output.</summary>
internal static class ExternalTool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program} (apt-get install {program})");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
    }
}
