using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.Awards;

/// <summary>Which awards a person may see: their organisations' (once offered), or their funder's.</summary>
public static class AwardAccess
{
    /// <summary>Awards of the user's organisations that have been offered to them; a draft is the funder's business.</summary>
    public static IQueryable<Award> AwardsOfMember(this GrantsHubDbContext db, string userId) =>
        db.Awards.Where(a => a.Status != AwardStatus.Draft
            && db.OrganisationMembers.Any(m => m.OrganisationId == a.OrganisationId && m.UserId == userId));

    public static IQueryable<Award> AwardsOfFunder(this GrantsHubDbContext db, int funderId) =>
        db.Awards.Where(a => a.FunderId == funderId);
}
