using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Rounds;

public sealed class ApplicationFilter
{
    public ApplicationStatus? Status { get; set; }
    public OrganisationTypes? Type { get; set; }
    public int? RingFence { get; set; }
    public string? Area { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record ApplicationListRow(
    int Id, string? Reference, string Organisation, LegalForm LegalForm, bool UserLed, bool CommunityLed,
    string? AreaCode, string? AreaName, int? Decile, string ProjectTitle, decimal AmountRequested, int DurationMonths,
    ApplicationStatus Status, DateTimeOffset? SubmittedAt);

public sealed record ApplicationListPage(
    int RoundId, string RoundTitle, ApplicationFilter Filter, Page<ApplicationListRow> Rows,
    IReadOnlyList<(int Id, string Name)> RingFences, IReadOnlyList<(string Code, string Name)> Areas)
{
    /// <summary>For the unfiltered list, what its drawn HTML is kept as (one entry for each round and page); empty for a filtered one.</summary>
    public string HtmlScope { get; init; } = "";

    /// <summary>The data's version the rows were read at: HTML kept for another is drawn afresh.</summary>
    public string HtmlVersion { get; init; } = "";
}

/// <summary>The funder's list of a round's applications: filtered, paginated, exportable as CSV.</summary>
[Route("funder/rounds/{id:int}/applications")]
public sealed class RoundApplicationsController(GrantsHubDbContext db, AreaChoices areaChoices, IMemoryCache cache) : Controller
{
    public const int PageSize = 25;

    /// <summary>
    /// The round (only the funder's own) and the data's version in one query, compiled once (see
    /// <see cref="CompiledOver"/>).
    /// </summary>
    private static readonly Func<GrantsHubDbContext, int, int, Task<RoundHead?>> RoundOf = CompiledOver.OneOrNone(FunderRoundAccess.OfFunder,
        (IQueryable<Round> rounds, GrantsHubDbContext context, int roundId) => rounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new RoundHead(r.Title, context.DataChanges.Max(c => (long?)c.Id) ?? 0)) // the data's version, in the same round trip
            .SingleOrDefault());

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<RingFence>> PotsOf = EF.CompileAsyncQuery(
        IQueryable<RingFence> (GrantsHubDbContext context, int roundId) => context.RingFences.AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Id));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> List(int id, ApplicationFilter filter)
    {
        var round = await RoundOf(db, User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        // The round's pots, for the filter: kept with the list until anything changes.
        var pots = await cache.GetOrWorkOutAsync((nameof(RoundApplicationsController), id, nameof(PotsOf)), round.LastChange, () => PotsOf(db, id).ToListAsync().AsTask());
        var unfiltered = filter is { Status: null, Type: null, RingFence: null, Area: null or "" };
        Page<ApplicationListRow> rows;
        if (unfiltered)
        {
            rows = await KeptPageAsync(id, filter.Page, round.LastChange, () => Filtered(id, filter, pots));
        }
        else
        {
            var query = Filtered(id, filter, pots);
            rows = await Project(query).ToPageAsync(query, filter.Page, PageSize);
        }

        filter.Page = rows.Number;
        var areas = await areaChoices.AllAsync(db);
        return View("Applications", new ApplicationListPage(id, round.Title, filter, rows,
            pots.Select(p => (p.Id, p.Name)).ToList(), areas)
        {
            HtmlScope = unfiltered ? FormattableString.Invariant($"round applications {id} {rows.Number}") : "",
            HtmlVersion = round.LastChange.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// A page of the unfiltered list, the one every member of the funder's staff opens first, kept on this instance until
    /// anything is saved: the round's count and each page's rows are read once per change, not on every view. Filtered
    /// lists, of which there are too many to keep, are read on every view.
    /// </summary>
    private async Task<Page<ApplicationListRow>> KeptPageAsync(int roundId, int page, long lastChange, Func<IQueryable<GrantApplication>> query)
    {
        // The query is built only when something is read: building it costs EF Core's work even when it is not sent.
        var total = await cache.GetOrWorkOutAsync((nameof(RoundApplicationsController), roundId), lastChange, () => query().CountAsync());
        return await Paging.PageAsync(total, page, PageSize, async (skip, take) =>
            await cache.GetOrWorkOutAsync((nameof(RoundApplicationsController), roundId, skip), lastChange, () => Project(query()).Skip(skip).Take(take).ToListAsync()));
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(int id, ApplicationFilter filter)
    {
        var round = await db.RoundsOf(User.RequireFunderId()).AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Title }).SingleOrDefaultAsync();
        if (round is null)
        {
            return NotFound();
        }

        var pots = await db.RingFences.AsNoTracking().Where(r => r.RoundId == id).OrderBy(r => r.Id).ToListAsync();
        var rows = await Project(Filtered(id, filter, pots)).ToListAsync();
        string[] headers =
        [
            "Reference", "Organisation", "LegalForm", "UserLed", "CommunityLed", "LocalAuthorityCode", "LocalAuthority", "DeprivationDecile",
            "ProjectTitle", "AmountRequested", "DurationMonths", "Status", "SubmittedAtUkTime",
        ];
        var cells = rows.Select(r => new[]
        {
            r.Reference, r.Organisation, Display.Humanise(r.LegalForm.ToString()), r.UserLed ? "yes" : "no", r.CommunityLed ? "yes" : "no",
            r.AreaCode, r.AreaName, r.Decile?.ToString(CultureInfo.InvariantCulture), r.ProjectTitle,
            r.AmountRequested.ToString("0.00", CultureInfo.InvariantCulture), r.DurationMonths.ToString(CultureInfo.InvariantCulture), r.Status.ToString(),
            r.SubmittedAt is { } at ? UkTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null,
        });
        var name = $"applications-round-{id.ToString(CultureInfo.InvariantCulture)}.csv";
        return File(CsvExport.Build(headers, cells), "text/csv", name);
    }

    private IQueryable<GrantApplication> Filtered(int roundId, ApplicationFilter filter, IReadOnlyList<RingFence> pots)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.RoundId == roundId);
        query = filter.Status is { } status ? query.Where(a => a.Status == status) : query.Where(a => a.Status != ApplicationStatus.Draft);
        query = filter.Type switch
        {
            null or OrganisationTypes.None => query,
            OrganisationTypes.UserLed => query.Where(a => a.Organisation!.IsUserLed),
            OrganisationTypes.CommunityLed => query.Where(a => a.Organisation!.IsCommunityLed),
            var type => query.Where(a => a.Organisation!.LegalForm == LegalFormOf(type.Value)),
        };
        if (!string.IsNullOrEmpty(filter.Area))
        {
            query = query.Where(a => a.Organisation!.LocalAuthorityCode == filter.Area);
        }

        if (filter.RingFence is { } potId && pots.SingleOrDefault(p => p.Id == potId) is { } pot)
        {
            query = pot.Qualifier switch
            {
                RingFenceQualifier.UserLed => query.Where(a => a.Organisation!.IsUserLed),
                RingFenceQualifier.LedByLivedExperience => query.Where(a => a.Organisation!.LedByLivedExperience),
                RingFenceQualifier.LedByRacialisedCommunities => query.Where(a => a.Organisation!.LedByRacialisedCommunities),
                _ => QualifyingByDeiCode(query, pot.DeiCode ?? "-"),
            };
        }

        return query;
    }

    private static IQueryable<GrantApplication> QualifyingByDeiCode(IQueryable<GrantApplication> query, string code)
    {
        var pattern = Domain.Equality.DeiTaxonomy.CoveredPrefix(code) + "%"; // codes are letters and digits only, so no LIKE escaping is needed
        return query.Where(a => a.Organisation!.DeiCodes.Any(c => EF.Functions.Like(c.Code, pattern)));
    }

    private static LegalForm LegalFormOf(OrganisationTypes type) => type switch
    {
        OrganisationTypes.RegisteredCharity => LegalForm.RegisteredCharity,
        OrganisationTypes.CharitableIncorporatedOrganisation => LegalForm.CharitableIncorporatedOrganisation,
        OrganisationTypes.CommunityInterestCompany => LegalForm.CommunityInterestCompany,
        OrganisationTypes.CompanyLimitedByGuarantee => LegalForm.CompanyLimitedByGuarantee,
        _ => LegalForm.UnincorporatedGroup,
    };

    // The area is joined once (its code is its key), rather than looked up by two subqueries per row.
    private IQueryable<ApplicationListRow> Project(IQueryable<GrantApplication> query) =>
        from a in query
        join area in db.Areas on a.Organisation!.LocalAuthorityCode equals area.Code into areas
        from area in areas.DefaultIfEmpty()
        orderby a.SubmittedAt descending, a.Id
        select new ApplicationListRow(
            a.Id, a.Reference, a.Organisation!.Name, a.Organisation.LegalForm, a.Organisation.IsUserLed, a.Organisation.IsCommunityLed,
            a.Organisation.LocalAuthorityCode, area == null ? null : area.Name, area == null ? null : (int?)area.DeprivationDecile,
            a.ProjectTitle, a.AmountRequested, a.DurationMonths, a.Status, a.SubmittedAt);

    private sealed record RoundHead(string Title, long LastChange);
}
