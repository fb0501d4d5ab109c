using System.ComponentModel.DataAnnotations;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Funders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure.Auditing;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Admin;

public sealed record FunderRow(int Id, string Name, string Kind, int Staff);

public sealed record PlatformPage(IReadOnlyList<FunderRow> Funders, NewFunderForm Form);

public sealed class NewFunderForm
{
    [Required(ErrorMessage = "Enter the funder's name")]
    [StringLength(200)]
    [Display(Name = "Funder name")]
    public string Name { get; set; } = "";

    [Display(Name = "Kind of funder")]
    public FunderKind Kind { get; set; } = FunderKind.LocalAuthority;

    [Required(ErrorMessage = "Enter the funder's 360Giving prefix")]
    [RegularExpression("^360G-[A-Za-z0-9-]{2,50}$", ErrorMessage = "Enter a 360Giving prefix like 360G-northshire")]
    [Display(Name = "360Giving identifier prefix")]
    public string OpenDataPrefix { get; set; } = "360G-";

    [Required(ErrorMessage = "Enter the first admin's name")]
    [StringLength(200)]
    [Display(Name = "First admin's name")]
    public string AdminName { get; set; } = "";

    [Required(ErrorMessage = "Enter the first admin's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [Display(Name = "First admin's email address")]
    public string AdminEmail { get; set; } = "";
}

/// <summary>The platform administrator manages funders; they never read applications.</summary>
[Route("platform")]
public sealed class PlatformController(GrantsHubDbContext db, StaffInvitations invitations, IAuditLog audit, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync(new NewFunderForm()));

    [Authorize(Policy = Policies.PlatformAdmin)]
    [HttpPost("funders")]
    public async Task<IActionResult> CreateFunder(NewFunderForm form)
    {
        if (ModelState.IsValid && await db.Funders.AnyAsync(f => f.OpenDataPrefix == form.OpenDataPrefix))
        {
            ModelState.AddModelError(nameof(form.OpenDataPrefix), "Another funder already uses this prefix");
        }

        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync(form));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var funder = new Funder { Name = form.Name.Trim(), Kind = form.Kind, OpenDataPrefix = form.OpenDataPrefix, CreatedAt = clock.GetUtcNow() };
        db.Funders.Add(funder);
        await db.SaveChangesAsync();
        audit.Record("funder.created", $"Funder {funder.Name} created", new AuditScope(FunderId: funder.Id), after: new { funder.Name, Kind = funder.Kind.ToString(), funder.OpenDataPrefix });
        var error = await invitations.InviteAsync(funder.Id, form.AdminName, form.AdminEmail, Roles.FunderAdmin, User.GetDisplayName(), Request);
        if (error is not null)
        {
            await transaction.RollbackAsync();
            ModelState.AddModelError(nameof(form.AdminEmail), error);
            return View("Index", await PageAsync(form));
        }

        await transaction.CommitAsync();
        TempData["Flash"] = $"{funder.Name} was created and {form.AdminEmail} was invited as its first admin.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<PlatformPage> PageAsync(NewFunderForm form)
    {
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new FunderRow(f.Id, f.Name, f.Kind.ToString(), db.Users.Count(u => u.FunderId == f.Id)))
            .ToListAsync();
        return new PlatformPage(funders, form);
    }
}
