using System.Net;
using System.Text.Json;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class HostingTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/css/site.css", "text/css", "--gh-brand")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", "text/css", "Bootstrap")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", "text/javascript", "Bootstrap")]
    [InlineData("/lib/chart.js/chart.umd.min.js", "text/javascript", "Chart")]
    public async Task Static_files_are_served_from_the_top_level_wwwroot(string path, string contentType, string expected)
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_job_storage()
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("job-storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_home_page_links_to_open_rounds_and_sign_in()
    {
        using var client = app.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/");

        Assert.Contains("Fair, open funding", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/rounds']"));
        Assert.NotNull(page.QuerySelector("a[href='/account/sign-in']"));
    }

    [Fact]
    public async Task The_open_round_is_listed_publicly_with_its_deadline_in_uk_time()
    {
        using var client = app.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/rounds");

        var titles = page.QuerySelectorAll("article h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Equality Fund 2026: Round 2"], titles);
        // Seeded to close at noon UK time 30 days after "now" (27 Nov 2026): 27 December, in GMT.
        Assert.Contains("Sunday 27 December 2026, 12:00pm (GMT)", page.QuerySelector("article time")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Demo_data_has_the_council_three_other_funders_their_rounds_the_organisations_and_the_accounts()
    {
        var counts = await app.WithDbAsync(async db => new
        {
            Funders = db.Funders.Select(f => f.Name).ToList(),
            Rounds = db.Rounds.Count(),
            Organisations = db.Organisations.Count(),
            Users = db.Users.Select(u => u.Email).OrderBy(e => e).ToList(),
            ApplicantOrganisations = await Task.FromResult(db.OrganisationMembers
                .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoDataSeeder.ApplicantEmail))
                .Select(m => m.Organisation!.Name).ToList()),
        });

        // The council, and three other funders so the equality benchmark has its minimum of three others.
        Assert.Equal([DemoDataSeeder.FunderName, "Tyneside Integrated Care Board", "Wearside Community Foundation", "Durham Health Trust"], counts.Funders);
        // The council's open and closed rounds, last year's pilot, small-grants and spring rounds, two
        // earlier decided rounds; and one decided round for each other funder.
        Assert.Equal(10, counts.Rounds);
        Assert.Equal(24, counts.Organisations); // six with demo members, eighteen in the past rounds' history
        Assert.Equal(
            [DemoDataSeeder.AdminEmail, DemoDataSeeder.Applicant2Email, DemoDataSeeder.ApplicantEmail, DemoDataSeeder.Assessor1Email, DemoDataSeeder.Assessor2Email, DemoDataSeeder.FunderEmail],
            counts.Users);
        Assert.Equal([DemoDataSeeder.ApplicantOrganisation], counts.ApplicantOrganisations);
    }
}
