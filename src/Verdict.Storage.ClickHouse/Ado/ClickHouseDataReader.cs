using System.Collections;
using System.Data.Common;
using System.Globalization;
using Verdict.Storage.ClickHouse.Http;

namespace Verdict.Storage.ClickHouse.Ado;

/// <summary>Reads a <see cref="ClickHouseResult"/> held in memory, row by row, as ADO.NET does.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "DbDataReader's own shape: it enumerates IDataRecord through the non-generic IEnumerable.")]
public sealed class ClickHouseDataReader(ClickHouseResult result) : DbDataReader
{
    private int row = -1;

    /// <inheritdoc/>
    public override int FieldCount => result.Names.Count;

    /// <inheritdoc/>
    public override bool HasRows => result.Rows.Count > 0;

    /// <inheritdoc/>
    public override bool IsClosed => false;

    /// <inheritdoc/>
    public override int RecordsAffected => -1;

    /// <inheritdoc/>
    public override int Depth => 0;

    /// <inheritdoc/>
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc/>
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc/>
    public override bool Read() => ++row < result.Rows.Count;

    /// <inheritdoc/>
    public override bool NextResult() => false;

    /// <inheritdoc/>
    public override object GetValue(int ordinal) => result.Rows[row][ordinal];

    /// <inheritdoc/>
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, FieldCount);
        Array.Copy(result.Rows[row], values, n);
        return n;
    }

    /// <inheritdoc/>
    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    /// <inheritdoc/>
    public override string GetName(int ordinal) => result.Names[ordinal];

    /// <inheritdoc/>
    public override int GetOrdinal(string name)
    {
        var index = result.Names.ToList().IndexOf(name);
#pragma warning disable CA2201 // DbDataReader.GetOrdinal's documented contract is IndexOutOfRangeException.
        return index >= 0 ? index : throw new IndexOutOfRangeException($"no column {name}");
#pragma warning restore CA2201
    }

    /// <inheritdoc/>
    public override string GetDataTypeName(int ordinal) => result.Types[ordinal];

    /// <inheritdoc/>
    public override Type GetFieldType(int ordinal) => result.Rows.FirstOrDefault(r => r[ordinal] is not DBNull)?[ordinal].GetType() ?? typeof(object);

    /// <inheritdoc/>
    public override string GetString(int ordinal) => Convert.ToString(GetValue(ordinal), CultureInfo.InvariantCulture)!;

    /// <inheritdoc/>
    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override bool GetBoolean(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    /// <inheritdoc/>
    public override double GetDouble(int ordinal) => Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override DateTime GetDateTime(int ordinal) => DateTime.Parse(GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <inheritdoc/>
    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc/>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("ClickHouse results are read as text");

    /// <inheritdoc/>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("ClickHouse results are read as text");

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}
