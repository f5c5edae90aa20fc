package org.dudao.synthetic;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Writes a synthetic national data set in the input conventions, for scale tests and benchmarks:
 * 31 province workbooks, each with its province, cities and counties over three years (地区表),
 * its schools over three years with the balance metrics (学校表), and one year of classes (班级表).
 * At scale 1 that is about 2,900 counties, 200,000 schools and 4,000,000 classes; sizes scale
 * linearly with {@code scale}. Deterministic: the same seed and scale give the same cells.
 * Rows are streamed (SXSSF), so memory stays flat however large the files.
 */
public final class NationalDataGenerator {
    public static final int PROVINCES = 31;
    private static final int COUNTIES_AT_SCALE_1 = 2900;
    private static final int SCHOOLS_PER_COUNTY = 69;
    private static final int CLASSES_PER_SCHOOL = 20;
    private static final int CITIES_PER_PROVINCE = 10;

    /** The nation's code, when the set has one ({@link #withNation()}). */
    public static final String NATION = "000000";

    private final long seed;
    private final double scale;
    private final int lastYear;
    private final boolean nation;

    public NationalDataGenerator(long seed, double scale, int lastYear) {
        this(seed, scale, lastYear, false);
    }

    private NationalDataGenerator(long seed, double scale, int lastYear, boolean nation) {
        if (scale <= 0) throw new IllegalArgumentException("scale must be positive");
        this.seed = seed;
        this.scale = scale;
        this.lastYear = lastYear;
        this.nation = nation;
    }

    /**
     * The same set with a nation above the provinces ({@link #NATION}, 全国), its rows in a workbook of their own
     * ({@code nation.xlsx}), as a national office's files come: the nation is then spread over every workbook, and a
     * {@code --by-workbook} run reads the province workbooks again to conclude it (engine/SpreadRegions).
     */
    public NationalDataGenerator withNation() { return new NationalDataGenerator(seed, scale, lastYear, true); }

    /** What was written, for the caller to print. */
    public record Summary(List<Path> files, long counties, long schools, long classes) {}

    public Summary write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        long counties = 0, schools = 0, classes = 0;
        if (nation) files.add(writeNation(dir.resolve("nation.xlsx")));
        for (int p = 1; p <= PROVINCES; p++) {
            Path f = dir.resolve(String.format("province-%02d.xlsx", p));
            long[] n = writeProvince(p, f);
            counties += n[0];
            schools += n[1];
            classes += n[2];
            files.add(f);
        }
        return new Summary(files, counties, schools, classes);
    }

    private Path writeNation(Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheets sheets = sheets(wb, "规模 " + scale + "，全国一级");
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L);
            for (int y = lastYear - 2; y <= lastYear; y++) regionRow(sheets.regions(), sheets.next(), NATION, "全国", null, "全国", y, rnd, 40 * PROVINCES);
            save(wb, file);
        }
        return file;
    }

    int countiesPerProvince() {
        return Math.max(1, (int) Math.round(COUNTIES_AT_SCALE_1 * scale / PROVINCES));
    }

    /** Full-size counties from scale 0.01 up; below that, smaller ones, so a test set stays tiny. */
    int schoolsPerCounty() {
        return scale >= 0.01 ? SCHOOLS_PER_COUNTY : Math.max(2, (int) Math.round(SCHOOLS_PER_COUNTY * scale * 100));
    }

    int classesPerSchool() {
        return scale >= 0.01 ? CLASSES_PER_SCHOOL : Math.max(1, (int) Math.round(CLASSES_PER_SCHOOL * scale * 100));
    }

    private long[] writeProvince(int p, Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheets sheets = sheets(wb, "规模 " + scale);
            int perSchool = classesPerSchool();
            long[] n = province(sheets, p, countiesPerProvince(), schoolsPerCounty(), s -> perSchool);
            save(wb, file);
            return n;
        }
    }

    /**
     * One workbook holding {@code counties} counties (spread over up to 31 provinces of up to 10
     * cities each, about 100 counties a province), {@code schoolsPerCounty} schools each over three
     * years and {@code classesPerCounty} classes a county in the last year, in the same sheets as a
     * province's workbook: the single large workbook of issue 17 (3,000 counties, 10 schools and 333
     * classes a county: about 1,000,000 classes, 19 MB).
     */
    public Summary writeOneWorkbook(Path file, int counties, int schoolsPerCounty, int classesPerCounty) throws IOException {
        return writeOneWorkbook(file, Math.min(PROVINCES, Math.max(1, (counties + 99) / 100)), counties, schoolsPerCounty, classesPerCounty);
    }

    /** As {@link #writeOneWorkbook(Path, int, int, int)}, the counties spread over {@code provinces} provinces. */
    public Summary writeOneWorkbook(Path file, int provinces, int counties, int schoolsPerCounty, int classesPerCounty) throws IOException {
        if (provinces < 1 || counties < provinces || schoolsPerCounty < 1 || classesPerCounty < 0) {
            throw new IllegalArgumentException("counts must be positive, a county or more per province");
        }
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        long[] total = new long[3];
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheets sheets = sheets(wb, counties + " 个县的单个工作簿");
            for (int p = 1; p <= provinces; p++) {
                int here = counties / provinces + (p <= counties % provinces ? 1 : 0);
                long[] n = province(sheets, p, here, schoolsPerCounty,
                        s -> classesPerCounty / schoolsPerCounty + (s <= classesPerCounty % schoolsPerCounty ? 1 : 0));
                for (int i = 0; i < 3; i++) total[i] += n[i];
            }
            save(wb, file);
        }
        return new Summary(List.of(file), total[0], total[1], total[2]);
    }

    /** The sheets of a workbook being written, with the next row of each (地区, 学校, 班级). */
    private record Sheets(Sheet regions, Sheet schools, Sheet classes, int[] next) {}

    private Sheets sheets(SXSSFWorkbook wb, String what) {
        wb.setCompressTempFiles(true);
        Sheet note = wb.createSheet("说明");
        note.createRow(0).createCell(0).setCellValue("dudao 合成全国数据（synthetic data），种子 " + seed + "，" + what
                + "：地区、学校和数字均为虚构。");
        Sheet regions = wb.createSheet("地区");
        Sheet schoolSheet = wb.createSheet("学校");
        Sheet classSheet = wb.createSheet("班级");
        row(regions, 0, "地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)", "在校学生数(人)",
                "义务教育教师平均工资收入(元)", "公务员平均工资收入(元)", "在园幼儿数(人)", "公办园在园幼儿数(人)",
                "义务教育在校生数(人)", "民办义务教育在校生数(人)", "义务教育失学辍学人数(人)", "常住人口(人)", "特殊教育学校数(所)");
        row(schoolSheet, 0, "学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)", "随班就读学生数(人)", "资源教室",
                "高于规定学历教师数(人)", "县级及以上骨干教师数(人)", "体育艺术专任教师数(人)", "教学及辅助用房面积(平方米)",
                "体育运动场馆面积(平方米)", "教学仪器设备值(万元)", "网络多媒体教室数(间)");
        row(classSheet, 0, "学校代码", "班级", "年度", "学生数");
        return new Sheets(regions, schoolSheet, classSheet, new int[]{1, 1, 1});
    }

    private static void save(SXSSFWorkbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.dispose();
    }

    /**
     * A province's regions over three years, its {@code counties} counties with {@code schoolsPerCounty}
     * schools each over three years, and {@code classes.applyAsInt(s)} classes in the last year for the
     * {@code s}-th school of a county (from 1). Returns counties, schools, classes written.
     */
    private long[] province(Sheets out, int p, int counties, int schoolsPerCounty, IntUnaryOperator classes) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + p);
        String province = String.format("%02d0000", 10 + p);
        int cities = Math.max(1, Math.min(CITIES_PER_PROVINCE, counties));
        int[] r = out.next();
        long schools = 0, classCount = 0;
        String above = nation ? NATION : null;
        for (int y = lastYear - 2; y <= lastYear; y++) regionRow(out.regions(), r, province, "省" + p, above, "省", y, rnd, 40);
        for (int c = 1; c <= cities; c++) {
            String city = String.format("%02d%02d00", 10 + p, c);
            for (int y = lastYear - 2; y <= lastYear; y++) regionRow(out.regions(), r, city, "省" + p + "市" + c, province, "市", y, rnd, 8);
        }
        for (int k = 0; k < counties; k++) {
            int c = k % cities + 1;
            String city = String.format("%02d%02d00", 10 + p, c);
            String county = String.format("%02d%02d%02d", 10 + p, c, k / cities + 1);
            for (int y = lastYear - 2; y <= lastYear; y++) regionRow(out.regions(), r, county, "县" + county, city, "县", y, rnd, 1);
            for (int s = 1; s <= schoolsPerCounty; s++) {
                String school = county + String.format("%04d", s);
                String stage = s % 3 == 0 ? "初中" : "小学";
                int pupils = 200 + rnd.nextInt(1800);
                for (int y = lastYear - 2; y <= lastYear; y++) schoolRow(out.schools(), r, school, county, stage, y, pupils, rnd);
                schools++;
                for (int j = 1, n = classes.applyAsInt(s); j <= n; j++) {
                    Row row = out.classes().createRow(r[2]++);
                    row.createCell(0).setCellValue(school);
                    row.createCell(1).setCellValue(String.format("C%03d", j));
                    row.createCell(2).setCellValue(lastYear);
                    row.createCell(3).setCellValue(30 + rnd.nextInt(29) + (rnd.nextInt(50) == 0 ? 10 : 0));
                    classCount++;
                }
            }
        }
        return new long[]{counties, schools, classCount};
    }

    private static void regionRow(Sheet sheet, int[] r, String code, String name, String parent, String level, int year,
                                  SplittableRandom rnd, int size) {
        Row row = sheet.createRow(r[0]++);
        row.createCell(0).setCellValue(code);
        row.createCell(1).setCellValue(name);
        if (parent != null) row.createCell(2).setCellValue(parent);
        row.createCell(3).setCellValue(level);
        row.createCell(4).setCellValue(year);
        // Spending grows about 4% a year, with noise: most regions pass 只增不减, some do not.
        double base = 50000.0 * size * (1 + 0.04 * (year % 100));
        row.createCell(5).setCellValue(Math.round(base * (0.97 + rnd.nextDouble() * 0.05)));
        row.createCell(6).setCellValue(40000L * size + rnd.nextInt(2000));
        double civil = 100000 + rnd.nextInt(5000);
        row.createCell(7).setCellValue(Math.round(civil * (0.97 + rnd.nextDouble() * 0.06)));
        row.createCell(8).setCellValue(civil);
        int kids = 3000 * size;
        row.createCell(9).setCellValue(kids);
        row.createCell(10).setCellValue(Math.round(kids * (0.45 + rnd.nextDouble() * 0.2)));
        int compulsory = 30000 * size;
        row.createCell(11).setCellValue(compulsory);
        row.createCell(12).setCellValue(Math.round(compulsory * (0.05 + rnd.nextDouble() * 0.05)));
        row.createCell(13).setCellValue(rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3) : 0);
        row.createCell(14).setCellValue(150000L * size + rnd.nextInt(300000));
        row.createCell(15).setCellValue(rnd.nextInt(5) == 0 ? 0 : 1);
    }

    private static void schoolRow(Sheet sheet, int[] r, String code, String county, String stage, int year, int pupils,
                                  SplittableRandom rnd) {
        Row row = sheet.createRow(r[1]++);
        row.createCell(0).setCellValue(code);
        row.createCell(1).setCellValue("学校" + code);
        row.createCell(2).setCellValue(county);
        row.createCell(3).setCellValue(stage);
        row.createCell(4).setCellValue(year);
        row.createCell(5).setCellValue(pupils);
        row.createCell(6).setCellValue(rnd.nextInt(10));
        row.createCell(7).setCellValue(rnd.nextInt(4) == 0 ? "否" : "是");
        double f = pupils / 100.0;
        row.createCell(8).setCellValue(Math.round(f * (3.5 + rnd.nextDouble() * 3)));
        row.createCell(9).setCellValue(Math.round(f * (0.7 + rnd.nextDouble() * 0.8)));
        row.createCell(10).setCellValue(Math.round(f * (0.6 + rnd.nextDouble() * 0.8)));
        row.createCell(11).setCellValue(Math.round(pupils * (4.0 + rnd.nextDouble() * 3)));
        row.createCell(12).setCellValue(Math.round(pupils * (6.5 + rnd.nextDouble() * 5)));
        row.createCell(13).setCellValue(Math.round(pupils * (1800 + rnd.nextDouble() * 1200) / 100.0) / 100.0);
        row.createCell(14).setCellValue(Math.round(f * (2.0 + rnd.nextDouble())));
    }

    private static void row(Sheet sheet, int r, String... headers) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < headers.length; i++) row.createCell(i).setCellValue(headers[i]);
    }
}
