using GrantsHub.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRoot.Locate(Directory.GetCurrentDirectory()),
});

builder.AddGrantsHub();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseGrantsHub();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
