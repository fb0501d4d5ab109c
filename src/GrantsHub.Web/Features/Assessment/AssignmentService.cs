using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

public sealed record AssignmentOutcome(int Added, int Removed, string? Problem = null);

/// <summary>Keeps a round's assignments balanced and free of conflicts, using <see cref="BalancedAssignment"/>.</summary>
public sealed class AssignmentService(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public static bool CanAssign(RoundStatus status) => status is RoundStatus.Closed or RoundStatus.InAssessment;

    /// <summary>
    /// Re-balances the round: an assessor counts as free for an application only once they have
    /// declared no conflict with its organisation. Conflicted assignments are removed with any score.
    /// The caller saves.
    /// </summary>
    public async Task<AssignmentOutcome> RebalanceAsync(Round round, Panel panel, int funderId)
    {
        if (!CanAssign(round.StatusAt(clock.GetUtcNow())))
        {
            return new AssignmentOutcome(0, 0, "Applications can be assigned once the round has closed.");
        }

        var applications = await db.Applications.Where(a => a.RoundId == round.Id
            && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderAssessment)).ToListAsync();
        var members = await db.PanelMembers.Where(m => m.PanelId == panel.Id && m.UserId != null).Select(m => m.Id).ToListAsync();
        var clear = (await db.ConflictDeclarations.Where(d => members.Contains(d.PanelMemberId) && !d.HasConflict)
            .Select(d => new { d.PanelMemberId, d.OrganisationId }).ToListAsync())
            .Select(d => (d.PanelMemberId, d.OrganisationId)).ToHashSet();
        var applicationIds = applications.Select(a => a.Id).ToList();
        var existing = await db.Assignments.Include(a => a.Score).Where(a => applicationIds.Contains(a.ApplicationId)).ToListAsync();

        var conflicts = applications.SelectMany(a => members.Where(m => !clear.Contains((m, a.OrganisationId))).Select(m => new Pairing(a.Id, m))).ToHashSet();
        var started = existing.Where(a => a.Score is not null).Select(a => new Pairing(a.ApplicationId, a.PanelMemberId)).ToHashSet();
        var result = BalancedAssignment.Assign(applicationIds, members, panel.RequiredAssessors, conflicts,
            existing.Select(a => new Pairing(a.ApplicationId, a.PanelMemberId)), started).ToHashSet();

        var removed = existing.Where(a => !result.Contains(new Pairing(a.ApplicationId, a.PanelMemberId))).ToList();
        db.Assignments.RemoveRange(removed);
        var kept = existing.Select(a => new Pairing(a.ApplicationId, a.PanelMemberId)).ToHashSet();
        var added = result.Where(p => !kept.Contains(p)).ToList();
        var now = clock.GetUtcNow();
        db.Assignments.AddRange(added.Select(p => new Assignment { ApplicationId = p.ApplicationId, PanelMemberId = p.AssessorId, AssignedAt = now }));
        foreach (var application in applications.Where(a => a.Status == ApplicationStatus.Submitted && result.Any(p => p.ApplicationId == a.Id)))
        {
            application.MoveTo(ApplicationStatus.UnderAssessment);
        }

        if (added.Count > 0 || removed.Count > 0)
        {
            audit.Record(AssessmentAuditKinds.AssignmentsBalanced,
                string.Create(CultureInfo.InvariantCulture, $"Assignments balanced for {round.Title}: {added.Count} added, {removed.Count} removed"),
                new AuditScope(FunderId: funderId, RoundId: round.Id),
                before: removed.Select(a => new { a.ApplicationId, a.PanelMemberId, Scored = a.Score is not null }),
                after: added.Select(a => new { a.ApplicationId, PanelMemberId = a.AssessorId }),
                entityType: "Panel", entityId: panel.Id.ToString(CultureInfo.InvariantCulture));
        }

        return new AssignmentOutcome(added.Count, removed.Count);
    }

    /// <summary>Moves one application from one panel member to another, never to one who is conflicted. The caller saves.</summary>
    public async Task<string?> ReassignAsync(Round round, Panel panel, int funderId, int applicationId, int fromMemberId, int toMemberId)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId && a.RoundId == round.Id);
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.PanelMemberId == fromMemberId);
        var to = await db.PanelMembers.SingleOrDefaultAsync(m => m.Id == toMemberId && m.PanelId == panel.Id && m.UserId != null);
        if (application is null || assignment is null || to is null)
        {
            return "Choose an assigned application and an assessor who has joined the panel.";
        }

        if (!await db.ConflictDeclarations.AnyAsync(d => d.PanelMemberId == toMemberId && d.OrganisationId == application.OrganisationId && !d.HasConflict))
        {
            return "That assessor has declared a conflict with this organisation, or has not yet declared: they cannot be assigned it.";
        }

        if (await db.Assignments.AnyAsync(a => a.ApplicationId == applicationId && a.PanelMemberId == toMemberId))
        {
            return "That assessor already has this application.";
        }

        db.Assignments.Remove(assignment);
        db.Assignments.Add(new Assignment { ApplicationId = applicationId, PanelMemberId = toMemberId, AssignedAt = clock.GetUtcNow() });
        audit.Record(AssessmentAuditKinds.Reassigned, $"{application.Reference} reassigned", new AuditScope(FunderId: funderId, RoundId: round.Id, ApplicationId: applicationId),
            before: new { PanelMemberId = fromMemberId }, after: new { PanelMemberId = toMemberId }, entityType: "Assignment", entityId: applicationId.ToString(CultureInfo.InvariantCulture));
        return null;
    }
}

public static class AssessmentAuditKinds
{
    public const string PanelChanged = "assessment.panel-changed";
    public const string AssessorInvited = "assessment.assessor-invited";
    public const string InvitationAccepted = "assessment.invitation-accepted";
    public const string ConflictsDeclared = "assessment.conflicts-declared";
    public const string AssignmentsBalanced = "assessment.assignments-balanced";
    public const string Reassigned = "assessment.reassigned";
    public const string ScoreSubmitted = "assessment.score-submitted";
    public const string Moderated = "assessment.moderated";
    public const string RecommendationRun = "assessment.recommendation-run";
    public const string RecommendationAdjusted = "assessment.recommendation-adjusted";
    public const string Decided = "decision.made";
    public const string DecisionChanged = "decision.changed";
    public const string DecisionsNotified = "decision.notified";
}
