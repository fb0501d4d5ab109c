using System.Globalization;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

/// <summary>An invitation found by its link, as the invited person sees it.</summary>
public sealed record InvitationView(string Token, string OrganisationName, string Email, bool AccountExists);

public sealed record InvitationOutcome(ApplicationUser? User, string? Field = null, string? Error = null);

/// <summary>
/// Invitations to join an organisation. The emailed link carries a random token; only its SHA-256
/// is stored, so a leaked database cannot be used to join. A link works once, for 14 days.
/// </summary>
public sealed class InvitationHandler(
    GrantsHubDbContext db,
    UserManager<ApplicationUser> users,
    Outbox outbox,
    IEmailDispatchTrigger dispatch,
    IAuditLog audit,
    TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<MembersPage?> MembersAsync(string userId, int organisationId, int page, InviteForm? invite = null)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId))
            .Select(o => new { o.Name, IsOwner = o.Members.Any(m => m.UserId == userId && m.Role == MemberRole.Owner) })
            .SingleOrDefaultAsync();
        if (organisation is null)
        {
            return null;
        }

        var members = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, u.Email, m.Role, m.JoinedAt })
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Email)
            .Select(m => new MemberRow(m.DisplayName, m.Email ?? "", m.Role, m.JoinedAt))
            .ToPageAsync(page);
        var now = clock.GetUtcNow();
        var pending = await db.OrganisationInvitations.AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).Take(50)
            .Select(i => new PendingInvitationRow(i.Email, i.ExpiresAt))
            .ToListAsync();
        return new MembersPage(organisationId, organisation.Name, organisation.IsOwner, members, pending, invite ?? new InviteForm());
    }

    /// <summary>Sends an invitation; null when the user is not an owner of the organisation.</summary>
    public async Task<InvitationOutcome?> InviteAsync(string userId, string inviterName, int organisationId, InviteForm form, Func<string, string> acceptUrl)
    {
        var organisation = await db.Organisations
            .Where(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId && m.Role == MemberRole.Owner))
            .Select(o => new { o.Id, o.Name })
            .SingleOrDefaultAsync();
        if (organisation is null)
        {
            return null;
        }

        var email = form.Email.Trim();
        var normalised = users.NormalizeEmail(email);
        if (await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalised)))
        {
            return new InvitationOutcome(null, nameof(form.Email), $"{email} is already a member of {organisation.Name}");
        }

        var token = InvitationTokens.New();
        var now = clock.GetUtcNow();
        var invitation = new OrganisationInvitation
        {
            OrganisationId = organisationId,
            Email = email,
            TokenHash = InvitationTokens.Hash(token),
            InvitedByUserId = userId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.OrganisationInvitations.Add(invitation);
        await outbox.AddAsync($"organisation-invitation:{invitation.TokenHash}", "OrganisationInvitation", email, null, null, "/Features/Organisations/Emails/Invitation",
            new InvitationEmail
            {
                Subject = $"Join {organisation.Name} on GrantsHub",
                RecipientName = email,
                OrganisationName = organisation.Name,
                InvitedBy = inviterName,
                AcceptUrl = acceptUrl(token),
                ExpiresOn = UkTime.FormatDate(invitation.ExpiresAt),
            });
        audit.Record(AuditKinds.MemberInvited, $"{inviterName} invited {email} to join {organisation.Name}", new AuditScope(OrganisationId: organisationId),
            entityType: "Organisation", entityId: organisationId.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        dispatch.DispatchSoon();
        return new InvitationOutcome(null);
    }

    public async Task<InvitationView?> FindAsync(string token)
    {
        var invitation = await UsableAsync(token, tracked: false);
        if (invitation is null)
        {
            return null;
        }

        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new InvitationView(token, invitation.Organisation!.Name, invitation.Email, exists);
    }

    /// <summary>The signed-in applicant joins the organisation of the invitation.</summary>
    public async Task<string?> AcceptAsync(string token, string userId, string userName)
    {
        var invitation = await UsableAsync(token, tracked: true);
        if (invitation is null)
        {
            return null;
        }

        await JoinAsync(invitation, userId, userName);
        return invitation.Organisation!.Name;
    }

    /// <summary>Someone new creates an account with the invited address and joins.</summary>
    public async Task<InvitationOutcome?> RegisterAsync(string token, InvitationRegisterForm form)
    {
        var invitation = await UsableAsync(token, tracked: true);
        if (invitation is null)
        {
            return null;
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return new InvitationOutcome(null, "", "An account with this email address already exists. Sign in to accept the invitation.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ApplicationUser { UserName = invitation.Email, Email = invitation.Email, DisplayName = form.FullName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            return new InvitationOutcome(null, nameof(form.Password), string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        await JoinAsync(invitation, user.Id, user.DisplayName);
        await transaction.CommitAsync();
        return new InvitationOutcome(user);
    }

    private async Task JoinAsync(OrganisationInvitation invitation, string userId, string userName)
    {
        var now = clock.GetUtcNow();
        invitation.AcceptedAt = now;
        if (!await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == invitation.OrganisationId && m.UserId == userId))
        {
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = invitation.OrganisationId, UserId = userId, Role = MemberRole.Member, JoinedAt = now });
        }

        audit.Record(AuditKinds.MemberJoined, $"{userName} joined {invitation.Organisation!.Name}", new AuditScope(OrganisationId: invitation.OrganisationId),
            entityType: "User", entityId: userId);
        await db.SaveChangesAsync();
    }

    private async Task<OrganisationInvitation?> UsableAsync(string token, bool tracked)
    {
        var hash = InvitationTokens.Hash(token);
        var now = clock.GetUtcNow();
        var query = db.OrganisationInvitations.Include(i => i.Organisation).Where(i => i.TokenHash == hash && i.AcceptedAt == null);
        var invitation = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        return invitation is not null && invitation.ExpiresAt > now ? invitation : null;
    }

}
