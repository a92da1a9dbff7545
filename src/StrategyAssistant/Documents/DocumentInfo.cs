namespace StrategyAssistant.Documents;

/// <summary>One manifest entry: what a corpus file is and who issued it.</summary>
/// <param name="File">The file name inside the documents folder, e.g. <c>004_62fb755ce21c91b3.txt</c>.</param>
/// <param name="City">The municipality (市), e.g. 芦別市.</param>
/// <param name="Title">The title as the document names itself.</param>
/// <param name="Kind">strategy, evaluation-sheet, progress-report or committee-material.</param>
/// <param name="Period">The period or fiscal year the document covers, as written.</param>
/// <param name="Issuer">Who issued it.</param>
public sealed record DocumentInfo(string File, string City, string Title, string Kind, string Period, string Issuer);
