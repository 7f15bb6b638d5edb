using System.CommandLine;
using System.Text.Json;
using Verdict.Cli.Commands.Briefs;

namespace Verdict.Cli.Commands.Server;

/// <summary><c>verdict experiments create|start|ramp|pause|resume|stop|list|audit|advance|ladder</c> against a running server.</summary>
public static class ExperimentsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("experiments", "Create and change experiments on a running Verdict server (admin key); list them and read their audit log.");
        command.Subcommands.Add(CreateCommand(context));
        foreach (var change in new[] { "start", "ramp", "pause", "resume", "stop" })
        {
            command.Subcommands.Add(ChangeCommand(context, change));
        }

        command.Subcommands.Add(ListCommand(context));
        command.Subcommands.Add(AuditCommand(context));
        command.Subcommands.Add(LadderCommands.Advance(context));
        command.Subcommands.Add(LadderCommands.Ladder(context));
        return command;
    }

    private static Command CreateCommand(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The brief (brief.yaml); the metrics files it names are sent with it" };
        var (server, key, reason) = (ServerConnection.Server(), ServerConnection.Key(), Reason());
        var command = new Command("create", "Register a locked brief as a draft experiment (validated exactly as `verdict plan`, refused unless it matches its lock; the lock hash is recorded).\n\nExample:\n  verdict experiments create examples/refund-query-rewrite/brief.yaml --reason \"approved in review\"")
        {
            brief, server, key, reason,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(brief)!;
            var loaded = BriefInput.Load(path);
            if (LockGate.Problem(path, loaded.Brief!) is { } problem)
            {
                throw new CliException($"{problem}; register the brief with `verdict plan {path}` (which writes its lock) before creating the experiment");
            }

            var files = NamedFiles(path);
            var answer = await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Post, "/api/v1/experiments", new { Brief = File.ReadAllText(path), Files = files, Reason = parse.GetValue(reason) }, cancellationToken).ConfigureAwait(false);
            Print(context, answer);
            context.Error.WriteLine($"created {loaded.Brief!.Key} v{loaded.Brief.Version} as a draft; start it with `verdict experiments start {loaded.Brief.Key}`");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ChangeCommand(CliContext context, string change)
    {
        var experiment = new Argument<string>("key") { Description = "The experiment key" };
        var version = new Option<int?>("--version") { Description = "The version (default: the live one; for start, the newest draft)" };
        var exposure = new Option<double?>("--exposure") { Description = "The new exposure in (0, 1], above the current one", Required = change == "ramp" };
        var (server, key, reason) = (ServerConnection.Server(), ServerConnection.Key(), Reason());
        var command = new Command(change, Describe(change)) { experiment, version, server, key, reason };
        if (change == "ramp")
        {
            command.Options.Add(exposure);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var body = new { Version = parse.GetValue(version), Exposure = change == "ramp" ? parse.GetValue(exposure) : null, Reason = parse.GetValue(reason) };
            var answer = await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Post, $"/api/v1/experiments/{Uri.EscapeDataString(parse.GetValue(experiment)!)}/{change}", body, cancellationToken).ConfigureAwait(false);
            Print(context, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var (server, key) = (ServerConnection.Server(), ServerConnection.Key());
        var command = new Command("list", "List every experiment version with its status and exposure (read or admin key).\n\nExample:\n  VERDICT_API_KEY=vk_… verdict experiments list --server http://127.0.0.1:5080") { server, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Print(context, await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Get, "/api/v1/experiments", null, cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command AuditCommand(CliContext context)
    {
        var experiment = new Argument<string>("key") { Description = "The experiment key" };
        var (server, key) = (ServerConnection.Server(), ServerConnection.Key());
        var command = new Command("audit", "Print the experiment's append-only audit log (read or admin key).\n\nExample:\n  verdict experiments audit refund-query-rewrite") { experiment, server, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Print(context, await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Get, $"/api/v1/experiments/{Uri.EscapeDataString(parse.GetValue(experiment)!)}/audit", null, cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> Reason() => new("--reason") { Description = "Why; recorded in the audit log" };

    private static string Describe(string change) => change switch
    {
        "start" => "Start a draft: SDKs begin assigning and enrolling units.\n\nExample:\n  verdict experiments start refund-query-rewrite --reason \"approved in review\"",
        "ramp" => "Raise the exposure (never lowers it, never re-buckets an enrolled unit).\n\nExample:\n  verdict experiments ramp refund-query-rewrite --exposure 0.5 --reason \"guardrails held at 10%\"",
        "pause" => "Pause enrollment: no new units; enrolled units keep their arm.\n\nExample:\n  verdict experiments pause refund-query-rewrite --reason \"p95 latency alert\"",
        "resume" => "Resume enrollment of a paused experiment.\n\nExample:\n  verdict experiments resume refund-query-rewrite --reason \"false alarm\"",
        _ => "Stop the experiment for good: everyone is served control.\n\nExample:\n  verdict experiments stop refund-query-rewrite --reason \"decided: SHIP\"",
    };

    /// <summary>The files a brief names (its metrics files), read beside it exactly as the brief loader reads them.</summary>
    private static Dictionary<string, string> NamedFiles(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        Verdict.Experiments.Yaml.BriefLoader.Parse(File.ReadAllText(path), Path.GetFileName(path), name =>
        {
            var full = Path.Combine(directory, name);
            return File.Exists(full) ? files[name] = File.ReadAllText(full) : null;
        });
        return files;
    }

    internal static void Print(CliContext context, JsonElement? answer)
    {
        if (answer is { } json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(json, JsonOutput.Options));
        }
    }
}
