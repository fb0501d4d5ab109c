using System.ComponentModel.DataAnnotations;

namespace GrantsHub.Web.Infrastructure;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Where people reach this instance; used for links in emails sent by background jobs.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Seed the demo funder, organisations and accounts into an empty database.</summary>
    public bool SeedDemoData { get; set; }
}
