namespace SecureRelay.Storage.Keys;

/// <summary>
/// How a <see cref="KeyRing"/> is laid out on disk. Two layouts exist because data written with each
/// must stay readable: <see cref="KeyFileDirectory"/> (a file per key, the spool's) and
/// <see cref="KeyListFile"/> (one text file of id/key lines, the escrow's). Both create files 0600
/// and directories 0700, and write atomically.
/// </summary>
public interface IKeyRingLayout
{
    /// <summary>Reads every key, current first; creates the first key when there is none.</summary>
    /// <exception cref="InvalidDataException">A key file is malformed or too large.</exception>
    /// <exception cref="IOException">A key file cannot be read.</exception>
    KeyRingContents LoadOrCreate();

    /// <summary>Makes a fresh key current for new data; the previous keys stay for reading.</summary>
    /// <returns>The new key's id.</returns>
    string Rotate();
}
