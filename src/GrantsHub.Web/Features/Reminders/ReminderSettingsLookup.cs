using GrantsHub.Domain.Reminders;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>Every funder's lead times in one query; funders that never changed them get the defaults.</summary>
public sealed class ReminderSettingsLookup
{
    private static readonly FunderReminderSettings Defaults = new();
    private readonly Dictionary<int, FunderReminderSettings> _byFunder;

    private ReminderSettingsLookup(Dictionary<int, FunderReminderSettings> byFunder) => _byFunder = byFunder;

    // Compiled once: most reminder scans start with it.
    private static readonly Func<GrantsHubDbContext, IAsyncEnumerable<FunderReminderSettings>> All =
        EF.CompileAsyncQuery((GrantsHubDbContext db) => db.FunderReminderSettings.AsNoTracking());

    public static async Task<ReminderSettingsLookup> LoadAsync(GrantsHubDbContext db, CancellationToken cancellationToken) =>
        new(await All(db).ToDictionaryAsync(s => s.FunderId, cancellationToken: cancellationToken));

    public FunderReminderSettings For(int funderId) => _byFunder.GetValueOrDefault(funderId) ?? Defaults;

    /// <summary>The longest lead any funder uses for <paramref name="lead"/>, plus a day, to bound a scan's window.</summary>
    public TimeSpan Horizon(Func<FunderReminderSettings, int> lead) =>
        TimeSpan.FromDays(_byFunder.Values.Append(Defaults).Max(lead) + 2);
}
