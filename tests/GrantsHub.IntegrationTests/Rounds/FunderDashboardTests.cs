using System.Net;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Partnerships;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Funders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Rounds;

/// <summary>The funder's dashboard shows each programme's latest rounds; the programme's page lists them all.</summary>
public sealed class FunderDashboardTests
{
    [Fact]
    public async Task A_programme_with_many_rounds_shows_its_latest_on_the_dashboard_and_all_of_them_a_page_at_a_time_on_its_own_page()
    {
        await using var app = new GrantsHubFactory();
        // 22 more rounds in the demo funder's first programme, one a month back from the present, so the demo's own
        // current rounds stay the latest.
        var (programmeId, programmeName) = await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).FirstAsync();
            var now = app.Clock.GetUtcNow();
            for (var i = 1; i <= 22; i++)
            {
                db.Rounds.Add(new Round
                {
                    ProgrammeId = programme.Id, Title = $"Past round {i:D2}", OpensAt = now.AddYears(-3).AddMonths(-i), ClosesAt = now.AddYears(-3).AddMonths(-i).AddDays(20),
                    Budget = 1_000m * i, Stage = RoundStage.Published, Version = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
            return (programme.Id, programme.Name);
        });
        var total = await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ProgrammeId == programmeId));
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var dashboard = await funder.GetDocumentAsync("/funder");
        var section = dashboard.QuerySelector($"section[aria-labelledby='programme-{programmeId}']")!;
        var shown = section.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal(FunderDashboardController.RoundsPerProgramme, shown.Count);
        Assert.DoesNotContain(shown, t => t.StartsWith("Past round", StringComparison.Ordinal)); // the latest, not the oldest
        Assert.Equal($"All {total} rounds of {programmeName}", section.QuerySelector($"a[href='/funder/programmes/{programmeId}']")!.TextContent);

        var first = await funder.GetDocumentAsync($"/funder/programmes/{programmeId}");
        var second = await funder.GetDocumentAsync($"/funder/programmes/{programmeId}?page=2");
        Assert.Equal($"{total} rounds, latest first.", first.QuerySelector("[role=status]")!.TextContent);
        var titles = first.QuerySelectorAll("tbody th a").Concat(second.QuerySelectorAll("tbody th a")).Select(a => a.TextContent).ToList();
        Assert.Equal(Paging.DefaultSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(total, titles.Distinct().Count());
        Assert.Equal(shown, titles.Take(shown.Count)); // the same order as the dashboard
        Assert.Equal("Past round 22", titles[^1]);
        Assert.NotNull(first.QuerySelector($"a[rel=next][href='/funder/programmes/{programmeId}?page=2']"));
    }

    [Fact]
    public async Task A_programme_page_is_only_for_the_funder_that_runs_it()
    {
        await using var app = new GrantsHubFactory();
        var programmeId = await app.WithDbAsync(db => db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).Select(p => p.Id).FirstAsync());
        using var other = await app.SignedInAsync(await app.OtherFunderAsync());
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/funder/programmes/{programmeId}", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync(new Uri($"/funder/programmes/{programmeId}", UriKind.Relative))).StatusCode);
    }
}
