package org.openoqs.server.pdf;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link JapaneseFont} for the whole service, read once at start-up; a broken setting is logged right away. */
@Configuration(proxyBeanMethods = false)
class PdfFontConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PdfFontConfiguration.class);

    @Bean
    JapaneseFont japaneseFont() {
        JapaneseFont font = JapaneseFont.configured();
        font.problem().ifPresentOrElse(
                problem -> log.error("{}: PDF（薬剤情報・特定健診・処方箋の控え）は作成できません: {}", font.source(), problem),
                () -> log.info("PDF font: {}", font.source()));
        return font;
    }
}
