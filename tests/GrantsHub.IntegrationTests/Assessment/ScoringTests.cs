using System.Net;
using GrantsHub.Domain.Assessment;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>Assessors score what they are assigned: on the round's scale, with comments, until scoring closes.</summary>
public sealed class ScoringTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<(AssessmentScenario Scenario, HttpClient Assessor1, HttpClient Assessor2)> ReadyAsync()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 1);
        var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email);
        await scenario.DeclareAsync(assessor1);
        await scenario.DeclareAsync(assessor2);
        return (scenario, assessor1, assessor2);
    }

    [Fact]
    public async Task The_assessor_reads_the_application_answers_read_only()
    {
        var (scenario, assessor1, _) = await ReadyAsync();

        var page = await assessor1.GetDocumentAsync($"/assessor/applications/{scenario.Applications[0]}");

        Assert.StartsWith("Peer support groups answer 0", page.QuerySelector("dd.answer")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[name^='Answer'], textarea[name^='Answer']"));
    }

    [Fact]
    public async Task Scores_out_of_range_and_missing_comments_are_explained_beside_each_field()
    {
        var (scenario, assessor1, _) = await ReadyAsync();

        var response = await AssessmentScenario.ScoreAsync(assessor1, scenario.Applications[0], AssessmentScenario.Scores(5, "Strong need", null, " "));

        var page = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Score Need from 0 to 4", page.FieldError("Rows[0].Value"));
        Assert.Equal("Enter a score for Reach", page.FieldError("Rows[1].Value"));
        Assert.Equal("Explain your score for Reach", page.FieldError("Rows[1].Comment"));
        Assert.Equal(["Score Need from 0 to 4", "Enter a score for Reach", "Explain your score for Reach"], page.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Scores.AnyAsync(s => db.Assignments.Any(a => a.Id == s.AssignmentId && a.ApplicationId == scenario.Applications[0]))));
    }

    [Fact]
    public async Task A_draft_may_be_incomplete_and_the_queue_shows_it_in_progress_then_done_when_submitted()
    {
        var (scenario, assessor1, _) = await ReadyAsync();
        var id = scenario.Applications[0];

        var draft = await AssessmentScenario.ScoreAsync(assessor1, id, AssessmentScenario.Scores(3, "Clear need", null, null, ScoringAction.SaveDraft));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("1", (await assessor1.GetDocumentAsync("/assessor?status=InProgress")).QuerySelector("[data-count=InProgress]")!.TextContent);
        Assert.Equal("3", (await assessor1.GetDocumentAsync($"/assessor/applications/{id}")).QuerySelector("#Rows_0__Value")!.GetAttribute("value"));

        var submitted = await AssessmentScenario.ScoreAsync(assessor1, id, AssessmentScenario.Scores(3, "Clear need", 2, "Reaches two estates"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var queue = await assessor1.GetDocumentAsync("/assessor?status=Done");
        Assert.NotNull(queue.QuerySelector($"a[href='/assessor/applications/{id}']"));
        var score = await app.WithDbAsync(db => db.Scores.Include(s => s.Criteria).SingleAsync(s => db.Assignments.Any(a => a.Id == s.AssignmentId && a.ApplicationId == id && a.PanelMemberId == scenario.Member1)));
        Assert.Equal(ScoreStatus.Submitted, score.Status);
        Assert.Equal([3, 2], score.Criteria.OrderBy(c => c.CriterionId).Select(c => c.Value));
    }

    [Fact]
    public async Task Scores_cannot_be_changed_after_the_deadline()
    {
        var (scenario, assessor1, _) = await ReadyAsync();
        await app.WithDbAsync(db => db.Panels.Where(p => p.Id == scenario.PanelId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ScoringDeadline, app.Clock.GetUtcNow().AddMinutes(-1))));

        var response = await AssessmentScenario.ScoreAsync(assessor1, scenario.Applications[0], AssessmentScenario.Scores(3, "a", 3, "b"));

        Assert.Equal(["Scoring closed at Friday 27 November 2026, 9:59am (GMT), so scores can no longer be changed."], (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Scores.AnyAsync(s => db.Assignments.Any(a => a.Id == s.AssignmentId && a.ApplicationId == scenario.Applications[0]))));
    }

    [Fact]
    public async Task Scores_cannot_be_changed_once_the_funder_locks_scoring()
    {
        var (scenario, assessor1, _) = await ReadyAsync();
        var id = scenario.Applications[0];
        Assert.Equal(HttpStatusCode.Redirect, (await AssessmentScenario.ScoreAsync(assessor1, id, AssessmentScenario.Scores(3, "a", 3, "b"))).StatusCode);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var panel = $"/funder/rounds/{scenario.RoundId}/panel";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(panel, $"{panel}/lock", new Dictionary<string, string> { ["locked"] = "true" })).StatusCode);

        var response = await AssessmentScenario.ScoreAsync(assessor1, id, AssessmentScenario.Scores(1, "changed", 1, "changed"));

        Assert.Equal(["The funder has locked scoring, so scores can no longer be changed."], (await response.ReadDocumentAsync()).ErrorSummary());
        var values = await app.WithDbAsync(db => db.CriterionScores.Where(c => db.Scores.Any(s => s.Id == c.ScoreId && db.Assignments.Any(a => a.Id == s.AssignmentId && a.ApplicationId == id))).Select(c => c.Value).ToListAsync());
        Assert.Equal([3, 3], values);
    }

    [Fact]
    public async Task An_assessor_never_sees_another_assessors_scores_or_comments()
    {
        var (scenario, assessor1, assessor2) = await ReadyAsync();
        var id = scenario.Applications[0];
        var secret = $"Assessor one's private view {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await AssessmentScenario.ScoreAsync(assessor1, id, AssessmentScenario.Scores(4, secret, 1, secret))).StatusCode);

        var html = await (await assessor2.GetAsync(new Uri($"/assessor/applications/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        var page = await assessor2.GetDocumentAsync($"/assessor/applications/{id}");
        Assert.All(page.QuerySelectorAll("input[name$='.Value']"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
    }
}
