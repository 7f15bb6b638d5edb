namespace Verdict.Experiments.Analysis;

/// <summary>The outcome of one printed check.</summary>
public enum CheckStatus
{
    /// <summary>The check passed.</summary>
    Pass,

    /// <summary>The check failed; it contributes to the verdict.</summary>
    Fail,

    /// <summary>Something a reviewer should read; it does not change the verdict.</summary>
    Warn,

    /// <summary>A fact recorded for the audit trail.</summary>
    Info,
}
