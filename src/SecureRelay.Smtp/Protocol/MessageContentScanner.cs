namespace SecureRelay.Smtp.Protocol;

/// <summary>
/// Turns received message content into the bytes to store, one span at a time, keeping its state
/// across calls so TCP fragmentation does not matter. For DATA it removes dot-stuffing and finds the
/// end of data, which is only ever <c>CRLF "." CRLF</c> (RFC 5321 §4.1.1.4): a line that begins after a
/// bare CR or bare LF can never end the data, which defeats SMTP smuggling (<c>\n.\n</c>,
/// <c>\r.\r</c>, <c>\n.\r\n</c>, <c>\r\n.\r</c>, <c>\r\n\0.\r\n</c>). BDAT content follows the same
/// line-ending rules without the framing, so no bare CR or LF is ever stored and forwarded to a next hop
/// that might read it as a line end. A NUL byte refuses the message in both (RFC 5321 §4.5.2 text has
/// none, and next hops treat it inconsistently). It also enforces the size, header and line limits on the
/// bytes received and notes 8-bit content.
/// </summary>
internal sealed class MessageContentScanner
{
    private readonly bool _dotStuffed;
    private readonly BareLineEndingHandling _bareLineEndings;
    private readonly long _maxSize;
    private readonly int _maxLine;
    private readonly int _maxHeader;
    private State _state = State.LineStart;
    private long _lineLength;
    private long _longestLine;
    private long _headerBytes;
    private bool _inHeaders = true;

    /// <param name="dotStuffed">True for DATA (dot-stuffing, terminator); false for BDAT chunks.</param>
    /// <param name="limits">Size, header and line limits and the bare line ending policy.</param>
    public MessageContentScanner(bool dotStuffed, SmtpLimits limits)
    {
        _dotStuffed = dotStuffed;
        _bareLineEndings = limits.BareLineEndings;
        _maxSize = limits.MessageSize;
        _maxLine = limits.DataLineLength;
        _maxHeader = limits.HeaderSectionSize;
    }

    private enum State
    {
        LineStart,          // after a real CRLF (or at the start): "." here may be stuffing or the terminator
        LineStartAfterBare, // after a bare CR/LF: "." here is plain content
        Mid,
        Cr,                 // CR seen, waiting for LF
        Dot,                // "." at LineStart held back
        DotCr,              // "." CR at LineStart held back
    }

    /// <summary>Content bytes received so far (without the terminator).</summary>
    public long ReceivedBytes { get; private set; }

    /// <summary>The first problem found, or None.</summary>
    public ContentViolation Violation { get; private set; }

    /// <summary>True once a byte above 127 was seen.</summary>
    public bool SawEightBit { get; private set; }

    /// <summary>The longest content line seen so far in octets, CRLF not counted, including an
    /// unterminated last line.</summary>
    public long LongestLine => Math.Max(_longestLine, _lineLength);

    /// <summary>
    /// Consumes bytes from <paramref name="input"/> and writes content to <paramref name="output"/>
    /// (which must have room for at least 3 bytes). Bytes after the terminator are left unconsumed.
    /// </summary>
    public ScanStatus Scan(ReadOnlySpan<byte> input, Span<byte> output, out int consumed, out int written)
    {
        var i = 0;
        var o = 0;
        try
        {
            while (i < input.Length)
            {
                if (output.Length - o < 3)
                {
                    return ScanStatus.OutputFull;
                }

                var b = input[i];
                switch (_state)
                {
                    case State.LineStart when _dotStuffed && b == (byte)'.':
                        _state = State.Dot;
                        Account(input.Slice(i, 1), countsForLine: true);
                        i++;
                        break;
                    case State.LineStart:
                    case State.LineStartAfterBare:
                        _state = State.Mid;
                        break;
                    case State.Mid:
                        {
                            var rest = input[i..];
                            var run = rest.IndexOfAny((byte)'\r', (byte)'\n', (byte)0);
                            if (run < 0)
                            {
                                run = rest.Length;
                            }

                            run = Math.Min(run, output.Length - o);
                            if (run > 0)
                            {
                                rest[..run].CopyTo(output[o..]);
                                Account(rest[..run], countsForLine: true);
                                i += run;
                                o += run;
                                break;
                            }

                            if (b == 0)
                            {
                                // Dropped, and the message is refused once its end is found.
                                Account(input.Slice(i, 1), countsForLine: true);
                                i++;
                                SetViolation(ContentViolation.Nul);
                                break;
                            }

                            Account(input.Slice(i, 1), countsForLine: false);
                            i++;
                            if (b == (byte)'\r')
                            {
                                _state = State.Cr;
                            }
                            else
                            {
                                BareLineEnding(output, ref o);
                            }

                            break;
                        }

                    case State.Cr:
                        if (b == (byte)'\n')
                        {
                            Account(input.Slice(i, 1), countsForLine: false);
                            i++;
                            output[o++] = (byte)'\r';
                            output[o++] = (byte)'\n';
                            EndOfLine();
                            _state = State.LineStart;
                        }
                        else
                        {
                            // Bare CR: the byte after it is not consumed here; it starts the next line.
                            BareLineEnding(output, ref o);
                        }

                        break;
                    case State.Dot:
                        if (b == (byte)'\r')
                        {
                            _state = State.DotCr;
                            Account(input.Slice(i, 1), countsForLine: false);
                            i++;
                        }
                        else if (b == (byte)'\n')
                        {
                            // ".\n": a lone dot ended by a bare LF is content, never the terminator.
                            Account(input.Slice(i, 1), countsForLine: false);
                            i++;
                            output[o++] = (byte)'.';
                            BareLineEnding(output, ref o);
                        }
                        else
                        {
                            // Dot-stuffing: the leading dot is dropped (RFC 5321 §4.5.2).
                            _state = State.Mid;
                        }

                        break;
                    case State.DotCr:
                        if (b == (byte)'\n')
                        {
                            i++;
                            ReceivedBytes -= 2; // "." and CR belong to the terminator, not the content
                            _state = State.LineStart;
                            return ScanStatus.EndOfData;
                        }

                        // ".\r" followed by anything but LF: the CR is bare; the dot was a real line.
                        output[o++] = (byte)'.';
                        BareLineEnding(output, ref o);
                        break;
                }
            }

            return ScanStatus.NeedMoreInput;
        }
        finally
        {
            consumed = i;
            written = o;
        }
    }

    /// <summary>For BDAT LAST: settles a CR held back at the very end of the content, and ends a last
    /// line that has no line ending with CRLF (as Postfix's cleanup does): content that stops mid-line
    /// would otherwise be accepted and then fail to parse at delivery. Needs room for 3 bytes.</summary>
    public int Finish(Span<byte> output)
    {
        var o = 0;
        if (_state == State.Cr)
        {
            BareLineEnding(output, ref o);
        }
        else if (_state == State.Mid)
        {
            output[o++] = (byte)'\r';
            output[o++] = (byte)'\n';
            EndOfLine();
            _state = State.LineStart;
        }

        return o;
    }

    private void BareLineEnding(Span<byte> output, ref int o)
    {
        if (_bareLineEndings == BareLineEndingHandling.Normalize)
        {
            output[o++] = (byte)'\r';
            output[o++] = (byte)'\n';
        }
        else
        {
            SetViolation(ContentViolation.BareLineEnding);
        }

        EndOfLine();
        _state = State.LineStartAfterBare;
    }

    private void EndOfLine()
    {
        if (_inHeaders && _lineLength == 0)
        {
            _inHeaders = false; // the empty line that ends the header section (RFC 5322 §2.1)
        }

        _longestLine = Math.Max(_longestLine, _lineLength);
        _lineLength = 0;
    }

    private void Account(ReadOnlySpan<byte> bytes, bool countsForLine)
    {
        ReceivedBytes += bytes.Length;
        if (!SawEightBit && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xff) >= 0)
        {
            SawEightBit = true;
        }

        // A held-back "." or ".\r" may turn out to be the terminator: it only counts once it is content.
        var held = _state switch { State.Dot => 1, State.DotCr => 2, _ => 0 };
        if (ReceivedBytes - held > _maxSize)
        {
            SetViolation(ContentViolation.SizeExceeded);
        }

        if (_inHeaders)
        {
            _headerBytes += bytes.Length;
            if (_headerBytes > _maxHeader)
            {
                SetViolation(ContentViolation.HeaderTooLarge);
            }
        }

        if (countsForLine)
        {
            _lineLength += bytes.Length;
            if (_lineLength > _maxLine)
            {
                SetViolation(ContentViolation.LineTooLong);
            }
        }
    }

    private void SetViolation(ContentViolation violation)
    {
        if (Violation == ContentViolation.None)
        {
            Violation = violation;
        }
    }
}
