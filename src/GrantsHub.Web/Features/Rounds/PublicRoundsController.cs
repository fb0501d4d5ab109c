using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
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
    public async Task<IActionResult> Index(int page = 1)
    {
        var now = clock.GetUtcNow();
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Stage == RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now)
            .OrderBy(r => r.ClosesAt).ThenBy(r => r.Id)
            .Select(r => new OpenRoundRow(r.Id, r.Title, r.Programme!.Funder!.Name, r.Programme.Name, r.ClosesAt, r.MinimumGrant, r.MaximumGrant, r.MaximumDurationMonths))
            .ToPageAsync(page);
        return View(rounds);
    }

    /// <summary>A published round's page: what it funds, its rules and dates. Draft rounds do not exist to the public.</summary>
    [AllowAnonymous]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromServices] RoundPageQuery query) =>
        await query.FindAsync(id) is { } round ? View(round) : NotFound();
}
