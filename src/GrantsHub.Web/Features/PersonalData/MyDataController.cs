using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace GrantsHub.Web.Features.PersonalData;

public sealed record MyDataPage(string Name, IReadOnlyList<string> Organisations);

/// <summary>A signed-in person downloads everything GrantsHub holds about them and their organisations.</summary>
[Route("account/my-data")]
public sealed class MyDataController(GrantsHubDbContext db, PersonalDataExport export, IAuditLog audit, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var userId = User.GetUserId();
        var organisations = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name).Select(m => m.Organisation!.Name).ToListAsync();
        return View("MyData", new MyDataPage(User.GetDisplayName(), organisations));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("download")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        audit.Record(PersonalDataAuditKinds.Downloaded, "Personal data downloaded by the person it is about", new AuditScope(),
            entityType: "User", entityId: userId);
        await db.SaveChangesAsync(cancellationToken);

        var stamp = UkTime.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "application/zip";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = $"grantshub-my-data-{stamp}.zip" }.ToString();
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        // ZipArchive finishes each entry with a synchronous write even when used asynchronously;
        // allowed for this one response so the zip streams instead of being built in memory.
        HttpContext.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        await export.WriteAsync(userId, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
