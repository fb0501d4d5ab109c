using GrantsHub.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Every controller action names one of these policies, or says [AllowAnonymous]; an
/// architecture test fails the build of any action that says neither.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string FunderStaff = nameof(FunderStaff);
    public const string FunderAdmin = nameof(FunderAdmin);
    public const string Assessor = nameof(Assessor);
    public const string Applicant = nameof(Applicant);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(FunderStaff, p => p.RequireRole(Roles.FunderAdmin, Roles.FunderViewer).RequireClaim(GrantsHubClaims.FunderId));
        options.AddPolicy(FunderAdmin, p => p.RequireRole(Roles.FunderAdmin).RequireClaim(GrantsHubClaims.FunderId));
        options.AddPolicy(Assessor, p => p.RequireRole(Roles.Assessor));
        options.AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant));
    }
}
