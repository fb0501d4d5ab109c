namespace GrantsHub.Web.Infrastructure;

/// <summary>For the shared _Pagination partial: where we are and how to link to another page.</summary>
public sealed record PaginationModel(int Page, int Pages, Func<int, string> Link);
