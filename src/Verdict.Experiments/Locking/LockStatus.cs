namespace Verdict.Experiments.Locking;

/// <summary>How a brief relates to its lock.</summary>
public enum LockStatus
{
    /// <summary>No lock yet: the brief has not been planned.</summary>
    Missing,

    /// <summary>The brief hashes to the locked hash.</summary>
    Matches,

    /// <summary>Same key and version, different content: changed in place, which a started experiment may not.</summary>
    ChangedInPlace,

    /// <summary>The brief's version is newer than the lock's: a legitimate new version.</summary>
    NewVersion,

    /// <summary>The lock's version is newer than the brief's, or it is another experiment's lock.</summary>
    Mismatched,
}
