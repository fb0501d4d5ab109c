using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Features.Rounds;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Decisions;

/// <summary>The funder approves or declines, one by one or from the recommendation, and tells applicants.</summary>
[Route("funder/rounds/{roundId:int}/decisions")]
public sealed class DecisionsController(GrantsHubDbContext db, DecisionService decisions, RecommendationService recommendations, IEmailDispatchTrigger dispatch, OpenData.IOpenDataRefresh openData) : Controller
{
    public const int PageSize = 25;

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> List(int roundId, int page = 1)
    {
        var model = await ListAsync(roundId, page, null);
        return model is null ? NotFound() : View("Decisions", model);
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Decide(int roundId, int id)
    {
        var model = await DetailAsync(roundId, id, null);
        return model is null ? NotFound() : View("Decide", model);
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Decide(int roundId, int id, DecisionForm form)
    {
        var funderId = User.RequireFunderId();
        if (!await db.RoundsOf(funderId).AnyAsync(r => r.Id == roundId))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            foreach (var problem in await decisions.DecideAsync(funderId, User.GetUserId(), roundId, id, form.Outcome!.Value, form.Amount, form.Feedback ?? "", form.Reason))
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            var model = await DetailAsync(roundId, id, form);
            return model is null ? NotFound() : View("Decide", model);
        }

        await db.SaveChangesAsync();
        openData.RefreshSoon(funderId);
        TempData["Flash"] = "The decision is saved. Applicants are told when you send the decisions.";
        return RedirectToAction(nameof(List), new { roundId });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("from-recommendation")]
    public async Task<IActionResult> FromRecommendation(int roundId, BulkDecisionForm form)
    {
        var funderId = User.RequireFunderId();
        var latest = await recommendations.LatestAsync(roundId);
        if (!await db.RoundsOf(funderId).AnyAsync(r => r.Id == roundId))
        {
            return NotFound();
        }

        if (latest is null)
        {
            ModelState.AddModelError("", "Run the recommendation first.");
        }

        if (!ModelState.IsValid)
        {
            return View("Decisions", await ListAsync(roundId, 1, form));
        }

        var decided = await db.Decisions.Where(d => db.Applications.Any(a => a.Id == d.ApplicationId && a.RoundId == roundId)).Select(d => d.ApplicationId).ToListAsync();
        var count = 0;
        foreach (var line in RecommendationService.Read(latest!).Lines.Where(l => l.Outcome != RecommendationOutcome.NotScored && !decided.Contains(l.ApplicationId)))
        {
            var funded = line.Outcome == RecommendationOutcome.Funded;
            var problems = await decisions.DecideAsync(funderId, User.GetUserId(), roundId, line.ApplicationId,
                funded ? DecisionOutcome.Approved : DecisionOutcome.Declined, funded ? line.Amount : null, funded ? form.ApproveFeedback! : form.DeclineFeedback!, null);
            count += problems.Count == 0 ? 1 : 0;
        }

        await db.SaveChangesAsync();
        openData.RefreshSoon(funderId);
        TempData["Flash"] = $"{count} decisions were made from the recommendation. Check them, then send them to applicants.";
        return RedirectToAction(nameof(List), new { roundId });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("notify")]
    public async Task<IActionResult> Notify(int roundId)
    {
        var funderId = User.RequireFunderId();
        if (!await db.RoundsOf(funderId).AnyAsync(r => r.Id == roundId))
        {
            return NotFound();
        }

        var sent = await decisions.NotifyAsync(funderId, roundId, $"{Request.Scheme}://{Request.Host.Value}/organisation");
        await db.SaveChangesAsync();
        dispatch.DispatchSoon();
        TempData["Flash"] = sent == 0 ? "Every decision has already been sent." : $"{sent} decisions are being emailed to applicants.";
        return RedirectToAction(nameof(List), new { roundId });
    }

    private async Task<DecisionsPage?> ListAsync(int roundId, int page, BulkDecisionForm? bulk)
    {
        var round = await db.RoundsOf(User.RequireFunderId()).AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.Title, r.Budget }).SingleOrDefaultAsync();
        if (round is null)
        {
            return null;
        }

        var query = db.Applications.AsNoTracking().Where(a => a.RoundId == roundId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn);
        var total = await query.CountAsync();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(a => a.Reference).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new DecisionRow(a.Id, a.Reference, a.Organisation!.Name, a.ProjectTitle, a.AmountRequested, a.Status,
                db.Decisions.Where(d => d.ApplicationId == a.Id).Select(d => (DecisionOutcome?)d.Outcome).FirstOrDefault(),
                db.Decisions.Where(d => d.ApplicationId == a.Id).Select(d => d.Amount).FirstOrDefault(),
                db.Decisions.Where(d => d.ApplicationId == a.Id).Select(d => d.NotifiedAt).FirstOrDefault()))
            .ToListAsync();
        // From the round's applications to their decisions, so the database reads this round's only (as "decisions of
        // any of these applications" it checked every decision on the instance: 4.8 ms against 0.3 for 12,000 decisions).
        var totals = await query.Join(db.Decisions, a => a.Id, d => d.ApplicationId, (a, d) => d)
            .GroupBy(d => 1).Select(g => new { Awaiting = g.Count(d => d.NotifiedAt == null), Approved = g.Sum(d => d.Outcome == DecisionOutcome.Approved ? d.Amount ?? 0 : 0) })
            .SingleOrDefaultAsync();
        var hasRecommendation = await db.Recommendations.AnyAsync(r => r.RoundId == roundId);
        return new DecisionsPage(roundId, round.Title, rows, totals?.Awaiting ?? 0, totals?.Approved ?? 0, round.Budget, hasRecommendation, bulk ?? new BulkDecisionForm(), page, pages);
    }

    private async Task<DecisionDetail?> DetailAsync(int roundId, int id, DecisionForm? form)
    {
        var item = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id && a.RoundId == roundId && db.RoundsOf(User.RequireFunderId()).Any(r => r.Id == roundId))
            .Select(a => new
            {
                a.Id, a.Reference, Organisation = a.Organisation!.Name, a.ProjectTitle, a.AmountRequested, a.Status,
                Decision = db.Decisions.Where(d => d.ApplicationId == a.Id).Select(d => new { d.Outcome, d.Amount, d.Feedback }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (item is null)
        {
            return null;
        }

        var latest = await recommendations.LatestAsync(roundId);
        var line = latest is null ? null : RecommendationService.Read(latest).Lines.FirstOrDefault(l => l.ApplicationId == id);
        form ??= item.Decision is { } d
            ? new DecisionForm { Outcome = d.Outcome, Amount = d.Amount, Feedback = d.Feedback }
            : new DecisionForm { Outcome = line?.Outcome == RecommendationOutcome.Funded ? DecisionOutcome.Approved : null, Amount = line is { Outcome: RecommendationOutcome.Funded } ? line.Amount : null };
        return new DecisionDetail(roundId, item.Id, item.Reference, item.Organisation, item.ProjectTitle, item.AmountRequested, item.Status, item.Decision is not null,
            line is null ? null : $"{line.Outcome}: {line.Explanation}", form);
    }
}
