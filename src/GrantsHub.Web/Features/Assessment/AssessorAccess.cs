using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.Web.Features.Assessment;

/// <summary>
/// Resource-based access for assessors: an application is reachable only through an assignment to
/// the signed-in user on an application whose organisation they have declared no conflict with.
/// Anything else simply does not exist for them (404), in every page, list and export.
/// </summary>
public static class AssessorAccess
{
    /// <summary>Statuses of applications that are assessed: submitted, and everything after it except withdrawal.</summary>
    public static readonly ApplicationStatus[] Assessable =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderAssessment, ApplicationStatus.Approved, ApplicationStatus.Declined];

    /// <summary>
    /// The user's assignments whose application's organisation they have declared no conflict with. The application is
    /// joined, not tested in a subquery of its own: with the declaration tested inside that subquery, PostgreSQL could
    /// not turn the test into a join and read every declaration and application on the instance for each queue (about
    /// 20 ms a query at 58,000 declarations); joined, it looks up each assignment's declaration by its index.
    /// </summary>
    public static IQueryable<Assignment> VisibleAssignmentsOf(this GrantsHubDbContext db, string userId) =>
        from a in db.Assignments
        join app in db.Applications on a.ApplicationId equals app.Id
        where a.PanelMember!.UserId == userId
            && db.ConflictDeclarations.Any(d => d.PanelMemberId == a.PanelMemberId && d.OrganisationId == app.OrganisationId && !d.HasConflict)
        select a;

    /// <summary>Applications of a round that assessors score.</summary>
    public static IQueryable<GrantApplication> AssessableIn(this GrantsHubDbContext db, int roundId) =>
        db.Applications.Where(a => a.RoundId == roundId && Assessable.Contains(a.Status));
}
