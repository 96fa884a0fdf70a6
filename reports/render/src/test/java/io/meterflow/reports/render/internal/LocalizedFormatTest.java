package io.meterflow.reports.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.plan.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalizedFormatTest {

    private static final String NBSP = "\u00a0";

    @ParameterizedTest
    @CsvSource({
        "de, 1234.56, EUR, '1.234,56 €'",
        "en, 1234.56, EUR, '€1,234.56'",
        "de, 0.00, EUR, '0,00 €'",
        "en, 1234.5678, USD, '$1,234.5678'",
        "de, 1000, JPY, '1.000 ¥'",
    })
    void printsAmountsAtTheirOwnScaleInTheCustomersLanguage(
            String language, String amount, String currency, String expected) {
        String printed = new LocalizedFormat(Locale.forLanguageTag(language)).money(Money.of(amount, currency));

        assertThat(printed.replace(NBSP, " ")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "de, 12000.500000, 0, '12.000,5'",
        "en, 12000.500000, 0, '12,000.5'",
        "de, 0.096, 2, '0,096'",
        "de, 3.5, 2, '3,50'",
        "de, 19, 0, '19'",
    })
    void printsQuantitiesAndPricesWithTheirSignificantDigits(
            String language, String value, int minDigits, String expected) {
        assertThat(new LocalizedFormat(Locale.forLanguageTag(language)).number(new BigDecimal(value), minDigits))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"de, 07.12.2026", "en, 'Dec 7, 2026'", "fr, 7 déc. 2026"})
    void printsDatesAsTheLanguageWritesThem(String language, String expected) {
        assertThat(new LocalizedFormat(Locale.forLanguageTag(language)).date(LocalDate.of(2026, 12, 7)))
                .isEqualTo(expected);
    }
}
