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
    private readonly Task _task;
    private bool _shown;

    private Progress(TextWriter error, string message) => _task = RunAsync(error, message);

    /// <summary>Whether progress may be shown: standard error is a terminal and the output is not JSON.</summary>
    public static bool Enabled(bool json) => !json && !Console.IsErrorRedirected;

    public static Progress? Start(TextWriter error, string message, bool enabled) => enabled ? new Progress(error, message) : null;

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
                _shown = true;
                await error.WriteAsync($"\r{s_frames[frame % s_frames.Length]} {message} {watch.Elapsed.TotalSeconds:F0} 秒");
                await error.FlushAsync();
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
}
