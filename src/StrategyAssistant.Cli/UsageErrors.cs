using System.CommandLine;
using System.CommandLine.Parsing;

namespace StrategyAssistant.Cli;

/// <summary>What makes a command line a usage error (exit 2): the parser's errors, and any word that looks like an option
/// but is none (<c>ask --jsno</c> is a mistyped option, never a question).</summary>
internal static class UsageErrors
{
    public const string Usage = "使い方: strategy-assistant ask \"質問\" | ask --json [\"質問\"] | chat | index | records export | eval | bench | tokenize  （--help で詳細）";

    public static IReadOnlyList<string> Of(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var errors = parse.Errors.Select(e => e.Message).ToList();
        foreach (Token token in parse.Tokens)
        {
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value))
            {
                errors.Add($"不明なオプション: {token.Value}");
            }
        }

        errors.AddRange(parse.UnmatchedTokens.Where(LooksLikeOption).Select(t => $"不明なオプション: {t}").Where(e => !errors.Contains(e)));
        return errors;
    }

    /// <summary>"--word" or "-x…" (a letter after one dash); a negative number such as "-5" is not an option.</summary>
    internal static bool LooksLikeOption(string value) =>
        (value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2) || (value.Length > 1 && value[0] == '-' && char.IsAsciiLetter(value[1]));
}
