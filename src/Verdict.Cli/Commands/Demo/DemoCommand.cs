using System.CommandLine;
using System.Globalization;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Simulate;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Simulation;
using Verdict.Reports;

namespace Verdict.Cli.Commands.Demo;

/// <summary>
/// <c>verdict demo [--dir DIR] [--scenario …]</c>: the whole product in one command, with no server and no network. Writes
/// seed 000's brief, plans and locks it, simulates its traffic into an embedded DuckDB store, analyses it and writes the report.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demo's default directory, relative to the working directory.</summary>
    public const string DefaultDirectory = "verdict-demo";

    public static Command Create(CliContext context, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var defaults = new SupportBotScenario();
        var dir = new Option<string>("--dir") { Description = "Where to write the brief, lock, store and report (recreated on every run)", DefaultValueFactory = _ => DefaultDirectory };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Which story to tell: " + string.Join("; ", DemoScenario.All.Select(s => $"{s.Name} ({s.Expected})")) + "; bandit (seed 001's Thompson sampling, docs/bandits.md); interleaving (team draft, docs/interleaving.md); "
                + string.Join("; ", CounterfactualDemos.Expected.Select(e => $"{e.Key} ({e.Value})")),
            DefaultValueFactory = _ => "none",
        };
        var units = new Option<long>("--units") { Description = "Customers to simulate", DefaultValueFactory = _ => 40_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the simulated traffic", DefaultValueFactory = _ => defaults.Seed };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the files written and the analysis (docs/analysis-json.md)" };
        var command = new Command(
            "demo",
            "Run the whole pipeline on seed 000's refund query-rewrite experiment: write the brief, plan and lock it, simulate its traffic into "
            + "an embedded DuckDB store, analyse it and write the HTML report. No server, no network.\n\n"
            + "Examples:\n  verdict demo\n  verdict demo --scenario latency --dir /tmp/latency-demo")
        {
            dir, scenario, units, seed, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(scenario)?.ToLowerInvariant() is "bandit" or "interleaving" && Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(dir)!)).FullName is var folder)
            {
                return Task.FromResult(parse.GetValue(scenario)!.Equals("bandit", StringComparison.OrdinalIgnoreCase)
                    ? BanditDemo.Run(context, folder, parse.GetValue(seed), parse.GetValue(json), time)
                    : InterleavingDemo.Run(context, folder, parse.GetValue(seed), parse.GetValue(json), time));
            }

            if (CounterfactualDemos.Expected.ContainsKey(parse.GetValue(scenario)!))
            {
                return Task.FromResult(CounterfactualDemos.Run(context, parse.GetValue(scenario)!, Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(dir)!)).FullName, parse.GetValue(seed), parse.GetValue(json)));
            }

            var story = DemoScenario.Find(parse.GetValue(scenario)!);
            var count = parse.GetValue(units);
            if (count < 1000)
            {
                throw new CliException($"--units: the demo needs at least 1000 units, got {count.ToString(CultureInfo.InvariantCulture)}");
            }

            var quiet = parse.GetValue(json);
            var directory = Path.GetFullPath(parse.GetValue(dir)!);
            Directory.CreateDirectory(directory);
            var say = quiet ? TextWriter.Null : context.Out;
            say.WriteLine($"Verdict demo: seed 000's refund query-rewrite experiment, scenario \"{story.Name}\": {story.Story}");

            // 1. The brief, registered afresh: each run may change the ship threshold, so the old lock and store go.
            var briefPath = DemoFiles.Write(directory, story.MinimumShipLift);
            var lockPath = BriefLockFile.PathFor(briefPath);
            File.Delete(lockPath);
            var brief = BriefInput.Load(briefPath).Brief!;
            var plan = ResolvedPlan.From(brief).Sizing;
            var registered = BriefCanonicalForm.Lock(brief);
            BriefLockFile.Write(lockPath, registered);
            var perArm = plan.Arms.Count > 0 ? plan.Arms.Max(a => a.Units).ToString("N0", CultureInfo.InvariantCulture) : "n/a";
            say.WriteLine($"  plan     {perArm} units per arm{(plan.DurationDays is { } d ? $", {d} days at {plan.EnrolledPerDay:N0} a day" : string.Empty)}; locked sha256 {registered.Hash[..16]}… in {lockPath}");

            // 2. Traffic into a fresh embedded store.
            var storePath = Path.Combine(directory, "verdict.duckdb");
            File.Delete(storePath);
            File.Delete(storePath + ".wal");
            var options = new SupportBotScenario { Units = count, Seed = parse.GetValue(seed), Failures = story.Failures };
            var summary = SimulateExperimentCommand.RunIntoStore(quiet ? Quiet(context) : context, new SupportBotSimulator(brief, options), storePath, cancellationToken);
            say.WriteLine($"  traffic  {SimulateExperimentCommand.Describe(summary, options, brief)} → {storePath}");

            // 3. Analysis and report.
            var report = AnalysisRun.Analyze(context, quiet, brief, storePath, null);
            var written = ReportWriter.Write(brief, briefPath, report, Path.Combine(directory, "report.html"), null, time.GetUtcNow());
            if (quiet)
            {
                JsonOutput.Write(context.Out, new
                {
                    dir = directory,
                    scenario = story.Name,
                    expected = story.Expected,
                    brief = briefPath,
                    lock_hash = registered.Hash,
                    store = storePath,
                    report = written.Html,
                    units = count,
                    analysis = AnalysisDocument.From(report),
                });
            }
            else
            {
                say.WriteLine();
                AnalysisConsole.Write(context, report);
                say.WriteLine();
                say.WriteLine($"expected for \"{story.Name}\": {story.Expected}");
                say.WriteLine($"report: {written.Html}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static CliContext Quiet(CliContext context) => new(context.Out, context.Error, interactive: false);
}
