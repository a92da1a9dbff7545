namespace StrategyAssistant.Japanese.Util;

/// <summary>
/// The lines of a <see cref="TextReader"/> as segments of one reused buffer, split as <see cref="TextReader.ReadLine"/>
/// splits them (<c>\n</c>, <c>\r</c> or <c>\r\n</c>; a last line without a terminator counts, an empty end does not),
/// without a string per line. A segment is valid until the next <see cref="TryNext"/>.
/// </summary>
internal sealed class LineSource(TextReader input)
{
    private char[] _buffer = new char[1 << 15];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skipLineFeed;

    public bool TryNext(out char[] buffer, out int start, out int length)
    {
        buffer = _buffer;
        while (true)
        {
            if (_skipLineFeed)
            {
                if (_start < _end)
                {
                    if (_buffer[_start] == '\n')
                    {
                        _start++;
                    }

                    _skipLineFeed = false;
                }
                else if (!_eof)
                {
                    Fill();
                    continue;
                }
                else
                {
                    _skipLineFeed = false;
                }
            }

            int i = _buffer.AsSpan(_start, _end - _start).IndexOfAny('\r', '\n');
            if (i >= 0)
            {
                buffer = _buffer;
                start = _start;
                length = i;
                char terminator = _buffer[_start + i];
                _start += i + 1;
                if (terminator == '\r')
                {
                    if (_start < _end)
                    {
                        if (_buffer[_start] == '\n')
                        {
                            _start++;
                        }
                    }
                    else
                    {
                        _skipLineFeed = true;
                    }
                }

                return true;
            }

            if (_eof)
            {
                buffer = _buffer;
                start = _start;
                length = _end - _start;
                _start = _end;
                return length > 0;
            }

            Fill();
        }
    }

    private void Fill()
    {
        int remaining = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, remaining);
        }
        else if (remaining == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _start = 0;
        _end = remaining;
        int read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}

/// <summary>A <see cref="TextReader"/> over a segment of a char array, pointed at another segment with <see cref="Set"/>;
/// disposing it does nothing, so a tokenizer can close it after every line.</summary>
internal sealed class SegmentReader : TextReader
{
    private char[] _chars = [];
    private int _position;
    private int _end;

    public void Set(char[] chars, int start, int length)
    {
        _chars = chars;
        _position = start;
        _end = start + length;
    }

    public override int Peek() => _position < _end ? _chars[_position] : -1;

    public override int Read() => _position < _end ? _chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(buffer.Length, _end - _position);
        _chars.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
