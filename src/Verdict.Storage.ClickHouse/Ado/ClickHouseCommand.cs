using System.Data;
using System.Data.Common;

namespace Verdict.Storage.ClickHouse.Ado;

/// <summary>A statement whose values are already bound as literals (<see cref="ClickHouseSql.Bind"/>); it takes no DbParameters.</summary>
public sealed class ClickHouseCommand(ClickHouseConnection connection, string sql) : DbCommand
{
    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText { get; set; } = sql;

    /// <inheritdoc/>
    public override int CommandTimeout { get; set; }

    /// <inheritdoc/>
    public override CommandType CommandType { get; set; } = CommandType.Text;

    /// <inheritdoc/>
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc/>
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <inheritdoc/>
    protected override DbConnection? DbConnection { get; set; } = connection;

    /// <inheritdoc/>
    protected override DbParameterCollection DbParameterCollection =>
        throw new NotSupportedException("ClickHouse commands take values bound as literals by ClickHouseSql.Bind");

    /// <inheritdoc/>
    protected override DbTransaction? DbTransaction { get; set; }

    /// <inheritdoc/>
    public override void Cancel()
    {
    }

    /// <summary>Runs the statement; ClickHouse does not report affected rows over HTTP, so this returns -1.</summary>
    public override int ExecuteNonQuery()
    {
        connection.Client.Execute(CommandText);
        return -1;
    }

    /// <inheritdoc/>
    public override object? ExecuteScalar()
    {
        var result = connection.Client.Query(CommandText);
        return result.Rows.Count == 0 ? null : result.Rows[0][0];
    }

    /// <inheritdoc/>
    public override void Prepare()
    {
    }

    /// <inheritdoc/>
    protected override DbParameter CreateDbParameter() => throw new NotSupportedException("bind values with ClickHouseSql.Bind");

    /// <inheritdoc/>
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => new ClickHouseDataReader(connection.Client.Query(CommandText));
}
