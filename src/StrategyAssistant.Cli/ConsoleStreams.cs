using System.Runtime.InteropServices;
using System.Text;

namespace StrategyAssistant.Cli;

/// <summary>Standard input and output as the console host needs them: a closed standard input is noticed instead of read
/// forever, and a closed output pipe (<c>| head -1</c>) stops the run instead of being ignored.</summary>
internal static class ConsoleStreams
{
    /// <summary>Exit code after a broken output pipe (128 + SIGPIPE), as shells report it.</summary>
    public const int BrokenPipeExitCode = 141;

    private static TextWriter? s_redirectedOutput;

    /// <summary>True when the process was started with standard input closed (<c>&lt;&amp;-</c>). The runtime then reuses
    /// descriptor 0 for a file or pipe of its own, so on Linux descriptor 0 is recognised as one this process opened itself:
    /// a pipe whose write end is also held here, or one of the runtime's own files.</summary>
    public static bool IsStandardInputClosed()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd"))
        {
            return false;
        }

        string? zero = Target("/proc/self/fd/0");
        if (zero is null)
        {
            return true;
        }

        if (zero.EndsWith(".dll", StringComparison.Ordinal) || zero.EndsWith(".so", StringComparison.Ordinal) || zero.StartsWith(RuntimeEnvironment.GetRuntimeDirectory(), StringComparison.Ordinal)
            || zero.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal))
        {
            return true;
        }

        if (!zero.StartsWith("pipe:", StringComparison.Ordinal) && !zero.StartsWith("anon_inode:", StringComparison.Ordinal))
        {
            return false;
        }

        // The runtime duplicates descriptors 0-2, so a read end elsewhere proves nothing; the write end of descriptor 0's
        // own pipe held by this process does (a real standard-input pipe is written by another process).
        foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (Path.GetFileName(fd) != "0" && string.Equals(Target(fd), zero, StringComparison.Ordinal) && IsWriteEnd(Path.GetFileName(fd)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteEnd(string fd)
    {
        try
        {
            string? flags = File.ReadLines($"/proc/self/fdinfo/{fd}").FirstOrDefault(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return flags is not null && (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 3) == 1;
        }
        catch (IOException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Standard output for the commands: when it is redirected, a stream that reports a closed pipe as an
    /// <see cref="IOException"/> (the console stream ignores it, so <c>| head -1</c> would go on answering).</summary>
    public static TextWriter StandardOutput()
    {
        if (!Console.IsOutputRedirected || OperatingSystem.IsWindows())
        {
            return Console.Out;
        }

        var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return s_redirectedOutput = TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096) { AutoFlush = true });
    }

    /// <summary>The byte stream under <paramref name="writer"/> when it is this process's standard output (nothing buffered
    /// in it), for a command that writes megabytes and buffers them itself (<c>tokenize</c>); otherwise null. A closed pipe
    /// is reported as with <see cref="StandardOutput"/>.</summary>
    public static Stream? StandardOutputStream(TextWriter writer)
    {
        if (ReferenceEquals(writer, s_redirectedOutput))
        {
            writer.Flush();
            return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }

        return ReferenceEquals(writer, Console.Out) ? Console.OpenStandardOutput() : null;
    }

    /// <summary>A write to a closed pipe (EPIPE), however it surfaces.</summary>
    public static bool IsBrokenPipe(Exception exception) =>
        exception is IOException io && (io.HResult == 32 || (io.HResult & 0xFFFF) == 32 || io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase));

    private static string? Target(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
