using System.Net;
using AngleSharp.Dom;
using GrantsHub.Domain.Partnerships;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Partnerships;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Partnerships;

public sealed class PartnershipMapTests
{
    [Fact]
    public async Task The_map_shows_who_partners_with_whom_by_area_and_marks_the_gaps()
    {
        await using var app = new GrantsHubFactory();
        await app.WithDbAsync(db =>
        {
            db.Areas.Add(new GrantsHub.Domain.Areas.Area { Code = "E06000001", Name = "Hartlepool", Region = "North East", DeprivationDecile = 1 });
            return db.SaveChangesAsync();
        });
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await funder.GetDocumentAsync("/funder/partnerships");

        IElement Area(string code) => page.QuerySelector($"[data-area='{code}']") ?? throw new InvalidOperationException($"No section for {code}");
        var newcastle = Area("E08000021");
        Assert.Contains("Peer support pathway with primary care", newcastle.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("North East and North Cumbria ICB (NHS integrated care board (ICB))", newcastle.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tyne Peer Support Network (Organisation on GrantsHub, North Tyneside)", newcastle.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var svg = newcastle.QuerySelector("svg[role=img]")!;
        Assert.Equal(2 + 1 + 1, svg.QuerySelectorAll("g.map-node").Length); // lead, two partners, and the mosque of the expired agreement
        Assert.Single(svg.QuerySelectorAll("line.map-link-ended"));
        Assert.Null(newcastle.QuerySelector("[data-gap]"));
        Assert.Equal("Gap: funded organisations without partnerships", Area("E06000047").QuerySelector("[data-gap]")!.TextContent);
        Assert.Equal("Gap: no organisations here", Area("E06000001").QuerySelector("[data-gap]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[style], svg [style]"));

        var gaps = await funder.GetDocumentAsync("/funder/partnerships?show=gaps");
        var gapAreas = gaps.QuerySelectorAll("[data-area]").Select(a => a.GetAttribute("data-area")!).ToList();
        Assert.Contains("E06000047", gapAreas);
        Assert.Contains("E06000001", gapAreas);
        Assert.DoesNotContain("E08000021", gapAreas);
    }

    [Fact]
    public async Task The_map_kept_for_a_funder_is_drawn_again_once_anything_changes()
    {
        await using var app = new GrantsHubFactory();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        const string newcastleGap = "[data-area='E08000021'] [data-gap]";
        Assert.Null((await funder.GetDocumentAsync("/funder/partnerships")).QuerySelector(newcastleGap));
        Assert.Null((await funder.GetDocumentAsync("/funder/partnerships")).QuerySelector(newcastleGap)); // seen again, as kept

        // Ended through the change tracker, as the app saves: the change is recorded, so the kept map is drawn again.
        var lead = await app.OrganisationIdAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var agreement in await db.PartnershipAgreements.Where(a => a.LeadOrganisationId == lead).ToListAsync())
            {
                agreement.Stage = AgreementStage.Terminated;
            }

            return await db.SaveChangesAsync();
        });

        var map = await funder.GetDocumentAsync("/funder/partnerships");
        Assert.Equal("Gap: funded organisations without partnerships", map.QuerySelector(newcastleGap)!.TextContent);
    }

    [Fact]
    public async Task Many_areas_are_split_into_pages()
    {
        await using var app = new GrantsHubFactory();
        await app.WithDbAsync(async db =>
        {
            db.Areas.AddRange(Enumerable.Range(1, 20).Select(i => new Domain.Areas.Area { Code = $"E0700{i:D4}", Name = $"District {i:D2}", Region = "South West", DeprivationDecile = 5 }));
            return await db.SaveChangesAsync();
        });
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var first = await funder.GetDocumentAsync("/funder/partnerships");
        var last = await funder.GetDocumentAsync("/funder/partnerships?page=4");

        Assert.Equal(8, first.QuerySelectorAll("[data-area]").Length);
        Assert.Equal(26 - 3 * 8, last.QuerySelectorAll("[data-area]").Length);
        Assert.NotNull(first.QuerySelector("a[rel=next][href='/funder/partnerships?page=2']"));

        // A page past the last shows the last, and the first is still itself after it (their kept HTML is not mixed up).
        var past = await funder.GetDocumentAsync("/funder/partnerships?page=9");
        Assert.Equal(last.QuerySelectorAll("[data-area]").Select(a => a.GetAttribute("data-area")), past.QuerySelectorAll("[data-area]").Select(a => a.GetAttribute("data-area")));
        Assert.Equal(8, (await funder.GetDocumentAsync("/funder/partnerships")).QuerySelectorAll("[data-area]").Length);
    }

    [Fact]
    public async Task An_agreement_expires_the_day_after_its_end_date_in_the_UK_and_the_map_counts_it_as_a_gap()
    {
        // 29 March 2026: the clocks go forward at 1am. An agreement ending on the 29th lasts until midnight BST, 23:00 UTC.
        await using var app = new GrantsHubFactory(now: new DateTimeOffset(2026, 3, 29, 20, 0, 0, TimeSpan.Zero));
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var lead = await app.OrganisationIdAsync();
        await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.LeadOrganisationId == lead).ExecuteUpdateAsync(u => u.SetProperty(a => a.Stage, AgreementStage.Terminated)));
        var id = await client.ReadyToSignAsync(lead, await app.OrganisationIdAsync("Tyne Peer Support Network"), "Spring partnership");
        var edit = $"{PartnershipSteps.AgreementUrl(lead, id)}/edit";
        await client.SubmitFormAsync(edit, edit, PartnershipSteps.Details("Spring partnership", starts: "2026-03-01", ends: "2026-03-29"));
        await client.LinkAwardAsync(app, lead, id);
        await client.ActAsync(lead, id, AgreementAction.Sign);
        await client.ActAsync(lead, id, AgreementAction.Activate);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var url = PartnershipSteps.AgreementUrl(lead, id);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 22, 59, 59, TimeSpan.Zero));
        Assert.Equal("Active", (await client.GetDocumentAsync(url)).StatusOnPage());
        Assert.Null((await funder.GetDocumentAsync("/funder/partnerships")).QuerySelector("[data-area='E08000021'] [data-gap]"));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero));
        var page = await client.GetDocumentAsync(url);
        Assert.Equal("Expired", page.StatusOnPage());
        Assert.Equal(["Terminate the agreement"], page.QuerySelectorAll("form[action$='/actions'] button").Select(b => b.TextContent).ToArray());
        Assert.Equal(AgreementStage.Active, await app.StageAsync(id)); // derived from the clock, never stored
        var map = await funder.GetDocumentAsync("/funder/partnerships");
        Assert.Equal("Gap: funded organisations without partnerships", map.QuerySelector("[data-area='E08000021'] [data-gap]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ActAsync(lead, id, AgreementAction.Terminate)).StatusCode);
    }

    [Fact]
    public async Task An_area_shows_its_first_partnerships_on_the_map_and_all_of_them_on_its_own_page()
    {
        await using var app = new GrantsHubFactory();
        // Twelve more partnerships led from Newcastle, each with one external partner, linked to the same award as
        // the one already there: current ones, and ended ones that sort before them by title.
        var (lead, award) = await app.WithDbAsync(db => db.PartnershipAgreements
            .Where(a => a.LeadOrganisation!.LocalAuthorityCode == "E08000021" && a.Stage != AgreementStage.Draft && a.Awards.Any())
            .Select(a => new ValueTuple<int, int>(a.LeadOrganisationId, a.Awards.First().AwardId)).FirstAsync());
        await app.WithDbAsync(db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 1; i <= 12; i++)
            {
                db.PartnershipAgreements.Add(new PartnershipAgreement
                {
                    Title = $"{(i <= 6 ? "Aa ended" : "Zz current")} partnership {i:D2}", Purpose = "Test", LeadOrganisationId = lead,
                    StartsOn = new DateOnly(2025, 1, 1), EndsOn = i <= 6 ? new DateOnly(2025, 12, 31) : new DateOnly(2030, 12, 31),
                    Stage = AgreementStage.Active, CreatedAt = now, Version = Guid.NewGuid(),
                    Parties = [new AgreementParty { ExternalKind = ExternalBodyKind.LocalAuthority, ExternalName = $"Partner body {i:D2}", Role = "Delivery partner" }],
                    Awards = [new AgreementAward { AwardId = award }],
                });
            }

            return db.SaveChangesAsync();
        });
        var total = await app.WithDbAsync(db => db.VisibleToFunder(db.Funders.Single(f => f.Name == DemoDataSeeder.FunderName).Id)
            .CountAsync(a => a.LeadOrganisation!.LocalAuthorityCode == "E08000021"));
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var map = await funder.GetDocumentAsync("/funder/partnerships");
        var newcastle = map.QuerySelector("[data-area='E08000021']")!;
        var shown = newcastle.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td a")!.TextContent).ToList();
        Assert.Equal(PartnershipMap.AgreementsPerArea, shown.Count);
        Assert.DoesNotContain(shown, t => t.StartsWith("Aa ended", StringComparison.Ordinal)); // current ones first
        Assert.Contains($"Showing {PartnershipMap.AgreementsPerArea} of {total} partnerships", newcastle.TextContent, StringComparison.Ordinal);
        var link = newcastle.QuerySelector("a[href='/funder/partnerships/areas/E08000021']")!;
        Assert.Equal($"All {total} partnerships led from Newcastle upon Tyne", link.TextContent);

        var first = await funder.GetDocumentAsync("/funder/partnerships/areas/E08000021");
        var second = await funder.GetDocumentAsync("/funder/partnerships/areas/E08000021?page=2");
        Assert.Equal($"{total} partnerships led from Newcastle upon Tyne by organisations you fund.", first.QuerySelector("[role=status]")!.TextContent);
        var titles = first.QuerySelectorAll("tbody tr td a").Concat(second.QuerySelectorAll("tbody tr td a")).Select(a => a.TextContent).ToList();
        Assert.Equal(PartnershipMap.AgreementsPerAreaPage, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(total, titles.Distinct().Count());
        Assert.Contains("Partner body 03 (", first.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[rel=next][href='/funder/partnerships/areas/E08000021?page=2']"));
        Assert.NotNull(first.QuerySelector("svg[role=img]"));

        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri("/funder/partnerships/areas/X99999999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_area_page_shows_another_funder_none_of_this_funders_partnerships_and_is_closed_to_organisations()
    {
        await using var app = new GrantsHubFactory();
        using var other = await app.SignedInAsync(await app.OtherFunderAsync());
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var page = await other.GetDocumentAsync("/funder/partnerships/areas/E08000021");

        Assert.Equal("0 partnerships led from Newcastle upon Tyne by organisations you fund.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(page.QuerySelector("tbody"));
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync(new Uri("/funder/partnerships/areas/E08000021", UriKind.Relative))).StatusCode);
    }
}
