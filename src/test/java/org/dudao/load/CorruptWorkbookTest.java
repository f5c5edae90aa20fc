package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook that cannot be read at all is one {@link WorkbookException} naming the file, with a
 * Chinese message and no stack trace; the other workbooks of the same load are still read.
 */
class CorruptWorkbookTest {
    @TempDir Path dir;

    private Path good() {
        return Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)")
                .row(330102, "县", 2023, 4000)
                .save(dir.resolve("good.xlsx"));
    }

    /** Loads the bad file between good ones and checks what every corrupt file must give. */
    private void assertUnreadableAndOthersLoaded(Path bad) {
        Path good = good();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        Loaded l;
        try {
            PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
            l = Loaded.load(bad, good);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }

        assertThat(l.result.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.getFile()).isEqualTo(bad.toString());
            assertThat(e.getMessage()).isNotBlank().containsPattern("\\p{IsHan}{2,}");
        });
        assertThat(l.errors()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo(bad.toString());
            assertThat(p.describe()).startsWith(bad.toString());
        });
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        assertThat(l.dataset.sheets()).singleElement().satisfies(t -> assertThat(t.getFile()).isEqualTo(good.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8)).as("nothing like a stack trace is printed")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anEmptyFileIsUnreadableAndTheOtherWorkbooksAreStillLoaded() throws IOException {
        Path bad = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertUnreadableAndOthersLoaded(bad);
    }

    @Test
    void randomBytesAreUnreadable() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path bad = Files.write(dir.resolve("random.xlsx"), bytes);
        assertUnreadableAndOthersLoaded(bad);
    }

    @Test
    void aTruncatedCopyOfAValidWorkbookIsUnreadable() throws IOException {
        Path valid = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)")
                .row(330103, "县", 2023, 5000)
                .save(dir.resolve("valid.xlsx"));
        byte[] all = Files.readAllBytes(valid);
        Path bad = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(all, all.length / 2));
        assertUnreadableAndOthersLoaded(bad);
    }

    @Test
    void aTextFileRenamedToXlsxIsUnreadable() throws IOException {
        Path bad = Files.writeString(dir.resolve("renamed.xlsx"),
                "地区代码,层级,年度,在校学生数\n330104,县,2023,6000\n", StandardCharsets.UTF_8);
        assertUnreadableAndOthersLoaded(bad);
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertUnreadableAndOthersLoaded(dir.resolve("missing.xlsx"));
    }

    @Test
    void aWorkbookThatBreaksPartWayContributesNothingNotEvenItsGoodSheets() throws IOException {
        Path valid = Workbooks.create()
                .sheet("表1").row("地区代码", "层级", "年度", "在校学生数(人)").row(330103, "县", 2023, 5000)
                .sheet("表2").row("地区代码", "层级", "年度", "在校学生数(人)").row(330104, "县", 2023, 6000)
                .save(dir.resolve("two-sheets.xlsx"));
        // a well-formed zip whose second sheet's XML is cut short: the first sheet reads, the second fails
        Path bad = dir.resolve("half-sheet.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) b = Arrays.copyOf(b, b.length / 2);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }

        assertUnreadableAndOthersLoaded(bad);
        Loaded l = Loaded.load(bad);
        assertThat(l.dataset.entities()).isEmpty();
        assertThat(l.dataset.metrics()).isEmpty();
        assertThat(l.dataset.sheets()).isEmpty();
    }

    @Test
    void anOldXlsSignatureFollowedByGarbageIsUnreadable() throws IOException {
        byte[] bytes = new byte[2048];
        new Random(7).nextBytes(bytes);
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(ole2, 0, bytes, 0, ole2.length);
        Path bad = Files.write(dir.resolve("garbage.xls"), bytes);
        assertUnreadableAndOthersLoaded(bad);
    }
}
