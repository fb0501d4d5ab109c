using System.Globalization;
using GrantsHub.DataGenerator;
using GrantsHub.Domain.Partnerships;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.OpenData;
using GrantsHub.Web.Features.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// The data generator behind the benchmark, on this suite's database engine: the same seed gives the
/// same instance, and on that instance the main pages still send a small, fixed number of SQL commands.
/// </summary>
public sealed class LargeInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaximumCommandsPerPage = 5;
    private const double Scale = 0.02;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    // Pages drawn afresh each time, so the count is each page's own queries, not a kept copy's one query (KeptPageTests).
    // Drawn afresh with keeping on, a page sends one more: the data's version.
    private readonly GrantsHubFactory _app = new(new() { ["App:SeedDemoData"] = "false", ["Pages:KeepUntilChange"] = "false" });
    private BenchmarkTargets _targets = null!;

    public async Task InitializeAsync()
    {
        _targets = await GenerateAsync(_app, seed: 7);
        await PublishOpenDataAsync(_app, _targets);
    }

    /// <summary>Publishes the target funder's grants, as its admin would from the open data page.</summary>
    private static async Task PublishOpenDataAsync(GrantsHubFactory app, BenchmarkTargets targets)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsHub.Infrastructure.Persistence.GrantsHubDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<OpenDataPublisher>();
        var admin = await db.Users.Where(u => u.Email == targets.FunderEmail).Select(u => u.Id).SingleAsync();
        var snapshot = await publisher.RegenerateAsync(targets.FunderId);
        Assert.Null(await publisher.PublishAsync(targets.FunderId, snapshot.Id, admin));
        await db.SaveChangesAsync();
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
        await db.PartnershipAgreements.CountAsync(),
        await db.AgreementParties.CountAsync(),
        string.Join(',', await db.PartnershipAgreements.OrderBy(a => a.Id).Take(30).Select(a => a.Title + a.Stage + a.EndsOn).ToListAsync()),
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
    public async Task Funders_differ_in_size_and_partnerships_come_in_every_status_with_gaps_left()
    {
        var perFunder = await _app.WithDbAsync(db => db.Applications.GroupBy(a => a.Round!.Programme!.FunderId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(perFunder.Values.Max(), perFunder[_targets.FunderId]);
        Assert.True(perFunder[_targets.FunderId] >= 3 * perFunder.MaxBy(p => p.Key).Value, "The first funder is several times the size of the last.");

        var agreements = await _app.WithDbAsync(db => db.PartnershipAgreements.AsNoTracking()
            .Select(a => new { a.Stage, a.EndsOn, a.ReviewOn, a.LeadOrganisationId, Parties = a.Parties.Count, Awards = a.Awards.Count }).ToListAsync());
        Assert.Equal(Math.Max(LargeDataset.Funders * 3, (int)Math.Round(3_000 * Scale)), agreements.Count);
        var statuses = agreements.Select(a => AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, Now)).ToHashSet();
        Assert.Equal(Enum.GetValues<AgreementStatus>().ToHashSet(), statuses);
        Assert.All(agreements, a => Assert.InRange(a.Parties, 2, 4));
        Assert.All(agreements, a => Assert.InRange(a.Awards, 1, 2));
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.Contains(agreements, a => a.Stage == AgreementStage.Active && a.EndsOn > today && a.EndsOn <= today.AddDays(60));

        var funded = await _app.WithDbAsync(db => db.Awards.Select(a => a.OrganisationId).Distinct().ToListAsync());
        var leadingCurrent = agreements.Where(a => AgreementLifecycle.StatusAt(a.Stage, a.EndsOn, Now) is AgreementStatus.Signed or AgreementStatus.Active or AgreementStatus.UnderReview)
            .Select(a => a.LeadOrganisationId).ToHashSet();
        Assert.Contains(funded, o => !leadingCurrent.Contains(o));

        var funderSees = await _app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Awards.Any(l => db.Awards.Any(w => w.Id == l.AwardId && w.FunderId == _targets.FunderId))).CountAsync());
        Assert.True(funderSees >= 3, "The first funder sees several partnerships on its map.");
    }

    [Fact]
    public async Task The_generated_accounts_sign_in()
    {
        using var funder = await _app.SignedInAsync(_targets.FunderEmail, _targets.Password);
        var page = await funder.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Both_forms_of_the_funders_agreement_rule_give_the_same_agreements_in_every_area()
    {
        var (byFunder, byArea) = await _app.WithDbAsync(async db =>
        {
            var funders = await db.Funders.Select(f => f.Id).ToListAsync();
            var areas = await db.Organisations.Where(o => o.LocalAuthorityCode != null).Select(o => o.LocalAuthorityCode!).Distinct().ToListAsync();
            var wholeRule = new List<(int, string, int)>();
            var fewRule = new List<(int, string, int)>();
            foreach (var funder in funders)
            {
                wholeRule.AddRange((await db.VisibleToFunder(funder).Select(a => new { a.Id, a.LeadOrganisation!.LocalAuthorityCode }).ToListAsync())
                    .Where(a => a.LocalAuthorityCode is not null).Select(a => (funder, a.LocalAuthorityCode!, a.Id)));
                foreach (var area in areas)
                {
                    fewRule.AddRange((await db.PartnershipAgreements.Where(a => a.LeadOrganisation!.LocalAuthorityCode == area).VisibleToFunder(db, funder)
                        .Select(a => a.Id).ToListAsync()).Select(id => (funder, area, id)));
                }
            }

            return (wholeRule.Order().ToList(), fewRule.Order().ToList());
        });

        Assert.NotEmpty(byFunder);
        Assert.Equal(byFunder, byArea);
    }

    public static TheoryData<string, string> Pages() => new()
    {
        { "anonymous", "/funders" },
        { "anonymous", "/rounds" },
        { "funder", "/funder" },
        { "funder", "/funder/programmes/{programme}" },
        { "funder", "/funder/rounds/{round}/applications" },
        { "funder", "/funder/rounds/{round}/moderation" },
        { "funder", "/funder/rounds/{round}/panel" },
        { "organisation", "/organisation" },
        { "funder", "/funder/equality" },
        { "funder", "/funder/equality?roundId={round}" },
        { "funder", "/funder/equality/groups/area?page=2" },
        { "funder", "/funder/awards/{award}" },
        { "organisation", "/awards/{award}" },
        { "funder", "/funder/partnerships" },
        { "funder", "/funder/partnerships?show=gaps" },
        { "funder", "/funder/partnerships/areas/{area}" },
        { "funder", "/funder/partnerships/agreements/{agreement}" },
        { "organisation", "/organisation/{organisation}/agreements" },
        { "organisation", "/organisation/{organisation}/agreements/{agreement}" },
        { "anonymous", "/funders/{funder}/transparency" },
        { "anonymous", "/funders/{funder}/grants.json" },
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
        if (path.Contains("{programme}", StringComparison.Ordinal))
        {
            path = path.Replace("{programme}", Id(await _app.WithDbAsync(db => db.Rounds.Where(r => r.Id == _targets.RoundId).Select(r => r.ProgrammeId).SingleAsync())),
                StringComparison.Ordinal);
        }

        if (path.Contains("{area}", StringComparison.Ordinal))
        {
            // The area the benchmark's agreement is led from: it has partnerships of this funder.
            path = path.Replace("{area}", await _app.WithDbAsync(db => db.PartnershipAgreements.Where(a => a.Id == _targets.AgreementId)
                .Select(a => a.LeadOrganisation!.LocalAuthorityCode!).SingleAsync()), StringComparison.Ordinal);
        }

        var uri = new Uri(path
            .Replace("{round}", Id(_targets.RoundId), StringComparison.Ordinal)
            .Replace("{funder}", Id(_targets.FunderId), StringComparison.Ordinal)
            .Replace("{organisation}", Id(_targets.OrganisationId), StringComparison.Ordinal)
            .Replace("{award}", Id(_targets.AwardId!.Value), StringComparison.Ordinal)
            .Replace("{agreement}", Id(_targets.AgreementId!.Value), StringComparison.Ordinal), UriKind.Relative);
        (await client.GetAsync(uri)).EnsureSuccessStatusCode();
        var counter = _app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        var response = await client.GetAsync(uri);

        response.EnsureSuccessStatusCode();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} as {who}: {counter.Count} SQL commands"));
        Assert.InRange(counter.Count, 1, MaximumCommandsPerPage);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
