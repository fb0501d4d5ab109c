using GrantsHub.Domain.Rounds;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

public sealed record RingFencesPage(int RoundId, string RoundTitle, decimal Budget, IReadOnlyList<RingFence> RingFences, RingFenceForm Form);

/// <summary>Who may apply to a round, and the ring-fenced pots within its budget.</summary>
[Route("funder/rounds/{id:int}")]
public sealed class RoundEligibilityController(GrantsHubDbContext db, RoundSetupService rounds, AreaChoices areaChoices) : Controller
{
    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("eligibility")]
    public async Task<IActionResult> Eligibility(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        return await EligibilityView(round, new EligibilityForm
        {
            Version = round.Version,
            AllowedTypes = Enum.GetValues<OrganisationTypes>().Where(t => t != OrganisationTypes.None && round.AllowedOrganisationTypes.HasFlag(t)).ToList(),
            MaximumAnnualIncome = round.MaximumAnnualIncome,
            AreaCodes = round.Areas.Select(a => a.AreaCode).ToList(),
        });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("eligibility")]
    public async Task<IActionResult> Eligibility(int id, EligibilityForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        if (form.Version != round.Version)
        {
            ModelState.AddModelError("", "Someone else changed this round while you were editing it. Nothing was saved; make your changes again.");
        }

        var known = await db.Areas.Select(a => a.Code).ToListAsync();
        if (form.AreaCodes.Except(known).Any())
        {
            ModelState.AddModelError(nameof(form.AreaCodes), "Select areas from the list");
        }

        if (!ModelState.IsValid)
        {
            return await EligibilityView(round, form);
        }

        await rounds.UpdateEligibilityAsync(round, form, known);
        TempData["Flash"] = "Who can apply was saved.";
        return RedirectToAction(nameof(RoundSetupController.Overview), "RoundSetup", new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("ring-fences")]
    public async Task<IActionResult> RingFences(int id)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        return round is null ? NotFound() : RingFencesView(round, new RingFenceForm());
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("ring-fences")]
    public async Task<IActionResult> AddRingFence(int id, RingFenceForm form)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        if (round is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return RingFencesView(round, form);
        }

        var pot = new RingFence
        {
            Name = form.Name.Trim(),
            Amount = form.Share == RingFenceShare.Amount ? form.ShareValue : null,
            Percentage = form.Share == RingFenceShare.Percentage ? form.ShareValue : null,
            Qualifier = form.Qualifier,
            DeiCode = form.Qualifier == RingFenceQualifier.DeiCode ? form.DeiCode : null,
        };
        var problem = RoundRules.CheckRingFences(round.Budget, round.RingFences.Append(pot)).FirstOrDefault();
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(form.ShareValue), problem.Message);
            return RingFencesView(round, form);
        }

        round.RingFences.Add(pot);
        rounds.Record(round, "round.ring-fence-added", $"Ring-fenced pot {pot.Name} added to {round.Title}", null, new { pot.Name, pot.Amount, pot.Percentage, Qualifier = pot.Qualifier.ToString(), pot.DeiCode });
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The pot {pot.Name} was added.";
        return RedirectToAction(nameof(RingFences), new { id });
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("ring-fences/{ringFenceId:int}/remove")]
    public async Task<IActionResult> RemoveRingFence(int id, int ringFenceId)
    {
        var round = await db.FindRoundForEditAsync(User.RequireFunderId(), id);
        var pot = round?.RingFences.SingleOrDefault(r => r.Id == ringFenceId);
        if (round is null || pot is null)
        {
            return NotFound();
        }

        round.RingFences.Remove(pot);
        db.RingFences.Remove(pot);
        rounds.Record(round, "round.ring-fence-removed", $"Ring-fenced pot {pot.Name} removed from {round.Title}", new { pot.Name, pot.Amount, pot.Percentage, Qualifier = pot.Qualifier.ToString(), pot.DeiCode }, null);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"The pot {pot.Name} was removed.";
        return RedirectToAction(nameof(RingFences), new { id });
    }

    private async Task<IActionResult> EligibilityView(Round round, EligibilityForm form)
    {
        ViewBag.Areas = await areaChoices.SelectListAsync(db);
        ViewBag.RoundTitle = round.Title;
        ViewBag.RoundId = round.Id;
        return View("Eligibility", form);
    }

    private ViewResult RingFencesView(Round round, RingFenceForm form) =>
        View("RingFences", new RingFencesPage(round.Id, round.Title, round.Budget, round.RingFences.OrderBy(r => r.Id).ToList(), form));
}
