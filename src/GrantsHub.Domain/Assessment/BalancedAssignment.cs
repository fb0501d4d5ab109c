namespace GrantsHub.Domain.Assessment;

/// <summary>One application given to one assessor (panel member).</summary>
public readonly record struct Pairing(int ApplicationId, int AssessorId);

/// <summary>
/// Shares applications among a panel. Every application gets the required number of assessors
/// when enough are free of conflict (otherwise as many as are), nobody is given an application
/// they are conflicted with, and loads are as even as conflicts allow: without conflicts they
/// differ by at most one. Valid existing pairings are kept; only unstarted ones move, and only to
/// even out loads.
/// </summary>
public static class BalancedAssignment
{
    /// <param name="started">Existing pairings whose assessor has begun scoring; these never move.</param>
    public static IReadOnlyList<Pairing> Assign(
        IReadOnlyCollection<int> applications,
        IReadOnlyCollection<int> assessors,
        int required,
        IReadOnlySet<Pairing> conflicts,
        IEnumerable<Pairing> existing,
        IReadOnlySet<Pairing>? started = null)
    {
        started ??= new HashSet<Pairing>();
        var apps = applications.Distinct().Order().ToList();
        var people = assessors.Distinct().Order().ToList();
        var appSet = apps.ToHashSet();
        var peopleSet = people.ToHashSet();
        var byApp = apps.ToDictionary(a => a, _ => new SortedSet<int>());
        var load = people.ToDictionary(p => p, _ => 0);

        bool Free(int app, int person) => !conflicts.Contains(new Pairing(app, person)) && !byApp[app].Contains(person);

        void Add(int app, int person)
        {
            byApp[app].Add(person);
            load[person]++;
        }

        // Keep valid existing pairings, started ones first so they win any trimming.
        foreach (var pairing in existing.Distinct().OrderByDescending(started.Contains).ThenBy(p => p.ApplicationId).ThenBy(p => p.AssessorId))
        {
            if (appSet.Contains(pairing.ApplicationId) && peopleSet.Contains(pairing.AssessorId)
                && Free(pairing.ApplicationId, pairing.AssessorId) && byApp[pairing.ApplicationId].Count < required)
            {
                Add(pairing.ApplicationId, pairing.AssessorId);
            }
        }

        // Fill the most constrained applications first, each time with the least-loaded free assessor.
        var order = apps.OrderBy(a => people.Count(p => !conflicts.Contains(new Pairing(a, p)))).ThenBy(a => a);
        foreach (var app in order)
        {
            while (byApp[app].Count < required)
            {
                var candidate = people.Where(p => Free(app, p)).OrderBy(p => load[p]).ThenBy(p => p).Cast<int?>().FirstOrDefault();
                if (candidate is not { } person)
                {
                    break;
                }

                Add(app, person);
            }
        }

        // Even out: move an unstarted pairing from a heavier assessor to one at least two lighter.
        // Each move lowers the sum of squared loads, so this ends.
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var heavy in people.OrderByDescending(p => load[p]).ThenBy(p => p))
            {
                foreach (var light in people.Where(p => load[p] + 1 < load[heavy]).OrderBy(p => load[p]).ThenBy(p => p))
                {
                    var app = apps.FirstOrDefault(a => byApp[a].Contains(heavy) && !started.Contains(new Pairing(a, heavy)) && Free(a, light), -1);
                    if (app < 0 || !byApp.ContainsKey(app))
                    {
                        continue;
                    }

                    byApp[app].Remove(heavy);
                    load[heavy]--;
                    Add(app, light);
                    moved = true;
                    break;
                }

                if (moved)
                {
                    break;
                }
            }
        }

        return apps.SelectMany(a => byApp[a].Select(p => new Pairing(a, p))).ToList();
    }
}
