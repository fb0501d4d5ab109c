using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Rounds;

public sealed class FunderApplicationTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<int> ApplicationAsync(ApplicationStatus status, string organisation)
    {
        return await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.Include(r => r.Sections).ThenInclude(s => s.Questions).SingleAsync(r => r.Title == "Equality Fund 2026: Round 2");
            var org = await db.Organisations.SingleAsync(o => o.Name == organisation);
            var question = round.Sections.OrderBy(s => s.Order).First().Questions.OrderBy(q => q.Order).First();
            var now = app.Clock.GetUtcNow();
            var application = new GrantApplication
            {
                RoundId = round.Id, OrganisationId = org.Id, ProjectTitle = $"Peer circles {status}", AmountRequested = 24_000m, DurationMonths = 24,
                Status = status, CreatedAt = now, UpdatedAt = now, SubmittedAt = status == ApplicationStatus.Draft ? null : now,
                Answers = [new Answer { QuestionId = question.Id, Value = "Weekly peer support circles in three venues.", UpdatedAt = now }],
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
    }

    [Fact]
    public async Task A_funder_reads_a_submitted_application_with_its_answers()
    {
        var id = await ApplicationAsync(ApplicationStatus.Submitted, "Hearing Voices North East");
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await funder.GetDocumentAsync($"/funder/applications/{id}");

        Assert.Contains("Peer circles Submitted", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Weekly peer support circles in three venues.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task Drafts_stay_private_to_the_organisation()
    {
        var id = await ApplicationAsync(ApplicationStatus.Draft, "Durham Men's Shed Collective");
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/applications/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Applicants_cannot_use_the_funders_view()
    {
        var id = await ApplicationAsync(ApplicationStatus.Submitted, "Sunderland Sisters Wellbeing Circle");
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(new Uri($"/funder/applications/{id}", UriKind.Relative))).StatusCode);
    }
}
