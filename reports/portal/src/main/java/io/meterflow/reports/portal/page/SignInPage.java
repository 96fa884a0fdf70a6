package io.meterflow.reports.portal.page;

/** The sign-in form: a project id (noauth), or a user name and password (basic, later Keystone). */
public final class SignInPage {

    private SignInPage() {}

    public static String render(boolean asksForPassword, String error) {
        StringBuilder body = new StringBuilder("<section class=\"panel signin\"><h1>Sign in</h1>");
        body.append("<p class=\"muted\">See your project's costs, usage and invoices.</p>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\">")
                    .append(Html.escape(error))
                    .append("</p>");
        }
        body.append("<form method=\"post\" action=\"/portal/signin\"><label>")
                .append(asksForPassword ? "User name (your project id)" : "Project id")
                .append("<input name=\"user\" id=\"user\" autocomplete=\"username\" required autofocus></label>");
        if (asksForPassword) {
            body.append("<label>Password<input type=\"password\" name=\"password\" id=\"password\""
                    + " autocomplete=\"current-password\"></label>");
        }
        body.append("<button type=\"submit\" id=\"signin\">Sign in</button></form></section>");
        return Layout.bare("Sign in", body.toString());
    }
}
