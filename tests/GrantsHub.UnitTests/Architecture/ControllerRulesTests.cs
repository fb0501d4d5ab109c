using System.Reflection;
using GrantsHub.Web.Features.Home;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantsHub.UnitTests.Architecture;

/// <summary>Security by construction: rules every controller action must follow, checked by reflection.</summary>
public sealed class ControllerRulesTests
{
    /// <summary>Actions allowed to skip antiforgery, each with the reason.</summary>
    private static readonly Dictionary<string, string> AntiforgeryExemptions = new()
    {
        // Re-executed by the status-code middleware for failed requests, including a POST whose token
        // was rejected; it renders an error page and changes nothing.
        [$"{nameof(ErrorsController)}.{nameof(ErrorsController.Show)}"] = "error page",
    };

    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var action in AllActions())
        {
            data.Add($"{action.DeclaringType!.Name}.{action.Name}");
        }

        return data;
    }

    private static IEnumerable<MethodInfo> AllActions() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null)
            .Distinct();

    private static MethodInfo Find(string name) => AllActions().First(a => $"{a.DeclaringType!.Name}.{a.Name}" == name);

    [Fact]
    public void There_are_controller_actions_to_check() => Assert.True(AllActions().Count() >= 10);

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_names_a_policy_or_allows_anonymous_explicitly(string name)
    {
        foreach (var action in AllActions().Where(a => $"{a.DeclaringType!.Name}.{a.Name}" == name))
        {
            var attributes = action.GetCustomAttributes(inherit: true).Concat(action.DeclaringType!.GetCustomAttributes(inherit: true)).ToList();
            var anonymous = attributes.OfType<AllowAnonymousAttribute>().Any();
            var policies = attributes.OfType<AuthorizeAttribute>().Select(a => a.Policy).ToList();

            Assert.True(anonymous || policies.Count > 0, $"{name} says neither [Authorize(Policy = ...)] nor [AllowAnonymous].");
            Assert.False(anonymous && policies.Count > 0, $"{name} says both [AllowAnonymous] and [Authorize]: which is meant?");
            Assert.All(policies, p => Assert.False(string.IsNullOrEmpty(p), $"{name} has [Authorize] without a policy."));
            Assert.All(policies, p => Assert.NotNull(typeof(Policies).GetField(p!)));
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void No_action_skips_antiforgery(string name)
    {
        var action = Find(name);
        var skips = action.GetCustomAttributes<IgnoreAntiforgeryTokenAttribute>(inherit: true).Any()
            || action.DeclaringType!.GetCustomAttributes<IgnoreAntiforgeryTokenAttribute>(inherit: true).Any();

        Assert.True(!skips || AntiforgeryExemptions.ContainsKey(name), $"{name} skips antiforgery validation.");
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_states_its_http_method(string name)
    {
        var action = Find(name);
        var methods = action.GetCustomAttributes<HttpMethodAttribute>(inherit: true).ToList();

        Assert.True(methods.Count > 0 || AntiforgeryExemptions.ContainsKey(name), $"{name} answers any HTTP method; say [HttpGet] or [HttpPost].");
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Actions_bind_view_models_never_entities(string name)
    {
        var domain = typeof(GrantsHub.Domain.Funders.Funder).Assembly;
        var infrastructure = typeof(GrantsHub.Infrastructure.Persistence.GrantsHubDbContext).Assembly;
        foreach (var parameter in Find(name).GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            Assert.False(type.Assembly == domain && !type.IsEnum, $"{name} binds the entity {type.Name}; bind a view model.");
            Assert.False(type.Assembly == infrastructure, $"{name} binds {type.Name}; bind a view model.");
        }
    }

    [Fact]
    public void Antiforgery_is_validated_on_every_unsafe_request_by_a_global_filter()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", WebRootPath = WebRoot.Locate(AppContext.BaseDirectory) });
        builder.AddGrantsHub();
        using var services = builder.Services.BuildServiceProvider();

        var filters = services.GetRequiredService<IOptions<MvcOptions>>().Value.Filters;
        Assert.Contains(filters, f => f is AutoValidateAntiforgeryTokenAttribute);
    }
}
