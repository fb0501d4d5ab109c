namespace GrantsHub.Domain.Organisations;

public enum DeiCodeKind
{
    /// <summary>A community the organisation serves.</summary>
    CommunityServed,

    /// <summary>A community represented in the organisation's leadership.</summary>
    Leadership,
}

/// <summary>A 360Giving DEI taxonomy code an organisation declared about itself.</summary>
public class OrganisationDeiCode
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Code { get; set; }
    public DeiCodeKind Kind { get; set; }
}

/// <summary>An emailed invitation for a colleague to join an organisation.</summary>
public class OrganisationInvitation
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Email { get; set; }

    /// <summary>SHA-256 of the token in the emailed link; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public required string InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
