using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Awards;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Awards;

/// <summary>
/// Keeps an application's award in step with the funder's decision: an approval creates a draft
/// offer for the funder to set up; changing the decision before the organisation accepts withdraws
/// or resets the offer; once accepted, the decision can no longer change.
/// </summary>
public sealed class AwardFromDecision(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const string StandardConditions =
        """
        Use the grant only for the project described in your application.
        Tell us straight away about any change to the project, your organisation or its finances.
        Keep records of how the grant was spent for six years and let us see them on request.
        Send monitoring reports when they are due and acknowledge our support in public materials.
        Return any grant not spent on the project.
        """;

    /// <summary>Why the decision on this application can no longer change, or null when it can.</summary>
    public async Task<string?> WhyDecisionIsFixedAsync(int applicationId)
    {
        var status = await db.Awards.Where(a => a.ApplicationId == applicationId).Select(a => (AwardStatus?)a.Status).SingleOrDefaultAsync();
        return status is AwardStatus.Active or AwardStatus.Completed or AwardStatus.Terminated
            ? "The organisation has accepted the award, so this decision can no longer change. Vary or terminate the award instead."
            : null;
    }

    /// <summary>Creates, updates or withdraws the award after a decision is recorded; the caller saves.</summary>
    public async Task SyncAsync(GrantApplication application, Decision decision, int funderId)
    {
        var award = await db.Awards.SingleOrDefaultAsync(a => a.ApplicationId == application.Id);
        var now = clock.GetUtcNow();
        var scope = new AuditScope(FunderId: funderId, OrganisationId: application.OrganisationId, RoundId: application.RoundId, ApplicationId: application.Id);
        if (decision.Outcome == DecisionOutcome.Approved)
        {
            var amount = decision.Amount ?? application.AmountRequested;
            if (award is null)
            {
                var start = FirstOfNextMonth(UkTime.Today(now));
                award = new Award
                {
                    ApplicationId = application.Id, OrganisationId = application.OrganisationId, RoundId = application.RoundId, FunderId = funderId,
                    Reference = Award.ReferenceFor(application.Id, start), Amount = amount, StartDate = start,
                    EndDate = start.AddMonths(Math.Max(1, application.DurationMonths)).AddDays(-1),
                    Status = AwardStatus.Draft, Conditions = StandardConditions, CreatedAt = now,
                };
                db.Awards.Add(award);
                audit.Record(AwardAuditKinds.Created, $"Draft award {award.Reference} created from the approved decision on {application.Reference}", scope,
                    after: new { award.Reference, award.Amount, award.StartDate, award.EndDate, award.Status }, entityType: "Award", entityId: award.Reference);
                return;
            }

            if (award.Status is AwardStatus.Draft or AwardStatus.Offered or AwardStatus.Withdrawn && (award.Amount != amount || award.Status != AwardStatus.Draft))
            {
                var before = new { award.Amount, award.Status };
                award.Amount = amount;
                if (award.Status != AwardStatus.Draft)
                {
                    // A changed approval needs a fresh offer: the funder checks the schedule and issues it again.
                    award.MoveTo(AwardStatus.Draft);
                    award.ClosedAt = null;
                    award.CloseReason = null;
                }

                audit.Record(AwardAuditKinds.ResetByDecision, $"Award {award.Reference} back to draft after the decision changed", scope,
                    before, new { award.Amount, award.Status }, "Award", award.Id.ToString(CultureInfo.InvariantCulture));
            }

            return;
        }

        if (award is { Status: AwardStatus.Draft or AwardStatus.Offered })
        {
            var before = new { award.Status };
            award.MoveTo(AwardStatus.Withdrawn);
            award.ClosedAt = now;
            award.CloseReason = "The application was declined.";
            audit.Record(AwardAuditKinds.Withdrawn, $"Award {award.Reference} withdrawn: the application was declined", scope,
                before, new { award.Status, award.CloseReason }, "Award", award.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static DateOnly FirstOfNextMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1);
}

/// <summary>The kinds of audited award change, so filters and reports can rely on them.</summary>
public static class AwardAuditKinds
{
    public const string Created = "award.created";
    public const string ResetByDecision = "award.reset-by-decision";
    public const string Withdrawn = "award.withdrawn";
    public const string OfferChanged = "award.offer-changed";
    public const string Offered = "award.offered";
    public const string OfferRecalled = "award.offer-recalled";
    public const string Accepted = "award.accepted";
    public const string Declined = "award.declined";
    public const string Closed = "award.closed";
    public const string VariationRequested = "award.variation-requested";
    public const string VariationDecided = "award.variation-decided";
    public const string MilestoneStarted = "award.milestone-started";
    public const string EvidenceSubmitted = "award.evidence-submitted";
    public const string EvidenceReviewed = "award.evidence-reviewed";
    public const string PaymentRecorded = "award.payment-recorded";
    public const string ReportSubmitted = "award.report-submitted";
    public const string ReportReviewed = "award.report-reviewed";
}
