using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;

namespace GrantsHub.UnitTests.Domain;

public sealed class AnswerRulesTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 1)]
    [InlineData("  two   words  ", 2)]
    [InlineData("lines\nand\ttabs count\r\nas breaks", 6)]
    [InlineData("peer-led, user-led; well-being.", 3)]
    public void Words_are_runs_of_characters_between_whitespace(string text, int words) =>
        Assert.Equal(words, WordCount.Of(text));

    private static Question Q(QuestionType type, bool required = true, int? wordLimit = null, string options = "") =>
        new() { Text = "The question", Type = type, Required = required, WordLimit = wordLimit, Options = options };

    [Theory]
    [InlineData(QuestionType.Money, "£2,500.50", "2500.50")]
    [InlineData(QuestionType.Money, "25000", "25000")]
    [InlineData(QuestionType.Number, "1,200", "1200")]
    [InlineData(QuestionType.ShortText, "  Tyne peer support  ", "Tyne peer support")]
    [InlineData(QuestionType.YesNo, "no", "no")]
    [InlineData(QuestionType.Number, "", "")]
    public void Answers_are_stored_in_an_invariant_format(QuestionType type, string typed, string stored) =>
        Assert.Equal((stored, null), AnswerFormat.Normalise(Q(type), new AnswerInput(typed, [])));

    [Theory]
    [InlineData(QuestionType.Money, "about £300")]
    [InlineData(QuestionType.Money, "12.345")]
    [InlineData(QuestionType.Number, "lots")]
    [InlineData(QuestionType.YesNo, "maybe")]
    public void Values_that_cannot_be_stored_are_explained(QuestionType type, string typed) =>
        Assert.NotNull(AnswerFormat.Normalise(Q(type), new AnswerInput(typed, [])).Error);

    [Theory]
    [InlineData("29", "2", "2028", "2028-02-29", null)]
    [InlineData("29", "2", "2026", "", "Enter a real date, like 27 3 2024")]
    [InlineData("", "3", "2026", "", "Enter a full date with a day, month and year")]
    [InlineData("", "", "", "", null)]
    public void Dates_are_entered_as_day_month_and_year(string day, string month, string year, string stored, string? error) =>
        Assert.Equal((stored, error), AnswerFormat.Normalise(Q(QuestionType.Date), new AnswerInput("", [], day, month, year)));

    [Fact]
    public void Choices_must_come_from_the_options_and_are_stored_one_a_line_in_option_order()
    {
        var question = Q(QuestionType.MultipleChoice, options: "Young people\nOlder people\nCarers");

        Assert.Equal(("Young people\nCarers", null), AnswerFormat.Normalise(question, new AnswerInput("", ["Carers", "Young people"])));
        Assert.NotNull(AnswerFormat.Normalise(question, new AnswerInput("", ["Everyone"])).Error);
        Assert.NotNull(AnswerFormat.Normalise(Q(QuestionType.SingleChoice, options: "A\nB"), new AnswerInput("C", [])).Error);
    }

    [Fact]
    public void A_required_answer_and_the_word_limit_are_checked_when_the_section_is_finished()
    {
        var question = Q(QuestionType.LongText, wordLimit: 3);

        Assert.Equal("Enter an answer for: The question", AnswerFormat.CompletionProblem(question, "", hasFile: false));
        Assert.Null(AnswerFormat.CompletionProblem(question, "three short words", hasFile: false));
        Assert.Equal("Your answer must be 3 words or fewer; it has 4", AnswerFormat.CompletionProblem(question, "four words are here", hasFile: false));
        Assert.Null(AnswerFormat.CompletionProblem(Q(QuestionType.Number, required: false), "", hasFile: false));
        Assert.Equal("Upload a file for: The question", AnswerFormat.CompletionProblem(Q(QuestionType.FileUpload), null, hasFile: false));
    }

    [Theory]
    [InlineData("NE1 4ST", true)]
    [InlineData("ne14st", true)]
    [InlineData("SW1A 1AA", true)]
    [InlineData("M1 1AE", true)]
    [InlineData("GIR 0AA", true)]
    [InlineData("NE1", false)]
    [InlineData("12345", false)]
    [InlineData("NE1 4SI", false)]
    public void Postcodes_are_format_checked(string value, bool valid) =>
        Assert.Equal(valid, Postcodes.IsValid(value));

    [Fact]
    public void Postcodes_are_stored_upper_case_with_one_space() => Assert.Equal("NE1 4ST", Postcodes.Normalise(" ne14st "));
}
