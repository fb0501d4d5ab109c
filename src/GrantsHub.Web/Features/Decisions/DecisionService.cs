using System.Globalization;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Assessment;
using GrantsHub.Web.Features.Awards;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Decisions;

public sealed class DecisionEmail : EmailModel
{
    public required string OrganisationName { get; init; }
    public required string ProjectTitle { get; init; }
    public required string Reference { get; init; }
    public required string RoundTitle { get; init; }
    public required string FunderName { get; init; }
    public bool Approved { get; init; }
    public decimal? Amount { get; init; }
    public required string Feedback { get; init; }
    public required string DashboardUrl { get; init; }
}

public sealed record DecisionProblem(string Field, string Message);

/// <summary>Records decisions (changes need a reason, kept in the audit trail) and tells applicants through the outbox.</summary>
public sealed class DecisionService(GrantsHubDbContext db, IAuditLog audit, Outbox outbox, TimeProvider clock, AwardFromDecision awards)
{
    /// <summary>Decides one application of the round; the caller saves. Problems are for the form.</summary>
    public async Task<IReadOnlyList<DecisionProblem>> DecideAsync(int funderId, string userId, int roundId, int applicationId, DecisionOutcome outcome, decimal? amount, string feedback, string? reason)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId && a.RoundId == roundId);
        if (application is null)
        {
            return [new DecisionProblem("", "That application is not in this round.")];
        }

        var target = outcome == DecisionOutcome.Approved ? ApplicationStatus.Approved : ApplicationStatus.Declined;
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.ApplicationId == applicationId);
        var problems = new List<DecisionProblem>();
        if (application.Status != target && !ApplicationTransitions.CanMove(application.Status, target))
        {
            problems.Add(new DecisionProblem("", $"An application that is {application.Status.ToString().ToLowerInvariant()} cannot be {target.ToString().ToLowerInvariant()}: it must be under assessment."));
        }

        if (outcome == DecisionOutcome.Approved && (amount is not { } a || a <= 0 || a > application.AmountRequested))
        {
            problems.Add(new DecisionProblem("Amount", $"Enter an amount from £1 to the {RecommendationEngine.Money(application.AmountRequested)} requested"));
        }

        if (string.IsNullOrWhiteSpace(feedback))
        {
            problems.Add(new DecisionProblem("Feedback", "Enter feedback for the applicant"));
        }

        var amountAfter = outcome == DecisionOutcome.Approved ? amount : null;
        var changed = decision is not null && (decision.Outcome != outcome || decision.Amount != amountAfter || decision.Feedback != feedback.Trim());
        if (changed && string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new DecisionProblem("Reason", "Give a reason for changing the decision"));
        }

        if (changed && await awards.WhyDecisionIsFixedAsync(applicationId) is { } fixedBecause)
        {
            problems.Add(new DecisionProblem("", fixedBecause));
        }

        if (problems.Count > 0 || (decision is not null && !changed))
        {
            return problems;
        }

        var before = decision is null ? null : new { decision.Outcome, decision.Amount, decision.Feedback };
        var now = clock.GetUtcNow();
        if (decision is null)
        {
            decision = new Decision { ApplicationId = applicationId, Feedback = "", DecidedByUserId = "" };
            db.Decisions.Add(decision);
        }
        else
        {
            decision.Revision++;
            decision.NotifiedAt = null; // the applicant is told of the change
        }

        decision.Outcome = outcome;
        decision.Amount = amountAfter;
        decision.Feedback = feedback.Trim();
        decision.DecidedAt = now;
        decision.DecidedByUserId = userId;
        if (application.Status != target)
        {
            application.MoveTo(target);
        }

        var after = new { decision.Outcome, decision.Amount, decision.Feedback, Reason = reason?.Trim() };
        audit.Record(before is null ? AssessmentAuditKinds.Decided : AssessmentAuditKinds.DecisionChanged,
            before is null ? $"{application.Reference} {target.ToString().ToLowerInvariant()}" : $"Decision on {application.Reference} changed: {reason!.Trim()}",
            new AuditScope(FunderId: funderId, RoundId: roundId, OrganisationId: application.OrganisationId, ApplicationId: applicationId),
            before, after, "Decision", applicationId.ToString(CultureInfo.InvariantCulture));
        await awards.SyncAsync(application, decision, funderId);
        return [];
    }

    /// <summary>Emails every decision of the round not yet sent; each version of a decision goes once to each member of the organisation. The caller saves.</summary>
    public async Task<int> NotifyAsync(int funderId, int roundId, string dashboardUrl)
    {
        var pending = await db.Decisions.Where(d => d.NotifiedAt == null && db.Applications.Any(a => a.Id == d.ApplicationId && a.RoundId == roundId)).ToListAsync();
        var ids = pending.Select(d => d.ApplicationId).ToList();
        var details = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Reference, a.ProjectTitle, a.OrganisationId, Organisation = a.Organisation!.Name, RoundTitle = a.Round!.Title, Funder = a.Round.Programme!.Funder!.Name,
                Recipients = db.OrganisationMembers.Where(m => m.OrganisationId == a.OrganisationId)
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName }).ToList(),
            })
            .ToDictionaryAsync(a => a.Id);
        var now = clock.GetUtcNow();
        foreach (var decision in pending)
        {
            var application = details[decision.ApplicationId];
            foreach (var recipient in application.Recipients.Where(r => r.Email is not null))
            {
                var approved = decision.Outcome == DecisionOutcome.Approved;
                await outbox.AddAsync(string.Create(CultureInfo.InvariantCulture, $"decision:{decision.ApplicationId}:{decision.Revision}:{recipient.Id}"),
                    "Decision", recipient.Email!, recipient.DisplayName, recipient.Id, "/Features/Decisions/Emails/DecisionNotice",
                    new DecisionEmail
                    {
                        Subject = approved ? $"Your application {application.Reference} has been approved" : $"The decision on your application {application.Reference}",
                        RecipientName = recipient.DisplayName, OrganisationName = application.Organisation, ProjectTitle = application.ProjectTitle,
                        Reference = application.Reference ?? "", RoundTitle = application.RoundTitle, FunderName = application.Funder,
                        Approved = approved, Amount = decision.Amount, Feedback = decision.Feedback, DashboardUrl = dashboardUrl,
                    });
            }

            decision.NotifiedAt = now;
        }

        if (pending.Count > 0)
        {
            audit.Record(AssessmentAuditKinds.DecisionsNotified, string.Create(CultureInfo.InvariantCulture, $"{pending.Count} decisions emailed to applicants"),
                new AuditScope(FunderId: funderId, RoundId: roundId), after: pending.Select(d => new { d.ApplicationId, d.Outcome, d.Revision }),
                entityType: "Round", entityId: roundId.ToString(CultureInfo.InvariantCulture));
        }

        return pending.Count;
    }
}
