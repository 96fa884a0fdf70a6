package io.meterflow.collector.meter.path;

/** One lexical token of a JSONPath expression in the jsonpath-rw-ext dialect. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** A field name, bare ({@code payload}) or quoted ({@code 'a.b'}, {@code "_"}). */
        ID,
        /** A quoted field name: kept apart because arithmetic turns it into a string literal. */
        QUOTED,
        NUMBER,
        FLOAT,
        BOOL,
        /** Back-quoted operator such as {@code `split(#, 0, 1)`} or {@code `this`}. */
        NAMED,
        FILTER_OP,
        WHERE,
        PUNCT,
        END
    }

    boolean is(String punctuation) {
        return kind == Kind.PUNCT && text.equals(punctuation);
    }
}
