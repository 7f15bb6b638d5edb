using System.Data.Common;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Storage.Sql;

/// <summary>
/// The one mapping from a result row to <see cref="BivariateMoments"/>: a row that carries a group's count, the means
/// of x and y, their population variances and covariance (the numerically stable aggregates every dialect has).
/// </summary>
internal static class RowMoments
{
    /// <summary>
    /// The moments of a group of <paramref name="n"/> from the named columns; a null x column name means x is 0 (no
    /// covariate). Population variances are clamped at 0 (an engine's rounding can leave −1e-17) and scaled by n to
    /// the centred sums of squares the moments hold.
    /// </summary>
    public static BivariateMoments Central(DbDataReader row, long n, string? meanX, string meanY, string? varianceX, string varianceY, string? covariance) => new(
        n,
        meanX is null ? 0 : DbValue.Double(row[meanX]),
        DbValue.Double(row[meanY]),
        varianceX is null ? 0 : Math.Max(DbValue.Double(row[varianceX]), 0) * n,
        Math.Max(DbValue.Double(row[varianceY]), 0) * n,
        covariance is null ? 0 : DbValue.Double(row[covariance]) * n);
}
