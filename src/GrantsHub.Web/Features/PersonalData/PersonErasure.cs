using System.Text.Json;
using GrantsHub.Domain.Email;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.PersonalData;

public sealed record ErasureCounts(int AuditEntriesRedacted, int Memberships, int OrganisationContacts, int Emails, int Invitations);

/// <summary>
/// Erases a person on request: their account is anonymised and closed, their memberships,
/// contact details, email addresses and invitations go, while the grant records a funder must keep
/// (applications, answers, decisions, awards, amounts, the shape of the audit trail) stay. See
/// docs/domain.md, "Erasure and the append-only audit trail".
/// </summary>
public sealed class PersonErasure(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock, ILogger<PersonErasure> logger)
{
    public const string ErasedName = "Erased person";
    public const string Redacted = "[erased]";
    public const string RemovedBody = "(Removed: the recipient's personal data was erased.)";

    public static string ErasedEmail(string userId) => $"erased-{userId}@erased.invalid";

    /// <returns>What was removed, or null when there is no such person.</returns>
    public async Task<ErasureCounts?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.Email == ErasedEmail(userId))
        {
            return null;
        }

        var email = user.Email ?? "";
        var erasedEmail = ErasedEmail(userId);
        var memberOf = db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.OrganisationId);
        var contactOf = await db.Organisations
            .Where(o => o.ContactEmail == email || (memberOf.Contains(o.Id) && o.ContactName == user.DisplayName))
            .ToListAsync(cancellationToken);
        var identifying = Identifying(email, user.DisplayName, user.PhoneNumber, contactOf.Select(o => o.ContactPhone));
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var redacted = await RedactAuditTrailAsync(userId, email, identifying, cancellationToken);

        foreach (var organisation in contactOf)
        {
            organisation.ContactName = null;
            organisation.ContactEmail = null;
            organisation.ContactPhone = null;
        }

        var memberships = await db.OrganisationMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var emails = await db.Outbox.Where(m => m.ToUserId == userId || m.ToAddress == email)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ToAddress, erasedEmail)
                .SetProperty(m => m.ToName, (string?)null)
                .SetProperty(m => m.HtmlBody, RemovedBody)
                .SetProperty(m => m.TextBody, RemovedBody)
                .SetProperty(m => m.LastError, m => m.Status == OutboxStatus.Pending ? "Not sent: the recipient was erased." : m.LastError)
                .SetProperty(m => m.Status, m => m.Status == OutboxStatus.Pending ? OutboxStatus.Failed : m.Status), cancellationToken);
        var invitations = await db.OrganisationInvitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, erasedEmail).SetProperty(i => i.ExpiresAt, i => i.ExpiresAt < now ? i.ExpiresAt : now), cancellationToken);
        invitations += await db.PanelMembers.Where(p => p.InvitedEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.InvitedEmail, erasedEmail), cancellationToken);

        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var funderId = user.FunderId;
        user.DisplayName = ErasedName;
        user.Email = user.UserName = erasedEmail;
        user.NormalizedEmail = user.NormalizedUserName = erasedEmail.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.FunderId = null;
        user.LastSignInAt = null;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // signs them out everywhere

        var counts = new ErasureCounts(redacted, memberships, contactOf.Count, emails, invitations);
        audit.Record(PersonalDataAuditKinds.Erased, "A person's personal data was erased on request", new AuditScope(FunderId: funderId),
            after: counts, entityType: "User", entityId: userId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Erased user {UserId}: {Counts}", userId, counts);
        return counts;
    }

    /// <summary>
    /// The one place allowed to rewrite audit entries (the DbContext refuses changes to tracked ones):
    /// it replaces the person's name, email and phone with a marker in the entries about them, and
    /// keeps everything else (who by id, when, kind, scope, the rest of the before and after values).
    /// </summary>
    private async Task<int> RedactAuditTrailAsync(string userId, string email, IReadOnlyList<string> identifying, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries
            .Where(e => e.ActorUserId == userId || e.EntityId == userId
                || (email != "" && (e.Summary.Contains(email) || (e.Before != null && e.Before.Contains(email)) || (e.After != null && e.After.Contains(email)))))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var about = db.AuditEntries.Where(e => entries.Contains(e.Id));
        await about.Where(e => e.ActorUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, ErasedName), cancellationToken);
        foreach (var text in identifying)
        {
            await about.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Summary, e => e.Summary.Replace(text, Redacted))
                .SetProperty(e => e.Before, e => e.Before == null ? null : e.Before.Replace(text, Redacted))
                .SetProperty(e => e.After, e => e.After == null ? null : e.After.Replace(text, Redacted)), cancellationToken);
        }

        return entries.Count;
    }

    /// <summary>Longest first, so an email is replaced whole before a name inside it; with the JSON-escaped forms used in before/after values.</summary>
    private static List<string> Identifying(string email, string name, string? phone, IEnumerable<string?> contactPhones) =>
        new[] { email, name, phone }.Concat(contactPhones)
            .Where(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length >= 3)
            .Select(t => t!.Trim())
            .SelectMany(t => new[] { t, JsonSerializer.Serialize(t)[1..^1] })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length)
            .ToList();
}
