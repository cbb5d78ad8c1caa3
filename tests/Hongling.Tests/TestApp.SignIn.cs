using Hongling.Web.Domain;

namespace Hongling.Tests;

/// <summary>Signing in as a role, in one line: a new account (a fresh red card) for the role, signed in through
/// the real sign-in form, and the client that now carries its cookie. Tests that sign the same card in again
/// (a second device, another instance) or look for the card elsewhere (the audit log) use
/// <see cref="SignInAsNewAccountAsync"/> with a card of their own; tests of the sign-in itself use
/// <see cref="SignInAsync"/> by hand.</summary>
public sealed partial class TestApp
{
    /// <summary>An administrator of <paramref name="orgs"/> (and so of their subtrees), with no member
    /// record.</summary>
    public Task<HttpClient> SignInAsAdministratorOfAsync(params Organization[] orgs) =>
        SignInAsNewAccountAsync(NewCard(), administers: orgs);

    /// <summary>The member <paramref name="member"/>, holding their red card.</summary>
    public Task<HttpClient> SignInAsMemberAsync(Member member) => SignInAsNewAccountAsync(NewCard(), member);

    /// <summary>A new member of <paramref name="branch"/> named <paramref name="name"/>, holding their red
    /// card.</summary>
    public async Task<(Member Member, HttpClient Client)> SignInAsMemberAsync(Organization branch, string name = "张三")
    {
        var member = await AddMemberAsync(branch, name);
        return (member, await SignInAsMemberAsync(member));
    }

    /// <summary>The district's system administrator (the SystemAdmin role), who sees every organization.</summary>
    public Task<HttpClient> SignInAsDistrictAsync() => SignInAsNewAccountAsync(NewCard(), systemAdmin: true);

    /// <summary>A new account with the given <paramref name="card"/> (see <see cref="AddAccountAsync"/>), signed in:
    /// for a test that needs the card afterwards.</summary>
    public async Task<HttpClient> SignInAsNewAccountAsync(
        string card,
        Member? member = null,
        Organization[]? administers = null,
        bool systemAdmin = false
    )
    {
        await AddAccountAsync(card, member, administers, systemAdmin);
        return await SignedInClientAsync(card);
    }
}
