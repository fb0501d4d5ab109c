using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Equality;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.OpenData;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Equality;

/// <summary>
/// Projects submitted applications to <see cref="ApplicationFacts"/> in a fixed number of set-based queries,
/// whatever the number of applications; the figures themselves are worked out in the domain.
/// </summary>
public sealed class EqualityFactsQuery(GrantsHubDbContext db)
{
    /// <summary>Applications to the given rounds (every funder's when null); DEI codes and scores only when asked for.</summary>
    public async Task<IReadOnlyList<ApplicationFacts>> LoadAsync(IQueryable<int>? roundIds, bool withDetails)
    {
        var applications = db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn);
        if (roundIds is not null)
        {
            applications = applications.Where(a => roundIds.Contains(a.RoundId));
        }

        var rows = await (
            from a in applications
            join w in AwardedGrants.In(db) on a.Id equals w.ApplicationId into awarded
            from w in awarded.DefaultIfEmpty()
            join area in db.Areas on a.Organisation!.LocalAuthorityCode equals area.Code into areas
            from area in areas.DefaultIfEmpty()
            select new
            {
                a.Id, a.RoundId, a.Round!.Programme!.FunderId, a.OrganisationId, a.Organisation!.LegalForm, a.Organisation.IsUserLed, a.Organisation.IsCommunityLed,
                a.Organisation.LedByLivedExperience, a.Organisation.LedByRacialisedCommunities,
                AreaName = area == null ? null : area.Name, Decile = area == null ? (int?)null : area.DeprivationDecile,
                Decided = db.Decisions.Any(d => d.ApplicationId == a.Id),
                Amount = w == null ? (decimal?)null : w.Amount,
            }).ToListAsync();

        var codes = (await db.OrganisationDeiCodes.AsNoTracking()
                .Where(c => withDetails && applications.Any(a => a.OrganisationId == c.OrganisationId))
                .Select(c => new { c.OrganisationId, c.Code, c.Kind })
                .ToListAsync())
            .ToLookup(c => (c.OrganisationId, c.Kind), c => c.Code);
        var scores = withDetails ? await ScoresAsync(applications) : new Dictionary<int, decimal>();
        var awards = db.Awards.Where(w => withDetails && applications.Any(a => a.Id == w.ApplicationId));
        var milestones = (await awards.SelectMany(w => w.Milestones, (w, m) => new { w.ApplicationId, m.DueDate, m.Stage, m.ApprovedAt }).AsNoTracking().ToListAsync())
            .ToLookup(m => m.ApplicationId, m => new MilestoneFacts(m.DueDate, m.Stage == MilestoneStage.Approved && m.ApprovedAt is { } at ? DateOnly.FromDateTime(UkTime.ToLocal(at)) : null));
        var reached = (await awards.SelectMany(w => w.Reports, (w, r) => new { w.ApplicationId, r.Stage, r.Outcomes })
                .Where(r => r.Stage == ReportStage.Accepted)
                .SelectMany(r => r.Outcomes, (r, o) => new { r.ApplicationId, o.DeiCode, o.Count }).AsNoTracking().ToListAsync())
            .ToLookup(o => o.ApplicationId, o => new PeopleReached(o.DeiCode, o.Count));

        return rows.Select(r => new ApplicationFacts
        {
            ApplicationId = r.Id, FunderId = r.FunderId, RoundId = r.RoundId, OrganisationId = r.OrganisationId, LegalForm = r.LegalForm,
            UserLed = r.IsUserLed, CommunityLed = r.IsCommunityLed, LedByLivedExperience = r.LedByLivedExperience, LedByRacialisedCommunities = r.LedByRacialisedCommunities,
            CommunitiesServed = codes[(r.OrganisationId, DeiCodeKind.CommunityServed)].ToList(), Leadership = codes[(r.OrganisationId, DeiCodeKind.Leadership)].ToList(),
            AreaName = r.AreaName, DeprivationDecile = r.Decile, Decided = r.Decided, Awarded = r.Amount.HasValue, AmountAwarded = r.Amount ?? 0m,
            Score = scores.TryGetValue(r.Id, out var score) ? score : null,
            Milestones = milestones[r.Id].ToList(), Reached = reached[r.Id].ToList(),
        }).ToList();
    }

    /// <summary>Each application's score as the funder sees it: the moderated score, or the mean of the assessors' weighted totals.</summary>
    private async Task<Dictionary<int, decimal>> ScoresAsync(IQueryable<GrantApplication> applications)
    {
        var moderated = await db.Moderations.AsNoTracking().Where(m => applications.Any(a => a.Id == m.ApplicationId))
            .Select(m => new { m.ApplicationId, m.ModeratedScore }).ToListAsync();
        var values = await (
            from cs in db.CriterionScores.AsNoTracking()
            join s in db.Scores on cs.ScoreId equals s.Id
            join x in db.Assignments on s.AssignmentId equals x.Id
            join c in db.Criteria on cs.CriterionId equals c.Id
            join r in db.Rounds on c.RoundId equals r.Id
            where s.Status == ScoreStatus.Submitted && applications.Any(a => a.Id == x.ApplicationId)
            select new { x.ApplicationId, x.PanelMemberId, c.Weight, cs.Value, r.ScoreMinimum, r.ScoreMaximum }).ToListAsync();

        var scores = values
            .GroupBy(v => v.ApplicationId)
            .ToDictionary(g => g.Key, g => WeightedScore.ApplicationScore(
                g.GroupBy(v => v.PanelMemberId)
                    .Select(m => WeightedScore.Of(m.Select(v => new WeightedValue(v.Weight, v.Value ?? v.ScoreMinimum)), m.First().ScoreMinimum, m.First().ScoreMaximum))
                    .ToList(),
                null)!.Value);
        foreach (var m in moderated)
        {
            scores[m.ApplicationId] = m.ModeratedScore;
        }

        return scores;
    }
}
