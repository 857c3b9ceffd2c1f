using System.Net;
using System.Net.Sockets;

namespace SecureRelay.Smtp.Protocol;

/// <summary>
/// A cursor over a command argument that reads RFC 5321 §4.1.2 paths and mailboxes, with the RFC 6531
/// extensions (UTF-8 in atext, qtextSMTP and sub-domains) when <c>allowUtf8</c> is set.
/// </summary>
internal struct MailboxReader
{
    private const int MaxLocalPart = 64;   // RFC 5321 §4.5.3.1.1
    private const int MaxDomain = 255;     // RFC 5321 §4.5.3.1.2
    private const int MaxPath = 256;       // RFC 5321 §4.5.3.1.3

    private readonly string _text;
    private readonly bool _allowUtf8;
    private int _pos;
    private bool _sawNonAscii;

    public MailboxReader(string text, bool allowUtf8)
    {
        _text = text;
        _allowUtf8 = allowUtf8;
    }

    public readonly bool AtEnd => _pos >= _text.Length;

    public readonly string Remaining => _text[_pos..];

    public bool TryRead(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary><c>Path = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"</c>; <c>A-d-l = At-domain *( "," At-domain )</c>;
    /// <c>At-domain = "@" Domain</c>. The source route is read and ignored (RFC 5321 §4.1.1.3).</summary>
    public bool TryReadPath(out string mailbox, out bool international)
    {
        mailbox = string.Empty;
        international = false;
        var start = _pos;
        if (!TryRead('<'))
        {
            return false;
        }

        if (_pos < _text.Length && _text[_pos] == '@')
        {
            do
            {
                if (!TryRead('@') || !TryReadDomain())
                {
                    return false;
                }
            }
            while (TryRead(','));

            if (!TryRead(':'))
            {
                return false;
            }
        }

        var mailboxStart = _pos;
        if (!TryReadMailbox())
        {
            return false;
        }

        mailbox = _text[mailboxStart.._pos];
        if (!TryRead('>') || _pos - start > MaxPath)
        {
            return false;
        }

        international = _sawNonAscii;
        return true;
    }

    /// <summary><c>Mailbox = Local-part "@" ( Domain / address-literal )</c>;
    /// <c>Local-part = Dot-string / Quoted-string</c>.</summary>
    private bool TryReadMailbox()
    {
        var start = _pos;
        var ok = _pos < _text.Length && _text[_pos] == '"' ? TryReadQuotedString() : TryReadDotString();
        if (!ok || _pos - start > MaxLocalPart || !TryRead('@'))
        {
            return false;
        }

        var domainStart = _pos;
        if (_pos < _text.Length && _text[_pos] == '[')
        {
            return TryReadAddressLiteral();
        }

        return TryReadDomain() && _pos - domainStart <= MaxDomain;
    }

    /// <summary><c>Dot-string = Atom *("." Atom)</c>; <c>Atom = 1*atext</c>.</summary>
    private bool TryReadDotString()
    {
        do
        {
            var atomStart = _pos;
            while (_pos < _text.Length && IsAtext(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == atomStart)
            {
                return false;
            }
        }
        while (TryRead('.'));

        return true;
    }

    /// <summary><c>Quoted-string = DQUOTE *QcontentSMTP DQUOTE</c>; <c>QcontentSMTP = qtextSMTP / quoted-pairSMTP</c>;
    /// <c>quoted-pairSMTP = %d92 %d32-126</c>; <c>qtextSMTP = %d32-33 / %d35-91 / %d93-126</c>.</summary>
    private bool TryReadQuotedString()
    {
        if (!TryRead('"'))
        {
            return false;
        }

        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return true;
            }

            if (c == '\\')
            {
                if (_pos + 1 >= _text.Length || _text[_pos + 1] is < ' ' or > '~')
                {
                    return false;
                }

                _pos += 2;
                continue;
            }

            if (!(c is >= ' ' and <= '~' || IsUtf8NonAscii(c)))
            {
                return false;
            }

            _pos++;
        }

        return false;
    }

    /// <summary><c>Domain = sub-domain *("." sub-domain)</c>; <c>sub-domain = Let-dig [Ldh-str]</c>;
    /// <c>Ldh-str = *( ALPHA / DIGIT / "-" ) Let-dig</c>; RFC 6531: <c>sub-domain =/ U-label</c>.</summary>
    private bool TryReadDomain()
    {
        var start = _pos;
        do
        {
            var labelStart = _pos;
            while (_pos < _text.Length && (IsLetDig(_text[_pos]) || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (_pos == labelStart || _text[labelStart] == '-' || _text[_pos - 1] == '-' || _pos - labelStart > 63)
            {
                return false;
            }
        }
        while (TryRead('.'));

        return _pos - start <= MaxDomain;
    }

    /// <summary><c>address-literal = "[" ( IPv4-address-literal / IPv6-address-literal / General-address-literal ) "]"</c>;
    /// <c>IPv6-address-literal = "IPv6:" IPv6-addr</c>. General literals (<c>Standardized-tag ":" 1*dcontent</c>) are refused:
    /// no tag is registered.</summary>
    public bool TryReadAddressLiteral()
    {
        if (!TryRead('['))
        {
            return false;
        }

        var close = _text.IndexOf(']', _pos);
        if (close < 0)
        {
            return false;
        }

        var literal = _text[_pos..close];
        _pos = close + 1;
        if (literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.TryParse(literal[5..], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // IPv4-address-literal = Snum 3("." Snum); IPAddress.TryParse alone accepts "1" or "0x1".
        var parts = literal.Split('.');
        return parts.Length == 4
            && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    private bool IsLetDig(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        return IsUtf8NonAscii(c);
    }

    /// <summary><c>atext</c> (RFC 5322 §3.2.3): ALPHA / DIGIT / "!#$%&amp;'*+-/=?^_`{|}~"; RFC 6531: <c>=/ UTF8-non-ascii</c>.</summary>
    private bool IsAtext(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        return c switch
        {
            '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~' => true,
            _ => IsUtf8NonAscii(c),
        };
    }

    private bool IsUtf8NonAscii(char c)
    {
        if (c < 0x80 || !_allowUtf8 || char.IsControl(c) || char.IsWhiteSpace(c))
        {
            return false;
        }

        _sawNonAscii = true;
        return true;
    }
}
