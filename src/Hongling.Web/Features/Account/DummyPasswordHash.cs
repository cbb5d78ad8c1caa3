using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Hongling.Web.Features.Account;

/// <summary>A password hash of a random password, made once at start with the app's own hasher. Sign-in
/// verifies the typed password against it whenever there is no real hash to check (an unknown card or mobile
/// number, a locked card), so every attempt costs the same hashing work and the answer's timing does not tell
/// which cards and registered mobile numbers exist.</summary>
public sealed class DummyPasswordHash(IServiceScopeFactory scopes) : IHostedService
{
    private string? _hash;

    private string Hash => LazyInitializer.EnsureInitialized(ref _hash, () =>
        {
            using var scope = scopes.CreateScope();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Domain.Account>>();
            return hasher.HashPassword(
                new Domain.Account(),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))
            );
        });

    /// <summary>Does what checking a real password does, and fails.</summary>
    public void Verify(IPasswordHasher<Domain.Account> hasher, string password) =>
        hasher.VerifyHashedPassword(new Domain.Account(), Hash, password);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Hash;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
