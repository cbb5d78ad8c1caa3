using Hongling.Web.Infrastructure.Uploads;

namespace Hongling.Web.Features.Aid;

/// <summary>An application's uploaded files, each checked by its bytes (<see cref="DocumentUpload"/>): the accepted
/// documents and a Chinese refusal per file that is not (or one for too many files). The page and the API read
/// them alike.</summary>
public static class AidDocuments
{
    public const int MaxFiles = 5;

    public static async Task<(List<AcceptedDocument> Documents, List<string> Refusals)> ReadAsync(
        IReadOnlyList<IFormFile> files,
        CancellationToken ct
    )
    {
        var (documents, refusals) = (new List<AcceptedDocument>(), new List<string>());
        if (files.Count > MaxFiles)
            refusals.Add($"附件最多{MaxFiles}个");
        foreach (var file in files.Take(MaxFiles))
        {
            var (document, refusal) = await DocumentUpload.ReadAsync(file, ct);
            if (refusal is not null)
                refusals.Add(refusal);
            else
                documents.Add(document!);
        }
        return (documents, refusals);
    }

    /// <summary>A month as a month input posts it (yyyy-MM) in the stored form yyyyMM; null when it is not
    /// one.</summary>
    public static int? Month(string? s) =>
        DateOnly.TryParseExact(s?.Trim() + "-01", "yyyy-MM-dd", out var d) ? d.Year * 100 + d.Month : null;
}
