namespace Verdict.Experiments.Simulation;

/// <summary>
/// The support-bot traffic of seed 000's refund query-rewrite experiment, as options for <see cref="SupportBotSimulator"/>.
/// The defaults reproduce the seed's table: resolution 38% → 42%, p95 latency 1180 → 1260 ms, escalation 15.5% and
/// grounding failures 1.1% in both arms. Validated once, by <see cref="Validate"/>, when a simulator is built.
/// </summary>
public sealed record SupportBotScenario
{
    /// <summary>Customers to simulate (<c>customer-000001</c> …); those the brief's assignment leaves out produce nothing. Default 4000.</summary>
    public long Units { get; init; } = 4000;

    /// <summary>The seed; the same seed and options give the same stream, byte for byte. Default 11.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>The start of the experiment window. Default 2026-05-04T00:00Z.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The window's length in days; each unit's first exposure is uniform over it. Default 14.</summary>
    public int Days { get; init; } = 14;

    /// <summary>The control arm's resolution rate (solved, and no ticket within 10 minutes). Default 0.38.</summary>
    public double BaselineResolution { get; init; } = 0.38;

    /// <summary>The absolute lift in resolution of every non-control arm. Default 0.04 (+4 points, as in seed 000).</summary>
    public double Effect { get; init; } = 0.04;

    /// <summary>The share of customers with a resolved conversation in the 30 days before exposure (the CUPED covariate). Default 0.45.</summary>
    public double PriorResolutionRate { get; init; } = 0.45;

    /// <summary>
    /// How much a prior resolution raises the resolution probability: p = a + slope·x + effect, with a chosen so the control
    /// mean is <see cref="BaselineResolution"/> (seed 000's CUPED lab: 0.18 + 0.46·x). Default 0.46.
    /// </summary>
    public double CovariateSlope { get; init; } = 0.46;

    /// <summary>The control arm's median answer latency in ms (log-normal). Default 1000.</summary>
    public double LatencyMedianMs { get; init; } = 1000;

    /// <summary>The control arm's p95 answer latency in ms; with the median it fixes the log-normal σ. Default 1180.</summary>
    public double LatencyP95Ms { get; init; } = 1180;

    /// <summary>How much slower a non-control arm is at p95, in ms (its whole distribution is scaled). Default 80.</summary>
    public double TreatmentLatencyShiftMs { get; init; } = 80;

    /// <summary>The p95 shift under <see cref="SupportBotFailures.LatencyRegression"/>, in ms (beyond a 150 ms budget). Default 310.</summary>
    public double RegressedLatencyShiftMs { get; init; } = 310;

    /// <summary>The probability a conversation is escalated to a human, in every arm. Default 0.155 (310 of 2000).</summary>
    public double EscalationRate { get; init; } = 0.155;

    /// <summary>The probability a grounding audit finds the answer ungrounded, in every arm. Default 0.011 (22 of 2000).</summary>
    public double GroundingFailureRate { get; init; } = 0.011;

    /// <summary>The share of unresolved conversations that were marked solved and then ticketed within 10 minutes. Default 0.2.</summary>
    public double QuickTicketRate { get; init; } = 0.2;

    /// <summary>The share of the other unresolved conversations that open a ticket without a solved mark. Default 0.3.</summary>
    public double UnsolvedTicketRate { get; init; } = 0.3;

    /// <summary>The share of resolved conversations that open a ticket after the 10-minute window (still resolved). Default 0.1.</summary>
    public double LateTicketRate { get; init; } = 0.1;

    /// <summary>The mean tokens of one answer (normal, floored at 50). Default 400.</summary>
    public double AnswerTokens { get; init; } = 400;

    /// <summary>The standard deviation of an answer's tokens. Default 60.</summary>
    public double AnswerTokensStandardDeviation { get; init; } = 60;

    /// <summary>The extra tokens a non-control arm spends on the query-rewrite call. Default 60.</summary>
    public double RewriteTokens { get; init; } = 60;

    /// <summary>The price of 1000 tokens in USD; 400 tokens cost 0.002 USD. Default 0.005.</summary>
    public double UsdPerThousandTokens { get; init; } = 0.005;

    /// <summary>The share of customers on mobile (the rest on desktop). Default 0.55.</summary>
    public double MobileShare { get; init; } = 0.55;

    /// <summary>The share of customers on an annual plan (the rest monthly). Default 0.4.</summary>
    public double AnnualShare { get; init; } = 0.4;

    /// <summary>The failure modes to inject. Default none.</summary>
    public SupportBotFailures Failures { get; init; } = SupportBotFailures.None;

    /// <summary>The share of treatment exposures lost under <see cref="SupportBotFailures.Srm"/>. Default 0.15.</summary>
    public double SrmDropRate { get; init; } = 0.15;

    /// <summary>The effect's size on day 0 under <see cref="SupportBotFailures.Novelty"/>, as a multiple of <see cref="Effect"/>. Default 3.</summary>
    public double NoveltyMultiplier { get; init; } = 3;

    /// <summary>The half-life of the novelty effect in days; it decays towards 0. Default 2.</summary>
    public double NoveltyHalfLifeDays { get; init; } = 2;

    /// <summary>The share of treatment exposures with a wrong receipt hash under <see cref="SupportBotFailures.ReceiptMismatch"/>. Default 0.1.</summary>
    public double ReceiptMismatchRate { get; init; } = 0.1;

    /// <summary>The intercept a in p = a + slope·x + effect: <see cref="BaselineResolution"/> − slope · <see cref="PriorResolutionRate"/>.</summary>
    public double ResolutionIntercept => BaselineResolution - (CovariateSlope * PriorResolutionRate);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for the first option out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Units, nameof(Units));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Units, 999_999_999_999L, nameof(Units));
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        Probability(BaselineResolution, nameof(BaselineResolution));
        Probability(PriorResolutionRate, nameof(PriorResolutionRate));
        Probability(EscalationRate, nameof(EscalationRate));
        Probability(GroundingFailureRate, nameof(GroundingFailureRate));
        Probability(QuickTicketRate, nameof(QuickTicketRate));
        Probability(UnsolvedTicketRate, nameof(UnsolvedTicketRate));
        Probability(LateTicketRate, nameof(LateTicketRate));
        Probability(MobileShare, nameof(MobileShare));
        Probability(AnnualShare, nameof(AnnualShare));
        Probability(SrmDropRate, nameof(SrmDropRate));
        Probability(ReceiptMismatchRate, nameof(ReceiptMismatchRate));
        if (!(Effect is >= -1 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Effect), Effect, "The effect is an absolute lift in [-1, 1].");
        }

        if (!(CovariateSlope >= 0) || ResolutionIntercept < 0 || ResolutionIntercept + CovariateSlope > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(CovariateSlope), CovariateSlope, "The covariate slope must keep the control's resolution probability within [0, 1] for both covariate values.");
        }

        Positive(LatencyMedianMs, nameof(LatencyMedianMs));
        if (!(LatencyP95Ms > LatencyMedianMs) || !double.IsFinite(LatencyP95Ms))
        {
            throw new ArgumentOutOfRangeException(nameof(LatencyP95Ms), LatencyP95Ms, "The p95 latency must exceed the median.");
        }

        GreaterThanMinusP95(TreatmentLatencyShiftMs, nameof(TreatmentLatencyShiftMs));
        GreaterThanMinusP95(RegressedLatencyShiftMs, nameof(RegressedLatencyShiftMs));
        Positive(AnswerTokens, nameof(AnswerTokens));
        NonNegative(AnswerTokensStandardDeviation, nameof(AnswerTokensStandardDeviation));
        NonNegative(RewriteTokens, nameof(RewriteTokens));
        NonNegative(UsdPerThousandTokens, nameof(UsdPerThousandTokens));
        Positive(NoveltyMultiplier, nameof(NoveltyMultiplier));
        Positive(NoveltyHalfLifeDays, nameof(NoveltyHalfLifeDays));
        if ((Failures & ~(SupportBotFailures.Srm | SupportBotFailures.Novelty | SupportBotFailures.Simpson | SupportBotFailures.LatencyRegression | SupportBotFailures.ReceiptMismatch)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Failures), Failures, "Unknown failure mode.");
        }
    }

    private static void Probability(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a probability in [0, 1].");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");
        }
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative and finite.");
        }
    }

    private void GreaterThanMinusP95(double shift, string name)
    {
        if (!(shift > -LatencyP95Ms) || !double.IsFinite(shift))
        {
            throw new ArgumentOutOfRangeException(name, shift, "The shifted p95 must stay positive.");
        }
    }
}
