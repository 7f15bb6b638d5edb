using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Verdict.Storage.Ingestion;

namespace Verdict.Server.Ingestion;

/// <summary>
/// A <c>POST /api/v1/events</c> body read into a pooled buffer and parsed into a batch: the common NDJSON body straight
/// from its UTF-8 bytes (<see cref="Utf8Rows"/>), anything else — a JSON array, a byte-order mark, an error to report —
/// decoded as before and read by <see cref="JsonRows"/>, so every answer for a refused body is unchanged.
/// </summary>
internal sealed class EventsBody : IDisposable
{
    private byte[] buffer;
    private int length;

    private EventsBody(byte[] buffer) => this.buffer = buffer;

    /// <summary>Reads the whole body (Kestrel's size limit throws a 413 <see cref="BadHttpRequestException"/> while reading).</summary>
    public static async Task<EventsBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new EventsBody(ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 0, 4096, 16 << 20) + 1));
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.buffer.AsMemory(body.length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.length += read;
                if (body.length == body.buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(body.buffer.Length * 2);
                    body.buffer.AsSpan(0, body.length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body.buffer);
                    body.buffer = larger;
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The body's rows in a batch from <paramref name="create"/> (a fresh one again when the fast
    /// path declines). Throws as <see cref="JsonRows.Read"/> does for a refused row, <see cref="BatchTooLargeException"/>
    /// past the row limit, and <see cref="DecoderFallbackException"/> for a body that is not UTF-8.
    /// </summary>
    public EventBatch Parse(Func<EventBatch> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var bytes = buffer.AsSpan(0, length);
        var batch = create();
        try
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes) && Utf8Rows.TryRead(bytes, batch, out _))
            {
                return batch;
            }
        }
        catch (BatchTooLargeException)
        {
            // Read again below, which refuses it the documented way.
        }

        string text;
        using (var reader = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            text = reader.ReadToEnd();
        }

        batch = create();
        JsonRows.Read(text, "body", batch);
        return batch;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
