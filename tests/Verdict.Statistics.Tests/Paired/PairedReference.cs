using Verdict.Statistics.Paired;
using Verdict.Statistics.Power;
using Verdict.Testing;
using Xunit;

namespace Verdict.Statistics.Tests.Paired;

/// <summary>A paired t case: the differences, alpha and scipy's mean, statistic, p-value and interval.</summary>
public sealed record PairedTCase(string Name, double Alpha, IReadOnlyList<double> Differences, double Mean, double Statistic, double PValue, double CiLow, double CiHigh);

/// <summary>A sign-test case: the differences and scipy's counts and p-values.</summary>
public sealed record SignTestCase(string Name, IReadOnlyList<double> Differences, int Positive, int Negative, double PValue, double PValueGreater, double PValueLess);

/// <summary>A Wilcoxon case: the differences, the continuity correction and scipy's method, statistic and p-value.</summary>
public sealed record WilcoxonCase(string Name, IReadOnlyList<double> Differences, bool Correction, string Method, double Statistic, double PValue);

/// <summary>A Wilson interval case (statsmodels).</summary>
public sealed record WilsonCase(double Successes, double Count, double Alpha, double CiLow, double CiHigh);

/// <summary>A Cohen's kappa case: the table and statsmodels' kappa, standard errors and interval.</summary>
public sealed record KappaCase(string Name, IReadOnlyList<IReadOnlyList<double>> Table, double Alpha, double Kappa, double StdKappa, double StdKappa0, double CiLow, double CiHigh);

/// <summary>A paired sample-size case (statsmodels TTestPower).</summary>
public sealed record PairedSampleSizeCase(double EffectSize, double Alpha, double Power, double Count);

/// <summary>A paired power case (statsmodels TTestPower).</summary>
public sealed record PairedPowerCase(double EffectSize, double Count, double Alpha, double Power);

/// <summary>tests/reference/paired/paired.json, written by generate.py from scipy and statsmodels, read once.</summary>
public sealed record PairedReference(
    IReadOnlyList<PairedTCase> PairedT, IReadOnlyList<SignTestCase> SignTest, IReadOnlyList<WilcoxonCase> Wilcoxon, IReadOnlyList<WilsonCase> Wilson,
    IReadOnlyList<KappaCase> CohensKappa, IReadOnlyList<PairedSampleSizeCase> SampleSize, IReadOnlyList<PairedPowerCase> Power)
{
    /// <summary>The file.</summary>
    public static PairedReference Value { get; } = ReferenceJson.Read<PairedReference>("paired", "paired.json");

    /// <summary>The indices of a section's cases, for a theory.</summary>
    public static TheoryData<int> Indices<T>(IReadOnlyList<T> section) => new(Enumerable.Range(0, section.Count));
}
