namespace Verdict.Server.ControlPlane;

/// <summary>A lifecycle change asked of a running server (docs/server.md, "Lifecycle").</summary>
public enum ExperimentChange
{
    /// <summary>Draft → running.</summary>
    Start,

    /// <summary>Raise the exposure of a running or paused version; never lowers it.</summary>
    Ramp,

    /// <summary>Running → paused: no new units; enrolled units keep their arm.</summary>
    Pause,

    /// <summary>Paused → running.</summary>
    Resume,

    /// <summary>Running or paused → stopped: everyone on control, for good.</summary>
    Stop,
}
