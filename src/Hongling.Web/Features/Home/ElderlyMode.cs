using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Home;

/// <summary>长辈模式 of the signed-in account: read once per request by the layout (a class on &lt;html&gt;) and the
/// home page (four large buttons); switched by <c>/Home/Elderly</c>. Kept on the account, so it follows the
/// member to every device.</summary>
public sealed class ElderlyMode(HonglingDb db)
{
    private bool? _on;

    public async Task<bool> IsOnAsync() =>
        _on ??=
            db.Scope.AccountId is { } id
            && await db.Users.Where(a => a.Id == id).Select(a => a.ElderlyMode).FirstOrDefaultAsync();

    public async Task SetAsync(bool on)
    {
        if (db.Scope.AccountId is not { } id)
            return;
        await db.Users.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ElderlyMode, on));
        _on = on;
    }
}
