using System.Net;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Partnerships;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Partnerships;

/// <summary>With thousands of organisations on GrantsHub, the lead picks a partner from a short list (its own area first) or searches by name.</summary>
public sealed class PartnerSearchTests
{
    [Fact]
    public async Task The_partner_list_is_short_with_the_leads_area_first_and_a_search_finds_any_organisation_by_name()
    {
        await using var app = new GrantsHubFactory();
        var lead = await app.OrganisationIdAsync();
        var leadArea = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == lead).Select(o => o.LocalAuthorityCode).SingleAsync());
        var farAway = await app.WithDbAsync(async db =>
        {
            var elsewhere = await db.Areas.Where(a => a.Code != leadArea).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync();
            db.Organisations.AddRange(Enumerable.Range(1, 60).Select(i => new Organisation { Name = $"Aardvark Trust {i:D2}", LocalAuthorityCode = elsewhere }));
            var zebra = new Organisation { Name = "Zebra Crossing Collective", LocalAuthorityCode = elsewhere };
            db.Organisations.Add(zebra);
            await db.SaveChangesAsync();
            return zebra.Id;
        });
        var neighbours = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id != lead && o.LocalAuthorityCode == leadArea).Select(o => o.Name).ToListAsync());
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var id = await client.CreateAgreementAsync(lead, "Tyneside peer network");
        var url = PartnershipSteps.AgreementUrl(lead, id);

        var page = await client.GetDocumentAsync(url);
        var listed = Options(page);
        Assert.Equal(AgreementHandler.PartnerChoices, listed.Count);
        Assert.NotEmpty(neighbours);
        Assert.All(neighbours, name => Assert.Contains(name, listed));
        Assert.DoesNotContain("Zebra Crossing Collective", listed);
        Assert.Contains("those in your area first", page.QuerySelector("#partner-search-hint")!.TextContent, StringComparison.Ordinal);

        var found = await client.GetDocumentAsync($"{url}?partner=ZEBRA");
        Assert.Equal(["Zebra Crossing Collective"], Options(found));
        Assert.Equal("ZEBRA", found.QuerySelector("#partner-search")!.GetAttribute("value"));

        // A partner chosen from a search stays chosen when the form comes back with a mistake to put right.
        var withoutRole = PartnershipSteps.OrganisationParty(farAway);
        withoutRole["Role"] = "";
        var refused = await (await client.AddPartyAsync(lead, id, withoutRole)).ReadDocumentAsync();
        Assert.Equal("Zebra Crossing Collective", refused.QuerySelector("select[name='NewParty.OrganisationId'] option[selected]")?.TextContent.Trim());
        Assert.Equal(AgreementHandler.PartnerChoices, Options(refused).Count);

        var added = await client.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(farAway));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Zebra Crossing Collective", (await client.GetDocumentAsync(url)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Options(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("select[name='NewParty.OrganisationId'] option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim())];
}
