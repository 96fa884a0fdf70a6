package io.meterflow.timeseries.archivepolicyrule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metric name patterns as Python's fnmatch reads them on POSIX: whole-name, case-sensitive globs. */
class ArchivePolicyRuleTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*            | cpu.util          | true",
                "*            | ''                | true",
                "disk.*       | disk.io.read      | true",
                "disk.*       | disk.             | true",
                "disk.*       | disk              | false",
                "disk.*       | mydisk.read       | false", // whole-name match, not search
                "disk.*       | Disk.read         | false", // case-sensitive
                "Disk.*       | Disk.read         | true",
                "d?sk.*       | disk.read         | true",
                "d?sk.*       | dsk.read          | false",
                "[x-z]*       | xen               | true",
                "[x-z]*       | wen               | false",
                "[!a]*        | bcd               | true",
                "[!a]*        | abc               | false",
                "cpu          | cpu               | true",
                "cpu          | cpu.util          | false",
                "a.b          | axb               | false", // '.' is literal, not any character
                "a+b(c)       | a+b(c)            | true", // regex syntax is literal
                "a\\d         | a\\d              | true",
                "[ab          | [ab               | true", // an unclosed bracket is literal
                "*.util       | cpu.util          | true",
                "*.util       | cpu.util.x        | false"
            })
    void matchesLikeFnmatch(String pattern, String name, boolean matches) {
        assertThat(new ArchivePolicyRule("r", pattern, "low").matches(name)).isEqualTo(matches);
    }

    @Test
    void metricWithoutNameIsMatchedAsTheEmptyName() {
        assertThat(new ArchivePolicyRule("r", "*", "low").matches(null)).isTrue();
        assertThat(new ArchivePolicyRule("r", "?*", "low").matches(null)).isFalse();
    }
}
