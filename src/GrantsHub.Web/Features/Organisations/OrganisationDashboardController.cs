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
    // The person's organisations, each with its applications (latest first), and how many rounds are open, in one
    // statement: each statement more cost a view drawn afresh a round trip (on PostgreSQL, CPU in the database and in
    // the app). The open rounds' count is the same on every row; the database works it out once.
    private static readonly Func<GrantsHubDbContext, string, DateTimeOffset, IAsyncEnumerable<MemberRow>> RowsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, string userId, DateTimeOffset now) =>
            from m in context.OrganisationMembers.AsNoTracking()
            where m.UserId == userId
            join a in context.Applications on m.OrganisationId equals a.OrganisationId into applications
            from a in applications.DefaultIfEmpty()
            // An application has at most one decision, so its sent decision is joined once, by the decision's unique key on
            // the application, rather than looked up by three subqueries per application (its status, feedback and offer).
            join d in context.Decisions.Where(d => d.NotifiedAt != null) on a!.Id equals d.ApplicationId into sent
            from d in sent.DefaultIfEmpty()
            orderby m.Organisation!.Name, m.OrganisationId, a!.UpdatedAt descending, a.Id descending
            select new MemberRow(
                m.OrganisationId, m.Organisation!.Name, m.Organisation!.LegalForm, m.Role,
                context.Rounds.Count(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now),
                a == null ? null : new ApplicationRow(a.Id, a.Reference, a.ProjectTitle, a.Round!.Title,
                    // A decision shows once it has been sent to the applicant; until then it is still under assessment.
                    (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Declined) && d == null
                        ? ApplicationStatus.UnderAssessment : a.Status,
                    a.AmountRequested, a.Round.ClosesAt)
                {
                    Feedback = d == null ? null : d.Feedback,
                    Offered = d == null ? null : d.Amount,
                }));

    /// <summary>How many rounds are open, for a person who belongs to no organisation yet (otherwise it comes with <see cref="RowsOf"/>).</summary>
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
        var rows = await RowsOf(db, userId, now).ToListAsync();
        var openRounds = rows.Count > 0 ? rows[0].OpenRounds : await OpenRounds(db, now);
        var cards = rows
            .GroupBy(r => (r.OrganisationId, r.Name, r.LegalForm, r.Role)) // in the statement's order: by name, each one's applications latest first
            .Select(g => new OrganisationCard(g.Key.OrganisationId, g.Key.Name, g.Key.LegalForm, g.Key.Role,
                g.Where(r => r.Application is not null).Select(r => r.Application!).ToList()))
            .ToList();
        return View(new OrganisationDashboardViewModel(cards, openRounds) { Awards = await awards.OfMemberAsync(userId) });
    }

    /// <summary>One of the person's organisations with one of its applications (none if it has not applied yet).</summary>
    private sealed record MemberRow(int OrganisationId, string Name, LegalForm LegalForm, MemberRole Role, int OpenRounds, ApplicationRow? Application);
}
