using System.Globalization;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

public sealed record ScoringOutcome(bool Saved, IReadOnlyList<ScoreProblem> Problems, bool NotFound = false);

/// <summary>Saves or submits an assessor's scores, as the state table and the score sheet rules allow.</summary>
public sealed class ScoringService(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<ScoringOutcome> SaveAsync(string userId, int applicationId, ScoreForm form)
    {
        var assignment = await db.VisibleAssignmentsOf(userId).Include(a => a.Score!.Criteria).Include(a => a.PanelMember!.Panel)
            .SingleOrDefaultAsync(a => a.ApplicationId == applicationId);
        if (assignment is null)
        {
            return new ScoringOutcome(false, [], NotFound: true);
        }

        var panel = assignment.PanelMember!.Panel!;
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == panel.RoundId).Select(r => new { r.Title, r.ScoreMinimum, r.ScoreMaximum, FunderId = r.Programme!.FunderId }).SingleAsync();
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.RoundId == panel.RoundId).OrderBy(c => c.Order).ToListAsync();
        var now = clock.GetUtcNow();
        var next = AssessmentStatuses.Next(assignment.Score?.Status, form.Action, panel.ScoringOpenAt(now));
        if (next is null)
        {
            var why = panel.ScoringLocked
                ? "The funder has locked scoring, so scores can no longer be changed."
                : panel.ScoringDeadline is { } deadline && now > deadline
                    ? $"Scoring closed at {UkTime.Format(deadline)}, so scores can no longer be changed."
                    : "A submitted score cannot go back to a draft: change it and submit it again.";
            return new ScoringOutcome(false, [new ScoreProblem("", why)]);
        }

        if (assignment.Score is { } existing && form.Version is { } version && version != existing.Version)
        {
            return new ScoringOutcome(false, [new ScoreProblem("", "These scores were changed in another window. Reload the page and make your changes again.")]);
        }

        var entries = criteria.Select(c =>
        {
            var row = form.Rows.FirstOrDefault(r => r.CriterionId == c.Id);
            return new CriterionEntry(c.Id, c.Name, row?.Value, row?.Comment?.Trim());
        }).ToList();
        var problems = ScoreSheet.Check(entries, round.ScoreMinimum, round.ScoreMaximum, next == ScoreStatus.Submitted,
            i => string.Create(CultureInfo.InvariantCulture, $"Rows[{i}]"));
        if (problems.Count > 0)
        {
            return new ScoringOutcome(false, problems);
        }

        // A change to scores already submitted keeps what they were, so the trail shows before and after.
        var resubmitted = assignment.Score?.Status == ScoreStatus.Submitted;
        var before = resubmitted
            ? criteria.Select(c => new { CriterionId = c.Id, assignment.Score!.Criteria.FirstOrDefault(x => x.CriterionId == c.Id)?.Value }).ToList()
            : null;
        var score = assignment.Score ??= new Score { AssignmentId = assignment.Id };
        score.Status = next.Value;
        score.UpdatedAt = now;
        if (next == ScoreStatus.Submitted)
        {
            score.SubmittedAt = now;
        }

        foreach (var entry in entries)
        {
            var value = score.Criteria.FirstOrDefault(c => c.CriterionId == entry.CriterionId);
            if (entry.Value is null && string.IsNullOrEmpty(entry.Comment))
            {
                if (value is not null)
                {
                    score.Criteria.Remove(value);
                }

                continue;
            }

            value ??= AddTo(score, entry.CriterionId);
            value.Value = entry.Value;
            value.Comment = entry.Comment ?? "";
        }

        if (next == ScoreStatus.Submitted)
        {
            audit.Record(AssessmentAuditKinds.ScoreSubmitted,
                $"Scores {(resubmitted ? "changed after submission" : "submitted")} for application {applicationId.ToString(CultureInfo.InvariantCulture)}",
                new AuditScope(FunderId: round.FunderId, RoundId: panel.RoundId, ApplicationId: applicationId),
                before, entries.Select(e => new { e.CriterionId, e.Value }), entityType: "Score", entityId: assignment.Id.ToString(CultureInfo.InvariantCulture));
        }

        await db.SaveChangesAsync();
        return new ScoringOutcome(true, []);
    }

    private static CriterionScore AddTo(Score score, int criterionId)
    {
        var value = new CriterionScore { CriterionId = criterionId, Comment = "" };
        score.Criteria.Add(value);
        return value;
    }
}
