using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.OpenData;

/// <summary>An awarded grant: the application it came from, the amount and when it was awarded and last changed.</summary>
public sealed record AwardedGrant(int ApplicationId, decimal Amount, DateTimeOffset AwardedAt, DateTimeOffset ChangedAt);

/// <summary>
/// The one place that says which grants count as awarded, for the equality figures and the open data alike:
/// today an approved decision with its amount.
/// </summary>
public static class AwardedGrants
{
    public static IQueryable<AwardedGrant> In(GrantsHubDbContext db) =>
        db.Decisions
            .Where(d => d.Outcome == DecisionOutcome.Approved && d.Amount != null)
            .Select(d => new AwardedGrant(d.ApplicationId, d.Amount!.Value, d.DecidedAt, d.DecidedAt));
}
