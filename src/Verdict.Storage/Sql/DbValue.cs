using System.Globalization;
using System.Numerics;

namespace Verdict.Storage.Sql;

/// <summary>Reads numbers from any ADO.NET provider (DuckDB returns HUGEINT sums as <see cref="BigInteger"/>).</summary>
internal static class DbValue
{
    public static long Long(object value) => value switch
    {
        DBNull => 0,
        BigInteger b => (long)b,
        decimal m => (long)m,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static double Double(object value) => value switch
    {
        DBNull => 0,
        BigInteger b => (double)b,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
