using Verdict.Assignment.Targeting;

namespace Verdict.Experiments.Metrics;

/// <summary>A declarative filter on an event property, such as <c>grounded = false</c>. Never raw SQL.</summary>
public sealed record PropertyFilter(string Property, ConditionOperator Operator, IReadOnlyList<string> Values);
