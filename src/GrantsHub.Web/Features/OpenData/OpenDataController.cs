using System.Text.Json;
using GrantsHub.Domain.OpenData;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.OpenData;

public sealed record PreviewGrant(string Id, string Recipient, decimal Amount, string AwardDate, bool EqualityDetails);

public sealed record OpenDataPage(int FunderId, OpenDataSnapshot? Latest, OpenDataSnapshot? Published, Page<PreviewGrant>? Preview);

public sealed class PublishForm
{
    public int SnapshotId { get; set; }
}

/// <summary>A funder's 360Giving open data: preview a snapshot, publish it, and the public files.</summary>
public sealed class OpenDataController(GrantsHubDbContext db, OpenDataPublisher publisher) : Controller
{
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("funder/open-data")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var funderId = User.RequireFunderId();
        return View("OpenData", await PageAsync(funderId, page));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("funder/open-data/preview")]
    public async Task<IActionResult> Preview(CancellationToken ct)
    {
        var snapshot = await publisher.RegenerateAsync(User.RequireFunderId(), ct);
        TempData["Flash"] = snapshot.PublishedAt is null ? "A preview of your open data is ready: check it, then publish." : "Your open data is up to date.";
        return Redirect("/funder/open-data");
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("funder/open-data/publish")]
    public async Task<IActionResult> Publish(PublishForm form, CancellationToken ct)
    {
        var funderId = User.RequireFunderId();
        if (await publisher.PublishAsync(funderId, form.SnapshotId, User.GetUserId(), ct) is { } problem)
        {
            ModelState.AddModelError("", problem);
            return View("OpenData", await PageAsync(funderId, 1));
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Your open data is published. From now on it is republished after each decision and every night.";
        return Redirect("/funder/open-data");
    }

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("funder/open-data/preview/grants.json")]
    public async Task PreviewJson(CancellationToken ct) => await StreamJsonAsync(User.RequireFunderId(), await publisher.LatestAsync(User.RequireFunderId(), ct), ct);

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("funder/open-data/preview/grants.csv")]
    public async Task PreviewCsv(CancellationToken ct) => await StreamCsvAsync(await publisher.LatestAsync(User.RequireFunderId(), ct), ct);

    [AllowAnonymous]
    [HttpGet("funders/{funderId:int}/grants.json")]
    public async Task Json(int funderId, CancellationToken ct) => await StreamJsonAsync(funderId, await publisher.PublishedAsync(funderId, ct), ct);

    [AllowAnonymous]
    [HttpGet("funders/{funderId:int}/grants.csv")]
    public async Task Csv(int funderId, CancellationToken ct) => await StreamCsvAsync(await publisher.PublishedAsync(funderId, ct), ct);

    private async Task StreamJsonAsync(int funderId, OpenDataSnapshot? snapshot, CancellationToken ct)
    {
        if (snapshot is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var who = await publisher.PublisherAsync(funderId, ct);
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.LastModified = (snapshot.DataModifiedAt ?? snapshot.GeneratedAt).ToString("R");
        await publisher.WritePackageAsync(snapshot, who, $"{Request.Scheme}://{Request.Host.Value}/funders/{funderId}/grants.json", Response.Body, ct);
    }

    private async Task StreamCsvAsync(OpenDataSnapshot? snapshot, CancellationToken ct)
    {
        if (snapshot is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"grants.csv\"";
        await publisher.WriteCsvAsync(snapshot, Response.Body, ct);
    }

    private async Task<OpenDataPage> PageAsync(int funderId, int page)
    {
        var latest = await publisher.LatestAsync(funderId);
        var published = await publisher.PublishedAsync(funderId);
        Page<PreviewGrant>? preview = null;
        if (latest is not null)
        {
            var rows = await db.OpenDataGrants.AsNoTracking().Where(g => g.SnapshotId == latest.Id).OrderBy(g => g.Id).Select(g => g.Json).ToPageAsync(page);
            preview = new Page<PreviewGrant>(rows.Items.Select(Read).ToList(), rows.Number, rows.Size, rows.Total);
        }

        return new OpenDataPage(funderId, latest, published, preview);
    }

    private static PreviewGrant Read(string json)
    {
        using var grant = JsonDocument.Parse(json);
        var root = grant.RootElement;
        return new PreviewGrant(root.GetProperty("id").GetString()!, root.GetProperty("recipientOrganization")[0].GetProperty("name").GetString()!,
            root.GetProperty("amountAwarded").GetDecimal(), root.GetProperty("awardDate").GetString()!, root.TryGetProperty("deiDetails", out _));
    }
}
