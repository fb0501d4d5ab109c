using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// The counts of each round's applications by status (<see cref="RoundApplicationCount"/>, shown on the funder's dashboard)
/// are kept by the database, on the migrated database of either provider, through every kind of change.
/// </summary>
public sealed class RoundApplicationCountTests
{
    [Fact]
    public async Task The_kept_counts_match_the_applications_after_every_kind_of_change()
    {
        await using var app = new GrantsHubFactory();
        await AssertCountsMatchAsync(app, "after the demo data was seeded");

        var now = app.Clock.GetUtcNow();
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var ids = await db.Rounds.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
            return (ids[0], ids[1]);
        });
        var organisationIds = await app.WithDbAsync(async db =>
        {
            var organisations = Enumerable.Range(0, 4)
                .Select(i => new Organisation { Name = $"Counted {i}", LegalForm = LegalForm.RegisteredCharity, CreatedAt = now }).ToList();
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            foreach (var organisation in organisations)
            {
                db.Applications.Add(new GrantApplication
                {
                    RoundId = first, OrganisationId = organisation.Id, ProjectTitle = "Peer support", Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync();
            return organisations.Select(o => o.Id).ToList();
        });
        await AssertCountsMatchAsync(app, "after four drafts were started");

        await app.WithDbAsync(async db =>
        {
            var drafts = await db.Applications.Where(a => organisationIds.Contains(a.OrganisationId)).OrderBy(a => a.OrganisationId).ToListAsync();
            drafts[0].MoveTo(ApplicationStatus.Submitted);
            drafts[1].MoveTo(ApplicationStatus.Submitted);
            drafts[1].MoveTo(ApplicationStatus.Withdrawn);
            drafts[2].ProjectTitle = "Peer support, renamed"; // saved, but neither its status nor its round changes
            drafts[3].RoundId = second;
            return await db.SaveChangesAsync();
        });
        await AssertCountsMatchAsync(app, "after a submission, a withdrawal, an edit and a move to another round");

        await app.WithDbAsync(async db =>
        {
            db.Applications.Remove(await db.Applications.SingleAsync(a => a.OrganisationId == organisationIds[0]));
            await db.SaveChangesAsync();
            return await db.Applications.Where(a => a.OrganisationId == organisationIds[1]).ExecuteDeleteAsync();
        });
        await AssertCountsMatchAsync(app, "after a deletion saved and one in bulk");

        await app.WithDbAsync(async db => await db.Organisations.Where(o => o.Id == organisationIds[2]).ExecuteDeleteAsync());
        await AssertCountsMatchAsync(app, "after an organisation was deleted with its application");

        var bulk = await app.WithDbAsync(async db =>
            await db.Applications.Where(a => a.RoundId == first && a.Status == ApplicationStatus.Submitted).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.UnderAssessment)));
        Assert.True(bulk > 0, "The demo round has submitted applications to move in bulk.");
        await AssertCountsMatchAsync(app, "after a bulk change of status");

        await app.WithDbAsync(async db => await db.Rounds.Where(r => r.Id == second).ExecuteDeleteAsync());
        await AssertCountsMatchAsync(app, "after a round was deleted with its applications");
        Assert.False(await app.WithDbAsync(db => db.RoundApplicationCounts.AnyAsync(c => c.RoundId == second)), "A deleted round keeps no counts.");
    }

    private static async Task AssertCountsMatchAsync(GrantsHubFactory app, string when)
    {
        var (actual, kept) = await app.WithDbAsync(async db =>
        {
            var actual = await db.Applications.GroupBy(a => new { a.RoundId, a.Status }).Select(g => new { g.Key.RoundId, g.Key.Status, Count = g.Count() }).ToListAsync();
            var kept = await db.RoundApplicationCounts.Where(c => c.Count != 0).ToListAsync();
            return (actual.Select(c => $"{c.RoundId}/{c.Status}: {c.Count}").Order().ToList(), kept.Select(c => $"{c.RoundId}/{c.Status}: {c.Count}").Order().ToList());
        });
        Assert.True(actual.Count > 0, "The instance has applications to count.");
        Assert.True(actual.SequenceEqual(kept), $"The kept counts differ from the applications {when}: kept [{string.Join(", ", kept)}], counted [{string.Join(", ", actual)}].");
    }
}
