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
    // Compiled once: the dashboard is every applicant's home page, so its queries skip EF's per-call translation lookup.
    private static readonly Func<GrantsHubDbContext, string, IAsyncEnumerable<Membership>> Memberships =
        EF.CompileAsyncQuery((GrantsHubDbContext context, string userId) => context.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new Membership(m.OrganisationId, m.Organisation!.Name, m.Organisation.LegalForm, m.Role)));

    private static readonly Func<GrantsHubDbContext, string, IAsyncEnumerable<MemberApplication>> ApplicationsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, string userId) => context.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(context.Applications, m => m.OrganisationId, a => a.OrganisationId, (m, a) => a) // from the person's memberships, not every application
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new MemberApplication(
                a.OrganisationId,
                new ApplicationRow(a.Id, a.Reference, a.ProjectTitle, a.Round!.Title,
                    // A decision shows once it has been sent to the applicant; until then it is still under assessment.
                    (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Declined) && !context.Decisions.Any(d => d.ApplicationId == a.Id && d.NotifiedAt != null)
                        ? ApplicationStatus.UnderAssessment : a.Status,
                    a.AmountRequested, a.Round.ClosesAt)
                {
                    Feedback = context.Decisions.Where(d => d.ApplicationId == a.Id && d.NotifiedAt != null).Select(d => d.Feedback).FirstOrDefault(),
                    Offered = context.Decisions.Where(d => d.ApplicationId == a.Id && d.NotifiedAt != null).Select(d => d.Amount).FirstOrDefault(),
                })));

    private static readonly Func<GrantsHubDbContext, DateTimeOffset, Task<int>> OpenRounds =
        EF.CompileAsyncQuery((GrantsHubDbContext context, DateTimeOffset now) => context.Rounds.AsNoTracking()
            .Count(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var memberships = await Memberships(db, userId).ToListAsync();
        var applications = await ApplicationsOf(db, userId).ToListAsync();
        var openRounds = await OpenRounds(db, now);
        var cards = memberships
            .Select(m => new OrganisationCard(m.OrganisationId, m.Name, m.LegalForm, m.Role,
                applications.Where(a => a.OrganisationId == m.OrganisationId).Select(a => a.Row).ToList()))
            .ToList();
        return View(new OrganisationDashboardViewModel(cards, openRounds) { Awards = await awards.OfMemberAsync(userId) });
    }

    private sealed record Membership(int OrganisationId, string Name, LegalForm LegalForm, MemberRole Role);

    private sealed record MemberApplication(int OrganisationId, ApplicationRow Row);
}
