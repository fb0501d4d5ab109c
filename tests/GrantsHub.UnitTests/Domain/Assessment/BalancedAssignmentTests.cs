using GrantsHub.Domain.Assessment;

namespace GrantsHub.UnitTests.Domain.Assessment;

/// <summary>Property-style: many random panels and conflicts from a fixed seed, the invariants checked on each.</summary>
public sealed class BalancedAssignmentTests
{
    private sealed record Case(int[] Apps, int[] Assessors, int Required, HashSet<Pairing> Conflicts, List<Pairing> Existing);

    private static IEnumerable<Case> RandomCases(int seed, int count, double conflictRate)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var apps = Enumerable.Range(1, random.Next(0, 25)).Select(a => a * 10).ToArray();
            var assessors = Enumerable.Range(1, random.Next(1, 8)).ToArray();
            var conflicts = apps.SelectMany(a => assessors.Where(_ => random.NextDouble() < conflictRate).Select(p => new Pairing(a, p))).ToHashSet();
            var existing = apps.SelectMany(a => assessors.Where(_ => random.NextDouble() < 0.2).Select(p => new Pairing(a, p))).ToList();
            yield return new Case(apps, assessors, random.Next(1, 4), conflicts, existing);
        }
    }

    private static Dictionary<int, int> Loads(Case c, IReadOnlyList<Pairing> result) =>
        c.Assessors.ToDictionary(p => p, p => result.Count(r => r.AssessorId == p));

    [Fact]
    public void Every_application_gets_the_required_assessors_when_enough_are_free_of_conflict()
    {
        foreach (var c in RandomCases(seed: 4, count: 500, conflictRate: 0.25))
        {
            var result = BalancedAssignment.Assign(c.Apps, c.Assessors, c.Required, c.Conflicts, c.Existing);
            foreach (var app in c.Apps)
            {
                var free = c.Assessors.Count(p => !c.Conflicts.Contains(new Pairing(app, p)));
                Assert.Equal(Math.Min(c.Required, free), result.Count(r => r.ApplicationId == app));
            }

            Assert.Equal(result.Count, result.Distinct().Count());
        }
    }

    [Fact]
    public void Nobody_is_ever_given_an_application_they_are_conflicted_with()
    {
        foreach (var c in RandomCases(seed: 11, count: 500, conflictRate: 0.4))
        {
            var result = BalancedAssignment.Assign(c.Apps, c.Assessors, c.Required, c.Conflicts, c.Existing);
            Assert.DoesNotContain(result, c.Conflicts.Contains);
        }
    }

    [Fact]
    public void Without_conflicts_loads_differ_by_at_most_one()
    {
        foreach (var c in RandomCases(seed: 23, count: 500, conflictRate: 0))
        {
            var loads = Loads(c, BalancedAssignment.Assign(c.Apps, c.Assessors, c.Required, c.Conflicts, c.Existing)).Values;
            Assert.True(loads.Max() - loads.Min() <= 1, $"Loads {string.Join(",", loads)}");
        }
    }

    [Fact]
    public void With_conflicts_no_single_reassignment_could_even_out_the_loads()
    {
        foreach (var c in RandomCases(seed: 37, count: 500, conflictRate: 0.3))
        {
            var result = BalancedAssignment.Assign(c.Apps, c.Assessors, c.Required, c.Conflicts, c.Existing);
            var loads = Loads(c, result);
            foreach (var heavy in c.Assessors)
            {
                foreach (var light in c.Assessors.Where(l => loads[l] + 1 < loads[heavy]))
                {
                    var movable = result.Where(r => r.AssessorId == heavy).Any(r =>
                        !c.Conflicts.Contains(new Pairing(r.ApplicationId, light)) && !result.Contains(new Pairing(r.ApplicationId, light)));
                    Assert.False(movable, $"Assessor {heavy} ({loads[heavy]}) could pass work to {light} ({loads[light]})");
                }
            }
        }
    }

    [Fact]
    public void Started_assignments_are_kept_where_still_valid()
    {
        foreach (var c in RandomCases(seed: 51, count: 300, conflictRate: 0.2))
        {
            var started = c.Existing.Where(e => !c.Conflicts.Contains(e)).GroupBy(e => e.ApplicationId).SelectMany(g => g.Take(c.Required)).ToHashSet();
            var result = BalancedAssignment.Assign(c.Apps, c.Assessors, c.Required, c.Conflicts, c.Existing, started);
            Assert.All(started, s => Assert.Contains(s, result));
        }
    }

    [Fact]
    public void A_conflict_declared_after_assignment_moves_the_application_to_someone_else()
    {
        var before = BalancedAssignment.Assign([1, 2], [1, 2, 3], 2, new HashSet<Pairing>(), []);
        var conflicted = before.First(p => p.ApplicationId == 1);

        var after = BalancedAssignment.Assign([1, 2], [1, 2, 3], 2, new HashSet<Pairing> { conflicted }, before);

        Assert.DoesNotContain(conflicted, after);
        Assert.Equal(2, after.Count(p => p.ApplicationId == 1));
        var loads = new[] { 1, 2, 3 }.Select(a => after.Count(p => p.AssessorId == a)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1);
    }
}
