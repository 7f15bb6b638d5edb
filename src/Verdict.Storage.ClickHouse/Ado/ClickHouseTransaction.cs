using System.Data;
using System.Data.Common;

namespace Verdict.Storage.ClickHouse.Ado;

/// <summary>
/// What ClickHouse offers in place of a transaction: nothing to commit or roll back. A load stays all-or-nothing
/// because its rows wait in session staging tables until <see cref="ClickHouseEventLoader"/> commits them.
/// </summary>
public sealed class ClickHouseTransaction(ClickHouseConnection connection) : DbTransaction
{
    /// <inheritdoc/>
    public override IsolationLevel IsolationLevel => IsolationLevel.Unspecified;

    /// <inheritdoc/>
    protected override DbConnection DbConnection => connection;

    /// <inheritdoc/>
    public override void Commit()
    {
    }

    /// <inheritdoc/>
    public override void Rollback()
    {
    }
}
