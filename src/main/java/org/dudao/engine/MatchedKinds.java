package org.dudao.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.mvel.MVELConstraint;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of entity some pattern of a rule base can match. An entity of another kind need not be
 * in a session: the helpers read it from {@link Facts}, and inserting it costs (the shipped rules match
 * no class, and a workbook has thirty times more classes than schools). A pattern counts as unable
 * to match a kind only when the first test of every path from the entity's type into the network says
 * so in words read here: {@code level == "县"}, or such tests joined by {@code ||} and {@code &&};
 * anything else, or a rule base not built as expected, can match every kind.
 */
final class MatchedKinds {
    private static final Pattern LEVEL_IS = Pattern.compile("level\\s*==\\s*\"([^\"\\\\]*)\"");

    private MatchedKinds() {}

    static Set<EntityKind> of(KieBase kieBase) {
        Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
        for (EntityKind k : EntityKind.values()) if (canMatch(kieBase, k.label())) kinds.add(k);
        return kinds;
    }

    /** True unless every first test under the entity's type nodes excludes {@code level}. */
    static boolean canMatch(KieBase kieBase, String level) {
        if (!(kieBase instanceof InternalRuleBase base)) return true;
        for (ObjectTypeNode otn : base.getRete().getObjectTypeNodes()) {
            ObjectType t = otn.getObjectType();
            if (!(t instanceof ClassObjectType c) || c.getClassType() == null) return true;
            if (!c.getClassType().isAssignableFrom(Entity.class)) continue;
            for (ObjectSink s : otn.getObjectSinkPropagator().getSinks()) {
                if (!(s instanceof AlphaNode a) || !(a.getConstraint() instanceof MVELConstraint m) || !excludes(m.getExpression(), level)) return true;
            }
        }
        return false;
    }

    /** Whether a constraint's expression is false for every entity of {@code level}: each alternative requires another level. */
    static boolean excludes(String expression, String level) {
        if (expression == null) return false;
        List<String> alternatives = split(unwrap(expression), "||");
        if (alternatives == null) return false;
        for (String alternative : alternatives) {
            List<String> all = split(unwrap(alternative), "&&");
            if (all == null) return false;
            boolean out = false;
            for (String test : all) {
                String t = unwrap(test);
                Matcher m = LEVEL_IS.matcher(t);
                List<String> inner = m.matches() ? null : split(t, "||");
                if (m.matches() ? !m.group(1).equals(level) : inner != null && inner.size() > 1 && excludes(t, level)) {
                    out = true;
                    break;
                }
            }
            if (!out) return false;
        }
        return true;
    }

    /** {@code s} split at {@code op} outside parentheses and string literals; null when they do not balance. */
    static List<String> split(String s, String op) {
        List<String> parts = new ArrayList<>();
        int depth = 0, from = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\') i++;
                else if (ch == '"') quoted = false;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (--depth < 0) return null;
            } else if (depth == 0 && s.startsWith(op, i)) {
                parts.add(s.substring(from, i));
                from = i + op.length();
                i = from - 1;
            }
        }
        if (depth != 0 || quoted) return null;
        parts.add(s.substring(from));
        return parts;
    }

    /** {@code s} stripped, without parentheses around the whole of it. */
    static String unwrap(String s) {
        String t = s.strip();
        while (t.startsWith("(") && t.endsWith(")")) {
            List<String> inside = split(t.substring(1, t.length() - 1), "\u0000");
            if (inside == null) break; // "(a) || (b)": the first parenthesis closes before the end
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
