using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Storage.Files;
using SecureRelay.Storage.Keys;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Security.Escrow;

/// <summary>
/// Escrow store on SQLite. Each message is sealed with AES-256-GCM under a fresh per-message key;
/// that key is wrapped (AES-256-GCM) under the current master key from
/// <see cref="KeyRing"/> (<see cref="KeyListFile"/> layout, <c>escrow.key_file</c>) and the key id is stored with the record. The access token is
/// random and URL-safe; only its SHA-256 hash is stored, so the database alone opens nothing.
/// Thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed class EscrowStore
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int TokenBytes = 32;
    private const int MaxListLimit = 10_000;

    /// <summary>Every connection: commits fsync'ed, and freed pages zeroed so that a purged or revoked
    /// record's wrapped key and ciphertext do not linger in the file (crypto-shredding needs the
    /// wrapped key really gone).</summary>
    private static readonly SqliteProfile Profile = SqliteProfile.Store with { SecureDelete = true };

    /// <summary>Step <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c> (see <see cref="SqliteMigrations"/>).</summary>
    private static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS escrow_messages(
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE,
            recipient TEXT NOT NULL,
            recipient_domain TEXT NOT NULL,
            sender_domain TEXT NULL,
            key_id TEXT NOT NULL,
            wrapped_key BLOB NOT NULL,
            ciphertext BLOB NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            read_at INTEGER NULL,
            status INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS escrow_messages_expires ON escrow_messages(status, expires_at);
        """,
    ];

    private readonly string _connectionString;
    private readonly KeyRing _keys;
    private readonly EscrowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Opens (creating if needed) the database and the master key file.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidDataException">The key file is malformed or too permissive.</exception>
    public EscrowStore(EscrowOptions options, TimeProvider? timeProvider = null, ILogger<EscrowStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _keys = KeyRing.Open(new KeyListFile(options.KeyFile), requirePrivate: true);

        var dbPath = Path.GetFullPath(options.DatabasePath);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        _connectionString = SqliteDatabase.ConnectionString(dbPath, create: true, pooling: true);
        using var connection = OpenConnection();
        SqliteDatabase.Initialize(connection, "escrow", Migrations);
    }

    /// <summary>Id of the master key wrapping new records.</summary>
    public string CurrentKeyId => _keys.CurrentKeyId;

    /// <summary>Stores <paramref name="content"/> (the whole original message) for one recipient.</summary>
    /// <param name="recipient">Recipient address (<c>local@domain</c>).</param>
    /// <param name="senderDomain">Domain of the original sender, shown in the notice; may be null.</param>
    /// <param name="content">Original message bytes.</param>
    /// <param name="expiry">How long it stays available; <see langword="null"/> = <c>expiry_days</c>.</param>
    /// <exception cref="ArgumentException">The recipient is not an address or the content is too large.</exception>
    public EscrowStoreResult Store(string recipient, string? senderDomain, ReadOnlySpan<byte> content, TimeSpan? expiry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var at = recipient.LastIndexOf('@');
        if (at <= 0 || at == recipient.Length - 1)
        {
            throw new ArgumentException("recipient must be local@domain", nameof(recipient));
        }

        if (content.Length > _options.MaxMessageBytes)
        {
            throw new ArgumentException($"message is larger than escrow.max_message_bytes ({_options.MaxMessageBytes})", nameof(content));
        }

        var lifetime = expiry ?? TimeSpan.FromDays(_options.ExpiryDays);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), "expiry must be positive");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var tokenBytes = RandomNumberGenerator.GetBytes(TokenBytes);
        var token = Base64UrlEncode(tokenBytes);
        var tokenHash = HashToken(token);
        var domain = recipient[(at + 1)..].ToLowerInvariant();
        var now = _time.GetUtcNow();
        var expiresAt = now + lifetime;
        var keyId = _keys.CurrentKeyId;

        var messageKey = RandomNumberGenerator.GetBytes(KeyRing.KeyBytes);
        try
        {
            var ciphertext = Seal(messageKey, content, ContentAad(id, recipient));
            var wrapped = Seal(_keys.CurrentKey, messageKey, WrapAad(id, keyId));

            using var connection = OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO escrow_messages(id, token_hash, recipient, recipient_domain, sender_domain, key_id,
                    wrapped_key, ciphertext, size_bytes, created_at, expires_at, read_at, status)
                VALUES($id, $token_hash, $recipient, $domain, $sender_domain, $key_id,
                    $wrapped_key, $ciphertext, $size, $created, $expires, NULL, $status);
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$token_hash", tokenHash);
            command.Parameters.AddWithValue("$recipient", recipient);
            command.Parameters.AddWithValue("$domain", domain);
            command.Parameters.AddWithValue("$sender_domain", (object?)senderDomain?.ToLowerInvariant() ?? DBNull.Value);
            command.Parameters.AddWithValue("$key_id", keyId);
            command.Parameters.AddWithValue("$wrapped_key", wrapped);
            command.Parameters.AddWithValue("$ciphertext", ciphertext);
            command.Parameters.AddWithValue("$size", content.Length);
            command.Parameters.AddWithValue("$created", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$expires", expiresAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$status", (int)EscrowStatus.Pending);
            command.ExecuteNonQuery();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(messageKey);
        }

        EscrowLog.Stored(_logger, id, domain, content.Length, expiresAt);
        return new EscrowStoreResult(id, token, expiresAt);
    }

    /// <summary>
    /// Stores a whole <see cref="MimeKit.MimeMessage"/> for one recipient; the sender domain is taken
    /// from its first From address.
    /// </summary>
    /// <exception cref="ArgumentException">The recipient is not an address or the message is too large.</exception>
    public EscrowStoreResult Store(string recipient, MimeKit.MimeMessage message, TimeSpan? expiry = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        message.WriteTo(MimeKit.FormatOptions.Default, buffer);
        return Store(recipient, message.From.Mailboxes.FirstOrDefault()?.Domain, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), expiry);
    }

    /// <summary>Lists records, newest first (metadata only, no PHI).</summary>
    /// <param name="status">Only records with this effective status, or all when null.</param>
    /// <param name="limit">At most this many (1..10000).</param>
    public IReadOnlyList<EscrowRecordInfo> List(EscrowStatus? status = null, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxListLimit);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        var filter = status switch
        {
            null => "1=1",
            EscrowStatus.Expired => "(status = 2 OR (status IN (0, 1) AND expires_at <= $now))",
            EscrowStatus.Pending or EscrowStatus.Read => "(status = $status AND expires_at > $now)",
            _ => "status = $status",
        };
        command.CommandText = "SELECT " + MetadataColumns + " FROM escrow_messages WHERE " + filter
            + " ORDER BY created_at DESC, id LIMIT $limit;";
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$status", (int)(status ?? EscrowStatus.Pending));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var result = new List<EscrowRecordInfo>();
        while (reader.Read())
        {
            result.Add(ReadMetadata(reader, nowMs));
        }

        return result;
    }

    /// <summary>Metadata of one record, or <see langword="null"/> when the id is unknown.</summary>
    public EscrowRecordInfo? Show(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + MetadataColumns + " FROM escrow_messages WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadMetadata(reader, nowMs) : null;
    }

    /// <summary>
    /// Opens a message by its access token (for the portal): returns the decrypted original and
    /// marks the record read. Expired, revoked and unknown tokens return no content.
    /// </summary>
    /// <exception cref="CryptographicException">The stored record fails authentication (tampered or wrong key).</exception>
    public EscrowOpenResult Open(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is 0 or > 128)
        {
            EscrowLog.OpenRefused(_logger, EscrowOpenOutcome.NotFound);
            return new EscrowOpenResult(EscrowOpenOutcome.NotFound, null, null);
        }

        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        using var connection = OpenConnection();
        EscrowRecordInfo record;
        byte[] wrapped;
        byte[] ciphertext;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT " + MetadataColumns + ", wrapped_key, ciphertext FROM escrow_messages WHERE token_hash = $hash;";
            command.Parameters.AddWithValue("$hash", HashToken(token));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                EscrowLog.OpenRefused(_logger, EscrowOpenOutcome.NotFound);
                return new EscrowOpenResult(EscrowOpenOutcome.NotFound, null, null);
            }

            record = ReadMetadata(reader, nowMs);
            wrapped = (byte[])reader["wrapped_key"];
            ciphertext = (byte[])reader["ciphertext"];
        }

        if (record.Status is EscrowStatus.Expired or EscrowStatus.Revoked)
        {
            var outcome = record.Status == EscrowStatus.Expired ? EscrowOpenOutcome.Expired : EscrowOpenOutcome.Revoked;
            EscrowLog.OpenRefused(_logger, outcome);
            return new EscrowOpenResult(outcome, record, null);
        }

        if (!_keys.TryGetKey(record.KeyId, out var masterKey))
        {
            EscrowLog.Corrupt(_logger, record.Id, record.KeyId);
            throw new CryptographicException($"escrow record {record.Id}: master key {record.KeyId} is not in the key file");
        }

        byte[] content;
        byte[]? messageKey = null;
        try
        {
            messageKey = Unseal(masterKey.Span, wrapped, WrapAad(record.Id, record.KeyId));
            content = Unseal(messageKey, ciphertext, ContentAad(record.Id, record.Recipient));
        }
        catch (CryptographicException)
        {
            EscrowLog.Corrupt(_logger, record.Id, record.KeyId);
            throw;
        }
        finally
        {
            if (messageKey is not null)
            {
                CryptographicOperations.ZeroMemory(messageKey);
            }
        }

        if (record.ReadAt is null)
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE escrow_messages SET status = $read, read_at = $now WHERE id = $id AND read_at IS NULL;";
            update.Parameters.AddWithValue("$read", (int)EscrowStatus.Read);
            update.Parameters.AddWithValue("$now", nowMs);
            update.Parameters.AddWithValue("$id", record.Id);
            update.ExecuteNonQuery();
            record = record with { Status = EscrowStatus.Read, ReadAt = DateTimeOffset.FromUnixTimeMilliseconds(nowMs) };
        }

        EscrowLog.Opened(_logger, record.Id);
        return new EscrowOpenResult(EscrowOpenOutcome.Opened, record, content);
    }

    /// <summary>Revokes a record and destroys its sealed content. Returns false for an unknown id.</summary>
    public bool Revoke(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE escrow_messages SET status = $revoked, wrapped_key = zeroblob(0), ciphertext = zeroblob(0) WHERE id = $id;";
        command.Parameters.AddWithValue("$revoked", (int)EscrowStatus.Revoked);
        command.Parameters.AddWithValue("$id", id);
        var changed = command.ExecuteNonQuery() > 0;
        if (changed)
        {
            EscrowLog.Revoked(_logger, id);
        }

        return changed;
    }

    /// <summary>
    /// Marks every record past its expiry as expired and destroys its sealed content (the metadata
    /// row stays for the audit trail). Returns how many records were purged.
    /// </summary>
    public int PurgeExpired()
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE escrow_messages SET status = $expired, wrapped_key = zeroblob(0), ciphertext = zeroblob(0)
            WHERE status IN (0, 1) AND expires_at <= $now;
            """;
        command.Parameters.AddWithValue("$expired", (int)EscrowStatus.Expired);
        command.Parameters.AddWithValue("$now", nowMs);
        var count = command.ExecuteNonQuery();
        if (count > 0)
        {
            // Reclaim the pages that held ciphertext so destroyed records do not linger on disk.
            SqliteDatabase.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            EscrowLog.Purged(_logger, count);
        }

        return count;
    }

    /// <summary>SHA-256 of the token as stored in the database.</summary>
    internal static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private const string MetadataColumns =
        "id, recipient, recipient_domain, sender_domain, size_bytes, created_at, expires_at, read_at, status, key_id";

    private static EscrowRecordInfo ReadMetadata(SqliteDataReader reader, long nowMs)
    {
        var status = (EscrowStatus)reader.GetInt32(8);
        var expiresMs = reader.GetInt64(6);
        if (status is EscrowStatus.Pending or EscrowStatus.Read && expiresMs <= nowMs)
        {
            status = EscrowStatus.Expired;
        }

        return new EscrowRecordInfo(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt64(4),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            DateTimeOffset.FromUnixTimeMilliseconds(expiresMs),
            reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            status,
            reader.GetString(9));
    }

    private SqliteConnection OpenConnection() => SqliteDatabase.Open(_connectionString, Profile);

    // Binding the record id (and recipient / key id) as associated data stops a ciphertext or a
    // wrapped key being swapped between rows without detection.
    private static byte[] ContentAad(string id, string recipient) => Encoding.UTF8.GetBytes("securerelay-escrow-v1|" + id + "|" + recipient);

    private static byte[] WrapAad(string id, string keyId) => Encoding.UTF8.GetBytes("securerelay-escrow-key-v1|" + id + "|" + keyId);

    /// <summary>nonce ‖ ciphertext ‖ tag.</summary>
    private static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, byte[] aad)
    {
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), aad);
        return output;
    }

    private static byte[] Unseal(ReadOnlySpan<byte> key, byte[] sealedData, byte[] aad)
    {
        if (sealedData.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("sealed escrow data is truncated");
        }

        var length = sealedData.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedData.AsSpan(0, NonceBytes), sealedData.AsSpan(NonceBytes, length), sealedData.AsSpan(NonceBytes + length), plaintext, aad);
        return plaintext;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>For diagnostics and tests: the number of stored records.</summary>
    public long Count()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM escrow_messages;";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
