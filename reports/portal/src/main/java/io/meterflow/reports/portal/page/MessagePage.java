package io.meterflow.reports.portal.page;

/** A plain message in place of a page: a refused link, something not found, an unavailable service. */
public final class MessagePage {

    private MessagePage() {}

    public static String render(String title, String text) {
        return Layout.bare(
                title,
                "<section class=\"panel signin\"><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text)
                        + "</p><p><a href=\"/portal\">Back to the portal</a></p></section>");
    }
}
