package org.dudao.ast;

/**
 * Text that is not in the rule expression language: where (an offset in the text) and why, in Chinese;
 * {@code forbidden} when it is something the language leaves out on purpose ({@code new}, a backslash …)
 * rather than a slip of syntax (a missing bracket).
 */
public final class SyntaxError extends Exception {
    private final int at;
    private final boolean forbidden;

    SyntaxError(int at, String message, boolean forbidden) {
        super(message);
        this.at = at;
        this.forbidden = forbidden;
    }

    /** A slip of syntax. */
    SyntaxError(int at, String message) {
        this(at, message, false);
    }

    public int at() { return at; }

    /** How a refusal for it starts: 不允许的写法 or 语法错误. */
    public String kind() { return forbidden ? "不允许的写法" : "语法错误"; }
}
