using System.CommandLine;
using Verdict.Cli.Commands.Store;
using Verdict.Server.Auth;
using Verdict.Server.ControlPlane;

namespace Verdict.Cli.Commands.Server;

/// <summary><c>verdict keys create|revoke</c>: API keys, in the store directly (server stopped) or through a running server (admin key).</summary>
public static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Create and revoke the server's API keys (roles: sdk, read, admin). A key is shown once and stored hashed.");
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var role = new Option<string>("--role") { Description = "sdk (config, assign, events), read (experiments, results, audit) or admin (everything)", Required = true };
        var name = new Option<string>("--name") { Description = "Who holds the key; recorded in the audit log", Required = true };
        var (store, server, key) = (StoreOptions.Store(), new Option<string?>("--server") { Description = "Create through this running server instead of in the store (needs an admin --key)" }, ServerConnection.Key());
        var command = new Command("create", "Create an API key and print it once.\n\nExamples:\n  verdict keys create --role admin --name alice --store verdict.duckdb   (before the first `verdict serve`)\n  verdict keys create --role sdk --name support-bot --server http://127.0.0.1:5080")
        {
            role, name, store, server, key,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Enum.TryParse<ApiKeyRole>(parse.GetValue(role), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(parse.GetValue(role), out _))
            {
                throw new CliException($"--role: expected sdk, read or admin, got \"{parse.GetValue(role)}\"");
            }

            var holder = parse.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(holder))
            {
                throw new CliException("--name: must not be empty");
            }

            string text;
            if (parse.GetValue(server) is { } url)
            {
                var answer = await ServerConnection.SendAsync(url, parse.GetValue(key), HttpMethod.Post, "/api/v1/keys", new { Role = parsed.ToString().ToLowerInvariant(), Name = holder }, cancellationToken).ConfigureAwait(false);
                text = answer!.Value.GetProperty("key").GetString()!;
            }
            else
            {
                using var opened = StoreOptions.Open(parse.GetValue(store)!);
                using var control = new ControlPlaneStore(opened);
                text = new Registry(control, TimeProvider.System).CreateKey(parsed, holder, "cli (" + Environment.UserName + ")").Text;
            }

            context.Out.WriteLine(text);
            context.Error.WriteLine($"a {parsed.ToString().ToLowerInvariant()} key for {holder}: shown once, stored hashed; pass it as VERDICT_API_KEY or `Authorization: Bearer …`");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The key's id (the 12 hex digits after vk_)" };
        var (server, key, reason) = (ServerConnection.Server(), ServerConnection.Key(), new Option<string?>("--reason") { Description = "Why; recorded in the audit log" });
        var command = new Command("revoke", "Revoke a key through a running server (admin key); it is refused from the next request on.\n\nExample:\n  verdict keys revoke 53a7782ac9dc --reason \"rotated\"") { id, server, key, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await ServerConnection.SendAsync(parse.GetValue(server)!, parse.GetValue(key), HttpMethod.Post, $"/api/v1/keys/{Uri.EscapeDataString(parse.GetValue(id)!)}/revoke", new { Reason = parse.GetValue(reason) }, cancellationToken).ConfigureAwait(false);
            context.Error.WriteLine($"revoked vk_{parse.GetValue(id)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
