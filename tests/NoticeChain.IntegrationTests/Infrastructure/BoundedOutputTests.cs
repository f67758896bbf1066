namespace NoticeChain.IntegrationTests.Infrastructure;

public sealed class BoundedOutputTests
{
    [Fact]
    public void Keeps_every_line_while_under_capacity()
    {
        var output = new BoundedOutput(headLines: 2, tailLines: 3);

        output.Add("a");
        output.Add("b");
        output.Add("c");

        Assert.Equal(string.Join(Environment.NewLine, "a", "b", "c"), output.ToString());
    }

    [Fact]
    public void Keeps_head_and_tail_and_marks_the_dropped_middle()
    {
        var output = new BoundedOutput(headLines: 2, tailLines: 2);

        foreach (var line in new[] { "1", "2", "3", "4", "5", "6" })
        {
            output.Add(line);
        }

        Assert.Equal(string.Join(Environment.NewLine, "1", "2", "[... 2 lines dropped ...]", "5", "6"), output.ToString());
    }

    [Fact]
    public void Ignores_the_end_of_stream_marker()
    {
        var output = new BoundedOutput(headLines: 1, tailLines: 1);

        output.Add(null);

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Rejects_an_empty_tail()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedOutput(headLines: 1, tailLines: 0));
    }
}
