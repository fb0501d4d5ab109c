using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Features.Assessment;

public sealed record AssessorTotal(int MemberId, string Assessor, decimal Total);

/// <summary>An application's scores as the funder sees them: every assessor's total, the spread and the application score.</summary>
public sealed record ScoredApplication(
    int ApplicationId, string? Reference, int OrganisationId, string Organisation, string ProjectTitle, decimal Requested, DateTimeOffset SubmittedAt,
    int Assigned, IReadOnlyList<AssessorTotal> Totals, decimal? Moderated, decimal? Score, decimal Spread, bool Divergent);

/// <summary>Works out a round's weighted scores (0–100) from submitted scores, in a fixed number of queries.</summary>
public sealed class RoundScores(GrantsHubDbContext db, IMemoryCache cache)
{
    /// <summary>
    /// The round's applications, best score first. With <paramref name="lastChange"/> (the data's version,
    /// <see cref="GrantsHubDbContext.DataVersionAsync"/>) the table is kept on this app instance until anything is saved,
    /// so a kept table is never out of date.
    /// </summary>
    public async Task<IReadOnlyList<ScoredApplication>> RankedAsync(int roundId, int scaleMinimum, int scaleMaximum, decimal divergenceThreshold, long? lastChange = null)
    {
        if (lastChange is null)
        {
            return await WorkOutAsync(roundId, scaleMinimum, scaleMaximum, divergenceThreshold);
        }

        return await cache.GetOrWorkOutAsync((nameof(RoundScores), roundId), (scaleMinimum, scaleMaximum, divergenceThreshold, lastChange.Value), () => WorkOutAsync(roundId, scaleMinimum, scaleMaximum, divergenceThreshold));
    }

    private async Task<IReadOnlyList<ScoredApplication>> WorkOutAsync(int roundId, int scaleMinimum, int scaleMaximum, decimal divergenceThreshold)
    {
        var applications = await db.AssessableIn(roundId).AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Reference, a.OrganisationId, Organisation = a.Organisation!.Name, a.ProjectTitle, a.AmountRequested, a.SubmittedAt,
                Moderated = db.Moderations.Where(m => m.ApplicationId == a.Id).Select(m => (decimal?)m.ModeratedScore).FirstOrDefault(),
                Assigned = db.Assignments.Count(x => x.ApplicationId == a.Id),
            })
            .ToListAsync();
        // The database adds up each assessor's Σ weight × (value − min): one row per assessor and application, not per criterion.
        var sheets = await (from cs in db.CriterionScores.AsNoTracking()
                            join s in db.Scores on cs.ScoreId equals s.Id
                            join x in db.Assignments on s.AssignmentId equals x.Id
                            join c in db.Criteria on cs.CriterionId equals c.Id
                            where c.RoundId == roundId && s.Status == ScoreStatus.Submitted
                            group new { c.Weight, Points = (cs.Value ?? scaleMinimum) - scaleMinimum } by new { x.ApplicationId, x.PanelMemberId } into g
                            select new { g.Key.ApplicationId, g.Key.PanelMemberId, Weighted = g.Sum(v => v.Weight * v.Points) })
            .ToListAsync();
        var names = await db.PanelMembers.AsNoTracking().Where(m => m.Panel!.RoundId == roundId)
            .Select(m => new { m.Id, Name = db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? m.InvitedEmail })
            .ToDictionaryAsync(m => m.Id, m => m.Name);

        var totals = sheets.ToLookup(t => t.ApplicationId, t => new AssessorTotal(t.PanelMemberId, names.GetValueOrDefault(t.PanelMemberId, "Former assessor"),
            WeightedScore.FromWeightedPoints(t.Weighted, scaleMinimum, scaleMaximum)));
        return applications
            .Select(a =>
            {
                var mine = totals[a.Id].OrderBy(t => t.Assessor).ToList();
                var sums = mine.Select(t => t.Total).ToList();
                return new ScoredApplication(a.Id, a.Reference, a.OrganisationId, a.Organisation, a.ProjectTitle, a.AmountRequested, a.SubmittedAt ?? DateTimeOffset.MinValue,
                    a.Assigned, mine, a.Moderated, WeightedScore.ApplicationScore(sums, a.Moderated), WeightedScore.Spread(sums), WeightedScore.Diverges(sums, divergenceThreshold));
            })
            .OrderByDescending(a => a.Score.HasValue).ThenByDescending(a => a.Score).ThenBy(a => a.Requested).ThenBy(a => a.SubmittedAt).ThenBy(a => a.ApplicationId)
            .ToList();
    }
}
