using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

public sealed record OpenRoundRow(int Id, string Title, string Funder, string Programme, DateTimeOffset ClosesAt, decimal MinimumGrant, decimal MaximumGrant, int MaximumDurationMonths);

[Route("rounds")]
public sealed class PublicRoundsController(GrantsHubDbContext db, TimeProvider clock) : Controller
{
    /// <summary>Every round open for applications now, soonest deadline first. No sign-in needed.</summary>
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var now = clock.GetUtcNow();
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Stage == RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now)
            .OrderBy(r => r.ClosesAt)
            .Select(r => new OpenRoundRow(r.Id, r.Title, r.Programme!.Funder!.Name, r.Programme.Name, r.ClosesAt, r.MinimumGrant, r.MaximumGrant, r.MaximumDurationMonths))
            .ToListAsync();
        return View(rounds);
    }
}
