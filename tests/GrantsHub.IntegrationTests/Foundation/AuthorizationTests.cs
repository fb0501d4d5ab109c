using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class AuthorizationTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(DemoDataSeeder.FunderEmail, "/funder", "Northshire Council")]
    [InlineData(DemoDataSeeder.Assessor1Email, "/assessor", "Your assessment queue")]
    [InlineData(DemoDataSeeder.Assessor2Email, "/assessor", "Your assessment queue")]
    [InlineData(DemoDataSeeder.ApplicantEmail, "/organisation", "Your organisation")]
    [InlineData(DemoDataSeeder.AdminEmail, "/platform", "Platform administration")]
    public async Task Each_demo_account_lands_on_its_own_home_page(string email, string home, string heading)
    {
        using var client = app.CreateBrowserlessClient();
        var signIn = await client.SignInAsync(email);
        Assert.Equal("/home", signIn.Headers.Location?.OriginalString);

        var redirect = await client.GetAsync(new Uri("/home", UriKind.Relative));
        Assert.Equal(home, redirect.Headers.Location?.OriginalString);

        var page = await client.GetDocumentAsync(home);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_applicant_dashboard_shows_their_organisation()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var page = await client.GetDocumentAsync("/organisation");

        Assert.Equal([DemoDataSeeder.ApplicantOrganisation], page.QuerySelectorAll("section[aria-labelledby^='org-'] h2").Select(h => h.TextContent).ToList());
        Assert.Contains("1 funding round is open now", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_funder_dashboard_lists_the_rounds_with_their_status()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var page = await client.GetDocumentAsync("/funder");

        (string, string)[] all =
        [
            ("Equality Fund 2026: Round 2", "Open"), ("Equality Fund 2026: Round 1", "Closed"), ("Equality Fund 2025: Small grants round", "Decided"),
            ("Equality Fund 2025: Spring round", "Archived"), ("Equality Fund 2025", "Decided"), ("Equality Fund 2025: Pilot round", "Decided"), ("Equality Fund 2024", "Decided"),
        ];
        static List<(string, string)> Rows(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector(".status-badge")!.TextContent))
            .ToList();

        // The latest five on the dashboard, and every round on the programme's page it links to.
        Assert.Equal(all.Take(5), Rows(page));
        var link = page.QuerySelector("section a[href^='/funder/programmes/']:not([href$='/edit'])")!;
        Assert.Equal("All 7 rounds of Community Mental Health Equality Fund", link.TextContent);
        Assert.Equal(all, Rows(await client.GetDocumentAsync(link.GetAttribute("href")!)));
    }

    [Theory]
    [InlineData("/funder")]
    [InlineData("/assessor")]
    [InlineData("/organisation")]
    [InlineData("/platform")]
    [InlineData("/admin/jobs")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoDataSeeder.ApplicantEmail, "/funder")]
    [InlineData(DemoDataSeeder.ApplicantEmail, "/admin/jobs")]
    [InlineData(DemoDataSeeder.ApplicantEmail, "/assessor")]
    [InlineData(DemoDataSeeder.Assessor1Email, "/admin/jobs")]
    [InlineData(DemoDataSeeder.Assessor1Email, "/organisation")]
    [InlineData(DemoDataSeeder.FunderEmail, "/platform")]
    [InlineData(DemoDataSeeder.AdminEmail, "/funder")]
    [InlineData(DemoDataSeeder.AdminEmail, "/admin/jobs")]
    public async Task Signed_in_users_without_the_role_get_403(string email, string path)
    {
        using var client = await app.SignedInAsync(email);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("You do not have access to this page", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_job_dashboard_opens_for_a_funder_admin()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var response = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("GrantsHub jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        using var client = app.CreateBrowserlessClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = DemoDataSeeder.FunderEmail,
            ["Password"] = DemoDataSeeder.Password,
        });
        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var signOut = await client.SubmitFormAsync("/funder", "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal("/", signOut.Headers.Location?.OriginalString);

        var after = await client.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
