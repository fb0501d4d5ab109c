using System.Net;
using GrantsHub.Domain.Common;
using GrantsHub.IntegrationTests.Awards;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>The funder's ranked table of weighted scores, divergence and moderated scores.</summary>
public sealed class ModerationTests(SharedApp app) : IClassFixture<SharedApp>
{
    /// <summary>Application 0: assessors at 100 and 25 (divergent, mean 62.5). Application 1: 75 and 65 (mean 70).</summary>
    private async Task<AssessmentScenario> ScoredAsync()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 2);
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await scenario.DeclareAsync(assessor1);
        await scenario.DeclareAsync(assessor2);
        foreach (var (client, app0, app1) in new[] { (assessor1, (4, 4), (3, 3)), (assessor2, (1, 1), (3, 2)) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AssessmentScenario.ScoreAsync(client, scenario.Applications[0], AssessmentScenario.Scores(app0.Item1, "why", app0.Item2, "why"))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await AssessmentScenario.ScoreAsync(client, scenario.Applications[1], AssessmentScenario.Scores(app1.Item1, "why", app1.Item2, "why"))).StatusCode);
        }

        return scenario;
    }

    [Fact]
    public async Task The_ranked_table_shows_each_assessors_weighted_total_the_spread_and_flags_divergence()
    {
        var scenario = await ScoredAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/moderation");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal([scenario.Applications[1], scenario.Applications[0]], rows.Select(r => int.Parse(r.GetAttribute("data-application")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Tom Okafor: 100", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Helen Marsh: 25", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("62.5", rows[1].QuerySelectorAll("td")[^2].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[1].QuerySelector(".divergent"));
        Assert.Null(rows[0].QuerySelector(".divergent"));
        Assert.Contains("70", rows[0].QuerySelectorAll("td")[^2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderated_score_needs_a_rationale_replaces_the_mean_and_is_audited_with_before_and_after()
    {
        var scenario = await ScoredAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var id = scenario.Applications[0];
        var url = $"/funder/rounds/{scenario.RoundId}/moderation/applications/{id}";
        var ranked = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/moderation"); // its table kept until a change
        Assert.Equal(scenario.Applications[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ranked.QuerySelector("tbody tr")!.GetAttribute("data-application"));

        var refused = await funder.SubmitFormAsync(url, url, new Dictionary<string, string> { ["ModeratedScore"] = "80", ["Rationale"] = "" });
        Assert.Equal("Explain why the score was moderated", (await refused.ReadDocumentAsync()).FieldError("Rationale"));
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(url, url, new Dictionary<string, string> { ["ModeratedScore"] = "80", ["Rationale"] = "Panel agreed the need is strong" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(url, url, new Dictionary<string, string> { ["ModeratedScore"] = "72.5", ["Rationale"] = "Reach is narrower than stated" })).StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ApplicationId == id && e.Kind == "assessment.moderated").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].Before);
        Assert.Contains("Panel agreed the need is strong", entries[0].After, StringComparison.Ordinal);
        Assert.Contains("80", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("72.5", entries[1].After, StringComparison.Ordinal);
        var table = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/moderation");
        var first = table.QuerySelector("tbody tr")!;
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.GetAttribute("data-application"));
        Assert.Contains("72.5", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_funder_sees_every_assessors_scores_and_comments()
    {
        var scenario = await ScoredAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/moderation/applications/{scenario.Applications[0]}");

        var assessors = page.QuerySelectorAll("tbody tr th").Select(th => th.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Helen Marsh", "Tom Okafor"], assessors.Order());
        Assert.Equal(4, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Moderation_pages_are_the_funders_only()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 1);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId}/moderation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId + 10_000}/moderation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId}/moderation", UriKind.Relative))).StatusCode);

        // Another funder's staff: the round exists, but is not theirs, so neither the table nor an application's scores.
        using var otherFunder = await AwardScenario.FunderUserAsync(app, Roles.FunderAdmin, otherFunder: true);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFunder.GetAsync(new Uri($"/funder/rounds/{scenario.RoundId}/moderation", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFunder.GetAsync(
            new Uri($"/funder/rounds/{scenario.RoundId}/moderation/applications/{scenario.Applications[0]}", UriKind.Relative))).StatusCode);
    }
}
