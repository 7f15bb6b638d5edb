namespace Verdict.Server.ControlPlane;

/// <summary>The lifecycle rules as one pure function: the record after a change, or the reason it is refused.</summary>
public static class Lifecycle
{
    /// <summary>Applies <paramref name="change"/> to <paramref name="current"/>; throws <see cref="ControlPlaneException"/> (409 or 422) when it is not allowed.</summary>
    public static ExperimentRecord Apply(ExperimentRecord current, ExperimentChange change, double? exposure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        var name = $"{current.Key} v{current.Version}";
        switch (change)
        {
            case ExperimentChange.Start when current.Status == ExperimentStatus.Draft:
                return current with { Status = ExperimentStatus.Running, UpdatedAt = at };
            case ExperimentChange.Pause when current.Status == ExperimentStatus.Running:
                return current with { Status = ExperimentStatus.Paused, UpdatedAt = at };
            case ExperimentChange.Resume when current.Status == ExperimentStatus.Paused:
                return current with { Status = ExperimentStatus.Running, UpdatedAt = at };
            case ExperimentChange.Stop when current.Status is ExperimentStatus.Running or ExperimentStatus.Paused:
                return current with { Status = ExperimentStatus.Stopped, UpdatedAt = at };
            case ExperimentChange.Ramp when current.Status is ExperimentStatus.Draft or ExperimentStatus.Running or ExperimentStatus.Paused:
                if (exposure is not { } target || !double.IsFinite(target) || target <= 0 || target > 1)
                {
                    throw new ControlPlaneException(422, "Invalid exposure", $"exposure must be a number in (0, 1], got {exposure?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
                }

                if (target <= current.Exposure)
                {
                    throw new ControlPlaneException(409, "A ramp never shrinks", $"{name} is at exposure {current.Exposure:R}; a ramp must raise it (lowering it would drop enrolled units; pause or stop instead)");
                }

                return current with { Exposure = target, UpdatedAt = at };
            default:
                throw new ControlPlaneException(409, "Not allowed in this state", $"cannot {change.ToString().ToLowerInvariant()} {name}: it is {ControlPlaneStore.Name(current.Status)}");
        }
    }
}
