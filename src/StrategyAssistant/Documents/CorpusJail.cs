namespace StrategyAssistant.Documents;

/// <summary>The corpus folder is a jail: a document path is used only when, after resolving links, it is a regular file
/// inside the folder and no larger than the limit. Nothing outside is ever opened; a FIFO or device is never opened either
/// (they report no size, and a file with no bytes is refused before it is read).</summary>
public static class CorpusJail
{
    /// <summary>The default size limit for a text document.</summary>
    public const long DefaultMaxTextBytes = 20L * 1024 * 1024;

    /// <summary>The resolved path of <paramref name="file"/> in <paramref name="directory"/>, or null with <paramref name="problem"/> saying why not.</summary>
    public static string? Resolve(string directory, string file, long maxBytes, out string? problem)
    {
        problem = null;
        string root = RealPath(Path.GetFullPath(directory));
        string path = Path.Combine(root, file);
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            problem = $"{file} is not in '{directory}'.";
            return null;
        }

        string resolved = RealPath(path);
        string prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!resolved.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = $"{file} leads outside the documents folder (to {resolved}); only files inside it are read.";
            return null;
        }

        var target = new FileInfo(resolved);
        if (!target.Exists || (target.Attributes & (FileAttributes.Directory | FileAttributes.Device)) != 0)
        {
            problem = $"{file} is not a regular file.";
            return null;
        }

        if (target.Length == 0)
        {
            problem = $"{file} is empty (0 bytes) or not a regular file (a FIFO or device); it was not read.";
            return null;
        }

        if (target.Length > maxBytes)
        {
            problem = $"{file} is {target.Length:N0} bytes, over the {maxBytes:N0}-byte limit for a document; it was not read.";
            return null;
        }

        return resolved;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of a resolved path (a file that grew past the limit is refused).</summary>
    public static byte[] ReadBounded(string path, long maxBytes, string file)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new CorpusException($"{file} is over the {maxBytes:N0}-byte limit for a document; it was not read.");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The path with every symbolic link resolved, component by component.</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        if (depth > 40)
        {
            throw new IOException($"Too many levels of symbolic links at {path}.");
        }

        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            for (int hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is not { } link)
                {
                    break;
                }

                next = Path.GetFullPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link));
                next = RealPath(next, depth + 1);
            }

            current = next;
        }

        return current;
    }
}
