using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verdict.Arena.Analysis;
using Verdict.Arena.Configuration;
using Verdict.Arena.Providers;
using Verdict.Arena.Running;
using Verdict.Reports.Arena;

namespace Verdict.Cli.Commands.Arena;

/// <summary><c>verdict arena run arena.yaml [--concurrency N] [--out DIR]</c>: exit 0 when the gate passes, 1 when it fails.</summary>
internal static class ArenaRunCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("arena") { Description = "The arena file (arena.yaml)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Calls in flight at once (default: arena.yaml, else 8)" };
        var output = new Option<string?>("--out") { Description = "Write results.json, report.md and report.html to this directory" };
        var cache = new Option<string?>("--cache") { Description = "Cache directory (default .verdict-cache)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Make every call again" };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object" };
        var command = new Command("run", "Run every variant on the golden set, judge, compare and apply the gate.\n\nExample:\n  verdict arena run examples/prompt-arena/arena.yaml --out out/arena")
        {
            file, concurrency, output, cache, noCache, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(concurrency) is < 1)
            {
                throw new CliException("--concurrency must be at least 1");
            }

            var spec = ArenaSpecLoader.Load(parse.GetValue(file)!);
            var run = await RunAsync(context, spec, new ArenaRunOptions
            {
                Concurrency = parse.GetValue(concurrency),
                CacheDirectory = parse.GetValue(cache),
                NoCache = parse.GetValue(noCache),
            }, cancellationToken).ConfigureAwait(false);
            if (run.Progress.Unreachable > 0)
            {
                throw new CliException(
                    $"{run.Progress.Unreachable} of {run.Progress.Planned} model calls got no reply (first: {run.Progress.FirstUnreachable}); "
                    + "the arena could not run, so its gate was not judged and no report was written",
                    ExitCodes.EndpointUnavailable);
            }

            var result = ArenaAnalyzer.Analyze(run);
            if (parse.GetValue(output) is { } directory)
            {
                Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), ArenaJsonReport.Render(result), cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), ArenaMarkdownReport.Render(result), cancellationToken).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), ArenaHtmlReport.Render(result), cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, ArenaJsonReport.Document(result));
            }
            else
            {
                context.Out.Write(ArenaMarkdownReport.Render(result));
                if (parse.GetValue(output) is { } written)
                {
                    context.Out.WriteLine($"Wrote {Path.Combine(written, "results.json")}, report.md and report.html.");
                }
            }

            return result.Gate.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
        });
        return command;
    }

    private static async Task<ArenaRun> RunAsync(CliContext context, ArenaSpec spec, ArenaRunOptions options, CancellationToken cancellationToken)
    {
        if (!context.Interactive)
        {
            var run = await ArenaRunner.RunAsync(spec, options, cancellationToken).ConfigureAwait(false);
            context.Error.WriteLine(Describe(run.Progress));
            return run;
        }

        ArenaRun? result = null;
        await context.Console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("calls");
            var withProgress = new ArenaRunOptions
            {
                Concurrency = options.Concurrency,
                CacheDirectory = options.CacheDirectory,
                NoCache = options.NoCache,
                Progress = new Progress<ArenaProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Planned);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(Describe(p));
                }),
            };
            result = await ArenaRunner.RunAsync(spec, withProgress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        context.Error.WriteLine(Describe(result!.Progress));
        return result;
    }

    private static string Describe(ArenaProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"calls {p.Done}/{p.Planned} · network {p.NetworkCalls} · cache hits {p.CacheHits} · retries {p.Retries} · errors {p.Errors} · spend {p.Spend:0.0000}");
}
