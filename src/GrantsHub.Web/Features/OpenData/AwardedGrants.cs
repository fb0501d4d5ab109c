using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.OpenData;

/// <summary>An awarded grant: the application it came from, the amount, when the decision was made and the planned dates.</summary>
/// <remarks>Set by member initialisation, not a constructor, so EF can translate queries that join to it.</remarks>
public sealed class AwardedGrant
{
    public int ApplicationId { get; init; }
    public decimal Amount { get; init; }
    public DateTimeOffset AwardedAt { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
}

/// <summary>
/// The one place that says which grants count as awarded, for the equality figures and the open data alike:
/// every award made from an approved decision that was not withdrawn or declined.
/// </summary>
public static class AwardedGrants
{
    public static IQueryable<AwardedGrant> In(GrantsHubDbContext db) =>
        from award in db.Awards
        where award.Status != AwardStatus.Withdrawn && award.Status != AwardStatus.Declined
        join decision in db.Decisions on award.ApplicationId equals decision.ApplicationId
        select new AwardedGrant { ApplicationId = award.ApplicationId, Amount = award.Amount, AwardedAt = decision.DecidedAt, StartDate = award.StartDate, EndDate = award.EndDate };
}
