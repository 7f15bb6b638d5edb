namespace Verdict.Statistics.OffPolicy;

/// <summary>An off-policy estimator of a candidate policy's value.</summary>
public enum OffPolicyEstimator
{
    /// <summary>Inverse propensity scoring (Horvitz and Thompson 1952): the weighted mean of rewards.</summary>
    InversePropensity,

    /// <summary>Self-normalized IPS (Swaminathan and Joachims 2015): weighted rewards over the sum of weights.</summary>
    SelfNormalized,

    /// <summary>Doubly robust (Dudík, Langford and Li 2011): a reward model's prediction corrected by weighted residuals.</summary>
    DoublyRobust,
}
