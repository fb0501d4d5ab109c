using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's antiforgery, except that the form token of a page is made once for a browser and a person and then
/// reused, rather than made again for every page that has a form (and every signed-in page has one: the sign-out button).
/// Making one decrypts the browser's antiforgery cookie, works out the person's claims' digest and encrypts a new token:
/// about 60 µs, a fifth of a plain signed-in page.
/// <para>
/// A token is only a statement that "this browser's cookie token, for this person": ASP.NET Core makes a new one each time
/// only because its encryption is randomised. Reusing one is what a browser does when it posts a form from a page it
/// loaded earlier, and what kept pages (<see cref="KeptPageFilter"/>) already do. A token is reused only for exactly the
/// same antiforgery cookie and exactly the same claims of the signed-in person (or nobody signed in); it is kept only after
/// ASP.NET Core itself has read that cookie as valid and made the token from it, and for at most
/// <see cref="KeptFor"/>. Checking a posted token is left entirely to ASP.NET Core. GrantsHub adds no data of its own to
/// tokens (<see cref="IAntiforgeryAdditionalDataProvider"/>); if it ever does, this must go.
/// </para>
/// </summary>
public sealed class ReusedRequestTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly AntiforgeryOptions _options = options.Value;

    // A count, not bytes: each entry is a 32-byte digest and a token of about 200 characters.
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    // The tokens of the request being answered: a page with several forms asks once for each.
    private static readonly object ThisRequest = new();

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(ThisRequest, out var given) && given is AntiforgeryTokenSet same)
        {
            return same;
        }

        var tokens = ReusedOrMade(httpContext);
        httpContext.Items[ThisRequest] = tokens;
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _tokens.Dispose();

    private AntiforgeryTokenSet ReusedOrMade(HttpContext httpContext)
    {
        var key = Key(httpContext);
        if (key is not null && _tokens.TryGetValue(key, out string? requestToken) && requestToken is not null)
        {
            if (!httpContext.Response.HasStarted)
            {
                NeverStore(httpContext.Response.Headers);
            }

            return new AntiforgeryTokenSet(requestToken, cookieToken: null, _options.FormFieldName, _options.HeaderName);
        }

        var tokens = inner.GetAndStoreTokens(httpContext);

        // No new cookie token: ASP.NET Core read the browser's own cookie as valid and made the token from it.
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            _tokens.Set(key, tokens.RequestToken, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return tokens;
    }

    /// <summary>The browser's antiforgery cookie and every claim of every signed-in identity, digested; null without a cookie.</summary>
    private string? Key(HttpContext httpContext)
    {
        if (!httpContext.Request.Cookies.TryGetValue(_options.Cookie.Name!, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        var key = new StringBuilder(cookie);
        foreach (var identity in httpContext.User.Identities.Where(i => i.IsAuthenticated))
        {
            key.Append('\n').Append(identity.AuthenticationType).Append('\n').Append(identity.Name);
            foreach (var claim in identity.Claims)
            {
                key.Append('\n').Append(claim.Type).Append('\t').Append(claim.Value).Append('\t').Append(claim.Issuer);
            }
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    /// <summary>A page carrying a token must never be stored by a browser or a proxy (as ASP.NET Core's antiforgery ensures).</summary>
    private static void NeverStore(IHeaderDictionary headers)
    {
        if (!CacheControlHeaderValue.TryParse(headers.CacheControl.ToString(), out var cacheControl) || !cacheControl.NoCache || !cacheControl.NoStore)
        {
            headers.CacheControl = "no-cache, no-store";
        }

        if (!string.Equals(headers.Pragma.ToString(), "no-cache", StringComparison.OrdinalIgnoreCase))
        {
            headers.Pragma = "no-cache";
        }
    }

    /// <summary>Wraps the antiforgery service that <c>AddAntiforgery</c> registered.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("Expected ASP.NET Core's antiforgery service to be registered by type.");
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(sp => new ReusedRequestTokens(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, implementation), sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }
}
