using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// The sign-in cookie's reader, except that a cookie already read once on this instance is not decrypted again for the
/// next <see cref="KeptFor"/>. Decrypting it (data protection's AES and HMAC, with a key derived for each cookie) was the
/// largest single cost of a signed-in page: about a seventh of the bare page signed in (docs/performance.md).
/// <para>
/// What is kept is the ticket as ASP.NET Core read it, serialized; each request gets a ticket and principal of its own,
/// so nothing one request changes is seen by another. It is found only by the digest of exactly the same cookie text, and
/// kept only after the inner reader has decrypted and verified that cookie: a changed or forged cookie is never found, and
/// goes to the inner reader, which refuses it. Everything that is checked after reading is still checked on every request,
/// because the handler does it on the ticket returned: its expiry, and the once-a-minute security-stamp check
/// (<see cref="SignInCheck"/>), which signs a person out everywhere. The one difference: a data-protection key revoked
/// by hand stops a cookie already read on this instance within <see cref="KeptFor"/>, rather than at once.
/// </para>
/// </summary>
public sealed class KeptSignInTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    /// <summary>Most tickets kept on one instance; each entry is a 32-byte digest and a ticket of about 1 KB.</summary>
    public const int MostKept = 20_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MostKept });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = Key(protectedText, purpose);
        if (_tickets.TryGetValue(key, out byte[]? kept) && kept is not null)
        {
            return TicketSerializer.Default.Deserialize(kept);
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, TicketSerializer.Default.Serialize(ticket), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return ticket;
    }

    public void Dispose() => _tickets.Dispose();

    private static string Key(string protectedText, string? purpose) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(purpose is null ? protectedText : purpose + "\n" + protectedText)));

    /// <summary>Puts <see cref="KeptSignInTickets"/> around the reader of Identity's sign-in cookie, after ASP.NET Core has made it.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, WrapSignInCookieReader>();

    private sealed class WrapSignInCookieReader : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is { } reader and not KeptSignInTickets)
            {
                options.TicketDataFormat = new KeptSignInTickets(reader);
            }
        }
    }
}
