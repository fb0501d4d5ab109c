using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

public sealed class AssessorAccountForm
{
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200)]
    [Display(Name = "Full name")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter a password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record InvitationPage(string Token, string Email, string RoundTitle, bool Accepted, bool AccountExists, bool SignedInAsInvitee, AssessorAccountForm Form);

/// <summary>Where an emailed panel invitation leads: an existing assessor signs in and accepts; a new person creates an assessor account.</summary>
[Route("assessor/invitations")]
public sealed class PanelInvitationController(
    GrantsHubDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IAuditLog audit, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token)
    {
        var model = await PageAsync(token, new AssessorAccountForm());
        return model is null ? NotFound() : View("Invitation", model);
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpPost("{token}/accept")]
    public async Task<IActionResult> Accept(string token)
    {
        var member = await FindAsync(token);
        if (member is null)
        {
            return NotFound();
        }

        var user = await users.GetUserAsync(User);
        if (user is null || !string.Equals(user.Email, member.InvitedEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("", $"This invitation was sent to {member.InvitedEmail}. Sign in with that account to accept it.");
            return View("Invitation", await PageAsync(token, new AssessorAccountForm()));
        }

        return await JoinAsync(member, user);
    }

    [AllowAnonymous]
    [HttpPost("{token}/register")]
    public async Task<IActionResult> Register(string token, AssessorAccountForm form)
    {
        var member = await FindAsync(token);
        if (member is null || member.Accepted)
        {
            return NotFound();
        }

        if (await users.FindByEmailAsync(member.InvitedEmail) is not null)
        {
            ModelState.AddModelError("", "An account with this email address already exists. Sign in to accept the invitation.");
        }

        if (!ModelState.IsValid)
        {
            return View("Invitation", await PageAsync(token, form));
        }

        var user = new ApplicationUser
        {
            UserName = member.InvitedEmail,
            Email = member.InvitedEmail,
            EmailConfirmed = true, // the emailed link proves the address
            DisplayName = form.FullName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }

            return View("Invitation", await PageAsync(token, form));
        }

        await users.AddToRoleAsync(user, Roles.Assessor);
        await signIn.SignInAsync(user, isPersistent: false);
        return await JoinAsync(member, user);
    }

    private async Task<IActionResult> JoinAsync(Domain.Assessment.PanelMember member, ApplicationUser user)
    {
        if (!member.Accepted)
        {
            member.UserId = user.Id;
            member.AcceptedAt = clock.GetUtcNow();
            var roundId = member.Panel!.RoundId;
            audit.Record(AssessmentAuditKinds.InvitationAccepted, $"{user.DisplayName} joined the panel", new AuditScope(RoundId: roundId),
                entityType: "PanelMember", entityId: member.Id.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync();
        }

        TempData["Flash"] = "You have joined the panel. Declare any conflicts of interest before you see the applications.";
        return Redirect($"/assessor/rounds/{member.Panel!.RoundId.ToString(CultureInfo.InvariantCulture)}/conflicts");
    }

    private Task<Domain.Assessment.PanelMember?> FindAsync(string token)
    {
        var hash = InvitationTokens.Hash(token);
        return db.PanelMembers.Include(m => m.Panel).SingleOrDefaultAsync(m => m.InvitationTokenHash == hash);
    }

    private async Task<InvitationPage?> PageAsync(string token, AssessorAccountForm form)
    {
        var hash = InvitationTokens.Hash(token);
        var invitation = await db.PanelMembers.AsNoTracking().Where(m => m.InvitationTokenHash == hash)
            .Select(m => new { m.InvitedEmail, m.UserId, RoundTitle = db.Rounds.Where(r => r.Id == m.Panel!.RoundId).Select(r => r.Title).First() })
            .SingleOrDefaultAsync();
        if (invitation is null)
        {
            return null;
        }

        var normalised = invitation.InvitedEmail.ToUpperInvariant();
        var exists = await db.Users.AnyAsync(u => u.NormalizedEmail == normalised);
        var signedInAsInvitee = User.Identity?.IsAuthenticated == true && string.Equals(User.Identity.Name, invitation.InvitedEmail, StringComparison.OrdinalIgnoreCase);
        return new InvitationPage(token, invitation.InvitedEmail, invitation.RoundTitle, invitation.UserId is not null, exists, signedInAsInvitee, form);
    }
}
