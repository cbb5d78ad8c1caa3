using Hongling.Web.Domain;

namespace Hongling.Tests.Domain;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("11010519491231002x")] // lower-case x is accepted and normalized
    [InlineData("440524198001010013")]
    [InlineData(" 110105194912310038 ")]
    public void Validate_ValidNumbers_ReturnsNull(string id)
    {
        var first17 = IdNumber.Normalize(id)[..17];
        Assert.Equal(IdNumber.Normalize(id)[17], IdNumber.CheckCharFor(first17));
        Assert.Null(IdNumber.Validate(id, Today));
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("440524198001010014", "校验位")]
    [InlineData("11010519491231002", "18位")]
    [InlineData("1101051949123100299", "18位")]
    [InlineData("11010519491231A02X", "前17位")]
    [InlineData("11010519491231002Y", "最后一位")]
    [InlineData("", "请填写")]
    public void Validate_BadNumbers_SaysWhatIsWrong(string id, string expected) =>
        Assert.Contains(expected, IdNumber.Validate(id, Today));

    [Theory]
    [InlineData("19990230")] // no 30 February
    [InlineData("19991301")] // no 13th month
    [InlineData("20300101")] // in the future
    [InlineData("18500101")] // before 1900
    public void Validate_BadBirthDates_AreRefusedEvenWithACorrectCheckDigit(string yyyymmdd)
    {
        var first17 = $"110105{yyyymmdd}003";
        var id = first17 + IdNumber.CheckCharFor(first17);
        Assert.Equal("身份证号码中的出生日期无效", IdNumber.Validate(id, Today));
    }

    [Fact]
    public void Mask_KeepsFirstFourAndLastFour() =>
        Assert.Equal("1101**********002X", IdNumber.Mask("11010519491231002X"));

    [Fact]
    public void BirthDateAndGender_AreReadFromTheNumber()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDate("11010519491231002X"));
        Assert.Equal(Gender.Female, IdNumber.GenderOf("11010519491231002X"));
        Assert.Equal(Gender.Male, IdNumber.GenderOf("110105194912310038"));
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("1381234567a", false)]
    [InlineData("", false)]
    public void Mobile_Validate(string value, bool ok) => Assert.Equal(ok, Mobile.Validate(value) is null);

    [Fact]
    public void Mobile_Mask() => Assert.Equal("138****5678", Mobile.Mask("13812345678"));
}
