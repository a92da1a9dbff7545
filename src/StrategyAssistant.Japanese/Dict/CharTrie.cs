namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// An immutable character trie mapping UTF-16 strings to non-negative integer outputs, laid out breadth-first
/// so that the children of a node are contiguous and sorted by label. Walk it with <see cref="Root"/> and
/// <see cref="TryStep"/>; a node's output is available with <see cref="GetOutput"/>. A key's output may stand for a range
/// of values beginning there (<see cref="GetOutputCount"/>): the system dictionary's trie gives a surface's word ids
/// in the node itself, so a lookup touches no other table before the words.
/// </summary>
public sealed class CharTrie
{
    /// <summary>The root node's index.</summary>
    public const int Root = 0;

    private readonly int[] _rootChildren;

    // Labels apart from the rest of a node: a step binary-searches a node's children by label, and 32 labels share a cache
    // line (a step of a kanji word searches hundreds of children).
    private readonly char[] _labels;
    private readonly Node[] _nodes;

    internal CharTrie(char[] labels, int[] firstChild, int[] childCount, int[] outputs)
    {
        int n = labels.Length;
        if (n == 0 || firstChild.Length != n || childCount.Length != n || outputs.Length != n)
        {
            throw new ArgumentException("Inconsistent trie arrays.");
        }

        _rootChildren = new int[0x10000];
        Array.Fill(_rootChildren, -1);
        int first = firstChild[Root];
        for (int i = 0; i < childCount[Root]; i++)
        {
            int child = first + i;
            if (child <= 0 || child >= n)
            {
                throw new InvalidDataException("Trie root child out of range.");
            }

            _rootChildren[labels[child]] = child;
        }

        _labels = labels;
        _nodes = new Node[n];
        for (int i = 0; i < n; i++)
        {
            if (childCount[i] < 0 || childCount[i] > ushort.MaxValue || (childCount[i] > 0 && (firstChild[i] <= i || (long)firstChild[i] + childCount[i] > n)))
            {
                throw new InvalidDataException("Trie node out of range.");
            }

            _nodes[i] = new Node(firstChild[i], outputs[i], (ushort)childCount[i], (ushort)(outputs[i] >= 0 ? 1 : 0));
        }
    }

    /// <summary>From the parts of a dictionary image (<see cref="DictionaryImage"/>), as they are held in memory.</summary>
    internal CharTrie(int[] rootChildren, char[] labels, Node[] nodes)
    {
        if (rootChildren.Length != 0x10000 || nodes.Length == 0 || labels.Length != nodes.Length)
        {
            throw new InvalidDataException("Inconsistent trie arrays.");
        }

        foreach (ref readonly Node node in nodes.AsSpan())
        {
            if ((node.ChildCount > 0 && (node.FirstChild <= 0 || (long)node.FirstChild + node.ChildCount > nodes.Length))
                || (node.OutputCount > 0) != (node.Output >= 0))
            {
                throw new InvalidDataException("Trie node out of range.");
            }
        }

        foreach (int child in rootChildren)
        {
            if (child >= nodes.Length)
            {
                throw new InvalidDataException("Trie root child out of range.");
            }
        }

        _rootChildren = rootChildren;
        _labels = labels;
        _nodes = nodes;
    }

    /// <summary>
    /// This trie with each output <c>o</c> replaced by the range <c>[starts[o], starts[o + 1])</c> (outputs of the same
    /// keys, in order): the output becomes <c>starts[o]</c> and <see cref="GetOutputCount"/> the range's length.
    /// </summary>
    internal CharTrie WithOutputRanges(int[] starts)
    {
        var nodes = new Node[_nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            Node node = _nodes[i];
            if (node.Output < 0)
            {
                nodes[i] = node;
                continue;
            }

            if (node.Output + 1 >= starts.Length)
            {
                throw new InvalidDataException("Trie output out of range.");
            }

            int start = starts[node.Output];
            int count = starts[node.Output + 1] - start;
            if (start < 0 || count <= 0 || count > ushort.MaxValue)
            {
                throw new InvalidDataException("Inconsistent output ranges.");
            }

            nodes[i] = node with { Output = start, OutputCount = (ushort)count };
        }

        return new CharTrie(_rootChildren, _labels, nodes);
    }

    internal int[] RootChildren => _rootChildren;

    internal Node[] Nodes => _nodes;

    internal char[] LabelArray => _labels;

    /// <summary>Number of nodes, root included.</summary>
    public int NodeCount => _nodes.Length;

    internal char[] Labels => [.. _labels];

    internal int[] FirstChild => [.. _nodes.Select(n => n.FirstChild)];

    internal int[] ChildCount => [.. _nodes.Select(n => n.ChildCount)];

    internal int[] Outputs => [.. _nodes.Select(n => n.Output)];

    /// <summary>Follows the edge labelled <paramref name="c"/> from <paramref name="node"/>; false when there is none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool TryStep(ref int node, char c)
    {
        if (node == Root)
        {
            int child = _rootChildren[c];
            if (child < 0)
            {
                return false;
            }

            node = child;
            return true;
        }

        ref readonly Node parent = ref _nodes[node];
        char[] labels = _labels;
        int lo = parent.FirstChild;
        int hi = lo + parent.ChildCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char label = labels[mid];
            if (label < c)
            {
                lo = mid + 1;
            }
            else if (label > c)
            {
                hi = mid - 1;
            }
            else
            {
                node = mid;
                return true;
            }
        }

        return false;
    }

    /// <summary>The output stored at a node, or -1 when no key ends there.</summary>
    public int GetOutput(int node) => _nodes[node].Output;

    /// <summary>How many values the node's output stands for (1 for a plain output), 0 when no key ends there.</summary>
    public int GetOutputCount(int node) => _nodes[node].OutputCount;

    /// <summary>A node's output and output count in one read (the lattice's lookup).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal ref readonly Node NodeAt(int node) => ref _nodes[node];

    /// <summary>Looks up an exact key; -1 when absent.</summary>
    public int Get(ReadOnlySpan<char> key)
    {
        int node = Root;
        foreach (char c in key)
        {
            if (!TryStep(ref node, c))
            {
                return -1;
            }
        }

        return _nodes[node].Output;
    }

    /// <summary>Enumerates all (key, output) pairs in ordinal key order.</summary>
    public IEnumerable<KeyValuePair<string, int>> Enumerate()
    {
        var stack = new Stack<(int Node, string Prefix)>();
        stack.Push((Root, string.Empty));
        while (stack.Count > 0)
        {
            (int node, string prefix) = stack.Pop();
            Node current = _nodes[node];
            if (current.Output >= 0)
            {
                yield return new KeyValuePair<string, int>(prefix, current.Output);
            }

            for (int i = current.ChildCount - 1; i >= 0; i--)
            {
                int child = current.FirstChild + i;
                stack.Push((child, prefix + _labels[child]));
            }
        }
    }

    /// <summary>
    /// Builds a trie from keys sorted in ordinal order without duplicates; key <c>i</c> gets output <c>i</c>.
    /// </summary>
    public static CharTrie Build(IReadOnlyList<string> sortedKeys)
    {
        for (int i = 1; i < sortedKeys.Count; i++)
        {
            if (string.CompareOrdinal(sortedKeys[i - 1], sortedKeys[i]) >= 0)
            {
                throw new ArgumentException("Keys must be sorted ordinally and distinct.", nameof(sortedKeys));
            }
        }

        var labels = new List<char> { '\0' };
        var firstChild = new List<int> { 0 };
        var childCount = new List<int> { 0 };
        var outputs = new List<int> { -1 };
        var queue = new Queue<(int Node, int Lo, int Hi, int Depth)>();
        queue.Enqueue((Root, 0, sortedKeys.Count, 0));
        while (queue.Count > 0)
        {
            (int node, int lo, int hi, int depth) = queue.Dequeue();
            if (lo < hi && sortedKeys[lo].Length == depth)
            {
                outputs[node] = lo;
                lo++;
            }

            firstChild[node] = labels.Count;
            int count = 0;
            int start = lo;
            while (start < hi)
            {
                char c = sortedKeys[start][depth];
                int end = start + 1;
                while (end < hi && sortedKeys[end][depth] == c)
                {
                    end++;
                }

                int child = labels.Count;
                labels.Add(c);
                firstChild.Add(0);
                childCount.Add(0);
                outputs.Add(-1);
                queue.Enqueue((child, start, end, depth + 1));
                count++;
                start = end;
            }

            childCount[node] = count;
            if (count == 0)
            {
                firstChild[node] = 0;
            }
        }

        return new CharTrie([.. labels], [.. firstChild], [.. childCount], [.. outputs]);
    }

    /// <summary>A node: its children <c>[FirstChild, FirstChild + ChildCount)</c>, its output (-1 for none) and how many
    /// values the output stands for. 12 bytes, as the image stores it.</summary>
    internal readonly record struct Node(int FirstChild, int Output, ushort ChildCount, ushort OutputCount);
}
