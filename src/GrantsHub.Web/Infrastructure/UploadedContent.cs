using GrantsHub.Infrastructure.Files;

namespace GrantsHub.Web.Infrastructure;

public static class UploadedContent
{
    /// <summary>
    /// The bytes of an upload, for <see cref="UploadRules.Problem"/>. An oversized file is never read
    /// into memory: a blank buffer just past the limit stands in for it, so the size rule refuses it.
    /// </summary>
    public static async Task<byte[]> ReadForChecksAsync(IFormFile file)
    {
        if (file.Length > UploadRules.MaxBytes)
        {
            return new byte[UploadRules.MaxBytes + 1];
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
