using System.Globalization;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Rounds;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Decisions;

/// <summary>The funder runs, reads and adjusts the recommendation of what to fund.</summary>
[Route("funder/rounds/{roundId:int}/recommendation")]
public sealed class RecommendationController(GrantsHubDbContext db, RecommendationService recommendations) : Controller
{
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Show(int roundId)
    {
        var round = await db.RoundsOf(User.RequireFunderId()).AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.Title }).SingleOrDefaultAsync();
        if (round is null)
        {
            return NotFound();
        }

        var latest = await recommendations.LatestAsync(roundId);
        return View("Recommendation", new RecommendationPage(roundId, round.Title, latest is null ? null : RecommendationService.Read(latest), latest?.RunAt,
            Ids(latest?.Included), Ids(latest?.Excluded)));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("run")]
    public async Task<IActionResult> Run(int roundId)
    {
        var funderId = User.RequireFunderId();
        if (!await db.RoundsOf(funderId).AnyAsync(r => r.Id == roundId))
        {
            return NotFound();
        }

        await recommendations.RunAsync(funderId, roundId, User.GetUserId());
        await db.SaveChangesAsync();
        TempData["Flash"] = "The recommendation was run on the latest scores.";
        return RedirectToAction(nameof(Show), new { roundId });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("adjust")]
    public async Task<IActionResult> Adjust(int roundId, AdjustForm form)
    {
        var funderId = User.RequireFunderId();
        if (!await db.RoundsOf(funderId).AnyAsync(r => r.Id == roundId) || !await db.Applications.AnyAsync(a => a.Id == form.ApplicationId && a.RoundId == roundId))
        {
            return NotFound();
        }

        await recommendations.RunAsync(funderId, roundId, User.GetUserId(), (form.ApplicationId, form.Adjustment));
        await db.SaveChangesAsync();
        TempData["Flash"] = "The recommendation was run again with your change.";
        return RedirectToAction(nameof(Show), new { roundId });
    }

    private static HashSet<int> Ids(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
}
