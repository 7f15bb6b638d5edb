using System.Data;
using System.Data.Common;
using Verdict.Storage.ClickHouse.Http;

namespace Verdict.Storage.ClickHouse.Ado;

/// <summary>
/// The ADO.NET face of one HTTP session with a ClickHouse server, so the store fits <see cref="EventStore"/>. It is
/// always open (HTTP needs no handshake); ClickHouse has no transactions, so BeginTransaction returns a
/// marker (<see cref="ClickHouseTransaction"/>) and loads get their all-or-nothing from staging tables instead.
/// </summary>
public sealed class ClickHouseConnection(ClickHouseHttpClient client) : DbConnection
{
    /// <summary>The HTTP client this connection sends through.</summary>
    public ClickHouseHttpClient Client { get; } = client;

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString { get => Client.Endpoint.ToString(); set => throw new NotSupportedException("open a ClickHouse store with ClickHouseEventStore.Open"); }

    /// <inheritdoc/>
    public override string Database => string.Empty;

    /// <inheritdoc/>
    public override string DataSource => Client.Endpoint.ToString();

    /// <inheritdoc/>
    public override string ServerVersion => Convert.ToString(Client.Query("SELECT version()").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture)!;

    /// <inheritdoc/>
    public override ConnectionState State => ConnectionState.Open;

    /// <inheritdoc/>
    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException("the database is part of the ClickHouse store URI");

    /// <inheritdoc/>
    public override void Close()
    {
    }

    /// <inheritdoc/>
    public override void Open()
    {
    }

    /// <inheritdoc/>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new ClickHouseTransaction(this);

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand() => new ClickHouseCommand(this, string.Empty);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }

        base.Dispose(disposing);
    }
}
