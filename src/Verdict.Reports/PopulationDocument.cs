namespace Verdict.Reports;

/// <summary>Who was analysed.</summary>
public sealed record PopulationDocument(
    IReadOnlyDictionary<string, long> UnitsPerArm,
    long MultiArmUnits,
    long BurnInUnits,
    IReadOnlyDictionary<string, long> ReceiptMismatches,
    double? SrmPValue,
    long? PlannedUnitsPerArm,
    string? FirstExposure,
    string? LastExposure);
