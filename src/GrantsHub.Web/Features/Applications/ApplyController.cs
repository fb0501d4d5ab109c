using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Applications;

[Route("rounds/{roundId:int}/apply")]
[Authorize(Policy = Policies.Applicant)]
public sealed class ApplyController(ApplyHandler apply) : Controller
{
    /// <summary>The eligibility pre-check for the chosen organisation, each failed rule explained.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Check(int roundId, int? organisationId) =>
        await apply.PageAsync(User.GetUserId(), roundId, organisationId) is { } page ? View("Apply", page) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Start(int roundId, StartForm form)
    {
        var (result, applicationId) = await apply.StartAsync(User.GetUserId(), roundId, form.OrganisationId);
        return result switch
        {
            StartResult.Started => Redirect($"/applications/{applicationId}"),
            StartResult.NotFound => NotFound(),
            _ => Redirect($"/rounds/{roundId}/apply?organisationId={form.OrganisationId}"),
        };
    }
}
