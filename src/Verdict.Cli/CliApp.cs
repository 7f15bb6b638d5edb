using System.CommandLine;
using Verdict.Cli.Commands;

namespace Verdict.Cli;

/// <summary>Builds the command tree and is the one place that turns exceptions into messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>Runs the command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var interactive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var context = new CliContext(output, error, interactive);
        var root = BuildRoot(context);
        var parse = root.Parse(args);

        // --help suppresses parse errors, so "verdict ope --help" would print the root help and exit 0: an unknown
        // command or argument is an input error whatever flags follow it.
        var messages = parse.Errors.Select(e => e.Message)
            .Concat(parse.UnmatchedTokens.Select(t => $"Unrecognized command or argument '{t}'."))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (messages.Count > 0)
        {
            foreach (var message in messages)
            {
                error.WriteLine($"error: {message}");
            }

            error.WriteLine("Run 'verdict --help' for usage.");
            return ExitCodes.InputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            return Report(exception, error);
        }
    }

    /// <summary>The root command with every command group.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Verdict: plan, run and decide experiments on LLM features (SHIP, HOLD, ROLL BACK or INVALID).");
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(ArenaCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(AssignCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(BanditCommand.Create(context));
        root.Subcommands.Add(InterleavingCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(AnalyzeCommand.Create(context));
        root.Subcommands.Add(Commands.Monitor.MonitorCommand.Create(context));
        root.Subcommands.Add(Commands.Shadow.ShadowCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(Commands.Demo.DemoCommand.Create(context));
        root.Subcommands.Add(Commands.Server.ServeCommand.Create(context));
        root.Subcommands.Add(Commands.Server.ExperimentsCommand.Create(context));
        root.Subcommands.Add(Commands.Server.KeysCommand.Create(context));
        root.Subcommands.Add(Commands.OffPolicy.OpeCommand.Create(context));
        root.Subcommands.Add(Commands.Quasi.DidCommand.Create(context));
        return root;
    }

    /// <summary>"mde: baseline + mde must lie…" from an argument exception, on one line.</summary>
    private static string OneLine(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.ReplaceLineEndings(" ");
        var name = exception.ParamName;
        return string.IsNullOrEmpty(name) ? message : $"{name}: {message}";
    }

    private static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case CliException cli:
                error.WriteLine($"error: {cli.Message}");
                return cli.ExitCode;
            case ArgumentException argument:
                error.WriteLine($"error: {OneLine(argument)}");
                return ExitCodes.InputError;
            case FormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.InputError;
            case UnauthorizedAccessException or IOException:
                // The file system refused (permissions, a directory where a file was expected, a full disk): the
                // environment or the arguments, not a bug.
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.InputError;
            case Exception when Commands.Store.StoreOptions.IsEnvironmentFailure(exception):
                error.WriteLine($"error: the store could not be written or read: {exception.Message}");
                return ExitCodes.InputError;
            case OperationCanceledException:
                error.WriteLine("error: cancelled");
                return ExitCodes.InputError;
            default:
                error.WriteLine($"internal error: {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.InternalError;
        }
    }
}
