using System.Globalization;
using System.Text.Json;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Assessment;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Decisions;

/// <summary>What is kept of a run: the result as the funder saw it.</summary>
public sealed record StoredRecommendation(IReadOnlyList<RecommendationLine> Lines, IReadOnlyList<PotUsage> Pots, decimal Budget, decimal Used);

public enum Adjustment
{
    Include,
    Exclude,
    Clear,
}

/// <summary>Runs <see cref="RecommendationEngine"/> on a round's ranked applications, and stores and audits every run.</summary>
public sealed class RecommendationService(GrantsHubDbContext db, RoundScores scores, IAuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new();

    public static StoredRecommendation Read(Recommendation recommendation) =>
        JsonSerializer.Deserialize<StoredRecommendation>(recommendation.Result, Json)!;

    public Task<Recommendation?> LatestAsync(int roundId) =>
        db.Recommendations.AsNoTracking().Where(r => r.RoundId == roundId).OrderByDescending(r => r.Id).FirstOrDefaultAsync();

    /// <summary>Runs with the latest adjustments changed by <paramref name="adjust"/>, if given. The caller saves.</summary>
    public async Task<Recommendation> RunAsync(int funderId, int roundId, string userId, (int ApplicationId, Adjustment Adjustment)? adjust = null)
    {
        var round = await db.Rounds.AsNoTracking().Include(r => r.RingFences).SingleAsync(r => r.Id == roundId);
        var panel = await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.RoundId == roundId) ?? new Panel { RoundId = roundId };
        var ranked = await scores.RankedAsync(roundId, round.ScoreMinimum, round.ScoreMaximum, panel.DivergenceThreshold);
        var organisationIds = ranked.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.DeiCodes).Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var latest = await LatestAsync(roundId);
        var included = Ids(latest?.Included);
        var excluded = Ids(latest?.Excluded);
        var before = new { Included = included.Order().ToList(), Excluded = excluded.Order().ToList() };
        if (adjust is { } change)
        {
            included.Remove(change.ApplicationId);
            excluded.Remove(change.ApplicationId);
            (change.Adjustment switch { Adjustment.Include => included, Adjustment.Exclude => excluded, _ => [] }).Add(change.ApplicationId);
        }

        var pots = round.RingFences.OrderBy(p => p.Id).Select(p => new RingFencedPot(p.Id, p.Name, p.AmountOf(round.Budget))).ToList();
        var candidates = ranked.Select(r => new RecommendationCandidate(r.ApplicationId, r.Reference ?? "", r.Organisation, r.Score, r.Requested, r.SubmittedAt,
            round.RingFences.Where(p => p.Qualifies(organisations[r.OrganisationId])).Select(p => p.Id).ToHashSet())).ToList();
        var result = RecommendationEngine.Recommend(new RecommendationInput(round.Budget, pots, panel.QualityThreshold, panel.PartialAwardsAllowed, candidates, included, excluded));
        var stored = new StoredRecommendation(result.Lines, result.Pots, result.Budget, result.Used);
        var recommendation = new Recommendation
        {
            RoundId = roundId, RunAt = clock.GetUtcNow(), RunByUserId = userId,
            Included = string.Join(',', included.Order()), Excluded = string.Join(',', excluded.Order()),
            Result = JsonSerializer.Serialize(stored, Json),
        };
        db.Recommendations.Add(recommendation);
        var summary = new { Funded = result.Funded.Select(l => l.ApplicationId).ToList(), result.Used, result.Remaining, Included = included.Order().ToList(), Excluded = excluded.Order().ToList() };
        if (adjust is { } made)
        {
            audit.Record(AssessmentAuditKinds.RecommendationAdjusted,
                string.Create(CultureInfo.InvariantCulture, $"Recommendation adjusted for {round.Title}: {made.Adjustment} application {made.ApplicationId}"),
                new AuditScope(FunderId: funderId, RoundId: roundId, ApplicationId: made.ApplicationId), before, summary, "Recommendation", roundId.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            audit.Record(AssessmentAuditKinds.RecommendationRun,
                string.Create(CultureInfo.InvariantCulture, $"Recommendation run for {round.Title}: {summary.Funded.Count} funded, {RecommendationEngine.Money(result.Remaining)} left"),
                new AuditScope(FunderId: funderId, RoundId: roundId), before, summary, "Recommendation", roundId.ToString(CultureInfo.InvariantCulture));
        }

        return recommendation;
    }

    private static HashSet<int> Ids(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
}
