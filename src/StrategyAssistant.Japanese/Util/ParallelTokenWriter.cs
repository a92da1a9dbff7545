using System.Collections.Concurrent;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese.Util;

/// <summary>
/// Tokenizes the lines of a reader on several threads and writes the output in input order, byte for byte what one
/// <see cref="TokenLineWriter"/> would write: lines are cut into chunks of whole lines, each chunk is tokenized by a
/// tokenizer of its own (the dictionary is shared read-only), and chunks are written in the order they were read. A
/// fixed set of chunks is reused, so memory stays bounded whatever the input size.
/// </summary>
internal static class ParallelTokenWriter
{
    // Input characters per chunk: large enough that handing a chunk to a worker (microseconds) costs nothing next to
    // tokenizing it (about a millisecond), small enough that the chunks in flight and their output (some 15–25 characters
    // per input character) stay about a megabyte: the process's peak memory is what the tokenizer is measured by.
    private const int ChunkChars = 1 << 12;

    /// <summary>Writes to <paramref name="output"/> (characters) or, when it is null, to <paramref name="bytes"/> as UTF-8
    /// formatted by the workers (the writing thread only copies bytes).</summary>
    public static void Write(TextReader input, TextWriter? output, Stream? bytes, JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation, int threads)
    {
        if ((output is null) == (bytes is null))
        {
            throw new ArgumentException("Exactly one of the outputs.");
        }

        var writers = new ConcurrentBag<TokenLineWriter>();
        var free = new Queue<Chunk>();
        for (int i = 0; i < threads * 2; i++)
        {
            free.Enqueue(new Chunk());
        }

        var inFlight = new Queue<(Chunk Chunk, Task Work)>();
        var lines = new LineSource(input);
        Chunk current = free.Dequeue();
        try
        {
            while (lines.TryNext(out char[] chars, out int start, out int length))
            {
                current.Add(chars, start, length);
                if (current.InputLength >= ChunkChars)
                {
                    Dispatch(current);
                    current = free.Count > 0 ? free.Dequeue() : WriteOldest();
                }
            }

            if (current.LineCount > 0)
            {
                Dispatch(current);
            }

            while (inFlight.Count > 0)
            {
                WriteOldest();
            }
        }
        finally
        {
            // Only after every worker has finished (a failed one rethrows from WriteOldest, the rest are awaited here).
            foreach ((_, Task work) in inFlight)
            {
                work.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }

            foreach (TokenLineWriter writer in writers)
            {
                writer.Dispose();
            }
        }

        void Dispatch(Chunk chunk)
        {
            inFlight.Enqueue((chunk, Task.Run(() =>
            {
                TokenLineWriter writer = writers.TryTake(out TokenLineWriter? pooled) ? pooled : new TokenLineWriter(mode, userDictionary, discardPunctuation);
                try
                {
                    chunk.Tokenize(writer, utf8: bytes is not null);
                }
                finally
                {
                    writers.Add(writer);
                }
            })));
        }

        Chunk WriteOldest()
        {
            (Chunk chunk, Task work) = inFlight.Dequeue();
            work.GetAwaiter().GetResult();
            if (output is not null)
            {
                output.Write(chunk.Output.Chars, 0, chunk.Output.Length);
            }
            else
            {
                bytes!.Write(chunk.Bytes.Bytes, 0, chunk.Bytes.Length);
            }

            chunk.Clear();
            return chunk;
        }
    }

    private sealed class Chunk
    {
        private char[] _input = new char[ChunkChars * 2];
        private int[] _lineLengths = new int[256];

        public int InputLength { get; private set; }

        public int LineCount { get; private set; }

        public CharBuffer Output = new([]);

        public Utf8Buffer Bytes = new([]);

        public void Add(char[] chars, int start, int length)
        {
            if (InputLength + length > _input.Length)
            {
                Array.Resize(ref _input, Math.Max(_input.Length * 2, InputLength + length));
            }

            if (LineCount == _lineLengths.Length)
            {
                Array.Resize(ref _lineLengths, _lineLengths.Length * 2);
            }

            Array.Copy(chars, start, _input, InputLength, length);
            InputLength += length;
            _lineLengths[LineCount++] = length;
        }

        /// <summary>Formats the chunk's lines into <see cref="Bytes"/> (UTF-8) or <see cref="Output"/> (characters); a chunk
        /// holds whole lines, so no surrogate pair is split between chunks.</summary>
        public void Tokenize(TokenLineWriter writer, bool utf8)
        {
            int start = 0;
            for (int i = 0; i < LineCount; i++)
            {
                if (utf8)
                {
                    if (Bytes.Bytes.Length == 0)
                    {
                        Bytes.Bytes = new byte[ChunkChars * 48];
                    }

                    writer.Write(_input, start, _lineLengths[i], ref Bytes);
                }
                else
                {
                    if (Output.Chars.Length == 0)
                    {
                        Output.Chars = new char[ChunkChars * 32];
                    }

                    writer.Write(_input, start, _lineLengths[i], ref Output);
                }

                start += _lineLengths[i];
            }
        }

        public void Clear()
        {
            InputLength = 0;
            LineCount = 0;
            Output.Length = 0;
            Bytes.Length = 0;
        }
    }
}
