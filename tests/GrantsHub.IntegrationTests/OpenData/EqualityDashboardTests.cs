using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.OpenData;

public sealed class EqualityDashboardTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_funder_sees_figures_for_a_round_downloads_them_with_small_groups_suppressed_and_cannot_pick_another_funders_round()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Title == "Equality Fund 2025").Select(r => r.Id).SingleAsync());
        var page = await funder.GetDocumentAsync($"/funder/equality?roundId={roundId}");
        Assert.Contains("Equality Fund 2025", page.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[type='application/json']#chart-access-legal-form-data"));
        Assert.Contains("fewer than 5", page.Body!.TextContent, StringComparison.Ordinal);

        var csv = await funder.GetStringAsync(new Uri($"/funder/equality/download?roundId={roundId}&section=access", UriKind.Relative));
        Assert.StartsWith("Dimension,Group,Applications", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("fewer than 5", csv, StringComparison.Ordinal);

        var other = await app.WithDbAsync(db => db.Rounds.Where(r => r.Programme!.Funder!.Name == "Durham Health Trust").Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await funder.GetAsync(new Uri($"/funder/equality?roundId={other}", UriKind.Relative))).StatusCode);
    }
}
