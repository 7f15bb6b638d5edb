namespace Verdict.Arena.Evaluation;

/// <summary>Who won a duel once both orders are combined.</summary>
public enum PairwiseOutcome
{
    /// <summary>The treatment won in both orders.</summary>
    TreatmentWins,

    /// <summary>The control won in both orders.</summary>
    ControlWins,

    /// <summary>A tie in both orders, or the orders disagreed (position inconsistency).</summary>
    Tie,
}
