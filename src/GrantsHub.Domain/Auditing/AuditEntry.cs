namespace GrantsHub.Domain.Auditing;

/// <summary>
/// One recorded change that matters. Append-only: the DbContext refuses to update or delete
/// entries, so the trail can be trusted years later.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public int? FunderId { get; set; }
    public int? OrganisationId { get; set; }
    public int? RoundId { get; set; }
    public int? ApplicationId { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
