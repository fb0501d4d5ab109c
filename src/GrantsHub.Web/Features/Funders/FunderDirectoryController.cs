using GrantsHub.Domain.Funders;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Funders;

public sealed record FunderDirectoryRow(int Id, string Name, FunderKind Kind);

public sealed record FunderDirectoryPage(IReadOnlyList<FunderDirectoryRow> Funders, int Page, bool HasNext);

/// <summary>
/// The public list of funders on this GrantsHub, each linking to its transparency page and open data.
/// It is one compiled, no-tracking query, so it doubles as the benchmark's reference page.
/// </summary>
[Route("funders")]
public sealed class FunderDirectoryController(GrantsHubDbContext db) : Controller
{
    public const int PageSize = 50;

    private static readonly Func<GrantsHubDbContext, int, IAsyncEnumerable<FunderDirectoryRow>> PageQuery =
        EF.CompileAsyncQuery((GrantsHubDbContext context, int skip) => context.Funders.AsNoTracking()
            .OrderBy(f => f.Name).ThenBy(f => f.Id)
            .Skip(skip).Take(PageSize + 1)
            .Select(f => new FunderDirectoryRow(f.Id, f.Name, f.Kind)));

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Max(1, page);
        var rows = new List<FunderDirectoryRow>(PageSize + 1);
        await foreach (var row in PageQuery(db, (page - 1) * PageSize))
        {
            rows.Add(row);
        }

        var hasNext = rows.Count > PageSize;
        return View(new FunderDirectoryPage(hasNext ? rows[..PageSize] : rows, page, hasNext));
    }
}
