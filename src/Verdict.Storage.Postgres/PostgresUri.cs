using System.Globalization;
using Npgsql;

namespace Verdict.Storage.Postgres;

/// <summary>
/// A libpq connection URI (<c>postgres://user:pass@host:port/db?sslmode=require</c>) as Npgsql's builder. Every query
/// option is honoured or refused: a dropped <c>sslmode</c> would connect in plaintext without saying so.
/// (libpq's parameter names: PostgreSQL documentation, "Connection Strings", §34.1.2.)
/// </summary>
public static class PostgresUri
{
    /// <summary>The URI options understood (libpq names); any other is refused.</summary>
    public static IReadOnlyList<string> Options { get; } =
    [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "connect_timeout", "application_name",
        "target_session_attrs", "user", "password", "dbname", "host", "port", "options", "keepalives_idle",
    ];

    /// <summary>True when <paramref name="text"/> is a URI rather than a key-value string.</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="text"/>; an option that is not understood throws <see cref="ArgumentException"/> naming it.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var uri = new Uri(text);
        if (uri.Fragment.Length > 0)
        {
            throw new ArgumentException("a PostgreSQL URI has no #fragment", nameof(text));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(cut < 0 ? pair : pair[..cut]);
            var value = cut < 0 ? string.Empty : Uri.UnescapeDataString(pair[(cut + 1)..].Replace('+', ' '));
            Apply(builder, key, value);
        }

        return builder;
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key)
        {
            case "sslmode":
                builder.SslMode = value switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw Refuse(key, value, "expected disable, allow, prefer, require, verify-ca or verify-full"),
                };
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "sslcert":
                builder.SslCertificate = value;
                break;
            case "sslkey":
                builder.SslKey = value;
                break;
            case "sslpassword":
                builder.SslPassword = value;
                break;
            case "connect_timeout":
                builder.Timeout = Whole(key, value);
                break;
            case "keepalives_idle":
                builder.KeepAlive = Whole(key, value);
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options":
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "dbname":
                builder.Database = value;
                break;
            case "host":
                builder.Host = value;
                break;
            case "port":
                builder.Port = Whole(key, value);
                break;
            default:
                throw new ArgumentException(
                    $"the URI option \"{key}\" is not supported (supported: {string.Join(", ", Options)}); use the key-value form (Host=…;Database=…) for other Npgsql settings",
                    nameof(key));
        }
    }

    private static int Whole(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Refuse(key, value, "expected a whole number");

    private static ArgumentException Refuse(string key, string value, string expected) =>
        new($"the URI option {key}={value} is not valid: {expected}", nameof(value));
}
