using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// The sign-in cookie is checked against the person's record (their security stamp) once every
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, so that signing someone out everywhere takes effect
/// within that time. Identity's own handler builds its validator, and with it the sign-in manager, the user manager and
/// their stores, on every signed-in request, only to find most of the time that no check is due. This asks the same
/// question first, with the same clock and interval, and hands over to Identity only when a check is due.
/// </summary>
public static class SignInCheck
{
    public static Task WhenDueAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsDue(context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value, context.Properties.IssuedUtc)
            ? SecurityStampValidator.ValidatePrincipalAsync(context)
            : Task.CompletedTask;
    }

    /// <summary>Identity's rule: a cookie without a time of issue is always checked; otherwise once the interval has passed.</summary>
    public static bool IsDue(SecurityStampValidatorOptions options, DateTimeOffset? issuedUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        return issuedUtc is not { } issued || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }
}
