using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Areas;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Equality;

public sealed class AreaImportForm
{
    [Required(ErrorMessage = "Choose a CSV file of areas")]
    [Display(Name = "CSV file of areas")]
    public IFormFile? File { get; set; }
}

public sealed record AreasPage(IReadOnlyList<Area> Areas, IReadOnlyList<string> ImportErrors);

/// <summary>Area reference data: local authorities and their deprivation deciles, imported from CSV.</summary>
[Route("funder/areas")]
public sealed class AreasController(GrantsHubDbContext db, IAuditLog audit, AreaChoices areaChoices) : Controller
{
    private const long MaximumFileBytes = 1024 * 1024;

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Areas", new AreasPage(await AllAsync(), []));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("import")]
    [RequestSizeLimit(MaximumFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(AreaImportForm form)
    {
        if (form.File is { Length: > MaximumFileBytes })
        {
            ModelState.AddModelError(nameof(form.File), "The file must be smaller than 1 MB");
        }
        else if (form.File is not null && !form.File.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(form.File), "The file must be a CSV file (.csv)");
        }

        if (!ModelState.IsValid)
        {
            return View("Areas", new AreasPage(await AllAsync(), []));
        }

        await using var stream = form.File!.OpenReadStream();
        var result = AreaCsvImport.Parse(stream);
        if (result.Errors.Count > 0)
        {
            ModelState.AddModelError(nameof(form.File), $"Nothing was imported: the file has {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}, listed below");
            return View("Areas", new AreasPage(await AllAsync(), result.Errors));
        }

        var codes = result.Areas.Select(a => a.Code).ToList();
        var existing = await db.Areas.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code);
        var added = 0;
        var changed = 0;
        foreach (var area in result.Areas)
        {
            if (existing.TryGetValue(area.Code, out var current))
            {
                if (current.Name != area.Name || current.Region != area.Region || current.DeprivationDecile != area.DeprivationDecile)
                {
                    (current.Name, current.Region, current.DeprivationDecile) = (area.Name, area.Region, area.DeprivationDecile);
                    changed++;
                }
            }
            else
            {
                db.Areas.Add(area);
                added++;
            }
        }

        audit.Record("areas.imported", $"Areas imported from {form.File.FileName}: {added} added, {changed} changed",
            new AuditScope(FunderId: User.RequireFunderId()), after: new { added, changed, file = form.File.FileName });
        await db.SaveChangesAsync();
        areaChoices.Forget();
        TempData["Flash"] = $"Imported {result.Areas.Count} areas: {added} new, {changed} changed, {result.Areas.Count - added - changed} unchanged.";
        return RedirectToAction(nameof(Index));
    }

    private Task<List<Area>> AllAsync() => db.Areas.AsNoTracking().OrderBy(a => a.Region).ThenBy(a => a.Name).ToListAsync();
}
