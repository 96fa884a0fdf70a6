package io.meterflow.reports.portal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sign-in form's CSRF token, as a double-submit cookie: the form carries a random token in a
 * hidden field and the browser holds the same value in an HttpOnly, SameSite=Strict cookie scoped
 * to the sign-in path. Another site can make a browser post the form but can neither read nor set
 * that cookie, so it cannot sign a victim in to the attacker's project (login CSRF). There is no
 * session yet to tie the token to, hence the cookie.
 */
public final class SignInTokens {

    public static final String COOKIE = "meterflow_signin";
    public static final String FIELD = "csrf_token";
    private static final String PATH = "/portal/signin";
    private static final int BYTES = 32;
    private static final long MAX_AGE_SECONDS = 3600;

    private final SecureRandom random = new SecureRandom();
    private final boolean secure;

    public SignInTokens(boolean secure) {
        this.secure = secure;
    }

    /** A fresh token for one sign-in form. */
    public String mint() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code Set-Cookie} value that hands {@code token} to the browser. */
    public String cookie(String token) {
        return COOKIE + "=" + token + "; Path=" + PATH + "; Max-Age=" + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that drops the token once it has been used. */
    public String clear() {
        return COOKIE + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Whether the form's token is the cookie's, compared in constant time. */
    public static boolean matches(String cookie, String field) {
        if (cookie == null || field == null || cookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }
}
