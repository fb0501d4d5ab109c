using System.Globalization;

namespace GrantsHub.Domain.Forms;

/// <summary>What a person typed or chose for one question, before it is stored.</summary>
public sealed record AnswerInput(string Text, IReadOnlyList<string> Choices, string Day = "", string Month = "", string Year = "")
{
    public static readonly AnswerInput Empty = new("", []);
}

/// <summary>
/// Turns form input into the invariant stored value of an <see cref="Applications.Answer"/> and back,
/// and says what stops an answer being complete. Saving checks only what must be right to store a
/// value; required answers and word limits are checked when a section is finished and on submit.
/// </summary>
public static class AnswerFormat
{
    public const int ShortTextMaxLength = 500;
    public const int LongTextMaxLength = 40000;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The value to store ("" for no answer), or an error saying why it cannot be stored.</summary>
    public static (string Value, string? Error) Normalise(Question question, AnswerInput input)
    {
        var text = input.Text.Trim();
        switch (question.Type)
        {
            case QuestionType.ShortText:
                return text.Length > ShortTextMaxLength ? (text, $"Your answer must be {ShortTextMaxLength} characters or fewer") : (text, null);
            case QuestionType.LongText:
                return text.Length > LongTextMaxLength ? (text, $"Your answer must be 40,000 characters or fewer") : (text.ReplaceLineEndings("\n"), null);
            case QuestionType.Number:
                return text.Length == 0 ? ("", null)
                    : TryDecimal(text, out var number) ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (text, "Enter a number, like 120");
            case QuestionType.Money:
                return text.Length == 0 ? ("", null)
                    : TryMoney(text, out var money) ? (money.ToString(CultureInfo.InvariantCulture), null)
                    : (text, "Enter an amount in pounds, like 2500 or 2500.50");
            case QuestionType.Date:
                return NormaliseDate(input);
            case QuestionType.SingleChoice:
                return text.Length == 0 || question.OptionList.Contains(text) ? (text, null) : (text, "Select one of the options");
            case QuestionType.MultipleChoice:
                var chosen = input.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
                return chosen.All(question.OptionList.Contains)
                    ? (string.Join('\n', question.OptionList.Where(chosen.Contains)), null)
                    : (string.Join('\n', chosen), "Select from the options given");
            case QuestionType.YesNo:
                return text is "" or "yes" or "no" ? (text, null) : (text, "Select yes or no");
            default:
                return ("", null); // files are attachments, not answers
        }
    }

    /// <summary>Why a stored answer does not yet complete the question, or null when it does.</summary>
    public static string? CompletionProblem(Question question, string? value, bool hasFile)
    {
        var answered = question.Type == QuestionType.FileUpload ? hasFile : !string.IsNullOrWhiteSpace(value);
        if (!answered)
        {
            return !question.Required ? null : question.Type switch
            {
                QuestionType.FileUpload => $"Upload a file for: {question.Text}",
                QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.YesNo => $"Select an answer for: {question.Text}",
                _ => $"Enter an answer for: {question.Text}",
            };
        }

        if (question is { Type: QuestionType.LongText, WordLimit: { } limit } && WordCount.Of(value) is var words && words > limit)
        {
            return string.Create(Uk, $"Your answer must be {limit} words or fewer; it has {words}");
        }

        return null;
    }

    /// <summary>A stored value put back into form fields.</summary>
    public static AnswerInput ToInput(Question question, string? value)
    {
        value ??= "";
        return question.Type switch
        {
            QuestionType.MultipleChoice => new AnswerInput("", value.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            QuestionType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                new AnswerInput("", [], date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture)),
            _ => new AnswerInput(value, []),
        };
    }

    /// <summary>A stored value as a person reads it.</summary>
    public static string Display(Question question, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        return question.Type switch
        {
            QuestionType.Money when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) =>
                money.ToString(money == decimal.Truncate(money) ? "C0" : "C2", Uk),
            QuestionType.Number when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number.ToString("#,##0.##", Uk),
            QuestionType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("d MMMM yyyy", Uk),
            QuestionType.YesNo => value == "yes" ? "Yes" : "No",
            QuestionType.MultipleChoice => string.Join(", ", value.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            _ => value,
        };
    }

    public static bool TryMoney(string text, out decimal amount)
    {
        var cleaned = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
            && decimal.Round(amount, 2) == amount && amount < 1_000_000_000_000m;
    }

    private static bool TryDecimal(string text, out decimal number) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    private static (string Value, string? Error) NormaliseDate(AnswerInput input)
    {
        var parts = new[] { input.Day.Trim(), input.Month.Trim(), input.Year.Trim() };
        if (parts.All(p => p.Length == 0))
        {
            return ("", null);
        }

        if (parts.Any(p => p.Length == 0))
        {
            return ("", "Enter a full date with a day, month and year");
        }

        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1800 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? (new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : ("", "Enter a real date, like 27 3 2024");
    }
}
