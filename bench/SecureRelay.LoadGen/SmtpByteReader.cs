using System.Text;

namespace SecureRelay.LoadGen;

/// <summary>
/// Buffered reader for the SMTP byte stream: CRLF lines with a length limit, and DATA content up to
/// the <c>CRLF.CRLF</c> terminator with a size limit. Used by both the client and the counting sink.
/// </summary>
internal sealed class SmtpByteReader
{
    private const int MaxLine = 4096;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public SmtpByteReader(Stream stream) => _stream = stream;

    /// <summary>True when bytes are already buffered (the peer pipelined more commands).</summary>
    public bool HasBufferedData => _end > _start;

    /// <summary>Reads one line without its CRLF, or null at end of stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken ct)
    {
        var scanFrom = _start;
        while (true)
        {
            var idx = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (idx >= 0)
            {
                var len = idx - _start;
                if (len > 0 && _buffer[idx - 1] == (byte)'\r')
                {
                    len--;
                }

                var line = Encoding.ASCII.GetString(_buffer, _start, len);
                _start = idx + 1;
                return line;
            }

            if (_end - _start >= MaxLine)
            {
                throw new InvalidDataException($"SMTP line longer than {MaxLine} bytes");
            }

            scanFrom = _end;
            var before = _start;
            if (!await FillAsync(ct).ConfigureAwait(false))
            {
                return null;
            }

            scanFrom -= before - _start;
        }
    }

    /// <summary>
    /// Consumes DATA content through the terminating <c>CRLF.CRLF</c> (the content starts at a line
    /// start). Returns the bytes consumed, or -1 when the stream ended first.
    /// </summary>
    public async ValueTask<long> SkipDataAsync(long maxBytes, CancellationToken ct)
    {
        // States: 0 mid-line, 1 after CR, 2 at line start, 3 line start + '.', 4 line start + '.' + CR.
        var state = 2;
        long consumed = 0;
        while (true)
        {
            var i = _start;
            while (i < _end)
            {
                if (state == 0)
                {
                    var idx = Array.IndexOf(_buffer, (byte)'\r', i, _end - i);
                    if (idx < 0)
                    {
                        i = _end;
                        break;
                    }

                    i = idx + 1;
                    state = 1;
                    continue;
                }

                var c = _buffer[i++];
                state = state switch
                {
                    1 => c == '\n' ? 2 : c == '\r' ? 1 : 0,
                    2 => c == '.' ? 3 : c == '\r' ? 1 : 0,
                    3 => c == '\r' ? 4 : 0,
                    4 => c == '\n' ? 5 : c == '\r' ? 1 : 0,
                    _ => 0,
                };
                if (state == 5)
                {
                    consumed += i - _start;
                    _start = i;
                    return consumed;
                }
            }

            consumed += i - _start;
            _start = i;
            if (consumed > maxBytes)
            {
                throw new InvalidDataException($"DATA larger than {maxBytes} bytes");
            }

            if (!await FillAsync(ct).ConfigureAwait(false))
            {
                return -1;
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > 0 && _end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var n = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        if (n == 0)
        {
            return false;
        }

        _end += n;
        return true;
    }
}
