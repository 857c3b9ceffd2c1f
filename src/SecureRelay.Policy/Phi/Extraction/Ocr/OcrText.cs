using System.Globalization;
using System.Text;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>What Tesseract read in one image: the words as lines (every word, whatever its confidence: a
/// doubtful word may still be a name), and how many letters it was confident of, which tells a page of text
/// from noise that Tesseract turned into a few stray characters.</summary>
/// <param name="Text">The words, a line per text line and a blank line between blocks.</param>
/// <param name="ConfidentLetters">Letters in words of confidence at least <see cref="MinConfidence"/>.</param>
internal sealed record OcrText(string Text, int ConfidentLetters)
{
    /// <summary>Tesseract's word confidence (0–100) from which a word counts as read.</summary>
    public const double MinConfidence = 60;

    /// <summary>Reads Tesseract's TSV (<c>level page_num block_num par_num line_num word_num left top width
    /// height conf text</c>; words are level 5).</summary>
    public static OcrText Parse(string tsv)
    {
        var text = new StringBuilder();
        var letters = 0;
        (string, string, string, string)? line = null;
        string? block = null;
        foreach (var row in tsv.AsSpan().EnumerateLines())
        {
            var fields = row.ToString().Split('\t');
            if (fields.Length < 12 || fields[0] != "5" || string.IsNullOrWhiteSpace(fields[11]))
            {
                continue;
            }

            var word = fields[11].Trim();
            var here = (fields[1], fields[2], fields[3], fields[4]);
            if (line != here)
            {
                if (line is not null)
                {
                    text.Append(block == fields[1] + "." + fields[2] ? "\n" : "\n\n");
                }

                line = here;
                block = fields[1] + "." + fields[2];
            }
            else
            {
                text.Append(' ');
            }

            text.Append(word);
            if (double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && confidence >= MinConfidence)
            {
                letters += word.Count(char.IsLetter);
            }
        }

        return new OcrText(text.ToString(), letters);
    }
}
