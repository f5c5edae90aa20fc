package org.dudao.compile;

/** A token of the rule expression language; {@code text} of a string is its content without the quotes. */
record Token(Kind kind, String text, int at) {
    enum Kind { IDENT, VAR, STRING, NUMBER, SYMBOL, END }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
    }
}
