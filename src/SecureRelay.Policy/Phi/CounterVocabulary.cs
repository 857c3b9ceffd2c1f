namespace SecureRelay.Policy.Phi;

/// <summary>Words of the look-alikes whose health content is about no identifiable human: an animal's care,
/// synthetic test records, and news about public figures. English, Spanish and Portuguese; each detector
/// needs words from every one of its groups, so one stray word ("my dog", "good news") decides nothing.</summary>
internal static class CounterVocabulary
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>The patient is an animal: veterinary care and an animal.</summary>
    public static IReadOnlyList<HashSet<string>> AnimalPatient { get; } =
    [
        Set("vet", "vets", "veterinary", "veterinarian", "veterinarians", "dvm", "vmd", "animal hospital", "animal clinic",
            "veterinario", "veterinaria", "veterinário", "veterinária", "mascota", "mascotas", "clínica veterinaria"),
        Set("dog", "dogs", "cat", "cats", "puppy", "puppies", "kitten", "kittens", "pup", "kitty", "canine", "feline", "equine", "horse",
            "pet", "pets", "mascota", "mascotas", "rabbit", "bunny", "parrot", "hamster", "ferret", "guinea pig", "breed", "spay", "spayed", "neuter", "neutered", "heartworm",
            "flea", "fleas", "kennel", "perro", "perra", "gato", "gata", "cachorro", "cachorra", "conejo", "caballo"),
    ];

    /// <summary>Stated test data: records of patients who do not exist.</summary>
    public static IReadOnlyList<HashSet<string>> Synthetic { get; } =
    [
        Set("synthetic", "fictitious", "fictional", "dummy data", "fake data", "fake patient", "test patient", "test patients",
            "patient test", "test data", "sample data", "mock data", "non-production", "nonproduction",
            "datos ficticios", "paciente de prueba", "datos de prueba"),
    ];

    /// <summary>News about public figures: at least two words of reporting.</summary>
    public static IReadOnlyList<HashSet<string>> PublicNews { get; } =
    [
        Set("article", "headline", "headlines", "podcast", "interview", "reportedly", "announced", "announcement", "press release",
            "tabloid", "tabloids", "celebrity", "documentary", "obituary", "publicly", "palace", "spokesperson", "spokesman", "statement",
            "news", "newspaper", "magazine", "tv", "television", "broadcast", "fans", "artículo", "noticia", "noticias", "entrevista",
            "notícia", "notícias", "reportagem"),
    ];
}
