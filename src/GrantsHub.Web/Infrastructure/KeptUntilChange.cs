using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Figures that are costly to work out and kept on each app instance until anything is saved. The caller puts the data's
/// version (<see cref="GrantsHub.Infrastructure.Persistence.GrantsHubDbContext.DataVersionAsync"/>) in the key, so any
/// change saved on any instance makes the next view work them out afresh; <see cref="AtMost"/> is only a backstop for
/// changes made outside the app.
/// </summary>
public static class KeptUntilChange
{
    public static readonly TimeSpan AtMost = TimeSpan.FromMinutes(10);

    public static async Task<T> GetOrWorkOutAsync<T>(this IMemoryCache cache, object key, Func<Task<T>> workOut)
        where T : notnull
    {
        if (cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }

        kept = await workOut();
        cache.Set(key, kept, AtMost);
        return kept;
    }
}
