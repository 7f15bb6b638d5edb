using System.Globalization;
using System.Runtime.CompilerServices;
using Verdict.Assignment;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Experiments.Simulation;

/// <summary>
/// Generates seed 000's support-bot traffic for an experiment brief: one refund conversation per customer, with
/// exposures from the brief's own assignment and the outcome events examples/refund-query-rewrite/metrics.yaml reads
/// (docs/events.md, "Simulated support-bot traffic"). Units are generated one at a time, each from its own random
/// stream derived from (seed, unit number), and streamed to an <see cref="IEventSink"/>; nothing is held in memory,
/// so 10 million units cost only time. Immutable and thread-safe.
/// </summary>
public sealed class SupportBotSimulator
{
    /// <summary>Φ⁻¹(0.95): a log-normal's p95 is median · exp(1.6449 σ).</summary>
    private const double Z95 = 1.6448536269514722;
    private const long MinuteMs = 60_000;
    private const long HourMs = 60 * MinuteMs;
    private const long DayMs = 24 * HourMs;
    private const int PreLookbackDays = 30;

    /// <summary>Seed 001's table: resolution by [arm (control, treatment), device (mobile, desktop)].</summary>
    private static readonly double[,] SimpsonRates = { { 0.85, 0.70 }, { 0.80, 0.65 } };

    /// <summary>Under Simpson, the share of control's mobile and treatment's desktop exposures the biased logging loses (20/80 mixes).</summary>
    private const double SimpsonDropRate = 0.75;

    private static readonly string[] AnswerKeys = [SupportBotEvents.LatencyMs, SupportBotEvents.Tokens, SupportBotEvents.CostUsd];
    private static readonly EventProperties GroundedTrue = new([SupportBotEvents.Grounded], ["true"]);
    private static readonly EventProperties GroundedFalse = new([SupportBotEvents.Grounded], ["false"]);

    /// <summary>The region attribute's values and their cumulative shares (45 %, 35 %, 20 %).</summary>
    private static readonly (string Region, double Below)[] Regions = [("americas", 0.45), ("europe", 0.80), ("asia_pacific", 1.0)];

    /// <summary>Exposure attributes by [mobile ? 0 : 1, annual ? 0 : 1, region], shared by every exposure.</summary>
    private static readonly EventProperties[,,] Attributes = BuildAttributes();

    private readonly ExperimentAssigner assigner;
    private readonly int controlIndex;
    private readonly string[] armNames;
    private readonly string[] receiptHashes;
    private readonly string[] wrongReceiptHashes;
    private readonly double[] latencyScale;
    private readonly double latencySigma;
    private readonly long windowMs;
    private readonly string unitFormat;

    /// <summary>Builds a simulator for <paramref name="brief"/>; validates <paramref name="scenario"/> (throws when an option is out of range).</summary>
    public SupportBotSimulator(ExperimentBrief brief, SupportBotScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        Brief = brief;
        Scenario = scenario;
        assigner = new ExperimentAssigner(brief.ToAssignmentSpec());
        var arms = brief.Arms;
        armNames = new string[arms.Count];
        receiptHashes = new string[arms.Count];
        wrongReceiptHashes = new string[arms.Count];
        latencyScale = new double[arms.Count];
        var shift = scenario.Failures.HasFlag(SupportBotFailures.LatencyRegression) ? scenario.RegressedLatencyShiftMs : scenario.TreatmentLatencyShiftMs;
        for (var i = 0; i < arms.Count; i++)
        {
            armNames[i] = arms[i].Name;
            receiptHashes[i] = ReceiptHash.Of(arms[i].Receipt);

            // A canary of the next model leaking into the arm: the receipt differs beyond the declared change.
            wrongReceiptHashes[i] = ReceiptHash.Of(arms[i].Receipt with { Model = (arms[i].Receipt.Model ?? "model") + "-canary" });
            latencyScale[i] = arms[i].IsControl ? 1.0 : (scenario.LatencyP95Ms + shift) / scenario.LatencyP95Ms;
            if (arms[i].IsControl)
            {
                controlIndex = i;
            }
        }

        latencySigma = Math.Log(scenario.LatencyP95Ms / scenario.LatencyMedianMs) / Z95;
        windowMs = scenario.Days * DayMs;
        unitFormat = "D" + Math.Max(6, scenario.Units.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The brief whose arms, salt and receipts the traffic follows.</summary>
    public ExperimentBrief Brief { get; }

    /// <summary>The validated options.</summary>
    public SupportBotScenario Scenario { get; }

    /// <summary>The id of unit <paramref name="number"/> (1-based): <c>customer-000001</c>, zero-padded to the width of the largest.</summary>
    public string UnitId(long number)
    {
        var text = new DefaultInterpolatedStringHandler(9, 1, CultureInfo.InvariantCulture);
        text.AppendLiteral("customer-");
        text.AppendFormatted(number, unitFormat);
        return text.ToStringAndClear();
    }

    /// <summary>Generates every unit in order and writes its exposure and events to <paramref name="sink"/>.</summary>
    public SimulationSummary Run(IEventSink sink, CancellationToken cancellationToken = default) =>
        Run(sink, 1, Scenario.Units, cancellationToken);

    /// <summary>
    /// Generates units <paramref name="first"/> to <paramref name="last"/> (1-based, inclusive). Each unit draws from
    /// its own counter-based stream, so loading the units in several ranges writes exactly what one run writes.
    /// </summary>
    public SimulationSummary Run(IEventSink sink, long first, long last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, Scenario.Units);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, last);
        var tally = new Tally(new long[armNames.Length]);
        for (var number = first; number <= last; number++)
        {
            if ((number & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Generate(number, sink, ref tally);
        }

        return new SimulationSummary(last - first + 1, tally.InExperiment, armNames, tally.Exposures, tally.Events);
    }

    private void Generate(long number, IEventSink sink, ref Tally tally)
    {
        var id = UnitId(number);
        var assignment = assigner.Assign(id);
        if (!assignment.InExperiment)
        {
            return;
        }

        tally.InExperiment++;
        var s = Scenario;
        var arm = assignment.Arm;
        var treated = arm != controlIndex;
        var simpson = s.Failures.HasFlag(SupportBotFailures.Simpson);
        var random = new UnitRandom(s.Seed, number);

        // Every draw is made for every unit whatever the options, so switching a failure mode on changes only what it
        // must (common random numbers: the SRM stream is the clean stream minus some exposures).
        var exposureMs = (long)(random.NextDouble() * windowMs);
        var mobile = random.NextDouble() < (simpson ? 0.5 : s.MobileShare);
        var annual = random.NextDouble() < s.AnnualShare;
        var resolvedBefore = random.NextDouble() < s.PriorResolutionRate;
        var priorMs = (long)random.NextDouble(HourMs, (PreLookbackDays * DayMs) - HourMs);
        var resolveDraw = random.NextDouble();
        var ticketDraw = random.NextDouble();
        var unsolvedTicketDraw = random.NextDouble();
        var ticketFraction = random.NextDouble();
        var solveMs = (long)random.NextDouble(MinuteMs, 30 * MinuteMs);
        var auditMs = (long)random.NextDouble(5 * MinuteMs, 120 * MinuteMs);
        var escalationMs = (long)random.NextDouble(MinuteMs, 30 * MinuteMs);
        var groundDraw = random.NextDouble();
        var escalateDraw = random.NextDouble();
        var latencyZ = random.NextNormal();
        var tokensZ = random.NextNormal();
        var srmDraw = random.NextDouble();
        var simpsonDraw = random.NextDouble();
        var receiptDraw = random.NextDouble();

        // Drawn last, so the draws above stay what they were before the attribute existed.
        var regionDraw = random.NextDouble();
        var region = Array.FindIndex(Regions, r => regionDraw < r.Below);

        double probability;
        if (simpson)
        {
            probability = SimpsonRates[treated ? 1 : 0, mobile ? 0 : 1];
        }
        else
        {
            probability = s.ResolutionIntercept + (resolvedBefore ? s.CovariateSlope : 0);
            if (treated)
            {
                probability += EffectOn(exposureMs);
            }
        }

        var resolved = resolveDraw < probability;
        var t0 = s.Start.AddTicks(exposureMs * TimeSpan.TicksPerMillisecond);

        if (resolvedBefore)
        {
            Emit(sink, ref tally, SupportBotEvents.ConversationSolved, id, t0.AddTicks(-priorMs * TimeSpan.TicksPerMillisecond), null, EventProperties.Empty, ":conversation_solved:1");
        }

        var logged = !(s.Failures.HasFlag(SupportBotFailures.Srm) && treated && srmDraw < s.SrmDropRate)
            && !(simpson && simpsonDraw < SimpsonDropRate && (treated ? !mobile : mobile));
        if (logged)
        {
            var wrong = treated && s.Failures.HasFlag(SupportBotFailures.ReceiptMismatch) && receiptDraw < s.ReceiptMismatchRate;
            sink.Add(new ExposureRecord(
                Brief.Key, Brief.Version, id, armNames[arm], t0, wrong ? wrongReceiptHashes[arm] : receiptHashes[arm], Attributes[mobile ? 0 : 1, annual ? 0 : 1, region]));
            tally.Exposures[arm]++;
        }

        Emit(sink, ref tally, SupportBotEvents.QuestionSubmitted, id, t0, null, EventProperties.Empty, ":refund_question_submitted:1");

        var latency = Math.Max(1L, (long)Math.Round(s.LatencyMedianMs * Math.Exp(latencySigma * latencyZ) * latencyScale[arm]));
        var tokens = (long)Math.Max(50, Math.Round(s.AnswerTokens + (s.AnswerTokensStandardDeviation * tokensZ))) + (treated ? (long)Math.Round(s.RewriteTokens) : 0);
        var cost = tokens * s.UsdPerThousandTokens / 1000;
        var answered = t0.AddTicks(latency * TimeSpan.TicksPerMillisecond);
        var answerProperties = new EventProperties(AnswerKeys, [
            latency.ToString(CultureInfo.InvariantCulture),
            tokens.ToString(CultureInfo.InvariantCulture),
            cost.ToString("0.#########", CultureInfo.InvariantCulture),
        ]);
        Emit(sink, ref tally, SupportBotEvents.AnswerGenerated, id, answered, latency, answerProperties, ":answer_generated:1");
        Emit(sink, ref tally, SupportBotEvents.GroundingAudit, id, After(answered, auditMs), null, groundDraw < s.GroundingFailureRate ? GroundedFalse : GroundedTrue, ":grounding_audit:1");
        if (escalateDraw < s.EscalationRate)
        {
            Emit(sink, ref tally, SupportBotEvents.Escalated, id, After(answered, escalationMs), null, EventProperties.Empty, ":escalated_to_human:1");
        }

        var solvedKey = resolvedBefore ? ":conversation_solved:2" : ":conversation_solved:1";
        var solved = After(answered, solveMs);
        if (resolved)
        {
            Emit(sink, ref tally, SupportBotEvents.ConversationSolved, id, solved, null, EventProperties.Empty, solvedKey);
            if (ticketDraw < s.LateTicketRate)
            {
                // After the 10-minute window: the conversation stays resolved (seed 000's 18-minute ticket).
                Emit(sink, ref tally, SupportBotEvents.TicketOpened, id, After(solved, (long)((11 + (49 * ticketFraction)) * MinuteMs)), null, EventProperties.Empty, ":ticket_opened:1");
            }
        }
        else if (ticketDraw < s.QuickTicketRate)
        {
            // Solved, then a ticket well inside the window (0.5–9.5 minutes, clear of the boundary): not resolved.
            Emit(sink, ref tally, SupportBotEvents.ConversationSolved, id, solved, null, EventProperties.Empty, solvedKey);
            Emit(sink, ref tally, SupportBotEvents.TicketOpened, id, After(solved, (long)((0.5 + (9 * ticketFraction)) * MinuteMs)), null, EventProperties.Empty, ":ticket_opened:1");
        }
        else if (unsolvedTicketDraw < s.UnsolvedTicketRate)
        {
            Emit(sink, ref tally, SupportBotEvents.TicketOpened, id, After(answered, (long)((2 + (118 * ticketFraction)) * MinuteMs)), null, EventProperties.Empty, ":ticket_opened:1");
        }
    }

    /// <summary>The absolute lift of a unit first exposed <paramref name="exposureMs"/> after the start.</summary>
    private double EffectOn(long exposureMs)
    {
        var s = Scenario;
        if (!s.Failures.HasFlag(SupportBotFailures.Novelty))
        {
            return s.Effect;
        }

        var days = exposureMs / (double)DayMs;
        return s.Effect * s.NoveltyMultiplier * Math.Pow(2, -days / s.NoveltyHalfLifeDays);
    }

    private static DateTimeOffset After(DateTimeOffset time, long milliseconds) => time.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);

    private static void Emit(
        IEventSink sink, ref Tally tally, string name, string unit, DateTimeOffset time, double? value, EventProperties properties, string keySuffix)
    {
        sink.Add(new OutcomeEvent(name, unit, time, value, properties, string.Concat(unit, keySuffix)));
        tally.Events++;
    }

    private static EventProperties[,,] BuildAttributes()
    {
        var attributes = new EventProperties[2, 2, Regions.Length];
        for (var r = 0; r < Regions.Length; r++)
        {
            attributes[0, 0, r] = Segment("mobile", "annual", Regions[r].Region);
            attributes[0, 1, r] = Segment("mobile", "monthly", Regions[r].Region);
            attributes[1, 0, r] = Segment("desktop", "annual", Regions[r].Region);
            attributes[1, 1, r] = Segment("desktop", "monthly", Regions[r].Region);
        }

        return attributes;
    }

    private static EventProperties Segment(string device, string plan, string region) =>
        new([SupportBotEvents.Device, SupportBotEvents.Plan, SupportBotEvents.Region], [device, plan, region]);

    private struct Tally(long[] exposures)
    {
        public long InExperiment;
        public long Events;
        public readonly long[] Exposures = exposures;
    }
}
