using System.Security.Cryptography;
using GrantsHub.Domain.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>Absolute links for emails sent outside a request, and signed unsubscribe tokens that work without signing in.</summary>
public sealed class ReminderLinks(IOptions<AppOptions> app, IDataProtectionProvider protection)
{
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("GrantsHub.Reminders.Unsubscribe.v1");

    public string Absolute(string path) => app.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>Null for essential kinds, which cannot be turned off.</summary>
    public string? Unsubscribe(string userId, ReminderKind kind) =>
        ReminderKinds.IsEssential(kind) ? null : Absolute("/unsubscribe?token=" + Uri.EscapeDataString(UnsubscribeToken(userId, kind)));

    public string UnsubscribeToken(string userId, ReminderKind kind) => _unsubscribe.Protect($"{kind}\n{userId}");

    /// <summary>The person and kind a token was made for, or null when it was not made here or was altered.</summary>
    public (string UserId, ReminderKind Kind)? ReadUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var parts = _unsubscribe.Unprotect(token).Split('\n', 2);
            return parts.Length == 2 && Enum.TryParse<ReminderKind>(parts[0], out var kind) && !ReminderKinds.IsEssential(kind) ? (parts[1], kind) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
