using System.Data;
using System.Data.Common;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// The ADO.NET face of one HTTP session with a ClickHouse server, so the store fits <see cref="EventStore"/>. It is
/// always open (HTTP needs no handshake); ClickHouse has no transactions, so BeginTransaction returns a
/// marker (<see cref="ClickHouseTransaction"/>) and loads get their all-or-nothing from staging tables instead.
/// </summary>
public sealed class ClickHouseConnection(ClickHouseHttpClient client) : DbConnection
{
    /// <summary>The HTTP client this connection sends through.</summary>
    public ClickHouseHttpClient Client { get; } = client;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString { get => Client.Endpoint.ToString(); set => throw new NotSupportedException("open a ClickHouse store with ClickHouseEventStore.Open"); }

    public override string Database => string.Empty;

    public override string DataSource => Client.Endpoint.ToString();

    public override string ServerVersion => Convert.ToString(Client.Query("SELECT version()").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture)!;

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException("the database is part of the ClickHouse store URI");

    public override void Close()
    {
    }

    public override void Open()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new ClickHouseTransaction(this);

    protected override DbCommand CreateDbCommand() => new ClickHouseCommand(this, string.Empty);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }

        base.Dispose(disposing);
    }
}
