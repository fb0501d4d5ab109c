using System.Globalization;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Equality;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Awards;

/// <summary>An uploaded file already read into memory, so it can be checked before anything is saved.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// Every change to an award, its milestones, payments, reports and variations: checks the move is
/// allowed, applies it, audits it with before and after, queues the email and saves, turning a
/// stale form or a second payment into a message instead of an error page.
/// </summary>
public sealed class AwardService(GrantsHubDbContext db, IAuditLog audit, TimeProvider clock, AwardEmails emails, IFileStore files)
{
    public const string StaleMessage = "Someone else changed this award while you were looking at it. Check the latest details and try again.";
    public const string AlreadyPaidOrChanged = "This tranche was paid or changed by someone else a moment ago. Check the payments before trying again.";
    public const int MaxFiles = 5;

    private static readonly AwardProblem[] None = [];
    private static readonly AwardProblem[] NotAllowed = [new("", "That change is not possible at this stage of the award.")];

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => UkTime.Today(Now);

    // ---- The funder sets up and issues the offer ----

    public async Task<IReadOnlyList<AwardProblem>> SetTermsAsync(int funderId, int awardId, OfferTermsForm form)
    {
        var award = await FunderAwardAsync(funderId, awardId);
        if (award is null || !AwardTransitions.IsEditableByFunder(award.Status))
        {
            return NotAllowed;
        }

        if (form.EndDate <= form.StartDate)
        {
            return [new("EndDate", "The end date must be after the start date")];
        }

        if (form.StartDate!.Value.AddYears(3).AddDays(-1) < form.EndDate!.Value)
        {
            return [new("EndDate", "An award can run for at most three years")];
        }

        var before = new { award.StartDate, award.EndDate, award.Conditions, award.ReportIntervalMonths, award.RespondBy };
        award.StartDate = form.StartDate.Value;
        award.EndDate = form.EndDate.Value;
        award.Conditions = form.Conditions!.Trim();
        award.ReportIntervalMonths = form.ReportIntervalMonths;
        award.RespondBy = form.RespondBy;
        Audit(award, AwardAuditKinds.OfferChanged, $"Offer terms of {award.Reference} changed", before,
            new { award.StartDate, award.EndDate, award.Conditions, award.ReportIntervalMonths, award.RespondBy });
        return await SaveAsync(award, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> AddMilestoneAsync(int funderId, int awardId, MilestoneForm form)
    {
        var award = await FunderAwardAsync(funderId, awardId, withSchedule: true);
        if (award is null || !AwardTransitions.IsEditableByFunder(award.Status))
        {
            return NotAllowed;
        }

        if (form.DueDate < award.StartDate || form.DueDate > award.EndDate)
        {
            return [new("DueDate", $"The due date must be within the award, {Dates(award.StartDate, award.EndDate)}")];
        }

        var milestone = new Milestone
        {
            Number = award.Milestones.Count + 1, Title = form.Title!.Trim(), Description = form.Description?.Trim() ?? "",
            DueDate = form.DueDate!.Value, TargetMeasure = form.TargetMeasure!.Trim(), TargetValue = form.TargetValue!.Value,
        };
        award.Milestones.Add(milestone);
        Audit(award, AwardAuditKinds.OfferChanged, $"Milestone \"{milestone.Title}\" added to {award.Reference}", null,
            new { milestone.Title, milestone.DueDate, milestone.TargetMeasure, milestone.TargetValue });
        return await SaveAsync(award, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> AddTrancheAsync(int funderId, int awardId, TrancheForm form)
    {
        var award = await FunderAwardAsync(funderId, awardId, withSchedule: true);
        if (award is null || !AwardTransitions.IsEditableByFunder(award.Status))
        {
            return NotAllowed;
        }

        var scheduled = award.Tranches.Sum(t => t.Amount);
        if (scheduled + form.Amount!.Value > award.Amount)
        {
            return [new("Amount", $"The payments would add up to more than the award: {Display.FormatMoney(award.Amount - scheduled)} is left to schedule")];
        }

        if (form.MilestoneId is { } milestoneId && award.Milestones.All(m => m.Id != milestoneId))
        {
            return [new("MilestoneId", "Choose a milestone of this award")];
        }

        if (form.MilestoneId is not null && award.Tranches.Any(t => t.MilestoneId == form.MilestoneId))
        {
            return [new("MilestoneId", "That milestone already releases a payment")];
        }

        var tranche = new AwardTranche { Number = award.Tranches.Count + 1, Amount = form.Amount.Value, PlannedDate = form.PlannedDate!.Value, MilestoneId = form.MilestoneId };
        award.Tranches.Add(tranche);
        Audit(award, AwardAuditKinds.OfferChanged, $"Payment of {Display.FormatMoney(tranche.Amount)} added to {award.Reference}", null,
            new { tranche.Amount, tranche.PlannedDate, tranche.MilestoneId });
        return await SaveAsync(award, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> IssueOfferAsync(int funderId, string userId, int awardId, Guid version, string awardUrl)
    {
        var award = await FunderAwardAsync(funderId, awardId, withSchedule: true);
        if (award is null || !AwardTransitions.CanMove(award.Status, AwardStatus.Offered))
        {
            return NotAllowed;
        }

        var scheduled = award.Tranches.Sum(t => t.Amount);
        if (scheduled != award.Amount)
        {
            return [new("", $"Schedule payments adding up to the award of {Display.FormatMoney(award.Amount)} before issuing the offer: {Display.FormatMoney(scheduled)} is scheduled")];
        }

        if (award.RespondBy is { } respondBy && respondBy < Today)
        {
            return [new("RespondBy", "The date to respond by has passed: set a later one")];
        }

        award.MoveTo(AwardStatus.Offered);
        award.OfferedAt = Now;
        award.OfferedByUserId = userId;
        award.RespondBy ??= Today.AddDays(28);
        if (award.Reports.Count == 0)
        {
            award.Reports.AddRange(ReportRules.Schedule(award.StartDate, award.EndDate, award.ReportIntervalMonths));
        }

        Audit(award, AwardAuditKinds.Offered, $"Offer {award.Reference} issued", new { Status = AwardStatus.Draft },
            new { award.Status, award.Amount, award.StartDate, award.EndDate, award.RespondBy, Tranches = award.Tranches.Count, Milestones = award.Milestones.Count });
        await emails.SendAsync(award, "AwardOffered", OfferKey(award), $"Grant offer {award.Reference}: please accept or decline",
            $"You have a grant offer of {Display.FormatMoney(award.Amount)} for {Dates(award.StartDate, award.EndDate)}. A signatory of your organisation can accept or decline it online by {award.RespondBy.Value.ToString("d MMMM yyyy", UkTime.Culture)}.",
            null, awardUrl);
        return await SaveAsync(award, version);
    }

    /// <summary>Takes an unanswered offer back to draft so the funder can correct it.</summary>
    public async Task<IReadOnlyList<AwardProblem>> RecallOfferAsync(int funderId, int awardId, Guid version)
    {
        var award = await FunderAwardAsync(funderId, awardId);
        if (award is null || award.Status != AwardStatus.Offered)
        {
            return NotAllowed;
        }

        award.MoveTo(AwardStatus.Draft);
        Audit(award, AwardAuditKinds.OfferRecalled, $"Offer {award.Reference} recalled to draft", new { Status = AwardStatus.Offered }, new { award.Status });
        return await SaveAsync(award, version);
    }

    // ---- The organisation answers the offer ----

    public async Task<IReadOnlyList<AwardProblem>> AcceptAsync(string userId, int awardId, AcceptOfferForm form)
    {
        var award = await db.AwardsOfMember(userId).SingleOrDefaultAsync(a => a.Id == awardId);
        if (award is null || award.Status != AwardStatus.Offered)
        {
            return NotAllowed;
        }

        if (!form.AgreeToConditions)
        {
            return [new("AgreeToConditions", "Confirm that your organisation agrees to the conditions of the grant")];
        }

        if (award.RespondBy is { } respondBy && respondBy < Today)
        {
            return [new("", "The date to accept this offer has passed. Contact the funder.")];
        }

        award.MoveTo(AwardStatus.Active);
        award.AcceptedAt = Now;
        award.AcceptedByName = form.SignatoryName!.Trim();
        award.AcceptedByPosition = form.SignatoryPosition!.Trim();
        award.AcceptedByUserId = userId;
        Audit(award, AwardAuditKinds.Accepted, $"Offer {award.Reference} accepted by {award.AcceptedByName}, {award.AcceptedByPosition}",
            new { Status = AwardStatus.Offered }, new { award.Status, award.AcceptedByName, award.AcceptedByPosition, award.Conditions });
        return await SaveAsync(award, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> DeclineAsync(string userId, int awardId, DeclineOfferForm form)
    {
        var award = await db.AwardsOfMember(userId).SingleOrDefaultAsync(a => a.Id == awardId);
        if (award is null || award.Status != AwardStatus.Offered)
        {
            return NotAllowed;
        }

        award.MoveTo(AwardStatus.Declined);
        award.DeclinedAt = Now;
        award.DeclineReason = form.Reason!.Trim();
        Audit(award, AwardAuditKinds.Declined, $"Offer {award.Reference} declined", new { Status = AwardStatus.Offered }, new { award.Status, award.DeclineReason });
        return await SaveAsync(award, form.Version);
    }

    // ---- Milestones ----

    public async Task<IReadOnlyList<AwardProblem>> SubmitEvidenceAsync(string userId, int awardId, int milestoneId, EvidenceForm form, IReadOnlyList<UploadedFile> uploads)
    {
        var milestone = await db.Milestones.Include(m => m.Award)
            .SingleOrDefaultAsync(m => m.Id == milestoneId && m.AwardId == awardId && db.AwardsOfMember(userId).Any(a => a.Id == awardId));
        if (milestone is null || !milestone.Award!.IsLive || !MilestoneRules.Can(milestone.Stage, MilestoneAction.SubmitEvidence))
        {
            return NotAllowed;
        }

        if (uploads.Count > MaxFiles)
        {
            return [new("Files", $"Upload at most {MaxFiles} files at a time")];
        }

        var problems = uploads.Select(u => UploadRules.Problem(u.FileName, u.Content)).OfType<string>().Select(p => new AwardProblem("Files", p)).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        var before = new { milestone.Stage, milestone.ActualValue };
        var evidence = new MilestoneEvidence
        {
            Narrative = form.Narrative!.Trim(), ActualValue = form.ActualValue, SubmittedAt = Now, SubmittedByUserId = userId,
            Files = await StoreAsync(milestone.AwardId, userId, uploads),
        };
        milestone.Evidence.Add(evidence);
        milestone.ActualValue = form.ActualValue;
        milestone.Apply(MilestoneAction.SubmitEvidence);
        Audit(milestone.Award, AwardAuditKinds.EvidenceSubmitted, $"Evidence submitted for milestone \"{milestone.Title}\" of {milestone.Award.Reference}",
            before, new { milestone.Stage, milestone.ActualValue, Files = evidence.Files.Select(f => f.FileName) }, "Milestone", milestone.Id);
        return await SaveAsync(milestone, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> ReviewEvidenceAsync(int funderId, string userId, int awardId, int milestoneId, ReviewForm form, string awardUrl)
    {
        var milestone = await db.Milestones.Include(m => m.Award).Include(m => m.Evidence)
            .SingleOrDefaultAsync(m => m.Id == milestoneId && m.AwardId == awardId && m.Award!.FunderId == funderId);
        if (milestone is null || milestone.Stage != MilestoneStage.Submitted)
        {
            return NotAllowed;
        }

        var approve = form.Choice == ReviewChoice.Approve;
        if (!approve && string.IsNullOrWhiteSpace(form.Comment))
        {
            return [new("Comment", "Say what the organisation needs to change or add")];
        }

        var before = new { milestone.Stage };
        var latest = milestone.Evidence.OrderByDescending(e => e.SubmittedAt).ThenByDescending(e => e.Id).First();
        latest.Outcome = approve ? ReviewOutcome.Approved : ReviewOutcome.ChangesRequested;
        latest.ReviewComment = form.Comment?.Trim();
        latest.ReviewedAt = Now;
        latest.ReviewedByUserId = userId;
        milestone.Apply(approve ? MilestoneAction.Approve : MilestoneAction.RequestChanges);
        object after = new { milestone.Stage, latest.ReviewComment };
        if (approve)
        {
            milestone.ApprovedAt = Now;
            var tranche = await db.AwardTranches.SingleOrDefaultAsync(t => t.MilestoneId == milestone.Id && t.Status == TrancheStatus.Scheduled);
            if (tranche is not null)
            {
                tranche.Status = TrancheStatus.Due;
                tranche.DueSince = Now;
                after = new { milestone.Stage, latest.ReviewComment, TrancheDue = tranche.Number, tranche.Amount };
            }
        }

        Audit(milestone.Award!, AwardAuditKinds.EvidenceReviewed,
            $"Milestone \"{milestone.Title}\" of {milestone.Award!.Reference} {(approve ? "approved" : "sent back for changes")}", before, after, "Milestone", milestone.Id);
        await emails.SendAsync(milestone.Award, approve ? "EvidenceApproved" : "EvidenceChangesRequested",
            string.Create(CultureInfo.InvariantCulture, $"evidence:{latest.Id}:{latest.Outcome}"),
            approve ? $"Milestone approved: {milestone.Title}" : $"Changes needed to your evidence: {milestone.Title}",
            approve ? $"The funder approved your evidence for the milestone \"{milestone.Title}\". Any payment tied to it is now due."
                    : $"The funder has asked for changes to your evidence for the milestone \"{milestone.Title}\". Please submit it again.",
            form.Comment?.Trim(), awardUrl);
        return await SaveAsync(milestone, form.Version);
    }

    // ---- Payments ----

    public async Task<IReadOnlyList<AwardProblem>> RecordPaymentAsync(int funderId, string userId, int awardId, int trancheId, PaymentForm form)
    {
        var tranche = await db.AwardTranches.Include(t => t.Award).Include(t => t.Payment)
            .SingleOrDefaultAsync(t => t.Id == trancheId && t.AwardId == awardId && t.Award!.FunderId == funderId);
        if (tranche is null)
        {
            return NotAllowed;
        }

        if (form.PaidOn > Today)
        {
            return [new("PaidOn", "The payment date cannot be in the future")];
        }

        Payment payment;
        try
        {
            payment = tranche.RecordPayment(form.PaidOn!.Value, form.Reference!.Trim(), userId, Now, Today, tranche.Award!.IsLive);
        }
        catch (TranchePaymentException e)
        {
            return [new("", e.Message)];
        }

        Audit(tranche.Award, AwardAuditKinds.PaymentRecorded, $"Payment {tranche.Number} of {Display.FormatMoney(tranche.Amount)} on {tranche.Award.Reference} recorded",
            new { Status = TrancheStatus.Due }, new { tranche.Status, payment.Amount, payment.PaidOn, payment.Reference }, "AwardTranche", tranche.Id);
        return await SaveAsync(tranche, form.Version);
    }

    // ---- Monitoring reports ----

    public async Task<IReadOnlyList<AwardProblem>> SubmitReportAsync(string userId, int awardId, int reportId, ReportForm form, IReadOnlyList<UploadedFile> uploads)
    {
        var report = await db.MonitoringReports.Include(r => r.Award).Include(r => r.Outcomes)
            .SingleOrDefaultAsync(r => r.Id == reportId && r.AwardId == awardId && db.AwardsOfMember(userId).Any(a => a.Id == awardId));
        if (report is null || !report.Award!.IsLive || !ReportRules.Can(report.Stage, ReportAction.Submit))
        {
            return NotAllowed;
        }

        var counts = form.Counts.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value);
        if (!string.IsNullOrWhiteSpace(form.OtherCode) && form.OtherCount is { } otherCount)
        {
            counts[form.OtherCode.Trim()] = otherCount;
        }

        var problems = new List<AwardProblem>();
        if (counts.Keys.FirstOrDefault(c => !DeiTaxonomy.IsKnown(c)) is { } unknown)
        {
            problems.Add(new("OtherCode", $"{unknown} is not a community in the DEI taxonomy: choose one from the list"));
        }

        if (counts.FirstOrDefault(c => c.Value < 0 || c.Value > form.PeopleReached) is { Key: not null } wrong)
        {
            problems.Add(new("Counts", $"People reached in {DeiTaxonomy.TitleOf(wrong.Key)} must be from 0 to the {form.PeopleReached} people reached in total"));
        }

        if (uploads.Count > MaxFiles)
        {
            problems.Add(new("Files", $"Upload at most {MaxFiles} files at a time"));
        }

        problems.AddRange(uploads.Select(u => UploadRules.Problem(u.FileName, u.Content)).OfType<string>().Select(p => new AwardProblem("Files", p)));
        if (problems.Count > 0)
        {
            return problems;
        }

        var before = new { report.Stage, report.PeopleReached, Outcomes = report.Outcomes.ToDictionary(o => o.DeiCode, o => o.Count) };
        db.ReportOutcomes.RemoveRange(report.Outcomes);
        report.Outcomes = counts.Select(c => new ReportOutcome { DeiCode = c.Key, Count = c.Value }).ToList();
        report.PeopleReached = form.PeopleReached;
        report.Narrative = form.Narrative!.Trim();
        report.SubmittedAt = Now;
        report.SubmittedByUserId = userId;
        report.Files.AddRange(await StoreAsync(report.AwardId, userId, uploads));
        report.Apply(ReportAction.Submit);
        Audit(report.Award, AwardAuditKinds.ReportSubmitted, $"{report.Title} for {report.Award.Reference} submitted", before,
            new { report.Stage, report.PeopleReached, Outcomes = counts }, "MonitoringReport", report.Id);
        return await SaveAsync(report, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> ReviewReportAsync(int funderId, string userId, int awardId, int reportId, ReviewForm form, string awardUrl)
    {
        var report = await db.MonitoringReports.Include(r => r.Award)
            .SingleOrDefaultAsync(r => r.Id == reportId && r.AwardId == awardId && r.Award!.FunderId == funderId);
        if (report is null || report.Stage != ReportStage.Submitted)
        {
            return NotAllowed;
        }

        var accept = form.Choice == ReviewChoice.Approve;
        if (!accept && string.IsNullOrWhiteSpace(form.Comment))
        {
            return [new("Comment", "Say what the organisation needs to change or add")];
        }

        var before = new { report.Stage };
        report.Apply(accept ? ReportAction.Accept : ReportAction.RequestChanges);
        report.ReviewedAt = Now;
        report.ReviewedByUserId = userId;
        report.ReviewComment = form.Comment?.Trim();
        Audit(report.Award!, AwardAuditKinds.ReportReviewed, $"{report.Title} for {report.Award!.Reference} {(accept ? "accepted" : "sent back for changes")}",
            before, new { report.Stage, report.ReviewComment }, "MonitoringReport", report.Id);
        if (!accept)
        {
            await emails.SendAsync(report.Award, "ReportChangesRequested", string.Create(CultureInfo.InvariantCulture, $"report:{report.Id}:{report.ReviewedAt.Value.UtcTicks}"),
                $"Changes needed to your {report.Title.ToLowerInvariant()}", $"The funder has asked for changes to your {report.Title.ToLowerInvariant()}. Please submit it again.",
                report.ReviewComment, awardUrl);
        }

        return await SaveAsync(report, form.Version);
    }

    // ---- Variations ----

    public async Task<IReadOnlyList<AwardProblem>> RequestVariationAsync(string userId, int awardId, VariationForm form)
    {
        var award = await db.AwardsOfMember(userId).Include(a => a.Milestones).Include(a => a.Tranches).SingleOrDefaultAsync(a => a.Id == awardId);
        if (award is null || !award.IsLive)
        {
            return NotAllowed;
        }

        var variation = new AwardVariation { Kind = form.Kind!.Value, Reason = form.Reason!.Trim(), RequestedAt = Now, RequestedByUserId = userId };
        switch (form.Kind)
        {
            case VariationKind.ExtendEndDate:
                if (form.NewEndDate is not { } end || end == award.EndDate || end <= award.StartDate)
                {
                    return [new("NewEndDate", "Enter a new end date, after the start and different from the current end date")];
                }

                if (award.StartDate.AddYears(3).AddDays(-1) < end)
                {
                    return [new("NewEndDate", "An award can run for at most three years")];
                }

                variation.NewEndDate = end;
                variation.Summary = $"End date {Date(award.EndDate)} → {Date(end)}";
                break;
            case VariationKind.MoveMilestone:
                var milestone = award.Milestones.SingleOrDefault(m => m.Id == form.MilestoneId && m.Stage != MilestoneStage.Approved);
                if (milestone is null)
                {
                    return [new("MilestoneId", "Choose a milestone that is not yet approved")];
                }

                if (form.NewDueDate is not { } due || due < award.StartDate || due > award.EndDate)
                {
                    return [new("NewDueDate", $"Enter a new due date within the award, {Dates(award.StartDate, award.EndDate)}")];
                }

                variation.MilestoneId = milestone.Id;
                variation.NewDueDate = due;
                variation.Summary = $"Milestone \"{milestone.Title}\" due {Date(milestone.DueDate)} → {Date(due)}";
                break;
            default:
                var unpaid = award.Tranches.Where(t => t.Status != TrancheStatus.Paid).OrderBy(t => t.Number).ToList();
                var changes = new List<VariationTrancheChange>();
                foreach (var tranche in unpaid)
                {
                    var amount = form.TrancheAmounts.GetValueOrDefault(tranche.Id);
                    var date = form.TrancheDates.GetValueOrDefault(tranche.Id);
                    if (amount is not > 0 || date is null)
                    {
                        return [new("TrancheAmounts", $"Enter an amount and a date for payment {tranche.Number}")];
                    }

                    changes.Add(new VariationTrancheChange { TrancheId = tranche.Id, Amount = amount.Value, PlannedDate = date.Value });
                }

                if (changes.Count == 0 || changes.Sum(c => c.Amount) != unpaid.Sum(t => t.Amount))
                {
                    return [new("TrancheAmounts", $"The unpaid payments must still add up to {Display.FormatMoney(unpaid.Sum(t => t.Amount))}")];
                }

                variation.TrancheChanges = changes;
                variation.Summary = string.Join("; ", unpaid.Zip(changes, (t, c) =>
                    $"Payment {t.Number}: {Display.FormatMoney(t.Amount)} on {Date(t.PlannedDate)} → {Display.FormatMoney(c.Amount)} on {Date(c.PlannedDate)}"));
                break;
        }

        award.Variations.Add(variation);
        Audit(award, AwardAuditKinds.VariationRequested, $"Variation requested on {award.Reference}: {variation.Summary}", null,
            new { variation.Kind, variation.Summary, variation.Reason });
        return await SaveAsync(award, form.Version);
    }

    public async Task<IReadOnlyList<AwardProblem>> DecideVariationAsync(int funderId, string userId, int awardId, int variationId, VariationDecisionForm form, string awardUrl)
    {
        var award = await db.AwardsOfFunder(funderId).Include(a => a.Milestones).Include(a => a.Tranches).Include(a => a.Variations).ThenInclude(v => v.TrancheChanges)
            .SingleOrDefaultAsync(a => a.Id == awardId);
        var variation = award?.Variations.SingleOrDefault(v => v.Id == variationId);
        if (award is null || variation is null || !VariationRules.CanDecide(variation.Status) || !award.IsLive)
        {
            return NotAllowed;
        }

        var approve = form.Approve == true;
        if (!approve && string.IsNullOrWhiteSpace(form.Comment))
        {
            return [new("Comment", "Give the organisation the reason for rejecting the variation")];
        }

        if (approve && variation.Kind == VariationKind.ReprofileTranches
            && variation.TrancheChanges.Any(c => award.Tranches.Single(t => t.Id == c.TrancheId).Status == TrancheStatus.Paid))
        {
            return [new("", "A payment in this variation has been made since it was requested: reject it and ask for a new one")];
        }

        var before = new { variation.Status, award.EndDate };
        variation.Status = approve ? VariationStatus.Approved : VariationStatus.Rejected;
        variation.DecidedAt = Now;
        variation.DecidedByUserId = userId;
        variation.DecisionComment = form.Comment?.Trim();
        if (approve)
        {
            Apply(award, variation);
        }

        Audit(award, AwardAuditKinds.VariationDecided, $"Variation on {award.Reference} {(approve ? "approved" : "rejected")}: {variation.Summary}", before,
            new { variation.Status, variation.Summary, variation.DecisionComment, award.EndDate });
        await emails.SendAsync(award, "VariationDecided", string.Create(CultureInfo.InvariantCulture, $"variation:{variation.Id}"),
            approve ? $"Your change to award {award.Reference} is approved" : $"Your change to award {award.Reference} was not approved",
            $"The funder {(approve ? "approved" : "did not approve")} your request: {variation.Summary}.", variation.DecisionComment, awardUrl);
        return await SaveAsync(award, award.Version);
    }

    private static void Apply(Award award, AwardVariation variation)
    {
        switch (variation.Kind)
        {
            case VariationKind.ExtendEndDate:
                award.EndDate = variation.NewEndDate!.Value;
                var final = award.Reports.SingleOrDefault(r => r.IsFinal && r.Stage == ReportStage.NotStarted);
                if (final is not null)
                {
                    final.PeriodEnd = award.EndDate;
                    final.DueDate = award.EndDate.AddDays(ReportRules.DaysToReport);
                }

                break;
            case VariationKind.MoveMilestone:
                award.Milestones.Single(m => m.Id == variation.MilestoneId).DueDate = variation.NewDueDate!.Value;
                break;
            default:
                foreach (var change in variation.TrancheChanges)
                {
                    var tranche = award.Tranches.Single(t => t.Id == change.TrancheId);
                    tranche.Amount = change.Amount;
                    tranche.PlannedDate = change.PlannedDate;
                }

                break;
        }
    }

    // ---- Plumbing ----

    public static string OfferKey(Award award) => string.Create(CultureInfo.InvariantCulture, $"offer:{award.OfferedAt?.UtcTicks}");

    private Task<Award?> FunderAwardAsync(int funderId, int awardId, bool withSchedule = false)
    {
        var query = db.AwardsOfFunder(funderId);
        if (withSchedule)
        {
            query = query.Include(a => a.Milestones).Include(a => a.Tranches).Include(a => a.Reports);
        }

        return query.SingleOrDefaultAsync(a => a.Id == awardId);
    }

    private async Task<List<AwardFile>> StoreAsync(int awardId, string userId, IReadOnlyList<UploadedFile> uploads)
    {
        var stored = new List<AwardFile>();
        foreach (var upload in uploads)
        {
            var accepted = UploadRules.Accept(upload.FileName);
            var key = FileStoreOptions.NewKey();
            await files.SaveAsync(key, upload.Content);
            stored.Add(new AwardFile
            {
                AwardId = awardId, FileName = accepted.FileName, ContentType = accepted.ContentType, Length = upload.Content.Length,
                StorageKey = key, UploadedByUserId = userId, UploadedAt = Now,
            });
        }

        return stored;
    }

    private void Audit(Award award, string kind, string summary, object? before, object? after, string entityType = "Award", int? entityId = null) =>
        audit.Record(kind, summary, new AuditScope(FunderId: award.FunderId, OrganisationId: award.OrganisationId, RoundId: award.RoundId, ApplicationId: award.ApplicationId),
            before, after, entityType, (entityId ?? award.Id).ToString(CultureInfo.InvariantCulture));

    /// <summary>Saves with the version the form was showing, so a stale form or a second payment of the same tranche is refused.</summary>
    private async Task<IReadOnlyList<AwardProblem>> SaveAsync<T>(T entity, Guid version)
        where T : class, Domain.Common.IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
            return None;
        }
        catch (DbUpdateException e) when (entity is AwardTranche)
        {
            // The tranche's version, or failing that the unique index on Payment.TrancheId: someone
            // else recorded this payment (or changed the tranche) a moment ago.
            db.ChangeTracker.Clear();
            return [new("", e is DbUpdateConcurrencyException ? AlreadyPaidOrChanged : "This tranche has already been paid.")];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [new("", StaleMessage)];
        }
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", UkTime.Culture);

    private static string Dates(DateOnly start, DateOnly end) => $"{Date(start)} to {Date(end)}";
}
