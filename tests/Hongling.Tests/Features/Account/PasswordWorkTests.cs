using System.Net;
using Hongling.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hongling.Tests.Features.Account;

/// <summary>Every sign-in attempt hashes the typed password once, whether the card or mobile number exists or
/// not, so that the answer's timing does not tell which exist. Proven by counting the app's own hasher's
/// verifications (a decorator around it), not by timing.</summary>
public sealed class PasswordWorkTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed class Counter
    {
        public int Verifications;
    }

    private sealed class CountingHasher(IPasswordHasher<Hongling.Web.Domain.Account> inner, Counter counter)
        : IPasswordHasher<Hongling.Web.Domain.Account>
    {
        public string HashPassword(Hongling.Web.Domain.Account user, string password) =>
            inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(
            Hongling.Web.Domain.Account user,
            string hashedPassword,
            string providedPassword
        )
        {
            Interlocked.Increment(ref counter.Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>An instance of the app whose password hasher is the registered one wrapped in a counter.</summary>
    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Counted(
        TestApp app,
        Counter counter
    ) =>
        app.WithWebHostBuilder(b =>
            b.ConfigureServices(s =>
            {
                var registered = s.Last(d => d.ServiceType == typeof(IPasswordHasher<Hongling.Web.Domain.Account>));
                s.RemoveAll<IPasswordHasher<Hongling.Web.Domain.Account>>();
                s.AddScoped<IPasswordHasher<Hongling.Web.Domain.Account>>(sp => new CountingHasher(
                    (IPasswordHasher<Hongling.Web.Domain.Account>)
                        ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
                    counter
                ));
            })
        );

    private static async Task<(HttpStatusCode Status, string Html, int Verifications)> SignInAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> instance,
        Counter counter,
        string name,
        string password
    )
    {
        var client = instance.CreateClient(new() { AllowAutoRedirect = false });
        var before = counter.Verifications;
        var response = await TestApp.SignInAsync(client, name, password);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), counter.Verifications - before);
    }

    [Fact]
    public async Task UnknownCardAndUnknownMobile_HashThePasswordOnce_AsAKnownCardDoes()
    {
        var counter = new Counter();
        await using var counted = Counted(app, counter);
        var (_, branch) = await app.AddTownAsync("哈希镇");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, await app.AddMemberAsync(branch, "吴哈希"));

        var known = await SignInAsync(counted, counter, card, "wrong-pass-1");
        var unknownCard = await SignInAsync(counted, counter, TestApp.NewCard(), "wrong-pass-1");
        var unknownMobile = await SignInAsync(
            counted,
            counter,
            "139" + Random.Shared.Next(10_000_000, 99_999_999),
            "wrong-pass-1"
        );

        Assert.Equal(1, known.Verifications);
        Assert.Equal(1, unknownCard.Verifications);
        Assert.Equal(1, unknownMobile.Verifications);
        Assert.All([known, unknownCard, unknownMobile], r => Assert.Contains(LoginModel.BadCredentials, r.Html));
    }

    [Fact]
    public async Task LockedCard_HashesThePasswordOnce_Too()
    {
        var counter = new Counter();
        await using var counted = Counted(app, counter);
        var (_, branch) = await app.AddTownAsync("锁定哈希镇");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, await app.AddMemberAsync(branch, "郑锁定"));
        for (var i = 0; i < 5; i++)
            await SignInAsync(counted, counter, card, "wrong-pass-" + i);

        var locked = await SignInAsync(counted, counter, card, TestApp.Password);
        Assert.Contains(LoginModel.LockedOut, locked.Html);
        Assert.Equal(1, locked.Verifications);
    }

    [Fact]
    public async Task RegisteredMobile_SignsIn_WithOneVerification()
    {
        var counter = new Counter();
        await using var counted = Counted(app, counter);
        var mobile = "138" + Random.Shared.Next(10_000_000, 99_999_999);
        await app.AddAccountAsync(mobile);
        var signedIn = await SignInAsync(counted, counter, mobile, TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(1, signedIn.Verifications);
    }
}
