using System.Numerics;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary>The fee rules of each mode, without a node (decision 0018).</summary>
public sealed class FeePricingTests
{
    private static readonly BigInteger Cap = 500 * TransactionSenderOptions.Gwei;

    [Fact]
    public void Eip1559_offers_twice_the_base_fee_plus_the_tip_within_the_cap()
    {
        Assert.Equal(new TransactionFees(25, 5), FeePricing.Eip1559(10, 5, Cap));
        Assert.Equal(new TransactionFees(12, 5), FeePricing.Eip1559(10, 5, 12));
        Assert.Equal(new TransactionFees(10, 10), FeePricing.Eip1559(10, 50, 10));
        Assert.Equal(new TransactionFees(5, 5), FeePricing.Eip1559(0, 5, Cap));
    }

    [Fact]
    public void Eip1559_refuses_a_base_fee_above_the_cap()
    {
        var error = Assert.Throws<FeeCapExceededException>(() => FeePricing.Eip1559(11, 1, 10));
        Assert.Equal((11, 10), ((int)error.BaseFeePerGas, (int)error.MaxFeePerGasCap));
    }

    [Fact]
    public void Legacy_offers_the_node_gas_price_cut_to_the_cap()
    {
        Assert.Equal(TransactionFees.Legacy(7), FeePricing.Legacy(7, Cap));
        Assert.Equal(TransactionFees.Legacy(Cap), FeePricing.Legacy(Cap + 1, Cap));
        Assert.Equal(TransactionType.Legacy, FeePricing.Legacy(7, Cap).Type);
    }

    [Fact]
    public void Free_offers_nothing_as_type_2_where_blocks_have_a_zero_base_fee_and_as_legacy_before_London()
    {
        var london = FeePricing.Free(BigInteger.Zero);
        var berlin = FeePricing.Free(null);

        Assert.Equal((TransactionType.Eip1559, true), (london.Type, london.IsZero));
        Assert.Equal((TransactionType.Legacy, true), (berlin.Type, berlin.IsZero));
    }

    [Fact]
    public void Free_refuses_a_network_that_charges_a_base_fee()
    {
        var error = Assert.Throws<FeeCapExceededException>(() => FeePricing.Free(7));

        Assert.Equal((7, 0), ((int)error.BaseFeePerGas, (int)error.MaxFeePerGasCap));
        Assert.Contains("zeroBaseFee", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(8, 9)]
    [InlineData(9, 11)]
    [InlineData(1_000_000_000, 1_125_000_000)]
    public void A_bump_adds_one_eighth_rounded_up_and_at_least_one(long value, long bumped) =>
        Assert.Equal(new BigInteger(bumped), FeePricing.Bump(value));

    [Fact]
    public void An_EIP_1559_replacement_bumps_both_fields_and_never_offers_less_than_the_market()
    {
        Assert.Equal(new TransactionFees(113, 12), FeePricing.Replacement(new TransactionFees(100, 10), new TransactionFees(50, 5)));
        Assert.Equal(new TransactionFees(300, 30), FeePricing.Replacement(new TransactionFees(100, 10), new TransactionFees(300, 30)));
    }

    [Fact]
    public void A_legacy_replacement_bumps_the_gas_price_and_stays_legacy()
    {
        var replacement = FeePricing.Replacement(TransactionFees.Legacy(800), TransactionFees.Legacy(100));

        Assert.Equal(TransactionFees.Legacy(900), replacement);
        Assert.Equal(TransactionFees.Legacy(2_000), FeePricing.Replacement(TransactionFees.Legacy(800), TransactionFees.Legacy(2_000)));
    }

    [Fact]
    public void On_a_free_network_there_is_nothing_to_bump()
    {
        Assert.Null(FeePricing.Replacement(new TransactionFees(0, 0), FeePricing.Free(0)));
        Assert.Null(FeePricing.Replacement(TransactionFees.Legacy(0), FeePricing.Free(null)));
    }

    [Fact]
    public void A_zero_fee_transaction_is_priced_up_when_the_mode_is_no_longer_free()
    {
        Assert.Equal(new TransactionFees(25, 5), FeePricing.Replacement(new TransactionFees(0, 0), new TransactionFees(25, 5)));
    }

    [Fact]
    public void Fees_build_the_transaction_type_they_describe_and_read_back_from_it()
    {
        var to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var legacy = TransactionFees.Legacy(9).CreateTransaction(31337, 4, 50_000, to, new byte[] { 1, 2 });
        var eip1559 = new TransactionFees(9, 2).CreateTransaction(31337, 4, 50_000, to, new byte[] { 1, 2 });

        var legacyTransaction = Assert.IsType<LegacyTransaction>(legacy);
        Assert.Equal((9, 4UL, 50_000UL), ((int)legacyTransaction.GasPrice, legacyTransaction.Nonce, legacyTransaction.GasLimit));
        Assert.IsType<Eip1559Transaction>(eip1559);
        Assert.Equal(TransactionFees.Legacy(9), TransactionFees.Of(legacy));
        Assert.Equal(new TransactionFees(9, 2), TransactionFees.Of(eip1559));
    }

    [Fact]
    public void Repricing_keeps_chain_nonce_gas_recipient_value_and_data()
    {
        var to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var original = new TransactionFees(9, 2).CreateTransaction(4242, 7, 60_000, to, new byte[] { 3 }, value: 5);

        var repriced = Assert.IsType<LegacyTransaction>(TransactionFees.Legacy(11).Reprice(original));

        Assert.Equal((4242UL, 7UL, 60_000UL, (Address?)to, new BigInteger(5)), (repriced.ChainId, repriced.Nonce, repriced.GasLimit, repriced.To, repriced.Value));
        Assert.Equal(new byte[] { 3 }, repriced.Data.ToArray());
        Assert.Equal(new BigInteger(11), repriced.GasPrice);
    }
}
