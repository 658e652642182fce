package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfWidthKanaTest {

    @Test
    void convertsVoicedSmallAndLongSounds() {
        assertThat(HalfWidthKana.of("ヤマダ　タロウ")).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(HalfWidthKana.of("ショウタ")).isEqualTo("ｼｮｳﾀ");
        assertThat(HalfWidthKana.of("ポッキー")).isEqualTo("ﾎﾟｯｷｰ");
        assertThat(HalfWidthKana.of("さくら")).isEqualTo("ｻｸﾗ");
        assertThat(HalfWidthKana.of("ヴ")).isEqualTo("ｳﾞ");
    }

    @Test
    void recognisesHalfWidth() {
        assertThat(HalfWidthKana.isHalfWidth("ﾔﾏﾀﾞ ﾀﾛｳ")).isTrue();
        assertThat(HalfWidthKana.isHalfWidth("ヤマダ ﾀﾛｳ")).isFalse();
        assertThat(HalfWidthKana.isHalfWidth("ﾔﾏﾀﾞ　ﾀﾛｳ")).isFalse();
        assertThat(HalfWidthKana.isHalfWidth("")).isFalse();
    }
}
