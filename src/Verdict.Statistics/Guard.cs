using System.Runtime.CompilerServices;

namespace Verdict.Statistics;

/// <summary>Argument checks shared by the engine; they throw with the caller's argument name.</summary>
internal static class Guard
{
    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite number");
        }
    }

    public static void Alpha(double alpha, [CallerArgumentExpression(nameof(alpha))] string? name = null)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(name, alpha, "must lie strictly between 0 and 1");
        }
    }

    public static void Probability(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "must lie in [0, 1]");
        }
    }

    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a positive finite number");
        }
    }
}
