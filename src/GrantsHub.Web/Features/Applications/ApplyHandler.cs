using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Applications;

public enum StartResult
{
    NotFound,
    NotOpen,
    NotEligible,
    Started,
}

/// <summary>Checks an organisation against a round's rules, then starts its one application, or finds it again.</summary>
public sealed class ApplyHandler(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<ApplyPage?> PageAsync(string userId, int roundId, int? organisationId)
    {
        var round = await PublishedRoundAsync(roundId);
        if (round is null)
        {
            return null;
        }

        var organisations = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new OrganisationChoice(m.OrganisationId, m.Organisation!.Name))
            .ToListAsync();
        var chosen = organisations.FirstOrDefault(o => o.Id == organisationId) ?? (organisations.Count == 1 ? organisations[0] : null);
        IReadOnlyList<EligibilityFailure> failures = [];
        int? existing = null;
        if (chosen is not null)
        {
            var organisation = await db.Organisations.AsNoTracking().Include(o => o.DeiCodes).SingleAsync(o => o.Id == chosen.Id);
            failures = Eligibility.Check(round, organisation);
            existing = await db.Applications.Where(a => a.RoundId == roundId && a.OrganisationId == chosen.Id).Select(a => (int?)a.Id).SingleOrDefaultAsync();
        }

        return new ApplyPage(round.Id, round.Title, round.StatusAt(clock.GetUtcNow()), round.ClosesAt, organisations, chosen, failures, existing);
    }

    public async Task<(StartResult Result, int ApplicationId)> StartAsync(string userId, int roundId, int organisationId)
    {
        var round = await PublishedRoundAsync(roundId);
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.DeiCodes)
            .SingleOrDefaultAsync(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId));
        if (round is null || organisation is null)
        {
            return (StartResult.NotFound, 0);
        }

        var existing = await db.Applications.Where(a => a.RoundId == roundId && a.OrganisationId == organisationId).Select(a => (int?)a.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return (StartResult.Started, id);
        }

        var now = clock.GetUtcNow();
        if (!round.IsAcceptingSubmissionsAt(now))
        {
            return (StartResult.NotOpen, 0);
        }

        if (Eligibility.Check(round, organisation).Count > 0)
        {
            return (StartResult.NotEligible, 0);
        }

        var application = new GrantApplication
        {
            RoundId = roundId,
            OrganisationId = organisationId,
            ProjectTitle = "",
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedByUserId = userId,
        };
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A colleague started it at the same moment: there is one application per organisation per round.
            db.ChangeTracker.Clear();
            return (StartResult.Started, await db.Applications.Where(a => a.RoundId == roundId && a.OrganisationId == organisationId).Select(a => a.Id).SingleAsync());
        }

        audit.Record(AuditKinds.ApplicationStarted, $"{organisation.Name} started an application to {round.Title}",
            new AuditScope(FunderId: round.Programme!.FunderId, OrganisationId: organisationId, RoundId: roundId, ApplicationId: application.Id),
            entityType: "Application", entityId: application.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        return (StartResult.Started, application.Id);
    }

    private Task<Round?> PublishedRoundAsync(int roundId) =>
        db.Rounds.AsNoTracking().Include(r => r.Areas).Include(r => r.Programme)
            .SingleOrDefaultAsync(r => r.Id == roundId && r.Stage != RoundStage.Draft);
}
