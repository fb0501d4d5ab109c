using System.Security.Cryptography;
using System.Text;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Secrets for emailed invitation links. Only the SHA-256 of a token is stored, so a leaked database
/// cannot be used to accept invitations. Tokens are lower-case hex so the app's lower-case URLs keep them intact.
/// </summary>
public static class InvitationTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
