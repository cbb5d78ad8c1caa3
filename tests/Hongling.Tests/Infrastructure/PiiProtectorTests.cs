using System.Security.Cryptography;
using Hongling.Web.Infrastructure.Pii;

namespace Hongling.Tests.Infrastructure;

public sealed class PiiProtectorTests
{
    [Fact]
    public void Encrypt_RoundTrips_AndNeverStoresThePlainText()
    {
        var pii = new PiiProtector(RandomNumberGenerator.GetBytes(32));
        var cipher = pii.Encrypt("11010519491231002X");
        Assert.DoesNotContain("11010519491231002X", System.Text.Encoding.UTF8.GetString(cipher));
        Assert.NotEqual(cipher, pii.Encrypt("11010519491231002X")); // random nonce
        Assert.Equal("11010519491231002X", pii.Decrypt(cipher));
    }

    [Fact]
    public void Hash_IsStablePerKey_AndDiffersAcrossKeys()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(new PiiProtector(key).Hash("x"), new PiiProtector(key).Hash("x"));
        Assert.NotEqual(
            new PiiProtector(key).Hash("x"),
            new PiiProtector(RandomNumberGenerator.GetBytes(32)).Hash("x")
        );
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Fails() =>
        Assert.ThrowsAny<CryptographicException>(() =>
            new PiiProtector(RandomNumberGenerator.GetBytes(32)).Decrypt(
                new PiiProtector(RandomNumberGenerator.GetBytes(32)).Encrypt("x")
            )
        );
}
