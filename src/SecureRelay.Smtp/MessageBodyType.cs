namespace SecureRelay.Smtp;

/// <summary>The <c>BODY=</c> MAIL parameter (RFC 6152, RFC 3030). Persisted: values are frozen.</summary>
public enum MessageBodyType
{
    /// <summary>Not given (7bit is implied).</summary>
    Unspecified = 0,
    /// <summary><c>BODY=7BIT</c>.</summary>
    SevenBit = 1,
    /// <summary><c>BODY=8BITMIME</c>.</summary>
    EightBitMime = 2,
    /// <summary><c>BODY=BINARYMIME</c>: no longer offered (refused at MAIL with <c>555 5.5.4</c>); the value stays
    /// because spooled messages of older versions carry it.</summary>
    BinaryMime = 3,
}
