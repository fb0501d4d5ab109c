using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Organisations;

public sealed record OrganisationDashboardViewModel(IReadOnlyList<OrganisationCard> Organisations, int OpenRounds)
{
    /// <summary>Offers and awards of the user's organisations.</summary>
    public IReadOnlyList<Awards.AwardRow> Awards { get; init; } = [];
}

public sealed record OrganisationCard(int Id, string Name, LegalForm LegalForm, MemberRole Role, IReadOnlyList<ApplicationRow> Applications);

public sealed record ApplicationRow(int Id, string? Reference, string ProjectTitle, string RoundTitle, ApplicationStatus Status, decimal AmountRequested, DateTimeOffset ClosesAt)
{
    /// <summary>The funder's feedback and offer, once the decision has been sent.</summary>
    public string? Feedback { get; init; }

    public decimal? Offered { get; init; }
}

[Route("organisation")]
public sealed class OrganisationDashboardController(GrantsHubDbContext db, TimeProvider clock, Awards.AwardPages awards) : Controller
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
            .Select(a => new
            {
                a.OrganisationId,
                Row = new ApplicationRow(a.Id, a.Reference, a.ProjectTitle, a.Round!.Title,
                    // A decision shows once it has been sent to the applicant; until then it is still under assessment.
                    (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Declined) && !db.Decisions.Any(d => d.ApplicationId == a.Id && d.NotifiedAt != null)
                        ? ApplicationStatus.UnderAssessment : a.Status,
                    a.AmountRequested, a.Round.ClosesAt)
                {
                    Feedback = db.Decisions.Where(d => d.ApplicationId == a.Id && d.NotifiedAt != null).Select(d => d.Feedback).FirstOrDefault(),
                    Offered = db.Decisions.Where(d => d.ApplicationId == a.Id && d.NotifiedAt != null).Select(d => d.Amount).FirstOrDefault(),
                },
            })
            .ToListAsync();
        var openRounds = await db.Rounds.AsNoTracking()
            .CountAsync(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now);
        var cards = memberships
            .Select(m => new OrganisationCard(m.OrganisationId, m.Name, m.LegalForm, m.Role,
                applications.Where(a => a.OrganisationId == m.OrganisationId).Select(a => a.Row).ToList()))
            .ToList();
        return View(new OrganisationDashboardViewModel(cards, openRounds) { Awards = await awards.OfMemberAsync(userId) });
    }
}
