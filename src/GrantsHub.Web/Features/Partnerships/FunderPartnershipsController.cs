using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>A funder's read-only view of the partnerships of organisations it funds, and the map of them by area.</summary>
[Route("funder/partnerships")]
[Authorize(Policy = Policies.FunderStaff)]
public sealed class FunderPartnershipsController(PartnershipMap map, AgreementHandler agreements, GrantsHubDbContext db) : Controller
{
    [KeepUntilDataChanges]
    [HttpGet("")]
    public async Task<IActionResult> Map(int page = 1, string? show = null) =>
        View("Map", await map.BuildAsync(User.RequireFunderId(), page, show == "gaps"));

    [KeepUntilDataChanges]
    [HttpGet("areas/{code}")]
    public async Task<IActionResult> Area(string code, int page = 1) =>
        await map.AreaAsync(User.RequireFunderId(), code, page) is { } area ? View("Area", area) : NotFound();

    [KeepUntilDataChanges]
    [HttpGet("agreements/{id:int}")]
    public async Task<IActionResult> Show(int id, int history = 1) =>
        await agreements.FunderPageAsync(User.RequireFunderId(), id, $"/funder/partnerships/agreements/{id}", history) is { } page
            ? View("Agreement", page)
            : NotFound();

    [HttpGet("agreements/{id:int}/document")]
    public async Task<IActionResult> Document(int id) =>
        await agreements.DocumentAsync(db.VisibleToFunder(User.RequireFunderId()), id) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
}
