using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed record ReminderChoice(ReminderKindInfo Info, bool On);

public sealed record PreferencesViewModel(IReadOnlyList<ReminderChoice> Choices);

public sealed record UnsubscribeViewModel(string Token, string Title, bool Done);

/// <summary>Which reminders a person gets: turned off on their preferences page, or from the link in an email without signing in.</summary>
public sealed class ReminderPreferencesController(GrantsHubDbContext db, ReminderLinks links, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("/account/reminders")]
    public async Task<IActionResult> Preferences()
    {
        var userId = User.GetUserId();
        var off = await db.ReminderOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync();
        var choices = ReminderKinds.All.Where(k => User.IsInRole(k.Role)).Select(k => new ReminderChoice(k, k.Essential || !off.Contains(k.Kind))).ToList();
        return View("Preferences", new PreferencesViewModel(choices));
    }

    /// <param name="on">The kinds left ticked; every other non-essential kind of this person's role is turned off.</param>
    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("/account/reminders")]
    public async Task<IActionResult> Preferences(List<ReminderKind> on)
    {
        var userId = User.GetUserId();
        var mine = ReminderKinds.All.Where(k => User.IsInRole(k.Role) && !k.Essential).Select(k => k.Kind).ToList();
        var existing = await db.ReminderOptOuts.Where(o => o.UserId == userId).ToListAsync();
        foreach (var kind in mine)
        {
            var row = existing.SingleOrDefault(o => o.Kind == kind);
            if (on.Contains(kind) && row is not null)
            {
                db.ReminderOptOuts.Remove(row);
            }
            else if (!on.Contains(kind) && row is null)
            {
                db.ReminderOptOuts.Add(new ReminderOptOut { UserId = userId, Kind = kind, At = clock.GetUtcNow() });
            }
        }

        await db.SaveChangesAsync();
        TempData["Flash"] = "Your reminder choices were saved.";
        return Redirect("/account/reminders");
    }

    [AllowAnonymous]
    [HttpGet("/unsubscribe")]
    public IActionResult Unsubscribe(string? token) =>
        links.ReadUnsubscribeToken(token) is { } target
            ? View("Unsubscribe", new UnsubscribeViewModel(token!, ReminderKinds.Of(target.Kind).Title, Done: false))
            : View("UnsubscribeInvalid");

    /// <summary>Confirms with a POST, so a mail scanner that follows links never turns anything off.</summary>
    [AllowAnonymous]
    [HttpPost("/unsubscribe")]
    public async Task<IActionResult> ConfirmUnsubscribe(string? token)
    {
        if (links.ReadUnsubscribeToken(token) is not { } target || !await db.Users.AnyAsync(u => u.Id == target.UserId))
        {
            return View("UnsubscribeInvalid");
        }

        if (!await db.ReminderOptOuts.AnyAsync(o => o.UserId == target.UserId && o.Kind == target.Kind))
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = target.UserId, Kind = target.Kind, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Confirmed twice at once: the other request already turned it off.
            }
        }

        return View("Unsubscribe", new UnsubscribeViewModel(token!, ReminderKinds.Of(target.Kind).Title, Done: true));
    }
}
