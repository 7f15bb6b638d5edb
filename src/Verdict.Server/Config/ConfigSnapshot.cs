using System.Security.Cryptography;
using System.Text.Json;
using Verdict.Client.Wire;

namespace Verdict.Server.Config;

/// <summary>The serialized config at one revision and its ETag, built once per change and served as bytes.</summary>
public sealed class ConfigSnapshot
{
    /// <summary>Serializes <paramref name="config"/> and derives the ETag from the bytes.</summary>
    public ConfigSnapshot(SdkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Body = JsonSerializer.SerializeToUtf8Bytes(config, WireJson.Default.SdkConfig);
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Body).AsSpan(0, 12)) + "\"";
    }

    /// <summary>The config.</summary>
    public SdkConfig Config { get; }

    /// <summary>Its JSON.</summary>
    public byte[] Body { get; }

    /// <summary>A strong ETag: the first 12 bytes of the body's SHA-256, quoted.</summary>
    public string ETag { get; }
}
