using System.Security.Claims;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Awards;

/// <summary>Reads evidence and report files: only for members of the award's organisation or staff of its funder.</summary>
public sealed class AwardFileHandler(GrantsHubDbContext db, IFileStore files)
{
    public async Task<DownloadableFile?> FindForMemberAsync(ClaimsPrincipal user, int awardId, int fileId) =>
        await ReadAsync(db.AwardsOfMember(user.GetUserId()), awardId, fileId);

    public async Task<DownloadableFile?> FindForFunderAsync(ClaimsPrincipal user, int awardId, int fileId) =>
        await ReadAsync(db.AwardsOfFunder(user.RequireFunderId()), awardId, fileId);

    /// <summary>Every uploaded file of the form, read so it can be checked before anything is saved; oversized ones are cut to just over the limit.</summary>
    public static async Task<IReadOnlyList<UploadedFile>> ReadUploadsAsync(IFormFileCollection posted)
    {
        var uploads = new List<UploadedFile>();
        foreach (var file in posted.Where(f => f.Length > 0))
        {
            if (file.Length > UploadRules.MaxBytes)
            {
                uploads.Add(new UploadedFile(file.FileName, new byte[UploadRules.MaxBytes + 1]));
                continue;
            }

            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer);
            uploads.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return uploads;
    }

    private async Task<DownloadableFile?> ReadAsync(IQueryable<Domain.Awards.Award> visible, int awardId, int fileId)
    {
        var file = await db.AwardFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.AwardId == awardId && visible.Any(a => a.Id == f.AwardId))
            .Select(f => new { f.FileName, f.ContentType, f.StorageKey })
            .SingleOrDefaultAsync();
        var content = file is null ? null : await files.ReadAsync(file.StorageKey);
        return content is null ? null : new DownloadableFile(file!.FileName, file.ContentType, content);
    }
}
