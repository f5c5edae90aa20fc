package org.dudao.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the catalogue is read from in a compiled rule: its package, name, source path (as Drools keeps
 * it), the line it starts on and its metadata as Drools gives it (values as written, quotes included;
 * null for a key without a value). The rule cache keeps these beside the compiled packages, so a
 * command that needs only the catalogue ({@code rules list}) never deserializes a rule.
 */
record RuleInfo(String packageName, String name, String source, int line, Map<String, String> metadata) {
    RuleInfo {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Each rule of the rule base, in the base's package and rule order, its line taken from {@code lines} ({@link RuleFolder#ruleLines()}). */
    static List<RuleInfo> of(KieBase kieBase, Map<String, Integer> lines) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                String source = r instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : null;
                Map<String, String> md = new LinkedHashMap<>();
                r.getMetaData().forEach((k, v) -> md.put(k, v == null ? null : v.toString()));
                int line = lines.getOrDefault(RuleFolder.ruleKey(file(source), r.getName()), 0);
                out.add(new RuleInfo(r.getPackageName(), r.getName(), source, line, md));
            }
        }
        return out;
    }

    /** The rule's file relative to the rules folder, as the catalogue names it ("?" when Drools kept none). */
    String file() { return file(source); }

    private static String file(String source) {
        if (source == null) return "?";
        return source.startsWith("src/main/resources/") ? source.substring("src/main/resources/".length()) : source;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(packageName);
        out.writeUTF(name);
        nullable(out, source);
        out.writeInt(line);
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            out.writeUTF(m.getKey());
            nullable(out, m.getValue());
        }
    }

    static RuleInfo read(DataInput in) throws IOException {
        String packageName = in.readUTF(), name = in.readUTF(), source = nullable(in);
        int line = in.readInt();
        int n = in.readInt();
        Map<String, String> md = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) md.put(in.readUTF(), nullable(in));
        return new RuleInfo(packageName, name, source, line, md);
    }

    private static void nullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String nullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
