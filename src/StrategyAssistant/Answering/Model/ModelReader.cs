using System.Text;
using Microsoft.SemanticKernel;

namespace StrategyAssistant.Answering.Model;

/// <summary>Reads a model answer, streamed or whole, with every wait bounded by <paramref name="token"/> (the answer's
/// deadline): a body that stalls after its headers ends the wait even when the transport does not observe cancellation.</summary>
internal sealed class ModelReader(Kernel kernel, KernelFunction function, KernelArguments arguments, bool streaming, CancellationToken token) : IAsyncDisposable
{
    private IAsyncEnumerator<StreamingKernelContent>? _stream;
    private Task<bool>? _pending;
    private bool _done;

    /// <summary>The next piece of text, and whether more may follow.</summary>
    public async Task<(bool More, string? Piece)> NextAsync()
    {
        if (_done)
        {
            return (false, null);
        }

        if (!streaming)
        {
            _done = true;
            FunctionResult result = await Task.Run(() => kernel.InvokeAsync(function, arguments, token), token).WaitAsync(token).ConfigureAwait(false);
            return (false, result.GetValue<string>());
        }

        _stream ??= kernel.InvokeStreamingAsync(function, arguments, token).GetAsyncEnumerator(token);
        // On the thread pool: a transport that reads synchronously must not hold the deadline's wait.
        IAsyncEnumerator<StreamingKernelContent> stream = _stream;
        _pending = Task.Run(() => stream.MoveNextAsync().AsTask(), CancellationToken.None);
        bool more = await _pending.WaitAsync(token).ConfigureAwait(false);
        _done = !more;
        return (more, more ? _stream.Current.ToString() : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is null)
        {
            return;
        }

        if (_pending is { IsCompleted: false } pending)
        {
            // The read is still blocked (stalled body): dispose once it gives up, and never wait for it here.
            IAsyncEnumerator<StreamingKernelContent> stream = _stream;
            _ = pending.ContinueWith(async _ => await DisposeQuietlyAsync(stream).ConfigureAwait(false), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }

        await DisposeQuietlyAsync(_stream).ConfigureAwait(false);
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<StreamingKernelContent> stream)
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or InvalidOperationException or NotSupportedException)
        {
            // The stream was cut or cancelled; there is nothing left to release.
        }
    }
}

/// <summary>The text of a model answer as it arrives, handed out a complete sentence at a time.</summary>
internal sealed class ModelText(bool streaming)
{
    private readonly StringBuilder _all = new();
    private int _taken;

    public string All => _all.ToString();

    public void Append(string piece) => _all.Append(piece);

    /// <summary>The sentences completed since the last call; the last one only when the text is final (or when more text
    /// has arrived after it, so that closing brackets and markers are known to belong to it).</summary>
    public List<string> TakeSentences(bool final)
    {
        string pending = _all.ToString(_taken, _all.Length - _taken);
        List<string> sentences = [.. GroundingCheck.Sentences(pending)];
        if (!final && sentences.Count > 0 && streaming)
        {
            sentences.RemoveAt(sentences.Count - 1);
        }

        _taken += sentences.Sum(s => s.Length);
        return sentences;
    }
}
