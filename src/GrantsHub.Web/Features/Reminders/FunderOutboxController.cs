using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GrantsHub.Domain.Email;
using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

public sealed record OutboxRow(long Id, string Kind, string ToAddress, string? ToName, string Subject, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

public sealed record OutboxPage(Page<OutboxRow> Rows, OutboxStatus? Status, string? Kind, IReadOnlyList<string> Kinds)
{
    public string Link(int page) => string.Create(CultureInfo.InvariantCulture,
        $"/funder/outbox?status={Status}&kind={Uri.EscapeDataString(Kind ?? "")}&page={page}");
}

public sealed class ReminderSettingsForm
{
    [Display(Name = "First reminder before a round closes (days)"), Range(1, 60, ErrorMessage = "Enter a number of days from 1 to 60")]
    public int RoundClosingFirstDays { get; set; }

    [Display(Name = "Final reminder before a round closes (days)"), Range(0, 60, ErrorMessage = "Enter a number of days from 0 to 60")]
    public int RoundClosingFinalDays { get; set; }

    [Display(Name = "Scoring reminder before the panel deadline (days)"), Range(0, 60, ErrorMessage = "Enter a number of days from 0 to 60")]
    public int ScoringDueDays { get; set; }

    [Display(Name = "Milestone reminder before it is due (days)"), Range(0, 120, ErrorMessage = "Enter a number of days from 0 to 120")]
    public int MilestoneDueDays { get; set; }

    [Display(Name = "Monitoring report reminder before it is due (days)"), Range(0, 120, ErrorMessage = "Enter a number of days from 0 to 120")]
    public int MonitoringReportDueDays { get; set; }

    [Display(Name = "First reminder before a partnership agreement expires or is reviewed (days)"), Range(1, 365, ErrorMessage = "Enter a number of days from 1 to 365")]
    public int AgreementFirstDays { get; set; }

    [Display(Name = "Final reminder before a partnership agreement expires or is reviewed (days)"), Range(0, 365, ErrorMessage = "Enter a number of days from 0 to 365")]
    public int AgreementFinalDays { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A funder admin's view of the emails about their funder, and the lead times of their reminders.</summary>
[Route("funder")]
public sealed class FunderOutboxController(GrantsHubDbContext db, IAuditLog audit, IEmailDispatchTrigger dispatch, TimeProvider clock) : Controller
{
    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("outbox")]
    public async Task<IActionResult> Outbox(OutboxStatus? status, string? kind, int page = 1)
    {
        var funderId = User.RequireFunderId();
        var rows = db.Outbox.AsNoTracking().Where(m => m.FunderId == funderId);
        var kinds = await rows.Select(m => m.Kind).Distinct().OrderBy(k => k).ToListAsync();
        if (status is { } s)
        {
            rows = rows.Where(m => m.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            rows = rows.Where(m => m.Kind == kind);
        }

        var result = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToAddress, m.ToName, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToPageAsync(page);
        return View("Outbox", new OutboxPage(result, status, kind, kinds));
    }

    /// <summary>Gives a failed email a fresh set of attempts; only failed rows of this funder, so nothing sent goes twice.</summary>
    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("outbox/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id)
    {
        var funderId = User.RequireFunderId();
        var row = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id && m.FunderId == funderId);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status != OutboxStatus.Failed)
        {
            TempData["Flash"] = "Only a failed email can be retried.";
            return Redirect("/funder/outbox");
        }

        var before = new { row.Status, row.Attempts, row.LastError };
        row.Status = OutboxStatus.Pending;
        row.Attempts = 0;
        row.NextAttemptAt = clock.GetUtcNow();
        audit.Record("outbox.retried", $"Email \"{row.Subject}\" to {row.ToAddress} retried", new AuditScope(FunderId: funderId),
            before, new { row.Status, row.Attempts }, "OutboxMessage", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        dispatch.DispatchSoon();
        TempData["Flash"] = $"The email to {row.ToAddress} will be sent again.";
        return Redirect("/funder/outbox?status=Pending");
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpGet("reminder-settings")]
    public async Task<IActionResult> Settings()
    {
        var funderId = User.RequireFunderId();
        var settings = await db.FunderReminderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.FunderId == funderId) ?? new FunderReminderSettings();
        return View("ReminderSettings", ToForm(settings));
    }

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("reminder-settings")]
    public async Task<IActionResult> Settings(ReminderSettingsForm form)
    {
        var funderId = User.RequireFunderId();
        if (ModelState.IsValid && form.RoundClosingFinalDays >= form.RoundClosingFirstDays)
        {
            ModelState.AddModelError(nameof(form.RoundClosingFinalDays), "The final reminder must come after the first: enter fewer days than the first");
        }

        if (ModelState.IsValid && form.AgreementFinalDays >= form.AgreementFirstDays)
        {
            ModelState.AddModelError(nameof(form.AgreementFinalDays), "The final reminder must come after the first: enter fewer days than the first");
        }

        if (!ModelState.IsValid)
        {
            return View("ReminderSettings", form);
        }

        var settings = await db.FunderReminderSettings.SingleOrDefaultAsync(s => s.FunderId == funderId);
        var before = settings is null ? null : ToForm(settings);
        if (settings is null)
        {
            settings = new FunderReminderSettings { FunderId = funderId };
            db.FunderReminderSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
        }

        settings.RoundClosingFirstDays = form.RoundClosingFirstDays;
        settings.RoundClosingFinalDays = form.RoundClosingFinalDays;
        settings.ScoringDueDays = form.ScoringDueDays;
        settings.MilestoneDueDays = form.MilestoneDueDays;
        settings.MonitoringReportDueDays = form.MonitoringReportDueDays;
        settings.AgreementFirstDays = form.AgreementFirstDays;
        settings.AgreementFinalDays = form.AgreementFinalDays;
        audit.Record("reminders.settings-changed", "Reminder timings changed", new AuditScope(FunderId: funderId), before, form,
            "FunderReminderSettings", funderId.ToString(CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Someone else changed these reminder timings while you were editing. Reload the page to see their changes.");
            return View("ReminderSettings", form);
        }

        TempData["Flash"] = "Reminder timings were saved. They apply from the next reminder run.";
        return Redirect("/funder/reminder-settings");
    }

    private static ReminderSettingsForm ToForm(FunderReminderSettings s) => new()
    {
        RoundClosingFirstDays = s.RoundClosingFirstDays, RoundClosingFinalDays = s.RoundClosingFinalDays, ScoringDueDays = s.ScoringDueDays,
        MilestoneDueDays = s.MilestoneDueDays, MonitoringReportDueDays = s.MonitoringReportDueDays,
        AgreementFirstDays = s.AgreementFirstDays, AgreementFinalDays = s.AgreementFinalDays, Version = s.Version,
    };
}
