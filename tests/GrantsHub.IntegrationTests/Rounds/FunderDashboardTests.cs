using System.Globalization;
using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.IntegrationTests.Partnerships;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Funders;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Each_round_on_the_dashboard_counts_its_submitted_applications_and_its_drafts_apart_and_leaves_out_withdrawn_ones()
    {
        await using var app = new GrantsHubFactory();
        var now = app.Clock.GetUtcNow();
        var (emptyRoundId, busyRoundId) = await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).FirstAsync();
            var busy = await db.Applications.Where(a => a.Round!.ProgrammeId == programme.Id && a.Status == ApplicationStatus.Submitted)
                .Select(a => a.RoundId).FirstAsync();
            var empty = new Round
            {
                ProgrammeId = programme.Id, Title = "Next year's round", OpensAt = now.AddMonths(10), ClosesAt = now.AddMonths(11),
                Budget = 5_000m, Stage = RoundStage.Published, Version = Guid.NewGuid(),
            };
            db.Rounds.Add(empty);
            var organisations = Enumerable.Range(0, 3)
                .Select(i => new Organisation { Name = $"Counted {i}", LegalForm = LegalForm.RegisteredCharity, CreatedAt = now }).ToList();
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            var applications = organisations.Select(o => new GrantApplication
            {
                RoundId = busy, OrganisationId = o.Id, ProjectTitle = "Peer support", Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now,
            }).ToList();
            applications[2].MoveTo(ApplicationStatus.Submitted);
            applications[2].MoveTo(ApplicationStatus.Withdrawn);
            db.Applications.AddRange(applications);
            await db.SaveChangesAsync();
            return (empty.Id, busy);
        });
        var expected = await app.WithDbAsync(async db => (await db.Applications.GroupBy(a => a.RoundId)
                .Select(g => new
                {
                    RoundId = g.Key,
                    Submitted = g.Count(a => a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
                    Drafts = g.Count(a => a.Status == ApplicationStatus.Draft),
                })
                .ToListAsync())
            .ToDictionary(c => c.RoundId, c => (c.Submitted, c.Drafts)));
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var dashboard = await funder.GetDocumentAsync("/funder");
        var shown = dashboard.QuerySelectorAll("section[aria-labelledby^='programme-'] tbody tr")
            .Select(row =>
            {
                var id = int.Parse(row.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture);
                var cells = row.QuerySelectorAll("td");
                return (Id: id, Submitted: int.Parse(cells[^2].TextContent, CultureInfo.InvariantCulture), Drafts: int.Parse(cells[^1].TextContent, CultureInfo.InvariantCulture));
            })
            .ToList();
        Assert.Contains((emptyRoundId, 0, 0), shown);
        Assert.Contains(shown, r => r.Id == busyRoundId);
        Assert.True(expected[busyRoundId].Submitted > 0 && expected[busyRoundId].Drafts >= 2, "The busy round has submitted applications and drafts.");
        Assert.All(shown, r => Assert.Equal(expected.GetValueOrDefault(r.Id), (r.Submitted, r.Drafts)));
    }

    [Fact]
    public async Task The_dashboard_is_headed_with_the_funders_name_whether_or_not_it_has_rounds_yet()
    {
        await using var app = new GrantsHubFactory();
        using var demo = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var other = await app.SignedInAsync(await app.OtherFunderAsync()); // a funder with no programmes or rounds

        var withRounds = await demo.GetDocumentAsync("/funder");
        var withNone = await other.GetDocumentAsync("/funder");

        Assert.Equal(DemoDataSeeder.FunderName, withRounds.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(withRounds.QuerySelectorAll("section[aria-labelledby^='programme-'] tbody tr"));
        Assert.Equal("Southshire ICB", withNone.QuerySelector("h1")!.TextContent);
        Assert.Empty(withNone.QuerySelectorAll("section[aria-labelledby^='programme-'] tbody tr"));
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

    [Fact]
    public async Task An_admin_and_a_viewer_each_see_their_own_links_on_the_shared_programmes_and_both_see_a_change_at_once()
    {
        await using var app = new GrantsHubFactory();
        var viewerEmail = await NewViewerAsync(app);
        using var admin = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var viewer = await app.SignedInAsync(viewerEmail);

        var adminsPage = await admin.GetDocumentAsync("/funder");
        var viewersPage = await viewer.GetDocumentAsync("/funder");
        Assert.NotEmpty(adminsPage.QuerySelectorAll("main a[href^='/funder/rounds/new?programmeId=']"));
        Assert.Empty(viewersPage.QuerySelectorAll("main a[href^='/funder/rounds/new?programmeId=']"));
        Assert.Equal(RoundTitles(adminsPage), RoundTitles(viewersPage));

        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Title == "Equality Fund 2026: Round 2");
            round.Title = "Equality Fund 2026: Round 2 (autumn)";
            db.Rounds.Add(new Round
            {
                ProgrammeId = round.ProgrammeId, Title = "Equality Fund 2027: Round 1", Stage = RoundStage.Published, Budget = 80_000m,
                OpensAt = now.AddDays(30), ClosesAt = now.AddDays(60),
            });
            return await db.SaveChangesAsync();
        });

        foreach (var client in new[] { viewer, admin })
        {
            var titles = RoundTitles(await client.GetDocumentAsync("/funder"));
            Assert.Contains("Equality Fund 2026: Round 2 (autumn)", titles);
            Assert.Contains("Equality Fund 2027: Round 1", titles);
            Assert.DoesNotContain("Equality Fund 2026: Round 2", titles);
        }

        Assert.Empty((await viewer.GetDocumentAsync("/funder")).QuerySelectorAll("main a[href^='/funder/rounds/new?programmeId=']"));
    }

    [Fact]
    public async Task A_round_shows_as_closed_the_minute_after_it_closes_with_nothing_saved()
    {
        await using var app = new GrantsHubFactory();
        var (title, closesAt) = await app.WithDbAsync(db => db.Rounds
            .Where(r => r.Stage == RoundStage.Published && r.OpensAt <= app.Clock.GetUtcNow() && r.ClosesAt >= app.Clock.GetUtcNow())
            .Select(r => new ValueTuple<string, DateTimeOffset>(r.Title, r.ClosesAt)).SingleAsync());
        app.Clock.SetUtcNow(closesAt.AddMinutes(-1));
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        Assert.Equal("Open", await StatusAsync(funder, title));
        Assert.Equal("Open", await StatusAsync(funder, title)); // the same minute: as kept

        app.Clock.SetUtcNow(closesAt.AddMinutes(1));
        Assert.Equal("Closed", await StatusAsync(funder, title));
    }

    private static List<string> RoundTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main tbody th a").Select(a => a.TextContent)];

    private static async Task<string> StatusAsync(HttpClient client, string title) =>
        (await client.GetDocumentAsync("/funder")).QuerySelectorAll("main tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == title).QuerySelectorAll("td")[0].TextContent.Trim();

    private static Task<string> NewViewerAsync(GrantsHubFactory app) =>
        app.WithServiceAsync<IServiceProvider, string>(async services =>
        {
            var db = services.GetRequiredService<GrantsHub.Infrastructure.Persistence.GrantsHubDbContext>();
            var funderId = await db.Users.Where(u => u.Email == DemoDataSeeder.FunderEmail).Select(u => u.FunderId).SingleAsync();
            var email = $"viewer-{Guid.NewGuid():N}@northshire.example";
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Dev Viewer", FunderId = funderId };
            await users.CreateAsync(user, DemoDataSeeder.Password);
            await users.AddToRoleAsync(user, Roles.FunderViewer);
            return email;
        });
}
