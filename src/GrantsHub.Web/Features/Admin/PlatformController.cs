using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Admin;

public sealed record FunderRow(int Id, string Name, string Kind, int Staff);

/// <summary>The platform administrator manages funders; they never read applications.</summary>
[Route("platform")]
public sealed class PlatformController(GrantsHubDbContext db) : Controller
{
    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new FunderRow(f.Id, f.Name, f.Kind.ToString(), db.Users.Count(u => u.FunderId == f.Id)))
            .ToListAsync();
        return View(funders);
    }
}
