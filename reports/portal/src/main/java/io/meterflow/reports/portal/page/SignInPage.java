package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.auth.SignInFields;

/**
 * The sign-in form: a project id (noauth), a user name and password (basic), or Keystone's user
 * name, password and project, or an application credential. Every form carries its CSRF token.
 */
public final class SignInPage {

    private SignInPage() {}

    /**
     * @param csrfToken the token of the hidden {@code csrf_token} field (the cookie holds the same)
     * @param error     shown above the form, or null
     */
    public static String render(SignInFields fields, String csrfToken, String error) {
        StringBuilder body = new StringBuilder("<section class=\"panel signin\"><h1>Sign in</h1>");
        body.append("<p class=\"muted\">See your project's costs, usage and invoices.</p>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\">")
                    .append(Html.escape(error))
                    .append("</p>");
        }
        body.append("<form method=\"post\" action=\"/portal/signin\">")
                .append("<input type=\"hidden\" name=\"csrf_token\" value=\"")
                .append(Html.escape(csrfToken))
                .append("\">");
        switch (fields) {
            case PROJECT_ID -> body.append(input("Project id", "user", "text", "username", true));
            case USER_AND_PASSWORD ->
                body.append(input("User name (your project id)", "user", "text", "username", true))
                        .append(input("Password", "password", "password", "current-password", false));
            case KEYSTONE ->
                body.append(input("User name", "user", "text", "username", false))
                        .append(input("Password", "password", "password", "current-password", false))
                        .append(input("Project (name or id)", "project", "text", "off", false))
                        .append("<p class=\"muted\">or an application credential</p>")
                        .append(input("Application credential id", "credential_id", "text", "off", false))
                        .append(input("Secret", "credential_secret", "password", "off", false));
        }
        body.append("<button type=\"submit\" id=\"signin\">Sign in</button></form></section>");
        return Layout.bare("Sign in", body.toString());
    }

    private static String input(String label, String name, String type, String autocomplete, boolean required) {
        return "<label>" + label + "<input type=\"" + type + "\" name=\"" + name + "\" id=\"" + name.replace('_', '-')
                + "\" autocomplete=\"" + autocomplete + "\"" + (required ? " required autofocus" : "") + "></label>";
    }
}
