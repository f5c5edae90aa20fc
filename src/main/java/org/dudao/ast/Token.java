package org.dudao.ast;

/** A token of the rule expression language; {@code text} of a string is its content without the quotes. */
public record Token(Kind kind, String text, int at) {
    public enum Kind { IDENT, VAR, STRING, NUMBER, SYMBOL, END }

    public boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
    }
}
