using System.Net;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

/// <summary>What an applicant does, step by step, through the real pages.</summary>
public static class ApplicantSteps
{
    public const string DemoRound = "Equality Fund 2026: Round 2";

    public static Task<int> RoundIdAsync(this GrantsHubFactory app, string title = DemoRound) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    public static Task<int> OrganisationIdAsync(this GrantsHubFactory app, string name = DemoDataSeeder.ApplicantOrganisation) =>
        app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> QuestionIdAsync(this GrantsHubFactory app, int roundId, string text) =>
        app.WithDbAsync(db => db.Questions.Where(q => q.Section!.RoundId == roundId && q.Text == text).Select(q => q.Id).SingleAsync());

    /// <summary>Passes the eligibility check and starts (or resumes) the organisation's application; returns its id.</summary>
    public static async Task<int> StartApplicationAsync(this HttpClient client, int roundId, int organisationId)
    {
        var response = await client.SubmitFormAsync($"/rounds/{roundId}/apply?organisationId={organisationId}", $"/rounds/{roundId}/apply",
            new Dictionary<string, string> { ["OrganisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/applications/", location, StringComparison.Ordinal);
        return int.Parse(location["/applications/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> SaveProjectAsync(this HttpClient client, int applicationId, string title = "Peer support cafés", string amount = "25000", string months = "24", string then = "return")
    {
        var page = await client.GetDocumentAsync($"/applications/{applicationId}/project");
        return await client.SubmitFormAsync($"/applications/{applicationId}/project", $"/applications/{applicationId}/project", new Dictionary<string, string>
        {
            ["ProjectTitle"] = title,
            ["AmountRequested"] = amount,
            ["DurationMonths"] = months,
            ["Version"] = page.VersionOnPage(),
            ["Then"] = then,
        });
    }

    public static string VersionOnPage(this AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? throw new InvalidOperationException("The page has no version field.");

    /// <summary>Posts a section form as a browser does: multipart, repeated names for checkboxes, files as parts.</summary>
    public static async Task<HttpResponseMessage> SaveSectionAsync(this HttpClient client, int applicationId, int sectionId,
        IEnumerable<(string Name, string Value)> fields, string? version = null, params (string Name, string FileName, byte[] Content)[] files)
    {
        var url = $"/applications/{applicationId}/sections/{sectionId}";
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version ?? page.VersionOnPage()), "Version" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, name, fileName);
        }

        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>A published round of the demo programme with no form sections, closing at <paramref name="closesAt"/>.</summary>
    public static Task<int> CreateRoundAsync(this GrantsHubFactory app, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, Action<Round>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var round = new Round
            {
                ProgrammeId = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
                Title = title,
                Description = "A round made for a test.",
                OpensAt = opensAt,
                ClosesAt = closesAt,
                Budget = 100_000m,
                MinimumGrant = 1_000m,
                MaximumGrant = 50_000m,
                MaximumDurationMonths = 24,
                Stage = RoundStage.Published,
            };
            configure?.Invoke(round);
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

    public static FormSection Section(string title, params Question[] questions) => new() { Title = title, Order = 1, Questions = [.. questions] };

    public static Task SetOrganisationAsync(this GrantsHubFactory app, int organisationId, Action<Organisation> change) =>
        app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            change(organisation);
            return await db.SaveChangesAsync();
        });
}
