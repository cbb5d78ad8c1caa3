using System.IO.Compression;
using System.Text.Json;
using Hongling.Web.Features.Members.Import;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Hongling.Web.Features.Members;

/// <summary>Excel import: download the template, upload to check (a preview with row-and-column errors),
/// then confirm. Between the two steps the rows read from the file travel back in the form, compressed and
/// sealed for this account for 30 minutes, so any instance can finish the import without reading the file
/// again, and nothing is stored half-way.</summary>
[RequestSizeLimit(8 * 1024 * 1024)]
public sealed class ImportModel(MemberImport import, IDataProtectionProvider protection, OrgScope scope) : PageModel
{
    public MemberImport.Checked? Result { get; private set; }
    public string? Sealed { get; private set; }
    public string? FileName { get; private set; }

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Hongling.MemberImport", scope.AccountId ?? "").ToTimeLimitedDataProtector();

    public void OnGet() { }

    public FileContentResult OnGetTemplate() =>
        File(MemberSheet.Template(), MemberSheet.ContentType, "党员信息导入模板.xlsx");

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要导入的Excel文件");
            return Page();
        }
        if (file.Length > MemberImport.MaxBytes)
        {
            ModelState.AddModelError("file", "文件超过5MB,请分批导入");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        Result = await import.CheckAsync(bytes, ct);
        FileName = file.FileName;
        if (Result.Ok && Result.New.Count > 0)
            Sealed = WebEncoders.Base64UrlEncode(Protector.Protect(Pack(Result.Rows), TimeSpan.FromMinutes(30)));
        return Page();
    }

    private static byte[] Pack(List<MemberImport.Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
            JsonSerializer.Serialize(brotli, rows);
        return buffer.ToArray();
    }

    private static List<MemberImport.Row> Unpack(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<MemberImport.Row>>(brotli) ?? [];
    }

    public async Task<IActionResult> OnPostCommitAsync(string? payload, CancellationToken ct)
    {
        List<MemberImport.Row> rows;
        try
        {
            rows = Unpack(Protector.Unprotect(WebEncoders.Base64UrlDecode(payload ?? "")));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            ModelState.AddModelError("file", "检查结果已过期,请重新选择文件检查");
            return Page();
        }
        // Check again: the data may have changed since the preview.
        Result = await import.RecheckAsync(rows, ct);
        if (!Result.Ok)
            return Page();
        int count;
        try
        {
            count = await import.CommitAsync(Result, ct);
        }
        catch (System.Data.Common.DbException)
        {
            // Another import or edit registered one of these ID numbers in the moment between the check and
            // the insert: the transaction rolled back, nothing of this file is saved.
            ModelState.AddModelError("file", "导入时有党员刚被他人录入,本次没有导入任何数据,请重新选择文件检查");
            Result = null;
            return Page();
        }
        TempData["Status"] =
            $"已导入 {count} 名党员" + (Result.Skipped > 0 ? $",{Result.Skipped} 名已存在未重复导入。" : "。");
        return RedirectToPage("/Members/Index");
    }
}
