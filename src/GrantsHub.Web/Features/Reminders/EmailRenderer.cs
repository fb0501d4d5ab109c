using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace GrantsHub.Web.Features.Reminders;

/// <summary>What every email template gets: a subject and the person it is for.</summary>
public abstract class EmailModel
{
    public required string Subject { get; init; }
    public required string RecipientName { get; init; }
    /// <summary>
    /// Set by <see cref="ReminderWriter"/> for each reminder it writes (null for essential kinds). Signing the link costs
    /// more than everything else a scan does per reminder, so it is not done for reminders already sent.
    /// </summary>
    public string? UnsubscribeUrl { get; set; }
}

public sealed record RenderedEmail(string Html, string Text);

public interface IEmailRenderer
{
    /// <summary>
    /// Renders <c>{templatePath}.cshtml</c> (HTML, inside the email layout) and <c>{templatePath}.Text.cshtml</c>
    /// (plain text), e.g. template <c>/Features/Account/Emails/PasswordReset</c>.
    /// </summary>
    Task<RenderedEmail> RenderAsync<TModel>(string templatePath, TModel model) where TModel : EmailModel;
}

/// <summary>Renders Razor email templates outside a request, so background jobs can use them too.</summary>
public sealed class RazorEmailRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services) : IEmailRenderer
{
    public async Task<RenderedEmail> RenderAsync<TModel>(string templatePath, TModel model) where TModel : EmailModel
    {
        var html = await RenderViewAsync(templatePath + ".cshtml", model);
        var text = await RenderViewAsync(templatePath + ".Text.cshtml", model);
        return new RenderedEmail(html, System.Net.WebUtility.HtmlDecode(text).Trim() + Environment.NewLine);
    }

    private async Task<string> RenderViewAsync<TModel>(string path, TModel model)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var result = viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Email template {path} was not found.");
        }

        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, result.View, viewData, new TempDataDictionary(httpContext, tempData), writer, new HtmlHelperOptions());
        await result.View.RenderAsync(context);
        return writer.ToString();
    }
}

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IEmailRenderer, RazorEmailRenderer>();
        services.AddScoped<Outbox>();
        return services;
    }
}
