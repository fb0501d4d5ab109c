using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Partnerships;

public enum AreaGap
{
    None,

    /// <summary>The funder funds organisations here, but none of them leads a current partnership.</summary>
    FundedWithoutPartnerships,

    /// <summary>No organisation on GrantsHub is based here.</summary>
    NoOrganisations,
}

public sealed record MapPartner(string Name, string Kind, bool OnGrantsHub, string? AreaName, string Role);

public sealed record MapAgreement(int Id, string Title, string LeadName, AgreementStatus Status, IReadOnlyList<MapPartner> Partners)
{
    /// <summary>Signed, active or under review: a partnership that is in force or about to be.</summary>
    public bool Current => Status is AgreementStatus.Signed or AgreementStatus.Active or AgreementStatus.UnderReview;
}

/// <summary>
/// An area on the map. <see cref="Agreements"/> holds at most <see cref="PartnershipMap.AgreementsPerArea"/> of the
/// <see cref="AgreementCount"/> agreements led from it (current ones first); the area's own page lists them all.
/// </summary>
public sealed record MapArea(string Code, string Name, string Region, int Decile, int Organisations, int Funded, IReadOnlyList<MapAgreement> Agreements, AreaGap Gap,
    int AgreementCount)
{
    public AreaDiagram Diagram => AreaDiagram.Of(Code, Agreements);
}

public sealed record PartnershipMapPage(Page<MapArea> Areas, bool GapsOnly, int AreasWithNoOrganisations, int FundedAreasWithoutPartnerships, int CurrentAgreements)
{
    /// <summary>Whose map this is, and which page of it: its drawn HTML is kept for it (see <see cref="KeptHtmlTagHelper"/>).</summary>
    public string HtmlScope { get; init; } = "";

    /// <summary>What the page was drawn from besides its scope (the data's version and the UK date): HTML kept for another is drawn afresh.</summary>
    public string HtmlVersion { get; init; } = "";
}

/// <summary>The table of an area's partnerships, on the map and on the area's own page.</summary>
public sealed record PartnershipsTable(string AreaName, string Caption, IReadOnlyList<MapAgreement> Agreements);

/// <summary>One area's page: every agreement led from it by organisations the funder funds, a page at a time.</summary>
public sealed record AreaPartnershipsPage(string Code, string Name, string Region, int Decile, Page<MapAgreement> Agreements)
{
    public AreaDiagram Diagram => AreaDiagram.Of(Code, Agreements.Items);
}

/// <summary>
/// A funder's view of partnerships by local authority area: the areas of the lead organisations it
/// funds, who they partner with, and the gaps — areas where it funds organisations that have no
/// current partnership, and areas with no organisation on GrantsHub at all.
/// </summary>
/// <remarks>
/// A page is kept (on each app instance) until anything is saved anywhere (the data's version is in the key): one query
/// serves a page whose data has not changed, five build it when it has. Its drawn HTML is kept with the same version, so
/// the map is drawn once per change for all of a funder's staff, not on every view.
/// </remarks>
public sealed class PartnershipMap(GrantsHubDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public const int AreasPerPage = 8;

    /// <summary>
    /// The most agreements an area shows on the map. Without a limit the page grew with the data: at three times the
    /// benchmark's instance its first page held 72 agreements (198 KB).
    /// </summary>
    public const int AgreementsPerArea = 5;

    public const int AgreementsPerAreaPage = 10;

    public async Task<PartnershipMapPage> BuildAsync(int funderId, int page, bool gapsOnly)
    {
        var now = clock.GetUtcNow();
        var lastChange = await db.DataVersionAsync();
        return await cache.GetOrWorkOutAsync((nameof(PartnershipMap), funderId, page, gapsOnly), (lastChange, UkTime.Today(now)), () => WorkOutAsync(funderId, page, gapsOnly, now, lastChange));
    }

    private async Task<PartnershipMapPage> WorkOutAsync(int funderId, int page, bool gapsOnly, DateTimeOffset now, long lastChange)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Region).ThenBy(a => a.Name)
            .Select(a => new { a.Code, a.Name, a.Region, a.DeprivationDecile }).ToListAsync();
        var areaNames = areas.ToDictionary(a => a.Code, a => a.Name);
        var counts = await db.Organisations.AsNoTracking().Where(o => o.LocalAuthorityCode != null)
            .GroupBy(o => o.LocalAuthorityCode!)
            .Select(g => new { Code = g.Key, Count = g.Count(), Funded = g.Count(o => db.FundedBy(funderId).Contains(o.Id)) })
            .ToDictionaryAsync(g => g.Code);
        var organisations = counts.ToDictionary(c => c.Key, c => c.Value.Count);
        var funded = counts.Where(c => c.Value.Funded > 0).ToDictionary(c => c.Key, c => c.Value.Funded);
        // Which areas have the funder's agreements, and how many are current, without loading them.
        var today = UkTime.Today(now);
        var summary = await db.VisibleToFunder(funderId).AsNoTracking()
            .Where(a => a.LeadOrganisation!.LocalAuthorityCode != null)
            .GroupBy(a => a.LeadOrganisation!.LocalAuthorityCode!)
            .Select(g => new { Code = g.Key, Current = g.Count(a => a.Stage != AgreementStage.Draft && a.Stage != AgreementStage.Terminated && a.EndsOn >= today) })
            .ToDictionaryAsync(g => g.Code, g => g.Current);

        var all = areas.Select(a =>
        {
            var count = organisations.GetValueOrDefault(a.Code);
            var fundedHere = funded.GetValueOrDefault(a.Code);
            var gap = count == 0 ? AreaGap.NoOrganisations
                : fundedHere > 0 && summary.GetValueOrDefault(a.Code) == 0 ? AreaGap.FundedWithoutPartnerships
                : AreaGap.None;
            return (Area: a, Organisations: count, Funded: fundedHere, Gap: gap);
        }).ToList();

        var shown = gapsOnly ? all.Where(a => a.Gap != AreaGap.None).ToList() : all;
        var last = Math.Max(1, (shown.Count + AreasPerPage - 1) / AreasPerPage);
        var number = Math.Clamp(page, 1, last);
        var onPage = shown.Skip((number - 1) * AreasPerPage).Take(AreasPerPage).ToList();

        // The agreements themselves, with their partners, only for the areas on this page.
        var codes = onPage.Where(a => summary.ContainsKey(a.Area.Code)).Select(a => a.Area.Code).ToList();
        var agreements = codes.Count == 0 ? [] : await Agreements(db.VisibleToFunder(funderId).Where(a => codes.Contains(a.LeadOrganisation!.LocalAuthorityCode!)))
            .ToListAsync();
        var byArea = agreements.Select(a => (a.Area, Agreement: ToMap(a, now))).ToLookup(a => a.Area!, a => a.Agreement);
        var items = onPage.Select(a => new MapArea(a.Area.Code, a.Area.Name, a.Area.Region, a.Area.DeprivationDecile, a.Organisations, a.Funded,
            byArea[a.Area.Code].OrderByDescending(g => g.Current).Take(AgreementsPerArea).ToList(), a.Gap, byArea[a.Area.Code].Count())).ToList();
        return new PartnershipMapPage(new Page<MapArea>(items, number, AreasPerPage, shown.Count), gapsOnly,
            all.Count(a => a.Gap == AreaGap.NoOrganisations), all.Count(a => a.Gap == AreaGap.FundedWithoutPartnerships),
            summary.Where(s => areaNames.ContainsKey(s.Key)).Sum(s => s.Value))
        {
            // Kept with the page, under the same key: its drawn HTML is kept for the page shown and the same version.
            HtmlScope = FormattableString.Invariant($"partnership map {funderId} {number} {gapsOnly}"),
            HtmlVersion = FormattableString.Invariant($"{lastChange} {today:yyyy-MM-dd}"),
        };
    }

    /// <summary>Every agreement led from one area by organisations the funder funds, a page at a time; null for an unknown area.</summary>
    public async Task<AreaPartnershipsPage?> AreaAsync(int funderId, string code, int page)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Code == code).Select(a => new { a.Code, a.Name, a.Region, a.DeprivationDecile }).SingleOrDefaultAsync();
        if (area is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var rows = await Agreements(db.PartnershipAgreements.Where(a => a.LeadOrganisation!.LocalAuthorityCode == code).VisibleToFunder(db, funderId))
            .ToPageAsync(page, AgreementsPerAreaPage);
        return new AreaPartnershipsPage(area.Code, area.Name, area.Region, area.DeprivationDecile,
            new Page<MapAgreement>(rows.Items.Select(a => ToMap(a, now)).ToList(), rows.Number, rows.Size, rows.Total));
    }

    /// <summary>The agreements as the map shows them: by lead organisation and title, each with its partners.</summary>
    private IQueryable<AgreementRow> Agreements(IQueryable<PartnershipAgreement> agreements) =>
        agreements.AsNoTracking()
            .OrderBy(a => a.LeadOrganisation!.Name).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new AgreementRow(
                a.Id, a.Title, a.LeadOrganisation!.Name, a.LeadOrganisation.LocalAuthorityCode, a.Stage, a.EndsOn,
                // Scalar subqueries rather than a join inside the collection, so SQLite reads only these agreements' parties.
                a.Parties.OrderBy(p => p.Id).Select(p => new PartyRow(
                    db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                    db.Organisations.Where(o => o.Id == p.OrganisationId)
                        .Select(o => db.Areas.Where(x => x.Code == o.LocalAuthorityCode).Select(x => x.Name).FirstOrDefault()).FirstOrDefault(),
                    p.ExternalKind, p.ExternalName, p.Role)).ToList()));

    private static MapAgreement ToMap(AgreementRow a, DateTimeOffset now) => new(a.Id, a.Title, a.Lead, AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, now),
        a.Parties.Select(p => new MapPartner(p.Organisation ?? p.ExternalName!, p.ExternalKind is { } kind ? PartnershipLabels.Of(kind) : "Organisation on GrantsHub",
            p.Organisation is not null, p.OrganisationAreaName, p.Role)).ToList());

    private sealed record AgreementRow(int Id, string Title, string Lead, string? Area, AgreementStage Stage, DateOnly EndsOn, List<PartyRow> Parties);

    private sealed record PartyRow(string? Organisation, string? OrganisationAreaName, ExternalBodyKind? ExternalKind, string? ExternalName, string Role);
}
