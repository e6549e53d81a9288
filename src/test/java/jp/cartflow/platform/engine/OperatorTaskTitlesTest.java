package jp.cartflow.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTaskTitlesTest {

    @Test
    void theTitleCarriesTheOrderNumberAndTheAmount() {
        assertThat(OperatorTaskTitles.title("与信NGに対応する", "S-1001", null, "¥12,800"))
                .isEqualTo("与信NGに対応する 注文 S-1001 ¥12,800");
        assertThat(OperatorTaskTitles.title("伝票番号を登録する", "1002", null, null)).isEqualTo("伝票番号を登録する 注文 1002");
        assertThat(OperatorTaskTitles.title("解約を確認する", null, "T-7", null)).isEqualTo("解約を確認する 定期 T-7");
    }

    @Test
    void refusalsShowOnlyTheJapaneseHalf() {
        assertThat(OperatorRefusals.operatorMessage("出荷日が未来の日付です / shipped date is in the future: 2027-08-06"))
                .isEqualTo("出荷日が未来の日付です");
        assertThat(OperatorRefusals.operatorMessage("order 1 is cancelled")).isEqualTo("入力内容を受け付けられませんでした(order 1 is cancelled)");
    }
}
