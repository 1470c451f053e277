namespace CentralDispatch.Core.Tests.Support;

/// <summary>Theory data for every combination of two sets, for tests that walk a whole state table.</summary>
internal static class Matrix
{
    public static TheoryData<TFirst, TSecond> Of<TFirst, TSecond>(IEnumerable<TFirst> first, IEnumerable<TSecond> second)
    {
        var data = new TheoryData<TFirst, TSecond>();
        var seconds = second.ToList();
        foreach (var a in first)
        {
            foreach (var b in seconds)
            {
                data.Add(a, b);
            }
        }

        return data;
    }
}
