using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Assessment;

[Route("assessor")]
public sealed class AssessorQueueController : Controller
{
    [Authorize(Policy = Policies.Assessor)]
    [HttpGet("")]
    public IActionResult Queue() => View();
}
