using System.Diagnostics;

namespace StrategyAssistant.Cli;

/// <summary>A spinner with the elapsed seconds on standard error while something slow runs (the index is built or
/// loaded), shown only on a terminal and only after half a second; the line is cleared when done. Nothing is written
/// when standard error is redirected or the command writes JSON.</summary>
internal sealed class Progress : IAsyncDisposable
{
    private static readonly TimeSpan s_delay = TimeSpan.FromMilliseconds(500);
    private static readonly string[] s_frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly TextWriter _error;
    private readonly Task _task;
    private bool _shown;

    private Progress(TextWriter error, string message)
    {
        _error = error;
        _task = RunAsync(error, message);
    }

    /// <summary>Whether progress may be shown: standard error is a terminal and the output is not JSON.</summary>
    public static bool Enabled(bool json) => !json && !Console.IsErrorRedirected;

    public static Progress? Start(TextWriter error, string message, bool enabled) => enabled ? new Progress(error, message) : null;

    /// <summary>Writes a line above the spinner (one per document on a long ingest); the spinner goes on under it.</summary>
    public void Line(string text)
    {
        lock (_gate)
        {
            _error.Write($"\r\u001b[K{text}\n");
            _error.Flush();
        }
    }

    /// <summary>Per-document lines of an ingest, written as each document is done (synchronously, so none comes after the end).</summary>
    public IProgress<T> Lines<T>(Func<T, string> format) => new LineReporter<T>(this, format);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _task;
        _stop.Dispose();
    }

    private async Task RunAsync(TextWriter error, string message)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await Task.Delay(s_delay, _stop.Token);
            for (int frame = 0; !_stop.IsCancellationRequested; frame++)
            {
                lock (_gate)
                {
                    _shown = true;
                    error.Write($"\r{s_frames[frame % s_frames.Length]} {message} {watch.Elapsed.TotalSeconds:F0} 秒");
                    error.Flush();
                }

                await Task.Delay(100, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        if (_shown)
        {
            await error.WriteAsync("\r\u001b[K");
            await error.FlushAsync();
        }
    }

    private sealed class LineReporter<T>(Progress progress, Func<T, string> format) : IProgress<T>
    {
        public void Report(T value) => progress.Line(format(value));
    }
}
