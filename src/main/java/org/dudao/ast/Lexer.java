package org.dudao.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a consequence or a constraint into tokens. It accepts less than Java or MVEL
 * and refuses, rather than guesses, whatever the two could read differently from it: a backslash
 * anywhere (Java turns {@code \u000a} into a line break even inside a comment, and {@code \u0022}
 * into a quote inside a string), text blocks, character literals, and any character outside ASCII
 * identifiers, numbers, double-quoted one-line strings and the operators of the language. Comments
 * ({@code //}, {@code /* … *}{@code /}) are allowed in a consequence only.
 */
public final class Lexer {
    private static final String[] SYMBOLS = {"&&", "||", "==", "!=", "<=", ">=", "(", ")", ",", ".", ";", ":", "!", "<", ">", "-"};

    private final String text;
    private final boolean comments;
    private int i;

    private Lexer(String text, boolean comments) {
        this.text = text;
        this.comments = comments;
    }

    public static List<Token> tokens(String text, boolean comments) throws SyntaxError {
        return new Lexer(text, comments).all();
    }

    private List<Token> all() throws SyntaxError {
        int slash = text.indexOf('\\');
        if (slash >= 0) throw new SyntaxError(slash, "不允许反斜杠“\\”（转义符）：请直接写出要用的字符", true);
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= text.length()) {
                out.add(new Token(Token.Kind.END, "", i));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() throws SyntaxError {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                if (!comments) throw new SyntaxError(i, "条件中不能写注释", true);
                if (text.charAt(i + 1) == '/') {
                    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                } else {
                    int end = text.indexOf("*/", i + 2);
                    if (end < 0) throw new SyntaxError(i, "注释“/*”没有结束（缺少“*/”）");
                    i = end + 2;
                }
            } else {
                return;
            }
        }
    }

    private Token next() throws SyntaxError {
        int start = i;
        char c = text.charAt(i);
        if (c == '"') {
            if (text.startsWith("\"\"\"", i)) throw new SyntaxError(i, "不允许文本块（\"\"\"）", true);
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            if (end >= text.length() || text.charAt(end) != '"') throw new SyntaxError(i, "字符串没有在本行结束（缺少右引号“\"”）");
            i = end + 1;
            return new Token(Token.Kind.STRING, text.substring(start + 1, end), start);
        }
        if (c == '\'') throw new SyntaxError(i, "字符串请用双引号“\"”", true);
        if (c == '$') {
            i++;
            if (i >= text.length() || !identifierStart(text.charAt(i))) throw new SyntaxError(start, "“$”之后应是变量名，如 $e");
            while (i < text.length() && identifierPart(text.charAt(i))) i++;
            return new Token(Token.Kind.VAR, text.substring(start, i), start);
        }
        if (identifierStart(c)) {
            while (i < text.length() && identifierPart(text.charAt(i))) i++;
            return new Token(Token.Kind.IDENT, text.substring(start, i), start);
        }
        if (c >= '0' && c <= '9') {
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
            if (i + 1 < text.length() && text.charAt(i) == '.' && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9') {
                i++;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
            }
            if (i < text.length() && (identifierPart(text.charAt(i)) || text.charAt(i) == '$')) {
                throw new SyntaxError(start, "数字写法无法识别：“" + text.substring(start, Math.min(text.length(), i + 1)) + "”");
            }
            return new Token(Token.Kind.NUMBER, text.substring(start, i), start);
        }
        for (String s : SYMBOLS) {
            if (text.startsWith(s, i)) {
                i += s.length();
                return new Token(Token.Kind.SYMBOL, s, start);
            }
        }
        int cp = text.codePointAt(i);
        throw new SyntaxError(i, "无法识别的字符“" + new String(Character.toChars(cp)) + "”（U+" + String.format("%04X", cp) + "）", true);
    }

    private static boolean identifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean identifierPart(char c) {
        return identifierStart(c) || c >= '0' && c <= '9';
    }
}
