using System.Net;
using System.Text.Json;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.OpenData;
using GrantsHub.Web.Infrastructure;
using Json.Schema;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.OpenData;

public sealed class OpenDataTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static readonly Lazy<(JsonSchema Package, JsonSchema Dei)> Schemas = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schemas");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // The 360Giving files name the 2020-12 meta-schema with http://; JsonSchema.Net knows it by its https:// identifier.
        string Read(string file) => File.ReadAllText(Path.Combine(folder, file)).Replace("http://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema", StringComparison.Ordinal);
        var grant = JsonSchema.FromText(Read("360-giving-schema.json"), options);
        // The package schema of 1.4.3 still refers to the grant schema by its 1.4.2 address.
        options.SchemaRegistry.Register(new Uri("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"), grant);
        var package = JsonSchema.FromText(Read("360-giving-package-schema.json"), options);
        // The DEI extension is written for draft-04, which JsonSchema.Net does not read; every keyword it uses
        // (type, required, properties, items, uniqueItems, pattern, $ref into its definitions, which 2020-12 calls $defs) means the same in 2020-12.
        var deiText = File.ReadAllText(Path.Combine(folder, "360-giving-dei-schema.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "https://json-schema.org/draft/2020-12/schema", StringComparison.Ordinal)
            .Replace("\"definitions\"", "\"$defs\"", StringComparison.Ordinal)
            .Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal);
        var dei = JsonSchema.FromText(deiText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://example.org/dei-extension.json"));
        return (package, dei);
    });

    private static void AssertValid(JsonElement package)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var result = Schemas.Value.Package.Evaluate(package, options);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20)));
        foreach (var grant in package.GetProperty("grants").EnumerateArray())
        {
            var dei = Schemas.Value.Dei.Evaluate(grant, options);
            Assert.True(dei.IsValid, $"{grant.GetProperty("id")}: {string.Join("\n", (dei.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values))}");
        }
    }

    private async Task<int> FunderIdAsync(string name) => await app.WithDbAsync(db => db.Funders.Where(f => f.Name == name).Select(f => f.Id).SingleAsync());

    [Fact]
    public async Task A_funder_previews_then_publishes_valid_360Giving_data_with_equality_details_only_where_allowed()
    {
        var funderId = await FunderIdAsync(DemoDataSeeder.FunderName);
        using var anonymous = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/funders/{funderId}/grants.json", UriKind.Relative))).StatusCode);

        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync("/funder/open-data", "/funder/open-data/preview", new Dictionary<string, string>())).StatusCode);
        var preview = await funder.GetDocumentAsync("/funder/open-data");
        Assert.Contains("Preview, not yet published", preview.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/funders/{funderId}/grants.json", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync("/funder/open-data", "/funder/open-data/publish", new Dictionary<string, string>())).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == OpenDataAuditKinds.Published)));

        var response = await anonymous.GetAsync(new Uri($"/funders/{funderId}/grants.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertValid(json.RootElement);

        var expected = await app.WithDbAsync(db => db.Awards.Where(a => a.FunderId == funderId && a.Status != AwardStatus.Withdrawn)
            .Select(a => new { a.ApplicationId, db.Organisations.Single(o => o.Id == a.OrganisationId).PublishEqualityData }).ToListAsync());
        var grants = json.RootElement.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(expected.Count, grants.Count);
        foreach (var grant in grants)
        {
            var id = grant.GetProperty("id").GetString()!;
            Assert.StartsWith("360G-northshire-", id, StringComparison.Ordinal);
            var consent = expected.Single(e => id == $"360G-northshire-{e.ApplicationId}").PublishEqualityData;
            Assert.Equal(consent, grant.TryGetProperty("deiDetails", out _));
            Assert.Matches("^(GB-CHC-|GB-COH-|360G-northshire-ORG-)", grant.GetProperty("recipientOrganization")[0].GetProperty("id").GetString()!);
            Assert.Equal("GBP", grant.GetProperty("currency").GetString());
        }

        var csv = await anonymous.GetStringAsync(new Uri($"/funders/{funderId}/grants.csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Identifier,Title,Description,Currency", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(expected.Count + 1, lines.Length);

        var transparency = await anonymous.GetDocumentAsync($"/funders/{funderId}/transparency");
        Assert.NotNull(transparency.QuerySelector($"a[href='/funders/{funderId}/grants.json']"));
        Assert.Contains("fewer than 5", transparency.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerating_without_a_change_keeps_the_snapshot_and_a_changed_grant_alone_gets_a_new_dateModified()
    {
        var funderId = await FunderIdAsync("Wearside Community Foundation");
        var first = await app.WithServiceAsync<OpenDataPublisher, Domain.OpenData.OpenDataSnapshot>(p => p.RegenerateAsync(funderId));
        app.Clock.Advance(TimeSpan.FromDays(1));
        var again = await app.WithServiceAsync<OpenDataPublisher, Domain.OpenData.OpenDataSnapshot>(p => p.RegenerateAsync(funderId));
        Assert.Equal(first.Id, again.Id);

        var changed = await app.WithDbAsync(async db =>
        {
            var award = await db.Awards.Where(a => a.FunderId == funderId).OrderBy(a => a.Id).FirstAsync();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == award.OrganisationId);
            organisation.Name += " (renamed)";
            await db.SaveChangesAsync();
            return award.ApplicationId;
        });
        var third = await app.WithServiceAsync<OpenDataPublisher, Domain.OpenData.OpenDataSnapshot>(p => p.RegenerateAsync(funderId));
        Assert.NotEqual(first.Id, third.Id);
        var modified = await app.WithDbAsync(db => db.OpenDataGrants.Where(g => g.SnapshotId == third.Id).Select(g => new { g.GrantId, g.DateModified }).ToListAsync());
        Assert.Equal(app.Clock.GetUtcNow(), modified.Single(g => g.GrantId == $"360G-wearsidecf-{changed}").DateModified);
        Assert.All(modified.Where(g => g.GrantId != $"360G-wearsidecf-{changed}"), g => Assert.True(g.DateModified < app.Clock.GetUtcNow().AddDays(-1)));
    }

    [Fact]
    public async Task A_funder_with_a_thousand_awards_publishes_a_valid_package_streamed_from_the_snapshot()
    {
        var funderId = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var programme = new Programme { Name = "Large Fund", TotalBudget = 50_000_000m, Funder = new Funder { Name = "Large Funder", OpenDataPrefix = "360G-large", CreatedAt = now } };
            var rounds = Enumerable.Range(1, 10).Select(n => new Round { Title = $"Large round {n}", OpensAt = now.AddDays(-90), ClosesAt = now.AddDays(-60), Budget = 4_000_000m, MaximumGrant = 50_000m, Stage = RoundStage.Decided }).ToList();
            programme.Rounds.AddRange(rounds);
            var forms = Enum.GetValues<LegalForm>();
            var organisations = Enumerable.Range(0, 100).Select(i => new Organisation
            {
                Name = $"Group {i}", LegalForm = forms[i % forms.Length], LocalAuthorityCode = "E08000021", PublishEqualityData = i % 2 == 0, CreatedAt = now,
                CharityNumber = i % 5 < 2 ? $"{1_200_000 + i}" : null, CompanyNumber = i % 5 is 2 or 3 ? $"{12_000_000 + i}" : null,
                DeiCodes = [new OrganisationDeiCode { Code = "DEI020200", Kind = DeiCodeKind.CommunityServed }],
            }).ToList();
            db.Programmes.Add(programme);
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            var applications = Enumerable.Range(0, 1000).Select(i => new GrantApplication
            {
                RoundId = rounds[i / 100].Id, OrganisationId = organisations[i % 100].Id, ProjectTitle = $"Project {i}", AmountRequested = 10_000m, DurationMonths = 12,
                Status = ApplicationStatus.Approved, CreatedAt = now, UpdatedAt = now, SubmittedAt = now.AddDays(-61),
            }).ToList();
            db.Applications.AddRange(applications);
            await db.SaveChangesAsync();
            foreach (var a in applications)
            {
                db.Decisions.Add(new Decision { ApplicationId = a.Id, Outcome = DecisionOutcome.Approved, Amount = 9_500m, Feedback = "Funded", DecidedAt = now.AddDays(-30), DecidedByUserId = "system" });
                db.Awards.Add(new Award
                {
                    ApplicationId = a.Id, OrganisationId = a.OrganisationId, RoundId = a.RoundId, FunderId = programme.FunderId, Reference = $"AW-{a.Id}", Amount = 9_500m,
                    StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2027, 11, 30), Status = AwardStatus.Active, CreatedAt = now,
                });
            }

            await db.SaveChangesAsync();
            return programme.FunderId;
        });

        var snapshot = await app.WithServiceAsync<OpenDataPublisher, Domain.OpenData.OpenDataSnapshot>(p => p.RegenerateAsync(funderId));
        Assert.Equal(1000, snapshot.GrantCount);
        await app.WithDbAsync(async db =>
        {
            var s = await db.OpenDataSnapshots.SingleAsync(x => x.Id == snapshot.Id);
            s.PublishedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        using var anonymous = app.CreateBrowserlessClient();
        using var response = await anonymous.GetAsync(new Uri($"/funders/{funderId}/grants.json", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength); // streamed, not buffered whole
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(1000, json.RootElement.GetProperty("grants").GetArrayLength());
        Assert.Equal(12, json.RootElement.GetProperty("grants")[0].GetProperty("plannedDates")[0].GetProperty("duration").GetInt32());
        AssertValid(json.RootElement);
    }
}
