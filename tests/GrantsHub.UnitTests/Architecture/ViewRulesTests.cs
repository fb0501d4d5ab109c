using System.Text.RegularExpressions;

namespace GrantsHub.UnitTests.Architecture;

/// <summary>Rules for the Razor views, checked on their source.</summary>
public sealed partial class ViewRulesTests
{
    private static string WebProject()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrantsHub.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("GrantsHub.sln not found above the test's folder"), "src", "GrantsHub.Web");
    }

    /// <summary>
    /// <c>asp-for="Rows[i].Name"</c> captures the loop's index, so MVC cannot reuse the expression and compiles a new one
    /// for every field of every row on each view: the criteria page took about 20 ms a view for six rows. Rows are plain
    /// inputs named by index instead, with <c>&lt;field-error&gt;</c> for their messages (see the scoring form).
    /// </summary>
    [Fact]
    public void No_view_binds_a_field_through_an_index_in_asp_for()
    {
        var views = Directory.GetFiles(WebProject(), "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(views);
        var found = views
            .SelectMany(view => File.ReadAllLines(view).Select((line, i) => (view, line, number: i + 1)))
            .Where(x => IndexedAspFor().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(WebProject(), x.view)}:{x.number}")
            .ToList();
        Assert.Empty(found);
    }

    [GeneratedRegex("""asp-for="[^"]*\[""")]
    private static partial Regex IndexedAspFor();
}
