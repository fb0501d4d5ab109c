using System.Net;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Organisations;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed class OrganisationProfileTests
{
    private static Dictionary<string, string> Profile(string version, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Mindful Together CIC",
            ["LegalForm"] = nameof(LegalForm.CommunityInterestCompany),
            ["CompanyNumber"] = "12345678",
            ["Postcode"] = "ne1 4st",
            ["LocalAuthorityCode"] = "E08000021",
            ["IncomeBand"] = nameof(IncomeBand.From50kTo100k),
            ["IsUserLed"] = "true",
            ["LedByLivedExperience"] = "true",
            ["PublishEqualityData"] = "true",
            ["ContactName"] = "Sam Rivers",
            ["ContactEmail"] = "hello@mindful.example.org",
            ["ContactPhone"] = "0191 498 0000",
            ["Version"] = version,
        };
        change?.Invoke(fields);
        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int organisationId, Dictionary<string, string> fields, params (string Name, string Value)[] extra)
    {
        var page = await client.GetDocumentAsync($"/organisation/{organisationId}/profile/edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Concat(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(new Uri($"/organisation/{organisationId}/profile/edit", UriKind.Relative), content);
    }

    [Fact]
    public async Task A_member_edits_the_profile_with_equality_codes_and_the_change_is_audited_before_and_after()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var edit = await client.GetDocumentAsync($"/organisation/{organisationId}/profile/edit");
        Assert.NotNull(edit.QuerySelector("input[name=CommunitiesServed][value=DEI010100]"));

        var response = await PostAsync(client, organisationId, Profile(edit.VersionOnPage()),
            ("CommunitiesServed", "DEI020000"), ("CommunitiesServed", "DEI010100"), ("Leadership", "DEI010100"));

        Assert.Equal($"/organisation/{organisationId}/profile", response.Headers.Location?.OriginalString);
        var saved = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Include(o => o.DeiCodes).SingleAsync(o => o.Id == organisationId));
        Assert.Equal("NE1 4ST", saved.Postcode);
        Assert.Equal(IncomeBand.From50kTo100k, saved.IncomeBand);
        Assert.True(saved.PublishEqualityData);
        Assert.Equal(["CommunityServed DEI010100", "CommunityServed DEI020000", "Leadership DEI010100"],
            saved.DeiCodes.Select(c => $"{c.Kind} {c.Code}").Order(StringComparer.Ordinal).ToList());
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Kind == AuditKinds.OrganisationProfileChanged));
        Assert.Equal(organisationId, audit.OrganisationId);
        Assert.Contains("\"Annual income\":\"\\u00A310,000 to \\u00A350,000\"", audit.Before, StringComparison.Ordinal);
        Assert.Contains("\"Postcode\":\"NE1 4ST\"", audit.After, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/organisation/{organisationId}/profile");
        Assert.Contains("Disabled people", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postcode", "NE1", "Enter a real postcode, like NE1 4ST")]
    [InlineData("CompanyNumber", "1234", "Enter a company number of 8 characters, like 08123456 or SC123456")]
    [InlineData("CharityNumber", "12AB", "Enter a charity number of 6 or 7 digits, like 1164883")]
    [InlineData("ContactEmail", "not-an-email", "Enter an email address in the right format, like name@example.org")]
    public async Task Bad_profile_input_is_explained_beside_the_field_and_in_the_summary_and_nothing_is_saved(string field, string value, string message)
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var version = (await client.GetDocumentAsync($"/organisation/{organisationId}/profile/edit")).VersionOnPage();

        var page = await (await PostAsync(client, organisationId, Profile(version, f => f[field] = value))).ReadDocumentAsync();

        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(message, page.FieldError(field));
        Assert.Null(await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Postcode).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_profile_save_is_refused_with_the_latest_version_and_what_was_typed()
    {
        await using var app = new GrantsHubFactory();
        var organisationId = await app.OrganisationIdAsync();
        using var first = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        using var second = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var stale = (await second.GetDocumentAsync($"/organisation/{organisationId}/profile/edit")).VersionOnPage();
        var current = (await first.GetDocumentAsync($"/organisation/{organisationId}/profile/edit")).VersionOnPage();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, organisationId, Profile(current, f => f["ContactName"] = "Alex from the first tab"))).StatusCode);

        var response = await PostAsync(second, organisationId, Profile(stale, f => f["ContactName"] = "Jo from the second tab"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([OrganisationProfileHandler.ConflictMessage], page.ErrorSummary());
        Assert.Equal("Alex from the first tab", page.QuerySelector("#ContactName")!.GetAttribute("value"));
        Assert.Contains("Jo from the second tab", page.QuerySelector("[data-unsaved]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(stale, page.VersionOnPage());
        Assert.Equal("Alex from the first tab", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.ContactName).SingleAsync()));
    }
}
