namespace Verdict.Cli.Commands.Briefs;

/// <summary>The <c>verdict plan --json</c> contract (docs/cli.md).</summary>
internal sealed record PlanJson(
    string Key,
    int Version,
    string Salt,
    string Hash,
    string LockPath,
    string LockStatus,
    string PrimaryMetric,
    string Mde,
    double? AbsoluteMde,
    string MinimumShipLift,
    double Alpha,
    double Power,
    string? Method,
    IReadOnlyList<ArmPlanJson> Arms,
    long? TotalUnits,
    double? DailyUnits,
    double? EnrolledPerDay,
    int? DurationDays,
    string Design,
    IReadOnlyList<double> Looks,
    string? Spending,
    IReadOnlyList<BoundaryJson>? Boundaries,
    IReadOnlyList<ProblemJson> Warnings,
    IReadOnlyList<string> Notes);

/// <summary>One arm's planned units.</summary>
internal sealed record ArmPlanJson(string Name, double Weight, long Units);

/// <summary>One sequential look.</summary>
internal sealed record BoundaryJson(double InformationFraction, double EfficacyZ, double CumulativeAlpha);

/// <summary>One lint warning or validation error.</summary>
internal sealed record ProblemJson(string File, int Line, string Path, string? Rule, string Message);
