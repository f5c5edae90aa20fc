package org.dudao.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Verdict;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-base cache: used on an unchanged folder, rebuilt when the rules change or an entry is bad, refused when unsafe. */
class RuleCacheTest {
    @TempDir Path tmp;
    private Path cacheDir;
    private Path rules;

    @BeforeEach
    void setUp() throws IOException {
        cacheDir = tmp.resolve("cache");
        System.setProperty(RuleCache.PROPERTY, cacheDir.toString());
        // one small rule file with the dictionary: each compile here is a cold one, and the machine is shared
        rules = Files.createDirectories(tmp.resolve("rules"));
        for (String f : List.of("60-safety.drl", "metrics.csv", "params.csv", "validity.csv")) {
            Files.copy(Path.of("rules", f), rules.resolve(f));
        }
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(RuleCache.PROPERTY);
    }

    @Test
    void aSecondLoadOfUnchangedRulesUsesTheCacheAndGivesTheSameVerdicts() throws Exception {
        rules = tmp.resolve("shipped");
        copy(Path.of("rules"), rules);
        RuleBase first = RuleBase.compile(rules);
        RuleBase second = RuleBase.compile(rules);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(Files.getPosixFilePermissions(cacheDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(second.hash()).isEqualTo(first.hash());
        assertThat(second.catalogue()).isEqualTo(first.catalogue());
        assertThat(second.rules()).isEqualTo(first.rules());
        var data = new WorkbookLoader(first.dictionary())
                .load(List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx"))).dataset();
        assertThat(json(new Evaluator(second, 1).evaluate(data, 2024).verdicts()))
                .isEqualTo(json(new Evaluator(first, 1).evaluate(data, 2024).verdicts()));
    }

    @Test
    void aHitBringsBackTheThresholdsTable() throws Exception {
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值").row("SAFE-01", "", ">= 70%").save(rules.resolve("thresholds.xlsx"));
        RuleBase first = RuleBase.compile(rules);
        RuleBase second = RuleBase.compile(rules);

        assertThat(second.fromCache()).isTrue();
        assertThat(second.catalogue()).filteredOn(i -> i.id().equals("SAFE-01")).singleElement()
                .satisfies(i -> assertThat(i.bound()).contains("70").contains("界值表 thresholds.xlsx"));
        assertThat(second.rules()).isEqualTo(first.rules());
    }

    @Test
    void aHitDoesNotParseTheRulesAndKeepsTheirLinesAndOrder() throws Exception {
        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值").row("SAFE-01", "", ">= 70%").save(rules.resolve("thresholds.xlsx"));
        RuleFolder missed = RuleFolder.read(rules);
        RuleBase first = RuleBase.compile(missed, false);
        RuleFolder hit = RuleFolder.read(rules);
        RuleBase second = RuleBase.compile(hit, false);

        assertThat(missed.parsedYet()).isTrue();
        assertThat(second.fromCache()).isTrue();
        assertThat(hit.parsedYet()).isFalse();
        assertThat(hit.thresholds()).isEqualTo(missed.thresholds()).isNotEmpty();
        assertThat(second.catalogue()).isEqualTo(first.catalogue());
    }

    @Test
    void anEntryOfTheFormerFormatIsRebuilt() throws Exception {
        RuleBase.compile(rules);
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        byte[] former = "DUDAO-RULE-CACHE-1\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(former, 0, bytes, 0, former.length);
        Files.write(entry, bytes);

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        assertThat(RuleBase.compile(rules).fromCache()).isTrue();
        assertThat(Files.readAllBytes(onlyEntry())).startsWith(RuleCache.FORMAT.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aChangedRuleFileInvalidatesTheEntry() throws Exception {
        RuleBase.compile(rules);
        Path drl;
        try (Stream<Path> s = Files.list(rules)) {
            drl = s.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(drl, "\n// changed\n", StandardOpenOption.APPEND);

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        assertThat(RuleBase.compile(rules).fromCache()).isTrue();
    }

    @Test
    void trustedAndSandboxedCompilesDoNotShareEntries() throws Exception {
        RuleBase.compile(rules, true);

        assertThat(RuleBase.compile(rules, false).fromCache()).isFalse();
    }

    @Test
    void aCorruptedEntryIsRebuiltWithoutAnError() throws Exception {
        RuleBase first = RuleBase.compile(rules);
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        RuleBase again = RuleBase.compile(rules);

        assertThat(again.fromCache()).isFalse();
        assertThat(again.catalogue()).isEqualTo(first.catalogue());
        assertThat(RuleBase.compile(rules).fromCache()).isTrue();
    }

    @Test
    void aTruncatedEntryIsACacheMiss() throws Exception {
        RuleBase.compile(rules);
        Files.write(onlyEntry(), new byte[]{1, 2, 3});

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        assertThat(RuleBase.compile(rules).fromCache()).isTrue();
    }

    @Test
    void anEntryWrittenUnderAnotherKeyIsACacheMiss() throws Exception {
        RuleBase base = RuleBase.compile(rules);
        String key = RuleCache.key(base.hash(), false);
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        int header = RuleCache.FORMAT.length() + 2 + key.getBytes(StandardCharsets.UTF_8).length + 32 + 4;
        byte[] payload = Arrays.copyOfRange(bytes, header, bytes.length);
        // the same packages, as another Drools version would have stored them
        Files.write(entry, entry(key.replace("\ndrools ", "\ndrools 0."), payload));

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        Files.write(entry, entry(key, payload)); // and the payload itself was sound
        assertThat(RuleBase.compile(rules).fromCache()).isTrue();
    }

    @Test
    void anEntryHoldingAClassOutsideTheAllowListIsRefusedDeletedAndCompiledInstead() throws Exception {
        RuleBase base = RuleBase.compile(rules);
        String key = RuleCache.key(base.hash(), false);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(payload);
        head.writeInt(0); // no rules' catalogue data
        head.writeInt(-1); // no thresholds table
        head.flush();
        ByteArrayOutputStream packages = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(packages)) {
            out.writeInt(1);
            out.writeObject(new URL("http://example.invalid/")); // a known deserialisation gadget start
        }
        payload.write(packages.toByteArray());
        Path entry = RuleCache.at(cacheDir).entry(key);
        Files.write(entry, entry(key, payload.toByteArray()));

        // the catalogue data is read at once; the packages only when a session needs them, and refused then
        RuleBase planted = RuleBase.compile(rules);
        assertThat(planted.fromCache()).isTrue();
        assertThat(planted.kieBase().getKiePackages()).isNotEmpty();
        RuleBase again = RuleBase.compile(rules);
        assertThat(again.fromCache()).isTrue();
        assertThat(again.catalogue()).isEqualTo(base.catalogue());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(packages.toByteArray()))) {
            in.setObjectInputFilter(RuleCache.FILTER);
            in.readInt();
            assertThatThrownBy(in::readObject).isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        }
    }

    @Test
    void aHitReadsTheCompiledRulesOnlyWhenASessionNeedsThem() throws Exception {
        RuleBase.compile(rules);
        RuleBase hit = RuleBase.compile(rules);
        assertThat(hit.fromCache()).isTrue();
        assertThat(hit).extracting("kieBase").isNull();
        hit.prepareInBackground();
        assertThat(hit.kieBase().getKiePackages()).isNotEmpty();
        assertThat(hit.kieBase()).isSameAs(hit.kieBase());
    }

    @Test
    void aFolderOthersMayWriteIsRefusedAndTheRulesStillCompile() throws Exception {
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(RuleCache.at(cacheDir)).isNull();
        RuleBase.compile(rules);
        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void anEntryOthersMayWriteIsNotRead() throws Exception {
        RuleBase.compile(rules);
        Files.setPosixFilePermissions(onlyEntry(), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
    }

    @Test
    void offTurnsTheCacheOff() throws Exception {
        System.setProperty(RuleCache.PROPERTY, "off");
        RuleBase.compile(rules);

        assertThat(RuleBase.compile(rules).fromCache()).isFalse();
        assertThat(cacheDir).doesNotExist();
    }

    /** An entry in the cache's format, with a valid header, key and digest around the payload. */
    private static byte[] entry(String key, byte[] payload) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.write(RuleCache.FORMAT.getBytes(StandardCharsets.US_ASCII));
            out.writeUTF(key);
            out.write(MessageDigest.getInstance("SHA-256").digest(payload));
            out.writeInt(payload.length);
            out.write(payload);
        }
        return b.toByteArray();
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            List<Path> entries = s.filter(p -> p.toString().endsWith(".kb")).toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }

    private static String json(List<Verdict> verdicts) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartArray();
            for (Verdict v : verdicts) VerdictJson.writeExact(g, v);
            g.writeEndArray();
        }
        return w.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
