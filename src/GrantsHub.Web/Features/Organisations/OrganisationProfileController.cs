using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

[Route("organisation/{organisationId:int}")]
[Authorize(Policy = Policies.Applicant)]
public sealed class OrganisationProfileController(OrganisationProfileHandler profiles, InvitationHandler invitations, GrantsHubDbContext db, AreaChoices areaChoices) : Controller
{
    [HttpGet("profile")]
    public async Task<IActionResult> Profile(int organisationId) =>
        await profiles.PageAsync(User.GetUserId(), organisationId) is { } page ? View(page) : NotFound();

    [HttpGet("profile/edit")]
    public async Task<IActionResult> Edit(int organisationId) =>
        await profiles.FormAsync(User.GetUserId(), organisationId) is { } form ? await EditView(form) : NotFound();

    [HttpPost("profile/edit")]
    public async Task<IActionResult> Edit(int organisationId, OrganisationProfileForm form)
    {
        if (!ModelState.IsValid)
        {
            return await profiles.FormAsync(User.GetUserId(), organisationId) is null ? NotFound() : await EditView(form);
        }

        var outcome = await profiles.SaveAsync(User.GetUserId(), organisationId, form);
        switch (outcome.Result)
        {
            case ProfileSaveResult.NotFound:
                return NotFound();
            case ProfileSaveResult.Invalid:
                ModelState.AddModelError(outcome.Field!, outcome.Message!);
                return await EditView(form);
            case ProfileSaveResult.Conflict:
                ModelState.Clear();
                ModelState.AddModelError("", OrganisationProfileHandler.ConflictMessage);
                ViewBag.Unsaved = outcome.Unsaved;
                return await EditView(outcome.Latest!);
            default:
                TempData["Flash"] = "Your organisation profile has been saved.";
                return Redirect($"/organisation/{organisationId}/profile");
        }
    }

    [HttpGet("members")]
    public async Task<IActionResult> Members(int organisationId, int page = 1) =>
        await invitations.MembersAsync(User.GetUserId(), organisationId, page) is { } members ? View(members) : NotFound();

    [HttpPost("invitations")]
    public async Task<IActionResult> Invite(int organisationId, [Bind(Prefix = "Invite")] InviteForm form)
    {
        var outcome = ModelState.IsValid
            ? await invitations.InviteAsync(User.GetUserId(), User.GetDisplayName(), organisationId, form,
                token => $"{Request.Scheme}://{Request.Host}/invitations/{token}") // built by hand: routing would lower-case the token
            : new InvitationOutcome(null, "", null);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Field is not null || !ModelState.IsValid)
        {
            if (outcome.Error is not null)
            {
                ModelState.AddModelError($"Invite.{outcome.Field}", outcome.Error);
            }

            return await invitations.MembersAsync(User.GetUserId(), organisationId, 1, form) is { } members ? View("Members", members) : NotFound();
        }

        TempData["Flash"] = $"We have emailed an invitation to {form.Email.Trim()}. The link works for 14 days.";
        return Redirect($"/organisation/{organisationId}/members");
    }

    private async Task<IActionResult> EditView(OrganisationProfileForm form)
    {
        ViewBag.Areas = await areaChoices.SelectListAsync(db);
        return View("Edit", form);
    }
}
