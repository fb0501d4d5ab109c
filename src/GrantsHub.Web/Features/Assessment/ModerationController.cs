using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Rounds;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Assessment;

public sealed class ModerationForm
{
    [Required(ErrorMessage = "Enter the moderated score")]
    [Range(0, 100, ErrorMessage = "The moderated score must be from 0 to 100")]
    [Display(Name = "Moderated score (0–100)")]
    public decimal? ModeratedScore { get; set; }

    [Required(ErrorMessage = "Explain why the score was moderated")]
    [StringLength(4000)]
    public string? Rationale { get; set; }
}

public sealed record ModerationPage(int RoundId, string RoundTitle, decimal Threshold, IReadOnlyList<(int Rank, ScoredApplication Row)> Rows, int Divergent, int Page, int Pages)
{
    /// <summary>Which round and page the ranked table is of: its drawn HTML is kept for it (see <see cref="KeptHtmlTagHelper"/>).</summary>
    public string HtmlScope { get; init; } = "";

    /// <summary>The data's version the ranking was worked out at: HTML kept for another is drawn afresh.</summary>
    public string HtmlVersion { get; init; } = "";
}

public sealed record CriterionComment(string Assessor, string Criterion, int? Value, string Comment, ScoreStatus Status);

public sealed record ModerationDetail(int RoundId, string RoundTitle, ScoredApplication Application, int ScaleMinimum, int ScaleMaximum, IReadOnlyList<CriterionComment> Comments, string? Rationale, ModerationForm Form);

/// <summary>The funder's ranked table of a round's scores, and moderation of single applications.</summary>
[Route("funder/rounds/{roundId:int}/moderation")]
public sealed class ModerationController(GrantsHubDbContext db, RoundScores scores, IAuditLog audit, TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Ranked(int roundId, int page = 1)
    {
        var round = await RoundAsync(roundId);
        if (round is null)
        {
            return NotFound();
        }

        var ranked = await scores.RankedAsync(roundId, round.ScoreMinimum, round.ScoreMaximum, round.Threshold, round.LastChange);
        var pages = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = ranked.Select((r, i) => (i + 1, r)).Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return View("Moderation", new ModerationPage(roundId, round.Title, round.Threshold, rows, ranked.Count(r => r.Divergent), page, pages)
        {
            HtmlScope = FormattableString.Invariant($"moderation {roundId} {page}"),
            HtmlVersion = round.LastChange.ToString(CultureInfo.InvariantCulture),
        });
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Detail(int roundId, int id)
    {
        var model = await DetailAsync(roundId, id, null);
        return model is null ? NotFound() : View("ModerationDetail", model);
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("applications/{id:int}")]
    public async Task<IActionResult> Detail(int roundId, int id, ModerationForm form)
    {
        var funderId = User.RequireFunderId();
        var application = await db.Applications.Where(a => a.Id == id && db.RoundsOf(funderId).Any(r => r.Id == roundId) && a.RoundId == roundId)
            .Select(a => new { a.Id, a.Reference }).SingleOrDefaultAsync();
        if (application is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("ModerationDetail", await DetailAsync(roundId, id, form));
        }

        var moderation = await db.Moderations.SingleOrDefaultAsync(m => m.ApplicationId == id);
        var before = moderation is null ? null : new { moderation.ModeratedScore, moderation.Rationale };
        if (moderation is null)
        {
            moderation = new Moderation { ApplicationId = id, Rationale = "", ModeratedByUserId = User.GetUserId() };
            db.Moderations.Add(moderation);
        }

        moderation.ModeratedScore = decimal.Round(form.ModeratedScore!.Value, 2, MidpointRounding.AwayFromZero);
        moderation.Rationale = form.Rationale!.Trim();
        moderation.ModeratedAt = clock.GetUtcNow();
        moderation.ModeratedByUserId = User.GetUserId();
        audit.Record(AssessmentAuditKinds.Moderated, string.Create(CultureInfo.InvariantCulture, $"{application.Reference} moderated to {moderation.ModeratedScore:0.##}"),
            new AuditScope(FunderId: funderId, RoundId: roundId, ApplicationId: id), before, new { moderation.ModeratedScore, moderation.Rationale },
            "Moderation", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The moderated score for {application.Reference} is saved.";
        return RedirectToAction(nameof(Ranked), new { roundId });
    }

    private Task<RoundForScoring?> RoundAsync(int roundId) => RoundOf(db, User.RequireFunderId(), roundId);

    /// <summary>
    /// The funder's round, its divergence threshold and the data's version, in one round trip. Compiled once: every view
    /// of the table and of an application's scores starts with it, and a query compiled by EF skips walking and hashing
    /// its expression on each call (profiled: about a quarter of a moderation page drawn afresh went on this one query).
    /// </summary>
    private static readonly Func<GrantsHubDbContext, int, int, Task<RoundForScoring?>> RoundOf = CompiledOver.OneOrNone(FunderRoundAccess.OfFunder,
        (IQueryable<Round> rounds, GrantsHubDbContext context, int roundId) => rounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new RoundForScoring(r.Title, r.ScoreMinimum, r.ScoreMaximum,
                context.Panels.Where(p => p.RoundId == r.Id).Select(p => (decimal?)p.DivergenceThreshold).FirstOrDefault() ?? 20m,
                context.DataChanges.Max(c => (long?)c.Id) ?? 0)) // the data's version, in the same round trip
            .SingleOrDefault());

    private async Task<ModerationDetail?> DetailAsync(int roundId, int id, ModerationForm? form)
    {
        var round = await RoundAsync(roundId);
        if (round is null)
        {
            return null;
        }

        var application = (await scores.RankedAsync(roundId, round.ScoreMinimum, round.ScoreMaximum, round.Threshold, round.LastChange)).SingleOrDefault(a => a.ApplicationId == id);
        if (application is null)
        {
            return null;
        }

        var comments = await (from cs in db.CriterionScores.AsNoTracking()
                              join s in db.Scores on cs.ScoreId equals s.Id
                              join x in db.Assignments on s.AssignmentId equals x.Id
                              join c in db.Criteria on cs.CriterionId equals c.Id
                              where x.ApplicationId == id
                              orderby x.PanelMember!.InvitedEmail, c.Order
                              select new CriterionComment(
                                  db.Users.Where(u => u.Id == x.PanelMember!.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? x.PanelMember!.InvitedEmail,
                                  c.Name, cs.Value, cs.Comment, s.Status))
            .ToListAsync();
        var rationale = await db.Moderations.AsNoTracking().Where(m => m.ApplicationId == id).Select(m => m.Rationale).FirstOrDefaultAsync();
        form ??= new ModerationForm { ModeratedScore = application.Moderated, Rationale = rationale };
        return new ModerationDetail(roundId, round.Title, application, round.ScoreMinimum, round.ScoreMaximum, comments, rationale, form);
    }

    private sealed record RoundForScoring(string Title, int ScoreMinimum, int ScoreMaximum, decimal Threshold, long LastChange);
}
