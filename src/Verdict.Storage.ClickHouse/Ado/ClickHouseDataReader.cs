using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace Verdict.Storage.ClickHouse;

/// <summary>Reads a <see cref="ClickHouseResult"/> held in memory, row by row, as ADO.NET does.</summary>
public sealed class ClickHouseDataReader(ClickHouseResult result) : DbDataReader
{
    private int row = -1;

    public override int FieldCount => result.Names.Count;

    public override bool HasRows => result.Rows.Count > 0;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => ++row < result.Rows.Count;

    public override bool NextResult() => false;

    public override object GetValue(int ordinal) => result.Rows[row][ordinal];

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, FieldCount);
        Array.Copy(result.Rows[row], values, n);
        return n;
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    public override string GetName(int ordinal) => result.Names[ordinal];

    public override int GetOrdinal(string name)
    {
        var index = result.Names.ToList().IndexOf(name);
        return index >= 0 ? index : throw new IndexOutOfRangeException($"no column {name}");
    }

    public override string GetDataTypeName(int ordinal) => result.Types[ordinal];

    public override Type GetFieldType(int ordinal) => result.Rows.FirstOrDefault(r => r[ordinal] is not DBNull)?[ordinal].GetType() ?? typeof(object);

    public override string GetString(int ordinal) => Convert.ToString(GetValue(ordinal), CultureInfo.InvariantCulture)!;

    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override bool GetBoolean(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    public override double GetDouble(int ordinal) => Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override DateTime GetDateTime(int ordinal) => DateTime.Parse(GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal), CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("ClickHouse results are read as text");

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("ClickHouse results are read as text");

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}
