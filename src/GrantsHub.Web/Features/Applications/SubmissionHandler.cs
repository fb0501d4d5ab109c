using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Applications;

public enum SubmitResult
{
    NotFound,
    Refused,
    Incomplete,
    Conflict,
    Done,
}

public sealed record SubmitOutcome(SubmitResult Result, string? Message = null, LoadedApplication? Application = null);

/// <summary>
/// Submits and withdraws applications. The deadline is exact to the second: a round accepts
/// submissions up to and including its closing instant, by the injected clock.
/// </summary>
public sealed class SubmissionHandler(GrantsHubDbContext db, IAuditLog audit, Outbox outbox, IEmailDispatchTrigger dispatch, TimeProvider clock)
{
    public const string ChangedMessage = "This application was changed in another tab or by a colleague since you opened this page. Check the answers below, then submit again.";

    public async Task<SubmitOutcome> SubmitAsync(string userId, int applicationId, Guid version, Func<int, string> viewUrl)
    {
        var loaded = await LoadedApplication.LoadAsync(db, userId, applicationId);
        if (loaded is null)
        {
            return new SubmitOutcome(SubmitResult.NotFound);
        }

        var now = clock.GetUtcNow();
        if (!loaded.IsDraft)
        {
            return new SubmitOutcome(SubmitResult.Refused, "This application has already been submitted.", loaded);
        }

        if (now < loaded.Round.OpensAt)
        {
            return new SubmitOutcome(SubmitResult.Refused, $"This round opens at {UkTime.Format(loaded.Round.OpensAt)}. Your draft has been kept; submit it once the round is open.", loaded);
        }

        if (!loaded.Round.IsAcceptingSubmissionsAt(now))
        {
            return new SubmitOutcome(SubmitResult.Refused, $"This round closed at {UkTime.Format(loaded.Round.ClosesAt)}. Your draft has been kept, but it can no longer be submitted.", loaded);
        }

        if (loaded.Application.Version != version)
        {
            return new SubmitOutcome(SubmitResult.Conflict, ChangedMessage, loaded);
        }

        if (loaded.AllProblems().Count > 0)
        {
            return new SubmitOutcome(SubmitResult.Incomplete, null, loaded);
        }

        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.MoveTo(ApplicationStatus.Submitted);
        application.SubmittedAt = now;
        application.SubmittedByUserId = userId;
        application.UpdatedAt = now;
        application.Reference = GrantApplication.ReferenceFor(application.Id, now);
        audit.Record(AuditKinds.ApplicationSubmitted, $"{loaded.OrganisationName} submitted {application.Reference} to {loaded.Round.Title}", Scope(loaded),
            entityType: "Application", entityId: applicationId.ToString(CultureInfo.InvariantCulture));
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).SingleAsync();
        await outbox.AddAsync($"application-submitted:{applicationId}", "ApplicationSubmitted", user.Email!, user.DisplayName, userId, "/Features/Applications/Emails/ApplicationSubmitted",
            new ApplicationSubmittedEmail
            {
                Subject = $"Application {application.Reference} submitted",
                RecipientName = user.DisplayName,
                Reference = application.Reference,
                ProjectTitle = application.ProjectTitle,
                RoundTitle = loaded.Round.Title,
                OrganisationName = loaded.OrganisationName,
                SubmittedAt = UkTime.Format(now),
                ViewUrl = viewUrl(applicationId),
            }, loaded.Round.Programme?.FunderId, viewUrl(applicationId));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SubmitOutcome(SubmitResult.Conflict, ChangedMessage, await LoadedApplication.LoadAsync(db, userId, applicationId));
        }

        dispatch.DispatchSoon();
        return new SubmitOutcome(SubmitResult.Done, application.Reference);
    }

    public async Task<SubmitOutcome> WithdrawAsync(string userId, int applicationId)
    {
        var loaded = await LoadedApplication.LoadAsync(db, userId, applicationId);
        if (loaded is null)
        {
            return new SubmitOutcome(SubmitResult.NotFound);
        }

        var now = clock.GetUtcNow();
        if (loaded.Application.Status != ApplicationStatus.Submitted || !loaded.Round.IsAcceptingSubmissionsAt(now))
        {
            return new SubmitOutcome(SubmitResult.Refused, "Only a submitted application can be withdrawn, and only before the round closes.", loaded);
        }

        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        application.MoveTo(ApplicationStatus.Withdrawn);
        application.WithdrawnAt = now;
        application.UpdatedAt = now;
        audit.Record(AuditKinds.ApplicationWithdrawn, $"{loaded.OrganisationName} withdrew {application.Reference}", Scope(loaded),
            entityType: "Application", entityId: applicationId.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        return new SubmitOutcome(SubmitResult.Done, application.Reference);
    }

    private static AuditScope Scope(LoadedApplication loaded) =>
        new(FunderId: loaded.Round.Programme?.FunderId, OrganisationId: loaded.Application.OrganisationId, RoundId: loaded.Round.Id, ApplicationId: loaded.Application.Id);
}
