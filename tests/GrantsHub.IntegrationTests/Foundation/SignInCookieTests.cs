using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// Each instance decrypts a sign-in cookie once and then keeps what it read (<see cref="KeptSignInTickets"/>). A kept one
/// must still end when the sign-in does. (Signing out everywhere with a kept one: TeamTests.)
/// </summary>
public sealed class SignInCookieTests
{
    [Fact]
    public async Task A_sign_in_this_instance_has_already_read_still_ends_after_eight_hours()
    {
        await using var app = new GrantsHubFactory();
        var reader = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        Assert.IsType<KeptSignInTickets>(reader);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(new Uri("/funder", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await funder.GetAsync(new Uri("/funder", UriKind.Relative))).StatusCode); // the same cookie, kept

        app.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var after = await funder.GetAsync(new Uri("/funder", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
