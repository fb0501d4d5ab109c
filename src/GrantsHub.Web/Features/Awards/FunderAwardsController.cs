using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Awards;

public sealed record FunderAwardPage(AwardDetail Award, OfferTermsForm Terms, MilestoneForm Milestone, TrancheForm Tranche, VariationDecisionForm Variation);

public sealed record ReviewMilestonePage(AwardDetail Award, MilestoneView Milestone, ReviewForm Form);

public sealed record ReviewReportPage(AwardDetail Award, ReportView Report, ReviewForm Form);

public sealed record PayPage(AwardDetail Award, TrancheView Tranche, PaymentForm Form);

/// <summary>The funder's side of awards: set up and issue offers, review evidence and reports, record payments, decide variations.</summary>
[Route("funder/awards")]
public sealed class FunderAwardsController(AwardPages pages, AwardService awards) : Controller
{
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("")]
    public async Task<IActionResult> List(int? roundId, int page = 1) =>
        View("FunderAwards", await pages.OfFunderAsync(User.RequireFunderId(), roundId, page));

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("payments-due")]
    public async Task<IActionResult> PaymentsDue(int page = 1) =>
        View("PaymentsDue", await pages.PaymentsDueAsync(User.RequireFunderId(), page));

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Award(int id) =>
        await DetailAsync(id) is { } award ? View("FunderAward", NewPage(award)) : NotFound();

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/terms")]
    public async Task<IActionResult> Terms(int id, OfferTermsForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.SetTermsAsync(User.RequireFunderId(), id, form) : null, id, "The offer terms are saved.",
            award => View("FunderAward", NewPage(award) with { Terms = form }));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/milestones")]
    public async Task<IActionResult> AddMilestone(int id, MilestoneForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.AddMilestoneAsync(User.RequireFunderId(), id, form) : null, id, "The milestone is added.",
            award => View("FunderAward", NewPage(award) with { Milestone = form }));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/tranches")]
    public async Task<IActionResult> AddTranche(int id, TrancheForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.AddTrancheAsync(User.RequireFunderId(), id, form) : null, id, "The payment is added to the schedule.",
            award => View("FunderAward", NewPage(award) with { Tranche = form }));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/issue")]
    public async Task<IActionResult> Issue(int id, IssueOfferForm form) =>
        await AfterAsync(await awards.IssueOfferAsync(User.RequireFunderId(), User.GetUserId(), id, form.Version, OrganisationLink(id)), id,
            "The offer is issued. The organisation has been emailed.", award => View("FunderAward", NewPage(award)));

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/recall")]
    public async Task<IActionResult> Recall(int id, IssueOfferForm form) =>
        await AfterAsync(await awards.RecallOfferAsync(User.RequireFunderId(), id, form.Version), id,
            "The offer is back in draft. Issue it again when it is ready.", award => View("FunderAward", NewPage(award)));

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}/milestones/{milestoneId:int}")]
    public async Task<IActionResult> ReviewMilestone(int id, int milestoneId) =>
        await DetailAsync(id) is { } award && award.Milestones.SingleOrDefault(m => m.Id == milestoneId) is { } milestone
            ? View("ReviewMilestone", new ReviewMilestonePage(award, milestone, new ReviewForm { Version = milestone.Version }))
            : NotFound();

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/milestones/{milestoneId:int}")]
    public async Task<IActionResult> ReviewMilestone(int id, int milestoneId, ReviewForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.ReviewEvidenceAsync(User.RequireFunderId(), User.GetUserId(), id, milestoneId, form, OrganisationLink(id)) : null, id,
            form.Choice == ReviewChoice.Approve ? "The milestone is approved. Any payment tied to it is now due." : "The organisation has been asked for changes.",
            award => award.Milestones.SingleOrDefault(m => m.Id == milestoneId) is { } milestone ? View("ReviewMilestone", new ReviewMilestonePage(award, milestone, form)) : NotFound());

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}/reports/{reportId:int}")]
    public async Task<IActionResult> ReviewReport(int id, int reportId) =>
        await DetailAsync(id) is { } award && award.Reports.SingleOrDefault(r => r.Id == reportId) is { } report
            ? View("ReviewReport", new ReviewReportPage(award, report, new ReviewForm { Version = report.Version }))
            : NotFound();

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/reports/{reportId:int}")]
    public async Task<IActionResult> ReviewReport(int id, int reportId, ReviewForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.ReviewReportAsync(User.RequireFunderId(), User.GetUserId(), id, reportId, form, OrganisationLink(id)) : null, id,
            form.Choice == ReviewChoice.Approve ? "The report is accepted." : "The organisation has been asked for changes.",
            award => award.Reports.SingleOrDefault(r => r.Id == reportId) is { } report ? View("ReviewReport", new ReviewReportPage(award, report, form)) : NotFound());

    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}/tranches/{trancheId:int}/pay")]
    public async Task<IActionResult> Pay(int id, int trancheId) =>
        await DetailAsync(id) is { } award && award.Tranches.SingleOrDefault(t => t.Id == trancheId) is { } tranche
            ? View("Pay", new PayPage(award, tranche, new PaymentForm { Version = tranche.Version, PaidOn = award.Today }))
            : NotFound();

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/tranches/{trancheId:int}/pay")]
    public async Task<IActionResult> Pay(int id, int trancheId, PaymentForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.RecordPaymentAsync(User.RequireFunderId(), User.GetUserId(), id, trancheId, form) : null, id,
            "The payment is recorded.",
            award => award.Tranches.SingleOrDefault(t => t.Id == trancheId) is { } tranche ? View("Pay", new PayPage(award, tranche, form)) : NotFound());

    [Authorize(Policy = Policies.FunderAdmin)]
    [HttpPost("{id:int}/variations/{variationId:int}")]
    public async Task<IActionResult> DecideVariation(int id, int variationId, VariationDecisionForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.DecideVariationAsync(User.RequireFunderId(), User.GetUserId(), id, variationId, form, OrganisationLink(id)) : null, id,
            form.Approve == true ? "The variation is approved and applied to the award." : "The variation is rejected.",
            award => View("FunderAward", NewPage(award) with { Variation = form }));

    /// <summary>Staff of the award's funder may download; anyone else gets 404.</summary>
    [Authorize(Policy = Policies.FunderStaff)]
    [HttpGet("{id:int}/files/{fileId:int}")]
    public async Task<IActionResult> File(int id, int fileId, [FromServices] AwardFileHandler files) =>
        await files.FindForFunderAsync(User, id, fileId) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    private Task<AwardDetail?> DetailAsync(int id) => pages.DetailForFunderAsync(User.RequireFunderId(), id);

    private string OrganisationLink(int id) => Url.ActionLink(nameof(AwardsController.Award), "Awards", new { id })!;

    private static FunderAwardPage NewPage(AwardDetail award) => new(award,
        new OfferTermsForm
        {
            Version = award.Version, StartDate = award.StartDate, EndDate = award.EndDate, Conditions = award.Conditions,
            ReportIntervalMonths = award.ReportIntervalMonths, RespondBy = award.RespondBy,
        },
        new MilestoneForm { Version = award.Version }, new TrancheForm { Version = award.Version }, new VariationDecisionForm());

    private async Task<IActionResult> AfterAsync(IReadOnlyList<AwardProblem>? problems, int id, string done, Func<AwardDetail, IActionResult> again)
    {
        if (problems is { Count: 0 })
        {
            TempData["Flash"] = done;
            return RedirectToAction(nameof(Award), new { id });
        }

        foreach (var problem in problems ?? [])
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return await DetailAsync(id) is { } award ? again(award) : NotFound();
    }
}
