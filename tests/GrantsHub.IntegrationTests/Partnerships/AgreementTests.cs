using System.Net;
using GrantsHub.Domain.Partnerships;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Partnerships;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Partnerships;

/// <summary>Mindful Together CIC (applicant@) leads agreements; Tyne Peer Support Network (applicant2@) is a partner or an outsider.</summary>
public sealed class AgreementTests(SharedApp app) : IClassFixture<SharedApp>
{
    private const string Partner = "Tyne Peer Support Network";

    private async Task<(HttpClient Client, int Lead, int Partner)> LeadAsync()
    {
        var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        return (client, await app.OrganisationIdAsync(), await app.OrganisationIdAsync(Partner));
    }

    [Fact]
    public async Task A_draft_is_signed_made_active_reviewed_and_active_again_and_the_history_shows_each_step()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.ReadyToSignAsync(lead, partner, "Peer support pathway");
        var url = PartnershipSteps.AgreementUrl(lead, id);
        Assert.Equal("Draft", (await client.GetDocumentAsync(url)).StatusOnPage());

        foreach (var (action, shown) in new[]
        {
            (AgreementAction.Sign, "Signed"), (AgreementAction.Activate, "Active"), (AgreementAction.StartReview, "Under review"), (AgreementAction.CompleteReview, "Active"),
        })
        {
            var response = await client.ActAsync(lead, id, action);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(shown, (await client.GetDocumentAsync(url)).StatusOnPage());
        }

        var page = await client.GetDocumentAsync(url);
        var history = page.QuerySelectorAll("#history li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("review completed; active again", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("put under review", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("marked as signed", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("Signed copy uploaded: signed.pdf", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("North East and North Cumbria ICB added as a party", StringComparison.Ordinal));
        Assert.Equal(["Start a review", "Terminate the agreement"], page.QuerySelectorAll("form[action$='/actions'] button").Select(b => b.TextContent).ToArray());
        Assert.Equal(AgreementStage.Active, await app.StageAsync(id));
    }

    [Fact]
    public async Task The_history_shows_ten_steps_at_a_time_newest_first()
    {
        var (client, lead, _) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Long history");
        for (var i = 1; i <= 11; i++)
        {
            var party = PartnershipSteps.NhsParty();
            party["ExternalName"] = $"Trust number {i}";
            Assert.Equal(HttpStatusCode.Redirect, (await client.AddPartyAsync(lead, id, party)).StatusCode);
        }

        var url = PartnershipSteps.AgreementUrl(lead, id);
        var first = (await client.GetDocumentAsync(url)).QuerySelectorAll("#history li").Select(li => li.TextContent).ToList();
        Assert.Equal(10, first.Count);
        Assert.Contains("Trust number 11 added as a party", first[0], StringComparison.Ordinal);
        Assert.Contains("Trust number 2 added as a party", first[9], StringComparison.Ordinal);

        foreach (var asked in new[] { 2, 9 })
        {
            var second = await client.GetDocumentAsync($"{url}?history={asked}");
            var rows = second.QuerySelectorAll("#history li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains("Trust number 1 added as a party", rows[0], StringComparison.Ordinal);
            Assert.Contains("Agreement created as a draft", rows[1], StringComparison.Ordinal);
            Assert.Equal("2", second.QuerySelector("[aria-current=page]")!.TextContent);
        }
    }

    [Fact]
    public async Task A_terminated_agreement_can_no_longer_be_edited_or_moved()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.ReadyToSignAsync(lead, partner, "Short-lived partnership");
        await client.ActAsync(lead, id, AgreementAction.Sign);
        var url = PartnershipSteps.AgreementUrl(lead, id);

        Assert.Equal(HttpStatusCode.Redirect, (await client.ActAsync(lead, id, AgreementAction.Terminate)).StatusCode);

        var page = await client.GetDocumentAsync(url);
        Assert.Equal("Terminated", page.StatusOnPage());
        Assert.Empty(page.QuerySelectorAll("form[action$='/actions'], form[action$='/parties'], a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{url}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(AgreementStage.Terminated, await app.StageAsync(id));
    }

    [Fact]
    public async Task A_move_the_state_table_does_not_allow_is_explained_and_changes_nothing()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.ReadyToSignAsync(lead, partner, "Not yet signed");

        var response = await client.ActAsync(lead, id, AgreementAction.Activate);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["A draft agreement cannot be marked as active"], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(AgreementStage.Draft, await app.StageAsync(id));
    }

    [Fact]
    public async Task Signing_needs_a_partner_and_the_signed_copy()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Unsigned partnership");

        var noPartner = await client.ActAsync(lead, id, AgreementAction.Sign);
        Assert.Equal(["Add at least one partner before marking the agreement as signed"], (await noPartner.ReadDocumentAsync()).ErrorSummary());
        await client.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(partner));
        var noCopy = await client.ActAsync(lead, id, AgreementAction.Sign);
        Assert.Equal(["Upload the signed copy before marking the agreement as signed"], (await noCopy.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(AgreementStage.Draft, await app.StageAsync(id));
    }

    [Fact]
    public async Task Bad_details_are_explained_beside_each_field_and_nothing_is_saved()
    {
        var (client, lead, _) = await LeadAsync();
        using var __ = client;
        var before = await app.WithDbAsync(db => db.PartnershipAgreements.CountAsync());
        var missing = PartnershipSteps.Details("");
        missing["StartsOn"] = "";
        var dates = PartnershipSteps.Details("Dates the wrong way round", starts: "2027-06-01", ends: "2027-01-01");
        dates["ReviewOn"] = "2029-01-01";

        var first = await (await client.PostNewAgreementAsync(lead, missing)).ReadDocumentAsync();
        var second = await (await client.PostNewAgreementAsync(lead, dates)).ReadDocumentAsync();

        Assert.Equal("Enter the agreement's title", first.FieldError("Title"));
        Assert.Equal("Enter the date the agreement starts", first.FieldError("StartsOn"));
        Assert.Equal(["Enter the agreement's title", "Enter the date the agreement starts"], first.ErrorSummary().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("The end date must be on or after the start date", second.FieldError("EndsOn"));
        Assert.Equal("The review date must be between the start and end dates", second.FieldError("ReviewOn"));
        Assert.Equal("Dates the wrong way round", second.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDbAsync(db => db.PartnershipAgreements.CountAsync()));
    }

    [Fact]
    public async Task An_external_party_needs_a_name_and_a_contact_and_an_organisation_cannot_be_added_twice()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Partnership with the school");

        var unnamed = await client.AddPartyAsync(lead, id, new() { ["Kind"] = nameof(ExternalBodyKind.School), ["Role"] = "Host" });
        var page = await unnamed.ReadDocumentAsync();
        Assert.Equal("Enter the name of the body", page.FieldError("NewParty.ExternalName"));
        Assert.Equal("Enter a contact name at the body", page.FieldError("NewParty.ContactName"));
        Assert.Equal("Host", page.QuerySelector("input[name='NewParty.Role']")!.GetAttribute("value"));

        await client.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(partner));
        var twice = await client.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(partner));
        Assert.Equal($"{Partner} is already a party to this agreement", (await twice.ReadDocumentAsync()).FieldError("NewParty.OrganisationId"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AgreementParties.CountAsync(p => p.AgreementId == id)));
    }

    [Fact]
    public async Task The_agreement_kept_for_one_browser_is_sent_to_another_with_that_browsers_own_form_token()
    {
        var (first, lead, partner) = await LeadAsync();
        using var _ = first;
        var id = await first.CreateAgreementAsync(lead, "Seen from two browsers");
        await first.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(partner));
        var url = PartnershipSteps.AgreementUrl(lead, id);
        static string[] Tokens(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("main input[name=__RequestVerificationToken]").Select(i => i.GetAttribute("value")!).Distinct()];

        using var second = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail); // the same person in another browser (signing in is a change)
        var drawn = await first.GetDocumentAsync(url); // drawn, and kept
        var kept = await second.GetDocumentAsync(url);

        Assert.Equal(drawn.QuerySelector("#parties")!.OuterHtml.Replace(Tokens(drawn)[0], "", StringComparison.Ordinal),
            kept.QuerySelector("#parties")!.OuterHtml.Replace(Tokens(kept)[0], "", StringComparison.Ordinal));
        Assert.Single(Tokens(drawn));
        Assert.Single(Tokens(kept)); // every form of the kept page carries one token: the second browser's
        Assert.NotEqual(Tokens(drawn)[0], Tokens(kept)[0]);
        Assert.Equal(Tokens(kept)[0], kept.QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")); // as the layout's own form, drawn for this view

        // The second browser's form, sent from the kept page, is accepted.
        var partyId = await app.WithDbAsync(db => db.AgreementParties.Where(p => p.AgreementId == id).Select(p => p.Id).SingleAsync());
        var removed = await second.SubmitFormAsync(url, $"{url}/parties/{partyId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("No partners yet.", (await first.GetDocumentAsync(url)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_can_be_removed()
    {
        var (client, lead, partner) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Changing partners");
        await client.AddPartyAsync(lead, id, PartnershipSteps.OrganisationParty(partner));
        var partyId = await app.WithDbAsync(db => db.AgreementParties.Where(p => p.AgreementId == id).Select(p => p.Id).SingleAsync());
        var url = PartnershipSteps.AgreementUrl(lead, id);

        var response = await client.SubmitFormAsync(url, $"{url}/parties/{partyId}/remove", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#parties"));
        Assert.Contains("No partners yet.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#history li"), li => li.TextContent.Contains($"{Partner} removed as a party", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_clear_message_and_the_latest_version()
    {
        var (client, lead, _) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Edited twice");
        var edit = $"{PartnershipSteps.AgreementUrl(lead, id)}/edit";
        var stale = (await client.GetDocumentAsync(edit)).VersionOnPage();
        var first = PartnershipSteps.Details("Edited in the first tab");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(edit, edit, first)).StatusCode);

        var second = PartnershipSteps.Details("Edited in the second tab");
        second["Version"] = stale;
        var response = await client.SubmitFormAsync(edit, edit, second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([AgreementHandler.ConflictMessage], page.ErrorSummary());
        Assert.Equal("Edited in the first tab", page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("Edited in the first tab", await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        var staleUpload = await client.UploadSignedCopyAsync(lead, id, "signed.pdf", UploadTests.Pdf, stale);
        Assert.Equal([AgreementHandler.ConflictMessage], (await staleUpload.ReadDocumentAsync()).ErrorSummary());
    }

    [Theory]
    [MemberData(nameof(UploadTests.RefusedFiles), MemberType = typeof(UploadTests))]
    public async Task A_refused_signed_copy_is_explained_beside_the_field_and_nothing_is_stored(string fileName, string content, string message)
    {
        var (client, lead, _) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, $"Upload of {fileName}");

        var response = await client.UploadSignedCopyAsync(lead, id, fileName, UploadTests.ContentOf(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(message, page.FieldError("File"));
        Assert.Equal([message], page.ErrorSummary());
        Assert.Null(await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == id).Select(a => a.SignedDocumentKey).SingleAsync()));
    }

    [Fact]
    public async Task A_new_signed_copy_replaces_the_old_one_in_the_file_store()
    {
        var (client, lead, _) = await LeadAsync();
        using var _ = client;
        var id = await client.CreateAgreementAsync(lead, "Re-signed");
        await client.UploadSignedCopyAsync(lead, id, "first.pdf", UploadTests.Pdf);
        var firstKey = await app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == id).Select(a => a.SignedDocumentKey).SingleAsync());

        await client.UploadSignedCopyAsync(lead, id, "second.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);

        var download = await client.GetAsync(new Uri($"{PartnershipSteps.AgreementUrl(lead, id)}/document", UriKind.Relative));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("second.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.False(File.Exists(Path.Combine(app.Directory, "data", "files", firstKey!)));
    }
}
