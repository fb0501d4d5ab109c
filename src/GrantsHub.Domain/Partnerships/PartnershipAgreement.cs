using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.Domain.Partnerships;

/// <summary>
/// A written agreement between a lead organisation and its partners: other organisations on
/// GrantsHub or external bodies such as the council or an NHS trust. Dates are UK calendar dates.
/// </summary>
public class PartnershipAgreement : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Purpose { get; set; }
    public int LeadOrganisationId { get; set; }
    public Organisation? LeadOrganisation { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public string? RenewalTerms { get; set; }
    public AgreementStage Stage { get; set; }

    /// <summary>The signed copy, kept in the file store under <see cref="SignedDocumentKey"/>.</summary>
    public string? SignedDocumentName { get; set; }

    public string? SignedDocumentContentType { get; set; }
    public string? SignedDocumentKey { get; set; }
    public DateTimeOffset? SignedDocumentUploadedAt { get; set; }

    public List<AgreementParty> Parties { get; set; } = [];

    /// <summary>The lead organisation's awards this partnership delivers; their funders may read it.</summary>
    public List<AgreementAward> Awards { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public Guid Version { get; set; }

    public AgreementStatus StatusAt(DateTimeOffset now) => AgreementLifecycle.StatusAt(Stage, EndsOn, now);

    /// <summary>Makes a move allowed by <see cref="AgreementLifecycle"/>; false (and nothing changed) otherwise.</summary>
    public bool TryMove(AgreementAction action, DateTimeOffset now)
    {
        if (AgreementLifecycle.Next(StatusAt(now), action) is not { } next)
        {
            return false;
        }

        Stage = next;
        return true;
    }
}

/// <summary>The kinds of body outside GrantsHub that an agreement may include.</summary>
public enum ExternalBodyKind
{
    LocalAuthority,
    IntegratedCareBoard,
    NhsTrust,
    PrimaryCareNetwork,
    School,
    FaithGroup,
    Business,
    Other,
}

/// <summary>A partner in an agreement: an organisation on GrantsHub, or an external body with a contact.</summary>
public class AgreementParty
{
    public int Id { get; set; }
    public int AgreementId { get; set; }

    /// <summary>Set for an organisation on GrantsHub; its members may read the agreement.</summary>
    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>Set, with <see cref="ExternalName"/>, for a body outside GrantsHub.</summary>
    public ExternalBodyKind? ExternalKind { get; set; }

    public string? ExternalName { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public required string Role { get; set; }
    public string? Responsibilities { get; set; }
}

/// <summary>Links an agreement to one of the lead organisation's awards (many to many).</summary>
public class AgreementAward
{
    public int AgreementId { get; set; }
    public int AwardId { get; set; }
}
