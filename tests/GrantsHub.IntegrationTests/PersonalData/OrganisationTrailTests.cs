using System.Net;
using GrantsHub.Domain.Auditing;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.PersonalData;

/// <summary>An organisation reads the history of its own applications; assessors are never named.</summary>
public sealed class OrganisationTrailTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_history_shows_the_panel_and_the_funder_but_never_who_assessed()
    {
        var scenario = await DecidedScenario.CreateAsync(app);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var response = await applicant.GetAsync(new Uri($"/organisation/{scenario.Organisations[0]}/history", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("The panel", StringComparison.Ordinal) && r.Contains("assessment.moderated", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(DemoDataSeeder.FunderName, StringComparison.Ordinal) && r.Contains("decision.made", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("score", StringComparison.OrdinalIgnoreCase) && !r.Contains("moderated", StringComparison.Ordinal));
        foreach (var identity in DecidedScenario.AssessorIdentities.Append(await DecidedScenario.AssessorIdAsync(app, DemoDataSeeder.Assessor1Email)))
        {
            Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Priya Shah", html, StringComparison.Ordinal); // funder staff appear as the funder
    }

    [Fact]
    public async Task A_decision_appears_only_once_it_has_been_sent()
    {
        var scenario = await DecidedScenario.CreateAsync(app, notify: false);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var url = $"/organisation/{scenario.Organisations[0]}/history";

        var before = await applicant.GetStringAsync(new Uri(url, UriKind.Relative));
        using (var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail))
        {
            var list = $"/funder/rounds/{scenario.RoundId}/decisions";
            await funder.SubmitFormAsync(list, $"{list}/notify", new Dictionary<string, string>());
        }

        var after = await applicant.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.DoesNotContain("decision.made", before, StringComparison.Ordinal);
        Assert.DoesNotContain("assessment.moderated", before, StringComparison.Ordinal);
        Assert.Contains("decision.made", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_filters_by_kind_and_is_paginated()
    {
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = new Domain.Organisations.Organisation { Name = "Paged history group", LegalForm = Domain.Organisations.LegalForm.UnincorporatedGroup, CreatedAt = app.Clock.GetUtcNow() };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var applicant = await db.Users.Where(u => u.Email == DemoDataSeeder.ApplicantEmail).Select(u => u.Id).SingleAsync();
            db.OrganisationMembers.Add(new Domain.Organisations.OrganisationMember { OrganisationId = organisation.Id, UserId = applicant });
            db.AuditEntries.AddRange(Enumerable.Range(0, 35).Select(i => new AuditEntry
            {
                At = app.Clock.GetUtcNow().AddMinutes(-i), ActorUserId = applicant, ActorName = "Sam Rivers", Kind = "organisation.profile-changed",
                Summary = $"Profile change {i}", OrganisationId = organisation.Id,
            }));
            db.AuditEntries.Add(new AuditEntry { At = app.Clock.GetUtcNow(), ActorName = "Sam Rivers", ActorUserId = applicant, Kind = "application.started", Summary = "Started a draft", OrganisationId = organisation.Id });
            db.AuditEntries.Add(new AuditEntry { At = app.Clock.GetUtcNow(), ActorName = "Tom Okafor", Kind = "assessment.conflicts-declared", Summary = "Tom Okafor declared conflicts", OrganisationId = organisation.Id });
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var all = await applicant.GetDocumentAsync($"/organisation/{organisationId}/history");
        var second = await applicant.GetDocumentAsync($"/organisation/{organisationId}/history?page=2");
        var applications = await applicant.GetDocumentAsync($"/organisation/{organisationId}/history?kind=application");

        Assert.Contains("36 entries match", all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(30, all.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(6, second.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain("Tom Okafor", all.Body.TextContent + second.Body!.TextContent, StringComparison.Ordinal);
        var only = Assert.Single(applications.QuerySelectorAll("tbody tr"));
        Assert.Contains("Started a draft", only.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Rivers", only.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_history_is_not_found()
    {
        var mindful = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == DemoDataSeeder.ApplicantOrganisation).Select(o => o.Id).SingleAsync());
        using var other = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);

        var response = await other.GetAsync(new Uri($"/organisation/{mindful}/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
