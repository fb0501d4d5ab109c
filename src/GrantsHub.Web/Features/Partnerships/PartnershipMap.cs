using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

public sealed record MapArea(string Code, string Name, string Region, int Decile, int Organisations, int Funded, IReadOnlyList<MapAgreement> Agreements, AreaGap Gap)
{
    public AreaDiagram Diagram => AreaDiagram.Of(Code, Agreements);
}

public sealed record PartnershipMapPage(Page<MapArea> Areas, bool GapsOnly, int AreasWithNoOrganisations, int FundedAreasWithoutPartnerships, int CurrentAgreements);

/// <summary>
/// A funder's view of partnerships by local authority area: the areas of the lead organisations it
/// funds, who they partner with, and the gaps — areas where it funds organisations that have no
/// current partnership, and areas with no organisation on GrantsHub at all.
/// </summary>
public sealed class PartnershipMap(GrantsHubDbContext db, TimeProvider clock)
{
    public const int AreasPerPage = 8;

    public async Task<PartnershipMapPage> BuildAsync(int funderId, int page, bool gapsOnly)
    {
        var now = clock.GetUtcNow();
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Region).ThenBy(a => a.Name)
            .Select(a => new { a.Code, a.Name, a.Region, a.DeprivationDecile }).ToListAsync();
        var areaNames = areas.ToDictionary(a => a.Code, a => a.Name);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.LocalAuthorityCode != null)
            .GroupBy(o => o.LocalAuthorityCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count);
        var funded = await db.Organisations.AsNoTracking()
            .Where(o => o.LocalAuthorityCode != null && db.FundedBy(funderId).Contains(o.Id))
            .GroupBy(o => o.LocalAuthorityCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count);
        var agreements = await db.VisibleToFunder(funderId).AsNoTracking()
            .OrderBy(a => a.LeadOrganisation!.Name).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id, a.Title, Lead = a.LeadOrganisation!.Name, Area = a.LeadOrganisation.LocalAuthorityCode, a.Stage, a.EndsOn,
                Parties = a.Parties.OrderBy(p => p.Id).Select(p => new
                {
                    Organisation = p.Organisation != null ? p.Organisation.Name : null, OrganisationArea = p.Organisation != null ? p.Organisation.LocalAuthorityCode : null,
                    p.ExternalKind, p.ExternalName, p.Role,
                }).ToList(),
            }).ToListAsync();
        var byArea = agreements.Where(a => a.Area is not null).ToLookup(a => a.Area!, a => new MapAgreement(a.Id, a.Title, a.Lead,
            AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, now),
            a.Parties.Select(p => new MapPartner(p.Organisation ?? p.ExternalName!, p.ExternalKind is { } kind ? PartnershipLabels.Of(kind) : "Organisation on GrantsHub",
                p.Organisation is not null, p.OrganisationArea is { } code ? areaNames.GetValueOrDefault(code) : null, p.Role)).ToList()));

        var all = areas.Select(a =>
        {
            var count = organisations.GetValueOrDefault(a.Code);
            var fundedHere = funded.GetValueOrDefault(a.Code);
            var here = byArea[a.Code].ToList();
            var gap = count == 0 ? AreaGap.NoOrganisations
                : fundedHere > 0 && !here.Any(x => x.Current) ? AreaGap.FundedWithoutPartnerships
                : AreaGap.None;
            return new MapArea(a.Code, a.Name, a.Region, a.DeprivationDecile, count, fundedHere, here, gap);
        }).ToList();

        var shown = gapsOnly ? all.Where(a => a.Gap != AreaGap.None).ToList() : all;
        var last = Math.Max(1, (shown.Count + AreasPerPage - 1) / AreasPerPage);
        var number = Math.Clamp(page, 1, last);
        var items = shown.Skip((number - 1) * AreasPerPage).Take(AreasPerPage).ToList();
        return new PartnershipMapPage(new Page<MapArea>(items, number, AreasPerPage, shown.Count), gapsOnly,
            all.Count(a => a.Gap == AreaGap.NoOrganisations), all.Count(a => a.Gap == AreaGap.FundedWithoutPartnerships),
            all.Sum(a => a.Agreements.Count(x => x.Current)));
    }
}
