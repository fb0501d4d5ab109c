using GrantsHub.Domain.Equality;
using GrantsHub.Domain.OpenData;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.OpenData;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Equality;

public sealed record TransparencyPage(int FunderId, string FunderName, EqualityReport Report, OpenDataSnapshot? Published);

/// <summary>A funder's public account of who applied and who was funded, with links to its open data.</summary>
public sealed class TransparencyController(GrantsHubDbContext db, EqualityFactsQuery facts, OpenDataPublisher publisher, TimeProvider clock) : Controller
{
    public static readonly string[] HeadlineDimensions = ["organisation-type", "deprivation"];

    [AllowAnonymous]
    [HttpGet("funders/{funderId:int}/transparency")]
    public async Task<IActionResult> Index(int funderId)
    {
        var name = await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        var applications = await facts.LoadAsync(db.Rounds.Where(r => r.Programme!.FunderId == funderId).Select(r => r.Id));
        var report = EqualityReport.Build(applications, [], [], [], UkTime.Today(clock.GetUtcNow()));
        return View("Transparency", new TransparencyPage(funderId, name, report, await publisher.PublishedAsync(funderId)));
    }
}
