using System.Security.Cryptography;
using System.Text;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Creates bearer tokens and the hashes we store instead of them.</summary>
public static class Tokens
{
    public const string AdminPrefix = "cda_";
    public const string WorkerPrefix = "cdw_";

    /// <summary>A new random token: prefix plus 256 bits, base64url.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 of the token. Tokens carry 256 random bits, so a fast hash is enough (no dictionary to attack).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
