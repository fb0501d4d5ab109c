using System.Text.Json;
using GrantsHub.Domain.Auditing;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Infrastructure.Auditing;

/// <summary>Where an audited change belongs, so funders and organisations can each see their part.</summary>
public sealed record AuditScope(int? FunderId = null, int? OrganisationId = null, int? RoundId = null, int? ApplicationId = null);

public interface IAuditLog
{
    /// <summary>Adds an entry to the current unit of work; it is saved with the change it describes.</summary>
    void Record(string kind, string summary, AuditScope scope, object? before = null, object? after = null, string? entityType = null, string? entityId = null);
}

public sealed class AuditLog(GrantsHubDbContext db, TimeProvider clock, IHttpContextAccessor http) : IAuditLog
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(string kind, string summary, AuditScope scope, object? before = null, object? after = null, string? entityType = null, string? entityId = null)
    {
        var user = http.HttpContext?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorUserId = signedIn ? user!.GetUserId() : null,
            ActorName = signedIn ? user!.GetDisplayName() : "System",
            Kind = kind,
            Summary = summary,
            FunderId = scope.FunderId,
            OrganisationId = scope.OrganisationId,
            RoundId = scope.RoundId,
            ApplicationId = scope.ApplicationId,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }
}

/// <summary>The kinds of audited change, so filters and reports can rely on them.</summary>
public static class AuditKinds
{
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string PasswordReset = "account.password-reset";
    public const string OrganisationRegistered = "organisation.registered";
    public const string OrganisationProfileChanged = "organisation.profile-changed";
    public const string MemberInvited = "organisation.member-invited";
    public const string MemberJoined = "organisation.member-joined";
    public const string ApplicationStarted = "application.started";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
}
