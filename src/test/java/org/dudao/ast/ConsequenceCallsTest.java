package org.dudao.ast;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsequenceCallsTest {
    private static final String DRL = """
            package t;
            import org.dudao.model.Entity;
            import function org.dudao.engine.Patterns.*;

            rule "T-01 班额"
                @id("T-01")
                @level("县")
                @bound(">= {比例|50}%")
            when
                $e : Entity(level == "县")
            then
                // value("注释里的名称") is not a call
                insert(threshold(kcontext, $e, share("甲", "乙"), countOf("班级", "班额", 56), perPupil("经费")));
                insert(coverage(kcontext, $e, children("学校"), oneOf("等级", "优", "良")));
            end
            """;

    private static RuleFile file() {
        RuleFile f = RuleFiles.parse(Path.of("t.drl"), DRL);
        assertTrue(f.parsed(), f.errors().toString());
        return f;
    }

    @Test
    void metadataValuesWithoutQuotesAndWithTheirPlaces() {
        Rule r = file().rules().get(0);
        assertEquals("T-01", r.meta("id"));
        assertEquals(">= {比例|50}%", r.meta("bound"));
        assertEquals(new Location(7, 5), r.metadata("level").at());
        assertNull(r.meta("name"));
    }

    @Test
    void metricNamesWithTheLevelTheyAreReadFromAndWhereTheyAreWritten() {
        RuleFile f = file();
        ConsequenceCalls calls = ConsequenceCalls.of(f, f.rules().get(0));
        assertTrue(calls.parsed());
        List<ConsequenceCalls.MetricUse> uses = calls.metrics();
        assertEquals(List.of("甲", "乙", "班额", "经费", "在校学生数", "等级"), uses.stream().map(ConsequenceCalls.MetricUse::metric).toList());
        assertEquals(new ConsequenceCalls.MetricUse("甲", null, new Location(13, 43), false), uses.get(0));
        assertEquals("班级", uses.get(2).level());
        assertTrue(uses.get(4).implicit());
        assertEquals("学校", uses.get(5).level());
    }

    @Test
    void callsLiteralsAndCategoriesComeFromCodeNotComments() {
        RuleFile f = file();
        ConsequenceCalls calls = ConsequenceCalls.of(f, f.rules().get(0));
        assertEquals(List.of("insert", "threshold", "share", "countOf", "perPupil", "insert", "coverage", "children", "oneOf"), calls.names());
        assertTrue(calls.has("threshold", 5));
        assertFalse(calls.has("threshold", 4));
        assertFalse(calls.names().contains("value"));
        assertEquals(Map.of("等级", List.of("优", "良")), calls.categories());
        assertEquals("甲", calls.literals().get(0).value());
    }

    @Test
    void aConsequenceOutsideTheLanguageHasNoCalls() {
        RuleFile f = RuleFiles.parse(Path.of("t.drl"), DRL.replace("insert(coverage", "new Object(); insert(coverage"));
        ConsequenceCalls calls = ConsequenceCalls.of(f, f.rules().get(0));
        assertFalse(calls.parsed());
        assertTrue(calls.metrics().isEmpty());
    }
}
