using System.Linq.Expressions;
using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.Awards;

/// <summary>
/// Which awards a person may see: their organisations' (once offered), or their funder's. Each rule is written once, as
/// an expression, so a compiled page query (<see cref="Infrastructure.CompiledOver"/>) uses the very same rule.
/// </summary>
public static class AwardAccess
{
    /// <summary>Awards of the user's organisations that have been offered to them; a draft is the funder's business.</summary>
    public static readonly Expression<Func<GrantsHubDbContext, string, IQueryable<Award>>> OfMember = (db, userId) =>
        // Joined from the person's memberships (a person is a member of an organisation once), so the database starts
        // from their few organisations rather than testing every award.
        db.OrganisationMembers.Where(m => m.UserId == userId)
            .Join(db.Awards, m => m.OrganisationId, a => a.OrganisationId, (m, a) => a)
            .Where(a => a.Status != AwardStatus.Draft);

    /// <summary>The awards an organisation's members see, as <see cref="OfMember"/> does for each of a person's organisations.</summary>
    public static readonly Expression<Func<GrantsHubDbContext, int, IQueryable<Award>>> OfOrganisation = (db, organisationId) =>
        db.Awards.Where(a => a.OrganisationId == organisationId && a.Status != AwardStatus.Draft);

    /// <summary>Awards of the funder, drafts included.</summary>
    public static readonly Expression<Func<GrantsHubDbContext, int, IQueryable<Award>>> OfFunder = (db, funderId) =>
        db.Awards.Where(a => a.FunderId == funderId);

    private static readonly Func<GrantsHubDbContext, string, IQueryable<Award>> OfMemberQuery = OfMember.Compile();
    private static readonly Func<GrantsHubDbContext, int, IQueryable<Award>> OfFunderQuery = OfFunder.Compile();

    public static IQueryable<Award> AwardsOfMember(this GrantsHubDbContext db, string userId) => OfMemberQuery(db, userId);

    public static IQueryable<Award> AwardsOfFunder(this GrantsHubDbContext db, int funderId) => OfFunderQuery(db, funderId);
}
