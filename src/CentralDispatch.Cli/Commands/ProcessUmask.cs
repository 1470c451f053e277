using System.Runtime.InteropServices;

namespace CentralDispatch.Cli.Commands;

/// <summary>
/// The process's file-creation mask. `dispatch serve` sets 077, so that anything the dispatcher writes, now or later
/// (a file a library creates on its own), is its owner's alone; the data folder code sets its modes explicitly as well.
/// </summary>
internal static class ProcessUmask
{
    private const uint OwnerOnly = 0b000_111_111; // 077

    public static void RestrictToOwner() => SetMask(OwnerOnly);

    // DllImport, not LibraryImport: the generated marshalling needs AllowUnsafeBlocks for the whole project.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetMask(uint mask);
}
