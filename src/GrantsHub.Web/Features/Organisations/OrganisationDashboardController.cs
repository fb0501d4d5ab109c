using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Organisations;

public sealed record OrganisationDashboardViewModel(IReadOnlyList<OrganisationCard> Organisations, int OpenRounds)
{
    /// <summary>Offers and awards of the user's organisations.</summary>
    public IReadOnlyList<Awards.AwardRow> Awards { get; init; } = [];
}

public sealed record OrganisationCard(int Id, string Name, LegalForm LegalForm, MemberRole Role, IReadOnlyList<ApplicationRow> Applications)
{
    /// <summary>The data's version the card was read at, under which its HTML is kept for each role.</summary>
    public string KeptVersion { get; init; } = "";
}

public sealed record ApplicationRow(int Id, string? Reference, string ProjectTitle, string RoundTitle, ApplicationStatus Status, decimal AmountRequested, DateTimeOffset ClosesAt)
{
    /// <summary>The funder's feedback and offer, once the decision has been sent.</summary>
    public string? Feedback { get; init; }

    public decimal? Offered { get; init; }
}

[Route("organisation")]
public sealed class OrganisationDashboardController(GrantsHubDbContext db, TimeProvider clock, Awards.AwardPages awards, IMemoryCache cache) : Controller
{
    // Compiled once: the dashboard is every applicant's home page, so its queries skip EF's per-call translation lookup.
    // The person's organisations, by name, each with their role and the data's version, in one statement.
    private static readonly Func<GrantsHubDbContext, string, IAsyncEnumerable<Membership>> MembershipsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, string userId) => context.OrganisationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name).ThenBy(m => m.OrganisationId)
            .Select(m => new Membership(m.OrganisationId, m.Role, context.DataChanges.Max(c => (long?)c.Id) ?? 0)));

    // One organisation with its applications (latest first), for its card.
    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<OrganisationRow>> RowsOf =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int organisationId) =>
            from o in context.Organisations.AsNoTracking()
            where o.Id == organisationId
            join a in context.Applications on o.Id equals a.OrganisationId into applications
            from a in applications.DefaultIfEmpty()
            // An application has at most one decision, so its sent decision is joined once, by the decision's unique key on
            // the application, rather than looked up by three subqueries per application (its status, feedback and offer).
            join d in context.Decisions.Where(d => d.NotifiedAt != null) on a!.Id equals d.ApplicationId into sent
            from d in sent.DefaultIfEmpty()
            orderby a!.UpdatedAt descending, a.Id descending
            select new OrganisationRow(
                o.Name, o.LegalForm,
                a == null ? null : new ApplicationRow(a.Id, a.Reference, a.ProjectTitle, a.Round!.Title,
                    // A decision shows once it has been sent to the applicant; until then it is still under assessment.
                    (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Declined) && d == null
                        ? ApplicationStatus.UnderAssessment : a.Status,
                    a.AmountRequested, a.Round.ClosesAt)
                {
                    Feedback = d == null ? null : d.Feedback,
                    Offered = d == null ? null : d.Amount,
                }));

    private static readonly Func<GrantsHubDbContext, DateTimeOffset, Task<int>> OpenRounds =
        EF.CompileAsyncQuery((GrantsHubDbContext context, DateTimeOffset now) => context.Rounds.AsNoTracking()
            .Count(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= now && r.ClosesAt >= now));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> Dashboard()
    {
        var memberships = await MembershipsOf(db, User.GetUserId()).ToListAsync();
        var now = clock.GetUtcNow();
        if (memberships.Count == 0)
        {
            return View(new OrganisationDashboardViewModel([], await OpenRounds(db, now)));
        }

        // What each organisation shows is the same for all its members: read once per change on this instance and kept
        // for them all, as is the number of open rounds, once per change and minute (rounds open and close on the minute).
        var version = memberships[0].LastChange;
        var openRounds = await cache.GetOrWorkOutAsync((nameof(OrganisationDashboardController), nameof(OpenRounds)), (version, KeptUntilChange.MinuteOf(now)), () => OpenRounds(db, now));
        var cards = new List<OrganisationCard>(memberships.Count);
        var offered = new List<Awards.AwardRow>();
        foreach (var membership in memberships)
        {
            var organisation = await cache.GetOrWorkOutAsync((nameof(OrganisationDashboardController), membership.OrganisationId), version,
                () => OrganisationAsync(membership.OrganisationId));
            cards.Add(new OrganisationCard(membership.OrganisationId, organisation.Name, organisation.LegalForm, membership.Role, organisation.Applications)
            {
                KeptVersion = version.ToString(CultureInfo.InvariantCulture),
            });
            offered.AddRange(organisation.Awards);
        }

        var awardRows = memberships.Count == 1 ? offered
            : [.. offered.OrderByDescending(a => a.Status == Domain.Awards.AwardStatus.Offered).ThenByDescending(a => a.StartDate).ThenBy(a => a.Id)];
        return View(new OrganisationDashboardViewModel(cards, openRounds) { Awards = awardRows });
    }

    private async Task<KeptOrganisation> OrganisationAsync(int organisationId)
    {
        var rows = await RowsOf(db, organisationId).ToListAsync();
        var (name, legalForm) = rows.Count > 0 ? (rows[0].Name, rows[0].LegalForm) : ("", LegalForm.UnincorporatedGroup);
        return new KeptOrganisation(name, legalForm, [.. rows.Where(r => r.Application is not null).Select(r => r.Application!)],
            await awards.OfOrganisationAsync(organisationId));
    }

    private sealed record Membership(int OrganisationId, MemberRole Role, long LastChange);

    /// <summary>One organisation with one of its applications (none if it has not applied yet).</summary>
    private sealed record OrganisationRow(string Name, LegalForm LegalForm, ApplicationRow? Application);

    private sealed record KeptOrganisation(string Name, LegalForm LegalForm, List<ApplicationRow> Applications, List<Awards.AwardRow> Awards);
}
