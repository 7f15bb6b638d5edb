using System.Text.Json;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// Runs the registered looks of a group-sequential brief on their own (docs/monitor.md, "Sequential looks"): when the
/// information fraction (analysed units over the plan's maximum, smallest arm, as the analysis computes it) reaches the
/// next registered look, the look is taken once: the verdict by the analysis itself (<see cref="LaunchAnalyzer"/>), the
/// boundary by the registered design's spending function at the information fractions the looks were actually taken at
/// (Lan and DeMets 1983; Jennison and Turnbull 2000, §7.2). A pass that finds several registered looks reached takes one
/// look at the fraction reached.
/// </summary>
public sealed class LookSchedule
{
    private readonly IReadOnlyList<double> looks;
    private readonly List<double> taken;
    private readonly ResolvedPlan plan;

    /// <summary>A schedule for <paramref name="brief"/> with no look taken yet.</summary>
    public LookSchedule(ExperimentBrief brief)
        : this(brief, new LookHistory(0, []))
    {
    }

    /// <summary>A schedule for <paramref name="brief"/> whose earlier looks are <paramref name="history"/> (from the audit log).</summary>
    public LookSchedule(ExperimentBrief brief, LookHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(brief);
        if (!Runs(brief))
        {
            throw new ArgumentException($"{brief.Key} v{brief.Version} registers no group-sequential looks", nameof(brief));
        }

        Brief = brief;
        looks = [.. brief.Analysis.Looks.Order()];
        ArgumentOutOfRangeException.ThrowIfNegative(history.Reached);
        Reached = Math.Min(history.Reached, looks.Count);
        taken = [.. history.Fractions];
        plan = ResolvedPlan.From(brief);
    }

    /// <summary>The brief.</summary>
    public ExperimentBrief Brief { get; }

    /// <summary>How many registered looks have been taken.</summary>
    public int Reached { get; private set; }

    /// <summary>The plan's maximum units per arm (registered, or computed by the planner), or null when neither exists.</summary>
    public long? PlannedUnitsPerArm => plan.PlannedUnitsPerArm;

    /// <summary>The information fraction of the next registered look, or null when every look has been taken.</summary>
    public double? Next => Reached < looks.Count ? looks[Reached] : null;

    /// <summary>True when <paramref name="brief"/> is group-sequential with registered looks.</summary>
    public static bool Runs(ExperimentBrief brief) =>
        brief is not null && brief.Analysis.Design == AnalysisDesign.GroupSequential && brief.Analysis.Looks.Count > 0;

    /// <summary>The looks already taken according to <c>monitor_look</c> evidence (<c>reached</c>, <c>information_fraction</c>), oldest first.</summary>
    public static LookHistory HistoryIn(IEnumerable<string?> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var reached = 0;
        var fractions = new List<double>();
        foreach (var json in evidence.OfType<string>())
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("reached", out var r) && r.TryGetInt32(out var n) && n > reached)
            {
                // One look per arm shares its reached count and fraction: count each once.
                reached = n;
                fractions.Add(Math.Min(root.GetProperty("information_fraction").GetDouble(), 1));
            }
        }

        return new LookHistory(reached, fractions);
    }

    /// <summary>
    /// A cheap pre-check from exposure counts (an upper bound of the analysed units): false when the next look cannot be
    /// reached yet, so the pass need not load the analysis.
    /// </summary>
    public bool MayBeDue(IReadOnlyDictionary<string, long> exposedUnitsPerArm)
    {
        ArgumentNullException.ThrowIfNull(exposedUnitsPerArm);
        if (Next is not { } next || PlannedUnitsPerArm is not { } planned || planned <= 0)
        {
            return false;
        }

        var fraction = plan.InformationFraction(FromCounts(exposedUnitsPerArm)) ?? 0;
        return fraction >= next - 1e-9;
    }

    /// <summary>
    /// Takes the next look when <paramref name="data"/> (the analysis's data as of <paramref name="at"/>) reaches it:
    /// one record per treatment arm, or an empty list when the look is not due.
    /// </summary>
    public IReadOnlyList<LookRecord> Take(MetricData data, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Next is not { } next || plan.InformationFraction(data.Population) is not { } fraction || fraction < next - 1e-9)
        {
            return [];
        }

        var reached = Math.Max(Reached + 1, looks.Count(l => l <= fraction + 1e-9));
        var registered = looks.Skip(Reached).Take(reached - Reached).ToList();
        var realized = taken.Append(Math.Min(fraction, 1)).ToArray();
        var records = Brief.Arms.Where(a => !a.IsControl).Select(a => Record(data, at, a.Name, fraction, realized, registered, reached)).ToList();
        Reached = reached;
        taken.Add(realized[^1]);
        return records;
    }

    private LookRecord Record(MetricData data, DateTimeOffset at, string arm, double fraction, double[] realized, IReadOnlyList<double> registered, int reached)
    {
        var report = LaunchAnalyzer.Analyze(Brief, data, at, arm);
        var record = new LookRecord
        {
            Arm = arm,
            At = at,
            Registered = registered,
            Reached = reached,
            InformationFraction = fraction,
            Metric = Brief.PrimaryMetric,
            Action = "no_estimate",
            Decision = Spelled(report.Decision),
            DecisionReasons = report.DecisionReasons,
        };
        if (report.Primary is not { } primary || !primary.Lift.Absolute.IsAvailable || !(primary.Lift.Absolute.StandardError > 0))
        {
            return record with
            {
                ControlUnits = report.Primary?.ControlUnits ?? 0,
                TreatmentUnits = report.Primary?.TreatmentUnits ?? 0,
            };
        }

        var lift = primary.Lift.Absolute;
        var design = GroupSequentialPlanner.Design(Brief.Analysis.Looks, Brief.Analysis.Spending!, Brief.PrimaryAlpha, Brief.Analysis.Power);
        var look = design.Evaluate(realized, lift, finalLook: fraction >= 1 - 1e-9);
        var action = JsonNamingPolicy.SnakeCaseLower.ConvertName(look.Action.ToString());
        return record with
        {
            Look = look.Look,
            ControlUnits = primary.ControlUnits,
            TreatmentUnits = primary.TreatmentUnits,
            Lift = lift.Value,
            StandardError = lift.StandardError,
            Z = lift.Value / lift.StandardError,
            EfficacyBoundary = look.EfficacyBoundary,
            FutilityBoundary = look.FutilityBoundary,
            CumulativeAlpha = look.CumulativeAlpha,
            RepeatedCiLow = look.RepeatedCiLow,
            RepeatedCiHigh = look.RepeatedCiHigh,
            Action = action,
            IsFinal = look.IsFinal,
            Note = look.Note,
            Unit = primary.Unit,
        };
    }

    private static string Spelled(LaunchDecision decision) => decision switch
    {
        LaunchDecision.Ship => "SHIP",
        LaunchDecision.Hold => "HOLD",
        LaunchDecision.RollBack => "ROLL BACK",
        _ => "INVALID",
    };

    private static PopulationSummary FromCounts(IReadOnlyDictionary<string, long> units) =>
        new() { UnitsPerArm = units, UnitsPerSegment = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>(), ReceiptMismatches = new Dictionary<string, long>() };
}
