using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Applications;

[Route("applications/{id:int}")]
public sealed class ApplicationsController(GrantsHubDbContext db, AnswersHandler answers, SubmissionHandler submission, TimeProvider clock) : Controller
{
    /// <summary>Room for several 10 MB files in one section, plus the form itself.</summary>
    private const long SectionRequestLimit = 5 * UploadRules.MaxBytes + 1024 * 1024;

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("")]
    public async Task<IActionResult> TaskList(int id) => await WithDraftAsync(id, loaded => View("TaskList", ApplicationPages.TaskList(loaded)));

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("project")]
    public async Task<IActionResult> Project(int id) => await WithDraftAsync(id, loaded => View("Project", ApplicationPages.Project(loaded)));

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("project")]
    public async Task<IActionResult> Project(int id, ProjectForm form)
    {
        var outcome = await answers.SaveProjectAsync(User.GetUserId(), id, form);
        return await AfterSaveAsync(outcome, id, LoadedApplication.ProjectSectionId, form.Continues, loaded => View("Project", ApplicationPages.Project(loaded, form)));
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("sections/{sectionId:int}")]
    public async Task<IActionResult> Section(int id, int sectionId) =>
        await WithDraftAsync(id, loaded => loaded.Section(sectionId) is { } section ? View("Section", ApplicationPages.Section(loaded, section)) : NotFound());

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("sections/{sectionId:int}")]
    [RequestSizeLimit(SectionRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = SectionRequestLimit)]
    public async Task<IActionResult> Section(int id, int sectionId, SaveForm form)
    {
        var posted = await Request.ReadFormAsync();
        var outcome = await answers.SaveSectionAsync(User.GetUserId(), id, sectionId, form, posted);
        return await AfterSaveAsync(outcome, id, sectionId, form.Continues, loaded => View("Section", ApplicationPages.Section(loaded, loaded.Section(sectionId)!, posted)));
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("check")]
    public async Task<IActionResult> Check(int id) => await WithDraftAsync(id, loaded => View("Check", ApplicationPages.Summary(loaded, clock.GetUtcNow())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("submit")]
    public async Task<IActionResult> Submit(int id, SaveForm form)
    {
        var outcome = await submission.SubmitAsync(User.GetUserId(), id, form.Version, applicationId => Url.ActionLink(nameof(Summary), values: new { id = applicationId })!);
        switch (outcome.Result)
        {
            case SubmitResult.NotFound:
                return NotFound();
            case SubmitResult.Done:
                return Redirect($"/applications/{id}/submitted");
            case SubmitResult.Incomplete:
                var summary = ApplicationPages.Summary(outcome.Application!, clock.GetUtcNow());
                foreach (var row in summary.Sections.SelectMany(s => s.Rows).Where(r => r.Problem is not null))
                {
                    ModelState.AddModelError(row.Field, row.Problem!);
                }

                return View("Check", summary);
            default:
                ModelState.AddModelError("", outcome.Message!);
                return outcome.Application!.IsDraft ? View("Check", ApplicationPages.Summary(outcome.Application, clock.GetUtcNow())) : Redirect($"/applications/{id}/view");
        }
    }

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("submitted")]
    public async Task<IActionResult> Submitted(int id) => await WithLoadedAsync(id, loaded => View("Submitted", ApplicationPages.Summary(loaded, clock.GetUtcNow())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("view")]
    public async Task<IActionResult> Summary(int id) => await WithLoadedAsync(id, loaded => View("View", ApplicationPages.Summary(loaded, clock.GetUtcNow())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("print")]
    public async Task<IActionResult> Print(int id) => await WithLoadedAsync(id, loaded => View("Print", ApplicationPages.Summary(loaded, clock.GetUtcNow())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpGet("withdraw")]
    public async Task<IActionResult> Withdraw(int id) => await WithLoadedAsync(id, loaded => View("Withdraw", ApplicationPages.Summary(loaded, clock.GetUtcNow())));

    [Authorize(Policy = Policies.Applicant)]
    [HttpPost("withdraw")]
    public async Task<IActionResult> WithdrawNow(int id)
    {
        var outcome = await submission.WithdrawAsync(User.GetUserId(), id);
        if (outcome.Result == SubmitResult.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = outcome.Result == SubmitResult.Done ? $"Application {outcome.Message} has been withdrawn." : outcome.Message;
        return Redirect($"/applications/{id}/view");
    }

    /// <summary>Members of the organisation, and staff of the round's funder, may download; anyone else gets 404.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("attachments/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int id, int attachmentId, [FromServices] AttachmentHandler attachments) =>
        await attachments.FindAsync(User, id, attachmentId) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    /// <summary>
    /// After a save: back to the task list, or, for "save and continue", on to the next section once
    /// this one is complete. A section that is not complete yet shows what is missing beside each field.
    /// </summary>
    private async Task<IActionResult> AfterSaveAsync(SaveOutcome outcome, int id, int sectionId, bool continues, Func<LoadedApplication, IActionResult> showAgain)
    {
        switch (outcome.Result)
        {
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.ReadOnly:
                return Redirect($"/applications/{id}/view");
            case SaveResult.Conflict:
                ModelState.AddModelError("", AnswersHandler.ConflictMessage);
                return showAgain(outcome.Application!);
            case SaveResult.Invalid:
                foreach (var (field, message) in outcome.Errors)
                {
                    ModelState.AddModelError(field, message);
                }

                return showAgain(outcome.Application!);
        }

        if (!continues)
        {
            TempData["Flash"] = "Your answers have been saved.";
            return Redirect($"/applications/{id}");
        }

        var saved = (await LoadedApplication.LoadAsync(db, User.GetUserId(), id))!;
        var problems = sectionId == LoadedApplication.ProjectSectionId ? saved.ProjectProblems() : saved.Problems(saved.Section(sectionId)!);
        if (problems.Count == 0)
        {
            return Redirect(saved.NextSectionUrl(sectionId)!);
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        ViewData["Saved"] = true;
        return sectionId == LoadedApplication.ProjectSectionId
            ? View("Project", ApplicationPages.Project(saved))
            : View("Section", ApplicationPages.Section(saved, saved.Section(sectionId)!));
    }

    private async Task<IActionResult> WithLoadedAsync(int id, Func<LoadedApplication, IActionResult> page) =>
        await LoadedApplication.LoadAsync(db, User.GetUserId(), id) is { } loaded ? page(loaded) : NotFound();

    /// <summary>Pages that change a draft: a submitted application is read-only, so they show it instead.</summary>
    private Task<IActionResult> WithDraftAsync(int id, Func<LoadedApplication, IActionResult> page) =>
        WithLoadedAsync(id, loaded => loaded.IsDraft ? page(loaded) : Redirect($"/applications/{id}/view"));
}
