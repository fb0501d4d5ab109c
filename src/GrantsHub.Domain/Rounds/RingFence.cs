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

    public bool Qualifies(Organisation organisation) => Qualifies(Qualifier, DeiCode, organisation.IsUserLed, organisation.LedByLivedExperience,
        organisation.LedByRacialisedCommunities, organisation.DeiCodes.Select(c => c.Code));

    /// <summary>The one rule for who a pot is for, also used by the equality figures on projected rows.</summary>
    public static bool Qualifies(RingFenceQualifier qualifier, string? deiCode, bool userLed, bool ledByLivedExperience, bool ledByRacialisedCommunities, IEnumerable<string> deiCodes) => qualifier switch
    {
        RingFenceQualifier.UserLed => userLed,
        RingFenceQualifier.LedByLivedExperience => ledByLivedExperience,
        RingFenceQualifier.LedByRacialisedCommunities => ledByRacialisedCommunities,
        _ => deiCode is not null && deiCodes.Any(c => Equality.DeiTaxonomy.Covers(deiCode, c)),
    };
}
