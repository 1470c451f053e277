using System.Security.Cryptography;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>Passwords for instance database users, generated on the worker and kept only there.</summary>
public static class DatabasePassword
{
    /// <summary>Letters and digits only, so the password is safe unquoted in any config file format (.env, PHP, INI).</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>32 characters from a 57-letter alphabet: about 186 bits.</summary>
    public static string Generate(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);
}
