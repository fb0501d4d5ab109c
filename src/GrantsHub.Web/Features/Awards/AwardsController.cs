using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Awards;

public sealed record OrganisationAwardPage(AwardDetail Award, AcceptOfferForm Accept, DeclineOfferForm Decline);

public sealed record EvidencePage(AwardDetail Award, MilestoneView Milestone, EvidenceForm Form);

public sealed record ReportPage(AwardDetail Award, ReportView Report, IReadOnlyList<OutcomeView> Communities, ReportForm Form);

public sealed record VariationPage(AwardDetail Award, VariationForm Form);

/// <summary>The organisation's side of an award: answer the offer, evidence milestones, report, ask for changes.</summary>
[Route("awards/{id:int}")]
public sealed class AwardsController(AwardPages pages, AwardService awards) : Controller
{
    private const long UploadLimit = AwardService.MaxFiles * UploadRules.MaxBytes + 1024 * 1024;

    [KeepUntilDataChanges]
    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> Award(int id) =>
        await DetailAsync(id) is { } award ? View("Award", new OrganisationAwardPage(award, new AcceptOfferForm(), new DeclineOfferForm())) : NotFound();

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("accept")]
    public async Task<IActionResult> Accept(int id, AcceptOfferForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.AcceptAsync(User.GetUserId(), id, form) : null, id,
            "You have accepted the offer. The award is now active.",
            award => View("Award", new OrganisationAwardPage(award, form, new DeclineOfferForm())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("decline")]
    public async Task<IActionResult> Decline(int id, DeclineOfferForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.DeclineAsync(User.GetUserId(), id, form) : null, id,
            "You have declined the offer. The funder has been told.",
            award => View("Award", new OrganisationAwardPage(award, new AcceptOfferForm(), form)));

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("milestones/{milestoneId:int}/evidence")]
    public async Task<IActionResult> Evidence(int id, int milestoneId) =>
        await DetailAsync(id) is { } award && award.Milestones.SingleOrDefault(m => m.Id == milestoneId) is { } milestone
            ? View("Evidence", new EvidencePage(award, milestone, new EvidenceForm { Version = milestone.Version }))
            : NotFound();

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("milestones/{milestoneId:int}/evidence")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Evidence(int id, int milestoneId, EvidenceForm form)
    {
        var uploads = await AwardFileHandler.ReadUploadsAsync(Request.Form.Files);
        return await AfterAsync(ModelState.IsValid ? await awards.SubmitEvidenceAsync(User.GetUserId(), id, milestoneId, form, uploads) : null, id,
            "Your evidence has been sent to the funder.",
            award => award.Milestones.SingleOrDefault(m => m.Id == milestoneId) is { } milestone ? View("Evidence", new EvidencePage(award, milestone, form)) : NotFound());
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("reports/{reportId:int}")]
    public async Task<IActionResult> Report(int id, int reportId)
    {
        var award = await DetailAsync(id);
        var report = award?.Reports.SingleOrDefault(r => r.Id == reportId);
        return report is null ? NotFound() : View("Report", await ReportPageAsync(award!, report, new ReportForm { Version = report.Version }));
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("reports/{reportId:int}")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Report(int id, int reportId, ReportForm form)
    {
        var uploads = await AwardFileHandler.ReadUploadsAsync(Request.Form.Files);
        var problems = ModelState.IsValid ? await awards.SubmitReportAsync(User.GetUserId(), id, reportId, form, uploads) : null;
        if (problems is { Count: 0 })
        {
            TempData["Flash"] = "Your report has been sent to the funder.";
            return RedirectToAction(nameof(Award), new { id });
        }

        AddErrors(problems);
        var award = await DetailAsync(id);
        var report = award?.Reports.SingleOrDefault(r => r.Id == reportId);
        return report is null ? NotFound() : View("Report", await ReportPageAsync(award!, report, form));
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("variations/new")]
    public async Task<IActionResult> Variation(int id) =>
        await DetailAsync(id) is { } award ? View("Variation", new VariationPage(award, new VariationForm { Version = award.Version })) : NotFound();

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("variations/new")]
    public async Task<IActionResult> Variation(int id, VariationForm form) =>
        await AfterAsync(ModelState.IsValid ? await awards.RequestVariationAsync(User.GetUserId(), id, form) : null, id,
            "Your request has been sent to the funder.", award => View("Variation", new VariationPage(award, form)));

    /// <summary>Members of the award's organisation may download; anyone else gets 404.</summary>
    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("files/{fileId:int}")]
    public async Task<IActionResult> File(int id, int fileId, [FromServices] AwardFileHandler files) =>
        await files.FindForMemberAsync(User, id, fileId) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    private Task<AwardDetail?> DetailAsync(int id) => pages.DetailForMemberAsync(User.GetUserId(), id);

    private async Task<ReportPage> ReportPageAsync(AwardDetail award, ReportView report, ReportForm form) =>
        new(award, report, await pages.CommunitiesOfAsync(award.OrganisationId), form);

    /// <summary>On success, back to the award with a message; otherwise the form again with its problems (null problems: the form itself was invalid).</summary>
    private async Task<IActionResult> AfterAsync(IReadOnlyList<AwardProblem>? problems, int id, string done, Func<AwardDetail, IActionResult> again)
    {
        if (problems is { Count: 0 })
        {
            TempData["Flash"] = done;
            return RedirectToAction(nameof(Award), new { id });
        }

        AddErrors(problems);
        return await DetailAsync(id) is { } award ? again(award) : NotFound();
    }

    private void AddErrors(IReadOnlyList<AwardProblem>? problems)
    {
        foreach (var problem in problems ?? [])
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
    }
}
