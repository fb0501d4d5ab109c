using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>Main pages send a small, fixed number of SQL commands however much data there is (no N+1).</summary>
public sealed class QueryCountTests : IAsyncLifetime
{
    private const int MaximumCommandsPerPage = 5;
    // Pages drawn afresh each time, so the count is each page's own queries, not a kept copy's one query (KeptPageTests).
    private readonly GrantsHubFactory _app = new(new() { ["Pages:KeepUntilChange"] = "false" });

    public async Task InitializeAsync()
    {
        await _app.WithDbAsync(async db =>
        {
            var rounds = await db.Rounds.ToListAsync();
            var applicant = await db.OrganisationMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoDataSeeder.ApplicantEmail)).Select(m => m.UserId).SingleAsync();
            var now = _app.Clock.GetUtcNow();
            for (var i = 0; i < 60; i++)
            {
                var org = new Organisation { Name = $"Org {i}", LegalForm = LegalForm.RegisteredCharity, LocalAuthorityCode = "E08000021", CreatedAt = now };
                if (i < 5)
                {
                    org.Members.Add(new OrganisationMember { UserId = applicant, JoinedAt = now });
                }

                foreach (var round in rounds)
                {
                    db.Applications.Add(new GrantApplication { Round = round, Organisation = org, ProjectTitle = $"P{i}", Status = ApplicationStatus.Submitted, CreatedAt = now, UpdatedAt = now, SubmittedAt = now });
                }
            }

            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string?, string> Pages() => new()
    {
        { null, "/rounds" },
        { DemoDataSeeder.FunderEmail, "/funder" },
        { DemoDataSeeder.FunderEmail, "/funder/audit" },
        { DemoDataSeeder.FunderEmail, "/funder/team" },
        { DemoDataSeeder.ApplicantEmail, "/organisation" },
        { DemoDataSeeder.AdminEmail, "/platform" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_takes_at_most_five_sql_commands(string? user, string path) =>
        Assert.InRange((await CountSecondViewAsync(user, path)).Count, 1, MaximumCommandsPerPage);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_opens_the_database_connection_once_for_all_its_commands(string? user, string path) =>
        Assert.Equal(1, (await CountSecondViewAsync(user, path)).ConnectionsOpened);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_seen_again_prepares_no_sql_statement_on_SQLite_and_PostgreSQL_keeps_none_of_them(string? user, string path)
    {
        var kept = _app.Services.GetRequiredService<SqliteKeptStatements>();
        using var client = user is null ? _app.CreateBrowserlessClient() : await _app.SignedInAsync(user);
        (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        var prepared = kept.Prepared;

        (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();

        if (GrantsHubFactory.OnPostgres)
        {
            Assert.Equal(0, kept.Prepared); // Npgsql prepares on the server instead
        }
        else
        {
            Assert.True(prepared > 0, "the first view prepares its statements on kept connections");
            Assert.Equal(prepared, kept.Prepared);
        }
    }

    /// <summary>Opens the page twice (the first warms what the app keeps between requests) and counts the second.</summary>
    private async Task<QueryCounter> CountSecondViewAsync(string? user, string path)
    {
        using var client = user is null ? _app.CreateBrowserlessClient() : await _app.SignedInAsync(user);
        await client.GetAsync(new Uri(path, UriKind.Relative));
        var counter = _app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        return counter;
    }
}
