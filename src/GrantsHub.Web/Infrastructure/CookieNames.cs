namespace GrantsHub.Web.Infrastructure;

/// <summary>The app's own cookie names, set in one place and read where a page depends on them.</summary>
public static class CookieNames
{
    public const string Antiforgery = "grantshub.af";
    public const string Flash = "grantshub.flash";
}
