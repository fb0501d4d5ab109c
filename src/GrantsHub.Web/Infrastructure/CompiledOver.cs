using System.Linq.Expressions;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Compiles a query once over a rule of who may see what (an access rule written as an expression), so the rule stays
/// written in one place while the page's query skips EF's per-call work: walking the query for its values, hashing it
/// to find its translation, and building it. That work grows with the query, and for a page's main query with a large
/// projection it cost more than the SQL (the moderation table: 714 µs → 493 µs a view when its one query was compiled).
/// </summary>
public static class CompiledOver
{
    /// <summary>
    /// <paramref name="query"/> over the rows <paramref name="visible"/> gives for a key (a user's id, a funder's id),
    /// compiled once: call the result with the context, the key and the argument.
    /// </summary>
    public static Func<GrantsHubDbContext, TKey, TArgument, Task<TResult>> OneOrNone<TRow, TKey, TArgument, TResult>(
        Expression<Func<GrantsHubDbContext, TKey, IQueryable<TRow>>> visible,
        Expression<Func<IQueryable<TRow>, GrantsHubDbContext, TArgument, TResult>> query)
    {
        var context = visible.Parameters[0];
        return EF.CompileAsyncQuery(Expression.Lambda<Func<GrantsHubDbContext, TKey, TArgument, TResult>>(
            Spliced(query, visible.Body, context), context, visible.Parameters[1], query.Parameters[2]));
    }

    /// <summary><paramref name="query"/> (a list) over the rows <paramref name="visible"/> gives for a key, compiled once.</summary>
    public static Func<GrantsHubDbContext, TKey, IAsyncEnumerable<TResult>> Many<TRow, TKey, TResult>(
        Expression<Func<GrantsHubDbContext, TKey, IQueryable<TRow>>> visible,
        Expression<Func<IQueryable<TRow>, GrantsHubDbContext, IQueryable<TResult>>> query)
    {
        var context = visible.Parameters[0];
        return EF.CompileAsyncQuery(Expression.Lambda<Func<GrantsHubDbContext, TKey, IQueryable<TResult>>>(
            Spliced(query, visible.Body, context), context, visible.Parameters[1]));
    }

    /// <summary>
    /// <paramref name="query"/> (a list, for an argument such as the id of the thing shown) over the rows
    /// <paramref name="visible"/> gives for a key, compiled once.
    /// </summary>
    public static Func<GrantsHubDbContext, TKey, TArgument, IAsyncEnumerable<TResult>> Many<TRow, TKey, TArgument, TResult>(
        Expression<Func<GrantsHubDbContext, TKey, IQueryable<TRow>>> visible,
        Expression<Func<IQueryable<TRow>, GrantsHubDbContext, TArgument, IQueryable<TResult>>> query)
    {
        var context = visible.Parameters[0];
        return EF.CompileAsyncQuery(Expression.Lambda<Func<GrantsHubDbContext, TKey, TArgument, IQueryable<TResult>>>(
            Spliced(query, visible.Body, context), context, visible.Parameters[1], query.Parameters[2]));
    }

    /// <summary>The same, for a rule with two keys (a user's id and the organisation they act for).</summary>
    public static Func<GrantsHubDbContext, TKey1, TKey2, TArgument, IAsyncEnumerable<TResult>> Many<TRow, TKey1, TKey2, TArgument, TResult>(
        Expression<Func<GrantsHubDbContext, TKey1, TKey2, IQueryable<TRow>>> visible,
        Expression<Func<IQueryable<TRow>, GrantsHubDbContext, TArgument, IQueryable<TResult>>> query)
    {
        var context = visible.Parameters[0];
        return EF.CompileAsyncQuery(Expression.Lambda<Func<GrantsHubDbContext, TKey1, TKey2, TArgument, IQueryable<TResult>>>(
            Spliced(query, visible.Body, context), context, visible.Parameters[1], visible.Parameters[2], query.Parameters[2]));
    }

    /// <summary>
    /// The body of <paramref name="query"/> (whose first two parameters are its rows and the database) with
    /// <paramref name="rows"/> put in for the rows and <paramref name="context"/> for the database.
    /// </summary>
    internal static Expression Spliced(LambdaExpression query, Expression rows, ParameterExpression context) =>
        new Splice(query.Parameters[0], rows, query.Parameters[1], context).Visit(query.Body);

    private sealed class Splice(ParameterExpression rows, Expression visible, ParameterExpression db, ParameterExpression context) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == rows ? visible : node == db ? context : base.VisitParameter(node);
    }
}
