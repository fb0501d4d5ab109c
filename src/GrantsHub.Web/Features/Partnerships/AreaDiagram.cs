namespace GrantsHub.Web.Features.Partnerships;

public sealed record DiagramNode(double X, double Y, string Label, string Title, string CssClass);

public sealed record DiagramLink(double X1, double Y1, double X2, double Y2, string CssClass);

/// <summary>
/// The layout of an area's partnerships as a two-column diagram drawn as SVG on the server: lead
/// organisations on the left, their partners on the right, a line for each partnership. Styling is
/// by class in site.css, so it needs no script and no inline style.
/// </summary>
public sealed record AreaDiagram(string Id, double Width, double Height, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramLink> Links)
{
    public const double NodeWidth = 250;
    public const double NodeHeight = 34;
    private const double Gap = 14;
    private const double RightX = 400;
    private const int MaximumLabel = 34;

    public static AreaDiagram Of(string areaCode, IReadOnlyList<MapAgreement> agreements)
    {
        var leads = agreements.Select(a => a.LeadName).Distinct().ToList();
        var partners = agreements.SelectMany(a => a.Partners).DistinctBy(p => (p.Name, p.OnGrantsHub)).ToList();
        double Top(int index) => Gap + index * (NodeHeight + Gap);
        var nodes = leads.Select((name, i) => new DiagramNode(0, Top(i), Shorten(name), name, "map-node map-node-lead"))
            .Concat(partners.Select((p, i) => new DiagramNode(RightX, Top(i), Shorten(p.Name), $"{p.Name} ({p.Kind})",
                p.OnGrantsHub ? "map-node map-node-organisation" : "map-node map-node-external")))
            .ToList();
        var links = agreements.SelectMany(a => a.Partners.Select(p => new DiagramLink(
            NodeWidth, Top(leads.IndexOf(a.LeadName)) + NodeHeight / 2,
            RightX, Top(partners.FindIndex(x => x.Name == p.Name && x.OnGrantsHub == p.OnGrantsHub)) + NodeHeight / 2,
            a.Current ? "map-link" : "map-link map-link-ended"))).ToList();
        var rows = Math.Max(leads.Count, partners.Count);
        return new AreaDiagram($"diagram-{areaCode}", RightX + NodeWidth, Top(rows), nodes, links);
    }

    private static string Shorten(string name) => name.Length <= MaximumLabel ? name : string.Concat(name.AsSpan(0, MaximumLabel - 1), "…");
}
