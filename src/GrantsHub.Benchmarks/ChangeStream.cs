using System.Globalization;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.Benchmarks;

/// <summary>
/// A steady stream of saved changes, for measuring pages while the data changes: <paramref name="perSecond"/> saves a
/// second for <paramref name="duration"/>, each in its own scope and transaction, as a person saving a form would. Each
/// is what every save adds (<see cref="GrantsHubDbContext.RecordChangeAsync"/>): it moves the data's version, so every
/// page kept until the data changes is drawn afresh at its next view, on every instance.
/// </summary>
public static class ChangeStream
{
    public static async Task RunAsync(IServiceProvider services, double perSecond, TimeSpan duration, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var saved = 0;
        var started = TimeProvider.System.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        while (TimeProvider.System.GetElapsedTime(started) < duration && await timer.WaitForNextTickAsync())
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>().RecordChangeAsync();
            saved++;
            if (saved % Math.Max(1, (int)perSecond) == 0) // about once a second, so a run stopped early still tells
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  changes saved: {saved} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s"));
                await output.FlushAsync();
            }
        }

        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  changes saved: {saved} in {seconds:0.0} s ({saved / seconds:0.0} a second)"));
    }
}
