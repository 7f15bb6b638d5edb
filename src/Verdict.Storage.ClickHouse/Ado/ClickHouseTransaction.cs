using System.Data;
using System.Data.Common;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// What ClickHouse offers in place of a transaction: nothing to commit or roll back. A load stays all-or-nothing
/// because its rows wait in session staging tables until <see cref="ClickHouseEventLoader"/> commits them.
/// </summary>
public sealed class ClickHouseTransaction(ClickHouseConnection connection) : DbTransaction
{
    public override IsolationLevel IsolationLevel => IsolationLevel.Unspecified;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }
}
