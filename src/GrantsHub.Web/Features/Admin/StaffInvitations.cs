using System.Text;
using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Admin;

public sealed class TeamInvitationEmail : EmailModel
{
    public required string FunderName { get; init; }
    public required string InvitedBy { get; init; }
    public required string Role { get; init; }
    public required string AcceptUrl { get; init; }
}

/// <summary>
/// Invites a person to a funder's staff: an account with no password yet, and an email whose link
/// lets them choose one (a password-reset token, valid three days).
/// </summary>
public sealed class StaffInvitations(GrantsHubDbContext db, UserManager<ApplicationUser> users, IAuditLog audit, Outbox outbox, IEmailDispatchTrigger dispatch, TimeProvider clock)
{
    /// <summary>Returns null when the invitation was sent, or the reason it could not be.</summary>
    public async Task<string?> InviteAsync(int funderId, string name, string email, string role, string invitedBy, HttpRequest request)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return "This email address already has a GrantsHub account, so it cannot join your team";
        }

        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name.Trim(), FunderId = funderId, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return created.Errors.First().Description;
        }

        await users.AddToRoleAsync(user, role);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var query = QueryString.Create(new Dictionary<string, string?> { ["email"] = user.Email, ["token"] = token, ["welcome"] = "true" });
        var url = $"{request.Scheme}://{request.Host}/account/reset-password{query}";
        var funderName = await db.Funders.Where(f => f.Id == funderId).Select(f => f.Name).SingleAsync();
        await outbox.AddAsync($"team-invitation:{user.Id}", "TeamInvitation", email, user.DisplayName, user.Id, "/Features/Admin/Emails/TeamInvitation",
            new TeamInvitationEmail
            {
                Subject = $"Join {funderName} on GrantsHub",
                RecipientName = user.DisplayName,
                FunderName = funderName,
                InvitedBy = invitedBy,
                Role = TeamController.RoleLabel(role),
                AcceptUrl = url,
            }, funderId);
        audit.Record("team.invited", $"{user.DisplayName} ({email}) invited as {TeamController.RoleLabel(role)}", new AuditScope(FunderId: funderId),
            after: new { Email = email, Role = role }, entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
        dispatch.DispatchSoon();
        return null;
    }
}
