using System.Text;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    GrantsHubDbContext db,
    IAuditLog audit,
    Outbox outbox,
    IEmailDispatchTrigger dispatch,
    RegistrationHandler registration,
    AreaChoices areaChoices,
    TimeProvider clock) : Controller
{
    private const string GenericSignInError = "The email address or password is not right";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignInViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email);
        if (user is null)
        {
            ModelState.AddModelError(nameof(model.Email), GenericSignInError);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/home");
        }

        if (result.IsLockedOut)
        {
            audit.Record(AuditKinds.LockedOut, $"Sign-in refused: {user.Email} is locked out", new AuditScope(FunderId: user.FunderId), entityType: "User", entityId: user.Id);
            await db.SaveChangesAsync();
            ModelState.AddModelError(nameof(model.Email),
                "Your account is locked for 15 minutes after 5 failed attempts to sign in. Wait, or reset your password.");
            return View(model);
        }

        audit.Record(AuditKinds.SignInFailed, $"Failed sign-in for {user.Email}", new AuditScope(FunderId: user.FunderId), entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
        ModelState.AddModelError(nameof(model.Email), GenericSignInError);
        return View(model);
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = "You have signed out.";
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public async Task<IActionResult> Register() => await RegisterView(new RegisterViewModel());

    [AllowAnonymous]
    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return await RegisterView(model);
        }

        var outcome = await registration.RegisterAsync(model);
        if (outcome.User is null)
        {
            foreach (var (field, message) in outcome.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            return await RegisterView(model);
        }

        await signIn.SignInAsync(outcome.User, isPersistent: false);
        TempData["Flash"] = $"Welcome to GrantsHub. {model.OrganisationName} is registered.";
        return Redirect("/organisation");
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email);
        if (user is not null)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var url = Url.Action(nameof(ResetPassword), "Account", new { email = user.Email, token }, Request.Scheme, Request.Host.Value)!;
            var key = $"password-reset:{user.Id}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
            await outbox.AddAsync(key, "PasswordReset", user.Email!, user.DisplayName, user.Id, "/Features/Account/Emails/PasswordReset",
                new PasswordResetEmail { Subject = "Reset your GrantsHub password", RecipientName = user.DisplayName, ResetUrl = url });
            await db.SaveChangesAsync();
            dispatch.DispatchSoon();
        }

        // The same answer whether or not the account exists, so addresses cannot be discovered.
        return View("ForgotPasswordSent", model);
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? token, bool welcome = false) =>
        string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token)
            ? View("ResetPasswordInvalid")
            : View(new ResetPasswordViewModel { Email = email, Token = token, Welcome = welcome });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(model.Token));
        }
        catch (FormatException)
        {
            return View("ResetPasswordInvalid");
        }

        if (user is null)
        {
            return View("ResetPasswordInvalid");
        }

        var result = await users.ResetPasswordAsync(user, token, model.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                return View("ResetPasswordInvalid");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(model.Password), error.Description);
            }

            return View(model);
        }

        // A new password ends every other session (the security stamp changed) and unlocks the account.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(AuditKinds.PasswordReset, $"Password reset by email for {user.Email}", new AuditScope(FunderId: user.FunderId), entityType: "User", entityId: user.Id);
        await db.SaveChangesAsync();
        TempData["Flash"] = model.Welcome ? "Your password is set. Sign in to start." : "Your password has been changed. Sign in with your new password.";
        return RedirectToAction(nameof(SignIn));
    }

    private async Task<IActionResult> RegisterView(RegisterViewModel model)
    {
        ViewBag.Areas = await areaChoices.SelectListAsync(db);
        return View("Register", model);
    }
}
