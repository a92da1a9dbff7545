using System.Diagnostics;

namespace StrategyAssistant.Cli;

/// <summary>Opt-in phase timings of a process's start (<c>STRATEGY_ASSISTANT_START_TRACE=1</c>): one line per phase on
/// standard error with its wall and CPU milliseconds, so a slow start can be split (runtime → Main, command line, host,
/// dictionary, snapshot + index, first answer) without a profiler. Off by default; nothing is written then.</summary>
internal static class StartTrace
{
    /// <summary>The environment variable that turns the trace on (<c>1</c>).</summary>
    public const string Variable = "STRATEGY_ASSISTANT_START_TRACE";

    private static readonly Lock s_gate = new();
    private static TimeSpan s_lastCpu;
    private static DateTime s_lastWall;

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The first mark: the time from the process's start to Main (runtime start-up, assembly loading).</summary>
    public static void EnteredMain()
    {
        if (!Enabled)
        {
            return;
        }

        using Process process = Process.GetCurrentProcess();
        lock (s_gate)
        {
            s_lastWall = process.StartTime.ToUniversalTime();
        }

        Mark("runtime → Main");
    }

    /// <summary>Ends the phase <paramref name="phase"/> (started at the previous mark).</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        DateTime now = DateTime.UtcNow;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        lock (s_gate)
        {
            Console.Error.WriteLine($"start: {phase,-28} {(now - s_lastWall).TotalMilliseconds,6:F0} ms wall {(cpu - s_lastCpu).TotalMilliseconds,6:F0} ms CPU");
            s_lastWall = now;
            s_lastCpu = cpu;
        }
    }
}
