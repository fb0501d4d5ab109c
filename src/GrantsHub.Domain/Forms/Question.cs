namespace GrantsHub.Domain.Forms;

public enum QuestionType
{
    ShortText,
    LongText,
    Number,
    Money,
    Date,
    SingleChoice,
    MultipleChoice,
    YesNo,
    FileUpload,
}

/// <summary>A section of a round's application form.</summary>
public class FormSection
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public List<Question> Questions { get; set; } = [];
}

public class Question
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public FormSection? Section { get; set; }
    public required string Text { get; set; }
    public string HelpText { get; set; } = "";
    public QuestionType Type { get; set; }
    public bool Required { get; set; }
    public int Order { get; set; }

    /// <summary>Long text only: the most words an answer may have.</summary>
    public int? WordLimit { get; set; }

    /// <summary>Choice questions: one option a line.</summary>
    public string Options { get; set; } = "";

    public IReadOnlyList<string> OptionList =>
        Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class QuestionTypes
{
    /// <summary>How a question type reads to a funder building a form.</summary>
    public static string Label(QuestionType type) => type switch
    {
        QuestionType.ShortText => "Short text",
        QuestionType.LongText => "Long text",
        QuestionType.Number => "Number",
        QuestionType.Money => "Money (£)",
        QuestionType.Date => "Date",
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.YesNo => "Yes/no",
        _ => "File upload",
    };
}
