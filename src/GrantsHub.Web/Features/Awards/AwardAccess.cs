using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.Awards;

/// <summary>Which awards a person may see: their organisations' (once offered), or their funder's.</summary>
public static class AwardAccess
{
    /// <summary>Awards of the user's organisations that have been offered to them; a draft is the funder's business.</summary>
    public static IQueryable<Award> AwardsOfMember(this GrantsHubDbContext db, string userId) =>
        // Joined from the person's memberships (a person is a member of an organisation once), so the database starts
        // from their few organisations rather than testing every award.
        db.OrganisationMembers.Where(m => m.UserId == userId)
            .Join(db.Awards, m => m.OrganisationId, a => a.OrganisationId, (m, a) => a)
            .Where(a => a.Status != AwardStatus.Draft);

    public static IQueryable<Award> AwardsOfFunder(this GrantsHubDbContext db, int funderId) =>
        db.Awards.Where(a => a.FunderId == funderId);
}
