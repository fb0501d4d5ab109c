using Microsoft.AspNetCore.Identity;

namespace GrantsHub.Infrastructure.Identity;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for funder staff: the one funder they work for.</summary>
    public int? FunderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
