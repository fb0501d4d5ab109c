using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: a controller in namespace
/// <c>GrantsHub.Web.Features.Rounds</c> renders <c>/Features/Rounds/{view}.cshtml</c>.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            const string marker = ".Features.";
            var at = ns.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                context.Values[Key] = ns[(at + marker.Length)..].Split('.')[0];
            }
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
