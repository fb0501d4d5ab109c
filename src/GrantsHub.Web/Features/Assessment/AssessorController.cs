using System.Globalization;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

/// <summary>The assessor's side: their queue, their conflict declarations, and scoring what they are assigned.</summary>
[Route("assessor")]
public sealed class AssessorController(
    GrantsHubDbContext db, AssignmentService assignments, ScoringService scoring, IAuditLog audit, TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [Authorize(Policy = Policies.Assessor)]
    [HttpGet("")]
    public async Task<IActionResult> Queue(AssignmentStatus? status, int page = 1)
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var rounds = (await db.PanelMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.Panel!.RoundId,
                RoundTitle = db.Rounds.Where(r => r.Id == m.Panel.RoundId).Select(r => r.Title).First(),
                m.Panel.ScoringDeadline, m.Panel.ScoringLocked,
                Organisations = db.Applications.Where(a => a.RoundId == m.Panel.RoundId && AssessorAccess.Assessable.Contains(a.Status)).Select(a => a.OrganisationId).Distinct().Count(),
                Declared = db.ConflictDeclarations.Count(d => d.PanelMemberId == m.Id),
            })
            .ToListAsync())
            .Select(r => new QueueRound(r.RoundId, r.RoundTitle, r.ScoringDeadline, r.ScoringLocked,
                Panel.IsScoringOpen(r.ScoringLocked, r.ScoringDeadline, now), r.Organisations, r.Declared))
            .OrderBy(r => r.Deadline ?? DateTimeOffset.MaxValue).ToList();

        var visible = db.VisibleAssignmentsOf(userId).AsNoTracking();
        var counts = (await visible.GroupBy(a => (ScoreStatus?)a.Score!.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .GroupBy(g => AssessmentStatuses.StatusOf(g.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var filtered = status switch
        {
            AssignmentStatus.ToDo => visible.Where(a => a.Score == null),
            AssignmentStatus.InProgress => visible.Where(a => a.Score!.Status == ScoreStatus.Draft),
            AssignmentStatus.Done => visible.Where(a => a.Score!.Status == ScoreStatus.Submitted),
            _ => visible,
        };
        var total = counts.Where(c => status is null || c.Key == status).Sum(c => c.Value);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = (await filtered
            .Join(db.Applications, a => a.ApplicationId, app => app.Id, (a, app) => new { a, app })
            .OrderBy(x => x.app.Reference)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.app.Id, x.app.Reference, x.app.ProjectTitle, RoundTitle = x.app.Round!.Title, Status = (ScoreStatus?)x.a.Score!.Status })
            .ToListAsync())
            .Select(x => new QueueRow(x.Id, x.Reference, x.ProjectTitle, x.RoundTitle, AssessmentStatuses.StatusOf(x.Status))).ToList();
        return View("Queue", new QueuePage(rounds, counts, status, rows, page, pages));
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpGet("rounds/{roundId:int}/conflicts")]
    public async Task<IActionResult> Conflicts(int roundId)
    {
        var model = await ConflictsPageAsync(roundId, null);
        return model is null ? NotFound() : View("Conflicts", model);
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpPost("rounds/{roundId:int}/conflicts")]
    public async Task<IActionResult> Conflicts(int roundId, ConflictsForm form)
    {
        var userId = User.GetUserId();
        var member = await db.PanelMembers.Include(m => m.Panel).SingleOrDefaultAsync(m => m.UserId == userId && m.Panel!.RoundId == roundId);
        var round = await db.Rounds.Include(r => r.Programme).SingleOrDefaultAsync(r => r.Id == roundId);
        if (member is null || round is null)
        {
            return NotFound();
        }

        var organisations = await db.AssessableIn(roundId).Select(a => a.OrganisationId).Distinct().ToListAsync();
        var rows = form.Rows.Where(r => organisations.Contains(r.OrganisationId)).ToList();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Rows[{i}]");
            if (row.Conflict is not ("yes" or "no"))
            {
                ModelState.AddModelError($"{prefix}.Conflict", $"Say whether you have a conflict of interest with {row.OrganisationName}");
            }
            else if (row.Conflict == "yes" && string.IsNullOrWhiteSpace(row.Reason))
            {
                ModelState.AddModelError($"{prefix}.Reason", $"Describe your connection with {row.OrganisationName}");
            }
        }

        if (rows.Select(r => r.OrganisationId).Distinct().Count() < organisations.Count)
        {
            ModelState.AddModelError("", "Declare for every organisation that applied.");
        }

        if (!ModelState.IsValid)
        {
            return View("Conflicts", await ConflictsPageAsync(roundId, form));
        }

        var existing = await db.ConflictDeclarations.Where(d => d.PanelMemberId == member.Id).ToListAsync();
        var now = clock.GetUtcNow();
        var changes = new List<object>();
        foreach (var row in rows)
        {
            var conflict = row.Conflict == "yes";
            var reason = conflict ? row.Reason!.Trim() : null;
            var declaration = existing.FirstOrDefault(d => d.OrganisationId == row.OrganisationId);
            if (declaration is null)
            {
                db.ConflictDeclarations.Add(new ConflictDeclaration { PanelMemberId = member.Id, OrganisationId = row.OrganisationId, HasConflict = conflict, Reason = reason, DeclaredAt = now });
                changes.Add(new { row.OrganisationId, Conflict = conflict, Reason = reason });
            }
            else if (declaration.HasConflict != conflict || declaration.Reason != reason)
            {
                declaration.HasConflict = conflict;
                declaration.Reason = reason;
                declaration.DeclaredAt = now;
                changes.Add(new { row.OrganisationId, Conflict = conflict, Reason = reason });
            }
        }

        audit.Record(AssessmentAuditKinds.ConflictsDeclared, $"{User.GetDisplayName()} declared conflicts of interest for {round.Title}",
            new AuditScope(FunderId: round.Programme!.FunderId, RoundId: roundId), after: changes, entityType: "PanelMember", entityId: member.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        await assignments.RebalanceAsync(round, member.Panel!, round.Programme.FunderId);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Your declarations are saved.";
        return RedirectToAction(nameof(Queue));
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Application(int id)
    {
        var model = await AssessmentPageAsync(id, null);
        return model is null ? NotFound() : View("Application", model);
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpPost("applications/{id:int}")]
    public async Task<IActionResult> Application(int id, ScoreForm form)
    {
        if (!ModelState.IsValid)
        {
            var invalid = await AssessmentPageAsync(id, form);
            return invalid is null ? NotFound() : View("Application", invalid);
        }

        var outcome = await scoring.SaveAsync(User.GetUserId(), id, form);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Saved)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return View("Application", await AssessmentPageAsync(id, form));
        }

        TempData["Flash"] = form.Action == ScoringAction.Submit ? "Your scores are submitted. You can change them until scoring closes." : "Your draft scores are saved.";
        return form.Action == ScoringAction.Submit ? RedirectToAction(nameof(Queue)) : RedirectToAction(nameof(Application), new { id });
    }

    [Authorize(Policy = Policies.Assessor)]
    [HttpGet("applications/{id:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int id, int attachmentId)
    {
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ApplicationId == id && db.ApplicationsVisibleTo(User.GetUserId()).Any(app => app.Id == id))
            .Select(a => new { a.FileName, a.ContentType, Content = db.StoredFiles.Where(f => f.Key == a.StorageKey).Select(f => f.Content).FirstOrDefault() })
            .SingleOrDefaultAsync();
        return file?.Content is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<ConflictsPage?> ConflictsPageAsync(int roundId, ConflictsForm? form)
    {
        var userId = User.GetUserId();
        var member = await db.PanelMembers.AsNoTracking().Where(m => m.UserId == userId && m.Panel!.RoundId == roundId)
            .Select(m => new { m.Id, RoundTitle = db.Rounds.Where(r => r.Id == roundId).Select(r => r.Title).First() }).SingleOrDefaultAsync();
        if (member is null)
        {
            return null;
        }

        // Names only: nothing about the applications themselves until the assessor has declared.
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.AssessableIn(roundId).Any(a => a.OrganisationId == o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new
            {
                o.Id, o.Name,
                Declaration = db.ConflictDeclarations.Where(d => d.PanelMemberId == member.Id && d.OrganisationId == o.Id).Select(d => new { d.HasConflict, d.Reason }).FirstOrDefault(),
            })
            .ToListAsync();
        var posted = form?.Rows.ToDictionary(r => r.OrganisationId) ?? [];
        var rows = organisations.Select(o => posted.TryGetValue(o.Id, out var p)
            ? new ConflictRow { OrganisationId = o.Id, OrganisationName = o.Name, Conflict = p.Conflict, Reason = p.Reason }
            : new ConflictRow
            {
                OrganisationId = o.Id, OrganisationName = o.Name,
                Conflict = o.Declaration is null ? null : o.Declaration.HasConflict ? "yes" : "no", Reason = o.Declaration?.Reason,
            }).ToList();
        return new ConflictsPage(roundId, member.RoundTitle, new ConflictsForm { Rows = rows });
    }

    private async Task<AssessmentPage?> AssessmentPageAsync(int applicationId, ScoreForm? form)
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var item = await db.VisibleAssignmentsOf(userId).AsNoTracking().Where(a => a.ApplicationId == applicationId)
            .Join(db.Applications, a => a.ApplicationId, app => app.Id, (a, app) => new
            {
                app.Id, app.Reference, app.ProjectTitle, Organisation = app.Organisation!.Name, app.AmountRequested, app.DurationMonths, app.RoundId,
                RoundTitle = app.Round!.Title, app.Round.ScoreMinimum, app.Round.ScoreMaximum,
                a.PanelMember!.Panel!.ScoringDeadline, a.PanelMember.Panel.ScoringLocked, ScoreId = (int?)a.Score!.Id, Status = (ScoreStatus?)a.Score.Status,
                ScoreVersion = (Guid?)a.Score.Version,
            })
            .SingleOrDefaultAsync();
        if (item is null)
        {
            return null;
        }

        var criteria = await db.Criteria.AsNoTracking().Where(c => c.RoundId == item.RoundId).OrderBy(c => c.Order)
            .Select(c => new CriterionView(c.Id, c.Name, c.Guidance, c.Weight)).ToListAsync();
        var answers = await db.Questions.AsNoTracking().Where(q => q.Section!.RoundId == item.RoundId)
            .OrderBy(q => q.Section!.Order).ThenBy(q => q.Order)
            .Select(q => new AnswerView(q.Section!.Title, q.Text, q.Type,
                db.Answers.Where(a => a.ApplicationId == applicationId && a.QuestionId == q.Id).Select(a => a.Value).FirstOrDefault()))
            .ToListAsync();
        var attachments = (await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.FileName)
            .Select(a => new { a.Id, a.FileName }).ToListAsync()).Select(a => (a.Id, a.FileName)).ToList();
        if (form is null)
        {
            var saved = item.ScoreId is { } scoreId
                ? await db.CriterionScores.AsNoTracking().Where(c => c.ScoreId == scoreId).ToDictionaryAsync(c => c.CriterionId)
                : [];
            form = new ScoreForm
            {
                Version = item.ScoreVersion,
                Rows = criteria.Select(c => new CriterionScoreRow
                {
                    CriterionId = c.Id, Value = saved.GetValueOrDefault(c.Id)?.Value, Comment = saved.GetValueOrDefault(c.Id)?.Comment,
                }).ToList(),
            };
        }

        var open = Panel.IsScoringOpen(item.ScoringLocked, item.ScoringDeadline, now);
        return new AssessmentPage(item.Id, item.Reference, item.ProjectTitle, item.Organisation, item.AmountRequested, item.DurationMonths, item.RoundTitle,
            item.ScoreMinimum, item.ScoreMaximum, item.ScoringDeadline, open, item.ScoringLocked, item.Status, criteria, answers, attachments, form);
    }
}
