package org.dudao.ast;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code .drl} file as Drools' parser reads it: the package, the imports, every declaration that
 * is not a rule (functions, globals, types, queries … kept with their kind so a check can refuse
 * them), the rules, and the parser's errors (when there are any the rest is empty).
 */
public record RuleFile(Path path, String source, String packageName, List<Import> imports, List<Declaration> declarations,
                       List<Rule> rules, List<ParseError> errors) {

    /** {@code import a.b.C;} or {@code import function a.b.C.f;}. */
    public record Import(String target, boolean function, Location at) {}

    /**
     * Something a file declares besides rules and imports: {@code kind} is {@code function}, {@code global},
     * {@code declare}, {@code enum}, {@code query}, {@code entry-point}, {@code window}, {@code accumulate-import},
     * {@code unit} or {@code attribute} (a package-wide rule attribute such as {@code dialect}).
     */
    public record Declaration(String kind, String name, Location at) {}

    /** A syntax error as the parser reports it, its text unchanged. */
    public record ParseError(Location at, String message) {}

    public boolean parsed() { return errors.isEmpty(); }
}
