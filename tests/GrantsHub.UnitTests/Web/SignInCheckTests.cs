using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace GrantsHub.UnitTests.Web;

public sealed class SignInCheckTests
{
    private static readonly DateTimeOffset Issued = new(2026, 10, 25, 0, 59, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, false)] // exactly the interval: Identity checks only once it has passed
    [InlineData(61, true)]
    [InlineData(3600, true)]
    public void The_sign_in_is_checked_once_the_interval_has_passed(int secondsSinceIssued, bool due)
    {
        var clock = new FakeTimeProvider(Issued.AddSeconds(secondsSinceIssued));
        var options = new SecurityStampValidatorOptions { ValidationInterval = TimeSpan.FromMinutes(1), TimeProvider = clock };

        Assert.Equal(due, SignInCheck.IsDue(options, Issued));
    }

    [Fact]
    public void A_cookie_without_a_time_of_issue_is_always_checked()
    {
        var options = new SecurityStampValidatorOptions { ValidationInterval = TimeSpan.FromMinutes(1), TimeProvider = new FakeTimeProvider(Issued) };

        Assert.True(SignInCheck.IsDue(options, issuedUtc: null));
    }
}
