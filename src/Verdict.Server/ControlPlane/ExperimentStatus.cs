namespace Verdict.Server.ControlPlane;

/// <summary>Where an experiment version is in its life: draft → running ⇄ paused → stopped (docs/server.md).</summary>
public enum ExperimentStatus
{
    /// <summary>Created from a validated brief; not served.</summary>
    Draft,

    /// <summary>Served: units are enrolled and assigned.</summary>
    Running,

    /// <summary>Served, enrollment paused: no new units; enrolled units keep their arm.</summary>
    Paused,

    /// <summary>Ended: everyone is served control; the version can never run again.</summary>
    Stopped,
}
