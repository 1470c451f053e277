using System.Buffers.Binary;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>User and group ids by name, through the C library (so /etc/passwd, LDAP or whatever NSS serves).</summary>
internal static class Accounts
{
    /// <summary>The uid of <paramref name="user"/>.</summary>
    /// <exception cref="InvalidOperationException">No such user.</exception>
    public static uint UserId(string user)
    {
        // struct passwd (64-bit): pw_name, pw_passwd (pointers), then pw_uid u32 at 16, pw_gid u32 at 20.
        var entry = Lookup(user, "user", (name, e, b, size) => (Libc.GetPasswordEntry(name, e, b, size, out var found), found));
        return BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(16));
    }

    /// <summary>The gid of <paramref name="group"/>.</summary>
    /// <exception cref="InvalidOperationException">No such group.</exception>
    public static uint GroupId(string group)
    {
        // struct group (64-bit): gr_name, gr_passwd (pointers), then gr_gid u32 at 16.
        var entry = Lookup(group, "group", (name, e, b, size) => (Libc.GetGroupEntry(name, e, b, size, out var found), found));
        return BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(16));
    }

    private static byte[] Lookup(string name, string what, Func<byte[], byte[], byte[], nuint, (int Error, nint Found)> call)
    {
        var entry = new byte[64];
        var size = 16 * 1024;
        while (true)
        {
            var buffer = new byte[size];
            var (error, found) = call(Libc.PathBytes(name), entry, buffer, (nuint)buffer.Length);
            if (error == 34 && size < 1024 * 1024)
            {
                size *= 4; // ERANGE: a group with many members
                continue;
            }

            if (error != 0)
            {
                throw new InvalidOperationException($"Looking up the {what} '{name}' failed (errno {error}).");
            }

            return found != 0 ? entry : throw new InvalidOperationException($"There is no {what} '{name}' on this host.");
        }
    }
}
