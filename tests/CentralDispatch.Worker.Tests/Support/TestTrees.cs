namespace CentralDispatch.Worker.Tests.Support;

/// <summary>Builds trees for tests: files by relative path, folders made on the way.</summary>
public static class TestTrees
{
    public static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
