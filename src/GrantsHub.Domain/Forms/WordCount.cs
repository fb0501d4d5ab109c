namespace GrantsHub.Domain.Forms;

/// <summary>
/// Counts words the way a reader would: runs of characters between whitespace. The browser's live
/// counter (wwwroot/js/word-count.js) uses the same rule; this one is the one that decides.
/// </summary>
public static class WordCount
{
    public static int Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }
}
