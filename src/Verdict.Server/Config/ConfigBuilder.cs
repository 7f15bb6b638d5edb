using Verdict.Client.Wire;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Config;

/// <summary>Turns a registered brief and its record into the config an SDK assigns from.</summary>
public static class ConfigBuilder
{
    /// <summary>The config of one experiment version at its current status and exposure (and, for a bandit, its periods so far).</summary>
    public static ExperimentConfig For(ExperimentRecord record, ExperimentBrief brief, BanditState? bandit = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        var spec = brief.ToAssignmentSpec();
        return new ExperimentConfig
        {
            Key = record.Key,
            Version = record.Version,
            Status = ControlPlaneStore.Name(record.Status),
            Salt = spec.Salt,
            Exposure = record.Exposure,
            Unit = brief.Unit.Randomization.ToString().ToLowerInvariant(),
            Arms = brief.Arms.Select(a => new ArmConfig
            {
                Name = a.Name,
                Weight = a.Weight,
                Control = a.IsControl,
                ReceiptHash = ReceiptHash.Of(a.Receipt),
                Receipt = Receipt(a.Receipt),
            }).ToArray(),
            Layer = brief.Traffic.Layer is { } layer ? new LayerConfig(layer.Name, layer.From, layer.To) : null,
            Holdout = brief.Traffic.Holdout is { } holdout ? new HoldoutConfig(holdout.Name, holdout.Fraction) : null,
            Forced = brief.Traffic.Forced,
            EnrollmentEvent = brief.Eligibility.EnrollmentEvent,
            Prices = brief.Prices?.ToDictionary(p => p.Key, p => new PriceConfig(p.Value.InputPerMillion, p.Value.OutputPerMillion), StringComparer.Ordinal),
            LockHash = record.LockHash,
            Stage = Ladder.LadderState.Kind(record, brief),
            StageName = brief.Stages is null ? null : record.Stage ?? brief.Stages[0].Name,
            Bandit = bandit is null ? null : BanditConfig.From(bandit.ToSchedule(), bandit.Periods[^1].ComputedAt),
        };
    }

    private static ReceiptConfig Receipt(Receipt receipt) => new()
    {
        Model = receipt.Model,
        Prompt = receipt.Prompt,
        Decoder = receipt.Decoder is { } d ? new DecoderConfig
        {
            Selection = d.Selection,
            Temperature = d.Temperature,
            TopP = d.TopP,
            MaxTokens = d.MaxTokens,
            OutputSchema = d.OutputSchema,
        } : null,
        RetrievalIndex = receipt.RetrievalIndex,
        Components = receipt.Components,
    };
}
