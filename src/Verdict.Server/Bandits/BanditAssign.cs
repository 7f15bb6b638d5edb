using Verdict.Server.ControlPlane;
using Verdict.Server.Endpoints;

namespace Verdict.Server.Bandits;

/// <summary><c>POST /api/v1/assign</c> for a running bandit: the arm of the unit's period cohort, as the SDK assigns locally.</summary>
public static class BanditAssign
{
    /// <summary>The answer for <paramref name="unitId"/> when <paramref name="served"/> is a running bandit; null otherwise (the ordinary path answers).</summary>
    public static AssignResponse? Running(ServedExperiment served, string unitId)
    {
        ArgumentNullException.ThrowIfNull(served);
        var config = served.Config;
        if (config.Status != "running" || served.BanditSchedule is not { } schedule)
        {
            return null;
        }

        var a = schedule.Assign(unitId);
        var arm = a.IsEnrolled ? config.Arms[a.Arm] : config.Arms.First(x => x.Control);
        return new AssignResponse(config.Key, config.Version, unitId, arm.Name, a.IsEnrolled, a.Bucket, a.IsEnrolled ? "assigned" : "not_exposed", arm.ReceiptHash)
        {
            BanditPeriod = a.IsEnrolled ? a.Period : null,
            Propensity = a.IsEnrolled ? a.Propensity : null,
        };
    }
}
