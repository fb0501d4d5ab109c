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
                // Only the organisations still in assessment count, as on the conflicts page: one that withdrew must not
                // stand in for one not yet declared for.
                Declared = db.ConflictDeclarations.Count(d => d.PanelMemberId == m.Id
                    && db.Applications.Any(a => a.RoundId == m.Panel.RoundId && a.OrganisationId == d.OrganisationId && AssessorAccess.Assessable.Contains(a.Status))),
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
    public async Task<IActionResult> Conflicts(int roundId, ConflictsQuery query)
    {
        var model = await ConflictsPageAsync(roundId, new ConflictsForm { Name = query.Name, Show = query.Show, Page = query.Page });
        return model is null ? NotFound() : View("Conflicts", model);
    }

    /// <summary>Saves the declarations for one page of organisations; the others are left as they are.</summary>
    [Authorize(Policy = Policies.Assessor)]
    [HttpPost("rounds/{roundId:int}/conflicts")]
    public async Task<IActionResult> Conflicts(int roundId, ConflictsForm form)
    {
        var (member, round) = await MemberAndRoundAsync(roundId);
        if (member is null || round is null)
        {
            return NotFound();
        }

        var posted = form.Rows.Select(r => r.OrganisationId).Distinct().ToList();
        var applying = await db.AssessableIn(roundId).Where(a => posted.Contains(a.OrganisationId)).Select(a => a.OrganisationId).Distinct().ToListAsync();
        var rows = form.Rows.Where(r => applying.Contains(r.OrganisationId)).DistinctBy(r => r.OrganisationId).ToList();
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

        if (!ModelState.IsValid)
        {
            return View("Conflicts", await ConflictsPageAsync(roundId, form));
        }

        var existing = await db.ConflictDeclarations.Where(d => d.PanelMemberId == member.Id && applying.Contains(d.OrganisationId)).ToListAsync();
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

        await SaveDeclarationsAsync(member, round, changes);
        var notDeclared = await NotDeclaredIn(roundId, member.Id).CountAsync();
        if (notDeclared == 0)
        {
            TempData["Flash"] = "Your declarations are saved.";
            return RedirectToAction(nameof(Queue));
        }

        TempData["Flash"] = string.Create(CultureInfo.InvariantCulture,
            $"Your declarations are saved. {notDeclared} {(notDeclared == 1 ? "organisation is" : "organisations are")} still to declare for.");
        return Redirect(ConflictsLink(roundId, form.Name, form.Show, form.Page));
    }

    /// <summary>Declares no conflict with every organisation of the round not yet declared for, once the assessor confirms it for the number shown.</summary>
    [Authorize(Policy = Policies.Assessor)]
    [HttpPost("rounds/{roundId:int}/conflicts/rest")]
    public async Task<IActionResult> NoConflictWithRest(int roundId, NoConflictWithRestForm form)
    {
        var (member, round) = await MemberAndRoundAsync(roundId);
        if (member is null || round is null)
        {
            return NotFound();
        }

        var missing = await NotDeclaredIn(roundId, member.Id).ToListAsync();
        if (missing.Count == 0)
        {
            TempData["Flash"] = "You have declared for every organisation in this round.";
            return RedirectToAction(nameof(Queue));
        }

        if (!form.ConfirmNoConflict)
        {
            ModelState.AddModelError(nameof(form.ConfirmNoConflict),
                "Confirm that you have no conflict of interest with any of the organisations you have not declared for, or declare your conflicts first");
        }
        else if (missing.Count != form.NotDeclared)
        {
            ModelState.AddModelError(nameof(form.ConfirmNoConflict), string.Create(CultureInfo.InvariantCulture,
                $"The list has changed since you opened it: {missing.Count} organisations are now not declared for. Read their names, then confirm again"));
        }

        if (!ModelState.IsValid)
        {
            return View("Conflicts", await ConflictsPageAsync(roundId, new ConflictsForm { Show = ConflictsShown.NotDeclared }));
        }

        var now = clock.GetUtcNow();
        foreach (var organisationId in missing)
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration { PanelMemberId = member.Id, OrganisationId = organisationId, HasConflict = false, DeclaredAt = now });
        }

        await SaveDeclarationsAsync(member, round, missing.Select(o => (object)new { OrganisationId = o, Conflict = false, Reason = (string?)null }).ToList());
        TempData["Flash"] = string.Create(CultureInfo.InvariantCulture,
            $"Your declarations are saved: no conflict of interest with the {missing.Count} {(missing.Count == 1 ? "organisation" : "organisations")} you had not declared for.");
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
            .Where(a => a.Id == attachmentId && a.ApplicationId == id && db.VisibleAssignmentsOf(User.GetUserId()).Any(v => v.ApplicationId == id))
            .Select(a => new { a.FileName, a.ContentType, Content = db.StoredFiles.Where(f => f.Key == a.StorageKey).Select(f => f.Content).FirstOrDefault() })
            .SingleOrDefaultAsync();
        return file?.Content is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The link to a page of the conflicts list, keeping its search.</summary>
    public static string ConflictsLink(int roundId, string? name, ConflictsShown show, int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query.Add("Name=" + Uri.EscapeDataString(name.Trim()));
        }

        if (show != ConflictsShown.All)
        {
            query.Add("Show=" + show);
        }

        if (page > 1)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"Page={page}"));
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"/assessor/rounds/{roundId}/conflicts");
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private async Task<(PanelMember? Member, Domain.Rounds.Round? Round)> MemberAndRoundAsync(int roundId)
    {
        var userId = User.GetUserId();
        var member = await db.PanelMembers.Include(m => m.Panel).SingleOrDefaultAsync(m => m.UserId == userId && m.Panel!.RoundId == roundId);
        var round = member is null ? null : await db.Rounds.Include(r => r.Programme).SingleOrDefaultAsync(r => r.Id == roundId);
        return (member, round);
    }

    /// <summary>The organisations of the round that the panel member has not declared for.</summary>
    private IQueryable<int> NotDeclaredIn(int roundId, int memberId) =>
        db.AssessableIn(roundId).Select(a => a.OrganisationId).Distinct()
            .Where(o => !db.ConflictDeclarations.Any(d => d.PanelMemberId == memberId && d.OrganisationId == o));

    private async Task SaveDeclarationsAsync(PanelMember member, Domain.Rounds.Round round, List<object> changes)
    {
        audit.Record(AssessmentAuditKinds.ConflictsDeclared, $"{User.GetDisplayName()} declared conflicts of interest for {round.Title}",
            new AuditScope(FunderId: round.Programme!.FunderId, RoundId: round.Id), after: changes, entityType: "PanelMember", entityId: member.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        await assignments.RebalanceAsync(round, member.Panel!, round.Programme.FunderId);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// One page of the round's organisations, found by <paramref name="form"/>'s search, with the assessor's declarations; the
    /// values in <paramref name="form"/>'s rows (posted, with errors) are kept over the saved ones.
    /// </summary>
    private async Task<ConflictsPage?> ConflictsPageAsync(int roundId, ConflictsForm form)
    {
        var userId = User.GetUserId();
        var applying = db.AssessableIn(roundId).Select(a => a.OrganisationId);
        var member = await db.PanelMembers.AsNoTracking().Where(m => m.UserId == userId && m.Panel!.RoundId == roundId)
            .Select(m => new
            {
                m.Id,
                RoundTitle = db.Rounds.Where(r => r.Id == roundId).Select(r => r.Title).First(),
                Organisations = applying.Count(), // an organisation applies to a round once (a unique index)
                Declared = db.ConflictDeclarations.Count(d => d.PanelMemberId == m.Id && applying.Contains(d.OrganisationId)),
                Conflicts = db.ConflictDeclarations.Count(d => d.PanelMemberId == m.Id && d.HasConflict && applying.Contains(d.OrganisationId)),
            })
            .SingleOrDefaultAsync();
        if (member is null)
        {
            return null;
        }

        // Names only: nothing about the applications themselves until the assessor has declared.
        var organisations = db.Organisations.AsNoTracking().Where(o => applying.Contains(o.Id));
        if (!string.IsNullOrWhiteSpace(form.Name))
        {
            var lowered = form.Name.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF turns this into SQL lower(…) LIKE; .NET culture rules never run here
            organisations = organisations.Where(o => o.Name.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var memberId = member.Id;
        organisations = form.Show switch
        {
            ConflictsShown.NotDeclared => organisations.Where(o => !db.ConflictDeclarations.Any(d => d.PanelMemberId == memberId && d.OrganisationId == o.Id)),
            ConflictsShown.Conflicts => organisations.Where(o => db.ConflictDeclarations.Any(d => d.PanelMemberId == memberId && d.OrganisationId == o.Id && d.HasConflict)),
            _ => organisations,
        };
        // At most one declaration per member and organisation (a unique index), so it is joined rather than looked up per row.
        var listed = from o in organisations
                     join d in db.ConflictDeclarations.Where(d => d.PanelMemberId == memberId) on o.Id equals d.OrganisationId into declarations
                     from d in declarations.DefaultIfEmpty()
                     orderby o.Name, o.Id
                     select new { o.Id, o.Name, Conflict = d == null ? null : d.HasConflict ? "yes" : "no", Reason = d == null ? null : d.Reason };

        // Without a name to look for, the counts above already say how many there are.
        var matching = !string.IsNullOrWhiteSpace(form.Name) ? await organisations.CountAsync() : form.Show switch
        {
            ConflictsShown.NotDeclared => member.Organisations - member.Declared,
            ConflictsShown.Conflicts => member.Conflicts,
            _ => member.Organisations,
        };
        var found = await Paging.PageAsync(matching, form.Page, PageSize, async (skip, take) => await listed.Skip(skip).Take(take).ToListAsync());
        var posted = form.Rows.DistinctBy(r => r.OrganisationId).ToDictionary(r => r.OrganisationId);
        var rows = found.Items.Select(o => posted.TryGetValue(o.Id, out var p)
            ? new ConflictRow { OrganisationId = o.Id, OrganisationName = o.Name, Conflict = p.Conflict, Reason = p.Reason }
            : new ConflictRow { OrganisationId = o.Id, OrganisationName = o.Name, Conflict = o.Conflict, Reason = o.Reason }).ToList();
        var shown = new ConflictsForm { Rows = rows, Name = form.Name?.Trim(), Show = form.Show, Page = found.Number };
        return new ConflictsPage(roundId, member.RoundTitle, member.Organisations, member.Declared, member.Conflicts, shown, found.Total, found.Number, found.TotalPages);
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
