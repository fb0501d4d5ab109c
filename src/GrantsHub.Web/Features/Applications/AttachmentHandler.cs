using System.Security.Claims;
using GrantsHub.Domain.Common;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.Applications;

public sealed record DownloadableFile(string FileName, string ContentType, byte[] Content);

/// <summary>Hands out an attachment only to members of the applying organisation and to staff of the round's funder.</summary>
public sealed class AttachmentHandler(GrantsHubDbContext db, IFileStore files)
{
    public async Task<DownloadableFile?> FindAsync(ClaimsPrincipal user, int applicationId, int attachmentId)
    {
        var userId = user.GetUserId();
        var funderId = user.IsInRole(Roles.FunderAdmin) || user.IsInRole(Roles.FunderViewer) ? user.GetFunderId() : null;
        var attachment = await db.Attachments.AsNoTracking()
            .Where(f => f.Id == attachmentId && f.ApplicationId == applicationId)
            .Where(f => db.Applications.Any(a => a.Id == f.ApplicationId
                && (a.Organisation!.Members.Any(m => m.UserId == userId) || (funderId != null && a.Round!.Programme!.FunderId == funderId))))
            .Select(f => new { f.FileName, f.ContentType, f.StorageKey })
            .SingleOrDefaultAsync();
        if (attachment is null)
        {
            return null;
        }

        var content = await files.ReadAsync(attachment.StorageKey);
        return content is null ? null : new DownloadableFile(attachment.FileName, attachment.ContentType, content);
    }
}
