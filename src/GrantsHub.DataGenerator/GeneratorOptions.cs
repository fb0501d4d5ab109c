using System.Globalization;
using GrantsHub.Infrastructure.Persistence;

namespace GrantsHub.DataGenerator;

public sealed record GeneratorOptions(DatabaseOptions Database, int Seed, double Scale, DateTimeOffset Now, string? TargetsFile)
{
    public const string Usage = """
        Usage: GrantsHub.DataGenerator [--provider Sqlite|PostgreSql] [--connection <string>]
                                       [--data-directory <folder>] [--seed <n>] [--scale <x>] [--now <ISO instant>] [--targets <file.json>]
        Fills an EMPTY database (migrating it first). --scale 1 gives 20 funders, 5,000 organisations,
        100 rounds, 20,000 applications; smaller scales shrink everything but the funders.
        """;

    public static GeneratorOptions? Parse(string[] args)
    {
        var database = new DatabaseOptions();
        var seed = 2026;
        var scale = 1.0;
        var now = DateTimeOffset.UtcNow;
        string? targets = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            switch (args[i])
            {
                case "--provider" when Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider):
                    database.Provider = provider;
                    break;
                case "--connection":
                    database.ConnectionString = value;
                    break;
                case "--data-directory":
                    database.DataDirectory = value;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--scale" when double.TryParse(value, CultureInfo.InvariantCulture, out var x) && x > 0 && x <= 10:
                    scale = x;
                    break;
                case "--targets":
                    targets = value;
                    break;
                case "--now" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var n):
                    now = n.ToUniversalTime();
                    break;
                default:
                    return null;
            }

            i++;
        }

        return database.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(database.ConnectionString)
            ? null
            : new GeneratorOptions(database, seed, scale, now, targets);
    }
}
