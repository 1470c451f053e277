using System.Text;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class JournalReaderTests
{
    private const string Started = "{\"type\":\"JobStarted\",\"at\":\"2025-01-02T03:04:05+00:00\",\"jobId\":7,\"instance\":\"shop\",\"kind\":\"Deploy\",\"attempt\":1}";
    private const string Intent = "{\"type\":\"Intent\",\"at\":\"2025-01-02T03:04:06+00:00\",\"step\":\"Database\",\"resource\":\"database:cd_shop\"}";

    private static JournalReadResult Parse(string text) => JournalReader.Parse("j", Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("{\"type\":\"Cre")]
    [InlineData("{\"type\":\"Created\",\"at\":\"2025-01-02T03:04:07+00:00\",\"step\":\"Database\",\"resource\":\"database:cd_shop\"}")]
    [InlineData("\0\0\0\0")]
    public void Parse_IgnoresALastLineWithoutItsNewline_AndSaysWhereTheValidPartEndsTest(string tail)
    {
        var result = Parse($"{Started}\n{Intent}\n{tail}");

        Assert.Equal(2, result.Records.Count);
        Assert.True(result.HasTornTail);
        Assert.Equal(Encoding.UTF8.GetByteCount($"{Started}\n{Intent}\n"), result.ValidLength);
    }

    [Fact]
    public void Parse_IgnoresAnUnreadableLastLine_EvenWithItsNewlineTest()
    {
        var result = Parse($"{Started}\n{{\"type\":\"Nonsense\"}}\n");

        Assert.Single(result.Records);
        Assert.True(result.HasTornTail);
    }

    [Fact]
    public void Parse_ReadsTheRecordFields_AsWrittenByTheJournalTest()
    {
        var result = Parse($"{Started}\n{Intent}\n");

        Assert.False(result.HasTornTail);
        Assert.Equal((7L, "shop", JournalRecordType.Intent), (result.Records[0].JobId!.Value, result.Records[0].Instance, result.Records[1].Type));
        Assert.Equal("database:cd_shop", result.Records[1].Resource!.ToString());
    }

    [Fact]
    public void Serialize_WritesOneCompactLine_WithoutUnsetFieldsTest()
    {
        var record = JournalRecord.ForStep(JournalRecordType.StepSucceeded, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "Webroot", durationMs: 12.5);

        var line = Encoding.UTF8.GetString(JournalJson.SerializeLine(record));

        Assert.Equal("{\"type\":\"StepSucceeded\",\"at\":\"2025-01-02T03:04:05+00:00\",\"step\":\"Webroot\",\"durationMs\":12.5}\n", line);
    }
}
