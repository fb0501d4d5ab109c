using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.PersonalData;

/// <summary>A member downloads everything GrantsHub holds about them and their organisations.</summary>
public sealed class DownloadMyDataTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static async Task<ZipArchive> DownloadAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/account/my-data", "/account/my-data/download", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        return new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
    }

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_zip_holds_the_person_their_organisation_its_applications_and_files_and_nothing_of_other_organisations()
    {
        var scenario = await DecidedScenario.CreateAsync(app);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var roundId = await app.RoundIdAsync();
        var mindful = await app.OrganisationIdAsync();
        var applicationId = await applicant.StartApplicationAsync(roundId, mindful);
        var questionId = await app.QuestionIdAsync(roundId, "Your latest accounts or a budget");
        var sectionId = await app.WithDbAsync(db => db.Questions.Where(q => q.Id == questionId).Select(q => q.SectionId).SingleAsync());
        await applicant.SaveSectionAsync(applicationId, sectionId, [("Then", "return")], null, ($"q{questionId}", "Budget 2026.pdf", UploadTests.Pdf));
        var others = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == scenario.Organisations[1] || o.Name == "Tyne Peer Support Network").Select(o => o.Name).ToListAsync());

        using var zip = await DownloadAsync(applicant);

        var names = zip.Entries.Select(e => e.FullName).ToList();
        var you = JsonDocument.Parse(Text(zip.GetEntry("you.json")!)).RootElement;
        Assert.Equal(DemoDataSeeder.ApplicantEmail, you.GetProperty("person").GetProperty("email").GetString());
        Assert.Equal("Sam Rivers", you.GetProperty("person").GetProperty("name").GetString());
        var mine = Text(zip.GetEntry($"organisation-{mindful}/organisation.json")!);
        Assert.Contains(DemoDataSeeder.ApplicantOrganisation, mine, StringComparison.Ordinal);
        var decided = JsonDocument.Parse(Text(zip.GetEntry($"organisation-{scenario.Organisations[0]}/organisation.json")!)).RootElement;
        var application = Assert.Single(decided.GetProperty("applications").EnumerateArray());
        Assert.Equal("The panel liked your peer-led model.", application.GetProperty("decision").GetProperty("feedback").GetString());
        Assert.StartsWith("Peer support groups answer 0", application.GetProperty("answers")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        var file = Assert.Single(names, n => n.StartsWith($"organisation-{mindful}/files/application-{applicationId}/", StringComparison.Ordinal));
        Assert.EndsWith("Budget 2026.pdf", file, StringComparison.Ordinal);
        using (var content = new MemoryStream())
        {
            await zip.GetEntry(file)!.Open().CopyToAsync(content);
            Assert.Equal(UploadTests.Pdf, content.ToArray());
        }

        var everything = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)).Select(Text));
        Assert.NotEmpty(others);
        foreach (var forbidden in others.Concat(DecidedScenario.AssessorIdentities).Append("Peer support groups answer 1"))
        {
            Assert.DoesNotContain(forbidden, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(names, n => n.StartsWith($"organisation-{scenario.Organisations[1]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_download_is_recorded_once_in_the_audit_trail()
    {
        using var applicant = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.Applicant2Email).Select(u => u.Id).SingleAsync());

        using (await DownloadAsync(applicant))
        {
        }

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Kind == "personal-data.downloaded" && e.EntityId == userId));
        Assert.Equal("Jo Bell", entry.ActorName);
    }

    [Fact]
    public async Task Signing_in_is_needed_to_download()
    {
        using var anonymous = app.CreateBrowserlessClient();

        var response = await anonymous.GetAsync(new Uri("/account/my-data", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
