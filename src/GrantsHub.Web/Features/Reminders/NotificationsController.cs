using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed record NotificationItem(long Id, string Subject, string? Link, DateTimeOffset At, bool Read);

public sealed record NotificationsViewModel(Page<NotificationItem> Page, int Unread);

/// <summary>In-app notifications are the reminders and event emails sent to a person that point to a page.</summary>
public static class NotificationQueries
{
    public static IQueryable<NotificationItem> For(GrantsHubDbContext db, string userId) =>
        db.Outbox.AsNoTracking()
            .Where(m => m.ToUserId == userId && m.LinkUrl != null)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new NotificationItem(m.Id, m.Subject, m.LinkUrl, m.CreatedAt, m.ReadAt != null));

    public static Task<int> UnreadAsync(GrantsHubDbContext db, string userId) =>
        db.Outbox.CountAsync(m => m.ToUserId == userId && m.LinkUrl != null && m.ReadAt == null);
}

[Route("notifications")]
public sealed class NotificationsController(GrantsHubDbContext db, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var userId = User.GetUserId();
        var items = await NotificationQueries.For(db, userId).ToPageAsync(page);
        return View("Notifications", new NotificationsViewModel(items, await NotificationQueries.UnreadAsync(db, userId)));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> MarkRead(long id, string? returnUrl)
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var changed = await db.Outbox.Where(m => m.Id == id && m.ToUserId == userId && m.LinkUrl != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, m => m.ReadAt ?? now));
        if (changed == 0)
        {
            return NotFound();
        }

        await db.RecordChangeAsync(); // the unread count is on kept pages
        return Back(returnUrl);
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("read-all")]
    public async Task<IActionResult> MarkAllRead(string? returnUrl)
    {
        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        await db.Outbox.Where(m => m.ToUserId == userId && m.LinkUrl != null && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
        await db.RecordChangeAsync(); // the unread count is on kept pages
        return Back(returnUrl);
    }

    private RedirectResult Back(string? returnUrl) => Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/notifications");
}

/// <summary>The latest few notifications, for the top of each home page.</summary>
public sealed class NotificationsViewComponent(GrantsHubDbContext db) : ViewComponent
{
    public const int Shown = 5;

    // Compiled once: this panel is on every home page, so its query skips EF's per-call translation lookup.
    // One query: the latest few, each carrying the unread total (with no notifications there is nothing unread either).
    private static readonly Func<GrantsHubDbContext, string, IAsyncEnumerable<LatestNotification>> Latest =
        EF.CompileAsyncQuery((GrantsHubDbContext context, string userId) => context.Outbox.AsNoTracking()
            .Where(m => m.ToUserId == userId && m.LinkUrl != null)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Shown)
            .Select(m => new LatestNotification(
                new NotificationItem(m.Id, m.Subject, m.LinkUrl, m.CreatedAt, m.ReadAt != null),
                context.Outbox.Count(o => o.ToUserId == userId && o.LinkUrl != null && o.ReadAt == null))));

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.GetUserId();
        var latest = await Latest(db, userId).ToListAsync();
        var items = latest.Select(l => l.Item).ToList();
        var unread = latest.Count == 0 ? 0 : latest[0].Unread;
        return View("/Features/Reminders/_Notifications.cshtml", new NotificationsViewModel(new Page<NotificationItem>(items, 1, Shown, items.Count), unread));
    }

    private sealed record LatestNotification(NotificationItem Item, int Unread);
}
