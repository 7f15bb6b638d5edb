using System.CommandLine;
using System.Globalization;
using Verdict.Cli.Commands.Briefs;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;

namespace Verdict.Cli.Commands.Simulate;

/// <summary>
/// <c>verdict simulate experiment brief.yaml --units N [--effect 0.04] [--seed 11] [--scenario none|srm|novelty|simpson|latency|receipt] [--out FILE.ndjson]</c>:
/// seed 000's support-bot traffic for a brief, as NDJSON (docs/events.md).
/// </summary>
public static class SimulateExperimentCommand
{
    private static readonly Dictionary<string, SupportBotFailures> Scenarios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = SupportBotFailures.None,
        ["srm"] = SupportBotFailures.Srm,
        ["novelty"] = SupportBotFailures.Novelty,
        ["simpson"] = SupportBotFailures.Simpson,
        ["latency"] = SupportBotFailures.LatencyRegression,
        ["receipt"] = SupportBotFailures.ReceiptMismatch,
    };

    public static Command Create(CliContext context)
    {
        var defaults = new SupportBotScenario();
        var brief = new Argument<string>("brief") { Description = "The brief (brief.yaml) whose arms, salt and receipts the traffic follows" };
        var units = new Option<long>("--units") { Description = "Customers to simulate", DefaultValueFactory = _ => defaults.Units };
        var effect = new Option<double>("--effect") { Description = "Absolute lift in resolution of the treatment (0.04 = +4 points)", DefaultValueFactory = _ => defaults.Effect };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same bytes", DefaultValueFactory = _ => defaults.Seed };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Failure modes to inject, comma-separated: none, srm, novelty, simpson, latency, receipt",
            DefaultValueFactory = _ => "none",
        };
        var output = new Option<string?>("--out") { Description = "Write NDJSON here instead of standard output" };
        var store = new Option<string?>("--store") { Description = "Load straight into this event store (DuckDB path or PostgreSQL connection string) in one transaction" };
        var command = new Command(
            "experiment",
            "Write seed 000's support-bot traffic (refund questions, answers, solved marks, tickets, audits, escalations) for a brief as NDJSON.\n\n"
            + "Examples:\n  verdict simulate experiment examples/refund-query-rewrite/brief.yaml --units 4000 --out events.ndjson\n"
            + "  verdict simulate experiment brief.yaml --units 4000 --scenario srm,latency --seed 7 > broken.ndjson")
        {
            brief, units, effect, seed, scenario, output, store,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = defaults with
            {
                Units = parse.GetValue(units),
                Effect = parse.GetValue(effect),
                Seed = parse.GetValue(seed),
                Failures = ParseScenario(parse.GetValue(scenario)!),
            };
            var loaded = BriefInput.Load(parse.GetValue(brief)!);
            var simulator = new SupportBotSimulator(loaded.Brief!, options);
            if (parse.GetValue(store) is { } target && parse.GetValue(output) is not null)
            {
                throw new CliException("give at most one of --out and --store");
            }

            var summary = parse.GetValue(store) is { } storePath
                ? RunIntoStore(context, simulator, storePath, cancellationToken)
                : Run(simulator, parse.GetValue(output), context, cancellationToken);
            context.Error.WriteLine(Describe(summary, options, loaded.Brief!));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Runs the simulation into the chosen sink: a file, or standard output (a store sink would be one more branch).</summary>
    private static SimulationSummary Run(SupportBotSimulator simulator, string? outPath, CliContext context, CancellationToken cancellationToken)
    {
        if (outPath is not null)
        {
            var temporary = outPath + ".tmp";
            SimulationSummary summary;
            try
            {
                using var writer = new NdjsonEventWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
                summary = WithProgress(context, simulator, writer, cancellationToken);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            File.Move(temporary, outPath, overwrite: true);
            return summary;
        }

        if (ReferenceEquals(context.Out, Console.Out))
        {
            using var stdout = new NdjsonEventWriter(Console.OpenStandardOutput());
            return simulator.Run(stdout, cancellationToken);
        }

        // An injected writer (tests): NDJSON is UTF-8 bytes, so buffer them and hand over the text.
        using var buffer = new MemoryStream();
        SimulationSummary result;
        using (var writer = new NdjsonEventWriter(buffer, leaveOpen: true))
        {
            result = simulator.Run(writer, cancellationToken);
        }

        context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return result;
    }

    /// <summary>Loads the traffic into a store through its transactional bulk loader.</summary>
    internal static SimulationSummary RunIntoStore(CliContext context, SupportBotSimulator simulator, string storePath, CancellationToken cancellationToken)
    {
        using var opened = Store.StoreOptions.Open(storePath);
        using var loader = opened.BeginLoad();
        var summary = WithProgress(context, simulator, loader, cancellationToken);
        CliProgress.Status(context, false, "committing to the store", () =>
        {
            loader.Commit();
            return 0;
        });
        return summary;
    }

    /// <summary>Runs the simulation with a progress bar over simulated customers when the terminal wants one.</summary>
    private static SimulationSummary WithProgress(CliContext context, SupportBotSimulator simulator, IEventSink sink, CancellationToken cancellationToken) =>
        CliProgress.Bar(context, false, $"simulating {simulator.Scenario.Units:N0} customers", simulator.Scenario.Units, report =>
            simulator.Run(new UnitCountingSink(sink, report), cancellationToken));

    internal static SupportBotFailures ParseScenario(string text)
    {
        var failures = SupportBotFailures.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Scenarios.TryGetValue(name, out var failure))
            {
                throw new CliException($"--scenario: unknown scenario \"{name}\"; expected none, srm, novelty, simpson, latency or receipt (comma-separated)");
            }

            failures |= failure;
        }

        return failures;
    }

    internal static string Describe(SimulationSummary summary, SupportBotScenario options, ExperimentBrief brief)
    {
        var arms = string.Join(", ", summary.Arms.Select((arm, i) => $"{arm} {summary.Exposures[i].ToString("N0", CultureInfo.InvariantCulture)}"));
        var failures = options.Failures == SupportBotFailures.None ? "none" : options.Failures.ToString();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"simulated {summary.Units:N0} units of {brief.Key} v{brief.Version} (seed {options.Seed}, effect {options.Effect:+0.###;-0.###;0}, failures {failures}): exposures {arms}; {summary.Events:N0} events");
    }
}
