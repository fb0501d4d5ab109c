using GrantsHub.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.UnitTests.Web;

public sealed class KeptUntilChangeTests : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly object _key = (nameof(KeptUntilChangeTests), Guid.NewGuid());
    private int _workingsOut;

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task Views_that_ask_while_figures_are_worked_out_wait_for_that_one_working_out()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(release.Task, "figures"));
        var second = _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(release.Task, "figures again"));
        var third = _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(release.Task, "figures again"));
        Assert.False(second.IsCompleted);
        release.SetResult();

        Assert.Equal(["figures", "figures", "figures"], await Task.WhenAll(first, second, third));
        Assert.Equal(1, _workingsOut);
        Assert.Equal("figures", await _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(Task.CompletedTask, "not asked")));
        Assert.Equal(1, _workingsOut);
    }

    [Fact]
    public async Task A_working_out_that_fails_fails_everyone_waiting_for_it_and_is_not_kept()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _cache.GetOrWorkOutAsync<string>(_key, 1L, async () =>
        {
            await release.Task;
            throw new InvalidOperationException("the database went away");
        });
        var waiting = _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(Task.CompletedTask, "not asked"));
        release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Equal("worked out afresh", await _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(Task.CompletedTask, "worked out afresh")));
        Assert.Equal(1, _workingsOut);
    }

    [Fact]
    public async Task Another_cache_with_the_same_key_works_out_its_own_figures()
    {
        using var otherApp = new MemoryCache(new MemoryCacheOptions());
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _cache.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(release.Task, "this app's figures"));

        var other = otherApp.GetOrWorkOutAsync(_key, 1L, () => WorkOutAsync(Task.CompletedTask, "the other app's figures"));
        var otherWaited = !other.IsCompleted;
        release.SetResult();

        Assert.False(otherWaited, "The other cache waited for this cache's working-out.");
        Assert.Equal("the other app's figures", await other);
        Assert.Equal("this app's figures", await first);
        Assert.Equal(2, _workingsOut);
    }

    [Fact]
    public async Task Figures_of_a_newer_version_are_worked_out_afresh_and_replace_the_ones_before()
    {
        Assert.Equal("version 1", await _cache.GetOrWorkOutAsync(_key, (1L, "2026-03-29"), () => WorkOutAsync(Task.CompletedTask, "version 1")));
        Assert.Equal("version 1", await _cache.GetOrWorkOutAsync(_key, (1L, "2026-03-29"), () => WorkOutAsync(Task.CompletedTask, "not asked")));

        Assert.Equal("version 2", await _cache.GetOrWorkOutAsync(_key, (2L, "2026-03-29"), () => WorkOutAsync(Task.CompletedTask, "version 2")));
        Assert.Equal("the next day", await _cache.GetOrWorkOutAsync(_key, (2L, "2026-03-30"), () => WorkOutAsync(Task.CompletedTask, "the next day")));

        Assert.Equal(3, _workingsOut);
        Assert.Equal(1, _cache.Count); // one entry for the scope, not one for each version seen
    }

    [Fact]
    public async Task Each_scope_keeps_its_own_figures()
    {
        object other = (nameof(KeptUntilChangeTests), Guid.NewGuid());
        Assert.Equal("this scope", await _cache.GetOrWorkOutAsync(_key, 7L, () => WorkOutAsync(Task.CompletedTask, "this scope")));
        Assert.Equal("that scope", await _cache.GetOrWorkOutAsync(other, 7L, () => WorkOutAsync(Task.CompletedTask, "that scope")));

        Assert.Equal("this scope", await _cache.GetOrWorkOutAsync(_key, 7L, () => WorkOutAsync(Task.CompletedTask, "not asked")));
        Assert.Equal(2, _workingsOut);
    }

    private async Task<string> WorkOutAsync(Task release, string figures)
    {
        Interlocked.Increment(ref _workingsOut);
        await release;
        return figures;
    }
}
