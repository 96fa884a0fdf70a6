package io.meterflow.reports.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInTokensTest {

    private final SignInTokens tokens = new SignInTokens(true);

    @Test
    void aFormsTokenMatchesOnlyItsOwnCookie() {
        String token = tokens.mint();
        assertThat(SignInTokens.matches(token, token)).isTrue();
        assertThat(SignInTokens.matches(token, tokens.mint())).isFalse();
        assertThat(SignInTokens.matches(null, token)).isFalse();
        assertThat(SignInTokens.matches(token, null)).isFalse();
        assertThat(SignInTokens.matches("", "")).isFalse();
    }

    @Test
    void tokensAreRandomAndTheCookieIsKeptFromScriptsAndOtherSites() {
        assertThat(tokens.mint()).isNotEqualTo(tokens.mint()).hasSize(43);
        assertThat(tokens.cookie("abc"))
                .startsWith("meterflow_signin=abc;")
                .contains("Path=/portal/signin", "HttpOnly", "SameSite=Strict", "Secure");
        assertThat(tokens.clear()).contains("Max-Age=0");
    }
}
