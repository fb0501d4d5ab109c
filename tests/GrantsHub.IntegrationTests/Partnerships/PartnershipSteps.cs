using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Partnerships;

/// <summary>What an organisation member does with agreements, through the pages a browser would use.</summary>
public static class PartnershipSteps
{
    public static string AgreementUrl(int organisationId, int agreementId) =>
        string.Create(CultureInfo.InvariantCulture, $"/organisation/{organisationId}/agreements/{agreementId}");

    public static async Task<HttpResponseMessage> PostNewAgreementAsync(this HttpClient client, int organisationId, Dictionary<string, string> fields)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"/organisation/{organisationId}/agreements/new");
        return await client.SubmitFormAsync(url, url, fields);
    }

    public static Dictionary<string, string> Details(string title, string starts = "2026-12-01", string ends = "2028-11-30") => new()
    {
        ["Title"] = title,
        ["Purpose"] = "Peer support sessions in GP surgeries.",
        ["StartsOn"] = starts,
        ["EndsOn"] = ends,
        ["ReviewOn"] = "",
        ["RenewalTerms"] = "Renewed yearly by agreement.",
    };

    /// <summary>Creates a draft and returns its id, read from where the app redirected.</summary>
    public static async Task<int> CreateAgreementAsync(this HttpClient client, int organisationId, string title, string ends = "2028-11-30")
    {
        var response = await client.PostNewAgreementAsync(organisationId, Details(title, ends: ends));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> AddPartyAsync(this HttpClient client, int organisationId, int agreementId, Dictionary<string, string> party)
    {
        var url = AgreementUrl(organisationId, agreementId);
        return client.SubmitFormAsync(url, $"{url}/parties", party.ToDictionary(kv => $"NewParty.{kv.Key}", kv => kv.Value));
    }

    public static Dictionary<string, string> OrganisationParty(int organisationId) => new()
    {
        ["Kind"] = "GrantsHub",
        ["OrganisationId"] = organisationId.ToString(CultureInfo.InvariantCulture),
        ["Role"] = "Delivery partner",
    };

    public static Dictionary<string, string> NhsParty() => new()
    {
        ["Kind"] = nameof(ExternalBodyKind.IntegratedCareBoard),
        ["ExternalName"] = "North East and North Cumbria ICB",
        ["ContactName"] = "Dr Amara Bello",
        ["ContactEmail"] = "amara.bello@nhs.example",
        ["Role"] = "Clinical lead",
        ["Responsibilities"] = "Clinical supervision.",
    };

    public static async Task<HttpResponseMessage> UploadSignedCopyAsync(this HttpClient client, int organisationId, int agreementId, string fileName, byte[] bytes, string? version = null)
    {
        var url = AgreementUrl(organisationId, agreementId);
        var page = await client.GetDocumentAsync(url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(version ?? page.VersionOnPage()), "Version" },
        };
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "File", fileName);
        return await client.PostAsync(new Uri($"{url}/document", UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, int organisationId, int agreementId, AgreementAction action)
    {
        var url = AgreementUrl(organisationId, agreementId);
        return client.SubmitFormAsync(url, $"{url}/actions", new Dictionary<string, string> { ["Action"] = action.ToString() });
    }

    /// <summary>A draft with a partner organisation, an NHS body and a signed copy, ready to sign.</summary>
    public static async Task<int> ReadyToSignAsync(this HttpClient client, int organisationId, int partnerOrganisationId, string title)
    {
        var id = await client.CreateAgreementAsync(organisationId, title);
        Assert.Equal(HttpStatusCode.Redirect, (await client.AddPartyAsync(organisationId, id, OrganisationParty(partnerOrganisationId))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.AddPartyAsync(organisationId, id, NhsParty())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.UploadSignedCopyAsync(organisationId, id, "signed.pdf", UploadTests.Pdf)).StatusCode);
        return id;
    }

    /// <summary>Links the agreement to the lead organisation's first award, so that award's funder may read it.</summary>
    public static async Task<HttpResponseMessage> LinkAwardAsync(this HttpClient client, GrantsHubFactory app, int organisationId, int agreementId, int? awardId = null)
    {
        var id = awardId ?? await app.WithDbAsync(db => db.Awards.Where(a => a.OrganisationId == organisationId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var url = AgreementUrl(organisationId, agreementId);
        return await client.SubmitFormAsync(url, $"{url}/awards", new Dictionary<string, string> { ["AwardId"] = id.ToString(CultureInfo.InvariantCulture) });
    }

    public static string StatusOnPage(this IHtmlDocument page) => page.QuerySelector("h1 .status-badge")!.TextContent;

    public static Task<AgreementStage> StageAsync(this GrantsHubFactory app, int agreementId) =>
        app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == agreementId).Select(a => a.Stage).SingleAsync());

    /// <summary>Staff of a second funder that has funded nobody.</summary>
    public static Task<string> OtherFunderAsync(this GrantsHubFactory app) =>
        app.WithServiceAsync<IServiceProvider, string>(async services =>
        {
            var email = $"other-{Guid.NewGuid():N}@example.org";
            var db = services.GetRequiredService<GrantsHubDbContext>();
            var funder = new Funder { Name = "Southshire ICB", OpenDataPrefix = $"360G-south-{Guid.NewGuid():N}", Kind = FunderKind.NhsBody };
            db.Funders.Add(funder);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Other funder", FunderId = funder.Id };
            await users.CreateAsync(user, Web.Infrastructure.DemoDataSeeder.Password);
            await users.AddToRoleAsync(user, Domain.Common.Roles.FunderAdmin);
            return email;
        });
}
