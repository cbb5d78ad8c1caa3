using System.Security.Cryptography;
using System.Text;

namespace Hongling.Web.Infrastructure.Pii;

/// <summary>Encrypts sensitive personal information (ID numbers) with AES-GCM and computes the keyed
/// hash used for uniqueness and lookup. Both keys are derived from one master key held outside the
/// database (configuration, or a key file beside the SQLite data), so a stolen database alone reveals
/// nothing.</summary>
public sealed class PiiProtector
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PiiProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("The PII master key must be 32 bytes.");
        _encryptionKey = HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            masterKey,
            32,
            info: "hongling-pii-encrypt"u8.ToArray()
        );
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "hongling-pii-hash"u8.ToArray());
    }

    /// <summary>nonce (12) | tag (16) | ciphertext.</summary>
    public byte[] Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + data.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, data, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        var plain = new byte[cipher.Length - 28];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(cipher.AsSpan(0, 12), cipher.AsSpan(28), cipher.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string Hash(string plain) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plain)));

    /// <summary>Reads Pii:Key (base64, 32 bytes). Without it, and only for the embedded SQLite database,
    /// a key is generated once into the data folder; PostgreSQL deployments must configure the key so
    /// every instance shares it.</summary>
    public static PiiProtector FromConfiguration(IConfiguration config, string dataDirectory, bool allowKeyFile)
    {
        var configured = config["Pii:Key"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new PiiProtector(Convert.FromBase64String(configured));
        if (!allowKeyFile)
            throw new InvalidOperationException(
                "Pii:Key is not configured: set it (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)"
                    + " via the environment variable Pii__Key."
            );
        var file = System.IO.Path.Combine(dataDirectory, "pii.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new PiiProtector(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}

public static class MemberPii
{
    /// <summary>Stores a (validated) ID number the only way it is stored: ciphertext, keyed hash, mask, tail.</summary>
    public static void SetIdNumber(this PiiProtector pii, Domain.Member member, string idNumber)
    {
        var normalized = Domain.IdNumber.Normalize(idNumber);
        member.IdNumberCipher = pii.Encrypt(normalized);
        member.IdNumberHash = pii.Hash(normalized);
        member.IdNumberMasked = Domain.IdNumber.Mask(normalized);
        member.IdNumberTail = normalized[^4..];
    }
}
