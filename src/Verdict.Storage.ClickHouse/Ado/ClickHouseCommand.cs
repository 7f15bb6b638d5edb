using System.Data;
using System.Data.Common;

namespace Verdict.Storage.ClickHouse;

/// <summary>A statement whose values are already bound as literals (<see cref="ClickHouseSql.Bind"/>); it takes no DbParameters.</summary>
public sealed class ClickHouseCommand(ClickHouseConnection connection, string sql) : DbCommand
{
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText { get; set; } = sql;

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get; set; } = connection;

    protected override DbParameterCollection DbParameterCollection =>
        throw new NotSupportedException("ClickHouse commands take values bound as literals by ClickHouseSql.Bind");

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    /// <summary>Runs the statement; ClickHouse does not report affected rows over HTTP, so this returns -1.</summary>
    public override int ExecuteNonQuery()
    {
        connection.Client.Execute(CommandText);
        return -1;
    }

    public override object? ExecuteScalar()
    {
        var result = connection.Client.Query(CommandText);
        return result.Rows.Count == 0 ? null : result.Rows[0][0];
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => throw new NotSupportedException("bind values with ClickHouseSql.Bind");

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => new ClickHouseDataReader(connection.Client.Query(CommandText));
}
