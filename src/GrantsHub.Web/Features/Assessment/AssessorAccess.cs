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

    public static IQueryable<Assignment> VisibleAssignmentsOf(this GrantsHubDbContext db, string userId) =>
        db.Assignments.Where(a => a.PanelMember!.UserId == userId
            && db.Applications.Any(app => app.Id == a.ApplicationId
                && db.ConflictDeclarations.Any(d => d.PanelMemberId == a.PanelMemberId && d.OrganisationId == app.OrganisationId && !d.HasConflict)));

    public static IQueryable<GrantApplication> ApplicationsVisibleTo(this GrantsHubDbContext db, string userId) =>
        db.Applications.Where(app => db.Assignments.Any(a => a.ApplicationId == app.Id && a.PanelMember!.UserId == userId
            && db.ConflictDeclarations.Any(d => d.PanelMemberId == a.PanelMemberId && d.OrganisationId == app.OrganisationId && !d.HasConflict)));

    /// <summary>Applications of a round that assessors score.</summary>
    public static IQueryable<GrantApplication> AssessableIn(this GrantsHubDbContext db, int roundId) =>
        db.Applications.Where(a => a.RoundId == roundId && Assessable.Contains(a.Status));
}
