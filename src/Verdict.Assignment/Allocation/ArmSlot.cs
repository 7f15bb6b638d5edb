namespace Verdict.Assignment.Allocation;

/// <summary>
/// Where an arm lives in bucket space: its fixed <see cref="Slot"/> (set by the weights alone) and the
/// <see cref="Active"/> prefix of it that the current exposure enrols.
/// </summary>
public readonly record struct ArmSlot(string Name, BucketRange Slot, BucketRange Active);
