using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>Recommendation, decisions and telling applicants.</summary>
public sealed class DecisionTests(SharedApp app) : IClassFixture<SharedApp>
{
    /// <summary>
    /// Budget £40,000 with a £20,000 user-led pot; three £20,000 requests, assigned and moderated:
    /// 0 user-led at 60, 1 not user-led at 90, 2 user-led at 40 (below the threshold of 50).
    /// Applicant is a member of organisations 0 and 2; applicant2 of organisation 1.
    /// </summary>
    private async Task<AssessmentScenario> ModeratedAsync()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 3, round: r =>
        {
            r.Budget = 40_000m;
            r.RingFences = [new RingFence { Name = "User-led", Amount = 20_000m, Qualifier = RingFenceQualifier.UserLed }];
        });
        using var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        await scenario.DeclareAsync(assessor1);
        await app.WithDbAsync(async db =>
        {
            var users = await db.Users.Where(u => u.Email == DemoDataSeeder.ApplicantEmail || u.Email == DemoDataSeeder.Applicant2Email).ToDictionaryAsync(u => u.Email!, u => u.Id);
            db.OrganisationMembers.AddRange(
                new OrganisationMember { OrganisationId = scenario.Organisations[0], UserId = users[DemoDataSeeder.ApplicantEmail] },
                new OrganisationMember { OrganisationId = scenario.Organisations[1], UserId = users[DemoDataSeeder.Applicant2Email] },
                new OrganisationMember { OrganisationId = scenario.Organisations[2], UserId = users[DemoDataSeeder.ApplicantEmail] });
            var scores = new[] { 60m, 90m, 40m };
            db.Moderations.AddRange(scenario.Applications.Select((id, i) => new Moderation { ApplicationId = id, ModeratedScore = scores[i], Rationale = "Agreed at panel", ModeratedByUserId = users[DemoDataSeeder.ApplicantEmail] }));
            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    private static async Task RunAsync(HttpClient funder, AssessmentScenario scenario)
    {
        var url = $"/funder/rounds/{scenario.RoundId}/recommendation";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(url, $"{url}/run", new Dictionary<string, string>())).StatusCode);
    }

    private static async Task DecideFromRecommendationAsync(HttpClient funder, AssessmentScenario scenario, string approveFeedback = "Panel praised your peer-led model.")
    {
        var url = $"/funder/rounds/{scenario.RoundId}/decisions";
        var response = await funder.SubmitFormAsync(url, $"{url}/from-recommendation", new Dictionary<string, string>
        {
            ["ApproveFeedback"] = approveFeedback, ["DeclineFeedback"] = "The panel wanted clearer outcomes.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_recommendation_fills_the_ring_fenced_pot_first_explains_each_line_and_is_audited()
    {
        var scenario = await ModeratedAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        await RunAsync(funder, scenario);

        var page = await funder.GetDocumentAsync($"/funder/rounds/{scenario.RoundId}/recommendation");
        var funded = page.QuerySelector("[data-outcome-group=Funded]")!;
        Assert.Contains("ring-fenced pot \"User-led\"", funded.QuerySelector($"tr[data-application='{scenario.Applications[0]}'] .explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("open budget", funded.QuerySelector($"tr[data-application='{scenario.Applications[1]}'] .explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("below the quality threshold of 50", page.QuerySelector($"tr[data-application='{scenario.Applications[2]}'] .explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RoundId == scenario.RoundId && e.Kind == "assessment.recommendation-run")));
    }

    [Fact]
    public async Task An_adjustment_reruns_the_recommendation_and_is_audited_with_before_and_after()
    {
        var scenario = await ModeratedAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await RunAsync(funder, scenario);
        var url = $"/funder/rounds/{scenario.RoundId}/recommendation";

        var response = await funder.SubmitFormAsync(url, $"{url}/adjust", new Dictionary<string, string>
        {
            ["ApplicationId"] = scenario.Applications[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Adjustment"] = "Exclude",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await funder.GetDocumentAsync(url);
        Assert.Equal("Excluded by the funder.", page.QuerySelector($"tr[data-application='{scenario.Applications[1]}'] .explanation")!.TextContent.Trim());
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RoundId == scenario.RoundId && e.Kind == "assessment.recommendation-adjusted"));
        Assert.Contains("\"Excluded\":[]", entry.Before, StringComparison.Ordinal);
        Assert.Contains($"\"Excluded\":[{scenario.Applications[1]}]", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_are_emailed_once_each_even_when_sent_twice_and_the_applicant_then_sees_the_outcome()
    {
        var scenario = await ModeratedAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant2 = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        await RunAsync(funder, scenario);
        var praise = $"Panel praised your peer-led model ({Guid.NewGuid():N}).";
        await DecideFromRecommendationAsync(funder, scenario, praise);
        var statuses = await app.WithDbAsync(db => db.Applications.Where(a => scenario.Applications.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Declined], statuses);

        var before = await applicant2.GetDocumentAsync("/organisation");
        Assert.DoesNotContain(praise, before.Body!.TextContent, StringComparison.Ordinal);

        var url = $"/funder/rounds/{scenario.RoundId}/decisions";
        var first = funder.SubmitFormAsync(url, $"{url}/notify", new Dictionary<string, string>());
        var second = funder.SubmitFormAsync(url, $"{url}/notify", new Dictionary<string, string>());
        await Task.WhenAll(first, second);

        var emails = (await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "Decision").ToListAsync()))
            .Where(m => scenario.Applications.Any(id => m.Key.StartsWith($"decision:{id}:", StringComparison.Ordinal))).ToList();
        Assert.Equal(3, emails.Count);
        var offer = emails.Single(m => m.Key.StartsWith($"decision:{scenario.Applications[1]}:", StringComparison.Ordinal));
        Assert.Equal(DemoDataSeeder.Applicant2Email, offer.ToAddress);
        Assert.Contains("with an offer of £20,000", offer.TextBody, StringComparison.Ordinal);
        Assert.Contains(praise, offer.TextBody, StringComparison.Ordinal);
        var after = await applicant2.GetDocumentAsync("/organisation");
        Assert.Contains(praise, after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approved", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_decision_needs_a_reason_is_audited_and_is_emailed_again()
    {
        var scenario = await ModeratedAsync();
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await RunAsync(funder, scenario);
        await DecideFromRecommendationAsync(funder, scenario);
        var list = $"/funder/rounds/{scenario.RoundId}/decisions";
        await funder.SubmitFormAsync(list, $"{list}/notify", new Dictionary<string, string>());
        var id = scenario.Applications[2];
        var url = $"{list}/{id}";
        var change = new Dictionary<string, string> { ["Outcome"] = "Approved", ["Amount"] = "15000", ["Feedback"] = "On appeal the panel funded a smaller pilot." };

        var refused = await funder.SubmitFormAsync(url, url, change);
        Assert.Equal("Give a reason for changing the decision", (await refused.ReadDocumentAsync()).FieldError("Reason"));
        var tooMuch = await funder.SubmitFormAsync(url, url, new Dictionary<string, string>(change) { ["Amount"] = "20000.01", ["Reason"] = "Appeal upheld" });
        Assert.Equal("Enter an amount from £1 to the £20,000 requested", (await tooMuch.ReadDocumentAsync()).FieldError("Amount"));
        change["Reason"] = "Appeal upheld by the grants committee";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(url, url, change)).StatusCode);

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ApplicationId == id && e.Kind == "decision.changed"));
        Assert.Contains("\"Outcome\":1", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Appeal upheld by the grants committee", entry.After, StringComparison.Ordinal);
        var decision = await app.WithDbAsync(db => db.Decisions.SingleAsync(d => d.ApplicationId == id));
        Assert.Equal((DecisionOutcome.Approved, 15_000m, 1, (DateTimeOffset?)null), (decision.Outcome, decision.Amount!.Value, decision.Revision, decision.NotifiedAt));
        Assert.Equal(ApplicationStatus.Approved, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        Assert.Contains("1 decision not yet sent.", (await funder.GetDocumentAsync(list)).Body!.TextContent, StringComparison.Ordinal); // the changed one, of this round

        await funder.SubmitFormAsync(list, $"{list}/notify", new Dictionary<string, string>());
        Assert.Contains("0 decisions not yet sent.", (await funder.GetDocumentAsync(list)).Body!.TextContent, StringComparison.Ordinal);
        var row = (await funder.GetDocumentAsync(list)).QuerySelector($"tr[data-application='{id}']")!;
        Assert.Contains("Approved", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("£15,000", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "Decision").Select(m => m.Key).ToListAsync()))
            .Count(k => k.StartsWith($"decision:{id}:", StringComparison.Ordinal)));
    }
}
