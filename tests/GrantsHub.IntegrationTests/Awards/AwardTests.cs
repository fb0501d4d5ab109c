using System.Net;
using GrantsHub.Domain.Awards;
using GrantsHub.Domain.Common;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Awards;

/// <summary>Offers, acceptance, milestones, payments, reports and variations, through the pages people use.</summary>
public sealed class AwardTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task An_approval_creates_a_draft_award_the_funder_sets_up_and_issues_and_the_organisation_is_emailed()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ApprovedAsync(app, funder, 12_000m);

        var draft = await app.WithDbAsync(db => db.Awards.SingleAsync(a => a.Id == scenario.AwardId));
        Assert.Equal((AwardStatus.Draft, 12_000m), (draft.Status, draft.Amount));
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync(new Uri(scenario.OrganisationUrl, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(draft.Reference, (await applicant.GetDocumentAsync("/organisation")).Body!.TextContent, StringComparison.Ordinal);

        await scenario.AddMilestoneAsync(funder, "First group running");
        var refused = await funder.SubmitFormAsync(scenario.FunderUrl, $"{scenario.FunderUrl}/issue", new Dictionary<string, string>());
        Assert.Contains("Schedule payments adding up to the award of £12,000", string.Join(" ", (await refused.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);

        var tooMuch = await funder.SubmitFormAsync(scenario.FunderUrl, $"{scenario.FunderUrl}/tranches", new Dictionary<string, string> { ["Amount"] = "12000.01", ["PlannedDate"] = "2027-01-01" });
        Assert.Equal("The payments would add up to more than the award: £12,000 is left to schedule", (await tooMuch.ReadDocumentAsync()).FieldError("Amount"));

        await scenario.PostAsync(funder, "tranches", new() { ["Amount"] = "12000", ["PlannedDate"] = "2027-01-01" });
        await scenario.PostAsync(funder, "issue", []);

        var offered = await app.WithDbAsync(db => db.Awards.Include(a => a.Reports).SingleAsync(a => a.Id == scenario.AwardId));
        Assert.Equal(AwardStatus.Offered, offered.Status);
        Assert.Contains(offered.Reports, r => r.IsFinal);
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Kind == "AwardOffered" && m.Subject.Contains(offered.Reference))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == "award.offered" && e.ApplicationId == scenario.ApplicationId && e.After != null)));
        var dashboard = await applicant.GetDocumentAsync("/organisation");
        Assert.Contains($"{offered.Reference}: accept or decline your offer", dashboard.QuerySelector("#awards-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Another organisation's member does not see it on their dashboard.
        using var other = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        Assert.DoesNotContain(offered.Reference, (await other.GetDocumentAsync("/organisation")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_accepts_with_a_named_signatory_only_after_agreeing_to_the_conditions()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.OfferedAsync(app, funder);

        var missing = await applicant.SubmitFormAsync(scenario.OrganisationUrl, $"{scenario.OrganisationUrl}/accept", new Dictionary<string, string> { ["SignatoryName"] = "Sam Rivers" });
        var page = await missing.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("Enter the signatory's position in the organisation", page.FieldError("SignatoryPosition"));
        var noAgreement = await applicant.SubmitFormAsync(scenario.OrganisationUrl, $"{scenario.OrganisationUrl}/accept", new Dictionary<string, string> { ["SignatoryName"] = "Sam Rivers", ["SignatoryPosition"] = "Director" });
        Assert.Equal("Confirm that your organisation agrees to the conditions of the grant", (await noAgreement.ReadDocumentAsync()).FieldError("AgreeToConditions"));
        Assert.Equal(AwardStatus.Offered, await app.WithDbAsync(db => db.Awards.Where(a => a.Id == scenario.AwardId).Select(a => a.Status).SingleAsync()));

        var accepted = await applicant.SubmitFormAsync(scenario.OrganisationUrl, $"{scenario.OrganisationUrl}/accept", new Dictionary<string, string>
        {
            ["SignatoryName"] = "Sam Rivers", ["SignatoryPosition"] = "Director", ["AgreeToConditions"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var award = await applicant.GetDocumentAsync(scenario.OrganisationUrl);
        Assert.Contains("Accepted by Sam Rivers, Director", award.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", award.QuerySelector("h1 + .lead .status-badge")!.TextContent);

        // Once accepted, the decision behind the award can no longer change.
        var url = $"/funder/rounds/{scenario.RoundId}/decisions/{scenario.ApplicationId}";
        var change = await funder.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Outcome"] = "Declined", ["Feedback"] = "No", ["Reason"] = "Changed our mind" });
        Assert.Contains("The organisation has accepted the award", string.Join(" ", (await change.ReadDocumentAsync()).ErrorSummary()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_declines_with_a_reason_and_a_changed_decision_withdraws_an_unanswered_offer()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var declined = await AwardScenario.OfferedAsync(app, funder);
        var blank = await applicant.SubmitFormAsync(declined.OrganisationUrl, $"{declined.OrganisationUrl}/decline", new Dictionary<string, string>());
        Assert.Equal("Tell the funder why you are declining the offer", (await blank.ReadDocumentAsync()).FieldError("Reason"));
        var response = await applicant.SubmitFormAsync(declined.OrganisationUrl, $"{declined.OrganisationUrl}/decline", new Dictionary<string, string> { ["Reason"] = "We merged with another charity." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AwardStatus.Declined, await app.WithDbAsync(db => db.Awards.Where(a => a.Id == declined.AwardId).Select(a => a.Status).SingleAsync()));

        var withdrawn = await AwardScenario.OfferedAsync(app, funder);
        var url = $"/funder/rounds/{withdrawn.RoundId}/decisions/{withdrawn.ApplicationId}";
        var change = await funder.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Outcome"] = "Declined", ["Feedback"] = "Sorry", ["Reason"] = "Budget cut" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(AwardStatus.Withdrawn, await app.WithDbAsync(db => db.Awards.Where(a => a.Id == withdrawn.AwardId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Evidence_sent_back_then_approved_makes_the_tranche_due_and_it_is_paid_once()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ActiveAsync(app, funder, applicant);
        var milestoneId = await app.WithDbAsync(db => db.Milestones.Where(m => m.AwardId == scenario.AwardId).Select(m => m.Id).SingleAsync());
        var evidenceUrl = $"{scenario.OrganisationUrl}/milestones/{milestoneId}/evidence";
        async Task<string> PaymentsDueLinkAsync() =>
            (await funder.GetDocumentAsync("/funder/awards")).QuerySelector("a[href='/funder/awards/payments-due']")!.TextContent.Trim();
        var dueBefore = await PaymentsDueLinkAsync();
        Assert.Equal(dueBefore, await PaymentsDueLinkAsync()); // the second view is served from the kept summary

        var badFile = await AwardScenario.PostWithFilesAsync(applicant, evidenceUrl, evidenceUrl, new() { ["Narrative"] = "Running", ["ActualValue"] = "41" }, ("register.pdf", "not a pdf"u8.ToArray()));
        Assert.Equal("The selected file is not a real PDF file. Check the file and upload it again", (await badFile.ReadDocumentAsync()).FieldError("Files"));
        var first = await AwardScenario.PostWithFilesAsync(applicant, evidenceUrl, evidenceUrl, new() { ["Narrative"] = "The group meets weekly.", ["ActualValue"] = "41" }, ("register.pdf", AwardScenario.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var reviewUrl = $"{scenario.FunderUrl}/milestones/{milestoneId}";
        var noComment = await funder.SubmitFormAsync(reviewUrl, reviewUrl, new Dictionary<string, string> { ["Choice"] = "RequestChanges" });
        Assert.Equal("Say what the organisation needs to change or add", (await noComment.ReadDocumentAsync()).FieldError("Comment"));
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(reviewUrl, reviewUrl, new Dictionary<string, string> { ["Choice"] = "RequestChanges", ["Comment"] = "Add the attendance register." })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Kind == "EvidenceChangesRequested" && m.ToAddress == DemoDataSeeder.ApplicantEmail)));

        var again = await AwardScenario.PostWithFilesAsync(applicant, evidenceUrl, evidenceUrl, new() { ["Narrative"] = "Register attached.", ["ActualValue"] = "43" }, ("register.pdf", AwardScenario.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(reviewUrl, reviewUrl, new Dictionary<string, string> { ["Choice"] = "Approve" })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Kind == "EvidenceApproved")));

        var trancheId = await app.WithDbAsync(db => db.AwardTranches.Where(t => t.AwardId == scenario.AwardId).Select(t => t.Id).SingleAsync());
        var dueCount = int.Parse(dueBefore.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Payments due ({dueCount + 1})", await PaymentsDueLinkAsync());
        var due = await funder.GetDocumentAsync("/funder/awards/payments-due");
        Assert.NotNull(due.QuerySelector($"a[href='{scenario.FunderUrl}/tranches/{trancheId}/pay']"));
        var payUrl = $"{scenario.FunderUrl}/tranches/{trancheId}/pay";
        var blank = await funder.SubmitFormAsync(payUrl, payUrl, new Dictionary<string, string> { ["Reference"] = "" });
        Assert.Equal("Enter the payment reference", (await blank.ReadDocumentAsync()).FieldError("Reference"));
        var payPage = await funder.GetDocumentAsync(payUrl);
        var staleVersion = AwardScenario.Version(payPage, payUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(payUrl, payUrl, new Dictionary<string, string> { ["PaidOn"] = "2026-11-27", ["Reference"] = "BACS-1" })).StatusCode);

        var twice = await funder.SubmitFormAsync(payUrl, payUrl, new Dictionary<string, string> { ["Version"] = staleVersion, ["PaidOn"] = "2026-11-27", ["Reference"] = "BACS-2" });
        Assert.Contains("This tranche has already been paid.", (await twice.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.TrancheId == trancheId)));
        Assert.Equal(dueBefore, await PaymentsDueLinkAsync());
        var award = await applicant.GetDocumentAsync(scenario.OrganisationUrl);
        Assert.Contains("Paid: £12,000 of £12,000", award.QuerySelector(".award-progress")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == "award.payment-recorded" && e.Before != null && e.After!.Contains("BACS-1"))));
    }

    [Fact]
    public async Task Two_people_paying_the_same_tranche_at_once_record_one_payment()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var other = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ActiveAsync(app, funder, applicant);
        var trancheId = await app.WithDbAsync(async db =>
        {
            var tranche = await db.AwardTranches.SingleAsync(t => t.AwardId == scenario.AwardId);
            tranche.Status = TrancheStatus.Due;
            await db.SaveChangesAsync();
            return tranche.Id;
        });
        var payUrl = $"{scenario.FunderUrl}/tranches/{trancheId}/pay";

        var responses = await Task.WhenAll(
            funder.SubmitFormAsync(payUrl, payUrl, new Dictionary<string, string> { ["PaidOn"] = "2026-11-27", ["Reference"] = "A" }),
            other.SubmitFormAsync(payUrl, payUrl, new Dictionary<string, string> { ["PaidOn"] = "2026-11-27", ["Reference"] = "B" }));

        Assert.Equal(1, await app.WithDbAsync(db => db.Payments.CountAsync(p => p.TrancheId == trancheId)));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.SingleOrDefault(r => r.StatusCode != HttpStatusCode.Redirect);
        if (refused is not null)
        {
            Assert.NotEmpty((await refused.ReadDocumentAsync()).ErrorSummary());
        }
    }

    [Fact]
    public async Task Reports_store_people_reached_by_community_and_the_funder_accepts_them()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ActiveAsync(app, funder, applicant);
        var reportId = await app.WithDbAsync(db => db.MonitoringReports.Where(r => r.AwardId == scenario.AwardId).OrderBy(r => r.Number).Select(r => r.Id).FirstAsync());
        var url = $"{scenario.OrganisationUrl}/reports/{reportId}";

        var wrong = await AwardScenario.PostWithFilesAsync(applicant, url, url, new() { ["PeopleReached"] = "50", ["Narrative"] = "Good", ["Counts[DEI020200]"] = "60" });
        Assert.Equal("People reached in Mental Health must be from 0 to the 50 people reached in total", (await wrong.ReadDocumentAsync()).FieldError("Counts"));
        var sent = await AwardScenario.PostWithFilesAsync(applicant, url, url, new() { ["PeopleReached"] = "50", ["Narrative"] = "Good", ["Counts[DEI020200]"] = "30", ["OtherCode"] = "DEI040000", ["OtherCount"] = "12" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var outcomes = await app.WithDbAsync(db => db.ReportOutcomes.Where(o => o.MonitoringReportId == reportId).OrderBy(o => o.DeiCode).Select(o => new { o.DeiCode, o.Count }).ToListAsync());
        Assert.Equal([new { DeiCode = "DEI020200", Count = 30 }, new { DeiCode = "DEI040000", Count = 12 }], outcomes);

        var reviewUrl = $"{scenario.FunderUrl}/reports/{reportId}";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(reviewUrl, reviewUrl, new Dictionary<string, string> { ["Choice"] = "Approve" })).StatusCode);
        Assert.Equal(ReportStage.Accepted, await app.WithDbAsync(db => db.MonitoringReports.Where(r => r.Id == reportId).Select(r => r.Stage).SingleAsync()));
    }

    [Fact]
    public async Task An_approved_variation_changes_the_award_and_a_rejected_one_is_kept_as_history()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var scenario = await AwardScenario.ActiveAsync(app, funder, applicant);
        var url = $"{scenario.OrganisationUrl}/variations/new";

        var noReason = await applicant.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Kind"] = "ExtendEndDate", ["NewEndDate"] = "2028-03-31" });
        Assert.Equal("Give the reason for the change", (await noReason.ReadDocumentAsync()).FieldError("Reason"));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Kind"] = "ExtendEndDate", ["NewEndDate"] = "2028-03-31", ["Reason"] = "Staff illness" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SubmitFormAsync(url, url, new Dictionary<string, string> { ["Kind"] = "ExtendEndDate", ["NewEndDate"] = "2028-06-30", ["Reason"] = "More time" })).StatusCode);
        var ids = await app.WithDbAsync(db => db.AwardVariations.Where(v => v.AwardId == scenario.AwardId).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());

        var rejectBlank = await funder.SubmitFormAsync(scenario.FunderUrl, $"{scenario.FunderUrl}/variations/{ids[1]}", new Dictionary<string, string> { ["Approve"] = "false" });
        Assert.Contains("Give the organisation the reason for rejecting the variation", (await rejectBlank.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(scenario.FunderUrl, $"{scenario.FunderUrl}/variations/{ids[1]}", new Dictionary<string, string> { ["Approve"] = "false", ["Comment"] = "Too long" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(scenario.FunderUrl, $"{scenario.FunderUrl}/variations/{ids[0]}", new Dictionary<string, string> { ["Approve"] = "true" })).StatusCode);

        var award = await app.WithDbAsync(db => db.Awards.Include(a => a.Variations).SingleAsync(a => a.Id == scenario.AwardId));
        Assert.Equal(new DateOnly(2028, 3, 31), award.EndDate);
        Assert.Equal([VariationStatus.Approved, VariationStatus.Rejected], award.Variations.OrderBy(v => v.Id).Select(v => v.Status));
        Assert.Equal(2, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "VariationDecided" && m.Subject.Contains(award.Reference))));
    }

    [Fact]
    public async Task Other_organisations_and_funders_get_not_found_and_a_viewer_cannot_change_anything()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var applicant = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        using var otherOrganisation = await app.SignedInAsync(DemoDataSeeder.Applicant2Email);
        using var otherFunder = await AwardScenario.FunderUserAsync(app, Roles.FunderAdmin, otherFunder: true);
        using var viewer = await AwardScenario.FunderUserAsync(app, Roles.FunderViewer);
        var scenario = await AwardScenario.ActiveAsync(app, funder, applicant);
        var milestoneId = await app.WithDbAsync(db => db.Milestones.Where(m => m.AwardId == scenario.AwardId).Select(m => m.Id).SingleAsync());
        var evidenceUrl = $"{scenario.OrganisationUrl}/milestones/{milestoneId}/evidence";
        Assert.Equal(HttpStatusCode.Redirect, (await AwardScenario.PostWithFilesAsync(applicant, evidenceUrl, evidenceUrl, new() { ["Narrative"] = "Done" }, ("register.pdf", AwardScenario.Pdf))).StatusCode);
        var fileId = await app.WithDbAsync(db => db.AwardFiles.Where(f => f.AwardId == scenario.AwardId).Select(f => f.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(new Uri($"{scenario.OrganisationUrl}/files/{fileId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri($"{scenario.FunderUrl}/files/{fileId}", UriKind.Relative))).StatusCode);
        foreach (var path in new[] { scenario.OrganisationUrl, evidenceUrl, $"{scenario.OrganisationUrl}/files/{fileId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherOrganisation.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        foreach (var path in new[] { scenario.FunderUrl, $"{scenario.FunderUrl}/files/{fileId}", $"{scenario.FunderUrl}/milestones/{milestoneId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherFunder.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.DoesNotContain(scenario.FunderUrl, (await otherFunder.GetDocumentAsync("/funder/awards")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        var ownProfile = await app.WithDbAsync(db => db.OrganisationMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoDataSeeder.Applicant2Email))
            .Select(m => $"/organisation/{m.OrganisationId}/profile").FirstAsync());
        var otherPost = await otherOrganisation.SubmitFormAsync(ownProfile, evidenceUrl, new Dictionary<string, string> { ["Narrative"] = "Sneaky", ["Version"] = Guid.Empty.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.MilestoneEvidence.CountAsync(e => e.MilestoneId == milestoneId)));

        var review = await viewer.GetDocumentAsync($"{scenario.FunderUrl}/milestones/{milestoneId}");
        Assert.Null(review.QuerySelector("form[action$='/milestones/" + milestoneId + "']"));
        var approve = await viewer.SubmitFormAsync($"{scenario.FunderUrl}/milestones/{milestoneId}", $"{scenario.FunderUrl}/milestones/{milestoneId}",
            new Dictionary<string, string> { ["Choice"] = "Approve", ["Version"] = Guid.Empty.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(MilestoneStage.Submitted, await app.WithDbAsync(db => db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.Stage).SingleAsync()));
    }
}
