using GrantsHub.Domain.Organisations;

namespace GrantsHub.Domain.Rounds;

public enum RingFenceQualifier
{
    UserLed,
    LedByLivedExperience,
    LedByRacialisedCommunities,
    DeiCode,
}

/// <summary>A share of a round's budget reserved for organisations that meet one condition.</summary>
public class RingFence
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }

    /// <summary>Either a fixed amount or a percentage of the round budget; exactly one is set.</summary>
    public decimal? Amount { get; set; }

    public decimal? Percentage { get; set; }

    public RingFenceQualifier Qualifier { get; set; }

    /// <summary>With <see cref="RingFenceQualifier.DeiCode"/>: the code an organisation's communities or leadership must include.</summary>
    public string? DeiCode { get; set; }

    public decimal AmountOf(decimal roundBudget) =>
        Amount ?? decimal.Round(roundBudget * (Percentage ?? 0m) / 100m, 2, MidpointRounding.ToZero);

    public bool Qualifies(Organisation organisation) => Qualifier switch
    {
        RingFenceQualifier.UserLed => organisation.IsUserLed,
        RingFenceQualifier.LedByLivedExperience => organisation.LedByLivedExperience,
        RingFenceQualifier.LedByRacialisedCommunities => organisation.LedByRacialisedCommunities,
        _ => DeiCode is not null && organisation.DeiCodes.Any(c => Equality.DeiTaxonomy.Covers(DeiCode, c.Code)),
    };
}
