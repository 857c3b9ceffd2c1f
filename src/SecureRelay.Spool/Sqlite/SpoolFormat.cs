namespace SecureRelay.Spool.Sqlite;

/// <summary>Constants of the on-disk format. Changing any of them breaks existing spools.</summary>
internal static class SpoolFormat
{
    /// <summary>Schema version this code writes (<c>schema_version</c> row and <c>PRAGMA user_version</c>; see <see cref="SpoolDatabase.Migrations"/>).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Plaintext bytes per sealed chunk (the last chunk may be shorter).</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>AES-GCM tag length.</summary>
    public const int TagSize = 16;

    /// <summary>AES-GCM nonce length: 8-byte random per-record prefix + 4-byte big-endian counter.</summary>
    public const int NonceSize = 12;

    /// <summary>Length of the per-record random nonce prefix.</summary>
    public const int NoncePrefixSize = 8;

    /// <summary>Counter value reserved for the envelope; chunk indexes stay below it.</summary>
    public const uint EnvelopeCounter = uint.MaxValue;

    /// <summary>Version byte leading a serialized envelope: typed content facts and decision record.</summary>
    public const byte EnvelopeVersion = 2;

    /// <summary>Version byte of envelopes written before 2 (decision as string annotations); still read,
    /// so mail queued before an upgrade is delivered as it was decided.</summary>
    public const byte AnnotatedEnvelopeVersion = 1;

    /// <summary>Version byte leading a serialized recipient status list.</summary>
    public const byte StatusVersion = 1;

    /// <summary>next_attempt stored for held messages: never due until released.</summary>
    public const long NeverMs = long.MaxValue;

    /// <summary>AAD domain separators.</summary>
    public const uint ChunkMagic = 0x53524331; // "SRC1"
    public const uint EnvelopeMagic = 0x53524531; // "SRE1"
    public const uint StatusMagic = 0x53525331; // "SRS1"
}
