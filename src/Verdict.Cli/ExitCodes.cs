namespace Verdict.Cli;

/// <summary>The documented, stable exit codes of the <c>verdict</c> command (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A gate failed: <c>--fail-on-not-ship</c> and the verdict is not SHIP, or an arena gate failed.</summary>
    public const int GateFailed = 1;

    /// <summary>Usage or input error: a bad flag, a malformed file, an argument out of range.</summary>
    public const int InputError = 2;

    /// <summary>The event store could not be opened or reached.</summary>
    public const int StoreUnavailable = 3;

    /// <summary>A model endpoint gave no reply (network, timeout, HTTP error): infrastructure, not a gate result. Same code as a store: a service is unavailable.</summary>
    public const int EndpointUnavailable = 3;

    /// <summary>An unexpected internal error (a bug): please report it.</summary>
    public const int InternalError = 70;
}
