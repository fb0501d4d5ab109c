using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.PersonalData;

public sealed record PersonRow(string Id, string Name, string Email, IReadOnlyList<string> Organisations, bool Erased);

public sealed record PeoplePage(string? Search, Page<PersonRow>? Results);

public sealed record ErasePage(PersonRow Person);

/// <summary>The platform administrator finds a person and erases their personal data on request.</summary>
[Route("platform/people")]
public sealed class PeopleController(GrantsHubDbContext db, PersonErasure erasure) : Controller
{
    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return View("People", new PeoplePage(null, null));
        }

        var term = search.Trim();
        var upper = term.ToUpperInvariant();
        var results = await Rows(db.Users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(term)))
            .ToPageAsync(page);
        return View("People", new PeoplePage(term, results));
    }

    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpGet("{userId}/erase")]
    public async Task<IActionResult> Erase(string userId) =>
        await FindAsync(userId) is { Erased: false } person ? View("Erase", new ErasePage(person)) : NotFound();

    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpPost("{userId}/erase")]
    public async Task<IActionResult> EraseConfirmed(string userId)
    {
        if (userId == User.GetUserId() || await erasure.EraseAsync(userId) is null)
        {
            return NotFound();
        }

        TempData["Flash"] = "The person's personal data has been erased. Their grant records are kept without it.";
        return Redirect("/platform/people");
    }

    private async Task<PersonRow?> FindAsync(string userId) =>
        userId == User.GetUserId() ? null : await Rows(db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync();

    private IQueryable<PersonRow> Rows(IQueryable<GrantsHub.Infrastructure.Identity.ApplicationUser> users) =>
        users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new PersonRow(u.Id, u.DisplayName, u.Email!,
                db.OrganisationMembers.Where(m => m.UserId == u.Id).Select(m => m.Organisation!.Name).ToList(),
                u.Email!.EndsWith("@erased.invalid")));
}
