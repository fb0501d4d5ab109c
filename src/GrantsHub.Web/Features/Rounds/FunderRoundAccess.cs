using System.Linq.Expressions;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

/// <summary>
/// Resource-based access for funder staff: a round or programme is reachable only through the
/// signed-in user's own funder, so another funder's ids simply do not exist (404).
/// </summary>
public static class FunderRoundAccess
{
    /// <summary>The funder's rounds, written once as an expression so compiled page queries use the same rule.</summary>
    public static readonly Expression<Func<GrantsHubDbContext, int, IQueryable<Round>>> OfFunder = (db, funderId) =>
        db.Rounds.Where(r => r.Programme!.FunderId == funderId);

    private static readonly Func<GrantsHubDbContext, int, IQueryable<Round>> OfFunderQuery = OfFunder.Compile();

    public static IQueryable<Round> RoundsOf(this GrantsHubDbContext db, int funderId) => OfFunderQuery(db, funderId);

    /// <summary>A round of this funder with its whole set-up, tracked for editing.</summary>
    public static Task<Round?> FindRoundForEditAsync(this GrantsHubDbContext db, int funderId, int roundId) =>
        db.RoundsOf(funderId)
            .Include(r => r.Programme)
            .Include(r => r.Areas)
            .Include(r => r.RingFences)
            .Include(r => r.Criteria)
            .Include(r => r.Sections).ThenInclude(s => s.Questions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == roundId);

    /// <summary>Questions lock once any application to the round has been started.</summary>
    public static Task<bool> FormIsLockedAsync(this GrantsHubDbContext db, int roundId) =>
        db.Applications.AnyAsync(a => a.RoundId == roundId);
}
