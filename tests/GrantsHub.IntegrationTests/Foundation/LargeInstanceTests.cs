using System.Globalization;
using GrantsHub.DataGenerator;
using GrantsHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// The data generator behind the benchmark, on this suite's database engine: the same seed gives the
/// same instance, and on that instance the main pages still send a small, fixed number of SQL commands.
/// </summary>
public sealed class LargeInstanceTests : IAsyncLifetime
{
    private const int MaximumCommandsPerPage = 5;
    private const double Scale = 0.02;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly GrantsHubFactory _app = new(new() { ["App:SeedDemoData"] = "false" });
    private BenchmarkTargets _targets = null!;

    public async Task InitializeAsync()
    {
        _targets = await GenerateAsync(_app, seed: 7);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<BenchmarkTargets> GenerateAsync(GrantsHubFactory app, int seed) =>
        await app.WithDbAsync(async db =>
        {
            var dataset = new LargeDataset(db, seed, Scale, Now, TextWriter.Null);
            await dataset.GenerateAsync();
            return dataset.Targets();
        });

    private static Task<string> FingerprintAsync(GrantsHubFactory app) => app.WithDbAsync(async db => string.Join('|',
        await db.Organisations.CountAsync(),
        await db.Applications.CountAsync(),
        await db.Answers.CountAsync(),
        await db.Scores.CountAsync(),
        await db.Awards.CountAsync(),
        await db.Milestones.CountAsync(),
        await db.Payments.CountAsync(),
        (await db.Awards.Select(a => a.Amount).ToListAsync()).Sum().ToString(CultureInfo.InvariantCulture),
        string.Join(',', await db.Organisations.OrderBy(o => o.Id).Take(30).Select(o => o.Name + o.LocalAuthorityCode).ToListAsync()),
        string.Join(',', await db.Applications.OrderBy(a => a.Id).Take(30).Select(a => a.ProjectTitle + a.AmountRequested + a.Status).ToListAsync())));

    [Fact]
    public async Task The_same_seed_generates_the_same_instance_and_another_seed_a_different_one()
    {
        await using var again = new GrantsHubFactory(new() { ["App:SeedDemoData"] = "false" });
        await GenerateAsync(again, seed: 7);
        await using var other = new GrantsHubFactory(new() { ["App:SeedDemoData"] = "false" });
        await GenerateAsync(other, seed: 8);

        var fingerprint = await FingerprintAsync(_app);
        Assert.Equal(fingerprint, await FingerprintAsync(again));
        Assert.NotEqual(fingerprint, await FingerprintAsync(other));
        Assert.Equal(LargeDataset.Funders, await _app.WithDbAsync(db => db.Funders.CountAsync()));
        Assert.True(await _app.WithDbAsync(db => db.Awards.CountAsync()) > 20, "Decided rounds produce awards.");
    }

    [Fact]
    public async Task The_generated_accounts_sign_in()
    {
        using var funder = await _app.SignedInAsync(_targets.FunderEmail, _targets.Password);
        var page = await funder.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    public static TheoryData<string, string> Pages() => new()
    {
        { "anonymous", "/funders" },
        { "anonymous", "/rounds" },
        { "funder", "/funder" },
        { "funder", "/funder/rounds/{round}/applications" },
        { "funder", "/funder/rounds/{round}/moderation" },
        { "organisation", "/organisation" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_on_the_large_instance_takes_at_most_five_sql_commands(string who, string path)
    {
        using var client = who switch
        {
            "funder" => await _app.SignedInAsync(_targets.FunderEmail, _targets.Password),
            "organisation" => await _app.SignedInAsync(_targets.OrganisationEmail, _targets.Password),
            _ => _app.CreateBrowserlessClient(),
        };
        var uri = new Uri(path.Replace("{round}", _targets.RoundId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);
        (await client.GetAsync(uri)).EnsureSuccessStatusCode();
        var counter = _app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        var response = await client.GetAsync(uri);

        response.EnsureSuccessStatusCode();
        Assert.InRange(counter.Count, 1, MaximumCommandsPerPage);
    }
}
