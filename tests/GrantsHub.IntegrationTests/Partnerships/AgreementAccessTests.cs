using System.Net;
using GrantsHub.Domain.Partnerships;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Partnerships;

/// <summary>Who may read and change an agreement and its signed copy; everybody else gets 404.</summary>
public sealed class AgreementAccessTests(SharedApp app) : IClassFixture<SharedApp>
{
    private const string PeerSupport = "Tyne Peer Support Network";

    [Fact]
    public async Task Another_organisation_can_neither_read_nor_change_an_agreement_or_download_its_signed_copy()
    {
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var lead = await app.OrganisationIdAsync();
        var outsider = await app.OrganisationIdAsync(PeerSupport);
        var id = await owner.CreateAgreementAsync(lead, "Private partnership");
        await owner.UploadSignedCopyAsync(lead, id, "private.pdf", UploadTests.Pdf);
        var before = await StateAsync(id);
        using var other = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var ownPage = $"/organisation/{outsider}/agreements/new";

        foreach (var organisation in new[] { lead, outsider })
        {
            var url = PartnershipSteps.AgreementUrl(organisation, id);
            foreach (var read in new[] { url, $"{url}/edit", $"{url}/document" })
            {
                var response = await other.GetAsync(new Uri(read, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {read} gave {(int)response.StatusCode}");
            }

            var version = before.Version.ToString();
            (string Url, Dictionary<string, string> Fields)[] writes =
            [
                ($"{url}/edit", new(PartnershipSteps.Details("Hijacked")) { ["Version"] = version }),
                ($"{url}/parties", new() { ["Version"] = version, ["NewParty.Kind"] = "School", ["NewParty.ExternalName"] = "X", ["NewParty.ContactName"] = "Y", ["NewParty.Role"] = "Z" }),
                ($"{url}/actions", new() { ["Version"] = version, ["Action"] = nameof(AgreementAction.Terminate) }),
            ];
            foreach (var (write, fields) in writes)
            {
                var response = await other.SubmitFormAsync(ownPage, write, fields);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {write} gave {(int)response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/organisation/{lead}/agreements", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Private partnership", await (await other.GetAsync(new Uri($"/organisation/{outsider}/agreements", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task A_partner_organisation_reads_the_agreement_and_its_signed_copy_but_cannot_change_it()
    {
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var lead = await app.OrganisationIdAsync();
        var partner = await app.OrganisationIdAsync(PeerSupport);
        var id = await owner.ReadyToSignAsync(lead, partner, "Shared partnership");
        var before = await StateAsync(id);
        using var member = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var url = PartnershipSteps.AgreementUrl(partner, id);

        var list = await member.GetDocumentAsync($"/organisation/{partner}/agreements");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("Shared partnership", StringComparison.Ordinal) && tr.TextContent.Contains("(you are a partner)", StringComparison.Ordinal));
        var page = await member.GetDocumentAsync(url);
        Assert.Equal("Shared partnership", page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Equal(["North East and North Cumbria ICB", PeerSupport], page.QuerySelectorAll("#parties tbody th").Select(th => th.TextContent).Order().ToArray());
        Assert.Empty(page.QuerySelectorAll("main form, a[href$='/edit']"));
        var download = await member.GetAsync(new Uri($"{url}/document", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(UploadTests.Pdf, await download.Content.ReadAsByteArrayAsync());

        foreach (var write in new[] { $"{url}/edit", $"{url}/actions", $"{url}/parties" })
        {
            var response = await member.SubmitFormAsync($"/organisation/{partner}/agreements/new", write, new Dictionary<string, string>
            {
                ["Version"] = before.Version.ToString(), ["Action"] = nameof(AgreementAction.Sign), ["Title"] = "Changed by a partner", ["Purpose"] = "x", ["StartsOn"] = "2027-01-01", ["EndsOn"] = "2027-02-01",
                ["NewParty.Kind"] = "School", ["NewParty.ExternalName"] = "X", ["NewParty.ContactName"] = "Y", ["NewParty.Role"] = "Z",
            });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {write} gave {(int)response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task The_funder_of_the_lead_organisation_reads_its_agreements_but_another_funder_gets_404()
    {
        // The seeded pathway agreement is linked to Mindful Together CIC's award from the council's pilot round.
        const string title = "Peer support pathway with primary care";
        var id = await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        var url = $"/funder/partnerships/agreements/{id}";
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await funder.GetDocumentAsync(url);
        Assert.Equal(title, page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(new Uri($"{url}/document", UriKind.Relative))).StatusCode);

        using var other = await app.SignedInAsync(await app.OtherFunderAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"{url}/document", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(title, await (await other.GetAsync(new Uri("/funder/partnerships", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_an_award_lets_its_funder_read_the_signed_agreement_and_only_the_leads_awards_can_be_linked()
    {
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var lead = await app.OrganisationIdAsync();
        var id = await owner.ReadyToSignAsync(lead, await app.OrganisationIdAsync(PeerSupport), "Linked later");
        await owner.ActAsync(lead, id, AgreementAction.Sign);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var url = new Uri($"/funder/partnerships/agreements/{id}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(url)).StatusCode);

        var othersAward = await app.WithDbAsync(db => db.Awards.Where(a => a.OrganisationId != lead).Select(a => a.Id).FirstAsync());
        var refused = await owner.LinkAwardAsync(app, lead, id, othersAward);
        Assert.Equal("Choose one of your organisation's awards from the list", (await refused.ReadDocumentAsync()).FieldError("AwardId"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.LinkAwardAsync(app, lead, id)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(url)).StatusCode);
        using var other = await app.SignedInAsync(await app.OtherFunderAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Contains((await owner.GetDocumentAsync(PartnershipSteps.AgreementUrl(lead, id))).QuerySelectorAll("#history li"), li => li.TextContent.Contains("Linked to award AW-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_funder_does_not_see_drafts_nor_agreements_not_linked_to_its_awards()
    {
        using var owner = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var lead = await app.OrganisationIdAsync();
        var draft = await owner.CreateAgreementAsync(lead, "Draft not yet shared");
        await owner.LinkAwardAsync(app, lead, draft);
        // Tyne Peer Support Network has no award to link.
        using var unfunded = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var peer = await app.OrganisationIdAsync(PeerSupport);
        var notFunded = await unfunded.ReadyToSignAsync(peer, lead, "Led by an unfunded organisation");
        await unfunded.ActAsync(peer, notFunded, AgreementAction.Sign);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        foreach (var id in new[] { draft, notFunded })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/partnerships/agreements/{id}", UriKind.Relative))).StatusCode);
        }

        var map = await (await funder.GetAsync(new Uri("/funder/partnerships", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Draft not yet shared", map, StringComparison.Ordinal);
        Assert.DoesNotContain("Led by an unfunded organisation", map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_pages_are_refused_to_funders_and_the_map_to_applicants()
    {
        var lead = await app.OrganisationIdAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        Assert.NotEqual(HttpStatusCode.OK, (await funder.GetAsync(new Uri($"/organisation/{lead}/agreements", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync(new Uri("/funder/partnerships", UriKind.Relative))).StatusCode);
    }

    private async Task<(Guid Version, string Title, AgreementStage Stage, int Parties, string? Key)> StateAsync(int id)
    {
        var a = await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == id)
            .Select(a => new { a.Version, a.Title, a.Stage, Parties = a.Parties.Count, a.SignedDocumentKey }).SingleAsync());
        return (a.Version, a.Title, a.Stage, a.Parties, a.SignedDocumentKey);
    }
}
