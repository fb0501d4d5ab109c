using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

public sealed record RoundOverview(Round Round, RoundStatus Status, bool FormLocked, int Applications, IReadOnlyList<RoundProblem> ProblemsBeforePublishing, IReadOnlyList<(string Code, string Name)> AreaNames);

[Route("funder/rounds")]
public sealed class RoundSetupController(GrantsHubDbContext db, RoundSetupService rounds, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("new")]
    public async Task<IActionResult> Create(int programmeId)
    {
        var funderId = User.RequireFunderId();
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId && p.FunderId == funderId))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(UkTime.ToLocal(clock.GetUtcNow()));
        return View("RoundDetails", new RoundDetailsForm
        {
            ProgrammeId = programmeId,
            OpensAt = today.AddDays(14).ToDateTime(new TimeOnly(9, 0)),
            ClosesAt = today.AddDays(56).ToDateTime(new TimeOnly(12, 0)),
            MaximumDurationMonths = 12,
        });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(RoundDetailsForm form)
    {
        var funderId = User.RequireFunderId();
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == form.ProgrammeId && p.FunderId == funderId);
        if (programme is null)
        {
            return NotFound();
        }

        if (!Validate(form))
        {
            return View("RoundDetails", form);
        }

        var round = await rounds.CreateAsync(programme, form);
        TempData["Flash"] = $"{round.Title} was created as a draft.";
        return RedirectToAction(nameof(Overview), new { id = round.Id });
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Overview(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var applications = await db.Applications.CountAsync(a => a.RoundId == id);
        var codes = round.Areas.Select(a => a.AreaCode).ToList();
        var areaNames = (await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).ToListAsync())
            .Select(a => (a.Code, a.Name)).ToList();
        return View("RoundOverview", new RoundOverview(round, round.StatusAt(clock.GetUtcNow()), applications > 0, applications,
            round.Stage == RoundStage.Draft ? RoundRules.CheckReadyToPublish(round) : [], areaNames));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("{id:int}/details")]
    public async Task<IActionResult> Details(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        return round is null ? NotFound() : View("RoundDetails", RoundSetupService.DetailsOf(round));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/details")]
    public async Task<IActionResult> Details(int id, RoundDetailsForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        form.Id = id;
        form.ProgrammeId = round.ProgrammeId;
        if (form.Version != round.Version)
        {
            ModelState.Clear(); // show the latest saved values, not the stale ones
            ModelState.AddModelError("", "Someone else changed this round while you were editing it. Your changes have not been saved: check the latest details below and make them again.");
            return View("RoundDetails", RoundSetupService.DetailsOf(round));
        }

        if (!Validate(form))
        {
            return View("RoundDetails", form);
        }

        try
        {
            await rounds.UpdateAsync(round, form);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this round at the same moment. Your changes have not been saved: reload the page and make them again.");
            return View("RoundDetails", form);
        }

        TempData["Flash"] = "The round's details were saved.";
        return RedirectToAction(nameof(Overview), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/stage")]
    public async Task<IActionResult> MoveTo(int id, RoundStage stage)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var problems = await rounds.MoveToAsync(round, stage);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return await Overview(id);
        }

        var now = clock.GetUtcNow();
        TempData["Flash"] = stage == RoundStage.Published
            ? round.IsAcceptingSubmissionsAt(now)
                ? $"{round.Title} is published and open: applicants can apply until {UkTime.Format(round.ClosesAt)}."
                : $"{round.Title} is published. Applicants can see it now and apply from {UkTime.Format(round.OpensAt)}."
            : $"{round.Title} is now {Display.Humanise(round.StatusAt(now).ToString()).ToLowerInvariant()}.";
        return RedirectToAction(nameof(Overview), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/copy")]
    public async Task<IActionResult> Copy(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        var copy = await rounds.CopyAsync(round);
        TempData["Flash"] = $"A copy was made as a draft, a year later. Check its dates and details before publishing.";
        return RedirectToAction(nameof(Overview), new { id = copy.Id });
    }

    private bool Validate(RoundDetailsForm form)
    {
        if (form.MaximumDurationMonths is < 1 or > RoundRules.MaximumDurationMonths)
        {
            ModelState.AddModelError(nameof(form.MaximumDurationMonths), "Grants can last from 1 to 36 months");
        }

        if (ModelState.IsValid)
        {
            foreach (var problem in RoundSetupService.Check(form).Where(p => p.Field != nameof(form.MaximumDurationMonths)))
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }

        return ModelState.IsValid;
    }
}
