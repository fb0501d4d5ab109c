using System.Globalization;
using GrantsHub.Domain.Common;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantsHub.Web.Features.Home;

public sealed class HomeController : Controller
{
    [AllowAnonymous]
    [HttpGet("/")]
    public IActionResult Index() => User.Identity?.IsAuthenticated == true ? RedirectToAction(nameof(MyHome)) : View();

    [AllowAnonymous]
    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();

    /// <summary>Each kind of user has a home page of their own.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("/home")]
    public IActionResult MyHome() => Redirect(HomePathFor(User));

    public static string HomePathFor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.FunderAdmin) || user.IsInRole(Roles.FunderViewer) ? "/funder"
        : user.IsInRole(Roles.Assessor) ? "/assessor"
        : user.IsInRole(Roles.PlatformAdmin) ? "/platform"
        : "/organisation";
}

public sealed record ErrorViewModel(string Title, string Message);

public sealed class ErrorsController : Controller
{
    [AllowAnonymous]
    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken(Order = 1001)] // Re-executed for any failed request, including POSTs whose token was the problem.
    public IActionResult Show()
    {
        // The code is read from the path, not bound: binding would read the re-run request's form first, and that form may
        // be the very thing that could not be read (more fields than the server reads), which left the status at 0.
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 400 and <= 599
            ? c : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        var model = code switch
        {
            400 => new ErrorViewModel("Something was wrong with that request", "The form may have expired. Go back, refresh the page and try again."),
            403 => new ErrorViewModel("You do not have access to this page", "Your account cannot open this page. If you think it should, ask your organisation or funder."),
            404 => new ErrorViewModel("Page not found", "If you typed the web address, check it is correct."),
            _ => new ErrorViewModel("Sorry, there is a problem with the service", "Try again later. Nothing you saved has been lost."),
        };
        return View("Error", model);
    }
}
