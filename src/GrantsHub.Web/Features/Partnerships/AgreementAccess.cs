using System.Linq.Expressions;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Partnerships;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>
/// Who may see an agreement: members of the lead organisation (who also manage it), members of an
/// organisation on GrantsHub that is a party (read only), and staff of a funder that has approved
/// an application from the lead organisation (read only, once the agreement is past Draft).
/// </summary>
public static class AgreementAccess
{
    /// <summary>Agreements a member of an organisation (the second key) may read as that organisation.</summary>
    public static readonly Expression<Func<GrantsHubDbContext, string, int, IQueryable<PartnershipAgreement>>> OfMember = (db, userId, organisationId) =>
        db.PartnershipAgreements.Where(a =>
            db.OrganisationMembers.Any(m => m.OrganisationId == organisationId && m.UserId == userId)
            && (a.LeadOrganisationId == organisationId || a.Parties.Any(p => p.OrganisationId == organisationId)));

    /// <summary>Agreements past Draft linked to one of the funder's awards.</summary>
    /// <remarks>
    /// "Id in (the agreements linked to the funder's awards)" rather than "any link to one of its awards" per agreement:
    /// the database works out the funder's agreements once, starting from its awards, instead of checking every agreement.
    /// </remarks>
    public static readonly Expression<Func<GrantsHubDbContext, int, IQueryable<PartnershipAgreement>>> OfFunder = (db, funderId) =>
        db.PartnershipAgreements.Where(a => a.Stage != AgreementStage.Draft
            && db.AgreementAwards.Join(db.Awards.Where(award => award.FunderId == funderId), link => link.AwardId, award => award.Id, (link, award) => link.AgreementId)
                .Contains(a.Id));

    private static readonly Func<GrantsHubDbContext, string, int, IQueryable<PartnershipAgreement>> OfMemberQuery = OfMember.Compile();
    private static readonly Func<GrantsHubDbContext, int, IQueryable<PartnershipAgreement>> OfFunderQuery = OfFunder.Compile();

    /// <summary>Agreements a member of <paramref name="organisationId"/> may read as that organisation (<see cref="OfMember"/>).</summary>
    public static IQueryable<PartnershipAgreement> ReadableBy(this GrantsHubDbContext db, string userId, int organisationId) =>
        OfMemberQuery(db, userId, organisationId);

    /// <summary>Agreements led by <paramref name="organisationId"/>, when the user is one of its members.</summary>
    public static IQueryable<PartnershipAgreement> ManagedBy(this GrantsHubDbContext db, string userId, int organisationId) =>
        db.PartnershipAgreements.Where(a => a.LeadOrganisationId == organisationId
            && db.OrganisationMembers.Any(m => m.OrganisationId == organisationId && m.UserId == userId));

    /// <summary>Agreements the funder's staff may read (<see cref="OfFunder"/>).</summary>
    public static IQueryable<PartnershipAgreement> VisibleToFunder(this GrantsHubDbContext db, int funderId) => OfFunderQuery(db, funderId);

    /// <summary>
    /// The same rule as <see cref="VisibleToFunder(GrantsHubDbContext, int)"/>, checked agreement by agreement, for a few
    /// agreements picked first by something else (those led from one area). Working out every agreement of a regional
    /// funder's 700 awards first cost the area page about 2 ms of SQL for its six agreements; each of the few is checked
    /// here through its own links, and each link's award by its key (28 µs). Both forms give the same agreements
    /// (<c>LargeInstanceTests</c>).
    /// </summary>
    public static IQueryable<PartnershipAgreement> VisibleToFunder(this IQueryable<PartnershipAgreement> few, GrantsHubDbContext db, int funderId) =>
        few.Where(a => a.Stage != AgreementStage.Draft
            && db.AgreementAwards.Any(link => link.AgreementId == a.Id
                && db.Awards.Where(award => award.Id == link.AwardId).Select(award => award.FunderId).FirstOrDefault() == funderId));

    /// <summary>Organisations with an approved decision on one of the funder's rounds.</summary>
    public static IQueryable<int> FundedBy(this GrantsHubDbContext db, int funderId) =>
        db.Decisions.Where(d => d.Outcome == DecisionOutcome.Approved)
            .Join(db.Applications.Where(ap => ap.Round!.Programme!.FunderId == funderId), d => d.ApplicationId, ap => ap.Id, (d, ap) => ap.OrganisationId);
}
