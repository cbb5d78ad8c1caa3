using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Features.Messages;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Hongling.Web.Features.Website;

/// <summary>Receives a visitor's message from an organization's page: rate-limited per address, with the
/// question answered, a name, an optional mobile number. On an error the form is shown again here.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.PublicMessages)]
public sealed class LeaveModel(HonglingDb db, PublicChallenge challenge, MessageDesk desk) : PageModel
{
    [BindProperty]
    public PublicMessageInput Input { get; set; } = new();
    public PublicContent.OrgPage Org { get; private set; } = null!;
    public PublicMessageForm Form { get; private set; } = null!;

    public IActionResult OnGet(int id) => Redirect($"/site/org/{id}");

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await PublicContent.OrgAsync(db, id) is not { } org)
            return NotFound();
        Org = org;
        if (challenge.Check(Input.ChallengeToken, Input.ChallengeAnswer) is { } wrong)
            ModelState.AddModelError("Input.ChallengeAnswer", wrong);
        var phone = Input.Phone.NullIfBlank();
        if (phone is not null && Mobile.Validate(phone) is { } phoneError)
            ModelState.AddModelError("Input.Phone", phoneError);
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Input.Body) || string.IsNullOrWhiteSpace(Input.Name))
        {
            var q = challenge.Create();
            Input.ChallengeAnswer = null;
            Form = new PublicMessageForm(id, Input, q.Text, q.Token);
            return Page();
        }
        await desk.PostAsync(
            new MessageDesk.Draft(id, Input.Name!, phone, Input.Body!, Input.IsPublic, MemberId: null)
        );
        return Redirect($"/site/org/{id}?sent=true#sent");
    }
}
