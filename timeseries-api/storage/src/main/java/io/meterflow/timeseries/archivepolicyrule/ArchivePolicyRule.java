package io.meterflow.timeseries.archivepolicyrule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.regex.Pattern;

/** Routes metrics whose name matches a shell-style pattern to an archive policy. */
@JsonPropertyOrder({"name", "archive_policy_name", "metric_pattern"})
public record ArchivePolicyRule(
        String name,
        @JsonProperty("metric_pattern") String metricPattern,
        @JsonProperty("archive_policy_name") String archivePolicyName) {

    /** Python's fnmatch on POSIX: case-sensitive {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
    @JsonIgnore
    public boolean matches(String metricName) {
        return globToRegex(metricPattern)
                .matcher(metricName == null ? "" : metricName)
                .matches();
    }

    /** The regular expression of a shell-style pattern; meter patterns of the sample mapping use it too. */
    public static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        regex.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
