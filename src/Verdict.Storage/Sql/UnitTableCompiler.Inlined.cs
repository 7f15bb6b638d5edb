using Verdict.Storage.Dialects;

namespace Verdict.Storage.Sql;

/// <summary>The units and their values in one statement (dialects with <see cref="SqlDialect.InlineUnits"/>).</summary>
internal sealed partial class UnitTableCompiler
{
    /// <summary>
    /// CREATE TEMPORARY TABLE {table}: every unit exposed up to <paramref name="exposedBy"/> (the rows of
    /// <see cref="Units"/>, their <c>first_ts</c>, <c>arm_count</c> and <c>in_burn_in</c> kept), with the columns of
    /// <see cref="Values"/>; <c>analysed</c> is 1 for the rows <see cref="Values"/> would hold, and only those meet their
    /// events. One statement instead of two: the units are grouped and joined to the events without being written and
    /// read back (docs/analysis-sql.md).
    /// </summary>
    public (string Sql, SqlParameters Parameters) UnitValues(string table, long exposedBy, long asOf, long? enrolledFrom = null)
    {
        var p = new SqlParameters(dialect);
        var units = UnitsSelect(p, exposedBy);
        return (ValuesStatement(table, p, "verdict_units", units, asOf, enrolledFrom), p);
    }
}
