using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Areas;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Equality;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.OpenData;

/// <summary>A dimension with many groups (local authority areas): the dashboard shows its largest, a page of its own lists them all.</summary>
public sealed class EqualityGroupsTests : IAsyncLifetime
{
    // 53 areas of the funder's applicants besides the demo's: the first three large (30, 25, 20 applications), 49 with
    // five each, and one with two (shown as "fewer than 5").
    private const int Areas = 53;

    private readonly GrantsHubFactory _app = new();
    private int _roundId;
    private int _groups;

    private static int ApplicationsIn(int area) => area switch { 1 => 30, 2 => 25, 3 => 20, Areas => 2, _ => 5 };

    private static string AreaName(int area) => $"Testshire {area:D2}";

    public async Task InitializeAsync()
    {
        _roundId = await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Title == "Equality Fund 2026: Round 2");
            var now = _app.Clock.GetUtcNow();
            for (var area = 1; area <= Areas; area++)
            {
                var code = $"T{area:D8}";
                db.Areas.Add(new Area { Code = code, Name = AreaName(area), Region = "Test", DeprivationDecile = 1 + area % 10 });
                for (var i = 0; i < ApplicationsIn(area); i++)
                {
                    var org = new Organisation { Name = $"Group {area:D2}-{i:D2}", LegalForm = LegalForm.RegisteredCharity, LocalAuthorityCode = code, CreatedAt = now };
                    db.Applications.Add(new GrantApplication
                    {
                        Round = round, Organisation = org, ProjectTitle = $"Project {area:D2}-{i:D2}", AmountRequested = 10_000m, DurationMonths = 12,
                        Status = ApplicationStatus.Submitted, CreatedAt = now, UpdatedAt = now, SubmittedAt = now.AddMinutes(-i),
                    });
                }
            }

            await db.SaveChangesAsync();
            return round.Id;
        });
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var csv = await funder.GetStringAsync(new Uri($"/funder/equality/download?roundId={_roundId}&section=access&dimension=area", UriKind.Relative));
        _groups = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2; // less the header and the overall line
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_dashboard_shows_the_twelve_areas_with_most_applications_and_links_to_all_of_them()
    {
        Assert.True(_groups >= Areas, $"{_groups} area groups");
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var page = await funder.GetDocumentAsync($"/funder/equality?roundId={_roundId}");

        var areas = TableCaptioned(page, "Applications by local authority area");
        var rows = areas.QuerySelectorAll("tbody tr").Select(r => (Group: r.QuerySelector("th")!.TextContent, Applications: r.QuerySelectorAll("td")[0].TextContent)).ToList();
        Assert.Equal(EqualityTables.GroupsOnDashboard + 1, rows.Count); // and the overall line
        Assert.Equal([(AreaName(1), "30"), (AreaName(2), "25"), (AreaName(3), "20")], rows.Take(3));
        Assert.DoesNotContain(rows, r => r.Group == AreaName(Areas));
        var counts = rows.SkipLast(1).Select(r => int.Parse(r.Applications, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        // The chart draws the same twelve; the success rate table and chart too.
        var chart = JsonDocument.Parse(page.QuerySelector("#chart-access-area-data")!.TextContent).RootElement;
        Assert.Equal(rows.SkipLast(1).Select(r => r.Group), chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var rates = TableCaptioned(page, "Success rate and mean score by local authority area").QuerySelectorAll("tbody tr th").Select(t => t.TextContent).ToList();
        Assert.Equal(rows.SkipLast(1).Select(r => r.Group), rates);

        var link = page.QuerySelector("#access-area + p a[href^='/funder/equality/groups/area']")!;
        Assert.Equal($"All {_groups} groups by local authority area", link.TextContent);
        Assert.Contains($"of {_groups}", link.ParentElement!.TextContent, StringComparison.Ordinal);

        // A dimension with few groups is shown whole, with no such link.
        var forms = TableCaptioned(page, "Applications by legal form").QuerySelectorAll("tbody tr").Length;
        Assert.Equal(await CsvRowsAsync(funder, "legal-form"), forms); // its groups and the overall line
        Assert.Null(page.QuerySelector("a[href^='/funder/equality/groups/legal-form']"));

        // Every area is still in the download.
        var csv = await funder.GetStringAsync(new Uri($"/funder/equality/download?roundId={_roundId}&section=access&dimension=area", UriKind.Relative));
        Assert.Contains($"{AreaName(Areas)},fewer than 5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_of_all_areas_lists_them_alphabetically_fifty_at_a_time_with_small_groups_suppressed()
    {
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var first = await funder.GetDocumentAsync($"/funder/equality/groups/area?roundId={_roundId}");
        Assert.Equal("Equality figures by local authority area", first.QuerySelector("h1")!.TextContent);
        var firstNames = Groups(first);
        Assert.Equal(EqualityTables.GroupsPerPage, firstNames.Count);
        Assert.Equal(firstNames.Order(StringComparer.Ordinal), firstNames);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));

        var second = await funder.GetDocumentAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var secondNames = Groups(second);
        Assert.Equal(_groups - EqualityTables.GroupsPerPage, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.True(string.CompareOrdinal(firstNames[^1], secondNames[0]) < 0);
        var small = second.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == AreaName(Areas));
        Assert.All(small.QuerySelectorAll("td").Take(5), cell => Assert.Equal("fewer than 5", cell.TextContent.Trim().TrimEnd('%')));
        var large = first.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == AreaName(1));
        Assert.Equal("30", large.QuerySelectorAll("td")[0].TextContent);

        // A page past the last shows the last; none of these areas has an award yet.
        var past = await funder.GetDocumentAsync($"/funder/equality/groups/area?roundId={_roundId}&page=99");
        Assert.Equal(secondNames, Groups(past));
        Assert.Contains("None of the groups on this page has an award yet.", past.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/funder/equality?programmeId=" + await ProgrammeAsync() + $"&roundId={_roundId}#access-area",
            past.QuerySelector("a[href^='/funder/equality?']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Outcomes_on_the_page_of_all_areas_are_those_of_the_areas_on_that_page()
    {
        // All programmes: the demo's decided rounds have awards, in the demo's areas.
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var first = await funder.GetDocumentAsync("/funder/equality/groups/area");
        var names = Groups(first);
        var outcomes = TableCaptioned(first, "Milestones approved on time and people reached, by local authority area: awarded groups on this page")
            .QuerySelectorAll("tbody tr th").Select(t => t.TextContent).ToList();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Contains(o, names));
    }

    [Fact]
    public async Task Another_funders_round_or_a_dimension_that_does_not_exist_is_not_found()
    {
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var other = await _app.WithDbAsync(db => db.Rounds.Where(r => r.Programme!.Funder!.Name == "Durham Health Trust").Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/equality/groups/area?roundId={other}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/equality/groups/shoe-size?roundId={_roundId}", UriKind.Relative))).StatusCode);

        using var applicant = await _app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var refused = await applicant.GetAsync(new Uri($"/funder/equality/groups/area?roundId={_roundId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(AreaName(1), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement TableCaptioned(IHtmlDocument page, string caption) =>
        page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == caption);

    private static List<string> Groups(IHtmlDocument page) =>
        page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr th").Select(t => t.TextContent).ToList();

    private async Task<int> CsvRowsAsync(HttpClient funder, string dimension) =>
        (await funder.GetStringAsync(new Uri($"/funder/equality/download?roundId={_roundId}&section=access&dimension={dimension}", UriKind.Relative)))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    private Task<int> ProgrammeAsync() => _app.WithDbAsync(db => db.Rounds.Where(r => r.Id == _roundId).Select(r => r.ProgrammeId).SingleAsync());
}
