namespace Verdict.Cli;

/// <summary>An error the user can fix, carried to the one place that prints it with its exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.InputError) : Exception(message)
{
    /// <summary>The process exit code this error maps to.</summary>
    public int ExitCode { get; } = exitCode;
}
