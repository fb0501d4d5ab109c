using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

public sealed record OrganisationDashboardViewModel(IReadOnlyList<OrganisationCard> Organisations, int OpenRounds);

public sealed record OrganisationCard(int Id, string Name, LegalForm LegalForm, MemberRole Role, IReadOnlyList<ApplicationRow> Applications);

public sealed record ApplicationRow(int Id, string? Reference, string ProjectTitle, string RoundTitle, ApplicationStatus Status, decimal AmountRequested, DateTimeOffset ClosesAt);

[Route("organisation")]
public sealed class OrganisationDashboardController(GrantsHubDbContext db, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var memberships = await db.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Organisation.LegalForm, m.Role })
            .ToListAsync();
        var organisationIds = memberships.Select(m => m.OrganisationId).ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => organisationIds.Contains(a.OrganisationId))
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new { a.OrganisationId, Row = new ApplicationRow(a.Id, a.Reference, a.ProjectTitle, a.Round!.Title, a.Status, a.AmountRequested, a.Round.ClosesAt) })
            .ToListAsync();
        var openRounds = await db.Rounds.AsNoTracking()
            .CountAsync(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now);
        var cards = memberships
            .Select(m => new OrganisationCard(m.OrganisationId, m.Name, m.LegalForm, m.Role,
                applications.Where(a => a.OrganisationId == m.OrganisationId).Select(a => a.Row).ToList()))
            .ToList();
        return View(new OrganisationDashboardViewModel(cards, openRounds));
    }
}
