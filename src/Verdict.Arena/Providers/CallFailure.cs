using System.ClientModel;
using System.Globalization;
using System.Net;
using Polly.Timeout;

namespace Verdict.Arena.Providers;

/// <summary>How a call that got no reply is described in results: the HTTP status, "timed out", or the error.</summary>
internal static class CallFailure
{
    /// <summary>A short description of <paramref name="exception"/> (looking through wrappers for a timeout).</summary>
    public static string Describe(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutRejectedException or TimeoutException)
            {
                return "timed out";
            }
        }

        return exception switch
        {
            ClientResultException { Status: > 0 } e => $"HTTP {e.Status.ToString(CultureInfo.InvariantCulture)} {(HttpStatusCode)e.Status}",
            HttpRequestException { StatusCode: { } status } => $"HTTP {((int)status).ToString(CultureInfo.InvariantCulture)} {status}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }
}
