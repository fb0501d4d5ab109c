using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Funders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Rounds;

public sealed class ProgrammeForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Enter the programme's name")]
    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    [Display(Name = "Programme name")]
    public string Name { get; set; } = "";

    [StringLength(4000, ErrorMessage = "The purpose must be 4,000 characters or fewer")]
    [Display(Name = "Purpose")]
    public string? Purpose { get; set; }

    [Required(ErrorMessage = "Enter the total budget")]
    [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Enter a total budget between £1 and £1,000,000,000")]
    [Display(Name = "Total budget (£)")]
    public decimal? TotalBudget { get; set; }
}

[Route("funder/programmes")]
public sealed class ProgrammesController(GrantsHubDbContext db, IAuditLog audit) : Controller
{
    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("new")]
    public IActionResult Create() => View("ProgrammeForm", new ProgrammeForm());

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(ProgrammeForm form)
    {
        if (!ModelState.IsValid)
        {
            return View("ProgrammeForm", form);
        }

        var funderId = User.RequireFunderId();
        var programme = new Programme { FunderId = funderId, Name = form.Name.Trim(), Purpose = form.Purpose?.Trim() ?? "", TotalBudget = form.TotalBudget!.Value };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        audit.Record("programme.created", $"Programme {programme.Name} created", new AuditScope(FunderId: funderId), after: form, entityType: "Programme", entityId: Id(programme.Id));
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{programme.Name} was created. Now add its first round.";
        return Redirect($"/funder/rounds/new?programmeId={Id(programme.Id)}");
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var funderId = User.RequireFunderId();
        var form = await db.Programmes.AsNoTracking().Where(p => p.Id == id && p.FunderId == funderId)
            .Select(p => new ProgrammeForm { Id = p.Id, Name = p.Name, Purpose = p.Purpose, TotalBudget = p.TotalBudget })
            .SingleOrDefaultAsync();
        return form is null ? NotFound() : View("ProgrammeForm", form);
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProgrammeForm form)
    {
        var funderId = User.RequireFunderId();
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id && p.FunderId == funderId);
        if (programme is null)
        {
            return NotFound();
        }

        form.Id = id;
        if (!ModelState.IsValid)
        {
            return View("ProgrammeForm", form);
        }

        var before = new { programme.Name, programme.Purpose, programme.TotalBudget };
        programme.Name = form.Name.Trim();
        programme.Purpose = form.Purpose?.Trim() ?? "";
        programme.TotalBudget = form.TotalBudget!.Value;
        audit.Record("programme.changed", $"Programme {programme.Name} changed", new AuditScope(FunderId: funderId), before,
            new { programme.Name, programme.Purpose, programme.TotalBudget }, "Programme", Id(id));
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{programme.Name} was saved.";
        return Redirect("/funder");
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
