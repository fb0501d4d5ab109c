using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Awards;

/// <summary>
/// An application of a fresh organisation (applicant@ is its member) approved by the demo funder
/// through the decision form, so its award is created the way it is in real use.
/// </summary>
public sealed record AwardScenario(int RoundId, int ApplicationId, int OrganisationId, int AwardId)
{
    public string FunderUrl => $"/funder/awards/{AwardId}";

    public string OrganisationUrl => $"/awards/{AwardId}";

    public static async Task<AwardScenario> ApprovedAsync(GrantsHubFactory app, HttpClient funder, decimal amount = 12_000m)
    {
        var (roundId, applicationId, organisationId) = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var tag = Guid.NewGuid().ToString("N")[..6];
            var programme = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).FirstAsync();
            var round = new Round
            {
                ProgrammeId = programme.Id, Title = $"Award round {tag}", OpensAt = now.AddDays(-60), ClosesAt = now.AddDays(-20), Budget = 100_000m,
                MinimumGrant = 1_000m, MaximumGrant = 50_000m, Stage = RoundStage.InAssessment,
            };
            var organisation = new Organisation { Name = $"Awarded org {tag}", LegalForm = LegalForm.RegisteredCharity, CreatedAt = now };
            db.AddRange(round, organisation);
            await db.SaveChangesAsync();
            var applicant = await db.Users.SingleAsync(u => u.Email == DemoDataSeeder.ApplicantEmail);
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = applicant.Id, Role = MemberRole.Owner, JoinedAt = now });
            organisation.DeiCodes.Add(new OrganisationDeiCode { Code = "DEI020200", Kind = DeiCodeKind.CommunityServed });
            var application = new GrantApplication
            {
                RoundId = round.Id, OrganisationId = organisation.Id, ProjectTitle = $"Peer support {tag}", AmountRequested = 20_000m, DurationMonths = 12,
                Status = ApplicationStatus.UnderAssessment, CreatedAt = now, UpdatedAt = now, SubmittedAt = now.AddDays(-25), Reference = $"GH-T-{tag}",
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return (round.Id, application.Id, organisation.Id);
        });
        var url = $"/funder/rounds/{roundId}/decisions/{applicationId}";
        var decided = await funder.SubmitFormAsync(url, url, new Dictionary<string, string>
        {
            ["Outcome"] = "Approved", ["Amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Feedback"] = "Strong peer-led plan.",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var awardId = await app.WithDbAsync(db => db.Awards.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).SingleAsync());
        return new AwardScenario(roundId, applicationId, organisationId, awardId);
    }

    /// <summary>Approved, set up with one milestone releasing the whole amount, and issued.</summary>
    public static async Task<AwardScenario> OfferedAsync(GrantsHubFactory app, HttpClient funder, decimal amount = 12_000m)
    {
        var scenario = await ApprovedAsync(app, funder, amount);
        await scenario.AddMilestoneAsync(funder, "First group running");
        var milestoneId = await app.WithDbAsync(db => db.Milestones.Where(m => m.AwardId == scenario.AwardId).Select(m => m.Id).SingleAsync());
        await scenario.PostAsync(funder, "tranches", new() { ["Amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PlannedDate"] = "2027-03-01", ["MilestoneId"] = $"{milestoneId}" });
        await scenario.PostAsync(funder, "issue", []);
        return scenario;
    }

    /// <summary>Offered and accepted by the organisation: live.</summary>
    public static async Task<AwardScenario> ActiveAsync(GrantsHubFactory app, HttpClient funder, HttpClient applicant)
    {
        var scenario = await OfferedAsync(app, funder);
        var accepted = await applicant.SubmitFormAsync(scenario.OrganisationUrl, $"{scenario.OrganisationUrl}/accept", new Dictionary<string, string>
        {
            ["SignatoryName"] = "Sam Rivers", ["SignatoryPosition"] = "Director", ["AgreeToConditions"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return scenario;
    }

    public Task AddMilestoneAsync(HttpClient funder, string title, string due = "2027-02-15") =>
        PostAsync(funder, "milestones", new() { ["Title"] = title, ["DueDate"] = due, ["TargetMeasure"] = "People supported", ["TargetValue"] = "40" });

    /// <summary>Posts a funder form of the award page and expects the redirect of success.</summary>
    public async Task PostAsync(HttpClient funder, string action, Dictionary<string, string> fields)
    {
        var response = await funder.SubmitFormAsync(FunderUrl, $"{FunderUrl}/{action}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary())}");
    }

    /// <summary>A signed-in client for a new user with the given role, of the given funder (or a new funder).</summary>
    public static async Task<HttpClient> FunderUserAsync(GrantsHubFactory app, string role, bool otherFunder = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await app.WithServiceAsync<UserManager<ApplicationUser>, bool>(async users =>
        {
            int funderId;
            if (otherFunder)
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GrantsHub.Infrastructure.Persistence.GrantsHubDbContext>();
                var funder = new Funder { Name = $"Other funder {Guid.NewGuid():N}", OpenDataPrefix = "360G-other", CreatedAt = app.Clock.GetUtcNow() };
                db.Funders.Add(funder);
                await db.SaveChangesAsync();
                funderId = funder.Id;
            }
            else
            {
                funderId = (await users.FindByEmailAsync(DemoDataSeeder.FunderEmail))!.FunderId!.Value;
            }

            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, FunderId = funderId, CreatedAt = app.Clock.GetUtcNow() };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return true;
        });
        return await app.SignedInAsync(email);
    }

    public static string Version(AngleSharp.Html.Dom.IHtmlDocument page, string action) =>
        page.QuerySelector($"form[action='{action}'] input[name=Version]")!.GetAttribute("value")!;

    public static readonly byte[] Pdf = "%PDF-1.4\n% evidence\n"u8.ToArray();

    /// <summary>Posts a multipart form (evidence or report) as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields,
        params (string FileName, byte[] Content)[] files)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(Version(page, action)), "Version" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Files", fileName);
        }

        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
