using GrantsHub.Domain.Applications;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Rounds;

/// <summary>A funder reads one submitted application to its own round. Drafts stay private to the organisation.</summary>
[Route("funder/applications")]
public sealed class FunderApplicationController(GrantsHubDbContext db, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        var funderId = User.RequireFunderId();
        var scope = db.Applications.Where(a => a.Round!.Programme!.FunderId == funderId && a.Status != ApplicationStatus.Draft);
        var loaded = await LoadedApplication.LoadAsync(db, scope, id);
        if (loaded is null)
        {
            return NotFound();
        }

        var summary = ApplicationPages.Summary(loaded, clock.GetUtcNow()) with { Editable = false };
        ViewBag.RoundId = loaded.Round.Id;
        return View("FunderApplication", summary);
    }
}
