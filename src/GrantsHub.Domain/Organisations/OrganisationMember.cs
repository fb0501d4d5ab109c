namespace GrantsHub.Domain.Organisations;

public enum MemberRole
{
    Owner,
    Member,
}

/// <summary>Links a user account to an organisation it may act for.</summary>
public class OrganisationMember
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public MemberRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
