using System.Collections.Concurrent;
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

    /// <summary>
    /// The minute of <paramref name="at"/>, for the version of what depends on the time (a round that has just closed):
    /// kept for the minute, since deadlines are set to the minute.
    /// </summary>
    public static long MinuteOf(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    // The workings-out under way, by cache and key: each app has its own cache, and two apps in one process (the tests
    // run many) may use the same key for figures from different databases.
    private static readonly ConcurrentDictionary<(IMemoryCache Cache, object Key), Task> Running = new();

    /// <summary>
    /// The figures kept for <paramref name="scope"/> at <paramref name="version"/> (the data's version, and anything else
    /// they depend on, such as the UK date), or works them out once: views that ask while they are being worked out wait
    /// for that one working-out rather than each starting their own (after a change, every dashboard open at the time
    /// would otherwise work out the same figures at once). A working-out that fails is not kept.
    /// <para>
    /// One entry is kept per scope: figures of a newer version replace those of the one before, rather than every
    /// version's staying until it expires (while changes are saved every second, each version viewed would otherwise
    /// hold its own copy for <see cref="AtMost"/>).
    /// </para>
    /// </summary>
    public static async Task<T> GetOrWorkOutAsync<T>(this IMemoryCache cache, object scope, object version, Func<Task<T>> workOut)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(version);
        if (TryGetKept(cache, scope, version, out T? kept))
        {
            return kept;
        }

        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = (cache, (object)(scope, version));
        var running = Running.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            return await (Task<T>)running;
        }

        try
        {
            // Another working-out may have finished between the first look and taking this one on.
            if (!TryGetKept(cache, scope, version, out kept))
            {
                kept = await workOut();
                cache.Set(scope, new Kept<T>(version, kept), AtMost);
            }

            mine.SetResult(kept);
            return kept;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed here, so no one waiting is not an unobserved-task error
            throw;
        }
        finally
        {
            Running.TryRemove(new KeyValuePair<(IMemoryCache, object), Task>(key, mine.Task));
        }
    }

    private static bool TryGetKept<T>(IMemoryCache cache, object scope, object version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : notnull
    {
        if (cache.TryGetValue(scope, out Kept<T>? kept) && kept is not null && kept.Version.Equals(version))
        {
            value = kept.Value;
            return true;
        }

        value = default;
        return false;
    }

    private sealed record Kept<T>(object Version, T Value);
}
