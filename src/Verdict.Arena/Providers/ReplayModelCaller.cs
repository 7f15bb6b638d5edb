using System.Text.Json;
using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;

namespace Verdict.Arena.Providers;

/// <summary>
/// Serves recorded replies from JSONL (production traces or an earlier run), so logged traffic is scored without
/// regenerating it. A line is <c>{"variant", "case_id", "output", "latency_ms"?, "input_tokens"?, "output_tokens"?}</c>;
/// judge lines add <c>"judge": "rubric"</c> (with <c>variant</c>) or <c>"judge": "pairwise"</c> (with <c>first</c> and
/// <c>second</c>) and carry the judge's raw reply in <c>output</c>.
/// </summary>
internal sealed class ReplayModelCaller : IModelCaller
{
    private readonly Dictionary<string, RecordedReply> replies = new(StringComparer.Ordinal);
    private readonly CallMeter meter;
    private readonly PriceSpec price;
    private readonly ReplyCheck? check;

    public ReplayModelCaller(string path, PriceSpec price, ReplyCheck? check, CallMeter meter)
    {
        this.meter = meter;
        this.price = price;
        this.check = check;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"replay file not found: {path}", path);
        }

        JsonLines.ForEach(path, root =>
        {
            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                : null;
            double Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
            var caseId = Field("case_id") ?? throw new InvalidDataException("\"case_id\" is required");
            var output = Field("output") ?? throw new InvalidDataException("\"output\" is required");
            var tag = Field("judge") switch
            {
                "rubric" => $"rubric/{Field("variant")}/{caseId}",
                "pairwise" => $"pairwise/{Field("first")}/{Field("second")}/{caseId}",
                null => Field("variant") is { } variant ? $"{variant}/{caseId}" : caseId,
                var other => throw new InvalidDataException($"unknown judge \"{other}\""),
            };
            replies[tag] = new RecordedReply(output, (long)Number("input_tokens"), (long)Number("output_tokens"),
                root.TryGetProperty("latency_ms", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetDouble() : double.NaN, Field("model"));
        });
    }

    public Task<ModelReply> CallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parts = request.Tag.Split('/');
        if (!replies.TryGetValue(request.Tag, out var reply) && !(parts.Length == 2 && replies.TryGetValue(parts[1], out reply)))
        {
            meter.Finished(cached: true, failed: true, cost: 0);
            return Task.FromResult(ModelReply.Failed($"no recorded reply for {request.Tag}", 0, request.Options.Temperature, request.Options.Seed));
        }

        if (check is not null && !check.Accept(reply.Text))
        {
            meter.Finished(cached: true, failed: true, cost: 0);
            return Task.FromResult(ModelReply.Failed("malformed judge reply (recorded)", 0, request.Options.Temperature, request.Options.Seed));
        }

        meter.Finished(cached: true, failed: false, cost: 0);
        // Priced from the recorded tokens, so max_cost checks recorded traffic; nothing is spent now.
        return Task.FromResult(new ModelReply(reply.Text, reply.InputTokens, reply.OutputTokens, reply.LatencyMs, price.Cost(reply.InputTokens, reply.OutputTokens), true, reply.ModelId,
            request.Options.Temperature, request.Options.Seed, 0));
    }

    /// <summary>One recorded reply.</summary>
    private sealed record RecordedReply(string Text, long InputTokens, long OutputTokens, double LatencyMs, string? ModelId);
}
