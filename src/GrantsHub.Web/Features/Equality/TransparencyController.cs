using GrantsHub.Domain.Equality;
using GrantsHub.Domain.OpenData;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.OpenData;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Equality;

public sealed record TransparencyPage(int FunderId, string FunderName, EqualityReport Report, OpenDataSnapshot? Published);

/// <summary>
/// A funder's public account of who applied and who was funded, with links to its open data. Its figures read every
/// application the funder has had (about 9 ms of SQL and 30 ms a view for a regional funder's 1,600), so they are kept
/// until anything changes, as the equality dashboard's are: the data's version is read with the funder's name.
/// </summary>
public sealed class TransparencyController(GrantsHubDbContext db, EqualityFactsQuery facts, OpenDataPublisher publisher, IMemoryCache cache, TimeProvider clock) : Controller
{
    public static readonly string[] HeadlineDimensions = ["organisation-type", "deprivation"];

    [AllowAnonymous]
    [HttpGet("funders/{funderId:int}/transparency")]
    public async Task<IActionResult> Index(int funderId)
    {
        var funder = await EqualityDashboardQuery.HeadingOf(db, funderId);
        if (funder is null)
        {
            return NotFound();
        }

        var today = UkTime.Today(clock.GetUtcNow());
        var report = await cache.GetOrWorkOutAsync((nameof(TransparencyController), funderId), (funder.LastChange, today), async () =>
            EqualityReport.Build(await facts.LoadAsync(db.Rounds.Where(r => r.Programme!.FunderId == funderId).Select(r => r.Id)), [], [], [], today));
        return View("Transparency", new TransparencyPage(funderId, funder.Name, report, await publisher.PublishedAsync(funderId)));
    }
}
