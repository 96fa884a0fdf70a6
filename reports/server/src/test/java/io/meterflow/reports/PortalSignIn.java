package io.meterflow.reports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts the sign-in form as a browser does: the form first (its CSRF token in a hidden field and
 * in a cookie), then the post with both. A client with a cookie handler keeps the cookie itself.
 */
final class PortalSignIn {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("meterflow_signin=([^;]+)");

    private PortalSignIn() {}

    /** @param form the form's fields, URL-encoded, without the token */
    static HttpResponse<String> post(HttpClient http, URI base, String form) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(base.resolve("/portal/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page: " + page.body());
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("/portal/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf_token=" + token.group(1)));
        if (http.cookieHandler().isEmpty()) {
            String setCookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("meterflow_signin="))
                    .findFirst()
                    .orElseThrow();
            Matcher cookie = COOKIE.matcher(setCookie);
            cookie.find();
            post.header("Cookie", "meterflow_signin=" + cookie.group(1));
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session id a successful sign-in's answer hands out. */
    static String sessionOf(HttpResponse<?> signedIn) {
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("meterflow_portal="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie: " + signedIn.statusCode()));
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }
}
