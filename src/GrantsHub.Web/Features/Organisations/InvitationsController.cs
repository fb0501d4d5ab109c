using GrantsHub.Infrastructure.Identity;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Organisations;

[Route("invitations/{token}")]
public sealed class InvitationsController(InvitationHandler invitations, SignInManager<ApplicationUser> signIn) : Controller
{
    /// <summary>The emailed link: join as the signed-in applicant, or create an account to join.</summary>
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Show(string token) =>
        await invitations.FindAsync(token) is { } invitation ? View("Invitation", new InvitationPage(invitation, new InvitationRegisterForm())) : View("InvitationInvalid");

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("accept")]
    public async Task<IActionResult> Accept(string token)
    {
        var name = await invitations.AcceptAsync(token, User.GetUserId(), User.GetDisplayName());
        if (name is null)
        {
            return View("InvitationInvalid");
        }

        TempData["Flash"] = $"You are now a member of {name}.";
        return Redirect("/organisation");
    }

    [AllowAnonymous]
    [HttpPost("register")]
    public async Task<IActionResult> Register(string token, [Bind(Prefix = "Form")] InvitationRegisterForm form)
    {
        var invitation = await invitations.FindAsync(token);
        if (invitation is null)
        {
            return View("InvitationInvalid");
        }

        if (!ModelState.IsValid)
        {
            return View("Invitation", new InvitationPage(invitation, form));
        }

        var outcome = await invitations.RegisterAsync(token, form);
        if (outcome?.User is not { } user)
        {
            ModelState.AddModelError(outcome?.Field is { Length: > 0 } field ? $"Form.{field}" : "", outcome?.Error ?? "");
            return View("Invitation", new InvitationPage(invitation, form));
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = $"Welcome to GrantsHub. You are now a member of {invitation.OrganisationName}.";
        return Redirect("/organisation");
    }
}
