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
    /// <summary>
    /// Applications to the given rounds (every funder's when null), with DEI codes, scores, milestones and people reached
    /// for those in <paramref name="detailRoundIds"/> (none when null): one query without details, four with them.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationFacts>> LoadAsync(IQueryable<int>? roundIds, IReadOnlyCollection<int>? detailRoundIds = null)
    {
        var applications = db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn);
        if (roundIds is not null)
        {
            applications = applications.Where(a => roundIds.Contains(a.RoundId));
        }

        var rows = await (
            from a in applications
            join area in db.Areas on a.Organisation!.LocalAuthorityCode equals area.Code into areas
            from area in areas.DefaultIfEmpty()
            select new
            {
                a.Id, a.RoundId, a.Round!.Programme!.FunderId, a.OrganisationId, a.Organisation!.LegalForm, a.Organisation.IsUserLed, a.Organisation.IsCommunityLed,
                a.Organisation.LedByLivedExperience, a.Organisation.LedByRacialisedCommunities,
                AreaName = area == null ? null : area.Name, Decile = area == null ? (int?)null : area.DeprivationDecile,
                Decided = db.Decisions.Any(d => d.ApplicationId == a.Id),
                // A scalar subquery rather than a join to the awarded grants: SQLite would build every awarded grant first.
                Amount = AwardedGrants.In(db).Where(w => w.ApplicationId == a.Id).Select(w => (decimal?)w.Amount).FirstOrDefault(),
                Moderated = db.Moderations.Where(m => m.ApplicationId == a.Id).Select(m => (decimal?)m.ModeratedScore).FirstOrDefault(),
            }).ToListAsync();
        var inDetail = detailRoundIds?.ToHashSet() ?? [];
        var details = inDetail.Count == 0 ? Details.None : await DetailsAsync(applications.Where(a => detailRoundIds!.Contains(a.RoundId)), [.. inDetail]);
        return rows.Select(r =>
        {
            var detailed = inDetail.Contains(r.RoundId);
            return new ApplicationFacts
            {
                ApplicationId = r.Id, FunderId = r.FunderId, RoundId = r.RoundId, OrganisationId = r.OrganisationId, LegalForm = r.LegalForm,
                UserLed = r.IsUserLed, CommunityLed = r.IsCommunityLed, LedByLivedExperience = r.LedByLivedExperience, LedByRacialisedCommunities = r.LedByRacialisedCommunities,
                AreaName = r.AreaName, DeprivationDecile = r.Decile, Decided = r.Decided, Awarded = r.Amount.HasValue, AmountAwarded = r.Amount ?? 0m,
                CommunitiesServed = detailed ? details.Codes[(r.OrganisationId, DeiCodeKind.CommunityServed)].ToList() : [],
                Leadership = detailed ? details.Codes[(r.OrganisationId, DeiCodeKind.Leadership)].ToList() : [],
                Score = !detailed ? null : r.Moderated ?? (details.Scores.TryGetValue(r.Id, out var score) ? score : null),
                Milestones = details.Milestones[r.Id].ToList(), Reached = details.Reached[r.Id].ToList(),
            };
        }).ToList();
    }

    private sealed record Details(ILookup<(int OrganisationId, DeiCodeKind Kind), string> Codes, Dictionary<int, decimal> Scores,
        ILookup<int, MilestoneFacts> Milestones, ILookup<int, PeopleReached> Reached)
    {
        public static readonly Details None = new(
            Array.Empty<(int, DeiCodeKind, string)>().ToLookup(c => (c.Item1, c.Item2), c => c.Item3), [],
            Array.Empty<(int, MilestoneFacts)>().ToLookup(m => m.Item1, m => m.Item2),
            Array.Empty<(int, PeopleReached)>().ToLookup(p => p.Item1, p => p.Item2));
    }

    /// <summary>DEI codes, assessors' scores, and (in one query) milestones and people reached, for the given applications.</summary>
    private async Task<Details> DetailsAsync(IQueryable<GrantApplication> detailed, List<int> roundIds)
    {
        var codes = (await db.OrganisationDeiCodes.AsNoTracking()
                .Where(c => detailed.Any(a => a.OrganisationId == c.OrganisationId))
                .Select(c => new { c.OrganisationId, c.Code, c.Kind })
                .ToListAsync())
            .ToLookup(c => (c.OrganisationId, c.Kind), c => c.Code);
        var scores = await ScoresAsync(roundIds);

        // A row is either a milestone (with its due date) or people reached by an accepted report (without one).
        var awards = db.Awards.Where(w => roundIds.Contains(w.RoundId)); // by round, so the database starts from the rounds' awards
        var progress = await awards.SelectMany(w => w.Milestones, (w, m) => new
            {
                w.ApplicationId, DueDate = (DateOnly?)m.DueDate, ApprovedAt = m.Stage == MilestoneStage.Approved ? m.ApprovedAt : null, DeiCode = (string?)null, Count = 0,
            })
            .Concat(awards.SelectMany(w => w.Reports, (w, r) => new { w.ApplicationId, r.Stage, r.Outcomes })
                .Where(r => r.Stage == ReportStage.Accepted)
                .SelectMany(r => r.Outcomes, (r, o) => new { r.ApplicationId, DueDate = (DateOnly?)null, ApprovedAt = (DateTimeOffset?)null, DeiCode = (string?)o.DeiCode, o.Count }))
            .AsNoTracking().ToListAsync();
        var milestones = progress.Where(p => p.DueDate is not null)
            .ToLookup(m => m.ApplicationId, m => new MilestoneFacts(m.DueDate!.Value, m.ApprovedAt is { } at ? DateOnly.FromDateTime(UkTime.ToLocal(at)) : null));
        var reached = progress.Where(p => p.DueDate is null).ToLookup(o => o.ApplicationId, o => new PeopleReached(o.DeiCode!, o.Count));
        return new Details(codes, scores, milestones, reached);
    }

    /// <summary>
    /// The mean of the assessors' weighted totals for each application (the caller puts moderated scores over them).
    /// The database adds up each assessor's Σ weight × (value − min), one row per assessor and application rather
    /// than one per criterion; dividing by (max − min) and rounding is <see cref="WeightedScore.Of"/>'s rule.
    /// </summary>
    private async Task<Dictionary<int, decimal>> ScoresAsync(List<int> roundIds)
    {
        var totals = await (
            from cs in db.CriterionScores.AsNoTracking()
            join s in db.Scores on cs.ScoreId equals s.Id
            join x in db.Assignments on s.AssignmentId equals x.Id
            join c in db.Criteria on cs.CriterionId equals c.Id
            join r in db.Rounds on c.RoundId equals r.Id
            where s.Status == ScoreStatus.Submitted && roundIds.Contains(c.RoundId) // from the rounds' criteria, not from every score
            group new { c.Weight, Points = (cs.Value ?? r.ScoreMinimum) - r.ScoreMinimum } by new { x.ApplicationId, x.PanelMemberId, r.ScoreMinimum, r.ScoreMaximum } into g
            select new { g.Key.ApplicationId, g.Key.ScoreMinimum, g.Key.ScoreMaximum, Weighted = g.Sum(v => v.Weight * v.Points) }).ToListAsync();

        return totals
            .GroupBy(t => t.ApplicationId)
            .ToDictionary(g => g.Key, g => WeightedScore.ApplicationScore(
                g.Select(t => WeightedScore.FromWeightedPoints(t.Weighted, t.ScoreMinimum, t.ScoreMaximum)).ToList(), null)!.Value);
    }
}
