using System.Net;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed class RoundPageTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Anyone_can_read_a_published_round_with_its_rules_ring_fences_and_dates_in_uk_time()
    {
        var roundId = await app.RoundIdAsync();
        using var client = app.CreateBrowserlessClient();

        var list = await client.GetDocumentAsync("/rounds");
        Assert.Equal(ApplicantSteps.DemoRound, list.QuerySelector($"article h2 a[href='/rounds/{roundId}']")!.TextContent);

        var page = await client.GetDocumentAsync($"/rounds/{roundId}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Equal(ApplicantSteps.DemoRound, page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Equal("up to three years", page.QuerySelector(".round-description strong")!.TextContent);
        Assert.Contains("Your organisation must be at least one of: user-led, community-led.", text, StringComparison.Ordinal);
        Assert.Contains("Your annual income must be under £1,000,000.", text, StringComparison.Ordinal);
        Assert.Contains("Led by people with lived experience: £180,000 (30% of the budget).", text, StringComparison.Ordinal);
        Assert.Contains("£5,000 to £90,000", text, StringComparison.Ordinal);
        Assert.Contains("Up to 36 months", text, StringComparison.Ordinal);
        Assert.EndsWith("12:00pm (GMT)", page.QuerySelectorAll("time")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/rounds/{roundId}/apply", page.QuerySelector("[data-apply]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Markdown_in_a_description_cannot_inject_script_or_javascript_links()
    {
        var now = app.Clock.GetUtcNow();
        var roundId = await app.CreateRoundAsync("Round with hostile markdown", now.AddDays(-1), now.AddDays(5),
            r => r.Description = "Hello <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**");
        using var client = app.CreateBrowserlessClient();

        var html = await (await client.GetAsync(new Uri($"/rounds/{roundId}", UriKind.Relative))).Content.ReadAsStringAsync();
        var page = await client.GetDocumentAsync($"/rounds/{roundId}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".round-description img"));
        Assert.DoesNotContain(page.QuerySelectorAll(".round-description a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("bold", page.QuerySelector(".round-description strong")!.TextContent);
    }

    [Fact]
    public async Task A_draft_round_does_not_exist_for_the_public()
    {
        var now = app.Clock.GetUtcNow();
        var roundId = await app.CreateRoundAsync("Draft round", now.AddDays(-1), now.AddDays(5), r => r.Stage = RoundStage.Draft);
        using var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/rounds/{roundId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/rounds/999999", UriKind.Relative))).StatusCode);
        using var applicant = await app.SignedInAsync(Web.Infrastructure.DemoDataSeeder.ApplicantEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync(new Uri($"/rounds/{roundId}/apply", UriKind.Relative))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.RoundId == roundId)));
    }

    [Fact]
    public async Task The_organisation_dashboard_links_each_application_and_the_profile()
    {
        var roundId = await app.RoundIdAsync();
        var organisationId = await app.OrganisationIdAsync();
        using var client = await app.SignedInAsync(Web.Infrastructure.DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, organisationId);

        var page = await client.GetDocumentAsync("/organisation");

        Assert.NotNull(page.QuerySelector($"a[href='/applications/{applicationId}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/organisation/{organisationId}/profile']"));
    }
}
