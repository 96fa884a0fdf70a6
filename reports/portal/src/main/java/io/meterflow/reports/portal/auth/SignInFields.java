package io.meterflow.reports.portal.auth;

/** Which fields the sign-in page shows. */
public enum SignInFields {
    /** noauth: the project id alone */
    PROJECT_ID,
    /** basic: a user name (the project id) and a password */
    USER_AND_PASSWORD,
    /** Keystone: user name, password and project, or an application credential's id and secret */
    KEYSTONE
}
