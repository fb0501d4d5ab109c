using System.Globalization;
using System.Security.Claims;
using GrantsHub.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure;

public static class GrantsHubClaims
{
    public const string FunderId = "grantshub:funder";
    public const string DisplayName = "grantshub:name";

    public static int? GetFunderId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(FunderId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The funder of a member of funder staff; only call behind a funder policy.</summary>
    public static int RequireFunderId(this ClaimsPrincipal user) =>
        user.GetFunderId() ?? throw new InvalidOperationException("The signed-in user is not funder staff.");

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user is signed in.");

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the funder and display name to the sign-in cookie so pages need no user lookup.</summary>
public sealed class GrantsHubClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GrantsHubClaims.DisplayName, user.DisplayName));
        if (user.FunderId is { } funderId)
        {
            identity.AddClaim(new Claim(GrantsHubClaims.FunderId, funderId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
