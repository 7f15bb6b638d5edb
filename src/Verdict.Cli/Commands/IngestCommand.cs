using System.CommandLine;
using Spectre.Console;
using Verdict.Cli.Commands.Store;
using Verdict.Storage;
using Verdict.Storage.Ingestion;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict ingest --store PATH FILE…</c>: loads event files, one transaction per file.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOptions.Store();
        var files = new Argument<FileInfo[]>("files") { Description = "CSV, NDJSON (.ndjson/.jsonl) or Parquet files of exposures and events", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("ingest", "Load exposures and outcome events into the store; a bad row rejects its file with the line number, re-ingesting is idempotent.\n\nExample:\n  verdict ingest --store verdict.duckdb exposures.csv events.ndjson")
        {
            store, files, json,
        };
        command.SetAction(parse =>
        {
            // Every input is checked before the store is opened (or created): a missing or unreadable file among
            // several loads none of them. Each file is then its own transaction (docs/events.md).
            var problems = parse.GetValue(files)!.Select(f => EventFileReader.Unreadable(f.FullName)).OfType<string>().ToList();
            if (problems.Count > 0)
            {
                throw new CliException(string.Join("\n", problems) + "\nnothing was loaded");
            }

            using var opened = StoreOptions.Open(parse.GetValue(store)!);
            var results = new List<IngestResult>();
            var quiet = parse.GetValue(json) || !context.Interactive;
            foreach (var file in parse.GetValue(files)!)
            {
                IngestResult result;
                try
                {
                    result = quiet
                        ? opened.IngestFile(file.FullName)
                        : context.Console.Status().Start($"loading {file.Name}", status =>
                            opened.IngestFile(file.FullName, new Progress<long>(rows => status.Status($"loading {file.Name}: {rows:N0} rows"))));
                }
                catch (IngestException e)
                {
                    throw new CliException(e.Message);
                }
                catch (Exception e) when (StoreOptions.IsEnvironmentFailure(e))
                {
                    throw new CliException($"{file.Name} was not loaded: the store {opened.Location} could not be written ({e.Message}); earlier files stay loaded");
                }

                results.Add(result);
                if (!parse.GetValue(json))
                {
                    context.Out.WriteLine($"{file.Name}: {result.ExposuresRead:N0} exposures and {result.EventsRead:N0} events read; {result.ExposuresAdded:N0} and {result.EventsAdded:N0} new");
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    store = opened.Location,
                    files = results.Select(r => new { path = r.Path, exposures_read = r.ExposuresRead, events_read = r.EventsRead, exposures_added = r.ExposuresAdded, events_added = r.EventsAdded }).ToList(),
                    exposures_total = opened.Count("exposures"),
                    events_total = opened.Count("events"),
                });
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
