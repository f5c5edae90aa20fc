package org.dudao.load;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.synthetic.NationalDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook read in parts bounded by a county ({@link WorkbookLoader#loadInParts(Path, int, boolean)}):
 * one province of two cities and five counties, each county with two schools of three classes, region
 * values at every level over two years, and a school whose county is not in the workbook.
 */
class PartsByCountyTest {
    @TempDir static Path tmp;
    static Path workbook;
    static WorkbookLoader loader;
    static Dataset whole;

    static final String PROVINCE = "110000", CITY_1 = "110100", CITY_2 = "110200";
    /** In the order of the 地区 sheet. */
    static final List<String> COUNTIES = List.of("110101", "110102", "110201", "110202", "110103");
    /** In the order the hierarchy is walked, each city's counties together: the parts are packed in this order. */
    static final List<String> WALKED = List.of("110101", "110102", "110103", "110201", "110202");
    /** A school whose county (110999) is not in the workbook. */
    static final String ORPHAN = "1109990001";

    @BeforeAll
    static void write() throws Exception {
        workbook = tmp.resolve("county-parts.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet regions = wb.createSheet("地区");
            Sheet schools = wb.createSheet("学校");
            Sheet classes = wb.createSheet("班级");
            int[] r = {0, 0, 0};
            row(regions, r, 0, "地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)", "在校学生数(人)");
            row(schools, r, 1, "学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)");
            row(classes, r, 2, "学校代码", "班级", "年度", "学生数");
            for (int y = 2023; y <= 2024; y++) row(regions, r, 0, PROVINCE, "省一", null, "省", y, 800_000 + y, 400_000 + y);
            for (String city : List.of(CITY_1, CITY_2)) {
                for (int y = 2023; y <= 2024; y++) row(regions, r, 0, city, "市" + city, PROVINCE, "市", y, 300_000 + y, 150_000 + y);
            }
            int n = 0;
            for (String county : COUNTIES) {
                String city = county.substring(0, 4) + "00";
                for (int y = 2023; y <= 2024; y++) row(regions, r, 0, county, "县" + county, city, "县", y, 50_000 + y, 40_000 + y);
                for (int s = 1; s <= 2; s++) school(schools, classes, r, county + "000" + s, county, 300 + 10 * n++);
            }
            school(schools, classes, r, ORPHAN, "110999", 900);
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
        loader = new WorkbookLoader(MetricDictionary.read(Path.of("rules/metrics.csv")));
        whole = loader.load(List.of(workbook)).dataset();
        assertThat(codes(whole, EntityKind.COUNTY)).hasSize(5);
        assertThat(codes(whole, EntityKind.SCHOOL)).hasSize(11);
        assertThat(codes(whole, EntityKind.CLASS)).hasSize(33);
        assertThat(values(whole, null)).hasSize(8 * 4 + 11 * 2 + 33); // every value of every region, school and class
        assertThat(whole.problems()).hasSize(1); // the school whose county is missing
        assertThat(whole.problems()).extracting(p -> p.message()).noneMatch(m -> !m.contains("110999"));
    }

    private static void school(Sheet schools, Sheet classes, int[] r, String code, String county, int pupils) {
        for (int y = 2023; y <= 2024; y++) row(schools, r, 1, code, "学校" + code, county, "小学", y, pupils + y - 2023);
        for (int c = 1; c <= 3; c++) row(classes, r, 2, code, "C" + c, 2024, 40 + c);
    }

    private static void row(Sheet sheet, int[] r, int which, Object... cells) {
        Row row = sheet.createRow(r[which]++);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof String t) row.createCell(c).setCellValue(t);
            else if (cells[c] instanceof Integer i) row.createCell(c).setCellValue(i);
        }
    }

    /** The parts, loaded one after another, with the part files left in {@code dir} once they are. */
    private record Loaded(List<WorkbookLoader.Part> parts, List<Dataset> data) {}

    private static Loaded inParts(Path dir, int recordsPerPart, boolean byCounty) throws Exception {
        return inParts(workbook, dir, recordsPerPart, byCounty);
    }

    private static Loaded inParts(Path workbook, Path dir, int recordsPerPart, boolean byCounty) throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        Files.createDirectories(dir);
        System.setProperty("java.io.tmpdir", dir.toString());
        try {
            List<WorkbookLoader.Part> parts = loader.loadInParts(workbook, recordsPerPart, byCounty);
            List<Dataset> data = new ArrayList<>();
            for (WorkbookLoader.Part p : parts) {
                WorkbookLoader.Result r = p.load();
                assertThat(r.unreadable()).isEmpty();
                assertThat(p.latestYear()).isEqualTo(2024);
                data.add(r.dataset());
            }
            return new Loaded(parts, data);
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    private static Set<String> codes(Dataset d, EntityKind kind) {
        Set<String> codes = new TreeSet<>();
        for (Entity e : d.allEntities()) if (e.getKind() == kind) codes.add(e.getCode());
        return codes;
    }

    private static Set<String> values(Dataset d, Set<String> of) {
        Set<String> values = new TreeSet<>();
        for (Metric m : d.metrics()) {
            if (of == null || of.contains(m.getEntityCode())) {
                values.add(m.getEntityCode() + " " + m.getYear() + " " + m.getKey() + " " + m.getValue() + " " + m.getText() + " " + m.getUnit());
            }
        }
        return values;
    }

    /** Every record of a county's subtree: two rows and four values for the county, 2 × 2 × 2 for its schools, 2 × 3 × 2 for their classes. */
    private static int perCounty() {
        return 6 + 8 + 12;
    }

    @Test
    void parts_by_county_hold_whole_counties_with_copies_of_the_regions_above_them() throws Exception {
        Path dir = tmp.resolve("county");
        // two counties' records fit, three do not, in the order the hierarchy is walked (110103 is read last, but is
        // the first city's): (110101, 110102), (110103, 110201), (110202 and the school without its county, read last)
        Loaded l = inParts(dir, 2 * perCounty() + perCounty() / 2, true);
        assertThat(l.data()).hasSize(3);
        List<Set<String>> counties = List.of(Set.of("110101", "110102"), Set.of("110103", "110201"), Set.of("110202"));

        Set<String> schoolsSeen = new HashSet<>(), classesSeen = new HashSet<>();
        Set<String> metrics = new TreeSet<>();
        Map<String, Integer> regionParts = new HashMap<>();
        for (int i = 0; i < l.data().size(); i++) {
            Dataset d = l.data().get(i);
            // (a) whole counties, and no school or class of another county
            assertThat(codes(d, EntityKind.COUNTY)).as("part %d", i).isEqualTo(counties.get(i));
            Set<String> schools = codes(d, EntityKind.SCHOOL);
            for (String s : schools) {
                String county = d.entities().get(s).getParentCode();
                assertThat(counties.get(i).contains(county) || s.equals(ORPHAN)).as("school %s in part %d", s, i).isTrue();
            }
            Set<String> expectedSchools = new TreeSet<>();
            for (String c : counties.get(i)) expectedSchools.addAll(List.of(c + "0001", c + "0002"));
            if (i == 2) expectedSchools.add(ORPHAN);
            assertThat(schools).isEqualTo(expectedSchools);
            for (String c : codes(d, EntityKind.CLASS)) assertThat(schools).contains(d.entities().get(c).getParentCode());
            assertThat(codes(d, EntityKind.CLASS)).hasSize(3 * schools.size());
            // (b) the regions above its counties, their rows and every value of theirs, as read whole
            Set<String> above = new TreeSet<>(List.of(PROVINCE));
            for (String c : counties.get(i)) above.add(c.substring(0, 4) + "00");
            Set<String> regionsAbove = new TreeSet<>(codes(d, EntityKind.PROVINCE));
            regionsAbove.addAll(codes(d, EntityKind.CITY));
            assertThat(regionsAbove).isEqualTo(above);
            for (String a : above) {
                assertThat(d.entities().get(a).getName()).isEqualTo(whole.entities().get(a).getName());
                assertThat(values(d, Set.of(a))).hasSize(4).isEqualTo(values(whole, Set.of(a)));
            }
            regionsAbove.forEach(a -> regionParts.merge(a, 1, Integer::sum));
            // no problem beyond the school whose county is missing (its part's alone)
            assertThat(d.problems()).extracting(p -> p.message()).allMatch(m -> m.contains("110999"));
            // the file and the sheets' tallies go with the first part only
            assertThat(d.inputs()).hasSize(i == 0 ? 1 : 0);
            assertThat(d.sheets().isEmpty()).isEqualTo(i != 0);
            schools.forEach(s -> assertThat(schoolsSeen.add(s)).as("school %s in two parts", s).isTrue());
            codes(d, EntityKind.CLASS).forEach(c -> assertThat(classesSeen.add(c)).as("class %s in two parts", c).isTrue());
            metrics.addAll(values(d, null));
        }
        // (c) shared(): the regions copied into a part that another part holds too
        assertThat(l.parts().get(0).shared()).containsExactlyInAnyOrder(PROVINCE, CITY_1);
        assertThat(l.parts().get(1).shared()).containsExactlyInAnyOrder(PROVINCE, CITY_1, CITY_2);
        assertThat(l.parts().get(2).shared()).containsExactlyInAnyOrder(PROVINCE, CITY_2);
        Set<String> split = new TreeSet<>();
        regionParts.forEach((code, n) -> {
            if (n > 1) split.add(code);
        });
        Set<String> shared = new TreeSet<>();
        l.parts().forEach(p -> shared.addAll(p.shared()));
        assertThat(shared).isEqualTo(split).containsExactly(PROVINCE, CITY_1, CITY_2);
        // (d) together, de-duplicated, what the workbook read whole holds
        assertThat(schoolsSeen).isEqualTo(codes(whole, EntityKind.SCHOOL));
        assertThat(classesSeen).isEqualTo(codes(whole, EntityKind.CLASS));
        assertThat(metrics).isEqualTo(values(whole, null));
        Set<String> regions = new TreeSet<>();
        for (Dataset d : l.data()) for (Entity e : d.allEntities()) if (e.getKind().isRegion()) regions.add(e.getCode());
        Set<String> wholeRegions = new TreeSet<>();
        for (Entity e : whole.allEntities()) if (e.getKind().isRegion()) wholeRegions.add(e.getCode());
        assertThat(regions).isEqualTo(wholeRegions);
        assertThat(l.data().get(0).problems().size() + l.data().get(1).problems().size() + l.data().get(2).problems().size())
                .isEqualTo(whole.problems().size());
        // (f) the part files are gone once loaded, and so is the stage-one file
        assertThat(leftIn(dir)).isEmpty();
    }

    @Test
    void a_school_whose_county_is_missing_is_a_part_of_its_own_as_in_parts_of_provinces() throws Exception {
        // (e) one record each: every county a part, in the order walked, and the school without its county its own, last (read last)
        Loaded l = inParts(tmp.resolve("smallest"), 1, true);
        assertThat(l.data()).hasSize(WALKED.size() + 1);
        for (int i = 0; i < WALKED.size(); i++) {
            assertThat(codes(l.data().get(i), EntityKind.COUNTY)).containsExactly(WALKED.get(i));
            assertThat(l.parts().get(i).shared()).contains(PROVINCE);
        }
        Dataset last = l.data().get(COUNTIES.size());
        assertThat(codes(last, EntityKind.SCHOOL)).containsExactly(ORPHAN);
        assertThat(codes(last, EntityKind.CLASS)).hasSize(3);
        assertThat(codes(last, EntityKind.PROVINCE)).isEmpty();
        assertThat(codes(last, EntityKind.CITY)).isEmpty();
        assertThat(l.parts().get(COUNTIES.size()).shared()).isEmpty();
        Set<String> own = new LinkedHashSet<>(codes(last, EntityKind.SCHOOL));
        own.addAll(codes(last, EntityKind.CLASS));
        assertThat(values(last, null)).isEqualTo(values(whole, own));
        // every city is split when each county is a part of its own
        Set<String> shared = new TreeSet<>();
        l.parts().forEach(p -> shared.addAll(p.shared()));
        assertThat(shared).containsExactly(PROVINCE, CITY_1, CITY_2);
        assertThat(leftIn(tmp.resolve("smallest"))).isEmpty();
    }

    @Test
    void parts_of_provinces_are_as_before() throws Exception {
        Loaded l = inParts(tmp.resolve("province"), 1, false);
        // the province with everything beneath it, then the school without its county (its own root)
        assertThat(l.data()).hasSize(2);
        assertThat(l.parts()).allMatch(p -> p.shared().isEmpty());
        Dataset first = l.data().get(0), second = l.data().get(1);
        assertThat(codes(first, EntityKind.COUNTY)).containsExactlyInAnyOrderElementsOf(COUNTIES);
        assertThat(codes(first, EntityKind.SCHOOL)).hasSize(2 * COUNTIES.size());
        assertThat(codes(second, EntityKind.SCHOOL)).containsExactly(ORPHAN);
        assertThat(codes(second, EntityKind.PROVINCE)).isEmpty();
        Set<String> metrics = new TreeSet<>(values(first, null));
        metrics.addAll(values(second, null));
        assertThat(metrics).isEqualTo(values(whole, null));
        // larger parts: the same subtrees together in one part
        assertThat(inParts(tmp.resolve("province-one"), 1_000_000, false).data()).hasSize(1);
        assertThat(inParts(tmp.resolve("county-one"), 1_000_000, true).parts()).singleElement()
                .satisfies(p -> assertThat(p.shared()).isEmpty());
        assertThat(leftIn(tmp.resolve("province"))).isEmpty();
    }

    @Test
    void regions_above_the_counties_with_nothing_beneath_are_roots_of_their_own() throws Exception {
        Path file = tmp.resolve("no-county.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet regions = wb.createSheet("地区");
            Sheet schools = wb.createSheet("学校");
            Sheet classes = wb.createSheet("班级");
            int[] r = {0, 0, 0};
            row(regions, r, 0, "地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)");
            row(schools, r, 1, "学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)");
            row(classes, r, 2, "学校代码", "班级", "年度", "学生数");
            row(regions, r, 0, "120000", "省二", null, "省", 2024, 800_000);
            row(regions, r, 0, "120100", "市一", "120000", "市", 2024, 300_000);
            row(regions, r, 0, "120200", "市二", "120000", "市", 2024, 300_000); // nothing beneath it
            row(regions, r, 0, "120300", "市三", "120000", "市", 2024, 300_000); // a school straight beneath it
            row(regions, r, 0, "120101", "县一", "120100", "县", 2024, 50_000);
            row(regions, r, 0, "130000", "省三", null, "省", 2024, 700_000); // a province with nothing beneath it
            school(schools, classes, r, "1201010001", "120101", 500);
            school(schools, classes, r, "1203000001", "120300", 600);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        Loaded l = inParts(file, tmp.resolve("no-county"), 1, true);
        // in the order walked: the county (under the first city), the empty city, the school beneath the third city, the province alone
        List<Set<String>> regions = new ArrayList<>();
        List<Set<String>> schools = new ArrayList<>();
        for (Dataset d : l.data()) {
            Set<String> codes = new TreeSet<>();
            for (Entity e : d.allEntities()) if (e.getKind().isRegion()) codes.add(e.getCode());
            regions.add(codes);
            schools.add(codes(d, EntityKind.SCHOOL));
        }
        assertThat(regions).containsExactly(Set.of("120000", "120100", "120101"), Set.of("120000", "120200"), Set.of("120000", "120300"),
                Set.of("130000"));
        assertThat(schools).containsExactly(Set.of("1201010001"), Set.of(), Set.of("1203000001"), Set.of());
        assertThat(l.parts()).extracting(WorkbookLoader.Part::shared)
                .containsExactly(Set.of("120000"), Set.of("120000"), Set.of("120000"), Set.of());
        for (Dataset d : l.data()) assertThat(d.problems()).isEmpty();
        // with room for everything, one part and nothing shared
        assertThat(inParts(file, tmp.resolve("no-county"), 1_000_000, true).parts()).singleElement()
                .satisfies(p -> assertThat(p.shared()).isEmpty());
        assertThat(leftIn(tmp.resolve("no-county"))).isEmpty();
    }

    @Test
    void more_parts_than_files_open_at_once_are_written_in_several_reads() throws Exception {
        Path file = tmp.resolve("many.xlsx");
        int counties = WorkbookParts.OPEN_AT_ONCE + 22;
        new NationalDataGenerator(3, 1.0, 2024).writeOneWorkbook(file, 1, counties, 1, 1);
        Dataset all = loader.load(List.of(file)).dataset();
        Loaded l = inParts(file, tmp.resolve("many"), 1, true);
        assertThat(l.data()).hasSize(counties);
        Set<String> seen = new TreeSet<>(), metrics = new TreeSet<>();
        for (Dataset d : l.data()) {
            assertThat(codes(d, EntityKind.COUNTY)).hasSize(1);
            assertThat(codes(d, EntityKind.PROVINCE)).hasSize(1);
            for (Entity e : d.allEntities()) if (e.getKind().ordinal() >= EntityKind.COUNTY.ordinal()) assertThat(seen.add(e.getCode())).isTrue();
            metrics.addAll(values(d, null));
        }
        Set<String> below = new TreeSet<>();
        for (Entity e : all.allEntities()) if (e.getKind().ordinal() >= EntityKind.COUNTY.ordinal()) below.add(e.getCode());
        assertThat(seen).isEqualTo(below);
        assertThat(metrics).isEqualTo(values(all, null));
        assertThat(leftIn(tmp.resolve("many"))).isEmpty();
    }

    private static List<String> leftIn(Path dir) throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            return left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("dudao-part-") || n.startsWith("dudao-read-")).toList();
        }
    }
}
