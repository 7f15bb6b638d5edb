using System.Buffers.Binary;
using System.Text;

namespace Verdict.Storage.ClickHouse.Http;

/// <summary>
/// Rows in ClickHouse's RowBinary input format: integers and floats little-endian, strings as a LEB128 length and
/// their UTF-8 bytes, Nullable as a 0/1 byte before the value, arrays as a LEB128 count and their items. Nothing is
/// escaped, so no value can change the statement it is sent with.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The buffer is a MemoryStream: no unmanaged resource to release.")]
internal sealed class RowBinaryWriter
{
    private readonly MemoryStream buffer = new();

    /// <summary>Rows written since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public byte[] Buffer => buffer.GetBuffer();

    /// <summary>How many bytes of <see cref="Buffer"/> are rows.</summary>
    public int Length => (int)buffer.Length;

    /// <summary>Marks the end of a row.</summary>
    public void EndRow() => Rows++;

    /// <summary>Forgets the rows written.</summary>
    public void Clear()
    {
        buffer.SetLength(0);
        Rows = 0;
    }

    public void Int32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        buffer.Write(bytes);
    }

    public void Int64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        buffer.Write(bytes);
    }

    public void NullableFloat64(double? value)
    {
        buffer.WriteByte(value is null ? (byte)1 : (byte)0);
        if (value is { } v)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, v);
            buffer.Write(bytes);
        }
    }

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Length128((ulong)bytes.Length);
        buffer.Write(bytes);
    }

    public void NullableString(string? value)
    {
        buffer.WriteByte(value is null ? (byte)1 : (byte)0);
        if (value is not null)
        {
            String(value);
        }
    }

    /// <summary>A string map as the two arrays of a Nested(key String, value String) column.</summary>
    public void Map(IReadOnlyDictionary<string, string> map)
    {
        Length128((ulong)map.Count);
        foreach (var key in map.Keys)
        {
            String(key);
        }

        Length128((ulong)map.Count);
        foreach (var value in map.Values)
        {
            String(value);
        }
    }

    private void Length128(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
