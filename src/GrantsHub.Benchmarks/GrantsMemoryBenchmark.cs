using System.Globalization;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.Benchmarks;

/// <summary>
/// Streams each funder's published grants.json (publishing first where needed) and records the most live
/// managed memory above the starting point at any moment of the stream: at every write the probe forces a full
/// collection and reads what is left. As a control that the probe sees buffering, the largest funder's package
/// is also written into a MemoryStream, which is what building the whole response in memory would cost.
/// </summary>
public static class GrantsMemoryBenchmark
{
    public static async Task RunAsync(IServiceProvider services, TextWriter output)
    {
        List<(int Id, string? UserId)> funders;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
            funders = (await db.Funders.AsNoTracking().OrderBy(f => f.Id)
                    .Select(f => new { f.Id, UserId = db.Users.Where(u => u.FunderId == f.Id).OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefault() })
                    .ToListAsync())
                .Select(f => (f.Id, f.UserId)).ToList();
        }

        if (funders.Count > 0)
        {
            await MeasureAsync(services, funders[0].Id, funders[0].UserId, buffered: false); // warms the connection pool and EF's caches, which stay
        }

        output.WriteLine("  grants.json: live memory while streaming, against the number of grants (target: flat)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"funder",6} {"grants",7} {"MB out",7} {"allocated MB",13} {"peak live KB",13}"));
        var results = new List<(int Funder, int Grants, long PeakLive)>();
        foreach (var (id, userId) in funders)
        {
            var (grants, written, allocated, peak) = await MeasureAsync(services, id, userId, buffered: false);
            if (grants == 0)
            {
                continue;
            }

            results.Add((id, grants, peak));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {id,6} {grants,7:N0} {written / 1048576.0,7:F1} {allocated / 1048576.0,13:F1} {peak / 1024.0,13:N0}"));
        }

        // A reading of 0 means live memory never rose above where it started during that stream (a collection freed more
        // than the stream held): no growth, but no divisor either. The smallest funder is the smallest with a reading.
        var readable = results.Where(r => r.PeakLive > 0).ToList();
        if (readable.Count < results.Count)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {results.Count - readable.Count} funder(s) read 0 KB (live memory never rose above the start of the stream); left out as the smallest"));
        }

        if (results.Count > 1 && readable.Count > 0)
        {
            var smallest = readable.MinBy(r => r.Grants);
            var largest = results.MaxBy(r => r.Grants);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  peak live memory, largest funder / smallest: {largest.PeakLive / (double)smallest.PeakLive:F2} for {largest.Grants / (double)smallest.Grants:F1}x the grants"));
            var control = await MeasureAsync(services, largest.Funder, null, buffered: true);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  control, the largest funder's package buffered in memory: peak live {control.PeakLive / 1024.0:N0} KB"));
        }
    }

    private static async Task<(int Grants, long Written, long Allocated, long PeakLive)> MeasureAsync(IServiceProvider services, int funderId, string? userId, bool buffered)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<OpenDataPublisher>();
        var snapshot = await publisher.PublishedAsync(funderId);
        if (snapshot is null && userId is not null)
        {
            var made = await publisher.RegenerateAsync(funderId);
            if (await publisher.PublishAsync(funderId, made.Id, userId) is null)
            {
                await db.SaveChangesAsync();
            }

            snapshot = await publisher.PublishedAsync(funderId);
        }

        if (snapshot is null)
        {
            return (0, 0, 0, 0);
        }

        var who = await publisher.PublisherAsync(funderId);
        db.ChangeTracker.Clear();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await using var probe = new LiveMemoryProbe(baseline, buffered ? new MemoryStream() : null);
        await publisher.WritePackageAsync(snapshot, who, string.Create(CultureInfo.InvariantCulture, $"http://localhost/funders/{funderId}/grants.json"), probe, CancellationToken.None);
        probe.Sample();
        return (snapshot.GrantCount, probe.Length, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, probe.PeakLive);
    }

    /// <summary>A write-only stream that counts bytes, optionally keeps them, and samples live memory at each write.</summary>
    private sealed class LiveMemoryProbe(long baseline, MemoryStream? keep) : Stream
    {
        private long _length;

        public long PeakLive { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public void Sample() => PeakLive = Math.Max(PeakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            keep?.Write(buffer);
            _length += buffer.Length;
            Sample();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                keep?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
