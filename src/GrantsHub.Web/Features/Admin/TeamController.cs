using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Admin;

public sealed class TeamInviteForm
{
    [Required(ErrorMessage = "Enter your colleague's name")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your colleague's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Display(Name = "Role")]
    public TeamRole Role { get; set; } = TeamRole.FunderViewer;
}

public enum TeamRole
{
    FunderViewer,
    FunderAdmin,
}

public sealed record TeamMember(string Id, string Name, string Email, string Role, DateTimeOffset? LastSignInAt, bool InvitationPending);

public sealed record TeamPage(string FunderName, IReadOnlyList<TeamMember> Members, TeamInviteForm Invite);

/// <summary>A funder's team: admins invite colleagues as admins or read-only viewers, change roles and remove them.</summary>
[Route("funder/team")]
public sealed class TeamController(
    GrantsHubDbContext db, UserManager<ApplicationUser> users, IAuditLog audit, StaffInvitations invitations) : Controller
{
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Team", await PageAsync(new TeamInviteForm()));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("invite")]
    public async Task<IActionResult> Invite(TeamInviteForm form)
    {
        if (!ModelState.IsValid)
        {
            return View("Team", await PageAsync(form));
        }

        var role = form.Role == TeamRole.FunderAdmin ? Roles.FunderAdmin : Roles.FunderViewer;
        var error = await invitations.InviteAsync(User.RequireFunderId(), form.Name, form.Email, role, User.GetDisplayName(), Request);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(form.Email), error);
            return View("Team", await PageAsync(form));
        }

        TempData["Flash"] = $"An invitation was emailed to {form.Email}.";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{userId}/role")]
    public async Task<IActionResult> ChangeRole(string userId, TeamRole role)
    {
        var (user, current) = await FindColleagueAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var next = role == TeamRole.FunderAdmin ? Roles.FunderAdmin : Roles.FunderViewer;
        if (current != next)
        {
            await users.RemoveFromRoleAsync(user, current!);
            await users.AddToRoleAsync(user, next);
            await users.UpdateSecurityStampAsync(user); // the new role applies at their next request
            audit.Record("team.role-changed", $"{user.DisplayName} changed from {RoleLabel(current!)} to {RoleLabel(next)}", new AuditScope(FunderId: user.FunderId),
                new { Role = current }, new { Role = next }, "User", user.Id);
            await db.SaveChangesAsync();
        }

        TempData["Flash"] = $"{user.DisplayName} is now {RoleLabel(next).ToLowerInvariant()}.";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{userId}/remove")]
    public async Task<IActionResult> Remove(string userId)
    {
        var (user, role) = await FindColleagueAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var funderId = user.FunderId;
        await users.RemoveFromRoleAsync(user, role!);
        user.FunderId = null;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user); // signs them out everywhere
        audit.Record("team.removed", $"{user.DisplayName} ({user.Email}) removed from the team", new AuditScope(FunderId: funderId),
            new { user.Email, Role = role }, null, "User", user.Id);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{user.DisplayName} was removed from the team and signed out.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Another member of the signed-in admin's own funder; never themselves, never someone else's staff.</summary>
    private async Task<(ApplicationUser? User, string? Role)> FindColleagueAsync(string userId)
    {
        var funderId = User.RequireFunderId();
        var user = userId == User.GetUserId() ? null : await users.Users.SingleOrDefaultAsync(u => u.Id == userId && u.FunderId == funderId);
        if (user is null)
        {
            return (null, null);
        }

        var roles = await users.GetRolesAsync(user);
        var role = roles.FirstOrDefault(r => r is Roles.FunderAdmin or Roles.FunderViewer);
        return role is null ? (null, null) : (user, role);
    }

    private async Task<TeamPage> PageAsync(TeamInviteForm form)
    {
        var funderId = User.RequireFunderId();
        var funderName = await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).SingleAsync();
        var members = await db.Users.AsNoTracking().Where(u => u.FunderId == funderId).OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.LastSignInAt, Pending = u.PasswordHash == null,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return new TeamPage(funderName, members.Select(m => new TeamMember(m.Id, m.DisplayName, m.Email ?? "", m.Role ?? "", m.LastSignInAt, m.Pending)).ToList(), form);
    }

    public static string RoleLabel(string role) => role == Roles.FunderAdmin ? "Admin" : "Viewer (read only)";
}
