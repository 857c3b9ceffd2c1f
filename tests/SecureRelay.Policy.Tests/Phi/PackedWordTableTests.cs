using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>The compact word table behind <see cref="Lexicon"/>: the same answers as a case-insensitive hash set.</summary>
public class PackedWordTableTests
{
    private static readonly PackedWordTable Table = new(
    [
        KeyValuePair.Create("Rosa", (byte)1),
        KeyValuePair.Create("rosa", (byte)4),
        KeyValuePair.Create("sertraline", (byte)8),
        KeyValuePair.Create("Gómez", (byte)1),
        KeyValuePair.Create("corazón", (byte)4),
        KeyValuePair.Create(new string('a', 65), (byte)4),
    ]);

    [TestCase("rosa", 5)]
    [TestCase("ROSA", 5)]
    [TestCase("Sertraline", 8)]
    [TestCase("gómez", 1)]
    [TestCase("GÓMEZ", 1)]
    [TestCase("Corazón", 4)]
    [TestCase("rose", 0)]
    [TestCase("", 0)]
    [TestCase("gomez", 0)]
    public void Flags_IgnoreCase_MergeDuplicates(string word, int flags) =>
        Assert.That(Table.Flags(word), Is.EqualTo((byte)flags));

    [Test]
    public void TooLongWords_AreLeftOutAndNotFound() => Assert.Multiple(() =>
    {
        Assert.That(Table.Count, Is.EqualTo(4));
        Assert.That(Table.Flags(new string('a', 65)), Is.Zero);
    });

    [Test]
    public void InstalledLexicon_AgreesWithItsLists() => Assert.Multiple(() =>
    {
        var lexicon = Lexicon.Load(LexiconPaths.Default);
        Assert.That(lexicon.IsName("Maria"), Is.True);
        Assert.That(lexicon.IsWord("kitchen"), Is.True);
        Assert.That(lexicon.IsUnambiguousName("kitchen"), Is.False);
        Assert.That(lexicon.IsClinicalTerm("cholecystectomy"), Is.True);
        Assert.That(lexicon.IsClinicalTerm("kitchen"), Is.False);
    });
}
