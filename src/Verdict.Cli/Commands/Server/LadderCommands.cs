using System.CommandLine;

namespace Verdict.Cli.Commands.Server;

/// <summary><c>verdict experiments advance|ladder</c>: move a version up its rollout ladder (admin key, reason), or read the ladder and its gate.</summary>
public static class LadderCommands
{
    /// <summary><c>verdict experiments advance KEY [--to STAGE] --reason TEXT</c>.</summary>
    public static Command Advance(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var experiment = new Argument<string>("key") { Description = "The experiment key" };
        var to = new Option<string?>("--to") { Description = "The stage to move to (default: the next); a later stage skips the ones between" };
        var version = new Option<int?>("--version") { Description = "The version (default: the live one)" };
        var reason = new Option<string?>("--reason") { Description = "Why the gate is skipped or forced; required, recorded in the audit log" };
        var (server, key) = (ServerConnection.Server(), ServerConnection.Key());
        var command = new Command("advance", "Move a version up its ladder now, skipping or forcing the current stage's gate (admin key and a reason; docs/monitor.md \"The ladder\"). The ladder never goes down: exposure only rises, so no enrolled unit moves.\n\nExample:\n  verdict experiments advance refund-query-rewrite --to ab-25 --reason \"canary reviewed by the on-call lead\"")
        {
            experiment, to, version, reason, server, key,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                throw new CliException("--reason: skipping or forcing a stage needs a reason, recorded in the audit log");
            }

            var body = new { To = parse.GetValue(to), Version = parse.GetValue(version), Reason = parse.GetValue(reason) };
            var answer = await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Post, $"/api/v1/experiments/{Uri.EscapeDataString(parse.GetValue(experiment)!)}/advance", body, cancellationToken).ConfigureAwait(false);
            ExperimentsCommand.Print(context, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>verdict experiments ladder KEY</c>.</summary>
    public static Command Ladder(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var experiment = new Argument<string>("key") { Description = "The experiment key" };
        var (server, key) = (ServerConnection.Server(), ServerConnection.Key());
        var command = new Command("ladder", "Print the version's ladder: every stage with its gate, the current stage and its gate's status now (read or admin key).\n\nExample:\n  verdict experiments ladder refund-query-rewrite") { experiment, server, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ExperimentsCommand.Print(context, await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Get, $"/api/v1/experiments/{Uri.EscapeDataString(parse.GetValue(experiment)!)}/ladder", null, cancellationToken).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }
}
