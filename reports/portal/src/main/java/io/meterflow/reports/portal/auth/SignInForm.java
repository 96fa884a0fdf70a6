package io.meterflow.reports.portal.auth;

/**
 * What a tenant typed on the sign-in page. Blank fields are null. Under Keystone either a user
 * name, password and project, or an application credential's id and secret; under {@code basic}
 * a user name (the project) and a password; under {@code noauth} the project id in {@code user}.
 */
public record SignInForm(String user, String password, String project, String credentialId, String credentialSecret) {

    public SignInForm {
        user = trimmed(user);
        project = trimmed(project);
        credentialId = trimmed(credentialId);
        password = password == null || password.isEmpty() ? null : password;
        credentialSecret = credentialSecret == null || credentialSecret.isEmpty() ? null : credentialSecret;
    }

    /** A user name and password alone, as the basic and noauth pages send them. */
    public static SignInForm of(String user, String password) {
        return new SignInForm(user, password, null, null, null);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Never prints the password or the secret. */
    @Override
    public String toString() {
        return "SignInForm[user=" + user + ", project=" + project + ", credentialId=" + credentialId + "]";
    }
}
