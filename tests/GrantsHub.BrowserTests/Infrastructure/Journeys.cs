using System.Text.RegularExpressions;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>Steps a person takes through the real pages, shared by the journeys.</summary>
public static partial class Journeys
{
    /// <summary>Fills in and sends the sign-in form, without judging the outcome.</summary>
    public static async Task SubmitSignInFormAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in with a demo account's password and waits until the user has left the sign-in page, signed in.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await SubmitSignInFormAsync(page, email, DemoDataSeeder.Password);
        await Expect(page).Not.ToHaveURLAsync(SignInPage());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Signs out from the navbar and waits for the anonymous home page.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(HomePage());
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/account/sign-in(\?|$)")]
    private static partial Regex SignInPage();

    [GeneratedRegex(@"^https?://[^/]+/$")]
    public static partial Regex HomePage();
}
