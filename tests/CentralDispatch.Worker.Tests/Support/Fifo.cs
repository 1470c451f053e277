using System.Runtime.InteropServices;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>mkfifo(3), for tests that put a FIFO where a tenant would.</summary>
public static class Fifo
{
    /// <returns>0, or -1 when it could not be made (the path exists, say).</returns>
    public static int Make(string path) => MakeFifo(path, 0x1b6);

    [DllImport("libc", EntryPoint = "mkfifo")]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
