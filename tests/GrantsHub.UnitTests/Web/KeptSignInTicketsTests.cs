using System.Security.Claims;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace GrantsHub.UnitTests.Web;

public sealed class KeptSignInTicketsTests
{
    private static readonly DateTimeOffset Issued = new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

    /// <summary>Data protection's own cookie reader, counting the cookies it is asked to decrypt.</summary>
    private sealed class CountingReader(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decrypted { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    private static (KeptSignInTickets Kept, CountingReader Inner) Reader()
    {
        var inner = new CountingReader(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("sign-in tests")));
        return (new KeptSignInTickets(inner), inner);
    }

    private static AuthenticationTicket Ticket(string email)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, "FunderAdmin")], "Identity.Application");
        var properties = new AuthenticationProperties { IssuedUtc = Issued, ExpiresUtc = Issued.AddHours(8), IsPersistent = false };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Identity.Application");
    }

    [Fact]
    public void A_cookie_read_again_gives_the_same_person_and_expiry_without_decrypting_it_again()
    {
        var (kept, inner) = Reader();
        var cookie = kept.Protect(Ticket("funder@example.org"));

        var first = kept.Unprotect(cookie);
        var again = kept.Unprotect(cookie);

        Assert.Equal(1, inner.Decrypted);
        foreach (var ticket in new[] { first, again })
        {
            Assert.NotNull(ticket);
            Assert.Equal("funder@example.org", ticket.Principal.FindFirstValue(ClaimTypes.Email));
            Assert.True(ticket.Principal.IsInRole("FunderAdmin"));
            Assert.Equal(Issued.AddHours(8), ticket.Properties.ExpiresUtc);
            Assert.Equal(Issued, ticket.Properties.IssuedUtc);
        }
    }

    [Fact]
    public void Each_read_gets_a_ticket_of_its_own_so_one_request_changing_its_person_changes_nobody_elses()
    {
        var (kept, _) = Reader();
        var cookie = kept.Protect(Ticket("funder@example.org"));

        var first = kept.Unprotect(cookie)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "PlatformAdmin"));
        first.Properties.ExpiresUtc = Issued.AddYears(1);
        var next = kept.Unprotect(cookie)!;

        Assert.NotSame(first.Principal, next.Principal);
        Assert.False(next.Principal.IsInRole("PlatformAdmin"));
        Assert.Equal(Issued.AddHours(8), next.Properties.ExpiresUtc);
    }

    [Fact]
    public void A_changed_or_forged_cookie_is_refused_even_once_the_real_one_has_been_read()
    {
        var (kept, inner) = Reader();
        var cookie = kept.Protect(Ticket("funder@example.org"));
        Assert.NotNull(kept.Unprotect(cookie));

        var middle = cookie.Length / 2;
        var changed = cookie[..middle] + (cookie[middle] == 'A' ? 'B' : 'A') + cookie[(middle + 1)..];

        Assert.Null(kept.Unprotect(changed));
        Assert.Null(kept.Unprotect(changed)); // a refusal is not remembered as anything
        Assert.Null(kept.Unprotect("forged-by-somebody-else"));
        Assert.Null(kept.Unprotect(cookie + "x"));
        Assert.Equal(5, inner.Decrypted);
    }

    [Fact]
    public void A_cookie_made_by_another_key_ring_is_refused()
    {
        var (kept, _) = Reader();
        var (other, _) = Reader();
        var elsewhere = other.Protect(Ticket("funder@example.org"));

        Assert.NotNull(other.Unprotect(elsewhere));
        Assert.Null(kept.Unprotect(elsewhere));
    }
}
