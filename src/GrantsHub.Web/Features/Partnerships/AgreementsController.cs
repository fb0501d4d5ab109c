using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Partnerships;

/// <summary>
/// An organisation's partnership agreements: those it leads, which its members manage, and those it
/// is a party to, which they may read. Any other agreement is not found.
/// </summary>
[Route("organisation/{organisationId:int}/agreements")]
[Authorize(Policy = Policies.Applicant)]
public sealed class AgreementsController(AgreementHandler agreements, GrantsHubDbContext db) : Controller
{
    private const long UploadRequestLimit = UploadRules.MaxBytes + 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(int organisationId, int page = 1) =>
        await agreements.ListAsync(User.GetUserId(), organisationId, page) is { } list ? View(list) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> New(int organisationId) =>
        await agreements.LeadsAsync(User.GetUserId(), organisationId) ? FormView(organisationId, null, new AgreementForm()) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> New(int organisationId, AgreementForm form)
    {
        if (!ModelState.IsValid)
        {
            return await agreements.LeadsAsync(User.GetUserId(), organisationId) ? FormView(organisationId, null, form) : NotFound();
        }

        var result = await agreements.CreateAsync(User.GetUserId(), organisationId, form);
        if (result.Outcome == AgreementOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = "The agreement has been saved as a draft. Add the partners next.";
        return Redirect(AgreementUrl(organisationId, result.Id!.Value));
    }

    [KeepUntilDataChanges]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int organisationId, int id, int history = 1, string? partner = null) => await ShowAsync(organisationId, id, history, partnerSearch: partner);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int organisationId, int id) =>
        await agreements.FormAsync(User.GetUserId(), organisationId, id) is { } form ? FormView(organisationId, id, form) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int organisationId, int id, AgreementForm form)
    {
        if (!ModelState.IsValid)
        {
            return await agreements.FormAsync(User.GetUserId(), organisationId, id) is null ? NotFound() : FormView(organisationId, id, form);
        }

        var result = await agreements.EditAsync(User.GetUserId(), organisationId, id, form);
        switch (result.Outcome)
        {
            case AgreementOutcome.NotFound:
                return NotFound();
            case AgreementOutcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError("", AgreementHandler.ConflictMessage);
                return await agreements.FormAsync(User.GetUserId(), organisationId, id) is { } latest ? FormView(organisationId, id, latest) : NotFound();
            default:
                TempData["Flash"] = "The agreement has been saved.";
                return Redirect(AgreementUrl(organisationId, id));
        }
    }

    [HttpPost("{id:int}/parties")]
    public async Task<IActionResult> AddParty(int organisationId, int id, Guid version, [Bind(Prefix = "NewParty")] PartyForm form)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(organisationId, id, 1, form);
        }

        var result = await agreements.AddPartyAsync(User.GetUserId(), organisationId, id, version, form);
        return await AfterAsync(organisationId, id, result, "The partner has been added.", form, "NewParty.");
    }

    [HttpPost("{id:int}/parties/{partyId:int}/remove")]
    public async Task<IActionResult> RemoveParty(int organisationId, int id, int partyId, Guid version) =>
        await AfterAsync(organisationId, id, await agreements.RemovePartyAsync(User.GetUserId(), organisationId, id, version, partyId), "The partner has been removed.");

    [HttpPost("{id:int}/awards")]
    public async Task<IActionResult> LinkAward(int organisationId, int id, Guid version, int? awardId) =>
        await AfterAsync(organisationId, id, await agreements.LinkAwardAsync(User.GetUserId(), organisationId, id, version, awardId), "The award has been linked.");

    [HttpPost("{id:int}/awards/{awardId:int}/remove")]
    public async Task<IActionResult> UnlinkAward(int organisationId, int id, int awardId, Guid version) =>
        await AfterAsync(organisationId, id, await agreements.UnlinkAwardAsync(User.GetUserId(), organisationId, id, version, awardId), "The award is no longer linked.");

    [HttpPost("{id:int}/actions")]
    public async Task<IActionResult> Move(int organisationId, int id, AgreementActionForm form)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(organisationId, id, 1);
        }

        var result = await agreements.MoveAsync(User.GetUserId(), organisationId, id, form);
        return await AfterAsync(organisationId, id, result, $"The agreement has been {PartnershipLabels.Past(form.Action!.Value)}.");
    }

    [HttpPost("{id:int}/document")]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> Upload(int organisationId, int id, SignedCopyForm form) =>
        await AfterAsync(organisationId, id, await agreements.UploadAsync(User.GetUserId(), organisationId, id, form), "The signed copy has been uploaded.");

    /// <summary>Members of the lead organisation and of a party organisation may download; anyone else gets 404.</summary>
    [HttpGet("{id:int}/document")]
    public async Task<IActionResult> Document(int organisationId, int id) =>
        await agreements.DocumentAsync(db.ReadableBy(User.GetUserId(), organisationId), id) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    private async Task<IActionResult> ShowAsync(int organisationId, int id, int history, PartyForm? newParty = null, string? partnerSearch = null)
    {
        var userId = User.GetUserId();
        var page = await agreements.MemberPageAsync(userId, organisationId, id, AgreementUrl(organisationId, id), history, newParty, partnerSearch);
        return page is null ? NotFound() : View("Agreement", page);
    }

    private async Task<IActionResult> AfterAsync(int organisationId, int id, AgreementResult result, string done, PartyForm? party = null, string prefix = "")
    {
        switch (result.Outcome)
        {
            case AgreementOutcome.NotFound:
                return NotFound();
            case AgreementOutcome.Conflict:
                ModelState.Clear();
                ModelState.AddModelError("", AgreementHandler.ConflictMessage);
                return await ShowAsync(organisationId, id, 1);
            case AgreementOutcome.Invalid:
                ModelState.AddModelError(result.Field is "" or null ? "" : prefix + result.Field, result.Message!);
                return await ShowAsync(organisationId, id, 1, party);
            default:
                TempData["Flash"] = done;
                return Redirect(AgreementUrl(organisationId, id));
        }
    }

    private ViewResult FormView(int organisationId, int? id, AgreementForm form)
    {
        ViewBag.Action = id is null ? $"/organisation/{organisationId}/agreements/new" : $"{AgreementUrl(organisationId, id.Value)}/edit";
        ViewBag.Cancel = id is null ? $"/organisation/{organisationId}/agreements" : AgreementUrl(organisationId, id.Value);
        ViewBag.IsNew = id is null;
        return View("Edit", form);
    }

    private static string AgreementUrl(int organisationId, int id) => $"/organisation/{organisationId}/agreements/{id}";
}
