using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Organisations;

/// <summary>A community organisation that applies for funding.</summary>
public class Organisation : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public LegalForm LegalForm { get; set; }
    public string? CharityNumber { get; set; }
    public string? CompanyNumber { get; set; }
    public string? Postcode { get; set; }

    /// <summary>ONS local authority code of the area the organisation is based in.</summary>
    public string? LocalAuthorityCode { get; set; }

    public IncomeBand? IncomeBand { get; set; }
    public bool IsUserLed { get; set; }
    public bool IsCommunityLed { get; set; }
    public bool LedByLivedExperience { get; set; }
    public bool LedByRacialisedCommunities { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>Consent to publish this organisation's equality details (DEI codes) in open data.</summary>
    public bool PublishEqualityData { get; set; }

    public List<OrganisationDeiCode> DeiCodes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }
    public List<OrganisationMember> Members { get; set; } = [];
}
