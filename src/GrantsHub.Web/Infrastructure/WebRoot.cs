namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// The one web root is the repository's top-level wwwroot. Published output carries a copy beside
/// the app; from source (dotnet run, tests) it is found by walking up to the solution folder.
/// </summary>
public static class WebRoot
{
    public static string Locate(string contentRoot)
    {
        var beside = Path.Combine(contentRoot, "wwwroot");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GrantsHub.sln")))
            {
                return Path.Combine(dir.FullName, "wwwroot");
            }
        }

        throw new DirectoryNotFoundException($"No wwwroot beside {contentRoot} nor at the top of the repository.");
    }
}
