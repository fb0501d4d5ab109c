using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Rounds;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Rounds;

/// <summary>The funder's list of a round's applications: filters, pages and the CSV export.</summary>
public sealed class ApplicationListTests : IAsyncLifetime
{
    private const string DisabledLedPot = "Disabled-led groups";

    private readonly GrantsHubFactory _app = new();
    private int _roundId;

    public async Task InitializeAsync()
    {
        // 30 submitted applications from 30 organisations, a draft, and a withdrawn one, spread over areas and kinds;
        // a pot for disabled-led groups (a community code) besides the round's two.
        _roundId = await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Title == "Equality Fund 2026: Round 2");
            db.RingFences.Add(new RingFence { RoundId = round.Id, Name = DisabledLedPot, Percentage = 10m, Qualifier = RingFenceQualifier.DeiCode, DeiCode = "DEI020000" });
            var now = _app.Clock.GetUtcNow();
            for (var i = 0; i < 32; i++)
            {
                var org = new Organisation
                {
                    Name = $"Group {i:D2}",
                    LegalForm = i % 2 == 0 ? LegalForm.RegisteredCharity : LegalForm.UnincorporatedGroup,
                    IsUserLed = i % 3 == 0,
                    IsCommunityLed = i % 7 == 0,
                    LedByLivedExperience = i % 4 == 0,
                    LedByRacialisedCommunities = i % 6 == 0,
                    DeiCodes = i % 8 == 0 ? [new OrganisationDeiCode { Code = "DEI020100" }] : [],
                    LocalAuthorityCode = i % 5 == 0 ? "E08000024" : "E08000021",
                    CreatedAt = now,
                };
                var status = i switch { 30 => ApplicationStatus.Draft, 31 => ApplicationStatus.Withdrawn, _ => ApplicationStatus.Submitted };
                var application = new GrantApplication
                {
                    Round = round, Organisation = org, ProjectTitle = i == 0 ? "=HYPERLINK(\"http://evil\")" : $"Project {i:D2}",
                    AmountRequested = 10_000m + i, DurationMonths = 12, Status = status, CreatedAt = now, UpdatedAt = now,
                    SubmittedAt = status == ApplicationStatus.Draft ? null : now.AddMinutes(-i),
                };
                db.Applications.Add(application);
            }

            await db.SaveChangesAsync();
            foreach (var a in db.Applications.Where(a => a.SubmittedAt != null).ToList())
            {
                a.Reference = GrantApplication.ReferenceFor(a.Id, a.SubmittedAt!.Value);
            }

            await db.SaveChangesAsync();
            return round.Id;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Submitted_applications_are_listed_25_to_a_page_without_drafts()
    {
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var first = await client.GetDocumentAsync($"/funder/rounds/{_roundId}/applications");
        Assert.Equal("31 applications match.", first.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(RoundApplicationsController.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));

        var second = await client.GetDocumentAsync($"/funder/rounds/{_roundId}/applications?Page=2");
        Assert.Equal(6, second.QuerySelectorAll("tbody tr").Length);
        var titles = first.QuerySelectorAll("tbody tr td:nth-child(3)").Concat(second.QuerySelectorAll("tbody tr td:nth-child(3)")).Select(t => t.TextContent).ToList();
        Assert.Equal(31, titles.Distinct().Count());
        Assert.DoesNotContain("Project 30", titles);
    }

    [Fact]
    public async Task The_unfiltered_list_kept_for_a_round_shows_each_change_at_once()
    {
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var url = $"/funder/rounds/{_roundId}/applications";
        var first = await client.GetDocumentAsync(url);
        Assert.Equal("31 applications match.", first.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Group 01", first.QuerySelectorAll("tbody th").Select(t => t.ChildNodes[0].TextContent));
        var last = await client.GetDocumentAsync($"{url}?Page=2");
        Assert.Equal(6, last.QuerySelectorAll("tbody tr").Length);

        // Another member of staff would see the same kept list: a change anywhere must reach it at once.
        await _app.WithDbAsync(async db =>
        {
            var renamed = await db.Organisations.SingleAsync(o => o.Name == "Group 01");
            renamed.Name = "Group 01, renamed";
            var draft = await db.Applications.SingleAsync(a => a.RoundId == _roundId && a.Status == ApplicationStatus.Draft && a.Organisation!.Name == "Group 30");
            draft.Status = ApplicationStatus.Submitted;
            draft.SubmittedAt = _app.Clock.GetUtcNow().AddDays(-1);
            return await db.SaveChangesAsync();
        });

        var again = await client.GetDocumentAsync(url);
        Assert.Equal("32 applications match.", again.QuerySelector("[role=status]")!.TextContent);
        var organisations = again.QuerySelectorAll("tbody th").Select(t => t.ChildNodes[0].TextContent).ToList();
        Assert.Contains("Group 01, renamed", organisations);
        Assert.DoesNotContain("Group 01", organisations);
        var lastAgain = await client.GetDocumentAsync($"{url}?Page=2");
        Assert.Equal(7, lastAgain.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Group 30", lastAgain.QuerySelectorAll("tbody th")[^1].ChildNodes[0].TextContent); // submitted a day before the rest

        // A page past the last shows the last page, and the first page is still the first.
        var past = await client.GetDocumentAsync($"{url}?Page=99");
        Assert.Equal("Applications, page 2 of 2", past.QuerySelector("caption")!.TextContent);
        Assert.Equal(7, past.QuerySelectorAll("tbody tr").Length);
        var firstAgain = await client.GetDocumentAsync(url);
        Assert.Equal("Applications, page 1 of 2", firstAgain.QuerySelector("caption")!.TextContent);
    }

    [Theory]
    [InlineData("Status=Draft", 1)]
    [InlineData("Status=Withdrawn", 1)]
    [InlineData("Type=UserLed", 10)] // i % 3 == 0 for i < 30, plus 30 is a draft: 0,3,...,27 = 10
    [InlineData("Type=RegisteredCharity", 15)]
    [InlineData("Area=E08000024", 6)] // i % 5 == 0 for i < 30 = 6, 31 withdrawn is not
    [InlineData("Type=UnincorporatedGroup&Area=E08000024", 3)]
    public async Task Filters_narrow_the_list(string query, int expected)
    {
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var page = await client.GetDocumentAsync($"/funder/rounds/{_roundId}/applications?{query}");
        Assert.Equal($"{expected} application{(expected == 1 ? "" : "s")} match.", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_ring_fence_filter_keeps_only_qualifying_organisations()
    {
        var potId = await _app.WithDbAsync(db => db.RingFences.Where(r => r.RoundId == _roundId && r.Name == "Led by people with lived experience").Select(r => r.Id).SingleAsync());
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var page = await client.GetDocumentAsync($"/funder/rounds/{_roundId}/applications?RingFence={potId}");

        // i % 4 == 0 for i in 0..29 plus 31 (withdrawn, shown only with its filter): 0,4,...,28 = 8
        Assert.Equal("8 applications match.", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_csv_export_has_every_matching_application_and_defuses_formulas()
    {
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var response = await client.GetAsync(new Uri($"/funder/rounds/{_roundId}/applications/export.csv?Area=E08000024", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Organisation,LegalForm,UserLed,CommunityLed,LocalAuthorityCode,LocalAuthority,DeprivationDecile,ProjectTitle,AmountRequested", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        var group0 = lines.Single(l => l.Contains("Group 00", StringComparison.Ordinal));
        Assert.Contains("Sunderland,2,", group0, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", group0, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", group0, StringComparison.Ordinal);
        Assert.Contains("10000.00", group0, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_takes_a_fixed_number_of_queries_however_many_applications()
    {
        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await client.GetAsync(new Uri($"/funder/rounds/{_roundId}/applications", UriKind.Relative)); // warm up
        var counter = _app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        await client.GetAsync(new Uri($"/funder/rounds/{_roundId}/applications", UriKind.Relative));

        Assert.InRange(counter.Count, 1, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Status=Withdrawn")]
    [InlineData("Status=Draft")]
    [InlineData("Type=CommunityLed")]
    [InlineData("Type=UserLed&Area=E08000024")]
    [InlineData("Type=RegisteredCharity&Status=Submitted")]
    [InlineData("Type=CommunityInterestCompany")]
    [InlineData("Area=E08000021")]
    [InlineData("pot=Led by people with lived experience")]
    [InlineData("pot=Led by racialised communities&Type=RegisteredCharity")]
    [InlineData("pot=" + DisabledLedPot)]
    public async Task The_list_and_the_export_hold_the_same_applications_as_the_rules_say_for_each_filter(string filter)
    {
        var parts = filter.Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        var potName = parts.SingleOrDefault(p => p.StartsWith("pot=", StringComparison.Ordinal))?[4..];
        parts.RemoveAll(p => p.StartsWith("pot=", StringComparison.Ordinal));
        var (pot, applications) = await _app.WithDbAsync(async db => (
            potName is null ? null : await db.RingFences.AsNoTracking().SingleAsync(r => r.RoundId == _roundId && r.Name == potName),
            await db.Applications.AsNoTracking().Where(a => a.RoundId == _roundId).Include(a => a.Organisation!).ThenInclude(o => o.DeiCodes).ToListAsync()));
        if (pot is not null)
        {
            parts.Add($"RingFence={pot.Id}");
        }

        var values = parts.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var expected = applications.Where(a =>
                (values.TryGetValue("Status", out var status) ? a.Status.ToString() == status : a.Status != ApplicationStatus.Draft)
                && (!values.TryGetValue("Area", out var area) || a.Organisation!.LocalAuthorityCode == area)
                && (!values.TryGetValue("Type", out var type) || type switch
                {
                    "UserLed" => a.Organisation!.IsUserLed,
                    "CommunityLed" => a.Organisation!.IsCommunityLed,
                    _ => a.Organisation!.LegalForm.ToString() == type,
                })
                && (pot is null || pot.Qualifies(a.Organisation!)))
            .Select(a => a.Reference ?? $"(draft) {a.ProjectTitle}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 0 || filter == "Type=CommunityInterestCompany", $"the fixture should give {filter} some applications");

        using var client = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var query = string.Join('&', parts);
        var listed = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await client.GetDocumentAsync($"/funder/rounds/{_roundId}/applications?{query}&Page={number}");
            Assert.Equal($"{expected.Count} application{(expected.Count == 1 ? "" : "s")} match.", page.QuerySelector("[role=status]")?.TextContent);
            var rows = page.QuerySelectorAll("tbody tr").ToList();
            listed.AddRange(rows.Select(r => r.QuerySelector("td")!.TextContent.Trim() is { Length: > 0 } reference && reference != "—"
                ? reference
                : $"(draft) {r.QuerySelector("td:nth-child(3)")!.TextContent.Trim()}"));
            if (page.QuerySelector("a[rel=next]") is null)
            {
                break;
            }
        }

        var csv = await client.GetStringAsync(new Uri($"/funder/rounds/{_roundId}/applications/export.csv?{query}", UriKind.Relative));
        var exported = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')[0] is { Length: > 0 } reference ? reference : $"(draft) {line.Split(',')[8]}").ToList();

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
        Assert.Equal(expected, exported.Order(StringComparer.Ordinal));
    }
}
